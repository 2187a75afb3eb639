using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Indicators;

/// <param name="Id">The value's id, on output (claims may cite one value).</param>
/// <param name="Period">The period as precisely as known, when it is a year (<c>{"year": 2019}</c>) or a month; its first and last day are then the period's bounds.</param>
/// <param name="Qualifier">How exactly the figure is known: <c>exact</c> (the default), <c>about</c>, <c>over</c>, <c>at-least</c>, <c>up-to</c>, <c>under</c>.</param>
/// <param name="Each">The figure is each party's alike ("USD 1.5 million each").</param>
/// <param name="PartyId">The party whose share the figure is.</param>
public sealed record IndicatorValueDto(
    decimal? Value,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    Guid? SourceId,
    DateOnly? ReportedOn,
    Guid? Id = null,
    DateDto? Period = null,
    string? Qualifier = null,
    bool? Each = null,
    Guid? PartyId = null);

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
        i.Values.OrderBy(v => v.PeriodStart).ThenBy(v => v.PartyId).Select(v => new IndicatorValueDto(v.Value, v.PeriodStart, v.PeriodEnd, v.SourceId, v.ReportedOn, v.Id, DateDto.Of(v.Period), Names.Kebab(v.Qualifier), v.Each, v.PartyId)).ToList(),
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

            refs.Member(parties, v.PartyId, $"{at}.partyId");
            var period = checks.Date(v.Period, $"{at}.period");
            var value = new IndicatorValue
            {
                IndicatorId = indicator.Id,
                Value = checks.Required(v.Value, $"{at}.value"),
                PeriodStart = v.PeriodStart,
                PeriodEnd = v.PeriodEnd,
                Period = period,
                Qualifier = checks.Enum<FigureQualifier>(v.Qualifier, $"{at}.qualifier") ?? FigureQualifier.Exact,
                Each = v.Each ?? false,
                PartyId = v.PartyId,
                SourceId = v.SourceId,
                ReportedOn = v.ReportedOn,
            };
            if (period is not null && IndicatorValue.BoundsOf(period) is { } bounds)
            {
                // A year or a month stands for its days; bounds sent back as read agree with it, others are refused.
                if ((v.PeriodStart is { } start && start != bounds.Start) || (v.PeriodEnd is { } end && end != bounds.End))
                {
                    checks.Add(new RuleError(RuleCodes.Mismatch, $"{at}.periodStart", $"'{at}.periodStart' and '{at}.periodEnd' are the first and last day of '{at}.period' when it is given: leave them out."));
                }

                (value.PeriodStart, value.PeriodEnd) = (bounds.Start, bounds.End);
            }

            checks.AddRange(value.Check(at));
            if (values.Any(o => (o.PeriodStart, o.PeriodEnd, o.SourceId, o.PartyId) == (value.PeriodStart, value.PeriodEnd, value.SourceId, value.PartyId)))
            {
                checks.Add(new RuleError(RuleCodes.Duplicate, at, $"'{at}' repeats the period, party and source of another value."));
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
        indicator.Values.SyncWith(values, v => (v.PeriodStart, v.PeriodEnd, v.SourceId, v.PartyId), (existing, wanted) =>
            (existing.Value, existing.ReportedOn, existing.Qualifier, existing.Each, existing.Period) = (wanted.Value, wanted.ReportedOn, wanted.Qualifier, wanted.Each, wanted.Period));
    }
}

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/indicators", "Indicators");
        group.MapGet("/", (Guid? jointBodyId, Guid? trackId, string? q, int? page, int? pageSize, string? sort, IndicatorsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, trackId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<IndicatorsHandler, Indicator, IndicatorRequest, IndicatorResponse>();
    }
}
