using Entente.Web.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>The convention that names an API field to a person through the strings (a message never quotes 'sessionId' when a word exists).</summary>
public sealed class FieldLabelsTests
{
    [Theory]
    [InlineData("sessionId", "session")]
    [InlineData("dueOn", "due-on")]
    [InlineData("coChairs[0]", "co-chairs")]
    [InlineData("ownerInstitutionIds", "owner-institutions")]
    [InlineData("number", "number")]
    [InlineData("title.ar", null)]
    [InlineData("", null)]
    public void Stem_IsTheKeyOfTheFieldsLabel(string field, string? stem) => Assert.Equal(stem, FieldLabels.Stem(field));
}
