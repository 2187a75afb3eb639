using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Documents;

public sealed record DocumentRequest(
    Guid? JointBodyId,
    string? Kind,
    TextDto? Title,
    Guid? AgreementId,
    Guid? SessionId,
    Guid? MeetingId,
    PersonRoleRequest?[]? Signatories,
    string? Visibility,
    Guid? OwnerPartyId,
    TextDto? KindLabel = null);

public sealed record DocumentVersionResponse(int Number, string FileName, string MediaType, string Sha256, long Length, DateTime CreatedAt);

public sealed record DocumentResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    DocumentKind Kind,
    TextDto Title,
    Guid? AgreementId,
    Guid? SessionId,
    Guid? MeetingId,
    IReadOnlyList<PersonRoleResponse> Signatories,
    IReadOnlyList<DocumentVersionResponse> Versions,
    Visibility Visibility,
    Guid? OwnerPartyId,
    TextDto? KindLabel) : IVersioned;

/// <summary>Documents of a joint body (agreement texts, signed plans, minutes, roadmaps) with their own signatories.</summary>
public sealed class DocumentsHandler(AppDbContext db) : RecordHandler<Document, DocumentRequest, DocumentResponse>(db, "document")
{
    private static readonly Expression<Func<Document, DocumentResponse>> AsResponse = d => new DocumentResponse(
        d.Id,
        d.Version,
        d.JointBodyId,
        d.Kind,
        new TextDto(d.Title.Ar, d.Title.En),
        d.AgreementId,
        d.SessionId,
        d.MeetingId,
        d.Signatories.OrderBy(s => s.PartyId).Select(s => new PersonRoleResponse(
            s.PersonId,
            s.PartyId,
            new TextDto(
                s.Person!.Names.Where(n => n.Language == "ar" && n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                s.Person!.Names.Where(n => n.Language == "en" && n.IsPreferred).Select(n => n.Text).FirstOrDefault()),
            new TextDto(s.Title.Ar, s.Title.En),
            "signatory",
            DateDto.Of(s.SignedOn))).ToList(),
        d.Versions.OrderBy(v => v.Number).Select(v => new DocumentVersionResponse(v.Number, v.FileName, v.MediaType, v.Sha256, v.Length, v.CreatedAt)).ToList(),
        d.Visibility,
        d.OwnerPartyId,
        d.KindLabel == null ? null : new TextDto(d.KindLabel.Ar, d.KindLabel.En));

    protected override Expression<Func<Document, DocumentResponse>> Projection => AsResponse;

    protected override IQueryable<Document> ForUpdate => Db.Documents.Include(d => d.Signatories);

    public Task<PageOf<DocumentResponse>> ListAsync(Guid? jointBodyId, Guid? agreementId, Guid? sessionId, string? kind, Paging paging, CancellationToken ct)
    {
        var query = Db.Documents.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, d => d.JointBodyId == jointBodyId);
        query = query.WhereIf(agreementId is not null, d => d.AgreementId == agreementId);
        query = query.WhereIf(sessionId is not null, d => d.SessionId == sessionId);

        if (Filters.Enum<DocumentKind>(kind, "kind") is { } k)
        {
            query = query.Where(d => d.Kind == k);
        }

        return PageAsync(query.OrderBy(d => d.Title.En).ThenBy(d => d.Id), paging, ct);
    }

    /// <summary>The document of a signed action plan records what was signed, and by whom: it is as immutable as the plan (no edit, no new version).</summary>
    public static async Task EnsureNotASignedPlanAsync(AppDbContext db, Guid documentId, CancellationToken ct)
    {
        if (await db.ActionPlans.AnyAsync(p => p.DocumentId == documentId && p.Status == ActionPlanStatus.Signed, ct))
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "documentId", "This document records a signed action plan and, like the plan, no longer changes.")]));
        }
    }

    protected override Document New() => new Document { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Document document, DocumentRequest request, bool isNew, CancellationToken ct)
    {
        if (!isNew)
        {
            await EnsureNotASignedPlanAsync(Db, document.Id, ct);
        }

        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : document.JointBodyId, "A document", ct);
        await refs.InBodyAsync<Agreement>(request.AgreementId, bodyId, a => a.JointBodyId == bodyId, "agreementId", ct);
        await refs.InBodyAsync<Session>(request.SessionId, bodyId, s => s.JointBodyId == bodyId, "sessionId", ct);
        await refs.InBodyAsync<Meeting>(request.MeetingId, bodyId, m => m.JointBodyId == bodyId, "meetingId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : document);
        var signatories = await PersonRoles.ReadAsync(request.Signatories, "signatories", checks, refs, parties, PersonRoleFields.SignedOn, "signatory", (r, person, party, title, i) =>
            new DocumentSignatory { DocumentId = document.Id, PersonId = person, PartyId = party, Title = title, SignedOn = checks.Date(r.SignedOn, $"signatories[{i}].signedOn") }, ct);
        document.Kind = checks.RequiredEnum<DocumentKind>(request.Kind, "kind");
        document.Title = checks.Text(request.Title, "title");
        document.KindLabel = checks.OptionalText(request.KindLabel, "kindLabel", 200);
        if (request.Kind is not null)
        {
            checks.AddRange(OpenKinds.Check(document.Kind == DocumentKind.Other, document.KindLabel));
        }

        checks.ThrowIfAny();

        document.JointBodyId = bodyId;
        document.AgreementId = request.AgreementId;
        document.SessionId = request.SessionId;
        document.MeetingId = request.MeetingId;
        document.SetVisibility(visibility, owner);
        document.Signatories.SyncWith(signatories, s => (s.PartyId, s.PersonId), (existing, wanted) => (existing.Title, existing.SignedOn) = (wanted.Title, wanted.SignedOn));
    }
}

public static class DocumentsApi
{
    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/documents", "Documents");
        group.MapGet("/", (Guid? jointBodyId, Guid? agreementId, Guid? sessionId, string? kind, string? q, int? page, int? pageSize, string? sort, DocumentsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, agreementId, sessionId, kind, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<DocumentsHandler, Document, DocumentRequest, DocumentResponse>();

        // A new version of the file: multipart/form-data with the field 'file', and If-Match of the document.
        group.MapPost("/{id:guid}/versions", async (Guid id, HttpContext http, DocumentVersionsHandler versions, DocumentsHandler documents, CancellationToken ct) =>
        {
            var expected = http.RequiredIfMatch();
            if (!http.Request.HasFormContentType)
            {
                throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Required, "file", "'file' is required: send the document as multipart/form-data with the field 'file'.")]));
            }

            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
            {
                // A truncated body, a wrong or missing boundary, a part header over the limit: the upload cannot be read.
                throw new ApiErrorException(new ApiError.BadRequest("invalid-multipart", "file", "The upload is not well-formed multipart/form-data: send the document as the field 'file'."));
            }

            var added = await versions.AddAsync(id, expected, form.Files.GetFile("file"), ct);
            http.SetETag((await documents.GetAsync(id, ct)).Version);
            return TypedResults.Created($"/api/documents/{id}/versions/{added.Number}", added);
        }).DisableAntiforgery()
            .WithMetadata(new LargeBodyAttribute(DocumentVersionsHandler.MaxSetting, DocumentVersionsHandler.DefaultMaxMegabytes))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared for clients (the handler reads the form itself, so that a wrong body is refused with problem details, not a bare 415).
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                                Required = new HashSet<string> { "file" },
                                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                                {
                                    ["file"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                                },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            });
        group.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, DocumentVersionsHandler versions, HttpContext http, CancellationToken ct) =>
        {
            var file = await versions.ReadAsync(id, number, ct);
            http.Response.Headers.ETag = $"\"{file.Sha256}\"";
            return TypedResults.File(file.Content, file.MediaType, file.FileName);
        });
    }
}
