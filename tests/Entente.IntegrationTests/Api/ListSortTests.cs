using System.Net;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Tracks;

namespace Entente.IntegrationTests.Api;

/// <summary>Lists sort by any of their fields on request, both ways, bilingual fields in the caller's language.</summary>
public abstract class ListSortTests(EntenteApp app)
{
    [Fact]
    public async Task Sessions_ByNumber_BothWays()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);

        var ascending = await client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={reference.Body.Id}&sort=number");
        var descending = await client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={reference.Body.Id}&sort=-number");

        Assert.Equal(15, ascending[0].Number);
        Assert.Equal(ascending.Select(s => s.Number).Order(), ascending.Select(s => s.Number));
        Assert.Equal(descending.Select(s => s.Number).OrderDescending(), descending.Select(s => s.Number));
    }

    [Theory]
    [InlineData("en", "name", "Cybersecurity", "Political cooperation")]
    [InlineData("en", "-name", "Political cooperation", "Cybersecurity")]
    [InlineData("ar", "name", "Cybersecurity", "Political cooperation")]
    [InlineData("ar", "-name", "Political cooperation", "Cybersecurity")]
    public async Task Tracks_ByName_InTheCallersLanguage(string language, string sort, string first, string second)
    {
        var client = app.CreateClient(language);
        var reference = await Reference.LoadAsync(client);

        var tracks = await client.ListAsync<TrackResponse>($"/api/tracks?jointBodyId={reference.Body.Id}&sort={sort}");
        var names = tracks.Select(t => t.Name.En).ToList();

        // "الأمن السيبراني" sorts before "التعاون السياسي" in Arabic as "Cybersecurity" does before "Political cooperation" in English.
        Assert.True(names.IndexOf(first) < names.IndexOf(second), string.Join(" | ", tracks.Select(t => language == "ar" ? t.Name.Ar : t.Name.En)));
    }

    [Fact]
    public async Task UnknownSort_Is400NamingSort()
    {
        var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agreements?sort=-colour", TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("sort", (string?)problem["field"]);
        Assert.Contains("title", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ListSortTestsOnSqlite(SqliteApp app) : ListSortTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ListSortTestsOnPostgres(PostgresApp app) : ListSortTests(app);
