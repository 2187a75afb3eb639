using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Entente.Domain;

/// <summary>
/// A co-chair's signature of a frozen action plan: an ECDSA P-256 signature (SHA-256, IEEE
/// P1363 form) of the <see cref="Statement"/> that names the plan's SHA-256, the signer's party
/// and the time, made with the signer's own key, whose certificate is kept with it.
/// </summary>
public sealed class PlanSignature
{
    /// <summary>The one algorithm used: ECDSA on P-256 with SHA-256 (JOSE's name).</summary>
    public const string Es256 = "ES256";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionPlanId { get; set; }

    public Guid JointBodyId { get; set; }

    /// <summary>The party the co-chair signs for.</summary>
    public Guid PartyId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The name the signer's certificate gives.</summary>
    public required string SignerName { get; set; }

    /// <summary>The SHA-256 (hex) of the plan's canonical form that was signed.</summary>
    public required string PlanSha256 { get; set; }

    public DateTime SignedAt { get; set; }

    public string Algorithm { get; set; } = Es256;

    /// <summary>The signature, base64.</summary>
    public required string Value { get; set; }

    /// <summary>The signer's X.509 certificate (DER), issued by the instance's signing authority.</summary>
    public required byte[] Certificate { get; set; }

    /// <summary>
    /// The bytes a co-chair signs: the RFC 8785 form of
    /// <c>{"actionPlanSha256": …, "party": …, "signedAt": …}</c>, so the signature binds the plan's
    /// hash to the side and the moment of signing.
    /// </summary>
    public static byte[] Statement(string planSha256, string partyCode, DateTime signedAt) =>
        Encoding.UTF8.GetBytes(CanonicalJson.Serialize(new JsonObject
        {
            ["actionPlanSha256"] = planSha256,
            ["party"] = partyCode,
            ["signedAt"] = Instant(signedAt),
        }));

    /// <summary>An instant as written in plans and bundles: UTC, whole seconds, ISO 8601.</summary>
    public static string Instant(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
