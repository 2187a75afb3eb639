using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Sessions;

/// <summary>Proposing the session after a concluded one, with its place; its open items go forward.</summary>
public sealed class NextModel(SessionsHandler sessions, NextSessionHandler next) : EntentePage
{
    public SessionResponse Session { get; private set; } = null!;

    [BindProperty]
    public string PlaceKind { get; set; } = "one-of-the-capitals";

    [BindProperty]
    public string? PlaceAr { get; set; }

    [BindProperty]
    public string? PlaceEn { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Session = await sessions.GetAsync(id, ct);
        ViewData["BodyId"] = Session.JointBodyId;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Session = await sessions.GetAsync(id, ct);
        ViewData["BodyId"] = Session.JointBodyId;
        var place = string.IsNullOrWhiteSpace(PlaceAr) && string.IsNullOrWhiteSpace(PlaceEn) ? null : new TextDto(PlaceAr, PlaceEn);
        NextSessionResponse? proposed = null;
        if (await TryAsync(async () => proposed = (await next.ProposeAsync(id, new NextSessionRequest(PlaceKind, place), ct)).Response))
        {
            return Redirect($"/sessions/{proposed!.Session.Id}");
        }

        return Page();
    }

    public static IEnumerable<PlaceKind> Places => [Domain.PlaceKind.OneOfTheCapitals, Domain.PlaceKind.City, Domain.PlaceKind.Virtual, Domain.PlaceKind.ToBeDecided];
}
