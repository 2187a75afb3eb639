using Entente.Domain;
using Entente.Web.Features.Accounts;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Members;

/// <summary>
/// Who works in a joint body: its members by party and role; a form to give an account a role and, beside each
/// member, to change or end it. The data layer decides who may (an administrator any role, a secretariat its own
/// party's viewers and track leads); a refusal is shown beside the form that was posted.
/// </summary>
public sealed class IndexModel(MembersHandler members, AccountAdministration accounts) : EntentePage
{
    public Guid BodyId { get; private set; }

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    /// <summary>The accounts the reader may name (its own party's, or every party's of the body for an administrator) that have no role here yet.</summary>
    public IReadOnlyList<AccountResponse> Candidates { get; private set; } = [];

    public BodyChoices Choices { get; private set; } = null!;

    /// <summary>The membership a change or removal is for (not <c>Id</c>, which the route binds to the body).</summary>
    [BindProperty]
    public Guid? MembershipId { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public Guid? AccountId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public List<Guid> TrackIds { get; set; } = [];

    /// <summary>The membership whose form was posted (none: the add form), to show its errors beside it.</summary>
    public Guid? Posted { get; private set; }

    public bool WasPosted { get; private set; }

    public static IEnumerable<MemberRole> Roles => Enum.GetValues<MemberRole>();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, () => members.CreateAsync(new MemberRequest(id, AccountId, Role, [.. TrackIds]), ct), ct);

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, () => members.UpdateAsync(Version, MembershipId!.Value, new MemberRequest(null, null, Role, [.. TrackIds]), ct), ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await SaveAsync(id, () => members.RemoveAsync(Version, MembershipId!.Value, ct), ct);

    private async Task<IActionResult> SaveAsync(Guid bodyId, Func<Task> change, CancellationToken ct)
    {
        WasPosted = true;
        Posted = MembershipId;
        if (await TryAsync(change))
        {
            return Redirect($"/bodies/{bodyId}/members");
        }

        await LoadAsync(bodyId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid bodyId, CancellationToken ct)
    {
        BodyId = bodyId;
        ViewData["BodyId"] = bodyId;
        Choices = await ChoicesAsync(bodyId, [Tracks.TrackChoices.Source], ct);
        Members = (await members.ListAsync(bodyId, null, new Paging(1, Paging.MaxPageSize), ct)).Items;
        var parties = Choices.Parties.Select(p => p.Id).ToHashSet();
        Candidates = [.. (await accounts.ListAsync(null, null, new Paging(1, Paging.MaxPageSize), ct)).Items
            .Where(a => parties.Contains(a.PartyId) && a.Active && Members.All(m => m.AccountId != a.Id))];
    }
}
