using Entente.Domain;

namespace Entente.UnitTests.Support;

/// <summary>Valid sample values, so each test states only what it is about.</summary>
internal static class Sample
{
    public static BilingualText Text(string en = "Joint Steering Group", string ar = "مجموعة التوجيه المشتركة") => new(ar, en);

    public static PartialDate Date(string canonical) => PartialDate.Parse(canonical);
}
