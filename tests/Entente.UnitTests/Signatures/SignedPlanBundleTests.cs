using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Entente.Domain;

namespace Entente.UnitTests.Signatures;

/// <summary>A bundle signed as the program signs one, then altered part by part: each alteration is caught and named.</summary>
public sealed class SignedPlanBundleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _authority;
    private readonly List<(string Party, string Holder, ECDsa Key, X509Certificate2 Certificate)> _signers = [];

    public SignedPlanBundleTests()
    {
        _authority = SigningCertificates.CreateAuthority(_authorityKey, "Entente signing authority test", Now);
        foreach (var (party, holder) in new[] { ("GB", "James Cleverly"), ("KW", "خالد الجارالله") })
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            _signers.Add((party, holder, key, SigningCertificates.IssueSigner(_authority, key, holder, party, "Kuwait–UK Joint Steering Group", null, Now)));
        }
    }

    public void Dispose()
    {
        _authorityKey.Dispose();
        _authority.Dispose();
        foreach (var s in _signers)
        {
            s.Key.Dispose();
            s.Certificate.Dispose();
        }
    }

    private static JsonObject Plan() => new()
    {
        ["actionPlan"] = new JsonObject { ["title"] = new JsonObject { ["ar"] = "خطة العمل – الدورة الـ16", ["en"] = "Action Plan – 16th Session" }, ["planVersion"] = 1 },
        ["session"] = new JsonObject { ["number"] = 16 },
        ["parties"] = new JsonArray(new JsonObject { ["code"] = "GB" }, new JsonObject { ["code"] = "KW" }),
        ["items"] = new JsonArray(new JsonObject { ["title"] = new JsonObject { ["ar"] = "تدريب الأطباء", ["en"] = "Training of doctors" }, ["dueOn"] = "2021-06-30" }),
    };

    private string Bundle(JsonObject? plan = null, Func<string, string>? sign = null, IEnumerable<string>? parties = null)
    {
        plan ??= Plan();
        var sha = CanonicalJson.Sha256(plan);
        var at = Now.UtcDateTime.AddMinutes(10);
        var signatures = _signers.Where(s => parties?.Contains(s.Party) ?? true).Select(s => new BundleSignature(
            s.Party, s.Holder, at, Convert.ToBase64String(s.Key.SignData(PlanSignature.Statement(sign?.Invoke(sha) ?? sha, s.Party, at), HashAlgorithmName.SHA256)), s.Certificate.RawData));
        return SignedPlanBundle.Build(plan, sha, signatures, _authority.RawData);
    }

    private static BundleReport Verify(string bundle, string? pinned = null) => SignedPlanBundle.Verify(Encoding.UTF8.GetBytes(bundle), pinned);

    private static string Edit(string bundle, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(bundle)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Verify_AsSigned_IsValidAndNamesEverySigner()
    {
        var report = Verify(Bundle(), SignedPlanBundle.Fingerprint(_authority.RawData));

        Assert.True(report.IsValid, string.Join("; ", report.Findings));
        Assert.Contains(report.Summary, l => l.Contains("Signed for KW by خالد الجارالله", StringComparison.Ordinal));
        Assert.Contains(report.Summary, l => l.Contains("Signed for GB by James Cleverly", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_PlanTextAltered_SaysThePlanWasAltered()
    {
        var report = Verify(Bundle().Replace("تدريب الأطباء", "تدريب الممرضين", StringComparison.Ordinal));

        Assert.False(report.IsValid);
        Assert.Contains(report.Findings, f => f.StartsWith("The plan was altered", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_PlanMembersReorderedAndReindented_StillValid()
    {
        var plan = Plan();
        var reordered = new JsonObject(plan.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var bundle = Edit(Bundle(plan), b => b["plan"] = reordered);

        Assert.True(Verify(bundle).IsValid);
    }

    [Fact]
    public void Verify_StatedHashAlteredToMatchAlteredPlan_SignaturesStillCatchIt()
    {
        var bundle = Edit(Bundle(), b =>
        {
            b["plan"]!["items"]![0]!["dueOn"] = "2022-06-30";
            b["sha256"] = CanonicalJson.Sha256(b["plan"]);
        });

        var report = Verify(bundle);

        Assert.False(report.IsValid);
        Assert.Contains(report.Findings, f => f.StartsWith("signatures[0].signature does not verify", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.StartsWith("signatures[1].signature does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_OnlyStatedHashAltered_SaysTheHashFieldWasAltered()
    {
        var bundle = Edit(Bundle(), b => b["sha256"] = new string('a', 64));

        var report = Verify(bundle);

        Assert.Contains(report.Findings, f => f.StartsWith("\"sha256\" was altered", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_SignatureAltered_NamesThatSignatureAndTheMissingParty()
    {
        var bundle = Edit(Bundle(), b =>
        {
            var value = Convert.FromBase64String(b["signatures"]![1]!["signature"]!.GetValue<string>());
            value[10] ^= 1;
            b["signatures"]![1]!["signature"] = Convert.ToBase64String(value);
        });

        var report = Verify(bundle);

        Assert.Contains(report.Findings, f => f.StartsWith("signatures[1].signature does not verify", StringComparison.Ordinal));
        Assert.Contains("No valid signature of the co-chair for party KW.", report.Findings);
        Assert.DoesNotContain(report.Findings, f => f.StartsWith("signatures[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_PartyOrTimeOfASignatureAltered_Caught()
    {
        var party = Verify(Edit(Bundle(), b => b["signatures"]![0]!["party"] = "KW"));
        var time = Verify(Edit(Bundle(), b => b["signatures"]![0]!["signedAt"] = "2026-11-29T12:11:00Z"));

        Assert.Contains(party.Findings, f => f.StartsWith("signatures[0].party was altered", StringComparison.Ordinal));
        Assert.Contains("No valid signature of the co-chair for party GB.", party.Findings);
        Assert.Contains(time.Findings, f => f.StartsWith("signatures[0].signature does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_SignerNameAltered_Caught()
    {
        var report = Verify(Bundle().Replace("James Cleverly", "James Bond", StringComparison.Ordinal));

        Assert.Contains(report.Findings, f => f.StartsWith("signatures[0].signer was altered", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_CertificateFromAnotherAuthority_Caught()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = SigningCertificates.CreateAuthority(otherKey, "Someone else's authority", Now);
        using var forgedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forged = SigningCertificates.IssueSigner(other, forgedKey, "James Cleverly", "GB", "Kuwait–UK Joint Steering Group", null, Now);
        var bundle = Edit(Bundle(), b =>
        {
            var at = DateTime.Parse(b["signatures"]![0]!["signedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
            b["signatures"]![0]!["certificate"] = Convert.ToBase64String(forged.RawData);
            b["signatures"]![0]!["signature"] = Convert.ToBase64String(forgedKey.SignData(PlanSignature.Statement(b["sha256"]!.GetValue<string>(), "GB", at), HashAlgorithmName.SHA256));
        });

        var report = Verify(bundle);

        Assert.Contains(report.Findings, f => f.StartsWith("signatures[0].certificate", StringComparison.Ordinal) && f.Contains("not issued by the bundle's signing authority", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_AuthorityReplacedOrNotThePinnedOne_Caught()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = SigningCertificates.CreateAuthority(otherKey, "Someone else's authority", Now);

        var replaced = Verify(Edit(Bundle(), b => b["authority"]!["certificate"] = Convert.ToBase64String(other.RawData)));
        var pinned = Verify(Bundle(), SignedPlanBundle.Fingerprint(other.RawData));

        Assert.Contains(replaced.Findings, f => f.StartsWith("signatures[0].certificate", StringComparison.Ordinal));
        Assert.Contains(replaced.Findings, f => f.StartsWith("\"authority.sha256Fingerprint\" was altered", StringComparison.Ordinal));
        Assert.Contains(pinned.Findings, f => f.Contains("is not the authority expected", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ASignatureRemoved_NamesTheMissingParty()
    {
        var report = Verify(Bundle(parties: ["GB"]));

        Assert.Equal(["No valid signature of the co-chair for party KW."], report.Findings);
    }

    [Fact]
    public void Verify_NotJsonOrAnotherFormat_Refused()
    {
        Assert.False(Verify("{ \"format\": ").IsValid);
        Assert.Contains(Verify("{\"format\":\"something/1\"}").Findings, f => f.Contains("is not a signed action plan", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ASignatureInANonCanonicalBase64Spelling_IsRefused()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        // An ECDSA signature's DER length varies, so its base64 ends in padding in two bundles out of three: take the first that does.
        var bundle = Enumerable.Range(0, 30).Select(_ => JsonNode.Parse(Bundle())!)
            .First(b => b["signatures"]![0]!["signature"]!.GetValue<string>().EndsWith('='));
        var signature = bundle["signatures"]![0]!;
        var value = signature["signature"]!.GetValue<string>();

        // A spelling that decodes to the same bytes: the unused low bits of the last character before the padding changed.
        var last = value.TrimEnd('=').Length - 1;
        var respelled = value[..last] + Alphabet[Alphabet.IndexOf(value[last], StringComparison.Ordinal) ^ 1] + value[(last + 1)..];
        Assert.Equal(Convert.FromBase64String(value), Convert.FromBase64String(respelled));
        signature["signature"] = respelled;

        Assert.False(SignedPlanBundle.Verify(Encoding.UTF8.GetBytes(bundle.ToJsonString())).IsValid);
    }

    [Fact]
    public void Verify_EveryByteFlipped_EachRefused()
    {
        var bytes = Encoding.UTF8.GetBytes(Bundle());
        var accepted = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 1;
            if (SignedPlanBundle.Verify(copy).IsValid)
            {
                accepted.Add(i);
            }
        }

        Assert.True(accepted.Count == 0, $"{accepted.Count} of {bytes.Length} one-bit changes were accepted, at: {string.Join(" | ", accepted.Take(12).Select(i => $"{i} …{Encoding.UTF8.GetString(bytes, Math.Max(0, i - 16), 32)}…"))}");
    }
}
