namespace Entente.Domain;

/// <summary>What kind of actor a party is.</summary>
public enum PartyKind
{
    State,
    Organisation,
}

/// <summary>A government or organisation that is a side (الجانب) of joint bodies.</summary>
public sealed class Party : Entity
{
    /// <summary>ISO 3166-1 alpha-2 code for a state (<c>KW</c>, <c>GB</c>), or a short upper-case code for an organisation.</summary>
    public required string Code { get; set; }

    public PartyKind Kind { get; set; }

    public required BilingualText Name { get; set; }

    /// <summary>
    /// How a statement names the party as one side of a body («الجانب الكويتي», "the Kuwaiti
    /// side"); when absent, the party's name is used.
    /// </summary>
    public BilingualText? Side { get; set; }
}

/// <summary>An institution of a party: a ministry, an agency, a library, a fund.</summary>
public sealed class Institution : Entity
{
    public Guid PartyId { get; set; }

    public required BilingualText Name { get; set; }
}
