using System.Globalization;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

/// <summary>A session's joint statement as a printed document, in one language: HTML, DOCX or PDF.</summary>
public sealed class StatementExport(AppDbContext db, StatementsHandler statements, DocumentExports exports)
{
    public async Task<ExportedFile> ExportAsync(Guid statementId, string? format, string? language, CancellationToken ct)
    {
        var (kind, lang) = DocumentExports.Read(format, language);
        var statement = await statements.GetAsync(statementId, ct);
        var body = await db.JointBodies.AsNoTracking().Where(b => b.Id == statement.JointBodyId).Select(b => b.Name).FirstAsync(ct);
        var ar = lang == "ar";
        var number = statement.SessionNumber.ToString(CultureInfo.InvariantCulture);
        var status = statement.Status == StatementStatus.Published
            ? (ar ? $"نُشر في {statement.PublishedAt:yyyy-MM-dd}" : $"Published on {statement.PublishedAt:d MMMM yyyy}")
            : (ar ? "مسودة لم تُنشر بعد" : "Draft, not yet published");
        var document = new PrintDocument(
            lang,
            ar ? "بيان مشترك" : "Joint statement",
            ar ? $"{PrintDocument.Pick(body.Ar, body.En, lang)} – الدورة الـ{number}" : $"{PrintDocument.Pick(body.Ar, body.En, lang)} – {StatementWriter.Ordinal(statement.SessionNumber)} session",
            [.. PrintDocument.Paragraphs(PrintDocument.Pick(statement.Text.Ar, statement.Text.En, lang))],
            status + " · Entente",
            $"joint-statement-session-{number}-{lang}");
        return await exports.RenderAsync(document, kind, ct);
    }
}
