namespace Entente.Domain;

/// <summary>
/// Kinds where the world is open: a list names the usual ones, and <c>other</c> takes a label of
/// its own in one language or both, so that a trade event is recorded as one, not as the nearest
/// kind on the list.
/// </summary>
public static class OpenKinds
{
    /// <summary>Checks that a label is given exactly when the kind is <c>other</c>, under <c>kindLabel</c> (its text is checked as any text).</summary>
    public static IEnumerable<RuleError> Check(bool isOther, BilingualText? label)
    {
        if (isOther && label is null)
        {
            yield return new RuleError(RuleCodes.Required, "kindLabel", "A kind 'other' needs 'kindLabel': what it is, in Arabic or in English.");
        }
        else if (!isOther && label is not null)
        {
            yield return new RuleError(RuleCodes.Mismatch, "kindLabel", "'kindLabel' is for a kind 'other' only: leave it out, or choose 'other'.");
        }
    }
}
