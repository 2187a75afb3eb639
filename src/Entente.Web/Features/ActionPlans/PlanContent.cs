using System.Globalization;
using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionPlans;

/// <summary>
/// What a frozen action plan says, in both languages, as one JSON object: the body, the
/// session, the parties and their co-chairs, and each joint item with its track, text, due
/// date, owners and agreements. Its RFC 8785 form and that form's SHA-256 are what the
/// co-chairs sign. National items (internal to one side) are never part of it.
/// </summary>
public static class PlanContent
{
    public static async Task<JsonObject> BuildAsync(AppDbContext db, ActionPlan plan, DateTime frozenAt, CancellationToken ct)
    {
        var body = await db.JointBodies.AsNoTracking().Include(b => b.Members).FirstAsync(b => b.Id == plan.JointBodyId, ct);
        var session = await db.Sessions.AsNoTracking().Include(s => s.CoChairs).ThenInclude(c => c.Person!).ThenInclude(p => p.Names)
            .FirstAsync(s => s.Id == plan.SessionId, ct);
        var memberIds = body.Members.Select(m => m.PartyId).ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var items = await db.ActionItems.AsNoTracking().Include(i => i.Owners).Include(i => i.Agreements)
            .Where(i => i.ActionPlanId == plan.Id && i.Visibility == Visibility.Joint).ToListAsync(ct);
        var trackIds = items.Select(i => i.TrackId).Distinct().ToList();
        var tracks = await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var institutionIds = items.SelectMany(i => i.Owners).Select(o => o.InstitutionId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var agreementIds = items.SelectMany(i => i.Agreements).Select(a => a.AgreementId).Distinct().ToList();
        // What both co-chairs sign is what both parties see: joint items, and of their links the joint agreements only.
        var agreements = await db.Agreements.AsNoTracking().Where(a => agreementIds.Contains(a.Id) && a.Visibility == Visibility.Joint).ToDictionaryAsync(a => a.Id, ct);
        string Code(Guid partyId) => parties.TryGetValue(partyId, out var p) ? p.Code : partyId.ToString("D");

        var actionPlan = new JsonObject
        {
            ["id"] = plan.Id.ToString("D"),
            ["title"] = Text(plan.Title),
            ["planVersion"] = plan.PlanVersion,
        };
        Add(actionPlan, "coversFrom", plan.CoversFrom?.ToString());
        Add(actionPlan, "coversTo", plan.CoversTo?.ToString());

        var sessionNode = new JsonObject { ["id"] = session.Id.ToString("D"), ["number"] = session.Number };
        Add(sessionNode, "year", session.Year);
        Add(sessionNode, "startsOn", session.StartsOn?.ToString());
        Add(sessionNode, "endsOn", session.EndsOn?.ToString());

        return new JsonObject
        {
            ["jointBody"] = new JsonObject { ["id"] = body.Id.ToString("D"), ["name"] = Text(body.Name) },
            ["session"] = sessionNode,
            ["actionPlan"] = actionPlan,
            ["parties"] = new JsonArray([.. parties.Values.OrderBy(p => p.Code, StringComparer.Ordinal)
                .Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["name"] = Text(p.Name) })]),
            ["coChairs"] = new JsonArray([.. session.CoChairs.OrderBy(c => Code(c.PartyId), StringComparer.Ordinal).Select(c => (JsonNode)new JsonObject
            {
                ["party"] = Code(c.PartyId),
                ["name"] = new JsonObject { ["ar"] = c.Person?.PreferredName("ar"), ["en"] = c.Person?.PreferredName("en") },
                ["title"] = Text(c.Title),
            })]),
            ["items"] = new JsonArray([.. items
                .OrderBy(i => tracks.TryGetValue(i.TrackId, out var t) ? t.Name.En : string.Empty, StringComparer.Ordinal)
                .ThenBy(i => i.DueOn).ThenBy(i => i.Id)
                .Select(i => (JsonNode)Item(i, tracks, institutions, agreements, Code))]),
            ["frozenAt"] = PlanSignature.Instant(frozenAt),
        };
    }

    private static JsonObject Item(ActionItem item, Dictionary<Guid, Track> tracks, Dictionary<Guid, Institution> institutions, Dictionary<Guid, Agreement> agreements, Func<Guid, string> code)
    {
        var node = new JsonObject
        {
            ["id"] = item.Id.ToString("D"),
            ["track"] = tracks.TryGetValue(item.TrackId, out var track) ? Text(track.Name) : null,
            ["title"] = Text(item.Title),
        };
        Add(node, "description", item.Description is null ? null : Text(item.Description));
        Add(node, "dueOn", item.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(node, "carriedFrom", item.CarriedFromId?.ToString("D"));
        node["owners"] = new JsonArray([.. item.Owners
            .Where(o => institutions.ContainsKey(o.InstitutionId))
            .OrderBy(o => code(o.PartyId), StringComparer.Ordinal).ThenBy(o => institutions[o.InstitutionId].Name.En, StringComparer.Ordinal)
            .Select(o => (JsonNode)new JsonObject { ["party"] = code(o.PartyId), ["institution"] = Text(institutions[o.InstitutionId].Name) })]);
        node["agreements"] = new JsonArray([.. item.Agreements
            .Where(a => agreements.ContainsKey(a.AgreementId))
            .OrderBy(a => agreements[a.AgreementId].Title.En, StringComparer.Ordinal)
            .Select(a => (JsonNode)Text(agreements[a.AgreementId].Title))]);
        return node;
    }

    private static JsonObject Text(BilingualText text) => new() { ["ar"] = text.Ar, ["en"] = text.En };

    private static void Add(JsonObject node, string name, JsonNode? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
