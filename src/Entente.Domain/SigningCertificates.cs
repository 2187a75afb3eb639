using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Entente.Domain;

/// <summary>
/// The X.509 certificates behind plan signatures: an instance's signing authority (a
/// self-signed ECDSA P-256 certificate authority) and the certificates it issues to co-chairs,
/// naming the holder, the party's code, the role and the body.
/// </summary>
public static class SigningCertificates
{
    /// <summary>A new authority certificate for <paramref name="key"/>, valid for 30 years from <paramref name="now"/>.</summary>
    public static X509Certificate2 CreateAuthority(ECDsa key, string commonName, DateTimeOffset now)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.AddOrganizationName("Entente");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(30));
    }

    /// <summary>
    /// A co-chair's certificate for <paramref name="key"/>, issued by <paramref name="authority"/>
    /// (which holds its private key), valid for five years or until the authority expires.
    /// </summary>
    public static X509Certificate2 IssueSigner(X509Certificate2 authority, ECDsa key, string holder, string partyCode, string body, string? email, DateTimeOffset now)
    {
        var request = new CertificateRequest(SignedPlanBundle.SignerSubject(holder, partyCode, body), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (!string.IsNullOrEmpty(email))
        {
            var alternative = new SubjectAlternativeNameBuilder();
            alternative.AddEmailAddress(email);
            request.CertificateExtensions.Add(alternative.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = now.AddYears(5) < authority.NotAfter ? now.AddYears(5) : new DateTimeOffset(authority.NotAfter);
        return request.Create(authority, now.AddMinutes(-5), notAfter, serial);
    }
}
