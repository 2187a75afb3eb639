using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Entente.Data.Search;

/// <summary>One word of a text as search reads it: where it stands in the text and the term it is indexed under.</summary>
/// <param name="Start">Offset of the word's first character in the prepared text (<see cref="SearchAnalysis.Prepare"/>).</param>
/// <param name="End">Offset just past the word's last character.</param>
/// <param name="Normal">The word folded (case, accents, Arabic letter forms, digits) but not stemmed.</param>
/// <param name="Term">The term the word is indexed and searched under: folded, stemmed, its spelling variants merged.</param>
public sealed record SearchToken(int Start, int End, string Normal, string Term);

/// <summary>
/// How Entente reads text for search, the same when a record is indexed and when a query is read (ADR 0011).
/// Lucene.Net's analysis does what it does well: Unicode word boundaries (<see cref="StandardTokenizer"/>),
/// case and Latin accents (<see cref="ASCIIFoldingFilter"/>), Arabic normalisation (hamza on alef, ى, ة,
/// tashkeel, tatweel: <see cref="ArabicNormalizer"/>), Arabic light stemming (the article, و ب ك ف ل and
/// common suffixes: <see cref="ArabicStemmer"/>), English stemming (Snowball's English stemmer) and the two
/// languages' stop words. Entente adds what the library lacks: compatibility forms (presentation forms
/// pasted from PDFs) by NFKC, hamza on its seat (ؤ ئ read as ء), Farsi and Urdu letter forms, Arabic-Indic
/// and Persian digits, decimals as KUNA writes them («4ر3» is 3.4, «٣٫٤» too), British and American
/// spellings, a small table of spelling variants (فايروس / فيروس) and the abbreviations officials use
/// (MoU, مذكرة تفاهم). Matching is by whole terms: «أمن» never matches «الثامن».
/// </summary>
public static partial class SearchAnalysis
{
    /// <summary>Raised whenever the analysis changes the terms it makes, so that stored terms are made again at start-up.</summary>
    public const int Version = 7;

    /// <summary>The term a person's Latin name is also indexed under, by how it sounds (Cleverly, Cleverley).</summary>
    public const string SoundPrefix = "qq";

    private static readonly CharArraySet StopWords = StopSet();

    /// <summary>Variants, each read as its canonical spelling (written as people write them; analysed at start).</summary>
    private static readonly (string Canonical, string[] Variants)[] VariantTable =
    [
        ("فيروس", ["فايروس", "فيرس"]),
        ("الأوروبي", ["الأوربي"]),
        ("الأوروبية", ["الأوربية"]),
        ("أوروبا", ["أوربا"]),
        ("بريطانيا", ["بريطانية"]),
        ("تكنولوجيا", ["تقنيه", "تكنلوجيا"]),
        ("إلكتروني", ["الكتروني", "إليكتروني"]),
        ("الإلكتروني", ["الالكتروني", "الإليكتروني"]),
        ("ديسمبر", ["دجنبر"]),
        ("كورونا", ["الكورونا"]),
    ];

    /// <summary>
    /// Broken plurals of words joint bodies write often, read as their singular: the light stemmer only takes
    /// off suffixes (مذكرات is مذكرة), while مشاريع, مدارس or وزراء change inside the word. Words whose plural
    /// folds into another common word are left out (أعداد / إعداد, آثار / إثارة).
    /// </summary>
    private static readonly (string Singular, string[] Plurals)[] BrokenPlurals =
    [
        ("مشروع", ["مشاريع"]), ("برنامج", ["برامج"]), ("مركز", ["مراكز"]), ("مدرسة", ["مدارس"]), ("تقرير", ["تقارير"]),
        ("مجلس", ["مجالس"]), ("لجنة", ["لجان"]), ("بلد", ["بلاد"]), ("مصنع", ["مصانع"]), ("سفينة", ["سفن"]),
        ("ميناء", ["موانئ"]), ("خبير", ["خبراء"]), ("مشكلة", ["مشاكل"]), ("موضوع", ["مواضيع"]), ("قضية", ["قضايا"]),
        ("فرصة", ["فرص"]), ("ورشة", ["ورش"]), ("منطقة", ["مناطق"]), ("شريك", ["شركاء"]), ("سلاح", ["أسلحة"]),
        ("جندي", ["جنود"]), ("ضابط", ["ضباط"]), ("طالب", ["طلاب", "طلبة"]), ("وزير", ["وزراء"]), ("سفير", ["سفراء"]),
        ("منحة", ["منح"]), ("سلحفاة", ["سلاحف"]), ("دواء", ["أدوية"]), ("مرض", ["أمراض"]), ("طبيب", ["أطباء"]),
        ("قانون", ["قوانين"]), ("نظام", ["أنظمة", "نظم"]), ("مصرف", ["مصارف"]), ("بنك", ["بنوك"]), ("سوق", ["أسواق"]),
        ("سلعة", ["سلع"]), ("مورد", ["موارد"]), ("مصدر", ["مصادر"]), ("مبنى", ["مباني"]), ("طريق", ["طرق"]),
        ("جسر", ["جسور"]), ("مدينة", ["مدن"]), ("قرية", ["قرى"]), ("بحر", ["بحار"]), ("نهر", ["أنهار"]),
        ("شاطئ", ["شواطئ"]), ("جزيرة", ["جزر"]), ("سمكة", ["أسماك"]), ("طائر", ["طيور"]), ("شجرة", ["أشجار"]),
        ("كتاب", ["كتب"]), ("متحف", ["متاحف"]), ("معرض", ["معارض"]), ("معهد", ["معاهد"]), ("درس", ["دروس"]),
        ("عضو", ["أعضاء"]), ("رئيس", ["رؤساء"]), ("وفد", ["وفود"]), ("بند", ["بنود"]), ("شرط", ["شروط"]),
        ("حق", ["حقوق"]), ("عقد", ["عقود"]), ("سعر", ["أسعار"]), ("رسم", ["رسوم"]), ("ضريبة", ["ضرائب"]),
        ("حد", ["حدود"]), ("حاجز", ["حواجز"]), ("عائق", ["عوائق"]), ("هدف", ["أهداف"]), ("نتيجة", ["نتائج"]),
        ("رقم", ["أرقام"]), ("أسبوع", ["أسابيع"]), ("وثيقة", ["وثائق"]), ("رسالة", ["رسائل"]), ("خطة", ["خطط"]),
        ("قاعدة", ["قواعد"]), ("طفل", ["أطفال"]), ("عامل", ["عمال"]), ("سائح", ["سياح"]), ("مريض", ["مرضى"]),
        ("مختبر", ["مختبرات"]), ("جهاز", ["أجهزة"]), ("مستند", ["مستندات"]), ("مجتمع", ["مجتمعات"]), ("صندوق", ["صناديق"]),
    ];

    /// <summary>British spellings and their American forms, read alike (before stemming).</summary>
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["defence"] = "defense", ["offence"] = "offense", ["licence"] = "license", ["pretence"] = "pretense",
        ["centre"] = "center", ["centres"] = "centers", ["metre"] = "meter", ["metres"] = "meters", ["theatre"] = "theater", ["fibre"] = "fiber",
        ["programme"] = "program", ["programmes"] = "programs", ["labour"] = "labor", ["colour"] = "color", ["favour"] = "favor",
        ["honour"] = "honor", ["neighbour"] = "neighbor", ["neighbouring"] = "neighboring", ["behaviour"] = "behavior", ["endeavour"] = "endeavor",
        ["catalogue"] = "catalog", ["judgement"] = "judgment", ["enrolment"] = "enrollment", ["fulfil"] = "fulfill", ["fulfilment"] = "fulfillment",
        ["travelled"] = "traveled", ["travelling"] = "traveling", ["cancelled"] = "canceled", ["cancelling"] = "canceling", ["modelling"] = "modeling",
        ["labelled"] = "labeled", ["aluminium"] = "aluminum", ["grey"] = "gray", ["tyre"] = "tire", ["ageing"] = "aging", ["cheque"] = "check",
        ["practise"] = "practice", ["practised"] = "practiced", ["manoeuvre"] = "maneuver", ["paediatric"] = "pediatric", ["anaemia"] = "anemia",
    };

    /// <summary>Abbreviations and the phrases they stand for, in both languages; each is also indexed under its canonical term.</summary>
    private static readonly (string Canonical, string[] Phrases)[] AbbreviationTable =
    [
        ("mou", ["memorandum of understanding", "memoranda of understanding", "مذكرة تفاهم", "مذكرات تفاهم"]),
        ("uk", ["united kingdom", "المملكة المتحدة", "britain", "great britain"]),
        ("un", ["united nations", "الأمم المتحدة"]),
        ("gcc", ["gulf cooperation council", "مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية"]),
        ("kuna", ["kuwait news agency", "كونا", "وكالة الأنباء الكويتية"]),
        ("ai", ["artificial intelligence", "الذكاء الاصطناعي"]),
        ("ict", ["information and communications technology", "information and communication technology"]),
        ("jsg", ["joint steering group", "joint steering committee"]),
        ("fdi", ["foreign direct investment"]),
        ("sme", ["small and medium enterprises", "small and medium-sized enterprises", "smes"]),
        ("nhs", ["national health service"]),
        ("kia", ["kuwait investment authority", "الهيئة العامة للاستثمار"]),
        ("covid", ["covid-19", "كوفيد", "كوفيد-19", "كوفيد 19"]),
        ("aml", ["anti-money laundering", "anti money laundering", "مكافحة غسل الأموال", "مكافحة غسيل الأموال"]),
        ("cft", ["countering the financing of terrorism", "combating the financing of terrorism", "مكافحة تمويل الإرهاب"]),
        ("who", ["world health organization", "منظمة الصحة العالمية"]),
        ("imo", ["international maritime organization", "المنظمة البحرية الدولية"]),
        ("icao", ["international civil aviation organization", "منظمة الطيران المدني الدولي"]),
        ("imf", ["international monetary fund", "صندوق النقد الدولي"]),
        ("wto", ["world trade organization", "منظمة التجارة العالمية"]),
        ("eu", ["european union", "الاتحاد الأوروبي"]),
        ("us", ["united states", "الولايات المتحدة"]),
        ("nato", ["north atlantic treaty organization", "حلف شمال الأطلسي", "حلف الناتو", "الناتو"]),
        ("unesco", ["united nations educational scientific and cultural organization", "اليونسكو", "منظمة الأمم المتحدة للتربية والعلم والثقافة"]),
        ("unicef", ["united nations children's fund", "اليونيسف", "منظمة الأمم المتحدة للطفولة"]),
        ("cert", ["computer emergency response team", "فريق الاستجابة لطوارئ الحاسب الآلي", "فريق الاستجابة لطوارئ الحاسوب"]),
        ("fatf", ["financial action task force", "مجموعة العمل المالي"]),
    ];

    private static readonly Dictionary<string, string> Variants = BuildVariants();

    private static readonly List<(string[] Terms, string Canonical)> Abbreviations = BuildAbbreviations();

    /// <summary>The form of a text that offsets refer to: compatibility forms composed (NFKC), so that presentation forms read as letters.</summary>
    public static string Prepare(string? text) => string.IsNullOrEmpty(text) ? string.Empty : text.Normalize(NormalizationForm.FormKC);

    /// <summary>The words of <paramref name="prepared"/> (already <see cref="Prepare"/>d), stop words left out, in order.</summary>
    public static List<SearchToken> Tokens(string prepared)
    {
        var tokens = new List<SearchToken>();
        if (prepared.Length == 0)
        {
            return tokens;
        }

        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(prepared));
        using var stream = new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var normal = Fold(term.ToString());
            // A word in capitals is an abbreviation, not the stop word it spells (WHO, US, IT).
            var written = prepared[offset.StartOffset..offset.EndOffset];
            var acronym = written.Length >= 2 && written.All(char.IsAsciiLetterUpper);
            if (normal.Length == 0 || (StopWords.Contains(normal) && !acronym) || normal.StartsWith(SoundPrefix, StringComparison.Ordinal) || normal.StartsWith(NearPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            tokens.Add(new SearchToken(offset.StartOffset, offset.EndOffset, normal, Stem(normal)));
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// A term put between the lines of an indexed text and before the terms that are not words of it, so that a
    /// phrase never matches across two fields, two languages or a word and an alias. No query asks for it.
    /// </summary>
    public const string Gap = "qqgap";

    /// <summary>
    /// The terms a text is indexed under, separated by spaces: each word's term, line by line with a
    /// <see cref="Gap"/> between lines; then the term of two words of a line written as one («الجار الله» and
    /// «الجارالله», "cyber-security" and "cybersecurity"), the canonical term of an abbreviation's phrase,
    /// and for a person's name the sound of each Latin word.
    /// </summary>
    public static string IndexTerms(string? text, bool isName = false)
    {
        var terms = new List<string>();
        var extras = new List<string>();
        foreach (var line in Prepare(text).Split('\n'))
        {
            var tokens = Tokens(line);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (terms.Count > 0)
            {
                terms.Add(Gap);
            }

            // The words in order, so that a phrase matches them one after the other; what else they are found by after every line.
            terms.AddRange(tokens.Select(t => t.Term));
            for (var i = 0; i < tokens.Count; i++)
            {
                if (i + 1 < tokens.Count && Joined(tokens[i], tokens[i + 1]) is { } joined)
                {
                    extras.Add(joined);
                }

                if (isName && NameSound(tokens[i].Normal) is { } sound)
                {
                    extras.Add(sound);
                }

                if (isName && i + 1 < tokens.Count && NameSound(tokens[i].Normal + tokens[i + 1].Normal) is { } joinedSound)
                {
                    extras.Add(joinedSound);
                }

                extras.AddRange(WithoutClitics(tokens[i]));
                if (NearKey(tokens[i].Normal) is { } near)
                {
                    extras.Add(near);
                }
            }

            extras.AddRange(AbbreviationsIn(tokens).Select(a => a.Canonical));
        }

        if (extras.Count > 0)
        {
            terms.Add(Gap);
            terms.AddRange(extras);
        }

        return string.Join(' ', terms);
    }

    /// <summary>
    /// The terms of an Arabic word without the one-letter words written onto it that the light stemmer leaves
    /// (it takes off one prefix only, and never a lone ل, ب or ك before a word without the article): «لوزارة»
    /// is also «وزارة», «وبالتعاون» also «التعاون», «لمحطات» also «محطات». At least four letters stay, so that
    /// short words keep their first letter; both the index and the query add them, as alternatives.
    /// </summary>
    public static IEnumerable<string> WithoutClitics(SearchToken token)
    {
        var word = token.Normal;
        if (word.Length < 5 || !IsArabic(word[0]))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { token.Term };
        for (var cut = 1; cut <= 2 && word.Length - cut >= 4 && IsProclitic(word[cut - 1], cut); cut++)
        {
            var term = Stem(word[cut..]);
            if (seen.Add(term))
            {
                yield return term;
            }
        }
    }

    /// <summary>و and ف come first, then ب, ك or ل: «وب», «فل», «ول».</summary>
    private static bool IsProclitic(char c, int position) => position == 1 ? c is '\u0648' or '\u0641' or '\u0628' or '\u0643' or '\u0644' : c is '\u0628' or '\u0643' or '\u0644';

    /// <summary>The term of two adjacent words written as one, when both are of one script (a name or a compound).</summary>
    internal static string? Joined(SearchToken a, SearchToken b)
    {
        if (a.Normal.Length + b.Normal.Length > 30 || IsNumber(a.Normal) || IsNumber(b.Normal) || IsArabic(a.Normal[0]) != IsArabic(b.Normal[0]))
        {
            return null;
        }

        return Stem(a.Normal + b.Normal);
    }

    /// <summary>The canonical terms of the abbreviations whose phrases occur in <paramref name="tokens"/>, with the index of their first word.</summary>
    internal static IEnumerable<(int At, string Canonical)> AbbreviationsIn(IReadOnlyList<SearchToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (terms, canonical) in Abbreviations)
            {
                if (i + terms.Length <= tokens.Count && (terms.Length > 1 || tokens[i].Term != canonical) && Enumerable.Range(0, terms.Length).All(k => tokens[i + k].Term == terms[k]))
                {
                    yield return (i, canonical);
                }
            }
        }
    }

    /// <summary>The length of the abbreviation phrase starting at <paramref name="at"/>, or 0.</summary>
    internal static int AbbreviationAt(IReadOnlyList<SearchToken> tokens, int at, out string canonical)
    {
        foreach (var (terms, c) in Abbreviations)
        {
            if (terms.Length > 1 && at + terms.Length <= tokens.Count && Enumerable.Range(0, terms.Length).All(k => tokens[at + k].Term == terms[k]))
            {
                canonical = c;
                return terms.Length;
            }
        }

        canonical = string.Empty;
        return 0;
    }

    /// <summary>
    /// The sound of a word of a name in either script, so that a name written in Arabic is found typed in Latin
    /// letters and the reverse («كليفرلي» and Cleverly, «فالكونر» and Falconer, «عبدالرحمن» and Abdulrahman): a
    /// Latin word's <see cref="SoundOf"/>, or an Arabic word's without its article, spelt in Latin letters first.
    /// </summary>
    public static string? NameSound(string normal)
    {
        if (normal.Length == 0 || !IsArabic(normal[0]))
        {
            return SoundOf(normal);
        }

        var word = normal.Length > 4 && normal.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? normal[2..] : normal;
        var latin = new StringBuilder(word.Length * 2);
        foreach (var c in word)
        {
            latin.Append(c switch
            {
                '\u0627' or '\u0639' or '\u0649' => "a", '\u0628' => "b", '\u062A' or '\u0637' => "t", '\u062B' => "th", '\u062C' => "j",
                '\u062D' or '\u0647' or '\u0629' => "h", '\u062E' => "kh", '\u062F' or '\u0636' => "d", '\u0630' => "dh", '\u0631' => "r",
                '\u0632' or '\u0638' => "z", '\u0633' or '\u0635' => "s", '\u0634' => "sh", '\u063A' => "gh", '\u0641' or '\u06A4' => "f",
                '\u0642' => "q", '\u0643' => "k", '\u0644' => "l", '\u0645' => "m", '\u0646' => "n", '\u0648' => "w", '\u064A' => "y",
                '\u067E' => "p", '\u0686' => "ch", '\u06AF' => "g",
                _ => string.Empty,
            });
        }

        return SoundOf(latin.ToString());
    }

    /// <summary>
    /// The sound of a Latin name's word, so that transliterations read alike (Khaled and Khalid, Cleverly and
    /// Cleverley, Falconer and Faulkner): the first letter, then the consonants by class, doubled ones once.
    /// </summary>
    public static string? SoundOf(string normal) => Skeleton(normal, SoundPrefix, 4);

    /// <summary>
    /// The consonants of a Latin word by class, doubled ones once, after its first letter: what two spellings of one
    /// word share (Gareth and «جاريث» spelt in Latin letters, ransomware and "ransomeware").
    /// </summary>
    private static string? Skeleton(string normal, string prefix, int shortest)
    {
        if (normal.Length < shortest || !normal.All(c => c is >= 'a' and <= 'z'))
        {
            return null;
        }

        var key = new StringBuilder(prefix);
        var s = normal.Replace("ph", "f", StringComparison.Ordinal).Replace("kh", "k", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal).Replace("dh", "d", StringComparison.Ordinal).Replace("th", "t", StringComparison.Ordinal);
        char last = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                'c' or 'k' or 'q' => 'k',
                'v' => 'f',
                'z' => 's',
                'g' or 'j' => 'j',
                'p' => 'b',
                _ => s[i],
            };
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w';
            if (i == 0)
            {
                key.Append(vowel ? 'a' : c);
                last = c;
                continue;
            }

            if (!vowel && c != last)
            {
                key.Append(c);
            }

            last = vowel ? last : c;
        }

        return key.Length > prefix.Length + 1 ? key.ToString() : null;
    }

    /// <summary>The start of the terms a word is also found by when no record holds it as typed (<see cref="NearKey"/>).</summary>
    public const string NearPrefix = "qz";

    /// <summary>
    /// What a word shares with its misspellings and other transliterations, for a search that found nothing as
    /// typed: a Latin word's consonant skeleton ("ransomeware" and ransomware, "extradtion" and extradition); an
    /// Arabic word's letters without its article, long vowels and hamza, with the letters that stand for one foreign
    /// sound taken as one («السايبراني» and «السيبراني», «برمنجهام» and «برمنغهام»). Five letters at least.
    /// </summary>
    public static string? NearKey(string normal)
    {
        if (normal.Length < 5 || IsNumber(normal))
        {
            return null;
        }

        if (!IsArabic(normal[0]))
        {
            return Skeleton(normal, NearPrefix, 5);
        }

        var word = normal.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? normal[2..] : normal;
        var key = new StringBuilder(NearPrefix);
        foreach (var c in word)
        {
            var mapped = c switch
            {
                '\u0627' or '\u0648' or '\u064A' or '\u0649' or '\u0621' => '\0',
                '\u062C' or '\u063A' or '\u0642' or '\u0643' => '\u0643',
                '\u0637' => '\u062A',
                '\u0635' => '\u0633',
                '\u0630' or '\u0638' => '\u0632',
                '\u0636' => '\u062F',
                '\u062D' or '\u0629' => '\u0647',
                _ => c,
            };
            if (mapped != '\0' && (key.Length == NearPrefix.Length || key[^1] != mapped))
            {
                key.Append(mapped);
            }
        }

        return key.Length >= NearPrefix.Length + 3 ? key.ToString() : null;
    }

    /// <summary>A word's term: stemmed in its script, then read as its canonical spelling when it is a known variant.</summary>
    public static string Stem(string normal)
    {
        string stemmed;
        if (IsNumber(normal))
        {
            stemmed = normal;
        }
        else if (normal.Any(IsArabic))
        {
            var chars = normal.ToCharArray();
            var length = new ArabicStemmer().Stem(chars, chars.Length);
            stemmed = new string(chars, 0, length);
        }
        else
        {
            var english = new EnglishStemmer();
            english.SetCurrent(Spellings.GetValueOrDefault(normal) ?? American(normal));
            english.Stem();
            stemmed = english.Current;
        }

        return Variants.GetValueOrDefault(stemmed) ?? stemmed;
    }

    /// <summary>"-ise", "-isation" and "-yse" read as "-ize", "-ization" and "-yze".</summary>
    private static string American(string word)
    {
        if (word.Length < 6)
        {
            return word;
        }

        var match = BritishSuffix().Match(word);
        return match.Success ? word[..match.Index] + match.Groups[1].Value + "z" + match.Groups[2].Value : word;
    }

    [GeneratedRegex("(i|y)s(e|es|ed|ing|ation|ations|er|ers)$")]
    private static partial Regex BritishSuffix();

    [GeneratedRegex("^([0-9]+)ر([0-9]+)$")]
    private static partial Regex KunaDecimal();

    /// <summary>
    /// Folds one word as Lucene's filters leave it: Arabic normalised (alef forms, ى, ة, tashkeel, tatweel),
    /// hamza on its seat as ء (also when written after the seat: «طوارىء»), Farsi and Urdu letters as Arabic ones, digits as 0–9, a decimal point as «d»
    /// («3.4», «٣٫٤» and KUNA's «4ر3» are one term), thousands separators dropped.
    /// </summary>
    internal static string Fold(string word)
    {
        var b = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case '\u0624' or '\u0626' or '\u0621':
                    b.Append('\u0621');
                    break;
                case '\u06BE' or '\u06C1' or '\u06C0' or '\u06D5':
                    b.Append('\u0647');
                    break;
                case '\u06C3':
                    b.Append('\u0629');
                    break;
                case '\u06CC' or '\u06D2':
                    b.Append('\u064A');
                    break;
                case '\u06A9' or '\u06AA':
                    b.Append('\u0643');
                    break;
                case >= '\u0660' and <= '\u0669':
                    b.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    b.Append((char)('0' + (c - '\u06F0')));
                    break;
                case '\u066B':
                    b.Append('.');
                    break;
                case '\u066C':
                    b.Append(',');
                    break;
                case '\u0640':
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        // A hamza written after its seat's yeh or alef maqsura («طوارىء», «شيء») reads as the hamza on that seat («طوارئ», «شئ»).
        var folded = b.Replace("\u0649\u0621", "\u0621").Replace("\u064A\u0621", "\u0621").ToString();
        if (folded.Any(IsArabic))
        {
            var chars = folded.ToCharArray();
            var length = new ArabicNormalizer().Normalize(chars, chars.Length);
            folded = new string(chars, 0, length);
        }

        if (KunaDecimal().Match(folded) is { Success: true } kuna)
        {
            return kuna.Groups[2].Value + "d" + kuna.Groups[1].Value;
        }

        if (folded.Length > 0 && char.IsAsciiDigit(folded[0]))
        {
            folded = folded.Replace(",", string.Empty, StringComparison.Ordinal).Replace('.', 'd');
        }

        return new string(folded.Where(char.IsLetterOrDigit).ToArray());
    }

    internal static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F';

    internal static bool IsNumber(string term) => term.Length > 0 && term.All(c => char.IsAsciiDigit(c) || c == 'd') && char.IsAsciiDigit(term[0]);

    private static CharArraySet StopSet()
    {
        var set = new CharArraySet(LuceneVersion.LUCENE_48, 600, ignoreCase: false);
        foreach (var word in ArabicAnalyzer.DefaultStopSet.Concat(EnglishAnalyzer.DefaultStopSet))
        {
            set.Add(Fold(word));
        }

        return set;
    }

    private static Dictionary<string, string> BuildVariants()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, variants) in VariantTable.Concat(BrokenPlurals))
        {
            var target = RawStem(Fold(canonical.ToLowerInvariant()));
            foreach (var variant in variants)
            {
                var source = RawStem(Fold(variant.ToLowerInvariant()));
                if (source != target)
                {
                    map[source] = target;
                }
            }
        }

        return map;
    }

    private static string RawStem(string normal)
    {
        if (normal.Any(IsArabic))
        {
            var chars = normal.ToCharArray();
            return new string(chars, 0, new ArabicStemmer().Stem(chars, chars.Length));
        }

        return normal;
    }

    private static List<(string[] Terms, string Canonical)> BuildAbbreviations()
    {
        var list = new List<(string[], string)>();
        foreach (var (canonical, phrases) in AbbreviationTable)
        {
            foreach (var phrase in phrases)
            {
                var terms = Tokens(Prepare(phrase)).Select(t => t.Term).ToArray();
                if (terms.Length > 0)
                {
                    list.Add((terms, canonical));
                }
            }
        }

        // Longest phrases first, so that a phrase inside a longer one is not taken for it.
        return list.OrderByDescending(a => ((string[])a.Item1).Length).ToList();
    }
}
