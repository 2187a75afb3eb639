using Entente.Domain;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Parties;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Tracks;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Ids of the reference case's records, looked up through the API, and request bodies built on them.</summary>
public sealed record Reference(
    JointBodyResponse Body,
    Guid Kuwait,
    Guid UnitedKingdom,
    SessionResponse Session16,
    SessionResponse Session17,
    TrackResponse Health,
    IReadOnlyList<TrackResponse> Tracks)
{
    public static async Task<Reference> LoadAsync(HttpClient client)
    {
        var body = Assert.Single(await client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Kuwait–UK Joint Steering Group");
        var parties = (await client.ListAsync<PartyResponse>("/api/parties")).ToDictionary(p => p.Code, p => p.Id);
        var sessions = await client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={body.Id}");
        var tracks = await client.ListAsync<TrackResponse>($"/api/tracks?jointBodyId={body.Id}");
        return new Reference(
            body,
            parties["KW"],
            parties["GB"],
            sessions.Single(s => s.Number == 16),
            sessions.Single(s => s.Number == 17),
            tracks.Single(t => t.Area == TrackArea.Health),
            tracks);
    }

    // Counted up from a random thousand, so that no two tests of a run, nor of runs on a kept test database, meet.
    private static int _sessionNumber = 100_000 + (Random.Shared.Next(0, 2_000_000) * 1000);

    /// <summary>A session number no other test takes (random numbers met each other once in a clean-clone run).</summary>
    /// <remarks>Ten apart: proposing the next session takes the number after.</remarks>
    public static int NewSessionNumber() => Interlocked.Add(ref _sessionNumber, 10);

    /// <summary>A valid new action item of the health track, not in any plan.</summary>
    public Dictionary<string, object?> NewItem(string title = "Exchange hospital management curricula") => new()
    {
        ["jointBodyId"] = Body.Id,
        ["trackId"] = Health.Id,
        ["title"] = new { ar = "تبادل مناهج إدارة المستشفيات", en = title },
        ["dueOn"] = "2021-10-31",
        ["status"] = "not-started",
        ["ownerInstitutionIds"] = Health.Leads.Select(l => l.InstitutionId).ToArray(),
    };

    /// <summary>A valid new agreement proposal of the health track.</summary>
    public Dictionary<string, object?> NewAgreement() => new()
    {
        ["jointBodyId"] = Body.Id,
        ["trackId"] = Health.Id,
        ["kind"] = "memorandum-of-understanding",
        ["title"] = new { ar = "مذكرة تفاهم في مجال الصحة العامة", en = "MoU on Public Health" },
        ["partyIds"] = new[] { Kuwait, UnitedKingdom },
    };

    /// <summary>Creates a new item and returns it with its ETag.</summary>
    public static async Task<(ActionItemResponse Item, string ETag)> CreateItemAsync(HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostJsonAsync("/api/action-items", body);
        await ApiClient.EnsureAsync(response, System.Net.HttpStatusCode.Created);
        var item = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ActionItemResponse>(response.Content, ApiClient.Json, TestContext.Current.CancellationToken))!;
        return (item, response.Headers.ETag!.Tag);
    }

    /// <summary>The signed plan of the 16th session.</summary>
    public async Task<ActionPlanResponse> Plan16Async(HttpClient client) =>
        Assert.Single(await client.ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={Session16.Id}"));
}
