using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Meetings;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Documents;

/// <summary>The document pages (kind, title, what it belongs to, signatories); its files and their versions are on their own page (<c>/documents/{id}/versions</c>).</summary>
public sealed class DocumentPages : RecordPageSpec<DocumentsHandler, Document, DocumentRequest, DocumentResponse>
{
    public override string Kind => "documents";

    public override IEnumerable<RecordLink> Links(JsonObject record, string language) =>
        [new($"/documents/{record["id"]!.GetValue<string>()}/versions", "ui.documents.versions", "versions")];

    public override string? DetailsPartial => "/Features/Documents/_LatestFile.cshtml";


    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(DocumentKind), InList = true, Filter = "kind" },
        new("kindLabel", "ui.field.kind-label", FieldKind.Title),
        new("sessionId", "ui.field.session", FieldKind.Reference) { Choices = SessionChoices.Source, InList = true, Filter = "sessionId" },
        new("meetingId", "ui.field.meeting", FieldKind.Reference) { Choices = MeetingChoices.Source },
        new("agreementId", "ui.field.agreement", FieldKind.Reference) { Choices = AgreementChoices.Source, Filter = "agreementId" },
        new("signatories", "ui.field.signatories", FieldKind.PeopleInRoles) { Choices = PersonChoices.Source },
    ];

    protected override Task<PageOf<DocumentResponse>> ListAsync(DocumentsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "agreementId"), IdOf(filters, "sessionId"), TextOf(filters, "kind"), paging, ct);
}
