using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sources;

/// <param name="Byline">Whose words it is: a correspondent, a spokesperson.</param>
/// <param name="IsOfficial">True for a party's own word (a ministry's release), false for a report on it (a news agency); absent when not known.</param>
/// <param name="TranslationOfId">The source this one translates.</param>
/// <param name="IsTruncated">The text as kept is cut short, so what it does not say proves nothing.</param>
public sealed record SourceRequest(
    Guid? JointBodyId,
    string? Kind,
    TextDto? Title,
    string? Publisher,
    DateDto? PublishedOn,
    string? Language,
    string? Url,
    string? Byline = null,
    bool? IsOfficial = null,
    Guid? TranslationOfId = null,
    bool? IsTruncated = null);

public sealed record SourceResponse(
    Guid Id,
    long Version,
    Guid? JointBodyId,
    SourceKind Kind,
    TextDto Title,
    string? Publisher,
    DateDto? PublishedOn,
    string Language,
    string? Url,
    string? Byline,
    bool? IsOfficial,
    Guid? TranslationOfId,
    bool IsTruncated) : IVersioned;

/// <param name="IsSilence">The source says nothing of the record or field ("this release does not mention an action plan"): no value is given.</param>
public sealed record ClaimRequest(Guid? JointBodyId, string? RecordType, Guid? RecordId, string? Field, string? Value, Guid? SourceId, string? Quote, bool? IsSilence = null);

/// <param name="Disputed">True when another source gives a different value for the same field of the same record.</param>
public sealed record ClaimResponse(Guid Id, long Version, Guid? JointBodyId, RecordType RecordType, Guid RecordId, string Field, string Value, Guid SourceId, string? Quote, bool Disputed, bool IsSilence) : IVersioned;

/// <summary>Sources and the claims they make about records; disagreeing claims are all kept.</summary>
public sealed class SourcesHandler(AppDbContext db) : RecordHandler<Source, SourceRequest, SourceResponse>(db, "source")
{
    protected override Expression<Func<Source, SourceResponse>> Projection { get; } = s => new SourceResponse(
        s.Id, s.Version, s.JointBodyId, s.Kind, new TextDto(s.Title.Ar, s.Title.En), s.Publisher, DateDto.Of(s.PublishedOn), s.Language, s.Url, s.Byline, s.IsOfficial, s.TranslationOfId, s.IsTruncated);

    public Task<PageOf<SourceResponse>> ListAsync(Guid? jointBodyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Sources.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, s => s.JointBodyId == jointBodyId);

        return PageAsync(query.OrderBy(s => s.PublishedOn).ThenBy(s => s.Id), paging, ct);
    }

    protected override Source New() => new() { Title = new BilingualText(string.Empty, string.Empty), Language = string.Empty };

    protected override async Task ApplyAsync(Source source, SourceRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        await new References(Db, checks).ExistsAsync<JointBody>(request.JointBodyId, "jointBodyId", ct);
        source.Kind = checks.RequiredEnum<SourceKind>(request.Kind, "kind");
        source.Title = checks.Text(request.Title, "title");
        source.Publisher = checks.Length(request.Publisher?.Trim(), "publisher", 200);
        source.PublishedOn = checks.Date(request.PublishedOn, "publishedOn");
        source.Language = checks.Required(request.Language?.Trim(), "language", 2);
        if (source.Language.Length > 0 && source.Language is not ("ar" or "en"))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "language", "'language' is 'ar' or 'en'."));
        }

        source.Url = checks.Length(request.Url?.Trim(), "url", 2000);
        if (source.Url is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "url", "'url' is an absolute address."));
        }

        source.Byline = checks.Length(request.Byline?.Trim(), "byline", 200);
        if (source.Byline is { Length: > 0 } byline)
        {
            checks.AddRange(TextRules.Check(byline, "byline"));
        }

        source.IsOfficial = request.IsOfficial;
        source.IsTruncated = request.IsTruncated ?? false;
        if (request.TranslationOfId is { } originalId && await new References(Db, checks).ExistsAsync<Source>(originalId, "translationOfId", ct))
        {
            var original = await Db.Sources.AsNoTracking().Where(s => s.Id == originalId).Select(s => new { s.Language, s.TranslationOfId, s.JointBodyId }).FirstAsync(ct);
            if (request.TranslationOfId == source.Id)
            {
                checks.Add(new RuleError(RuleCodes.Cycle, "translationOfId", "A source is not a translation of itself."));
            }
            else if (original.JointBodyId != request.JointBodyId)
            {
                // A source of another body may be one the other party of this body cannot read.
                checks.Add(new RuleError(RuleCodes.UnknownReference, "translationOfId", "'translationOfId' names no source of this joint body.", originalId));
            }
            else if (!isNew && await Db.Sources.AnyAsync(s => s.TranslationOfId == source.Id, ct))
            {
                checks.Add(new RuleError(RuleCodes.Mismatch, "translationOfId", "Other sources translate this one: it is an original, not a translation."));
            }
            else if (original.Language == source.Language)
            {
                checks.Add(new RuleError(RuleCodes.Mismatch, "translationOfId", "A translation is in another language than its original.", original.Language));
            }
            else if (original.TranslationOfId is not null)
            {
                checks.Add(new RuleError(RuleCodes.Mismatch, "translationOfId", "'translationOfId' names a translation: name the original it translates."));
            }
        }

        // An original keeps its translations in other languages; a source cited for its silences stays whole.
        if (!isNew && checks.Ok && await Db.Sources.AnyAsync(s => s.TranslationOfId == source.Id && s.Language == source.Language, ct))
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "language", "A translation of this source is in that language: an original and its translation are in different languages."));
        }

        if (!isNew && source.IsTruncated && checks.Ok && await Db.Claims.AnyAsync(c => c.SourceId == source.Id && c.IsSilence, ct))
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "isTruncated", "Claims of silence cite this source: a truncated text proves no silence. Remove those claims first."));
        }

        source.TranslationOfId = request.TranslationOfId;
        source.JointBodyId = request.JointBodyId;
        checks.ThrowIfAny();
    }
}

/// <summary>What sources say about records; disagreeing claims are all kept and marked disputed.</summary>
public sealed class ClaimsHandler(AppDbContext db, RecordTargets targets) : RecordHandler<Claim, ClaimRequest, ClaimResponse>(db, "claim")
{
    protected override Expression<Func<Claim, ClaimResponse>> Projection => c => new ClaimResponse(
        c.Id,
        c.Version,
        c.JointBodyId,
        c.RecordType,
        c.RecordId,
        c.Field,
        c.Value,
        c.SourceId,
        c.Quote,
        !c.IsSilence && Db.Claims.Any(o => o.RecordType == c.RecordType && o.RecordId == c.RecordId && o.Field == c.Field && !o.IsSilence && o.Value != c.Value),
        c.IsSilence);

    public Task<PageOf<ClaimResponse>> ListAsync(string? recordType, Guid? recordId, string? field, Guid? sourceId, bool? disputed, Paging paging, CancellationToken ct)
    {
        var query = Db.Claims.AsNoTracking();
        if (Filters.Enum<RecordType>(recordType, "recordType") is { } type)
        {
            query = query.Where(c => c.RecordType == type);
        }

        query = query.WhereIf(recordId is not null, c => c.RecordId == recordId);

        if (Filters.Text(field, "field") is { } f)
        {
            query = query.Where(c => c.Field == f);
        }

        query = query.WhereIf(sourceId is not null, c => c.SourceId == sourceId);
        query = query.WhereIf(disputed is not null, c => (!c.IsSilence && Db.Claims.Any(o => o.RecordType == c.RecordType && o.RecordId == c.RecordId && o.Field == c.Field && !o.IsSilence && o.Value != c.Value)) == disputed);

        return PageAsync(query.OrderBy(c => c.RecordId).ThenBy(c => c.Field).ThenBy(c => c.Id), paging, ct);
    }

    protected override Claim New() => new() { Field = string.Empty, Value = string.Empty };

    /// <summary>The kind of record a field of a silence names, camel-cased or kebab-cased (actionPlan, action-plan), or null.</summary>
    private static RecordType? KindOfRecord(string field) =>
        field.Replace("-", string.Empty, StringComparison.Ordinal) is { Length: > 0 } name && name.All(char.IsAsciiLetter)
            && Enum.TryParse<RecordType>(name, ignoreCase: true, out var kind) ? kind : null;

    protected override async Task ApplyAsync(Claim claim, ClaimRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        await refs.ExistsAsync<JointBody>(request.JointBodyId, "jointBodyId", ct);
        claim.SourceId = checks.Required(request.SourceId, "sourceId");
        await refs.ExistsAsync<Source>(request.SourceId, "sourceId", ct);
        claim.RecordType = checks.RequiredEnum<RecordType>(request.RecordType, "recordType");
        claim.RecordId = checks.Required(request.RecordId, "recordId");
        claim.Field = checks.Length(request.Field?.Trim(), "field", 200) ?? string.Empty;
        claim.IsSilence = request.IsSilence ?? false;
        if (claim.IsSilence)
        {
            // A silence has no value: what the source does not say is the claim.
            if (!string.IsNullOrEmpty(request.Value))
            {
                checks.Add(new RuleError(RuleCodes.Mismatch, "value", "A claim of silence ('isSilence') gives no 'value': leave it out."));
            }

            claim.Value = string.Empty;
        }
        else
        {
            claim.Value = checks.Required(request.Value, "value", 4000);
        }

        claim.Quote = checks.Length(request.Quote, "quote", 4000);
        // A silence may be of a kind of record none was kept of ("says nothing of an action plan"): the kind, camel-cased, stands for the field.
        var silenceOfKind = false;
        if (claim.IsSilence && !targets.HasField(claim.RecordType, claim.Field) && KindOfRecord(claim.Field) is { } kind)
        {
            claim.Field = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
            silenceOfKind = true;
        }

        if (checks.Ok && !silenceOfKind && !targets.HasField(claim.RecordType, claim.Field))
        {
            checks.Add(new RuleError(RuleCodes.UnknownField, "field", $"'field' names no field of a {request.RecordType} ('{claim.Field}'); it is one of: {string.Join(", ", targets.FieldsOf(claim.RecordType))}, or empty for the record as a whole{(claim.IsSilence ? "; a silence may also name a kind of record (actionPlan, agreement…)" : string.Empty)}.", claim.Field));
        }

        if (claim.IsSilence && checks.Ok && await Db.Sources.AnyAsync(x => x.Id == claim.SourceId && x.IsTruncated, ct))
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "isSilence", "The source is marked truncated: what its kept text does not say proves no silence."));
        }

        var scope = checks.Ok ? await targets.ScopeAsync(Db, claim.RecordType, claim.RecordId, ct) : null;
        if (checks.Ok && (scope is null || (request.JointBodyId is not null && scope.JointBodyId is not null && scope.JointBodyId != request.JointBodyId)))
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, "recordId", $"'recordId' names no {request.RecordType} {(request.JointBodyId is null ? string.Empty : "of this joint body ")}('{claim.RecordId}').", claim.RecordId));
        }

        checks.ThrowIfAny();

        // A claim is seen by whoever sees the record it is about, no more.
        claim.JointBodyId = scope!.JointBodyId ?? request.JointBodyId;
        claim.Visibility = scope.Visibility;
        claim.OwnerPartyId = scope.OwnerPartyId;
    }
}

public static class SourcesApi
{
    public static void MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var sources = app.MapApiGroup("/api/sources", "Sources");
        sources.MapGet("/", (Guid? jointBodyId, string? q, int? page, int? pageSize, string? sort, SourcesHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, Paging.From(page, pageSize, sort, q), ct));
        sources.MapRecordRoutes<SourcesHandler, Source, SourceRequest, SourceResponse>();

        var claims = app.MapApiGroup("/api/claims", "Sources");
        claims.MapGet("/", (string? recordType, Guid? recordId, string? field, Guid? sourceId, bool? disputed, string? q, int? page, int? pageSize, string? sort, ClaimsHandler h, CancellationToken ct) =>
            h.ListAsync(recordType, recordId, field, sourceId, disputed, Paging.From(page, pageSize, sort, q), ct));
        claims.MapRecordRoutes<ClaimsHandler, Claim, ClaimRequest, ClaimResponse>();
    }
}
