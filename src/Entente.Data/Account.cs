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
