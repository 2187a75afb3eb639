using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Indicators;

/// <param name="Id">The value's id, on output (claims may cite one value).</param>
public sealed record IndicatorValueDto(decimal? Value, DateOnly? PeriodStart, DateOnly? PeriodEnd, Guid? SourceId, DateOnly? ReportedOn, Guid? Id = null);

public sealed record IndicatorRequest(
    Guid? JointBodyId,
    Guid? TrackId,
    TextDto? Name,
    string? Unit,
    bool? IsCurrency,
    IndicatorValueDto?[]? Values,
    string? Visibility,
    Guid? OwnerPartyId);

public sealed record IndicatorResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? TrackId,
    TextDto Name,
    string Unit,
    bool IsCurrency,
    IReadOnlyList<IndicatorValueDto> Values,
    Visibility Visibility,
    Guid? OwnerPartyId) : IVersioned;

/// <summary>Indicators: figures measured over time, each value with its period and source.</summary>
public sealed class IndicatorsHandler(AppDbContext db) : RecordHandler<Indicator, IndicatorRequest, IndicatorResponse>(db, "indicator")
{
    private static readonly Expression<Func<Indicator, IndicatorResponse>> AsResponse = i => new IndicatorResponse(
        i.Id,
        i.Version,
        i.JointBodyId,
        i.TrackId,
        new TextDto(i.Name.Ar, i.Name.En),
        i.Unit,
        i.IsCurrency,
        i.Values.OrderBy(v => v.PeriodStart).Select(v => new IndicatorValueDto(v.Value, v.PeriodStart, v.PeriodEnd, v.SourceId, v.ReportedOn, v.Id)).ToList(),
        i.Visibility,
        i.OwnerPartyId);

    protected override Expression<Func<Indicator, IndicatorResponse>> Projection => AsResponse;

    protected override IQueryable<Indicator> ForUpdate => Db.Indicators.Include(i => i.Values);

    public Task<PageOf<IndicatorResponse>> ListAsync(Guid? jointBodyId, Guid? trackId, Paging paging, CancellationToken ct)
    {
        var query = Db.Indicators.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, i => i.JointBodyId == jointBodyId);
        query = query.WhereIf(trackId is not null, i => i.TrackId == trackId);

        return PageAsync(query.OrderBy(i => i.Name.En).ThenBy(i => i.Id), paging, ct);
    }

    protected override Indicator New() => new Indicator { Name = new BilingualText(string.Empty, string.Empty), Unit = string.Empty };

    protected override async Task ApplyAsync(Indicator indicator, IndicatorRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : indicator.JointBodyId, "An indicator", ct);
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : indicator);
        var values = new List<IndicatorValue>();
        foreach (var (v, i) in checks.Entries(request.Values, "values"))
        {
            var at = $"values[{i}]";
            await refs.ExistsAsync<Source>(v.SourceId, $"{at}.sourceId", ct);
            if (v.Id is { } valueId && (isNew || indicator.Values.All(x => x.Id != valueId)))
            {
                // A value's id is the program's: sent back as read, or left out for a new figure.
                checks.Add(new RuleError(RuleCodes.UnknownReference, $"{at}.id", $"'{at}.id' names no figure of this indicator: leave it out for a new one.", valueId));
            }

            var value = new IndicatorValue
            {
                IndicatorId = indicator.Id,
                Value = checks.Required(v.Value, $"{at}.value"),
                PeriodStart = checks.Required(v.PeriodStart, $"{at}.periodStart"),
                PeriodEnd = checks.Required(v.PeriodEnd, $"{at}.periodEnd"),
                SourceId = v.SourceId,
                ReportedOn = v.ReportedOn,
            };
            if (v.PeriodStart is not null && v.PeriodEnd is not null)
            {
                checks.AddRange(value.Check(at));
            }

            if (values.Any(o => (o.PeriodStart, o.PeriodEnd, o.SourceId) == (value.PeriodStart, value.PeriodEnd, value.SourceId)))
            {
                checks.Add(new RuleError(RuleCodes.Duplicate, at, $"'{at}' repeats the period and source of another value."));
            }

            values.Add(value);
        }

        indicator.Name = checks.Text(request.Name, "name");
        indicator.Unit = request.Unit?.Trim() ?? string.Empty;
        indicator.IsCurrency = request.IsCurrency ?? false;
        checks.AddRange(indicator.Check());
        checks.ThrowIfAny();

        indicator.JointBodyId = bodyId;
        indicator.TrackId = request.TrackId;
        indicator.SetVisibility(visibility, owner);
        indicator.Values.SyncWith(values, v => (v.PeriodStart, v.PeriodEnd, v.SourceId), (existing, wanted) => (existing.Value, existing.ReportedOn) = (wanted.Value, wanted.ReportedOn));
    }
}

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/indicators", "Indicators");
        group.MapGet("/", (Guid? jointBodyId, Guid? trackId, int? page, int? pageSize, string? sort, IndicatorsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, trackId, Paging.From(page, pageSize, sort), ct));
        group.MapRecordRoutes<IndicatorsHandler, Indicator, IndicatorRequest, IndicatorResponse>();
    }
}
