using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Data.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.MapEntity();
        b.Property(x => x.Code).HasMaxLength(12);
        b.HasIndex(x => x.Code).IsUnique();
        b.Bilingual(x => x.Name, "Name");
        b.OptionalBilingual(x => x.Side, "Side", BilingualText.MaxTitleLength);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.MapEntity();
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.Bilingual(x => x.Name, "Name");
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.MapEntity();
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Honorific);
        b.HasMany(x => x.Honorifics).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        // Post-nominals hold no spaces (checked), so one space keeps them apart in a single column.
        b.Property(x => x.PostNominals).HasConversion(
                v => string.Join(' ', v),
                v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode(StringComparison.Ordinal))), v => v.ToList()))
            .HasMaxLength(100);
        b.HasMany(x => x.Names).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Titles).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonHonorificConfiguration : IEntityTypeConfiguration<PersonHonorific>
{
    public void Configure(EntityTypeBuilder<PersonHonorific> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PersonId, x.Position });
        b.Bilingual(x => x.Text, "Text", 100);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Text).HasMaxLength(200);
        b.HasIndex(x => x.Text);
        b.Property(x => x.SearchText).HasMaxLength(400);
        b.HasIndex(x => x.SearchText);
    }
}

internal sealed class PersonTitleConfiguration : IEntityTypeConfiguration<PersonTitle>
{
    public void Configure(EntityTypeBuilder<PersonTitle> b)
    {
        b.HasKey(x => x.Id);
        b.Bilingual(x => x.Title, "Title");
    }
}

internal sealed class JointBodyConfiguration : IEntityTypeConfiguration<JointBody>
{
    public void Configure(EntityTypeBuilder<JointBody> b)
    {
        b.MapEntity();
        b.Bilingual(x => x.Name, "Name");
        b.OptionalBilingual(x => x.HistoryNote, "HistoryNote");
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.FormerNames).WithOne().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.NameVariants).WithOne().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Gender);
    }
}

internal sealed class JointBodyNameVariantConfiguration : IEntityTypeConfiguration<JointBodyNameVariant>
{
    public void Configure(EntityTypeBuilder<JointBodyNameVariant> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.JointBodyId);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Text).HasMaxLength(BilingualText.MaxTitleLength);
    }
}

internal sealed class JointBodyMemberConfiguration : IEntityTypeConfiguration<JointBodyMember>
{
    public void Configure(EntityTypeBuilder<JointBodyMember> b)
    {
        b.HasKey(x => new { x.JointBodyId, x.PartyId });
        b.HasIndex(x => x.PartyId);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JointBodyFormerNameConfiguration : IEntityTypeConfiguration<JointBodyFormerName>
{
    public void Configure(EntityTypeBuilder<JointBodyFormerName> b)
    {
        b.HasKey(x => x.Id);
        b.Bilingual(x => x.Name, "Name");
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Number }).IsUnique();
        b.HasIndex(x => x.Status);
        b.OptionalBilingual(x => x.PlaceName, "PlaceName", BilingualText.MaxTitleLength);
        b.Property(x => x.ReopenReason).HasMaxLength(2000);
        b.HasMany(x => x.CoChairs).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.OptionalBilingual(x => x.NextPlaceName, "NextPlaceName", BilingualText.MaxTitleLength);
        b.OptionalBilingual(x => x.Theme, "Theme", BilingualText.MaxTitleLength);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.HostPartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionPointConfiguration : IEntityTypeConfiguration<SessionPoint>
{
    public void Configure(EntityTypeBuilder<SessionPoint> b)
    {
        b.MapBodyRecord();
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.SaidByPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SessionId, x.TrackId, x.Position });
        b.HasIndex(x => x.TrackId);
        b.HasIndex(x => x.AgendaItemId);
        b.Bilingual(x => x.Text, "Text", BilingualText.MaxProseLength);
        b.HasMany(x => x.Links).WithOne().HasForeignKey(x => x.SessionPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionPointLinkConfiguration : IEntityTypeConfiguration<SessionPointLink>
{
    public void Configure(EntityTypeBuilder<SessionPointLink> b)
    {
        b.HasKey(x => new { x.SessionPointId, x.RecordType, x.RecordId });
        b.HasIndex(x => new { x.RecordType, x.RecordId });
    }
}

internal sealed class SessionCoChairConfiguration : IEntityTypeConfiguration<SessionCoChair>
{
    public void Configure(EntityTypeBuilder<SessionCoChair> b) => b.MapPersonInRole();
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.MapBodyRecord();
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SessionId, x.Date });
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Place, "Place", BilingualText.MaxTitleLength);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.OptionalBilingual(x => x.Agenda, "Agenda");
        b.OptionalBilingual(x => x.Minutes, "Minutes");
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> b) => b.MapPersonInRole();
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> b)
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.ParentTrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Area });
        b.Bilingual(x => x.Name, "Name");
        b.OptionalBilingual(x => x.Description, "Description");
        b.HasMany(x => x.Leads).WithOne().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackLeadConfiguration : IEntityTypeConfiguration<TrackLead>
{
    public void Configure(EntityTypeBuilder<TrackLead> b)
    {
        b.HasKey(x => new { x.TrackId, x.InstitutionId });
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.InstitutionId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.MapBodyRecord();
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Status });
        b.HasIndex(x => x.TrackId);
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Summary, "Summary");
        b.OptionalBilingual(x => x.SignedAt, "SignedAt", BilingualText.MaxTitleLength);
        b.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Institutions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Signatories).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementInstitutionConfiguration : IEntityTypeConfiguration<AgreementInstitution>
{
    public void Configure(EntityTypeBuilder<AgreementInstitution> b)
    {
        b.HasKey(x => new { x.AgreementId, x.InstitutionId, x.Role });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.InstitutionId);
    }
}

internal sealed class AgreementSignatoryConfiguration : IEntityTypeConfiguration<AgreementSignatory>
{
    public void Configure(EntityTypeBuilder<AgreementSignatory> b)
    {
        b.MapPersonInRole();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.InstitutionId);
    }
}

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.AgreementId, x.Sequence }).IsUnique();
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SessionId);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.HasKey(x => new { x.AgreementId, x.PartyId });
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.MapBodyRecord();
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AgreementId);
        b.HasIndex(x => x.SessionId);
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.KindLabel, "KindLabel", 200);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Signatories).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.MediaType).HasMaxLength(120);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> b)
    {
        b.HasKey(x => x.VersionId);
        b.HasOne<DocumentVersion>().WithOne().HasForeignKey<DocumentContent>(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DocumentId);
    }
}

internal sealed class DocumentSignatoryConfiguration : IEntityTypeConfiguration<DocumentSignatory>
{
    public void Configure(EntityTypeBuilder<DocumentSignatory> b) => b.MapPersonInRole();
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SessionId, x.PlanVersion }).IsUnique();
        b.Bilingual(x => x.Title, "Title");
        b.Property(x => x.ContentSha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.MapBodyRecord();
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.CarriedActionItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Obstacle>().WithMany().HasForeignKey(x => x.CarriedObstacleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.SessionId, x.MeetingId, x.Position });
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Minutes, "Minutes");
        b.HasMany(x => x.MinutesApprovals).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Outcomes).WithOne().HasForeignKey(o => o.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesApprovalConfiguration : IEntityTypeConfiguration<MinutesApproval>
{
    public void Configure(EntityTypeBuilder<MinutesApproval> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AgendaItemId, x.PartyId }).IsUnique();
    }
}

internal sealed class AgendaOutcomeConfiguration : IEntityTypeConfiguration<AgendaOutcome>
{
    public void Configure(EntityTypeBuilder<AgendaOutcome> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.AgendaItemId);
    }
}

internal sealed class JointStatementConfiguration : IEntityTypeConfiguration<JointStatement>
{
    public void Configure(EntityTypeBuilder<JointStatement> b)
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SessionId).IsUnique();
        b.Bilingual(x => x.Text, "Text", BilingualText.MaxProseLength);
        b.HasMany(x => x.Approvals).WithOne().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementApprovalConfiguration : IEntityTypeConfiguration<StatementApproval>
{
    public void Configure(EntityTypeBuilder<StatementApproval> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StatementId, x.PartyId }).IsUnique();
    }
}

internal sealed class PlanSignatureConfiguration : IEntityTypeConfiguration<PlanSignature>
{
    public void Configure(EntityTypeBuilder<PlanSignature> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(x => x.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActionPlanId, x.PartyId }).IsUnique();
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.PlanSha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Algorithm).HasMaxLength(20);
        b.Property(x => x.Value).HasMaxLength(200);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Kind, x.AccountId, x.JointBodyId });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.MapBodyRecord();
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(x => x.ActionPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.TrackId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.JointBodyId, x.DueOn, x.Id });
        b.HasIndex(x => x.ActionPlanId);
        b.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CarriedFromId);
        b.HasIndex(x => new { x.DueOn, x.Id });
        b.HasIndex(x => new { x.Status, x.DueOn, x.Id });
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Description, "Description");
        b.HasMany(x => x.Owners).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignees).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Agreements).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Updates).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionItemOwnerConfiguration : IEntityTypeConfiguration<ActionItemOwner>
{
    public void Configure(EntityTypeBuilder<ActionItemOwner> b)
    {
        b.HasKey(x => new { x.ActionItemId, x.InstitutionId });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PartyId, x.ActionItemId });
        b.HasIndex(x => x.InstitutionId);
    }
}

internal sealed class ActionItemAssigneeConfiguration : IEntityTypeConfiguration<ActionItemAssignee>
{
    public void Configure(EntityTypeBuilder<ActionItemAssignee> b)
    {
        b.HasKey(x => new { x.ActionItemId, x.PersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.ActionItemId });
    }
}

internal sealed class ActionItemAgreementConfiguration : IEntityTypeConfiguration<ActionItemAgreement>
{
    public void Configure(EntityTypeBuilder<ActionItemAgreement> b)
    {
        b.HasKey(x => new { x.ActionItemId, x.AgreementId });
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AgreementId);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActionItemId, x.On });
        b.Bilingual(x => x.Text, "Text", BilingualText.MaxProseLength);
    }
}

internal sealed class ObstacleConfiguration : IEntityTypeConfiguration<Obstacle>
{
    public void Configure(EntityTypeBuilder<Obstacle> b)
    {
        b.MapBodyRecord();
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.RaisedByPartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.Status });
        b.HasIndex(x => x.TrackId);
        b.HasIndex(x => x.ActionItemId);
        b.HasIndex(x => x.AgreementId);
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Description, "Description");
        b.OptionalBilingual(x => x.Resolution, "Resolution");
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.MapBodyRecord();
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Bilingual(x => x.Name, "Name");
        b.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IndicatorId, x.PeriodStart });
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AsOf);
    }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.MapBodyRecord();
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.JointBodyId, x.StartsOn });
        b.HasIndex(x => x.TrackId);
        b.Bilingual(x => x.Title, "Title");
        b.OptionalBilingual(x => x.Description, "Description");
        b.OptionalBilingual(x => x.Place, "Place", BilingualText.MaxTitleLength);
        b.OptionalBilingual(x => x.KindLabel, "KindLabel", 200);
        b.HasMany(x => x.Organisers).WithOne().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngagementOrganiserConfiguration : IEntityTypeConfiguration<EngagementOrganiser>
{
    public void Configure(EntityTypeBuilder<EngagementOrganiser> b)
    {
        b.HasKey(x => new { x.EngagementId, x.InstitutionId });
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.MapBodyRecord();
        b.HasIndex(x => new { x.TargetType, x.TargetId });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Text).HasMaxLength(Note.MaxLength);
    }
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.MapEntity();
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.Bilingual(x => x.Title, "Title");
        b.Property(x => x.Publisher).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.Byline).HasMaxLength(200);
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.TranslationOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TranslationOfId);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.MapEntity();
        b.HasOne<Source>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RecordType, x.RecordId, x.Field });
        b.Property(x => x.Field).HasMaxLength(200);
        b.Property(x => x.Value).HasMaxLength(4000);
        b.Property(x => x.Quote).HasMaxLength(4000);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.Actor).HasMaxLength(320);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(400);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => x.RecordId);
        b.HasIndex(x => new { x.EntityType, x.EntityKey });
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasOne<Party>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PartyId);
        b.HasIndex(x => x.PersonId).IsUnique(); // one account per person (NULLs apart: accounts of no one)
    }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.UserAgent).HasMaxLength(AccountSession.MaxUserAgent);
        b.Property(x => x.Address).HasMaxLength(64);
        b.HasIndex(x => new { x.AccountId, x.EndedAt });
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Address).HasMaxLength(64);
        b.HasIndex(x => new { x.AccountId, x.Address }).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.MapEntity();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JointBody>().WithMany().HasForeignKey(x => x.JointBodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AccountId, x.JointBodyId }).IsUnique();
        b.HasIndex(x => x.JointBodyId);
        b.HasMany(x => x.Tracks).WithOne().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipTrackConfiguration : IEntityTypeConfiguration<MembershipTrack>
{
    public void Configure(EntityTypeBuilder<MembershipTrack> b)
    {
        b.HasKey(x => new { x.MembershipId, x.TrackId });
        b.HasOne<Track>().WithMany().HasForeignKey(x => x.TrackId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.MapEntity();
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Prefix).HasMaxLength(12);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.AccountId);
    }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<Search.SearchEntry>
{
    public void Configure(EntityTypeBuilder<Search.SearchEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.TitleAr).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.HasIndex(x => x.RootId);
        b.HasIndex(x => new { x.JointBodyId, x.Kind });
        b.HasIndex(x => x.AnalysisVersion);
    }
}
