using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entente.IntegrationTests.Platform;

/// <summary>The record pages' specs fit the API they stand on: each path is the request's and the answer's, each list of choices is offered by a feature.</summary>
[Collection(SqliteCollection.Name)]
public sealed class RecordPageSpecTests(SqliteApp app)
{
    private System.Text.Json.JsonSerializerOptions Json => app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private IReadOnlyList<string> Sources => [.. app.Services.GetServices<IChoiceSource>().Select(s => s.Name), BodyChoices.PartiesSource];

    [Fact]
    public void EverySpecTheFeaturesRegister_FitsItsRequestAndResponse()
    {
        var specs = app.Services.GetRequiredService<RecordPageSpecs>().All.ToList();
        Assert.True(specs.Count >= 10, $"Only {specs.Count} record page specs are registered.");
        Assert.All(specs, spec => Assert.Empty(RecordPageChecks.Mismatches(spec, Json, Sources)));
    }

    [Fact]
    public void ASpecWithAMisspeltPath_AnUnknownChoiceListOrAnEnumWithoutItsType_IsReported()
    {
        var mismatches = RecordPageChecks.Mismatches(new MisspeltSessionPages(), Json, Sources);

        Assert.Contains(mismatches, m => m.Contains("'palceName.ar'", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("'palceName' is no property of SessionResponse", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("'counsellors'", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.Contains("'status' is an enum field without its enum type", StringComparison.Ordinal));
        Assert.DoesNotContain(mismatches, m => m.Contains("'number'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("placeName.ar", typeof(string))]
    [InlineData("coChairs[3].title.en", typeof(string))]
    [InlineData("coChairs[0].personId", typeof(Guid))]
    [InlineData("startsOn.year", typeof(int))]
    public void TypeAt_FollowsObjectsAndListElements(string path, Type expected)
    {
        var type = RecordPageChecks.TypeAt(Json, typeof(SessionRequest), path);

        Assert.Equal(expected, Nullable.GetUnderlyingType(type!) ?? type);
    }

    [Theory]
    [InlineData("placename")]
    [InlineData("coChairs[0].name")]
    [InlineData("startsOn.hour")]
    [InlineData("number.value")]
    public void TypeAt_AnythingElseIsNone(string path) => Assert.Null(RecordPageChecks.TypeAt(Json, typeof(SessionRequest), path));

    /// <summary>The session pages as someone might mistype them.</summary>
    private sealed class MisspeltSessionPages : RecordPageSpec<SessionsHandler, Session, SessionRequest, SessionResponse>
    {
        public override string Kind => "sessions";

        public override IReadOnlyList<FieldSpec> Fields { get; } =
        [
            new("number", "ui.field.number", FieldKind.Number),
            new("status", "ui.field.status", FieldKind.Enum),
            new("palceName", "ui.field.place", FieldKind.Title),
            new("coChairs", "ui.field.co-chairs", FieldKind.PeopleInRoles) { Choices = "counsellors" },
        ];

        protected override Task<PageOf<SessionResponse>> ListAsync(SessionsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
