using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.People;

namespace Entente.IntegrationTests.Api;

/// <summary>Arabic-aware search: a spelling typed without hamza, with ى for ي, with tashkeel or tatweel, or with Arabic-Indic digits still finds the record.</summary>
public abstract class ArabicSearchTests(EntenteApp app)
{
    [Theory]
    [InlineData("الجارالله")]
    [InlineData("الجاراللّه")]
    [InlineData("الـجارالله")]
    [InlineData("خالد سليمان")]
    [InlineData("al jarallah")]
    public async Task People_AnySpellingVariant_FindsTheDeputyMinister(string typed)
    {
        var client = app.CreateClient();

        var found = await client.ListAsync<PersonResponse>($"/api/people?name={Uri.EscapeDataString(typed)}");

        Assert.Contains(found, p => p.Name.En == "Khaled Al-Jarallah");
    }

    [Theory]
    [InlineData("مذكره التفاهم")]
    [InlineData("مُذَكِّرة التفاهم السيبراني")]
    [InlineData("Cybersecurity MoU")]
    public async Task ActionItems_WordsInEitherLanguage_FoldedAlike_FindTheCyberItem(string typed)
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);

        var found = await client.ListAsync<ActionItemResponse>($"/api/action-items?jointBodyId={reference.Body.Id}&q={Uri.EscapeDataString(typed)}");

        Assert.Contains(found, i => i.Title.En == "Activate the signed cybersecurity MoU");
        Assert.DoesNotContain(found, i => i.Title.En == "Define the scope of cooperation in scientific research");
    }

    [Fact]
    public async Task ActionItems_APercentSignOrBackslashTyped_IsNoWildcard_AndAQueryOfNoWordIsA400NamingQ()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var marker = Random.Shared.Next(100_000, 999_999);
        var body = reference.NewItem($"Reach {marker}% vaccination coverage in both countries");
        body["title"] = new { ar = $"بلوغ تغطية تطعيم {marker}٪ في البلدين", en = $"Reach {marker}% vaccination coverage in both countries" };
        var (item, _) = await Reference.CreateItemAsync(client, body);
        var arabicIndic = string.Concat(marker.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('\u0660' + (c - '0'))));

        var percent = await client.ListAsync<ActionItemResponse>($"/api/action-items?jointBodyId={reference.Body.Id}&q={Uri.EscapeDataString(marker + "%")}");
        var arabicDigits = await client.ListAsync<ActionItemResponse>($"/api/action-items?jointBodyId={reference.Body.Id}&q={Uri.EscapeDataString("تطعيم " + arabicIndic)}");

        Assert.Equal([item.Id], percent.Select(i => i.Id));
        Assert.Equal([item.Id], arabicDigits.Select(i => i.Id));
        foreach (var nothing in new[] { "%", "\\", "_", "the of", "في من" })
        {
            using var response = await client.GetAsync($"/api/action-items?jointBodyId={reference.Body.Id}&q={Uri.EscapeDataString(nothing)}", TestContext.Current.CancellationToken);
            var problem = await response.ProblemAsync(System.Net.HttpStatusCode.BadRequest);
            Assert.Equal(("no-words", "q"), ((string?)problem["code"], (string?)problem["field"]));
        }
    }

    [Fact]
    public async Task Startup_RowsWithoutSearchText_FromAnEarlierVersion_AreFolded()
    {
        await using (var scope = app.Scope(out var db))
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Set<Entente.Domain.PersonName>().Where(n => n.Text == "خالد سليمان الجارالله"), s => s.SetProperty(n => n.SearchText, string.Empty), TestContext.Current.CancellationToken);
        }

        await using var restarted = app.NewInstance();
        _ = restarted.Services;

        await using (var scope = app.Scope(out var db))
        {
            var folded = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Set<Entente.Domain.PersonName>().Where(n => n.Text == "خالد سليمان الجارالله").Select(n => n.SearchText), TestContext.Current.CancellationToken);
            Assert.Equal("خالد سليمان الجارالله", folded);
        }
    }

    [Fact]
    public async Task ActionItems_ANewItemWithHamzaAndTaMarbuta_IsFoundTypedPlainly()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var marker = Random.Shared.Next(100_000, 999_999);
        var body = reference.NewItem($"Hospital audit {marker}");
        body["title"] = new { ar = $"مراجعة إدارة المستشفيات الكويتيّة {marker}", en = $"Hospital audit {marker}" };
        await Reference.CreateItemAsync(client, body);

        var arabicIndic = string.Concat(marker.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('\u0660' + (c - '0'))));
        var found = await client.ListAsync<ActionItemResponse>($"/api/action-items?jointBodyId={reference.Body.Id}&q={Uri.EscapeDataString("اداره الكويتيه " + arabicIndic)}");

        Assert.Equal($"Hospital audit {marker}", Assert.Single(found).Title.En);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ArabicSearchTestsOnSqlite(SqliteApp app) : ArabicSearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ArabicSearchTestsOnPostgres(PostgresApp app) : ArabicSearchTests(app);
