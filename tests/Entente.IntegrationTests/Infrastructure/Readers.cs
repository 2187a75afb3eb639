using Entente.Domain;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Every kind of reader an account of a party may be: each role in the reference body, and an instance administrator with none.</summary>
public static class Readers
{
    public static readonly (string Name, MemberRole? Role, bool Administrator)[] EveryRole =
    [
        ("viewer", MemberRole.Viewer, false),
        ("track lead", MemberRole.TrackLead, false),
        ("secretariat", MemberRole.Secretariat, false),
        ("co-chair", MemberRole.CoChair, false),
        ("administrator", null, true),
    ];
}
