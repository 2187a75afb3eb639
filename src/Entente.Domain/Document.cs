namespace Entente.Domain;

/// <summary>What a document is.</summary>
public enum DocumentKind
{
    AgreementText,
    ActionPlan,
    Minutes,
    Roadmap,
    JointStatement,
    Other,
}

/// <summary>
/// A document of a joint body with its versions and, once signed, its own signatories: a
/// fund's director may sign one MoU while the co-chairs sign the action plan.
/// </summary>
public sealed class Document : BodyRecord
{
    public DocumentKind Kind { get; set; }

    public required BilingualText Title { get; set; }

    public Guid? AgreementId { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? MeetingId { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];

    public List<DocumentSignatory> Signatories { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        for (var i = 0; i < Signatories.Count; i++)
        {
            foreach (var e in Signatories[i].Title.Check($"signatories[{i}].title"))
            {
                yield return e;
            }

            foreach (var e in Signatories[i].SignedOn?.Check($"signatories[{i}].signedOn") ?? [])
            {
                yield return e;
            }
        }
    }
}

/// <summary>One version of a document's content, identified by its SHA-256.</summary>
public sealed class DocumentVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A person who signed a document for a party.</summary>
public sealed class DocumentSignatory : PersonInRole
{
    public Guid DocumentId { get; set; }

    public PartialDate? SignedOn { get; set; }
}
