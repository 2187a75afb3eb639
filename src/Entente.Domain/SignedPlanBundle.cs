using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Entente.Domain;

/// <summary>One signature as a bundle carries it.</summary>
public sealed record BundleSignature(string Party, string Signer, DateTime SignedAt, string Value, byte[] Certificate);

/// <summary>What <see cref="SignedPlanBundle.Verify"/> found: valid, or each thing that was altered.</summary>
public sealed record BundleReport(bool IsValid, IReadOnlyList<string> Findings, IReadOnlyList<string> Summary);

/// <summary>
/// The signed action plan as one self-contained JSON file: the plan's canonical content, its
/// SHA-256, each co-chair's signature with the certificate that says who held the key, and the
/// certificate of the instance's signing authority that issued them. It is checked offline,
/// without the database: <see cref="Verify"/>.
/// </summary>
public static class SignedPlanBundle
{
    public const string Format = "entente-signed-action-plan/1";

    /// <summary>The role a signer's certificate names (its organizational unit).</summary>
    public const string CoChairRole = "co-chair";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The bundle's text (indented UTF-8 JSON, Arabic left readable).</summary>
    public static string Build(JsonObject plan, string planSha256, IEnumerable<BundleSignature> signatures, byte[] authorityCertificate)
    {
        using var authority = X509CertificateLoader.LoadCertificate(authorityCertificate);
        var bundle = new JsonObject
        {
            ["format"] = Format,
            ["plan"] = plan.DeepClone(),
            ["sha256"] = planSha256,
            ["signatures"] = new JsonArray([.. signatures.Select(s => (JsonNode)new JsonObject
            {
                ["party"] = s.Party,
                ["signer"] = s.Signer,
                ["signedAt"] = PlanSignature.Instant(s.SignedAt),
                ["algorithm"] = PlanSignature.Es256,
                ["signature"] = s.Value,
                ["certificate"] = Convert.ToBase64String(s.Certificate),
            })]),
            ["authority"] = new JsonObject
            {
                ["name"] = authority.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                ["sha256Fingerprint"] = Fingerprint(authorityCertificate),
                ["certificate"] = Convert.ToBase64String(authorityCertificate),
            },
        };
        return bundle.ToJsonString(Pretty) + "\n";
    }

    /// <summary>Lower-case hexadecimal SHA-256 of a certificate's DER bytes.</summary>
    public static string Fingerprint(byte[] certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate));

    /// <summary>
    /// Checks a bundle with nothing but its own bytes: the plan's content against its hash, every
    /// signature against its certificate, every certificate against the authority (and the
    /// authority against <paramref name="pinnedAuthority"/>, a SHA-256 fingerprint, when given),
    /// and that every party of the plan has signed. Names each thing found altered.
    /// </summary>
    public static BundleReport Verify(ReadOnlySpan<byte> file, string? pinnedAuthority = null)
    {
        var findings = new List<string>();
        var summary = new List<string>();
        JsonObject? bundle;
        try
        {
            bundle = JsonNode.Parse(file, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Refused($"The file is not valid JSON ({e.Message}); it was damaged or altered.");
        }
        catch (ArgumentException e)
        {
            return Refused($"The file is not valid UTF-8 JSON ({e.Message}); it was damaged or altered.");
        }

        if (bundle is null || Text(bundle, "format") != Format)
        {
            return Refused($"The file is not a signed action plan: its \"format\" is not \"{Format}\".");
        }

        if (bundle["plan"] is not JsonObject plan)
        {
            return Refused("The bundle has no \"plan\" object.");
        }

        Members(bundle, string.Empty, findings, "format", "plan", "sha256", "signatures", "authority");
        Members(bundle["authority"] as JsonObject, "authority.", findings, "name", "sha256Fingerprint", "certificate");
        var stated = Text(bundle, "sha256");
        if (stated is null || stated.Length != 64 || !stated.All(char.IsAsciiHexDigitLower))
        {
            findings.Add("\"sha256\" is not a lower-case hexadecimal SHA-256.");
            stated = string.Empty;
        }

        var computed = CanonicalJson.Sha256(plan);
        var authorityDer = Bytes(bundle["authority"]?["certificate"]);
        using var authority = Certificate(authorityDer);
        if (authority is null)
        {
            findings.Add("\"authority.certificate\" is not a readable X.509 certificate.");
        }
        else
        {
            var fingerprint = Fingerprint(authorityDer!);
            summary.Add($"Signing authority: {authority.Subject} (SHA-256 fingerprint {fingerprint})");
            if (pinnedAuthority is not null && !string.Equals(pinnedAuthority.Replace(":", string.Empty, StringComparison.Ordinal), fingerprint, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"The bundle's signing authority (fingerprint {fingerprint}) is not the authority expected ({pinnedAuthority}).");
            }

            if (Text(bundle["authority"] as JsonObject, "sha256Fingerprint") != fingerprint)
            {
                findings.Add($"\"authority.sha256Fingerprint\" was altered: the certificate's fingerprint is {fingerprint}.");
            }

            if (Text(bundle["authority"] as JsonObject, "name") != authority.GetNameInfo(X509NameType.SimpleName, forIssuer: false))
            {
                findings.Add($"\"authority.name\" was altered: the certificate names \"{authority.GetNameInfo(X509NameType.SimpleName, forIssuer: false)}\".");
            }

            if (!IsSelfSignedAuthority(authority))
            {
                findings.Add("\"authority.certificate\" is not a valid self-signed certificate authority (altered).");
            }
        }

        var parties = (plan["parties"] as JsonArray)?.Select(p => Text(p as JsonObject, "code")).OfType<string>().ToList() ?? [];
        summary.Insert(0, $"Action plan: {Text(plan["actionPlan"]?["title"] as JsonObject, "en")} / {Text(plan["actionPlan"]?["title"] as JsonObject, "ar")} (version {plan["actionPlan"]?["planVersion"]}), session {plan["session"]?["number"]}");
        summary.Insert(1, $"SHA-256 of the plan's canonical form: {computed}");

        var signatures = bundle["signatures"] as JsonArray ?? [];
        var overStated = new List<bool>();
        var overComputed = new List<bool>();
        var signedParties = new List<string>();
        for (var i = 0; i < signatures.Count; i++)
        {
            var at = $"signatures[{i}]";
            var entry = signatures[i] as JsonObject;
            Members(entry, at + ".", findings, "party", "signer", "signedAt", "algorithm", "signature", "certificate");
            var party = Text(entry, "party") ?? string.Empty;
            var signer = Text(entry, "signer") ?? string.Empty;
            var signedAtText = Text(entry, "signedAt");
            var value = Bytes(entry?["signature"]);
            var certificateDer = Bytes(entry?["certificate"]);
            using var certificate = Certificate(certificateDer);
            if (Text(entry, "algorithm") != PlanSignature.Es256)
            {
                findings.Add($"{at}.algorithm is not {PlanSignature.Es256}.");
            }

            if (!DateTime.TryParseExact(signedAtText, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
            {
                findings.Add($"{at}.signedAt is not a UTC time (yyyy-MM-ddTHH:mm:ssZ).");
                continue;
            }

            if (certificate is null)
            {
                findings.Add($"{at}.certificate is not a readable X.509 certificate (altered).");
                continue;
            }

            if (authority is not null && !IssuedBy(certificate, authority, signedAt))
            {
                findings.Add($"{at}.certificate ({certificate.Subject}) was not issued by the bundle's signing authority, or was not valid at {signedAtText}.");
            }

            var named = Organization(certificate);
            if (named != party)
            {
                findings.Add($"{at}.party was altered: it says \"{party}\", the certificate names the party \"{named}\".");
            }

            if (OrganizationalUnit(certificate) != CoChairRole)
            {
                findings.Add($"{at}.certificate does not name its holder a {CoChairRole}.");
            }

            var holder = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (holder != signer)
            {
                findings.Add($"{at}.signer was altered: it says \"{signer}\", the certificate names \"{holder}\".");
            }

            using var key = PublicKey(certificate);
            bool Checks(string sha) => key is not null && value is not null && key.VerifyData(PlanSignature.Statement(sha, party, signedAt), value, HashAlgorithmName.SHA256);
            if (key is null)
            {
                findings.Add($"{at}.certificate holds no readable P-256 public key (altered).");
            }
            var okStated = Checks(stated);
            var okComputed = stated == computed ? okStated : Checks(computed);
            overStated.Add(okStated);
            overComputed.Add(okComputed);
            if (!okStated && !okComputed)
            {
                findings.Add($"{at}.signature does not verify with the certificate's key for party {party} at {signedAtText}: the signature, its party or its time was altered.");
            }
            else
            {
                signedParties.Add(party);
                summary.Add($"Signed for {party} by {holder} at {signedAtText}");
            }
        }

        if (stated.Length > 0 && stated != computed)
        {
            if (overComputed.Count > 0 && overComputed.All(x => x))
            {
                findings.Add($"\"sha256\" was altered: the plan's canonical form hashes to {computed}, which is what the co-chairs signed.");
            }
            else
            {
                findings.Add($"The plan was altered: its canonical form hashes to {computed}, but {stated} was signed.");
            }
        }

        foreach (var party in parties.Where(p => !signedParties.Contains(p)))
        {
            findings.Add($"No valid signature of the co-chair for party {party}.");
        }

        foreach (var party in signedParties.GroupBy(p => p).Where(g => g.Count() > 1))
        {
            findings.Add($"Party {party.Key} signed more than once.");
        }

        if (parties.Count == 0)
        {
            findings.Add("\"plan.parties\" names no party: nobody is required to sign.");
        }

        return new BundleReport(findings.Count == 0, findings, summary);
    }

    /// <summary>A bundle's objects hold exactly their members: a renamed, missing or added one is an alteration.</summary>
    private static void Members(JsonObject? obj, string path, List<string> findings, params string[] expected)
    {
        if (obj is null)
        {
            findings.Add($"\"{path.TrimEnd('.')}\" is missing or not an object.");
            return;
        }

        findings.AddRange(expected.Where(name => !obj.ContainsKey(name)).Select(name => $"\"{path}{name}\" is missing."));
        findings.AddRange(obj.Select(p => p.Key).Where(name => !expected.Contains(name)).Select(name => $"\"{path}{name}\" is not part of a signed bundle (added or renamed)."));
    }

    private static BundleReport Refused(string finding) => new(false, [finding], []);

    private static string? Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static byte[]? Bytes(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        // Only the canonical encoding: base64's unused low bits before '=' could otherwise be changed without changing the bytes.
        var text = v.GetValue<string>();
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && Convert.ToBase64String(buffer, 0, written) == text ? buffer[..written] : null;
    }

    private static X509Certificate2? Certificate(byte[]? der)
    {
        if (der is null)
        {
            return null;
        }

        X509Certificate2? certificate = null;
        try
        {
            // A damaged certificate may load and fail only when a field is read: read them here.
            certificate = X509CertificateLoader.LoadCertificate(der);
            _ = (certificate.NotBefore, certificate.NotAfter, certificate.Subject, certificate.SubjectName.EnumerateRelativeDistinguishedNames().Count());
            return certificate;
        }
        catch (CryptographicException)
        {
            certificate?.Dispose();
            return null;
        }
    }

    private static ECDsa? PublicKey(X509Certificate2 certificate)
    {
        try
        {
            var key = certificate.GetECDsaPublicKey();
            if (key?.KeySize == 256)
            {
                return key;
            }

            key?.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool IsSelfSignedAuthority(X509Certificate2 authority) =>
        authority.SubjectName.RawData.AsSpan().SequenceEqual(authority.IssuerName.RawData)
        && IssuedBy(authority, authority, authority.NotBefore.ToUniversalTime().AddSeconds(1));

    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="authority"/> alone and was valid at <paramref name="at"/>.</summary>
    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority, DateTime at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        try
        {
            return chain.Build(certificate)
                && chain.ChainElements.Count == (ReferenceEquals(certificate, authority) ? 1 : 2)
                && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(authority.RawData);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string? Organization(X509Certificate2 certificate) => Attribute(certificate, "2.5.4.10");

    private static string? OrganizationalUnit(X509Certificate2 certificate) => Attribute(certificate, "2.5.4.11");

    private static string? Attribute(X509Certificate2 certificate, string oid) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue())
            .FirstOrDefault();

    /// <summary>The subject of a signer's certificate: the holder's name, the party's code, the role and the body.</summary>
    public static X500DistinguishedName SignerSubject(string holder, string partyCode, string body)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(holder.Length > 64 ? holder[..64] : holder);
        name.AddOrganizationName(partyCode);
        name.AddOrganizationalUnitName(CoChairRole);
        name.Add("2.5.4.13", body, UniversalTagNumber.UTF8String);
        return name.Build();
    }
}
