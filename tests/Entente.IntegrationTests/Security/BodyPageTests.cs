using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Security;

/// <summary>A joint body's own page: an administrator or the body's secretariat saves it (only an administrator its parties); anyone else sees it read-only.</summary>
[Collection(SqliteCollection.Name)]
public sealed class BodyPageTests(SqliteApp app)
{
    [Fact]
    public async Task AViewer_ReadsTheBodysPage_WithNothingToTypeIn_AndAPostChangesNothing_WhileItsSecretariatSavesAllButItsParties()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, secretariat);
        var url = $"/bodies/edit/{reference.Body.Id}";

        var page = await browser.GetStringAsync(url, ct);
        Assert.Matches("<fieldset[^>]* disabled=\"disabled\"[^>]* data-testid=\"body-fields\"", page);
        Assert.DoesNotContain("data-testid=\"save\"", page, StringComparison.Ordinal);

        using var posted = await browser.PostAsync(url, PageSession.Form(("Kind", "joint-committee"), ("NameAr", "اسم آخر"), ("NameEn", "Another name"), ("PartyIds[0]", reference.Kuwait.ToString()), ("PartyIds[1]", reference.UnitedKingdom.ToString()), ("Version", reference.Body.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("__csrf", PageSession.Token(page))), ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var answer = await posted.Content.ReadAsStringAsync(ct);
        Assert.True(answer.Contains("role=\"alert\"", StringComparison.Ordinal), string.Join("\n", answer.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal))));
        await using var scope = app.Scope(out var db);
        Assert.NotEqual("Another name", (await db.JointBodies.IgnoreQueryFilters().SingleAsync(b => b.Id == reference.Body.Id, ct)).Name.En);

        var (writer, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var own = await PageSession.SignedInClientAsync(app, writer);
        var form = await own.GetStringAsync(url, ct);
        Assert.Matches("<fieldset class=\"plain\" data-testid=\"body-fields\">", form);
        Assert.Matches("<select id=\"party-0\" disabled=\"disabled\">", form);
        Assert.Contains($"<input type=\"hidden\" name=\"PartyIds[0]\" value=\"{reference.Kuwait}\">", form, StringComparison.Ordinal);

        var (administrator, _) = await app.NewAccountAsync("KW", administrator: true);
        var admin = await PageSession.SignedInClientAsync(app, administrator);
        var editable = await admin.GetStringAsync(url, ct);
        Assert.Matches("<fieldset class=\"plain\" data-testid=\"body-fields\">", editable);
        Assert.Contains("data-testid=\"save\"", editable, StringComparison.Ordinal);
    }
}
