using System.Net;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Agenda;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Translations;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// A text may be saved in the one language it was drafted in, its translation pending: it is listed
/// in the party's "to translate" queue, and both languages become required only where the text binds
/// or is published (a plan frozen, minutes proposed, a statement approved). A name no source gave in a
/// language is absent, not invented.
/// </summary>
public abstract class OneLanguageFirstTests(EntenteApp app)
{
    [Fact]
    public async Task ATextInOneLanguage_IsKept_AndQueuedForTranslation_ForItsOwnPartyOnlyWhenNational()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var arabicOnly = reference.NewItem();
        arabicOnly["title"] = new { ar = "إعداد دليل مشترك لإدارة المختبرات " + Guid.NewGuid().ToString("N")[..6], en = "" };
        var (item, _) = await Reference.CreateItemAsync(kuwait, arabicOnly);
        Assert.Equal(string.Empty, item.Title.En);

        var englishOnly = reference.NewItem("Draft a joint laboratory handbook");
        englishOnly["title"] = new { ar = (string?)null, en = "Draft a joint laboratory handbook " + Guid.NewGuid().ToString("N")[..6] };
        englishOnly["visibility"] = "national";
        englishOnly["ownerPartyId"] = reference.Kuwait;
        var (national, _) = await Reference.CreateItemAsync(kuwait, englishOnly);

        var awaitingEnglish = await kuwait.ListAsync<PendingTranslation>($"/api/translations?jointBodyId={reference.Body.Id}&missing=en");
        Assert.Contains(awaitingEnglish, p => p.RecordId == item.Id && p.Field == "title" && p.Missing == "en" && p.Text == item.Title.Ar && p.RecordType == RecordType.ActionItem);
        Assert.DoesNotContain(awaitingEnglish, p => p.RecordId == national.Id);
        var awaitingArabic = await kuwait.ListAsync<PendingTranslation>($"/api/translations?jointBodyId={reference.Body.Id}&missing=ar&type=action-item");
        Assert.Contains(awaitingArabic, p => p.RecordId == national.Id && p.Visibility == Visibility.National);
        Assert.All(awaitingArabic, p => Assert.Equal(RecordType.ActionItem, p.RecordType));

        // The other party's queue holds the joint text, never Kuwait's national one.
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(ukToken, null);
        var british = await britain.ListAsync<PendingTranslation>($"/api/translations?jointBodyId={reference.Body.Id}");
        Assert.Contains(british, p => p.RecordId == item.Id);
        Assert.DoesNotContain(british, p => p.RecordId == national.Id);

        // Translated, it leaves the queue.
        var current = await kuwait.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        var translated = reference.NewItem("Draft a joint handbook on laboratory management");
        translated["title"] = new { ar = item.Title.Ar, en = "Draft a joint handbook on laboratory management" };
        using (var put = await kuwait.PutJsonAsync($"/api/action-items/{item.Id}", translated, $"\"{current.Version}\""))
        {
            await ApiClient.EnsureAsync(put, HttpStatusCode.OK);
        }

        Assert.DoesNotContain(await kuwait.ListAsync<PendingTranslation>($"/api/translations?jointBodyId={reference.Body.Id}"), p => p.RecordId == item.Id);

        using var unknown = await kuwait.GetAsync($"/api/translations?missing=fr", TestContext.Current.CancellationToken);
        Assert.Equal("missing", (string?)(await unknown.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    [Fact]
    public async Task APlanIsFrozen_AndMinutesProposed_OnlyOnceEveryTextIsInBothLanguages()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual", status = "open" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة العمل", en = "Action plan" } });
        var body = reference.NewItem();
        body["actionPlanId"] = plan.Id;
        body["title"] = new { ar = "تدريب فرق الإسعاف", en = "" };
        var (item, _) = await Reference.CreateItemAsync(client, body);

        using (var refused = await client.PostJsonAsync($"/api/action-plans/{plan.Id}/freeze", new { }, $"\"{plan.Version}\""))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(("translation-pending", $"items[{item.Id}].title.en"), ((string?)problem["code"], (string?)problem["field"]));
        }

        Assert.Equal(ActionPlanStatus.Draft, (await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}")).Status);
        var current = await client.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        body["title"] = new { ar = "تدريب فرق الإسعاف", en = "Train ambulance crews" };
        using (var put = await client.PutJsonAsync($"/api/action-items/{item.Id}", body, $"\"{current.Version}\""))
        {
            await ApiClient.EnsureAsync(put, HttpStatusCode.OK);
        }

        var version = (await client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}")).Version;
        using (var frozen = await client.PostJsonAsync($"/api/action-plans/{plan.Id}/freeze", new { }, $"\"{version}\""))
        {
            Assert.Equal(ActionPlanStatus.Frozen, (await ApiClient.ReadAsync<ActionPlanResponse>(frozen, HttpStatusCode.OK)).Status);
        }

        var agenda = await client.CreateAsync<AgendaItemResponse>("/api/agenda-items", new
        {
            sessionId = session.Id,
            title = new { ar = "تقرير فريق الإسعاف", en = "Ambulance team report" },
            minutes = new { ar = "", en = "The two sides reviewed the training of ambulance crews." },
        });
        using var propose = await client.PostJsonAsync($"/api/agenda-items/{agenda.Id}/minutes/proposal", new { }, $"\"{agenda.Version}\"");
        var refusal = await propose.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("translation-pending", "minutes.ar"), ((string?)refusal["code"], (string?)refusal["field"]));
        Assert.Equal(MinutesStatus.Draft, (await client.GetAsync<AgendaItemResponse>($"/api/agenda-items/{agenda.Id}")).MinutesStatus);
    }

    [Fact]
    public async Task AnExportInTheLanguageStillToCome_PrintsTheOtherMarkedAsAwaitingTranslation_NeverABlank()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual", status = "open" });
        var marker = Guid.NewGuid().ToString("N")[..6];
        var item = await client.CreateAsync<AgendaItemResponse>("/api/agenda-items", new
        {
            sessionId = session.Id,
            title = new { ar = "تقرير مسار الطاقة " + marker, en = "" },
            minutes = new { ar = "", en = "The two sides reviewed the grid study " + marker + "." },
        });

        // Both texts wait in the queue, each for its own language.
        var queue = await client.ListAsync<PendingTranslation>($"/api/translations?jointBodyId={reference.Body.Id}&type=agenda-item");
        Assert.Contains(queue, p => p.RecordId == item.Id && p.Field == "title" && p.Missing == "en");
        Assert.Contains(queue, p => p.RecordId == item.Id && p.Field == "minutes" && p.Missing == "ar");
        // The queue's page links the item's own page, where it is translated.
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var page = await PageSession.SignedInClientAsync(app, secretariat);
        var queuePage = await page.GetStringAsync($"/bodies/{reference.Body.Id}/translations?missing=en", TestContext.Current.CancellationToken);
        Assert.Contains($"href=\"/agenda-items/{item.Id}\"", queuePage, StringComparison.Ordinal);
        var statement = await client.GetAsync<Entente.Web.Features.Statements.StatementResponse>($"/api/sessions/{reference.Session16.Id}/statement");
        using (var toStatement = await page.GetAsync($"/statements/{statement.Id}", TestContext.Current.CancellationToken))
        {
            Assert.Equal((HttpStatusCode.Redirect, $"/sessions/{reference.Session16.Id}/statement"), (toStatement.StatusCode, toStatement.Headers.Location?.OriginalString));
        }

        var agendaEn = await client.GetStringAsync($"/api/sessions/{session.Id}/agenda/export?format=html&lang=en", TestContext.Current.CancellationToken);
        Assert.Contains("تقرير مسار الطاقة " + marker + " (translation pending)", agendaEn, StringComparison.Ordinal);
        var minutesAr = await client.GetStringAsync($"/api/sessions/{session.Id}/agenda/export?what=minutes&format=html&lang=ar", TestContext.Current.CancellationToken);
        Assert.Contains("The two sides reviewed the grid study " + marker + ". (بانتظار الترجمة)", minutesAr, StringComparison.Ordinal);
        Assert.Contains("تقرير مسار الطاقة " + marker, minutesAr, StringComparison.Ordinal);
        Assert.DoesNotContain("تقرير مسار الطاقة " + marker + " (بانتظار", minutesAr, StringComparison.Ordinal);

        // Neither agenda nor minutes is not taken for the agenda.
        using var unknown = await client.GetAsync($"/api/sessions/{session.Id}/agenda/export?what=notes&format=html&lang=ar", TestContext.Current.CancellationToken);
        Assert.Equal("what", (string?)(await unknown.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    [Fact]
    public async Task APersonNamedInArabicOnly_HasNoEnglishSpelling_NeverAnInventedOne()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var person = await client.CreateAsync<PersonResponse>("/api/people", new
        {
            partyId = reference.Kuwait,
            names = new[] { new { language = "ar", text = "سالم العتيبي " + Guid.NewGuid().ToString("N")[..4], isPreferred = true } },
        });

        Assert.Equal("ar", Assert.Single(person.Names).Language);
        Assert.True(string.IsNullOrEmpty(person.Name.En), $"An English name was made up: {person.Name.En}");

        using var nameless = await client.PostJsonAsync("/api/people", new { partyId = reference.Kuwait, names = Array.Empty<object>() });
        Assert.Equal("names", (string?)(await nameless.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        using var twoPreferred = await client.PostJsonAsync("/api/people", new JsonObject
        {
            ["partyId"] = reference.Kuwait,
            ["names"] = new JsonArray(new JsonObject { ["language"] = "ar", ["text"] = "سالم", ["isPreferred"] = true }, new JsonObject { ["language"] = "ar", ["text"] = "سليم", ["isPreferred"] = true }),
        });
        Assert.Equal("names", (string?)(await twoPreferred.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OneLanguageFirstTestsOnSqlite(SqliteApp app) : OneLanguageFirstTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OneLanguageFirstTestsOnPostgres(PostgresApp app) : OneLanguageFirstTests(app);
