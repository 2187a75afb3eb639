using System.Globalization;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Exports;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Agenda;

/// <summary>A session's agenda, or one of its meetings' (a timed table), and its minutes (item by item, with their status) as printed documents in one language.</summary>
public sealed class AgendaExport(AppDbContext db, AgendaHandler agenda, DocumentExports exports)
{
    /// <summary>The agenda (<paramref name="what"/> absent or <c>agenda</c>) or the minutes (<c>minutes</c>); anything else is a 400 naming <c>what</c>.</summary>
    public Task<ExportedFile> ExportAsync(Guid sessionId, Guid? meetingId, string? what, string? format, string? language, CancellationToken ct) => what switch
    {
        null or "agenda" => AgendaAsync(sessionId, meetingId, format, language, ct),
        "minutes" => MinutesAsync(sessionId, meetingId, format, language, ct),
        _ => throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "what", "'what' is agenda or minutes.")])),
    };

    public async Task<ExportedFile> AgendaAsync(Guid sessionId, Guid? meetingId, string? format, string? language, CancellationToken ct)
    {
        var (kind, lang, session, items) = await LoadAsync(sessionId, meetingId, format, language, ct);
        var ar = lang == "ar";
        var rows = items.Select(i => (IReadOnlyList<string>)[
            i.Position.ToString(CultureInfo.InvariantCulture),
            i.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "—",
            (i.Visibility == Visibility.National ? (ar ? "[وطني] " : "[National] ") : string.Empty) + PrintDocument.Pick(i.Title.Ar, i.Title.En, lang),
            i.DurationMinutes is { } d ? d.ToString(CultureInfo.InvariantCulture) : "—",
        ]).ToList();
        var document = new PrintDocument(lang, ar ? "جدول الأعمال" : "Agenda", Subtitle(session, ar),
            [new PrintTable(ar ? ["#", "الوقت", "البند", "المدة (بالدقائق)"] : ["#", "Time", "Item", "Minutes"], rows)],
            (ar ? "يرى كل طرف بنوده الوطنية فقط." : "Each party sees only its own national items.") + " · Entente",
            $"agenda-session-{session.Number}{session.FileSuffix}-{lang}");
        return await exports.RenderAsync(document, kind, ct);
    }

    public async Task<ExportedFile> MinutesAsync(Guid sessionId, Guid? meetingId, string? format, string? language, CancellationToken ct)
    {
        var (kind, lang, session, items) = await LoadAsync(sessionId, meetingId, format, language, ct);
        var ar = lang == "ar";
        var blocks = new List<PrintBlock>();
        foreach (var item in items)
        {
            // An item's state is said only where it matters: minutes not yet agreed are marked in their heading, and an item
            // with none recorded says so once, instead of a line «حالة المحضر: مسودة» under every heading.
            var agreed = item.MinutesStatus is MinutesStatus.Approved or MinutesStatus.Locked;
            var title = PrintDocument.Pick(item.Title.Ar, item.Title.En, lang);
            if (item.Minutes is { } minutes && (!string.IsNullOrWhiteSpace(minutes.Ar) || !string.IsNullOrWhiteSpace(minutes.En)))
            {
                blocks.Add(new PrintHeading($"{item.Position}. {title}" + (agreed ? string.Empty : $" ({Status(item.MinutesStatus, ar)})")));
                blocks.AddRange(PrintDocument.Paragraphs(PrintDocument.Pick(minutes.Ar, minutes.En, lang)));
            }
            else
            {
                blocks.Add(new PrintHeading($"{item.Position}. {title}"));
                blocks.Add(new PrintParagraph(ar ? "لم يُسجَّل محضر لهذا البند." : "No minutes were recorded for this item."));
            }
        }

        var document = new PrintDocument(lang, ar ? "محضر الاجتماع" : "Minutes", Subtitle(session, ar), blocks, "Entente", $"minutes-session-{session.Number}{session.FileSuffix}-{lang}");
        return await exports.RenderAsync(document, kind, ct);
    }

    private static string Status(MinutesStatus status, bool ar) => status switch
    {
        MinutesStatus.Proposed => ar ? "مقترح" : "proposed",
        MinutesStatus.Approved => ar ? "معتمد من الطرفين" : "approved by both sides",
        MinutesStatus.Locked => ar ? "معتمد ومقفل" : "approved and locked",
        _ => ar ? "مسودة" : "draft",
    };

    private static string Subtitle(Printed session, bool ar) =>
        (ar ? $"{PrintDocument.Pick(session.Body.Ar, session.Body.En, "ar")} – الدورة الـ{session.Number}" : $"{PrintDocument.Pick(session.Body.Ar, session.Body.En, "en")} – session {session.Number}")
        + (session.Meeting is { } meeting ? " – " + PrintDocument.Pick(meeting.Ar, meeting.En, ar ? "ar" : "en") : string.Empty);

    private async Task<(ExportFormat Kind, string Lang, Printed Session, IReadOnlyList<AgendaItemResponse> Items)> LoadAsync(Guid sessionId, Guid? meetingId, string? format, string? language, CancellationToken ct)
    {
        var (kind, lang) = DocumentExports.Read(format, language);
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Join(db.JointBodies, s => s.JointBodyId, b => b.Id, (s, b) => new { s.Number, b.Name }).FirstOrDefaultAsync(ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("session", sessionId));
        BilingualText? meeting = null;
        if (meetingId is { } id)
        {
            meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id && m.SessionId == sessionId).Select(m => m.Title).FirstOrDefaultAsync(ct)
                ?? throw new ApiErrorException(new ApiError.NotFound("meeting", id));
        }

        var items = (await agenda.ListAsync(sessionId, meetingId, new Paging(1, 200), ct)).Items;
        return (kind, lang, new Printed(session.Number, session.Name, meeting, meetingId is { } m ? "-meeting-" + m.ToString("N")[..8] : string.Empty), items);
    }

    /// <summary>What the printed page names: the body, the session and, for a meeting's agenda, the meeting.</summary>
    private sealed record Printed(int Number, BilingualText Body, BilingualText? Meeting, string FileSuffix);
}
