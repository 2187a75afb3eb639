using Entente.Domain;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Agreements;

/// <summary>The agreement pages: treaties, agreements, memoranda and programmes, through their lifecycle.</summary>
public sealed class AgreementPages : RecordPageSpec<AgreementsHandler, Agreement, AgreementRequest, AgreementResponse>
{
    public override string Kind => "agreements";

    public override IReadOnlyList<RelatedList> Related { get; } = [new("documents", "agreementId")];


    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(AgreementKind), InList = true, Filter = "kind" },
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(AgreementStatus), InList = true, Filter = "status" },
        new("trackId", "ui.field.track", FieldKind.Reference) { Choices = TrackChoices.Source, Filter = "trackId" },
        new("summary", "ui.field.summary", FieldKind.Prose),
        new("signedOn", "ui.field.signed-on", FieldKind.PartialDate) { InList = true },
        new("signedAt", "ui.field.signed-at", FieldKind.Title),
        new("inForceFrom", "ui.field.in-force-from", FieldKind.PartialDate),
        new("partyIds", "ui.field.parties", FieldKind.References) { Choices = BodyChoices.PartiesSource },
        new("signatories", "ui.field.signatories", FieldKind.PeopleInRoles) { Choices = AllPersonChoices.Source, Institutions = AllInstitutionChoices.Source, Slots = 4 },
        new("institutions", "ui.field.institutions", FieldKind.InstitutionRoles) { Choices = AllInstitutionChoices.Source, Slots = 3 },
    ];

    protected override Task<PageOf<AgreementResponse>> ListAsync(AgreementsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "trackId"), TextOf(filters, "status"), TextOf(filters, "kind"), null, paging, ct);
}
