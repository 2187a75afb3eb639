using Entente.Data;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>
/// One list a form's reference field picks from, within a joint body (its tracks, its sessions, the
/// people of its parties). A feature registers the lists of its records with
/// <see cref="ChoiceSourceRegistration.AddChoiceSource{T}"/>; a field names one by <see cref="Name"/>.
/// The lists are read through the reader's data context, so they hold only what the reader may see.
/// </summary>
public interface IChoiceSource
{
    /// <summary>The name fields use to pick from this list: <c>tracks</c>.</summary>
    string Name { get; }

    /// <param name="partyIds">The body's parties, in the order the body names them.</param>
    Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct);
}

public static class ChoiceSourceRegistration
{
    public static IServiceCollection AddChoiceSource<T>(this IServiceCollection services)
        where T : class, IChoiceSource => services.AddSingleton<IChoiceSource, T>();
}

/// <summary>One choice: a record's id and name, and the party it belongs to when it belongs to one.</summary>
public sealed record BodyChoice(Guid Id, TextDto Name, Guid? PartyId);

/// <summary>
/// The choices a body's forms offer: always the body's parties (in the order the body names them),
/// and the lists a page asked for by name.
/// </summary>
public sealed class BodyChoices(IReadOnlyDictionary<string, IReadOnlyList<BodyChoice>> choices)
{
    /// <summary>The name of the body's own parties, which every page of a body has.</summary>
    public const string PartiesSource = "parties";

    public IReadOnlyList<BodyChoice> Of(string? source) => source is null ? [] : choices.GetValueOrDefault(source) ?? [];

    public TextDto? Name(string? source, string? id) =>
        Guid.TryParse(id, out var g) ? Name(source, g) : null;

    public TextDto? Name(string? source, Guid? id) => Of(source).FirstOrDefault(c => c.Id == id)?.Name;

    public IReadOnlyList<BodyChoice> Parties => Of(PartiesSource);

    public TextDto? Party(Guid? id) => Name(PartiesSource, id);
}

/// <summary>Loads a body's choices from the lists the features registered.</summary>
public sealed class BodyChoiceLoader(AppDbContext db, IEnumerable<IChoiceSource> sources)
{
    private readonly Dictionary<string, IChoiceSource> _byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The names of the lists that can be asked for.</summary>
    public IEnumerable<string> Names => _byName.Keys.Append(BodyChoices.PartiesSource);

    /// <summary>As <see cref="LoadAsync"/>; no such body (or none the reader may see) is a 404.</summary>
    public async Task<BodyChoices> RequireAsync(Guid bodyId, IEnumerable<string?> needed, CancellationToken ct) =>
        await LoadAsync(bodyId, needed, ct) ?? throw new ApiErrorException(new ApiError.NotFound("joint body", bodyId));

    /// <summary>Loads the lists named; null means no such body (or none the reader may see). A name no feature registered is a defect of the program, and throws.</summary>
    public async Task<BodyChoices?> LoadAsync(Guid bodyId, IEnumerable<string?> needed, CancellationToken ct)
    {
        var members = await db.JointBodies.AsNoTracking().Where(b => b.Id == bodyId).SelectMany(b => b.Members.Select(m => new { m.PartyId, m.Precedence })).ToListAsync(ct);
        if (members.Count == 0)
        {
            return null;
        }

        var partyIds = members.Select(m => m.PartyId).ToList();
        var parties = (await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Name.Ar, p.Name.En }).ToListAsync(ct))
            .OrderBy(p => members.First(m => m.PartyId == p.Id).Precedence).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var result = new Dictionary<string, IReadOnlyList<BodyChoice>>(StringComparer.Ordinal)
        {
            [BodyChoices.PartiesSource] = [.. parties.Select(p => new BodyChoice(p.Id, new TextDto(p.Ar, p.En), p.Id))],
        };
        IReadOnlyList<Guid> ordered = [.. parties.Select(p => p.Id)];
        foreach (var name in needed.OfType<string>().Distinct(StringComparer.Ordinal).Where(n => !result.ContainsKey(n)))
        {
            var source = _byName.GetValueOrDefault(name) ?? throw new InvalidOperationException($"No feature offers the choices '{name}'.");
            result[name] = await source.LoadAsync(db, bodyId, ordered, ct);
        }

        return new BodyChoices(result);
    }
}
