using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Platform;

/// <summary>Times in the reader's zone: a meeting read in its own clock and in the reader's, and a zone the reader picks (never one made up).</summary>
[Collection(SqliteCollection.Name)]
public sealed class ReaderTimeZoneTests(SqliteApp app)
{
    [Fact]
    public async Task AReaderInLondon_ReadsAKuwaitMeetingInBothClocks_InTheirLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var reference = await Reference.LoadAsync(api);
        var meeting = await api.CreateAsync<MeetingResponse>("/api/meetings", new
        {
            sessionId = reference.Session17.Id,
            kind = "plenary",
            format = "in-person",
            title = new { ar = "الجلسة العامة", en = "Plenary" },
            date = new { year = 2027, month = 1, day = 20 },
            startsAt = "10:00",
            endsAt = "12:30",
            timeZone = "Asia/Kuwait",
        });
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var reader = await PageSession.SignedInClientAsync(app, account);
        var settings = await reader.GetStringAsync("/account", ct);
        using (var chosen = await reader.PostAsync("/account?handler=Preferences", PageSession.Form(("language", "en"), ("hijri", "false"), ("arabicDigits", "false"), ("timeZone", "Europe/London"), ("__csrf", PageSession.Token(settings))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        var english = await reader.GetStringAsync($"/meetings/{meeting.Id}", ct);
        Assert.Contains("10:00 (Kuwait time) · 07:00 (London time)", english, StringComparison.Ordinal);

        settings = await reader.GetStringAsync("/account", ct);
        using (var arabic = await reader.PostAsync("/account?handler=Preferences", PageSession.Form(("language", "ar"), ("hijri", "false"), ("arabicDigits", "true"), ("timeZone", "Europe/London"), ("__csrf", PageSession.Token(settings))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, arabic.StatusCode);
        }

        var page = await reader.GetStringAsync($"/meetings/{meeting.Id}", ct);
        Assert.Contains("١٠:٠٠ (بتوقيت الكويت) · ٠٧:٠٠ (بتوقيت لندن)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZoneThatIsNotOnTheList_IsRefused_AndTheChoiceStaysAsItWas()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var reader = await PageSession.SignedInClientAsync(app, account);
        var settings = await reader.GetStringAsync("/account", ct);

        using var refused = await reader.PostAsync("/account?handler=Preferences", PageSession.Form(("language", "en"), ("hijri", "false"), ("arabicDigits", "false"), ("timeZone", "Mars/Olympus"), ("__csrf", PageSession.Token(settings))), ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That time zone is not known", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        Assert.Null(await db.Set<Entente.Data.Account>().Where(a => a.Id == account.Id).Select(a => a.TimeZone).FirstAsync(ct));
    }
}
