using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Notes;

[Collection(DemoSiteCollection.Name)]
public sealed class NationalNoteTests(DemoSite site)
{
    private const string KuwaitiBrief = "إحاطة داخلية للوفد الكويتي";
    private const string UkBrief = "Internal brief (UK only)";

    [Fact]
    public async Task UkUser_NeverSeesTheKuwaitiNationalNote_WhileKuwaitSeesItMarkedNational()
    {
        var kw = await SignIn.AsAsync(site, "viewer.kw@demo.local");
        await OpenNotesAsync(kw);
        var kwNote = kw.Locator("[data-testid=note]").Filter(new() { HasText = KuwaitiBrief });
        await Assertions.Expect(kwNote).ToHaveCountAsync(1);
        await Assertions.Expect(kwNote.Locator(".badge.national")).ToBeVisibleAsync();
        Assert.Contains("national-record", await kwNote.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        await Assertions.Expect(kw.Locator("main")).Not.ToContainTextAsync(UkBrief);
        var historyUrl = await kwNote.GetByRole(AriaRole.Link).GetAttributeAsync("href");

        var gb = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var notesUrl = await OpenNotesAsync(gb);
        await Assertions.Expect(gb.Locator("main")).ToContainTextAsync(UkBrief);
        await Assertions.Expect(gb.Locator("main")).Not.ToContainTextAsync(KuwaitiBrief);
        await gb.GotoAsync(notesUrl + "?visibility=national");
        await Assertions.Expect(gb.Locator("[data-testid=note]")).ToHaveCountAsync(1);
        await Assertions.Expect(gb.Locator("main")).Not.ToContainTextAsync(KuwaitiBrief);

        // The Kuwaiti note's own history page does not exist for the UK.
        var response = await gb.GotoAsync(historyUrl!);
        Assert.Equal(404, response!.Status);
        foreach (var path in new[] { "/", notesUrl.Replace("/notes", string.Empty, StringComparison.Ordinal), notesUrl.Replace("/notes", "/action-items", StringComparison.Ordinal) })
        {
            await gb.GotoAsync(path);
            Assert.DoesNotContain(KuwaitiBrief, await gb.ContentAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<string> OpenNotesAsync(IPage page)
    {
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        await page.GotoAsync(page.Url + "/notes");
        return new Uri(page.Url).AbsolutePath;
    }
}
