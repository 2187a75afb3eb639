using System.Security.Cryptography;
using System.Text;
using Entente.Domain;

namespace Entente.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Start = new(2020, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Verify_WholeChain_FindsNoFault() =>
        Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void Verify_EmptyChain_FindsNoFault() =>
        Assert.Null(AuditChain.Verify([]));

    [Fact]
    public void Verify_EditedEntry_NamesItAsAltered()
    {
        var chain = Chain(5);
        chain[2] = Copy(chain[2], after: "{\"title\":\"forged\"}");

        var fault = AuditChain.Verify(chain);

        Assert.Equal(3, fault!.Sequence);
        Assert.Contains("altered", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheMissingOne()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var fault = AuditChain.Verify(chain);

        Assert.Equal(3, fault!.Sequence);
        Assert.Contains("missing", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntryInsertedWithItsOwnValidHash_BreaksTheLinkAfterIt()
    {
        var chain = Chain(5);
        var forged = Seal(Entry(3, chain[1].Hash, "{\"title\":\"inserted\"}"));
        var renumbered = chain.Take(2).Append(forged).Concat(chain.Skip(2).Select(e => Copy(e, sequence: e.Sequence + 1))).ToList();

        var fault = AuditChain.Verify(renumbered);

        Assert.Equal(4, fault!.Sequence);
    }

    [Fact]
    public void Verify_SwappedEntries_NamesTheFirstOutOfPlace()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var fault = AuditChain.Verify(chain);

        Assert.Equal(2, fault!.Sequence);
    }

    [Fact]
    public void Verify_SequenceNumbersSwappedToHideAReordering_StillBreaks()
    {
        var chain = Chain(5);
        var second = Copy(chain[2], sequence: 2);
        var third = Copy(chain[1], sequence: 3);
        chain[1] = second;
        chain[2] = third;

        Assert.Equal(2, AuditChain.Verify(chain)!.Sequence);
    }

    [Fact]
    public void Verify_RecomputedHashOnAnEditedEntry_BreaksTheNextLink()
    {
        var chain = Chain(5);
        chain[1] = Seal(Copy(chain[1], after: "{\"title\":\"rewritten and resealed\"}"));

        var fault = AuditChain.Verify(chain);

        Assert.Equal(3, fault!.Sequence);
        Assert.Contains("does not follow", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeHash_IsSha256OfPreviousHashNewlineAndCanonicalContent()
    {
        var entry = Entry(1, AuditChain.Genesis, "{\"b\":2,\"a\":\"x\"}");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditChain.Genesis + "\n" + AuditChain.CanonicalContent(entry))));

        Assert.Equal(expected, AuditChain.ComputeHash(entry));
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void CanonicalContent_SortsKeysAndWritesNoWhiteSpace()
    {
        var content = AuditChain.CanonicalContent(Entry(7, AuditChain.Genesis, "{}"));

        Assert.StartsWith("{\"action\":\"Update\",\"actor\":\"secretariat.kw@demo.local\",", content, StringComparison.Ordinal);
        Assert.Contains("\"at\":\"2020-11-23T09:07:00.0000000Z\"", content, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", content.Replace("Joint", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMicroseconds_DropsTheLastDigitOfTicks() =>
        Assert.Equal(new DateTime(638_400_000_000_000_120, DateTimeKind.Utc), AuditChain.ToMicroseconds(new DateTime(638_400_000_000_000_127, DateTimeKind.Utc)));

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var entry = Seal(Entry(i, previous, $"{{\"title\":\"version {i}\"}}"));
            chain.Add(entry);
            previous = entry.Hash;
        }

        return chain;
    }

    private static AuditEntry Entry(long sequence, string previousHash, string after) => new()
    {
        Sequence = sequence,
        At = Start.AddMinutes(sequence),
        Actor = "secretariat.kw@demo.local",
        EntityType = "ActionItem",
        EntityKey = "01a226e4-0000-7000-8000-000000000001",
        Action = AuditAction.Update,
        Before = "{\"title\":\"before\"}",
        After = after,
        PreviousHash = previousHash,
    };

    private static AuditEntry Seal(AuditEntry e) => e.Seal();

    /// <summary>A copy with some fields changed and the original hash kept, as someone editing the table would leave it.</summary>
    private static AuditEntry Copy(AuditEntry e, long? sequence = null, string? after = null) => new()
    {
        Sequence = sequence ?? e.Sequence,
        At = e.At,
        Actor = e.Actor,
        EntityType = e.EntityType,
        EntityKey = e.EntityKey,
        Action = e.Action,
        Before = e.Before,
        After = after ?? e.After,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
    };
}
