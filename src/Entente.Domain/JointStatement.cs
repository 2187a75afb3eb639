namespace Entente.Domain;

/// <summary>Lifecycle of a joint statement.</summary>
public enum StatementStatus
{
    /// <summary>Being written; each party's approval holds for the text it approved.</summary>
    Draft,

    /// <summary>Published with every party's approval: locked.</summary>
    Published,
}

/// <summary>
/// The joint statement (البيان المشترك) of a session: generated from the session's records in
/// Arabic and English, edited as text by the secretariats, approved by every party for the exact
/// text, then published and locked. Changing the text withdraws the approvals given so far.
/// </summary>
public sealed class JointStatement : Entity
{
    public Guid JointBodyId { get; set; }

    public Guid SessionId { get; set; }

    public required BilingualText Text { get; set; }

    public StatementStatus Status { get; private set; } = StatementStatus.Draft;

    /// <summary>When the text was last generated from the records.</summary>
    public DateTime GeneratedAt { get; set; }

    public DateTime? PublishedAt { get; private set; }

    public List<StatementApproval> Approvals { get; set; } = [];

    public bool IsLocked => Status == StatementStatus.Published;

    /// <summary>Replaces the text of a draft; when it changes, approvals of the old text are withdrawn.</summary>
    public void Edit(BilingualText text)
    {
        EnsureDraft();
        DomainRuleException.ThrowIfAny([.. text.Check("text", BilingualText.MaxProseLength)]);
        if (text != Text)
        {
            Text = text;
            Approvals.Clear();
        }
    }

    /// <summary>Opens a stand-in for a text a generated draft could not translate: the written language's text, marked.</summary>
    public const string UntranslatedOpen = "⟦";

    /// <summary>Closes the stand-in opened by <see cref="UntranslatedOpen"/>.</summary>
    public const string UntranslatedClose = "⟧";

    /// <summary>The stand-in a generated draft puts where a record's text still awaits its translation.</summary>
    public static string Untranslated(string written) => UntranslatedOpen + written + UntranslatedClose;

    /// <summary>
    /// Both languages written, and no stand-in of an untranslated record text left in either (a
    /// generated draft marks them, for the editor to translate before anyone approves).
    /// </summary>
    public IEnumerable<RuleError> CheckTranslated()
    {
        foreach (var e in Text.CheckComplete("text"))
        {
            yield return e;
        }

        foreach (var (lang, text) in new[] { ("ar", Text.Ar), ("en", Text.En) })
        {
            if (text.Contains(UntranslatedOpen, StringComparison.Ordinal))
            {
                yield return new RuleError(RuleCodes.TranslationPending, $"text.{lang}", $"The {(lang == "ar" ? "Arabic" : "English")} text still holds a passage marked ⟦…⟧ that awaits its translation.", lang);
            }
        }
    }

    /// <summary>Records a party's approval of the current text.</summary>
    public void Approve(Guid partyId, Guid accountId, DateTime at)
    {
        EnsureDraft();
        DomainRuleException.ThrowIfAny(CheckTranslated());
        if (Approvals.Any(a => a.PartyId == partyId))
        {
            throw new DomainRuleException(new RuleError(RuleCodes.Duplicate, "partyId", "This party has already approved the current text."));
        }

        Approvals.Add(new StatementApproval { StatementId = Id, PartyId = partyId, AccountId = accountId, ApprovedAt = at });
    }

    /// <summary>Publishes the statement once every party of the body has approved this text; it is then locked.</summary>
    public void Publish(IEnumerable<Guid> parties, DateTime at)
    {
        EnsureDraft();
        DomainRuleException.ThrowIfAny(CheckTranslated());
        var missing = parties.Where(p => Approvals.All(a => a.PartyId != p)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.NotApproved, "approvals", "Every party approves the text before it is published."));
        }

        Status = StatementStatus.Published;
        PublishedAt = at;
    }

    private void EnsureDraft()
    {
        if (IsLocked)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.StatementLocked, "status", "The statement is published and can no longer change."));
        }
    }
}

/// <summary>One party's approval of a statement's text.</summary>
public sealed class StatementApproval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid StatementId { get; set; }

    public Guid PartyId { get; set; }

    public Guid AccountId { get; set; }

    public DateTime ApprovedAt { get; set; }
}
