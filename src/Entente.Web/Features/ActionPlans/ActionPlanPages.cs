using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.ActionPlans;

/// <summary>The action-plan pages: a session's plan, its version, status, period and signed document (its items are action items).</summary>
public sealed class ActionPlanPages : RecordPageSpec<ActionPlansHandler, ActionPlan, ActionPlanRequest, ActionPlanResponse>
{
    public override string Kind => "action-plans";

    public override bool LockedWithItsSession => true;

    public override IReadOnlyList<RelatedList> Related { get; } = [new("action-items", "actionPlanId")];

    public override string? DetailsPartial => "/Features/ActionPlans/_SignedOnPaper.cshtml";

    public override IEnumerable<RecordLink> Links(JsonObject record, string language)
    {
        var id = record["id"]!.GetValue<string>();
        yield return new($"/action-plans/{id}/signatures", "ui.signatures.title", "signatures");
        foreach (var format in new[] { "pdf", "docx", "html" })
        {
            yield return new($"/action-plans/{id}/export?format={format}&lang={language}", "ui.export." + format, "plan-export-" + format);
        }
    }


    public override bool HasVisibility => false;

    public override bool TakesBodyId => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("sessionId", "ui.field.session", FieldKind.Reference) { Choices = SessionChoices.Source, InList = true, Filter = "sessionId" },
        new("planVersion", "ui.field.plan-version", FieldKind.Number) { InList = true },
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(ActionPlanStatus), InList = true, Filter = "status" },
        new("coversFrom", "ui.field.covers-from", FieldKind.PartialDate),
        new("coversTo", "ui.field.covers-to", FieldKind.PartialDate),
        new("signedOn", "ui.field.signed-on", FieldKind.PartialDate),
        new("documentId", "ui.field.document", FieldKind.Reference) { Choices = DocumentChoices.Source },
    ];

    protected override Task<PageOf<ActionPlanResponse>> ListAsync(ActionPlansHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "sessionId"), TextOf(filters, "status"), paging, ct);
}
