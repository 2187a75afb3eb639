using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.People;

/// <summary>One spelling of a person's name on the form.</summary>
public sealed class NameRow
{
    public string? Language { get; set; }

    public string? Text { get; set; }

    public bool IsPreferred { get; set; }
}

/// <summary>One title a person held, on the form.</summary>
public sealed class TitleRow
{
    public string? Ar { get; set; }

    public string? En { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }
}

/// <summary>One honorific on the form, in Arabic and in English.</summary>
public sealed class HonorificRow
{
    public string? Ar { get; set; }

    public string? En { get; set; }
}

/// <summary>
/// A person's record, new or edited: party, honorific, every recorded spelling of the name in
/// either language (one preferred per language) and the titles held over time. Administrators
/// and secretariats write people; the API's rules land next to their rows.
/// </summary>
public sealed class EditModel(AppDbContext db, PeopleHandler people) : EntentePage
{
    [BindProperty]
    public Guid? PartyId { get; set; }

    [BindProperty]
    public List<HonorificRow> Honorifics { get; set; } = [];

    /// <summary>The post-nominals as typed, apart by spaces or commas ("MP CMG").</summary>
    [BindProperty]
    public string? PostNominals { get; set; }

    [BindProperty]
    public List<NameRow> Names { get; set; } = [];

    [BindProperty]
    public List<TitleRow> Titles { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public Guid? PersonId { get; private set; }

    public IReadOnlyList<(Guid Id, TextDto Name)> Parties { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadPartiesAsync(ct);
        PersonId = id;
        if (id is { } personId)
        {
            var person = await people.GetAsync(personId, ct);
            (PartyId, PostNominals, Version) = (person.PartyId, string.Join(' ', person.PostNominals), person.Version);
            Honorifics = [.. person.Honorifics.Select(h => new HonorificRow { Ar = h.Ar, En = h.En })];
            Names = [.. person.Names.Select(n => new NameRow { Language = n.Language, Text = n.Text, IsPreferred = n.IsPreferred })];
            Titles = [.. person.Titles.Select(t => new TitleRow { Ar = t.Title?.Ar, En = t.Title?.En, From = t.From?.Text?.Split(' ')[0], To = t.To?.Text?.Split(' ')[0] })];
        }

        Pad();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadPartiesAsync(ct);
        PersonId = id;
        var checks = new Checks();
        var names = Names.Where(n => !string.IsNullOrWhiteSpace(n.Text)).Select(n => (PersonNameDto?)new PersonNameDto(n.Language, n.Text, n.IsPreferred)).ToArray();
        var titles = Titles.Where(t => !string.IsNullOrWhiteSpace(t.Ar) || !string.IsNullOrWhiteSpace(t.En))
            .Select((t, i) => (PersonTitleDto?)new PersonTitleDto(new TextDto(t.Ar, t.En), RecordForm.ParsePartialDate(t.From, $"titles[{i}].from", checks), RecordForm.ParsePartialDate(t.To, $"titles[{i}].to", checks))).ToArray();
        var honorifics = Honorifics.Where(h => !string.IsNullOrWhiteSpace(h.Ar) || !string.IsNullOrWhiteSpace(h.En)).Select(h => (TextDto?)new TextDto(h.Ar, h.En)).ToArray();
        var postNominals = (PostNominals ?? string.Empty).Split([' ', ',', '،'], StringSplitOptions.RemoveEmptyEntries).Select(p => (string?)p).ToArray();
        var request = new PersonRequest(PartyId, honorifics, names, titles, postNominals);
        PersonResponse? saved = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                saved = id is { } personId ? await people.UpdateAsync(Version, personId, request, ct) : await people.CreateAsync(request, ct);
            }))
        {
            return Saved($"/people?name={Uri.EscapeDataString(saved!.Name.En ?? string.Empty)}", id is null ? null : Version, saved!.Version);
        }

        Pad();
        return Page();
    }

    /// <summary>Empty rows to add a spelling or a title.</summary>
    private void Pad()
    {
        Names.AddRange(Enumerable.Range(0, Math.Max(0, Names.Count(n => !string.IsNullOrWhiteSpace(n.Text)) + 2 - Names.Count)).Select(_ => new NameRow()));
        Honorifics.AddRange(Enumerable.Range(0, Math.Max(0, Honorifics.Count(h => !string.IsNullOrWhiteSpace(h.Ar) || !string.IsNullOrWhiteSpace(h.En)) + 1 - Honorifics.Count)).Select(_ => new HonorificRow()));
        if (Titles.Count == 0 || Titles.All(t => !string.IsNullOrWhiteSpace(t.Ar) || !string.IsNullOrWhiteSpace(t.En)))
        {
            Titles.Add(new TitleRow());
        }
    }

    private async Task LoadPartiesAsync(CancellationToken ct) =>
        Parties = [.. (await db.Parties.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Name.Ar, p.Name.En }).ToListAsync(ct)).Select(p => (p.Id, new TextDto(p.Ar, p.En)))];
}
