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

    /// <summary>A rank or honorific used before the name, such as Ambassador (السفير) or Dr (الدكتور).</summary>
    public BilingualText? Honorific { get; set; }

    public List<PersonName> Names { get; set; } = [];

    public List<PersonTitle> Titles { get; set; } = [];

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

        foreach (var e in Honorific?.Check("honorific", 100) ?? [])
        {
            yield return e;
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
