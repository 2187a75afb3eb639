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

    /// <summary>The language the pages speak to this user ("ar" or "en"); null until the user picks one.</summary>
    public string? Language { get; set; }

    /// <summary>Dates shown in the Hijri (Umm al-Qura) calendar instead of the Gregorian one.</summary>
    public bool HijriDates { get; set; }

    /// <summary>Figures shown with Arabic-Indic digits (٠١٢٣) instead of 0123.</summary>
    public bool ArabicIndicDigits { get; set; }
}
