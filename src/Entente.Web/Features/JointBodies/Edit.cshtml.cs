using System.Globalization;
using Entente.Domain;
using Entente.Web.Features.Parties;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.JointBodies;

/// <summary>One other name of a body on the form.</summary>
public sealed class NameVariantRow
{
    public string? Language { get; set; } = "ar";

    public string? Text { get; set; }

    public string? From { get; set; }

    public string? Until { get; set; }
}

/// <summary>
/// A joint body, new or edited, by an instance administrator: its kind and name (a change of
/// either keeps the former one, from the date given), its parties in the order the body names
/// them, when it was founded, the relationship it serves, how often it meets, the gender of its
/// Arabic name and the other names it goes by. The API's rules land next to their fields.
/// </summary>
public sealed class EditModel(JointBodiesHandler bodies, PartiesHandler parties, Entente.Data.AppDbContext db) : EntentePage
{
    /// <summary>The most parties a body is given on the form.</summary>
    public const int PartySlots = 4;

    [BindProperty]
    public string? Kind { get; set; } = "joint-committee";

    [BindProperty]
    public string? NameAr { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? RenamedOn { get; set; }

    [BindProperty]
    public List<Guid?> PartyIds { get; set; } = [];

    [BindProperty]
    public string? Established { get; set; }

    [BindProperty]
    public string? RelationsSince { get; set; }

    [BindProperty]
    public string? HistoryAr { get; set; }

    [BindProperty]
    public string? HistoryEn { get; set; }

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public string? ArabicGender { get; set; }

    [BindProperty]
    public List<NameVariantRow> Variants { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public Guid? BodyId { get; private set; }

    public IReadOnlyList<PartyResponse> Parties { get; private set; } = [];

    public IReadOnlyList<FormerNameResponse> FormerNames { get; private set; } = [];

    public bool IsAdministrator => User.HasClaim(Infrastructure.Auth.EntenteClaims.Administrator, "true");

    /// <summary>Whether the reader may save: an administrator, or (for a body that exists) its secretariat or a co-chair; only an administrator changes its parties.</summary>
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        BodyId = id;
        if (id is { } bodyId)
        {
            var body = await bodies.GetAsync(bodyId, ct);
            Kind = Names.Kebab(body.Kind);
            (NameAr, NameEn, HistoryAr, HistoryEn) = (body.Name.Ar, body.Name.En, body.HistoryNote?.Ar, body.HistoryNote?.En);
            Established = Typed(body.Established);
            RelationsSince = body.RelationsSince?.ToString(CultureInfo.InvariantCulture);
            Frequency = body.Frequency is { } f ? Names.Kebab(f) : null;
            ArabicGender = body.ArabicGender is { } g ? Names.Kebab(g) : null;
            PartyIds = [.. body.PartyIds.Select(p => (Guid?)p)];
            Variants = [.. body.NameVariants.Select(v => new NameVariantRow { Language = v.Language, Text = v.Text, From = Typed(v.From), Until = Typed(v.Until) })];
            FormerNames = body.FormerNames;
            Version = body.Version;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        BodyId = id;
        var checks = new Checks();
        int? since = null;
        if (Infrastructure.Digits.ToAscii(RelationsSince ?? string.Empty).Trim() is { Length: > 0 } year)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                since = y;
            }
            else
            {
                checks.Add(new RuleError(RuleCodes.InvalidText, "relationsSince", "'relationsSince' is a year, such as 1899."));
            }
        }

        // A date typed as it was shown is the stored one, inferred parts and all.
        var stored = id is { } storedId ? await bodies.GetAsync(storedId, ct) : null;
        DateDto? DateOf(string? typed, DateDto? shown, string field) => shown is not null && Typed(shown) == typed?.Trim() ? shown : RecordForm.ParsePartialDate(typed, field, checks);
        var variants = Variants.Where(v => !string.IsNullOrWhiteSpace(v.Text))
            .Select((v, i) =>
            {
                var was = stored?.NameVariants.FirstOrDefault(s => s.Language == v.Language && s.Text == v.Text?.Trim());
                return (NameVariantDto?)new NameVariantDto(v.Language, v.Text, DateOf(v.From, was?.From, $"nameVariants[{i}].from"), DateOf(v.Until, was?.Until, $"nameVariants[{i}].until"));
            })
            .ToArray();
        var request = new JointBodyRequest(
            Kind,
            new TextDto(NameAr, NameEn),
            DateOf(Established, stored?.Established, "established"),
            string.IsNullOrWhiteSpace(HistoryAr) && string.IsNullOrWhiteSpace(HistoryEn) ? null : new TextDto(HistoryAr, HistoryEn),
            since,
            [.. PartyIds.Where(p => p is not null).Select(p => p!.Value)],
            RecordForm.ParsePartialDate(RenamedOn, "renamedOn", checks),
            variants,
            string.IsNullOrEmpty(ArabicGender) ? null : ArabicGender,
            string.IsNullOrEmpty(Frequency) ? null : Frequency);
        JointBodyResponse? saved = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                saved = id is { } bodyId ? await bodies.UpdateAsync(Version, bodyId, request, ct) : await bodies.CreateAsync(request, ct);
            }))
        {
            return Saved($"/bodies/{saved!.Id}", id is null ? null : Version, saved!.Version);
        }

        if (id is { } existing)
        {
            FormerNames = (await bodies.GetAsync(existing, ct)).FormerNames;
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A partial date as the form types it: yyyy, yyyy-mm or yyyy-mm-dd.</summary>
    private static string? Typed(DateDto? date) => date?.Text?.Split(' ')[0];

    private async Task LoadAsync(CancellationToken ct)
    {
        Parties = (await parties.ListAsync(null, new Paging(1, 200), ct)).Items;
        var account = Infrastructure.Auth.EntenteClaims.AccountOf(User);
        MayEdit = IsAdministrator || (BodyId is { } body && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Memberships.Where(m => m.AccountId == account && m.JointBodyId == body && (m.Role == MemberRole.Secretariat || m.Role == MemberRole.CoChair)), ct));
        PartyIds.AddRange(Enumerable.Repeat<Guid?>(null, Math.Max(0, PartySlots - PartyIds.Count)));
        Variants.AddRange(Enumerable.Range(0, Math.Max(0, Variants.Count(v => !string.IsNullOrWhiteSpace(v.Text)) + 2 - Variants.Count)).Select(_ => new NameVariantRow()));
    }
}
