using Entente.Domain;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.SessionPoints;

/// <summary>The pages of what each session said and did: its points per track, with who said them.</summary>
public sealed class SessionPointPages : RecordPageSpec<SessionPointsHandler, SessionPoint, SessionPointRequest, SessionPointResponse>
{
    public override string Kind => "session-points";

    public override bool LockedWithItsSession => true;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("text", "ui.field.point", FieldKind.Prose) { InList = true },
        new("sessionId", "ui.field.session", FieldKind.Reference) { Choices = SessionChoices.Source, InList = true, Filter = "sessionId" },
        new("trackId", "ui.field.track", FieldKind.Reference) { Choices = TrackChoices.Source, InList = true, Filter = "trackId" },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(PointKind), InList = true, Filter = "kind" },
        new("saidByPartyId", "ui.field.said-by", FieldKind.Reference) { Choices = BodyChoices.PartiesSource, Filter = "saidByPartyId" },
        new("position", "ui.field.position", FieldKind.Number),
        new("actionItemIds", "ui.field.action-items", FieldKind.References) { Choices = ActionItemChoices.Source },
        new("agreementIds", "ui.field.agreements", FieldKind.References) { Choices = AgreementChoices.Source },
    ];

    protected override Task<PageOf<SessionPointResponse>> ListAsync(SessionPointsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "sessionId"), IdOf(filters, "trackId"), TextOf(filters, "kind"), IdOf(filters, "saidByPartyId"), null, null, null, paging, ct);
}
