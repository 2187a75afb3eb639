using System.Text;
using System.Text.Json.Nodes;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Signatures;

/// <summary>
/// The signatures of an action plan: what is signed (the frozen text in both languages) and its
/// hash, who has signed and who has still to, the co-chair's signing form (their authenticator's
/// current code), and the signed bundle to download and verify offline.
/// </summary>
public sealed class SignaturesModel(ActionPlansHandler plans, PlanSignaturesHandler signatures, Accounts.Passkeys passkeys) : EntentePage
{
    public ActionPlanResponse Plan { get; private set; } = null!;

    public PlanSignaturesResponse State { get; private set; } = null!;

    public JsonObject? SignedContent { get; private set; }

    /// <summary>Whether the signer has a passkey to sign with, in place of the authenticator's code.</summary>
    public bool HasPasskey { get; private set; }

    public bool JustSigned { get; private set; }

    /// <summary>The body's parties, to name them.</summary>
    public BodyChoices Choices { get; private set; } = null!;

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync(Guid id, bool signed, CancellationToken ct)
    {
        JustSigned = signed;
        await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => signatures.SignAsync(User, id, new SignActionPlanRequest(Code), ct)))
        {
            return Redirect($"/action-plans/{id}/signatures?signed=true");
        }

        Code = null;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The options for the browser to use one of the signer's passkeys (JSON).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await signatures.PasskeyOptionsAsync(User), "application/json");

    /// <summary>Signs with the passkey the browser used, in place of the authenticator's code.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(Guid id, string? credentialJson, CancellationToken ct)
    {
        if (await TryAsync(() => signatures.SignWithPasskeyAsync(User, id, credentialJson, ct)))
        {
            return Redirect($"/action-plans/{id}/signatures?signed=true");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetBundleAsync(Guid id, bool partial, CancellationToken ct)
    {
        var (fileName, text) = await signatures.BundleAsync(id, partial, ct);
        return File(Encoding.UTF8.GetBytes(text), "application/json", fileName);
    }

    protected override string? LabelOf(string field) => field == "code" ? HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>()["ui.signatures.code"].Value : null;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await plans.GetAsync(id, ct);
        State = await signatures.ListAsync(User, id, ct);
        SignedContent = await signatures.ContentAsync(id, ct);
        HasPasskey = State.CallerMaySign && (await passkeys.ListAsync(User)).Count > 0;
        ViewData["BodyId"] = Plan.JointBodyId;
        Choices = await ChoicesAsync(Plan.JointBodyId, [], ct);
    }
}
