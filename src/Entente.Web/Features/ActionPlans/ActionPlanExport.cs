using System.Globalization;
using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Exports;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionPlans;

/// <summary>
/// An action plan as a printed document in one language: its items by track with owners and
/// due dates and, once frozen, exactly the frozen text (what the co-chairs sign), its SHA-256 and
/// the signatures given. HTML, DOCX or PDF.
/// </summary>
public sealed class ActionPlanExport(AppDbContext db, DocumentExports exports, TimeProvider clock)
{
    public async Task<ExportedFile> ExportAsync(Guid planId, string? format, string? language, CancellationToken ct)
    {
        var (kind, lang) = DocumentExports.Read(format, language);
        var plan = await db.ActionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("action plan", planId));
        var content = plan.CanonicalForm is { } canonical
            ? (JsonObject)JsonNode.Parse(canonical)!
            : await PlanContent.BuildAsync(db, plan, clock.GetUtcNow().UtcDateTime, ct);
        var ar = lang == "ar";
        string Text(JsonNode? node) => PrintDocument.Pick(node?["ar"]?.GetValue<string>(), node?["en"]?.GetValue<string>(), lang);
        var number = content["session"]?["number"]?.GetValue<int>() ?? 0;

        var rows = new List<IReadOnlyList<string>>();
        var items = content["items"] as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]!;
            var owners = (item["owners"] as JsonArray ?? []).Select(o => Text(o?["institution"]));
            var due = item["dueOn"]?.GetValue<string>() is { } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : (DateOnly?)null;
            rows.Add([
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Text(item["track"]),
                Text(item["title"]),
                string.Join(ar ? "، " : "; ", owners),
                due is null ? "—" : due.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]);
        }

        var blocks = new List<PrintBlock>
        {
            new PrintTable(ar ? ["#", "المسار", "البند", "الجهات المسؤولة", "الاستحقاق"] : ["#", "Track", "Action", "Owners", "Due"], rows),
        };

        // The signed text keeps its own order (by party code); the page lists the co-chairs in the order of the body's
        // parties, as its name gives them (the Kuwait–UK group: Kuwait's first), in both languages.
        var bodyId = Guid.TryParse(content["jointBody"]?["id"]?.GetValue<string>(), out var body) ? body : plan.JointBodyId;
        var precedence = await db.Set<JointBodyMember>().AsNoTracking().Where(m => m.JointBodyId == bodyId)
            .Join(db.Parties.AsNoTracking(), m => m.PartyId, p => p.Id, (m, p) => new { p.Code, m.Precedence, p.Name }).ToListAsync(ct);
        var order = precedence.OrderBy(p => p.Precedence).Select(p => p.Code).ToList();
        int Rank(JsonNode? chair) => order.IndexOf(chair?["party"]?.GetValue<string>() ?? string.Empty) is var i and >= 0 ? i : int.MaxValue;
        var chairs = (content["coChairs"] as JsonArray ?? []).OrderBy(Rank).ToList();
        if (chairs.Count > 0)
        {
            blocks.Add(new PrintHeading(ar ? "الرئيسان المشاركان" : "Co-chairs"));
            blocks.AddRange(chairs.Select(c => new PrintParagraph($"{Text(c?["title"])}: {Text(c?["name"])}")));
        }

        if (plan.ContentSha256 is { } sha)
        {
            var signatures = await db.PlanSignatures.AsNoTracking().Where(s => s.ActionPlanId == planId).OrderBy(s => s.SignedAt).ToListAsync(ct);
            var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            blocks.Add(new PrintHeading(ar ? "التوقيعات" : "Signatures"));
            blocks.Add(new PrintParagraph((ar ? "بصمة SHA-256 للنص المجمّد: " : "SHA-256 of the frozen text: ") + sha));
            blocks.AddRange(signatures.Select(s => new PrintParagraph(ar
                ? $"وقّع عن {parties[s.PartyId].Ar}: {s.SignerName}، {s.SignedAt:yyyy-MM-dd HH:mm} UTC"
                : $"Signed for {parties[s.PartyId].En} by {s.SignerName}, {s.SignedAt:yyyy-MM-dd HH:mm} UTC")));
            if (signatures.Count == 0)
            {
                blocks.Add(new PrintParagraph(ar ? "لم يوقّع أي من الرئيسين المشاركين بعد." : "No co-chair has signed yet."));
            }
        }

        if (plan.Status != ActionPlanStatus.Signed && chairs.Count > 0)
        {
            // The block a plan signed on paper is signed in: each co-chair's side, name and title, a line to sign on and the date.
            string Side(JsonNode? chair) => precedence.FirstOrDefault(p => p.Code == chair?["party"]?.GetValue<string>()) is { } party ? PrintDocument.Pick(party.Name.Ar, party.Name.En, lang) : string.Empty;
            blocks.Add(new PrintHeading(ar ? "التوقيع" : "Signature"));
            blocks.Add(new PrintTable(
                ar ? ["عن", "الاسم والمنصب", "التوقيع", "التاريخ"] : ["For", "Name and title", "Signature", "Date"],
                [.. chairs.Select(c => (IReadOnlyList<string>)[Side(c), $"{Text(c?["name"])}{(ar ? "، " : ", ")}{Text(c?["title"])}", string.Empty, string.Empty])]));
        }

        var status = plan.Status switch
        {
            ActionPlanStatus.Signed => ar ? "موقّعة" : "Signed",
            ActionPlanStatus.Frozen => ar ? "مجمّدة للتوقيع" : "Frozen for signature",
            _ => ar ? "مسودة" : "Draft",
        };
        var document = new PrintDocument(
            lang,
            Text(content["actionPlan"]?["title"]),
            ar ? $"{Text(content["jointBody"]?["name"])} – الدورة الـ{number} – النسخة {plan.PlanVersion} ({status})"
               : $"{Text(content["jointBody"]?["name"])} – session {number} – version {plan.PlanVersion} ({status})",
            blocks,
            (ar ? "البنود المشتركة فقط؛ لا تدخل البنود الوطنية في الخطة." : "Joint items only; national items are never part of the plan.") + " · Entente",
            $"action-plan-session-{number}-v{plan.PlanVersion}-{lang}");
        return await exports.RenderAsync(document, kind, ct);
    }
}
