using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.People;

/// <summary>People recorded and edited on their page: spellings in both languages with one shown per language, titles over time; found again by a folded spelling.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class PeopleEditTests(DemoSite site)
{
    [Fact]
    public async Task NewPerson_WithSpellingsAndATitle_IsFoundByAnotherSpelling_ThenEdited()
    {
        var page = await SignIn.AsAsync(site, "secretariat.kw@demo.local");
        await page.GotoAsync("/people");
        await page.Locator("[data-testid=new-person]").ClickAsync();
        await page.Locator("#party").SelectOptionAsync(new SelectOptionValue { Label = "State of Kuwait" });
        await page.Locator("select[name='Names[0].Language']").SelectOptionAsync("ar");
        await page.Locator("input[name='Names[0].Text']").FillAsync("مُنيرة الأحمد");
        await page.Locator("input[name='Names[0].IsPreferred']").CheckAsync();
        await page.Locator("select[name='Names[1].Language']").SelectOptionAsync("en");
        await page.Locator("input[name='Names[1].Text']").FillAsync("Munira Al-Ahmad");
        await page.Locator("[data-testid=save]").ClickAsync();

        // No English spelling is marked as the one shown: the rule is named and nothing is saved.
        await Assertions.Expect(page.Locator(".form-errors, .field-error").First).ToBeVisibleAsync();
        await page.Locator("input[name='Names[1].IsPreferred']").CheckAsync();
        await page.Locator("#title-ar-0").FillAsync("مديرة إدارة أوروبا");
        await page.Locator("#title-en-0").FillAsync("Director of the Europe Department");
        await page.Locator("#title-from-0").FillAsync("٢٠٢٠-٠٩");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/people\?name="));

        // Typed plainly, without hamza or diacritics, the name still finds her.
        await page.GotoAsync("/people?name=" + Uri.EscapeDataString("منيره الاحمد"));
        var row = page.Locator("[data-testid=people] tbody tr", new() { HasText = "Munira Al-Ahmad" });
        await Assertions.Expect(row).ToContainTextAsync("Director of the Europe Department");
        await row.Locator("[data-testid=edit-person]").ClickAsync();
        await page.Locator("select[name='Names[2].Language']").SelectOptionAsync("en");
        await page.Locator("input[name='Names[2].Text']").FillAsync("Mounira Al Ahmed");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/people\?name="));
        await page.GotoAsync("/people?name=" + Uri.EscapeDataString("mounira"));
        await Assertions.Expect(page.Locator("[data-testid=people] tbody tr", new() { HasText = "Munira Al-Ahmad" })).ToContainTextAsync("Mounira Al Ahmed");
    }
}
