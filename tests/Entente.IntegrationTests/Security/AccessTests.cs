using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Audit;
using Entente.Web.Features.Notes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Security;

/// <summary>Who may see and change what: anonymous callers, the other party, viewers and track leads.</summary>
public abstract class AccessTests(EntenteApp app)
{
    /// <summary>Routes that answer without signing in, on purpose, with what they answer to GET.</summary>
    private static readonly Dictionary<string, HttpStatusCode> Anonymous = new()
    {
        ["/health/live"] = HttpStatusCode.OK,
        ["/health/ready"] = HttpStatusCode.OK,
        ["/account/sign-in"] = HttpStatusCode.OK,
        ["/account/second-factor"] = HttpStatusCode.OK,
        ["/account/sign-out"] = HttpStatusCode.OK,
        ["/account/denied"] = HttpStatusCode.Forbidden,
        ["/account/enrol"] = HttpStatusCode.Redirect,
        ["/account/language"] = HttpStatusCode.Redirect,
        ["/account/invitation"] = HttpStatusCode.OK, // an invited person has no account to sign in with yet: the link's token is the key
    };

    [Fact]
    public async Task EveryMappedEndpoint_RefusesAnonymousCallers_ExceptTheHealthChecksAndSignIn()
    {
        var anonymous = app.CreatePageClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null
                    ? ["GET", "POST"] // a page: shown by GET, its forms posted
                    : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        var failures = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route.Replace("{kind:recordkind}", "sessions", StringComparison.Ordinal), "\\{[^}]+\\}", Guid.NewGuid().ToString());
            var isApi = route.StartsWith("/api", StringComparison.Ordinal) || route.StartsWith("/openapi", StringComparison.Ordinal) || route.StartsWith("/health", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "GET" or "DELETE" ? null : isApi ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]),
            };
            using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
            var location = response.Headers.Location?.ToString() ?? string.Empty;
            var ok = Anonymous.TryGetValue(route, out var open)
                ? method == "GET" ? response.StatusCode == open : response.StatusCode == HttpStatusCode.BadRequest // a form post without the antiforgery token
                : isApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/sign-in?returnUrl=", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{method} {route} answered {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found.");
        Assert.Contains(endpoints, e => e.Route == "/bodies/{id:guid}");
        Assert.Contains(endpoints, e => e.Route == "/{kind:recordkind}/{id:guid}/edit");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task OtherParty_NeverSeesAKuwaitiNationalNote_InAnyListCountFilterReadOrHistory()
    {
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var uk = app.CreateClient(ukToken, null);
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var kuwaiti = (await kw.ListAsync<NoteResponse>($"/api/notes?visibility=national&ownerPartyId={reference.Kuwait}")).First();

        var all = await uk.GetAsync<Entente.Web.Infrastructure.PageOf<NoteResponse>>("/api/notes?pageSize=200");
        var national = await uk.ListAsync<NoteResponse>("/api/notes?visibility=national");
        var byOwner = await uk.ListAsync<NoteResponse>($"/api/notes?ownerPartyId={reference.Kuwait}");
        var onTarget = await uk.ListAsync<NoteResponse>($"/api/notes?targetId={kuwaiti.TargetId}");
        using var read = await uk.GetAsync($"/api/notes/{kuwaiti.Id}", TestContext.Current.CancellationToken);
        var history = await uk.ListAsync<AuditEntryResponse>($"/api/audit-entries?recordId={kuwaiti.Id}");
        using var write = await uk.PutJsonAsync($"/api/notes/{kuwaiti.Id}", new { jointBodyId = kuwaiti.JointBodyId, targetType = "track", targetId = kuwaiti.TargetId, language = "en", text = "overwritten" }, $"\"{kuwaiti.Version}\"");

        Assert.DoesNotContain(all.Items, n => n.Id == kuwaiti.Id);
        Assert.Equal(all.Items.Count, all.Total);
        Assert.All(national, n => Assert.Equal(reference.UnitedKingdom, n.OwnerPartyId));
        Assert.Empty(byOwner);
        Assert.DoesNotContain(onTarget, n => n.Id == kuwaiti.Id);
        await read.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(history);
        await write.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(kuwaiti.Text, (await kw.GetAsync<NoteResponse>($"/api/notes/{kuwaiti.Id}")).Text);
    }

    [Fact]
    public async Task ClaimAboutANationalRecord_IsNationalToo_WhateverBodyItNames()
    {
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var body = reference.NewItem("A Kuwaiti internal action");
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.Kuwait;
        var (note, _) = await Reference.CreateItemAsync(kw, body);
        var source = (await kw.ListAsync<Entente.Web.Features.Sources.SourceResponse>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];
        await kw.CreateAsync<Entente.Web.Features.Sources.ClaimResponse>("/api/claims", new { recordType = "action-item", recordId = note.Id, field = "title", value = "x", sourceId = source.Id });
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);

        var seenByUk = await app.CreateClient(ukToken, null).ListAsync<Entente.Web.Features.Sources.ClaimResponse>($"/api/claims?recordId={note.Id}");
        var seenByKw = await kw.ListAsync<Entente.Web.Features.Sources.ClaimResponse>($"/api/claims?recordId={note.Id}");

        Assert.Empty(seenByUk);
        Assert.Single(seenByKw);
    }

    [Fact]
    public async Task Viewer_ReadsButCannotWrite()
    {
        var (_, viewerToken) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var viewer = app.CreateClient(viewerToken, null);
        var reference = await Reference.LoadAsync(viewer);

        using var create = await viewer.PostJsonAsync("/api/action-items", reference.NewItem());

        Assert.Equal("forbidden", (string?)(await create.ProblemAsync(HttpStatusCode.Forbidden))["code"]);
    }

    [Fact]
    public async Task TrackLead_WritesItemsOfTheirTrackOnly()
    {
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (_, leadToken) = await app.NewAccountAsync("GB", role: MemberRole.TrackLead, trackIds: reference.Health.Id);
        var lead = app.CreateClient(leadToken, null);
        var defence = reference.Tracks.Single(t => t.Area == TrackArea.Defence);

        using var health = await lead.PostJsonAsync("/api/action-items", reference.NewItem("Health item by its lead"));
        var other = reference.NewItem("Defence item by the health lead");
        other["trackId"] = defence.Id;
        using var defenceItem = await lead.PostJsonAsync("/api/action-items", other);
        using var agreement = await lead.PostJsonAsync("/api/agreements", reference.NewAgreement());

        await ApiClient.EnsureAsync(health, HttpStatusCode.Created);
        await defenceItem.ProblemAsync(HttpStatusCode.Forbidden);
        await agreement.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Secretariat_CannotSwapTheOtherPartyOutOfItsBody()
    {
        var admin = app.CreateClient();
        var third = await admin.CreateAsync<Entente.Web.Features.Parties.PartyResponse>("/api/parties", new
        {
            code = "X-" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26)))]),
            kind = "organisation",
            name = new { ar = "طرف ثالث", en = "A third party" },
        });
        var (_, token) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var secretariat = app.CreateClient(token, null);
        var reference = await Reference.LoadAsync(secretariat);
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "joint-steering-group",
            ["name"] = reference.Body.Name,
            ["established"] = reference.Body.Established,
            ["historyNote"] = reference.Body.HistoryNote,
            ["relationsSince"] = reference.Body.RelationsSince,
            ["partyIds"] = new[] { reference.Kuwait, third.Id },
        };

        using var swapped = await secretariat.PutJsonAsync($"/api/joint-bodies/{reference.Body.Id}", body, $"\"{reference.Body.Version}\"");

        await swapped.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(reference.UnitedKingdom, (await Reference.LoadAsync(admin)).Body.PartyIds);
    }

    [Fact]
    public async Task Secretariat_CannotCreateANationalRecordInTheOtherPartysName()
    {
        var reference = await Reference.LoadAsync(app.CreateClient());
        var body = reference.NewItem();
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.UnitedKingdom;

        using var response = await app.CreateClient().PostJsonAsync("/api/action-items", body);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessTestsOnSqlite(SqliteApp app) : AccessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccessTestsOnPostgres(PostgresApp app) : AccessTests(app);
