using Microsoft.AspNetCore.Identity;

namespace Entente.Data;

/// <summary>A user of Entente (ASP.NET Core Identity), who belongs to exactly one party.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public Account() => Id = Guid.CreateVersion7();

    /// <summary>The party (side) the user works for; every visibility rule hangs on it.</summary>
    public Guid PartyId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>An instance administrator: manages parties, joint bodies and accounts.</summary>
    public bool IsAdministrator { get; set; }

    /// <summary>The language the pages speak to this user ("ar" or "en"); null until the user picks one.</summary>
    public string? Language { get; set; }

    /// <summary>Dates shown in the Hijri (Umm al-Qura) calendar instead of the Gregorian one.</summary>
    public bool HijriDates { get; set; }

    /// <summary>The IANA time zone times are shown in (a meeting's start, a change's instant); null for the instance's default.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The person (of the account's own party) this account's user is: whose items are "assigned to me". Set by an administrator.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Figures shown with Arabic-Indic digits (٠١٢٣) instead of 0123.</summary>
    public bool ArabicIndicDigits { get; set; }

    /// <summary>When an administrator of the account's party deactivated it: no sign-in, session or token works while set.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>API tokens made before this instant never work again (set at deactivation, so reactivating revives none).</summary>
    public DateTime? TokensValidFrom { get; set; }
}

/// <summary>
/// Failed password attempts on one account from one address, within a window: what pauses sign-in
/// for that account from that address (and, summed over addresses, for the account) without locking
/// the account itself, so that no one can shut a known person out by typing wrong passwords.
/// Security telemetry, not a record: it stays out of the audit chain (the log has every attempt).
/// </summary>
public sealed class SignInFailure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AccountId { get; init; }

    /// <summary>The caller's address as the program sees it (behind a trusted proxy, the forwarded one).</summary>
    public required string Address { get; init; }

    public int Failures { get; set; }

    /// <summary>When the first failure of the window happened (UTC).</summary>
    public DateTime WindowStart { get; set; }
}

/// <summary>
/// One signed-in browser of an account: the sign-in cookie names it, every request checks it is
/// not ended, and the account's owner sees the list (device, address, when) and ends any of them.
/// Security telemetry, not a record: it stays out of the audit chain.
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AccountId { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The last request seen, kept to the minute (not written on every request).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>When it was ended (signed out, ended from another session, a new password); its cookie no longer works.</summary>
    public DateTime? EndedAt { get; set; }

    /// <summary>The browser as it named itself (User-Agent), cut to <see cref="MaxUserAgent"/> characters.</summary>
    public string? UserAgent { get; set; }

    public string? Address { get; set; }

    public const int MaxUserAgent = 300;
}

/// <summary>What a signing key is for.</summary>
public enum SigningKeyKind
{
    /// <summary>The instance's certificate authority: it certifies who holds each signer's key.</summary>
    Authority,

    /// <summary>A co-chair's key for signing the action plans of one joint body.</summary>
    Signer,
}

/// <summary>
/// An ECDSA P-256 key pair with its X.509 certificate. The private key is stored only encrypted
/// by the program's data-protection keys (themselves encrypted at rest when a certificate is
/// configured); the certificate names the holder, the party and the role.
/// </summary>
public sealed class SigningKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public SigningKeyKind Kind { get; set; }

    /// <summary>The holder, for a signer's key.</summary>
    public Guid? AccountId { get; set; }

    public Guid? JointBodyId { get; set; }

    public Guid? PartyId { get; set; }

    /// <summary>The X.509 certificate (DER).</summary>
    public required byte[] Certificate { get; set; }

    /// <summary>The PKCS#8 private key, protected by ASP.NET Core data protection.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }
}
