using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Parties;

/// <summary>
/// The parties (states, organisations) and their institutions: listed for everyone, recorded
/// and renamed by instance administrators (the data layer refuses anyone else, and the page says so).
/// </summary>
public sealed class IndexModel(PartiesHandler parties, InstitutionsHandler institutions) : EntentePage
{
    public IReadOnlyList<PartyResponse> Parties { get; private set; } = [];

    public IReadOnlyList<InstitutionResponse> Institutions { get; private set; } = [];

    public bool IsAdministrator => User.HasClaim(Infrastructure.Auth.EntenteClaims.Administrator, "true");

    [BindProperty]
    public Guid? Id { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = "state";

    [BindProperty]
    public Guid? PartyId { get; set; }

    [BindProperty]
    public string? NameAr { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? SideAr { get; set; }

    [BindProperty]
    public string? SideEn { get; set; }

    /// <summary>Which form the last post came from, to show its errors beside it.</summary>
    public string? Posted { get; private set; }

    /// <summary>Whether the last post came from this form: the add form (no id) or the rename form of one record.</summary>
    public bool IsPosted(string form, Guid? id) => Posted == form && Id == id;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPartyAsync(CancellationToken ct)
    {
        Posted = "party";
        var request = new PartyRequest(Code, Kind, new TextDto(NameAr, NameEn), string.IsNullOrWhiteSpace(SideAr) && string.IsNullOrWhiteSpace(SideEn) ? null : new TextDto(SideAr, SideEn));
        if (await TryAsync(async () => _ = Id is { } id ? await parties.UpdateAsync(Version, id, request, ct) : await parties.CreateAsync(request, ct)))
        {
            return Redirect("/parties");
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInstitutionAsync(CancellationToken ct)
    {
        Posted = "institution";
        var request = new InstitutionRequest(PartyId, new TextDto(NameAr, NameEn));
        if (await TryAsync(async () => _ = Id is { } id ? await institutions.UpdateAsync(Version, id, request, ct) : await institutions.CreateAsync(request, ct)))
        {
            return Redirect("/parties");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Parties = (await parties.ListAsync(null, new Paging(1, 200), ct)).Items;
        Institutions = (await institutions.ListAsync(null, new Paging(1, 200), ct)).Items;
    }

    public static IEnumerable<PartyKind> Kinds => Enum.GetValues<PartyKind>();
}
