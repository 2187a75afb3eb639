using System.Text.RegularExpressions;
using System.Xml.Linq;
using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>Every string a page shows exists in Arabic and in English.</summary>
public sealed partial class ResourcesTests
{
    private static readonly Type[] ShownEnums =
    [
        typeof(ActionItemStatus), typeof(ActionPlanStatus), typeof(AgreementKind), typeof(AgreementStatus), typeof(DocumentKind),
        typeof(EngagementFormat), typeof(EngagementKind), typeof(EngagementStatus), typeof(JointBodyKind), typeof(MeetingFormat),
        typeof(MeetingKind), typeof(MemberRole), typeof(ObstacleStatus), typeof(PlaceKind), typeof(PointKind), typeof(RecordType), typeof(SessionStatus),
        typeof(SourceKind), typeof(TrackArea), typeof(Visibility), typeof(ArabicGender), typeof(SessionFrequency), typeof(FigureQualifier), typeof(AgreementInstitutionRole),
    ];

    [Fact]
    public void ArabicAndEnglish_HaveTheSameKeys_NoneEmpty()
    {
        var en = Keys("en");
        var ar = Keys("ar");

        Assert.Empty(en.Keys.Except(ar.Keys));
        Assert.Empty(ar.Keys.Except(en.Keys));
        Assert.Empty(en.Where(k => string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key));
        Assert.Empty(ar.Where(k => string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key));
        // An Arabic text is Arabic (names and codes aside).
        Assert.Empty(ar.Where(k => k.Key.StartsWith("ui.", StringComparison.Ordinal) && k.Key != "ui.footer" && !ArabicLetter().IsMatch(k.Value) && !Regex.IsMatch(k.Value, @"^[\W\d]*$")).Select(k => k.Key));
    }

    [Fact]
    public void EveryKeyThePagesAskFor_Exists()
    {
        var en = Keys("en");
        var web = Path.Combine(Root(), "src", "Entente.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups[1].Value, File: Path.GetFileName(f))))
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();
        var labels = typeof(RecordPageSpec).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(RecordPageSpec)))
            .Select(t => (RecordPageSpec)Activator.CreateInstance(t)!)
            .SelectMany(s => s.Fields.Select(f => (Key: f.Label, File: s.Kind)).Append((Key: "ui.records." + s.Kind, File: s.Kind)));

        Assert.True(used.Count > 200, $"Only {used.Count} uses found: the scan is broken.");
        Assert.Empty(used.Concat(labels).Where(u => !en.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    [Fact]
    public void EveryValueOfTheEnumsThePagesShow_HasItsName()
    {
        var en = Keys("en");

        var missing = ShownEnums.SelectMany(t => Enum.GetNames(t).Select(n => $"enum.{t.Name}.{EnumText.Policy.ConvertName(n)}")).Where(k => !en.ContainsKey(k));

        Assert.Empty(missing);
    }

    private static Dictionary<string, string> Keys(string language) =>
        XDocument.Load(Path.Combine(Root(), "src", "Entente.Web", "Resources", $"SharedResources.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Entente.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run inside the repository.");
    }

    [GeneratedRegex("""(?:\bT|\btext)\["([a-z][a-z0-9.-]+)"\]""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetter();
}
