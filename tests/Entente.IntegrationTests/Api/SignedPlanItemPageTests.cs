using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;

namespace Entente.IntegrationTests.Api;

/// <summary>An item of a signed plan is edited for what may still change (its status), its other fields shown as they stand, not refused only at save.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SignedPlanItemPageTests(SqliteApp app)
{
    [Fact]
    public async Task AnItemOfASignedPlan_ShowsItsContentLocked_AndSavesAChangeOfStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var reference = await Reference.LoadAsync(api);
        var plan = (await api.ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={reference.Session16.Id}")).Single(p => p.Status == ActionPlanStatus.Signed);
        var item = (await api.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={plan.Id}")).First(i => i.NextStatuses.Count > 0);
        var next = item.NextStatuses[0];
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, secretariat);

        var form = await browser.GetStringAsync($"/action-items/{item.Id}/edit", ct);
        Assert.Contains("data-testid=\"content-locked\"", form, StringComparison.Ordinal);
        Assert.Matches("<fieldset disabled=\"disabled\">\\s*<legend>[^<]+</legend>\\s*<div class=\"bilingual\">\\s*<div class=\"field\">\\s*<label for=\"title-ar\"", form);
        Assert.Contains("<input id=\"due\" disabled=\"disabled\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<select id=\"status\" disabled", form, StringComparison.Ordinal);

        // The browser posts no disabled field: only the status, with the version and what was read.
        var read = System.Text.RegularExpressions.Regex.Match(form, "name=\"Read\" value=\"([^\"]*)\"").Groups[1].Value;
        using var saved = await browser.PostAsync($"/action-items/{item.Id}/edit", PageSession.Form(
            ("Form.Status", Entente.Web.Infrastructure.EnumText.Policy.ConvertName(next.ToString())),
            ("Version", item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Read", System.Net.WebUtility.HtmlDecode(read)),
            ("__csrf", PageSession.Token(form))), ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await api.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        Assert.Equal((next, item.Title.En, item.DueOn), (after.Status, after.Title.En, after.DueOn));
    }
}
