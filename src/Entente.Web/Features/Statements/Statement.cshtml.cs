using Entente.Domain;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Statements;

/// <summary>
/// A session's joint statement on one page: both languages side by side, generated from the
/// records, edited as text, approved by each party, published and then locked; with its exports.
/// </summary>
public sealed class StatementModel(Entente.Data.AppDbContext db, SessionsHandler sessions, StatementsHandler statements, Notes.Discussions discussions) : EntentePage
{
    /// <summary>The discussion on the statement, once there is one.</summary>
    public Notes.DiscussionView? Discussion { get; private set; }

    public SessionResponse Session { get; private set; } = null!;

    public StatementResponse? Statement { get; private set; }

    public BodyChoices Choices { get; private set; } = null!;

    /// <summary>True when the reader writes the body's records (secretariat or co-chair): they may generate, edit, approve and publish.</summary>
    public bool MayWrite { get; private set; }

    [BindProperty]
    public string? TextAr { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public bool Editing { get; private set; }

    public async Task OnGetAsync(Guid id, bool edit, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Editing = edit && MayWrite && Statement?.Status == StatementStatus.Draft;
        TextAr = Statement?.Text.Ar;
        TextEn = Statement?.Text.En;
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, string? lang, [FromServices] StatementExport export, CancellationToken ct)
    {
        var statement = await statements.OfSessionAsync(id, ct) ?? throw new ApiErrorException(new ApiError.NotFound("statement of session", id));
        var file = await export.ExportAsync(statement.Id, format, lang, ct);
        return File(file.Content, file.MediaType, file.FileName);
    }

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, CancellationToken ct)
    {
        // The regenerate button carries the version of the text it replaces; the first generation has none.
        long? expected = Request.HasFormContentType && Request.Form.ContainsKey(nameof(Version)) ? Version : null;
        if (await TryAsync(() => statements.GenerateAsync(id, expected, ct)))
        {
            return Saved($"/sessions/{id}/statement");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Statement is not null && await TryAsync(() => statements.UpdateAsync(Statement.Id, Version, new StatementRequest(new TextDto(TextAr, TextEn)), ct)))
        {
            return Saved($"/sessions/{id}/statement");
        }

        Editing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Statement is not null && await TryAsync(() => statements.ApproveAsync(User, Statement.Id, Version, ct)))
        {
            return Saved($"/sessions/{id}/statement");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Statement is not null && await TryAsync(() => statements.PublishAsync(Statement.Id, Version, ct)))
        {
            return Saved($"/sessions/{id}/statement");
        }

        return Page();
    }

    protected override string? LabelOf(string field)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>();
        return field switch
        {
            "text.ar" => $"{text["ui.statement.text"]} ({text["ui.lang.ar"]})",
            "text.en" => $"{text["ui.statement.text"]} ({text["ui.lang.en"]})",
            _ => null,
        };
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await sessions.GetAsync(id, ct);
        Statement = await statements.OfSessionAsync(id, ct);
        ViewData["BodyId"] = Session.JointBodyId;
        Choices = await ChoicesAsync(Session.JointBodyId, [], ct);
        if (Statement is { } statement)
        {
            Discussion = await discussions.LoadAsync(User, Session.JointBodyId, RecordType.JointStatement, statement.Id, $"/sessions/{id:D}/statement", ct);
        }

        var account = Infrastructure.Auth.EntenteClaims.AccountOf(User);
        MayWrite = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Memberships.Where(m => m.AccountId == account && m.JointBodyId == Session.JointBodyId && (m.Role == MemberRole.Secretariat || m.Role == MemberRole.CoChair)), ct);
    }
}
