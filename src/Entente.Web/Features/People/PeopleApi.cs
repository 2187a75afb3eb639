using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.People;

public sealed record PersonNameDto(string? Language, string? Text, bool IsPreferred);

public sealed record PersonTitleDto(TextDto? Title, DateDto? From, DateDto? To);

/// <param name="Honorifics">Ranks and honorifics before the name, in the order written (Ambassador, Dr).</param>
/// <param name="PostNominals">Letters after the English name, in order (MP, CMG).</param>
public sealed record PersonRequest(Guid? PartyId, TextDto?[]? Honorifics, PersonNameDto?[]? Names, PersonTitleDto?[]? Titles, string?[]? PostNominals = null);

public sealed record PersonResponse(Guid Id, long Version, Guid? PartyId, IReadOnlyList<TextDto> Honorifics, IReadOnlyList<string> PostNominals, TextDto Name, IReadOnlyList<PersonNameDto> Names, IReadOnlyList<PersonTitleDto> Titles) : IVersioned
{
    /// <summary>The honorifics as one text per language, in order, or null when there are none (for readers; not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TextDto? Honorific => Honorifics.Count == 0
        ? null
        : new TextDto(string.Join(' ', Honorifics.Select(h => h.Ar).Where(t => !string.IsNullOrWhiteSpace(t))), string.Join(' ', Honorifics.Select(h => h.En).Where(t => !string.IsNullOrWhiteSpace(t))));
}

/// <summary>People who act for the parties, with every spelling of their names and their titles over time.</summary>
public sealed class PeopleHandler(AppDbContext db) : RecordHandler<Person, PersonRequest, PersonResponse>(db, "person")
{
    private static readonly Expression<Func<Person, PersonResponse>> AsResponse = p => new PersonResponse(
        p.Id,
        p.Version,
        p.PartyId,
        p.Honorifics.OrderBy(h => h.Position).Select(h => new TextDto(h.Text.Ar, h.Text.En)).ToList(),
        p.PostNominals,
        new TextDto(
            p.Names.Where(n => n.Language == "ar" && n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
            p.Names.Where(n => n.Language == "en" && n.IsPreferred).Select(n => n.Text).FirstOrDefault()),
        p.Names.OrderBy(n => n.Language).ThenByDescending(n => n.IsPreferred).Select(n => new PersonNameDto(n.Language, n.Text, n.IsPreferred)).ToList(),
        p.Titles.OrderBy(t => t.From).Select(t => new PersonTitleDto(new TextDto(t.Title.Ar, t.Title.En), DateDto.Of(t.From), DateDto.Of(t.To))).ToList());

    protected override Expression<Func<Person, PersonResponse>> Projection => AsResponse;

    protected override IQueryable<Person> ForUpdate => Db.People.Include(p => p.Names).Include(p => p.Titles).Include(p => p.Honorifics);

    /// <summary>
    /// Lists people, optionally of one party, or found by <paramref name="name"/>: a part of any recorded spelling
    /// (folded Arabic-aware, so that a name half typed is found), or its words as search finds names — written
    /// apart or as one («الجار الله»), transliterated alike (Khalid / Khaled, Cleverley / Cleverly).
    /// </summary>
    public Task<PageOf<PersonResponse>> ListAsync(Guid? partyId, string? name, Paging paging, CancellationToken ct)
    {
        var query = Db.People.AsNoTracking();
        query = query.WhereIf(partyId is not null, p => p.PartyId == partyId);

        // Arabic-aware: any recorded spelling matches whatever hamza, alef maqsura, ta marbuta, diacritics or digits the reader typed.
        if (Filters.Text(name, "name") is { } needle && SearchText.Fold(needle) is { Length: > 0 } folded)
        {
            var pattern = Filters.Anywhere(folded);
            var words = Entente.Data.Search.SearchQuery.Parse(needle);
            if (words.IsEmpty)
            {
                query = query.Where(p => p.Names.Any(n => EF.Functions.Like(n.SearchText, pattern, Filters.LikeEscape)));
            }
            else
            {
                var found = Entente.Data.Search.SearchReader.RecordIds(Db, words, null, "person");
                query = query.Where(p => p.Names.Any(n => EF.Functions.Like(n.SearchText, pattern, Filters.LikeEscape)) || found.Contains(p.Id));
            }
        }

        return PageAsync(query.OrderBy(p => p.Id), paging, ct);
    }

    protected override Person New() => new Person();

    protected override async Task ApplyAsync(Person person, PersonRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        await new References(Db, checks).ExistsAsync<Party>(request.PartyId, "partyId", ct);
        var names = checks.Entries(request.Names, "names").Select(e => new PersonName
        {
            PersonId = person.Id,
            Language = e.Item.Language?.Trim() ?? string.Empty,
            Text = e.Item.Text?.Trim() ?? string.Empty,
            IsPreferred = e.Item.IsPreferred,
        }).ToList();
        var titles = checks.Entries(request.Titles, "titles").Select(e => new PersonTitle
        {
            PersonId = person.Id,
            Title = new BilingualText(e.Item.Title?.Ar?.Trim() ?? string.Empty, e.Item.Title?.En?.Trim() ?? string.Empty),
            From = checks.Date(e.Item.From, $"titles[{e.Index}].from"),
            To = checks.Date(e.Item.To, $"titles[{e.Index}].to"),
        }).ToList();
        var honorifics = checks.Entries(request.Honorifics, "honorifics", Person.MaxHonorifics).Select(e => new PersonHonorific
        {
            PersonId = person.Id,
            Position = e.Index,
            Text = new BilingualText(e.Item.Ar?.Trim() ?? string.Empty, e.Item.En?.Trim() ?? string.Empty),
        }).ToList();
        var postNominals = checks.Entries(request.PostNominals, "postNominals", Person.MaxHonorifics).Select(e => e.Item.Trim()).ToList();
        checks.AddRange(new Person { Names = names, Titles = titles, Honorifics = honorifics, PostNominals = postNominals }.Check());
        checks.ThrowIfAny();

        person.PartyId = request.PartyId;
        person.PostNominals = postNominals;
        person.Honorifics.SyncWith(honorifics, h => h.Position, (existing, wanted) => existing.Text = wanted.Text);
        person.Names.SyncWith(names, n => (n.Language, n.Text), (existing, wanted) => existing.IsPreferred = wanted.IsPreferred);
        person.Titles.SyncWith(titles, t => (t.Title.Ar, t.Title.En, t.From?.ToString(), t.To?.ToString()));
    }
}

public static class PeopleApi
{
    public static void MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapApiGroup("/api/people", "People");
        people.MapGet("/", (Guid? partyId, string? name, string? q, int? page, int? pageSize, PeopleHandler h, CancellationToken ct) =>
            h.ListAsync(partyId, name, Paging.From(page, pageSize, null, q), ct));
        people.MapRecordRoutes<PeopleHandler, Person, PersonRequest, PersonResponse>();
    }
}
