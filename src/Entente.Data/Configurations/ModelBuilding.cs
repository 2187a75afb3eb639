using System.Linq.Expressions;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Data.Configurations;

/// <summary>Mapping shared by the entity configurations.</summary>
internal static class ModelBuilding
{
    /// <summary>Version as concurrency token; a required joint body reference with its visibility columns.</summary>
    public static void MapBodyRecord<T>(this EntityTypeBuilder<T> b)
        where T : BodyRecord
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.OwnerPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Visibility, x.OwnerPartyId });
    }

    public static void MapEntity<T>(this EntityTypeBuilder<T> b)
        where T : Entity
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
    }

    /// <summary>Maps a required bilingual text as two columns, <c>{Name}Ar</c> and <c>{Name}En</c>.</summary>
    public static void Bilingual<T>(this EntityTypeBuilder<T> b, Expression<Func<T, BilingualText?>> property, string name, int maxLength = BilingualText.MaxTitleLength)
        where T : class => MapBilingual(b, property, name, maxLength, required: true);

    /// <summary>Maps an optional bilingual text; both columns are null when it is absent.</summary>
    public static void OptionalBilingual<T>(this EntityTypeBuilder<T> b, Expression<Func<T, BilingualText?>> property, string name, int maxLength = BilingualText.MaxProseLength)
        where T : class => MapBilingual(b, property, name, maxLength, required: false);

    private static void MapBilingual<T>(EntityTypeBuilder<T> b, Expression<Func<T, BilingualText?>> property, string name, int maxLength, bool required)
        where T : class
    {
        var complex = b.ComplexProperty(property).IsRequired(required);
        complex.Property(t => t.Ar).HasColumnName(name + "Ar").HasMaxLength(maxLength);
        complex.Property(t => t.En).HasColumnName(name + "En").HasMaxLength(maxLength);
    }

    public static void MapPersonInRole<T>(this EntityTypeBuilder<T> b)
        where T : PersonInRole
    {
        b.HasKey(x => x.Id);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.Bilingual(x => x.Title, "Title");
    }
}
