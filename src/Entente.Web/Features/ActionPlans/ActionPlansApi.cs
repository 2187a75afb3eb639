using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionPlans;

public sealed record ActionPlanRequest(Guid? SessionId, TextDto? Title, int? PlanVersion, string? Status, DateDto? SignedOn, Guid? DocumentId, DateDto? CoversFrom = null, DateDto? CoversTo = null);

public sealed record ActionPlanResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid SessionId,
    TextDto Title,
    int PlanVersion,
    ActionPlanStatus Status,
    DateDto? SignedOn,
    Guid? DocumentId,
    int ItemCount,
    DateDto? CoversFrom,
    DateDto? CoversTo,
    string? ContentSha256 = null,
    bool SignedOnPaper = false) : IVersioned;

/// <param name="SignedOn">The day the co-chairs signed the paper.</param>
/// <param name="DocumentId">The document of the body whose file is the scan of the signed text.</param>
public sealed record SignedOnPaperRequest(DateDto? SignedOn, Guid? DocumentId);

/// <summary>Action plans of sessions: versions, freezing and signature status.</summary>
public sealed class ActionPlansHandler(AppDbContext db, TimeProvider clock) : RecordHandler<ActionPlan, ActionPlanRequest, ActionPlanResponse>(db, "action plan")
{
    protected override Expression<Func<ActionPlan, ActionPlanResponse>> Projection => p => new ActionPlanResponse(
        p.Id,
        p.Version,
        p.JointBodyId,
        p.SessionId,
        new TextDto(p.Title.Ar, p.Title.En),
        p.PlanVersion,
        p.Status,
        DateDto.Of(p.SignedOn),
        p.DocumentId,
        Db.ActionItems.Count(i => i.ActionPlanId == p.Id),
        DateDto.Of(p.CoversFrom),
        DateDto.Of(p.CoversTo),
        p.ContentSha256,
        p.SignedOnPaper);


    public Task<PageOf<ActionPlanResponse>> ListAsync(Guid? jointBodyId, Guid? sessionId, string? status, Paging paging, CancellationToken ct)
    {
        var query = Db.ActionPlans.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, p => p.JointBodyId == jointBodyId);
        query = query.WhereIf(sessionId is not null, p => p.SessionId == sessionId);

        if (Filters.Enum<ActionPlanStatus>(status, "status") is { } st)
        {
            query = query.Where(p => p.Status == st);
        }

        return PageAsync(query.OrderBy(p => p.SessionId).ThenByDescending(p => p.PlanVersion), paging, ct);
    }

    protected override ActionPlan New() => new ActionPlan { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(ActionPlan plan, ActionPlanRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        if (plan.IsImmutable)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "status", "The action plan is signed by every co-chair and can no longer change.")]));
        }

        var (sessionId, session) = await SessionGuard.ReadAsync(Db, checks, request.SessionId, isNew ? null : plan.SessionId, "An action plan", ct);

        if (session is not null)
        {
            await refs.InBodyAsync<Document>(request.DocumentId, session.JointBodyId, d => d.JointBodyId == session.JointBodyId, "documentId", ct);
        }

        var title = checks.Text(request.Title, "title");
        var signedOn = checks.Date(request.SignedOn, "signedOn");
        var coversFrom = checks.Date(request.CoversFrom, "coversFrom");
        var coversTo = checks.Date(request.CoversTo, "coversTo");
        if (coversFrom is not null && coversTo is not null && PartialDate.Compare(coversFrom, coversTo) > 0)
        {
            checks.Add(new RuleError(RuleCodes.EndBeforeStart, "coversTo", "The period a plan covers cannot end before it starts."));
        }
        var planVersion = request.PlanVersion ?? (isNew ? 1 : plan.PlanVersion);
        if (planVersion < 1)
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "planVersion", "'planVersion' starts at 1.", 1));
        }
        else if (session is not null && await Db.ActionPlans.AnyAsync(p => p.SessionId == session.Id && p.PlanVersion == planVersion && p.Id != plan.Id, ct))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "planVersion", $"The session already has version {planVersion} of its action plan.", planVersion));
        }

        var status = checks.Enum<ActionPlanStatus>(request.Status, "status") ?? plan.Status;
        checks.ThrowIfAny();
        if (plan.IsContentLocked && (title != plan.Title || planVersion != plan.PlanVersion || coversFrom != plan.CoversFrom || coversTo != plan.CoversTo))
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "title", "The action plan is frozen: its text no longer changes. Move it back to draft to edit it.")]));
        }

        plan.SessionId = sessionId;
        plan.JointBodyId = session!.JointBodyId;
        plan.Title = title;
        plan.PlanVersion = planVersion;
        plan.SignedOn = signedOn;
        plan.CoversFrom = coversFrom;
        plan.CoversTo = coversTo;
        plan.DocumentId = request.DocumentId;
        await MoveAsync(plan, status, checks, ct);

        checks.ThrowIfAny();
    }

    /// <summary>Freezes a draft for signature: its canonical form (what the co-chairs sign) is fixed now, and its text and items no longer change.</summary>
    public Task<ActionPlanResponse> FreezeAsync(long expectedVersion, Guid id, CancellationToken ct) =>
        StepAsync(expectedVersion, id, ActionPlanStatus.Frozen, ct);

    /// <summary>Takes a frozen plan back to draft so that it can change again; the signatures given so far are withdrawn, since the text they signed may change.</summary>
    public Task<ActionPlanResponse> ReopenAsync(long expectedVersion, Guid id, CancellationToken ct) =>
        StepAsync(expectedVersion, id, ActionPlanStatus.Draft, ct);

    /// <summary>
    /// Records a plan the co-chairs signed on paper: the day, and the document holding the scan of the signed text (it
    /// must have its file). The plan becomes signed and immutable, and says everywhere that it was signed on paper.
    /// </summary>
    public Task<ActionPlanResponse> RecordSignedOnPaperAsync(long expectedVersion, Guid id, SignedOnPaperRequest request, CancellationToken ct) =>
        ChangeAsync(expectedVersion, id, async (plan, token) =>
        {
            if (plan.IsImmutable)
            {
                throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "status", "The action plan is already signed.")]));
            }

            await SessionGuard.EnsureOpenAsync(Db, plan.SessionId, token);
            var checks = new Checks();
            var signedOn = checks.Date(request.SignedOn, "signedOn");
            if (request.SignedOn is null)
            {
                checks.Add(new RuleError(RuleCodes.Required, "signedOn", "'signedOn' is required: the day the co-chairs signed."));
            }

            if (request.DocumentId is not { } documentId)
            {
                checks.Add(new RuleError(RuleCodes.Required, "documentId", "'documentId' is required: the document holding the scan of the signed text."));
            }
            else if (!await Db.Documents.AnyAsync(d => d.Id == documentId && d.JointBodyId == plan.JointBodyId && d.Visibility == Visibility.Joint, token))
            {
                checks.Add(new RuleError(RuleCodes.UnknownReference, "documentId", "No joint document of this body has this id."));
            }
            else if (!await Db.Set<DocumentVersion>().AnyAsync(v => v.DocumentId == documentId, token))
            {
                checks.Add(new RuleError(RuleCodes.Required, "documentId", "The document has no file yet: upload the scan of the signed plan to it first."));
            }

            checks.AddRange(await UntranslatedAsync(plan, token));
            checks.ThrowIfAny();
            checks.Try(() => plan.RecordSignedOnPaper(signedOn, request.DocumentId));
            checks.ThrowIfAny();
        }, ct);

    private Task<ActionPlanResponse> StepAsync(long expectedVersion, Guid id, ActionPlanStatus to, CancellationToken ct) =>
        ChangeAsync(expectedVersion, id, async (plan, token) =>
        {
            if (plan.IsImmutable)
            {
                throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "status", "The action plan is signed by every co-chair and can no longer change.")]));
            }

            await SessionGuard.EnsureOpenAsync(Db, plan.SessionId, token);
            if (plan.Status == to)
            {
                throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.IllegalTransition, "status", $"The action plan is already {Names.Kebab(to)}.")]));
            }

            var checks = new Checks();
            await MoveAsync(plan, to, checks, token);
            checks.ThrowIfAny();
        }, ct);

    /// <summary>
    /// What the co-chairs sign is bilingual: the plan's title and every joint item's texts, each named
    /// by the item's id (<c>items[{id}].title.en</c>), may no longer await a translation.
    /// </summary>
    private async Task<IEnumerable<RuleError>> UntranslatedAsync(ActionPlan plan, CancellationToken ct)
    {
        var items = await Db.ActionItems.AsNoTracking().Where(i => i.ActionPlanId == plan.Id && i.Visibility == Visibility.Joint).OrderBy(i => i.Id).Select(i => new { i.Id, i.Title, i.Description }).ToListAsync(ct);
        return [.. plan.Title.CheckComplete("title"),
            .. items.SelectMany(i => i.Title.CheckComplete($"items[{i.Id}].title").Concat(i.Description?.CheckComplete($"items[{i.Id}].description") ?? []))];
    }

    /// <summary>
    /// Freezing fixes the plan's canonical form (what the co-chairs sign); returning to draft
    /// withdraws the signatures given so far, since the text they signed may now change.
    /// </summary>
    private async Task MoveAsync(ActionPlan plan, ActionPlanStatus to, Checks checks, CancellationToken ct)
    {
        if (to == plan.Status)
        {
            return;
        }

        if (to == ActionPlanStatus.Frozen && plan.Status == ActionPlanStatus.Draft)
        {
            checks.AddRange(await UntranslatedAsync(plan, ct));
            if (!checks.Ok)
            {
                return;
            }

            var content = await PlanContent.BuildAsync(Db, plan, clock.GetUtcNow().UtcDateTime, ct);
            checks.Try(() => plan.Freeze(content));
            return;
        }

        if (to == ActionPlanStatus.Draft)
        {
            Db.PlanSignatures.RemoveRange(await Db.PlanSignatures.Where(s => s.ActionPlanId == plan.Id).ToListAsync(ct));
        }

        checks.Try(() => plan.ChangeStatus(to));
    }
}

public static class ActionPlansApi
{
    public static void MapActionPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/action-plans", "Action plans");
        group.MapGet("/", (Guid? jointBodyId, Guid? sessionId, string? status, string? q, int? page, int? pageSize, string? sort, ActionPlansHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, sessionId, status, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<ActionPlansHandler, ActionPlan, ActionPlanRequest, ActionPlanResponse>();
        group.MapRecordAction<ActionPlansHandler, ActionPlanResponse>("freeze", (h, version, id, ct) => h.FreezeAsync(version, id, ct));
        group.MapRecordAction<ActionPlansHandler, ActionPlanResponse>("reopen", (h, version, id, ct) => h.ReopenAsync(version, id, ct));
        group.MapPost("/{id:guid}/signed-on-paper", async (Guid id, SignedOnPaperRequest? request, ActionPlansHandler h, HttpContext http, CancellationToken ct) =>
        {
            var plan = await h.RecordSignedOnPaperAsync(http.RequiredIfMatch(), id, Crud.RequireBody(request), ct);
            http.SetETag(plan.Version);
            return TypedResults.Ok(plan);
        });
        group.MapGet("/{id:guid}/export", async (Guid id, string? format, string? lang, ActionPlanExport export, CancellationToken ct) =>
        {
            var file = await export.ExportAsync(id, format, lang, ct);
            return TypedResults.File(file.Content, file.MediaType, file.FileName);
        });
    }
}
