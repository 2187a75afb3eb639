namespace Entente.Domain;

/// <summary>
/// A person who acts in a joint body: co-chair, signatory, attendee. Agencies transliterate
/// names differently, so a person has several spellings per language, one preferred; titles
/// change over time and are kept with their dates.
/// </summary>
public sealed class Person : Entity
{
    /// <summary>The party the person serves, when known.</summary>
    public Guid? PartyId { get; set; }

    /// <summary>
    /// The ranks and honorifics used before the name, in the order they are written: Ambassador
    /// (السفير), Dr (الدكتور), Sheikh (الشيخ); a person may have several.
    /// </summary>
    public List<PersonHonorific> Honorifics { get; set; } = [];

    /// <summary>Letters written after the English name (MP, CMG, OBE), in order.</summary>
    public List<string> PostNominals { get; set; } = [];

    /// <summary>The honorifics as one text per language, in order ("Ambassador Dr"), or null when there are none.</summary>
    public BilingualText? Honorific => Honorifics.Count == 0
        ? null
        : new BilingualText(
            string.Join(' ', Honorifics.OrderBy(h => h.Position).Select(h => h.Text.Ar).Where(t => t.Length > 0)),
            string.Join(' ', Honorifics.OrderBy(h => h.Position).Select(h => h.Text.En).Where(t => t.Length > 0)));

    public List<PersonName> Names { get; set; } = [];

    public List<PersonTitle> Titles { get; set; } = [];

    /// <summary>The most honorifics or post-nominals a person may have.</summary>
    public const int MaxHonorifics = 6;

    /// <summary>The preferred spelling in <paramref name="language"/> (<c>ar</c> or <c>en</c>).</summary>
    public string? PreferredName(string language) =>
        Names.Where(n => n.Language == language).OrderByDescending(n => n.IsPreferred).Select(n => n.Text).FirstOrDefault();

    /// <summary>
    /// Checks the person has a name, one preferred spelling in each language it is written in, and no
    /// spelling twice. A language no source gave is absent, never invented: the other one stands in.
    /// </summary>
    public IEnumerable<RuleError> Check()
    {
        if (Names.Count == 0)
        {
            yield return new RuleError(RuleCodes.Required, "names", "A person needs a name, in Arabic or in English.");
        }

        foreach (var lang in new[] { "ar", "en" })
        {
            var preferred = Names.Count(n => n.Language == lang && n.IsPreferred);
            if (Names.Any(n => n.Language == lang) && preferred != 1)
            {
                yield return new RuleError(RuleCodes.Required, "names", $"Exactly one preferred name in '{lang}' is required when the person has names in '{lang}'.", lang);
            }
        }

        for (var i = 0; i < Names.Count; i++)
        {
            var name = Names[i];
            if (name.Language is not ("ar" or "en"))
            {
                yield return new RuleError(RuleCodes.OutOfRange, $"names[{i}].language", "A name's language is 'ar' or 'en'.");
            }

            if (string.IsNullOrWhiteSpace(name.Text))
            {
                yield return new RuleError(RuleCodes.Required, $"names[{i}].text", "A name needs its text.");
            }
            else if (name.Text.Length > 200)
            {
                yield return new RuleError(RuleCodes.TooLong, $"names[{i}].text", "A name is at most 200 characters.", 200);
            }
            else if (!TextRules.IsWellFormed(name.Text))
            {
                yield return new RuleError(RuleCodes.InvalidText, $"names[{i}].text", "A name holds a control character or malformed Unicode.");
            }

            if (Names.Take(i).Any(n => n.Language == name.Language && string.Equals(n.Text, name.Text, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new RuleError(RuleCodes.Duplicate, $"names[{i}].text", "The same spelling is given twice.");
            }
        }

        if (Honorifics.Count > MaxHonorifics)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "honorifics", $"A person has at most {MaxHonorifics} honorifics.", MaxHonorifics);
        }

        for (var i = 0; i < Honorifics.Count; i++)
        {
            foreach (var e in Honorifics[i].Text.Check($"honorifics[{i}]", 100))
            {
                yield return e;
            }
        }

        if (PostNominals.Count > MaxHonorifics)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "postNominals", $"A person has at most {MaxHonorifics} post-nominals.", MaxHonorifics);
        }

        for (var i = 0; i < PostNominals.Count; i++)
        {
            // Letters as written after a name: MP, CMG, KCVO, PhD; no spaces, which keep them apart in storage.
            var letters = PostNominals[i];
            if (letters.Length is 0 or > 12 || !letters.All(c => char.IsAsciiLetter(c) || c is '.' or '(' or ')'))
            {
                yield return new RuleError(RuleCodes.InvalidText, $"postNominals[{i}]", $"'postNominals[{i}]' is one set of letters such as MP, CMG or K.C.M.G.: 1 to 12 Latin letters, dots or brackets, no spaces.");
            }
            else if (PostNominals.Take(i).Contains(letters, StringComparer.OrdinalIgnoreCase))
            {
                yield return new RuleError(RuleCodes.Duplicate, $"postNominals[{i}]", "The same post-nominal is given twice.");
            }
        }

        for (var i = 0; i < Titles.Count; i++)
        {
            foreach (var error in Titles[i].Title.Check($"titles[{i}].title"))
            {
                yield return error;
            }

            foreach (var e in Titles[i].From?.Check($"titles[{i}].from") ?? [])
            {
                yield return e;
            }

            foreach (var e in Titles[i].To?.Check($"titles[{i}].to") ?? [])
            {
                yield return e;
            }

            if (Titles[i].From is { } from && Titles[i].To is { } to && PartialDate.Compare(from, to) > 0)
            {
                yield return new RuleError(RuleCodes.EndBeforeStart, $"titles[{i}].to", "A title cannot end before it starts.");
            }
        }
    }
}

/// <summary>One honorific of a person, at its place in the order they are written.</summary>
public sealed class PersonHonorific
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public int Position { get; set; }

    public required BilingualText Text { get; set; }
}

/// <summary>One spelling of a person's name in one language, as some agency writes it.</summary>
public sealed class PersonName : ISearchable
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary><c>ar</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    /// <summary>The spelling the product shows; one per language.</summary>
    public bool IsPreferred { get; set; }

    public string SearchText { get; set; } = string.Empty;

    public string SearchableText() => Text;
}

/// <summary>A title a person held over a period (Deputy Minister of Foreign Affairs, from … to …).</summary>
public sealed class PersonTitle
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public required BilingualText Title { get; set; }

    public PartialDate? From { get; set; }

    public PartialDate? To { get; set; }
}

/// <summary>A person acting for a party in a role, with the title they held then.</summary>
public abstract class PersonInRole
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary>The person, for reading names in queries; writers set <see cref="PersonId"/>.</summary>
    public Person? Person { get; private set; }

    public Guid PartyId { get; set; }

    /// <summary>The title at the time of acting, as the record states it.</summary>
    public required BilingualText Title { get; set; }
}
