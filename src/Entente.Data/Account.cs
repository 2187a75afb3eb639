using Microsoft.AspNetCore.Identity;

namespace Entente.Data;

/// <summary>A user of Entente (ASP.NET Core Identity), who belongs to exactly one party.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public Account() => Id = Guid.CreateVersion7();

    /// <summary>The party (side) the user works for; every visibility rule hangs on it.</summary>
    public Guid PartyId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>An instance administrator: manages parties, joint bodies and accounts.</summary>
    public bool IsAdministrator { get; set; }
}
