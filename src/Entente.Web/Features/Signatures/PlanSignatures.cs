using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Signatures;

/// <param name="Code">The current code of the signer's authenticator: a fresh second-factor check for this signature.</param>
public sealed record SignActionPlanRequest(string? Code);

public sealed record PlanSignatureResponse(Guid Id, Guid PartyId, string Party, string Signer, DateTime SignedAt, string PlanSha256, string Algorithm, string CertificateSha256);

/// <param name="ContentSha256">SHA-256 of the frozen plan's canonical form; null while a draft.</param>
/// <param name="Parties">The codes of the parties whose co-chair must sign.</param>
/// <param name="AuthorityFingerprint">SHA-256 fingerprint of the instance's signing authority, to pin when verifying a bundle.</param>
public sealed record PlanSignaturesResponse(
    Guid ActionPlanId,
    ActionPlanStatus Status,
    string? ContentSha256,
    IReadOnlyList<string> Parties,
    IReadOnlyList<PlanSignatureResponse> Signatures,
    string AuthorityFingerprint,
    bool CallerMaySign);

/// <summary>
/// Signing a frozen action plan (<c>SignActionPlan</c>): a co-chair of the body, after a fresh
/// check of their authenticator code, signs the plan's hash with their own key; when the last
/// party's co-chair has signed, the plan is signed and immutable, and its signed document is
/// recorded. Also lists the signatures and exports the signed bundle.
/// </summary>
public sealed class PlanSignaturesHandler(AppDbContext db, UserManager<Account> users, SignInManager<Account> signIn, SigningKeys keys, Accounts.AuthenticatorCodes codes, TimeProvider clock)
{
    public async Task<PlanSignaturesResponse> ListAsync(ClaimsPrincipal user, Guid planId, CancellationToken ct)
    {
        var plan = await db.ActionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("action plan", planId));
        var parties = await PartiesOfAsync(plan.JointBodyId, ct);
        var signatures = await db.PlanSignatures.AsNoTracking().Where(s => s.ActionPlanId == planId).OrderBy(s => s.SignedAt).ToListAsync(ct);
        var accountId = Infrastructure.Auth.EntenteClaims.AccountOf(user);
        var partyId = Infrastructure.Auth.EntenteClaims.PartyOf(user);
        var isCoChair = await db.Memberships.AnyAsync(m => m.AccountId == accountId && m.JointBodyId == plan.JointBodyId && m.Role == MemberRole.CoChair, ct);
        return new PlanSignaturesResponse(
            plan.Id,
            plan.Status,
            plan.ContentSha256,
            [.. parties.Values.Select(p => p.Code).Order(StringComparer.Ordinal)],
            [.. signatures.Select(s => new PlanSignatureResponse(s.Id, s.PartyId, parties.TryGetValue(s.PartyId, out var p) ? p.Code : string.Empty, s.SignerName, s.SignedAt, s.PlanSha256, s.Algorithm, SignedPlanBundle.Fingerprint(s.Certificate)))],
            SignedPlanBundle.Fingerprint(await keys.AuthorityCertificateAsync(ct)),
            plan.Status == ActionPlanStatus.Frozen && isCoChair && partyId is { } own && parties.ContainsKey(own) && signatures.All(s => s.PartyId != own));
    }

    public Task<PlanSignaturesResponse> SignAsync(ClaimsPrincipal user, Guid planId, SignActionPlanRequest request, CancellationToken ct) =>
        SignAsync(user, planId, account => CheckFreshCodeAsync(account, request.Code), ct);

    /// <summary>
    /// The options for the browser's <c>navigator.credentials.get</c> (JSON) with the signer's own passkeys:
    /// the fresh check of a signature made with a passkey instead of the authenticator's code.
    /// </summary>
    public async Task<string> PasskeyOptionsAsync(ClaimsPrincipal user) =>
        await signIn.MakePasskeyRequestOptionsAsync(await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to sign.")));

    /// <summary>Signs with the passkey the browser used: it must be one of the signer's own, and verify the person (screen lock, PIN or biometrics) now.</summary>
    public Task<PlanSignaturesResponse> SignWithPasskeyAsync(ClaimsPrincipal user, Guid planId, string? credentialJson, CancellationToken ct) =>
        SignAsync(user, planId, account => CheckPasskeyAsync(account, credentialJson), ct);

    private async Task<PlanSignaturesResponse> SignAsync(ClaimsPrincipal user, Guid planId, Func<Account, Task> checkSigner, CancellationToken ct)
    {
        var plan = await db.ActionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("action plan", planId));
        await db.EnsureMayChangeAsync(plan, ct);
        var account = await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to sign."));
        if (!await db.Memberships.AnyAsync(m => m.AccountId == account.Id && m.JointBodyId == plan.JointBodyId && m.Role == MemberRole.CoChair, ct))
        {
            throw new ApiErrorException(new ApiError.Forbidden("Only a co-chair of the body signs its action plan."));
        }

        if (plan.Status != ActionPlanStatus.Frozen || plan.ContentSha256 is null)
        {
            throw Rule(plan.Status == ActionPlanStatus.Signed ? RuleCodes.PlanLocked : RuleCodes.NotFrozen, "status",
                plan.Status == ActionPlanStatus.Signed ? "The action plan is already signed by every co-chair." : "Only a frozen action plan is signed: freeze it first, so that its text no longer changes.");
        }

        var parties = await PartiesOfAsync(plan.JointBodyId, ct);
        if (!parties.TryGetValue(account.PartyId, out var party))
        {
            throw new ApiErrorException(new ApiError.Forbidden("The signer's party is not a party of this joint body."));
        }

        var signatures = await db.PlanSignatures.Where(s => s.ActionPlanId == planId).ToListAsync(ct);
        if (signatures.Any(s => s.PartyId == party.Id))
        {
            throw Rule(RuleCodes.Duplicate, "party", $"The co-chair for {party.Code} has already signed this version of the plan.");
        }

        await checkSigner(account);

        var body = await db.JointBodies.AsNoTracking().FirstAsync(b => b.Id == plan.JointBodyId, ct);
        var (key, certificate) = await keys.SignerKeyAsync(account, party, body, ct);
        using (key)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var signedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var signature = new PlanSignature
            {
                ActionPlanId = plan.Id,
                JointBodyId = plan.JointBodyId,
                PartyId = party.Id,
                AccountId = account.Id,
                SignerName = account.DisplayName ?? account.Email ?? account.Id.ToString("D"),
                PlanSha256 = plan.ContentSha256,
                SignedAt = signedAt,
                Value = Convert.ToBase64String(key.SignData(PlanSignature.Statement(plan.ContentSha256, party.Code, signedAt), HashAlgorithmName.SHA256)),
                Certificate = certificate,
            };
            db.PlanSignatures.Add(signature);
            signatures.Add(signature);
            if (parties.Keys.All(p => signatures.Any(s => s.PartyId == p)))
            {
                await CompleteAsync(plan, signedAt, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return await ListAsync(user, planId, ct);
    }

    /// <summary>The frozen plan's content (what is signed), or null while it is a draft.</summary>
    public async Task<JsonObject?> ContentAsync(Guid planId, CancellationToken ct)
    {
        var canonical = await db.ActionPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.CanonicalForm).FirstOrDefaultAsync(ct);
        return canonical is null ? null : JsonNode.Parse(canonical) as JsonObject;
    }

    /// <summary>The signed bundle of a plan every co-chair has signed (or the signatures so far, with <paramref name="partial"/>).</summary>
    public async Task<(string FileName, string Text)> BundleAsync(Guid planId, bool partial, CancellationToken ct)
    {
        var plan = await db.ActionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("action plan", planId));
        if (plan.CanonicalForm is null || plan.ContentSha256 is null)
        {
            throw Rule(RuleCodes.NotFrozen, "status", "A draft plan has no signed form; freeze it and have the co-chairs sign it.");
        }

        var signatures = await db.PlanSignatures.AsNoTracking().Where(s => s.ActionPlanId == planId).ToListAsync(ct);
        if (signatures.Count == 0 || (!partial && plan.Status != ActionPlanStatus.Signed))
        {
            throw Rule(RuleCodes.NotFrozen, "status", "The plan is not yet signed by every co-chair (ask for the signatures so far with partial=true).");
        }

        var parties = await PartiesOfAsync(plan.JointBodyId, ct);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == plan.SessionId).Select(s => s.Number).FirstAsync(ct);
        var text = SignedPlanBundle.Build(
            (JsonObject)JsonNode.Parse(plan.CanonicalForm)!,
            plan.ContentSha256,
            signatures.OrderBy(s => parties.TryGetValue(s.PartyId, out var p) ? p.Code : string.Empty, StringComparer.Ordinal)
                .Select(s => new BundleSignature(parties[s.PartyId].Code, Holder(s.Certificate), s.SignedAt, s.Value, s.Certificate)),
            await keys.AuthorityCertificateAsync(ct));
        return ($"action-plan-session-{session}-v{plan.PlanVersion}.signed.json", text);
    }

    private static string Holder(byte[] certificate)
    {
        using var loaded = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate);
        return loaded.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);
    }

    /// <summary>
    /// The last signature is in: the plan becomes signed and immutable, and its signed document is
    /// recorded with the session's co-chairs as signatories and the canonical form's hash as its content.
    /// </summary>
    private async Task CompleteAsync(ActionPlan plan, DateTime signedAt, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.CoChairs).FirstAsync(s => s.Id == plan.SessionId, ct);
        var day = PartialDate.Of(DateOnly.FromDateTime(signedAt));
        var document = new Document
        {
            JointBodyId = plan.JointBodyId,
            Kind = DocumentKind.ActionPlan,
            Title = plan.Title,
            SessionId = plan.SessionId,
        };
        document.Signatories = [.. session.CoChairs.Select(c => new DocumentSignatory { DocumentId = document.Id, PersonId = c.PersonId, PartyId = c.PartyId, Title = c.Title, SignedOn = day })];
        document.Versions =
        [
            new DocumentVersion
            {
                DocumentId = document.Id,
                Number = 1,
                FileName = $"action-plan-session-{session.Number}-v{plan.PlanVersion}.canonical.json",
                MediaType = "application/json",
                Sha256 = plan.ContentSha256!,
                Length = Encoding.UTF8.GetByteCount(plan.CanonicalForm!),
                CreatedAt = signedAt,
            },
        ];
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { VersionId = document.Versions[0].Id, DocumentId = document.Id, Bytes = Encoding.UTF8.GetBytes(plan.CanonicalForm!) });
        plan.CompleteSignatures(day, document.Id);
    }

    /// <summary>Signing needs the authenticator's current code, checked now: wrong codes count toward the account's lockout.</summary>
    private async Task CheckFreshCodeAsync(Account account, string? code)
    {
        var clean = Digits.ToAscii(code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (clean.Length == 0)
        {
            throw Rule(RuleCodes.Required, "code", "Signing needs the current code of your authenticator.");
        }

        if (await users.IsLockedOutAsync(account))
        {
            throw Rule(RuleCodes.WrongCode, "code", "Too many wrong codes: the account is locked for a while.");
        }

        // A code signs once: one seen by someone else (over a shoulder, in a log) cannot sign again within its 30 seconds.
        if (await codes.IsUsedAsync(account, Accounts.CodeUse.Signing, clean))
        {
            throw Rule(RuleCodes.WrongCode, "code", "This code has already been used; wait for your authenticator's next code.");
        }

        if (await codes.FreshStepAsync(account, Accounts.CodeUse.Signing, clean) is not { } step
            || !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            await users.AccessFailedAsync(account);
            throw Rule(RuleCodes.WrongCode, "code", "The code does not match your authenticator; type its current six digits.");
        }

        await codes.UseAsync(account, Accounts.CodeUse.Signing, step);
        await users.ResetAccessFailedCountAsync(account);
    }

    /// <summary>
    /// A passkey signs only when the browser's assertion verifies against the options given to this account,
    /// with the person verified (not mere presence); its counter is kept, as at sign-in.
    /// </summary>
    private async Task CheckPasskeyAsync(Account account, string? credentialJson)
    {
        if (string.IsNullOrEmpty(credentialJson))
        {
            throw Rule(RuleCodes.Required, "passkey", "Signing with a passkey needs the browser's answer to the passkey request.");
        }

        PasskeyAssertionResult<Account>? result;
        try
        {
            result = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            result = null; // no passkey request under way (its options expired or were never asked for)
        }

        if (result is not { Succeeded: true } || result.User.Id != account.Id || !result.Passkey.IsUserVerified)
        {
            throw Rule(RuleCodes.NotVerified, "passkey", "The passkey could not be verified as yours, with your screen lock or PIN; nothing was signed.");
        }

        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
    }

    private async Task<Dictionary<Guid, Party>> PartiesOfAsync(Guid bodyId, CancellationToken ct)
    {
        var memberIds = db.JointBodies.Where(b => b.Id == bodyId).SelectMany(b => b.Members.Select(m => m.PartyId));
        return await db.Parties.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    private static ApiErrorException Rule(string code, string field, string message) =>
        new(new ApiError.Rules([new RuleError(code, field, message)]));
}

public static class SignaturesApi
{
    public static void MapSignaturesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/action-plans", "Signatures");
        group.MapGet("/{id:guid}/signatures", (Guid id, ClaimsPrincipal user, PlanSignaturesHandler h, CancellationToken ct) => h.ListAsync(user, id, ct));
        group.MapPost("/{id:guid}/signatures", async (Guid id, SignActionPlanRequest? request, ClaimsPrincipal user, PlanSignaturesHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.SignAsync(user, id, request ?? new SignActionPlanRequest(null), ct)));
        group.MapGet("/{id:guid}/bundle", async (Guid id, bool? partial, PlanSignaturesHandler h, CancellationToken ct) =>
        {
            var (fileName, text) = await h.BundleAsync(id, partial == true, ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/json", fileName);
        });
    }
}
