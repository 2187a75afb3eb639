using Entente.Data.Search;

namespace Entente.UnitTests.Search;

/// <summary>
/// The analysis search runs at indexing and at query time (ADR 0011), checked as the database applies it: a
/// query's clauses evaluated against the terms a text is indexed under (whole terms, phrases one term after
/// the other). Each pair is written here, not taken from any release.
/// </summary>
public sealed class SearchAnalysisTests
{
    [Theory]
    // Hamza on its seat, on alef, alef maqsura, teh marbuta.
    [InlineData("مسئول", "عيّنت الوزارة المسؤول عن الملف")]
    [InlineData("شئون", "إدارة الشؤون القنصلية")]
    [InlineData("الهيئه", "الهيئة العامة للبيئة")]
    [InlineData("اتفاقيه", "وقّع الجانبان الاتفاقية")]
    [InlineData("مستشفي", "افتتاح مستشفى جديد")]
    [InlineData("الامن", "تعزيز الأمن الغذائي")]
    // Farsi and Urdu letters, presentation forms, tashkeel, tatweel.
    [InlineData("ھيئة", "هيئة الاستثمار")]
    [InlineData("کلية", "كلية الطب")]
    [InlineData("التعليم العالی", "وزارة التعليم العالي")]
    [InlineData("ﺍﻟﺘﻌﻠﻴﻢ", "تطوير التعليم المهني")]
    [InlineData("التـعـليم", "تطوير التعليم المهني")]
    [InlineData("التَّعليم", "تطوير التعليم المهني")]
    // Digits and decimals as KUNA and others write them.
    [InlineData("3.4", "بلغ حجم التبادل التجاري 4ر3 مليار جنيه")]
    [InlineData("3.4", "بلغ حجم التبادل ٣٫٤ مليار")]
    [InlineData("٣٫٤", "trade reached 3.4 billion")]
    [InlineData("2023", "خطة عمل ٢٠٢٣")]
    [InlineData("1500", "منحة لـ 1,500 طالب")]
    // The article and attached prefixes; plurals.
    [InlineData("الطلبة الكويتيين", "الصعوبات التي واجهتها للطلبة الكويتيين")]
    [InlineData("الصحة", "التعاون في مجال الصحة ووزارة الصحة")]
    [InlineData("للصحة", "المجلس الأعلى الصحة")]
    [InlineData("مذكرة", "مذكرات التفاهم الموقعة")]
    [InlineData("اتفاقيات", "وقعت اتفاقية النقل الجوي")]
    [InlineData("agreement", "The agreements signed in 2019")]
    // Broken plurals of the words joint bodies write often.
    [InlineData("مشاريع", "مشروع الاستزراع السمكي")]
    [InlineData("سلحفاة", "حماية السلاحف البحرية")]
    [InlineData("وزير", "اجتماع وزراء الخارجية")]
    [InlineData("مدرسة", "تطوير المدارس الحكومية")]
    [InlineData("وزارة الكهرباء", "رُفع الطلب لوزارة الكهرباء والماء")]
    [InlineData("لوزارة", "وزارة الكهرباء")]
    [InlineData("التعاون", "وبالتعاون مع خفر السواحل")]
    [InlineData("محطات تحلية", "الطاقة الشمسية لمحطات تحلية المياه")]
    // Spelling variants.
    [InlineData("فيروس", "جائحة فايروس كورونا")]
    [InlineData("الأوربي", "الخروج من الاتحاد الأوروبي")]
    [InlineData("الكتروني", "منصة إلكترونية للتأشيرات")]
    // English stemming, British and American spellings, hyphens.
    [InlineData("training", "Officers trained at the academy")]
    [InlineData("investments", "to invest in renewable energy")]
    [InlineData("defense", "The Defence working group")]
    [InlineData("organization", "The organisation of the visit")]
    [InlineData("program", "A programme of exchanges")]
    [InlineData("center", "The National Centre for Cyber Security")]
    [InlineData("analyze", "to analyse the results")]
    [InlineData("cyber-security", "a cybersecurity agreement")]
    [InlineData("cybersecurity", "the cyber-security MoU")]
    [InlineData("cyber security", "cybersecurity talks")]
    // Abbreviations, in either language.
    [InlineData("MoU", "Memorandum of Understanding on Tourism")]
    [InlineData("memorandum of understanding", "the tourism MoU")]
    [InlineData("MoU", "مذكرة تفاهم في مجال السياحة")]
    [InlineData("مذكرة تفاهم", "the tourism MoU")]
    [InlineData("UN", "agencies of the United Nations")]
    [InlineData("الأمم المتحدة", "UN agencies")]
    [InlineData("GCC", "Gulf Cooperation Council states")]
    [InlineData("artificial intelligence", "an AI research centre")]
    [InlineData("UK", "المملكة المتحدة")]
    // Exact phrases.
    [InlineData("\"food security\"", "food security and nutrition")]
    [InlineData("«الأمن الغذائي»", "ملف الأمن الغذائي")]
    public void AQuery_FindsATextThatMeansTheSame(string query, string text) =>
        Assert.True(Finds(query, text), $"'{query}' should find '{text}': query {SearchQuery.Parse(query).All.ToFts5()}, terms {SearchAnalysis.IndexTerms(text)}");

    [Theory]
    [InlineData("الجار الله", "خالد الجارالله")]
    [InlineData("الجارالله", "خالد الجار الله")]
    [InlineData("عبدالله", "عبد الله السالم")]
    [InlineData("Khalid Jarallah", "Khaled Al-Jarallah")]
    [InlineData("Cleverley", "James Cleverly")]
    [InlineData("Faulkner", "Hamish Falconer")]
    [InlineData("Muhammad", "Mohammed Al-Sabah")]
    [InlineData("al sabah", "Mohammed Al-Sabah")]
    // Across scripts: a name written in Arabic only, typed in Latin letters, and the reverse.
    [InlineData("Cleverly", "جيمس كليفرلي")]
    [InlineData("فالكونر", "Hamish Falconer")]
    [InlineData("Abdulrahman", "عبد الرحمن السالم")]
    [InlineData("عبدالله", "Abdullah Al-Mutairi")]
    [InlineData("محمد", "Mohammed Al-Sabah")]
    [InlineData("Jarallah", "خالد الجارالله")]
    [InlineData("Othman", "عثمان الشمري")]
    public void AName_IsFoundAcrossSpellings(string query, string name) =>
        Assert.True(Finds(query, name, isName: true), $"'{query}' should find '{name}': query {SearchQuery.Parse(query).All.ToFts5()}, terms {SearchAnalysis.IndexTerms(name, isName: true)}");

    [Theory]
    [InlineData("أمن", "انعقاد الاجتماع الثامن")]
    [InlineData("أمن", "ثمن الخدمة")]
    [InlineData("MoU", "the amount agreed")]
    [InlineData("art", "a partnership of equals")]
    [InlineData("UN", "a unit of the ministry")]
    [InlineData("\"food security\"", "security of supply and food prices")]
    [InlineData("«الأمن الغذائي»", "الغذائي والأمن")]
    [InlineData("3.4", "34 students")]
    [InlineData("جنة", "اجتماع اللجنة")]
    [InlineData("\"habitat survey\"", "Survey the habitat\nSurvey again")]
    [InlineData("\"colonies حماية\"", "حماية المستعمرات\nProtect the colonies")]
    [InlineData("2023", "2032 vision")]
    public void AQuery_DoesNotFindAWordThatMerelyContainsIt(string query, string text) =>
        Assert.False(Finds(query, text), $"'{query}' should not find '{text}': query {SearchQuery.Parse(query).All.ToFts5()}, terms {SearchAnalysis.IndexTerms(text)}");

    [Fact]
    public void SoundsOfNames_OnlyPeopleAreIndexedUnderThem()
    {
        Assert.False(Finds("Cleverley", "James Cleverly visited"), "A text that is not a name has no sound terms.");
        Assert.DoesNotContain(SearchAnalysis.IndexTerms("Hamish Falconer").Split(' '), t => t.StartsWith(SearchAnalysis.SoundPrefix, StringComparison.Ordinal) && t != SearchAnalysis.Gap);
        Assert.Contains(SearchAnalysis.IndexTerms("Hamish Falconer", isName: true).Split(' '), t => t.StartsWith(SearchAnalysis.SoundPrefix, StringComparison.Ordinal) && t != SearchAnalysis.Gap);
    }

    [Fact]
    public void Terms_AreLettersAndDigitsOnly_SoBothDatabasesReadThemAsOneWordEach()
    {
        var terms = SearchAnalysis.IndexTerms("Al-Jarallah's 3.4% «٤ر٣» e-mail: a.b@example.org — ﻻ (KUNA) 1,500 ك ی ھ", isName: true).Split(' ');

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.True(t.Length > 0 && t.All(char.IsLetterOrDigit), $"'{t}' is not letters and digits"));
    }

    [Fact]
    public void AQueryOfStopWordsOrPunctuation_IsEmpty()
    {
        Assert.True(SearchQuery.Parse("the of and").IsEmpty);
        Assert.True(SearchQuery.Parse("في من على").IsEmpty);
        Assert.True(SearchQuery.Parse("\"\" -- ، ؟").IsEmpty);
        Assert.True(SearchQuery.Parse(null).IsEmpty);
        // The index's own terms (the gap between lines, the sounds of names) are never read from what is typed.
        Assert.True(SearchQuery.Parse($"{SearchAnalysis.Gap} qqklt").IsEmpty);
    }

    [Fact]
    public void AnUnclosedQuote_ReadsToTheEnd()
    {
        var query = SearchQuery.Parse("\"food security");

        Assert.IsType<SearchQuery.Phrase>(query.All);
    }

    [Fact]
    public void Snippets_MarkTheWordsFound_InTheirOwnForm()
    {
        var parts = SearchSnippets.Cut("حصر المكتب الثقافي حالات للطلبة الكويتيين المتأثرين بالجائحة", SearchQuery.Parse("الطلبة الكويتيين").Terms)!;

        Assert.Equal(["للطلبة", "الكويتيين"], parts.Where(p => p.Marked).Select(p => p.Text));
        Assert.Equal("حصر المكتب الثقافي حالات للطلبة الكويتيين المتأثرين بالجائحة", string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void Snippets_OfALongText_AreCutAroundTheWordsFound()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler words of a long paragraph", 40)) + " the defence attaché met the delegation " + string.Join(' ', Enumerable.Repeat("more filler", 40));

        var parts = SearchSnippets.Cut(text, SearchQuery.Parse("defense").Terms)!;

        Assert.Equal("…", parts[0].Text);
        Assert.Equal("…", parts[^1].Text);
        Assert.Contains(parts, p => p.Marked && p.Text == "defence");
        Assert.True(string.Concat(parts.Select(p => p.Text)).Length < SearchSnippets.Length + 40);
    }

    [Fact]
    public void Snippets_MarkAnAbbreviationsPhrase()
    {
        var parts = SearchSnippets.Cut("Memorandum of Understanding on Tourism", SearchQuery.Parse("MoU").Terms)!;

        Assert.Equal(["Memorandum", "Understanding"], parts.Where(p => p.Marked).Select(p => p.Text));
    }

    [Theory]
    [InlineData("ransomeware", "a ransomware exercise")]
    [InlineData("extradtion treaty", "the extradition treaty")]
    [InlineData("الامن السايبراني", "تعزيز الأمن السيبراني")]
    [InlineData("برمنجهام", "مستشفيات في برمنغهام")]
    [InlineData("الكومبيوتر", "أمن الكمبيوتر")]
    public void AMisspelledWord_IsFoundBySpellingsNearIt_WhenNothingHoldsItAsTyped(string typed, string text)
    {
        var terms = SearchAnalysis.IndexTerms(text).Split(' ');
        var query = SearchQuery.Parse(typed);
        Assert.False(Matches(query.All, terms), $"'{typed}' as typed should not find '{text}'");
        Assert.True(query.Near is { } near && Matches(near, terms), $"'{typed}' spelt near should find '{text}'");
    }

    [Theory]
    [InlineData("الطوارىء", "فريق الاستجابة للطوارئ")]
    [InlineData("شيء", "لم يتغير شئ")]
    [InlineData("WHO guidance", "guidance of the World Health Organization")]
    [InlineData("Gareth Pemberton", "جاريث بيمبرتون")]
    public void HamzaAfterItsSeat_CapitalsAbbreviations_AndForeignSoundsInNames_AreFound(string typed, string text) =>
        Assert.True(Finds(typed, text, isName: typed.StartsWith("Gareth", StringComparison.Ordinal)), $"'{typed}' should find '{text}'");

    [Theory]
    [InlineData("develo", "the development of the port")]
    [InlineData("hospita", "two hospitals in Jahra")]
    [InlineData("المستش", "تطوير المستشفيات")]
    [InlineData("وزارة التعل", "وزارة التعليم العالي")]
    public void AWordBeingTyped_FindsTheWordsItStarts_OnlyAsTyped(string typed, string text)
    {
        var terms = SearchAnalysis.IndexTerms(text).Split(' ');
        Assert.True(Matches(SearchQuery.Parse(typed, asTyped: true).All, terms), $"'{typed}' as typed should find '{text}'");
        Assert.False(Matches(SearchQuery.Parse(typed).All, terms), $"'{typed}' searched should not find '{text}'");
        Assert.False(Matches(SearchQuery.Parse(typed + " ", asTyped: true).All, terms), $"'{typed} ' (a word ended) should not find '{text}'");
    }

    /// <summary>Evaluates the query as the full-text index does, on the terms the text is indexed under.</summary>
    private static bool Finds(string query, string text, bool isName = false)
    {
        var parsed = SearchQuery.Parse(query);
        Assert.False(parsed.IsEmpty, $"'{query}' has no terms");
        var terms = SearchAnalysis.IndexTerms(text, isName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Matches(parsed.All, terms);
    }

    private static bool Matches(SearchQuery.Node node, string[] terms) => node switch
    {
        SearchQuery.Term t => terms.Contains(t.Value),
        SearchQuery.Prefix p => terms.Any(t => t.StartsWith(p.Value, StringComparison.Ordinal)),
        SearchQuery.Phrase p => Enumerable.Range(0, Math.Max(0, terms.Length - p.Values.Count + 1)).Any(i => p.Values.Select((v, k) => terms[i + k] == v).All(x => x)),
        SearchQuery.And a => a.Parts.All(x => Matches(x, terms)),
        SearchQuery.Or o => o.Parts.Any(x => Matches(x, terms)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
