using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Entente.Data;
using Entente.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Signatures;

/// <summary>
/// The keys behind the co-chairs' signatures. The instance has one signing authority (an ECDSA
/// P-256 certificate authority, made by the program when it starts); each co-chair gets a key
/// of their own for a joint body when they first sign, certified by the authority with their
/// name, party and role. Private keys are kept only encrypted with the data-protection keys.
/// </summary>
public sealed class SigningKeys(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Entente.SigningKeys.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>Makes the instance's signing authority when there is none (at start-up, as the program).</summary>
    public async Task EnsureAuthorityAsync(CancellationToken ct)
    {
        if (await db.SigningKeys.AnyAsync(k => k.Kind == SigningKeyKind.Authority, ct))
        {
            return;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = clock.GetUtcNow();
        using var certificate = SigningCertificates.CreateAuthority(key, $"Entente signing authority {Guid.CreateVersion7():N}", now);
        db.SigningKeys.Add(new SigningKey
        {
            Kind = SigningKeyKind.Authority,
            Certificate = certificate.RawData,
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
            CreatedAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The authority's certificate (DER).</summary>
    public async Task<byte[]> AuthorityCertificateAsync(CancellationToken ct) =>
        (await AuthorityAsync(ct)).Certificate;

    /// <summary>
    /// The co-chair's key for the body, made and certified on first use. The key is opened only
    /// here, to sign, and never leaves the program.
    /// </summary>
    public async Task<(ECDsa Key, byte[] Certificate)> SignerKeyAsync(Account account, Party party, JointBody body, CancellationToken ct)
    {
        var existing = await db.SigningKeys.AsNoTracking()
            .Where(k => k.Kind == SigningKeyKind.Signer && k.AccountId == account.Id && k.JointBodyId == body.Id && k.PartyId == party.Id)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (existing is not null && X509CertificateLoader.LoadCertificate(existing.Certificate).NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime)
        {
            return (Open(existing), existing.Certificate);
        }

        var authority = await AuthorityAsync(ct);
        using var authorityKey = Open(authority);
        using var authorityCertificate = X509CertificateLoader.LoadCertificate(authority.Certificate).CopyWithPrivateKey(authorityKey);

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = clock.GetUtcNow();
        using var certificate = SigningCertificates.IssueSigner(authorityCertificate, key, account.DisplayName ?? account.Email ?? account.Id.ToString("D"), party.Code, body.Name.En, account.Email, now);
        db.SigningKeys.Add(new SigningKey
        {
            Kind = SigningKeyKind.Signer,
            AccountId = account.Id,
            JointBodyId = body.Id,
            PartyId = party.Id,
            Certificate = certificate.RawData,
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
            CreatedAt = now.UtcDateTime,
        });
        return (key, certificate.RawData);
    }

    private async Task<SigningKey> AuthorityAsync(CancellationToken ct) =>
        await db.SigningKeys.AsNoTracking().Where(k => k.Kind == SigningKeyKind.Authority).OrderBy(k => k.CreatedAt).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("The instance has no signing authority; it is made when the program starts.");

    private ECDsa Open(SigningKey stored)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(stored.ProtectedPrivateKey)), out _);
        return key;
    }
}
