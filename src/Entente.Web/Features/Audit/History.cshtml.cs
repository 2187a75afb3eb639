using System.Globalization;
using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Features.Audit;

/// <summary>One field a change of the history touched, as a person reads it: its label, its value before and after (null where there was none).</summary>
public sealed record HistoryChange(string Field, string? Before, string? After);

/// <summary>One change of a record's history in words: when, by whom, what (created, changed, an owner added…), and which fields.</summary>
public sealed record HistoryLine(DateTime At, string Who, string What, IReadOnlyList<HistoryChange> Changes, AuditEntryResponse Entry);

/// <summary>
/// A record's history from the audit chain, within what the reader may see, read like a document's
/// history: the record named and linked, each change by whom and when, what it changed in words and
/// values in the reader's language; the chain's own before and after stay one click away for auditors.
/// </summary>
public sealed class HistoryModel(AuditHandler audit, AppDbContext db, Reader reader, IStringLocalizer<SharedResources> text, RecordPageSpecs specs) : EntentePage
{
    /// <summary>Before/after as people read them: indented, Arabic as itself rather than \u escapes (the page encodes it for HTML).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Columns a person never needs to read in a history: keys, versions, stamps, derived text.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "id", "version", "createdAt", "updatedAt", "searchText", "jointBodyId", "sequence", "concurrencyStamp", "securityStamp", "passwordHash",
    };

    private readonly Dictionary<Guid, string?> _names = [];

    public Guid RecordId { get; private set; }

    public PageOf<AuditEntryResponse> Entries { get; private set; } = new([], 0, 1, 100);

    public IReadOnlyList<HistoryLine> Lines { get; private set; } = [];

    /// <summary>The record's name as it stands last in its history (its title, its name, a session's number).</summary>
    public string? Title { get; private set; }

    /// <summary>The record's kind in words ("Action item").</summary>
    public string Noun { get; private set; } = string.Empty;

    /// <summary>The record's own page, when it has one.</summary>
    public string? Href { get; private set; }

    public async Task OnGetAsync(Guid recordId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        RecordId = recordId;
        Entries = await audit.HistoryAsync(recordId, null, Paging.From(Math.Max(1, page ?? 1), 100), ct);
        if (Entries.Total == 0)
        {
            throw new ApiErrorException(new ApiError.NotFound("record", recordId));
        }

        var key = recordId.ToString("D");
        var own = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == key).OrderByDescending(a => a.Sequence)
            .Select(a => new { a.EntityType, a.After, a.Before }).FirstOrDefaultAsync(ct);
        var rootType = own?.EntityType ?? Entries.Items[0].EntityType;
        Noun = NounOf(rootType);
        var last = own is null ? null : JsonNode.Parse(own.After ?? own.Before ?? "{}") as JsonObject;
        Title = last is null ? null : TitleOf(rootType, last);
        Href = HrefOf(rootType, recordId, last);
        var lines = new List<HistoryLine>();
        foreach (var e in Entries.Items)
        {
            var root = e.EntityKey == key;
            var verb = (e.Action, root) switch
            {
                (AuditAction.Create, true) => "ui.history.created",
                (AuditAction.Create, false) => "ui.history.added",
                (AuditAction.Delete, true) => "ui.history.deleted",
                (AuditAction.Delete, false) => "ui.history.removed",
                _ => "ui.history.changed",
            };
            lines.Add(new HistoryLine(e.At, await WhoAsync(e.Actor, ct), string.Format(CultureInfo.CurrentCulture, text[verb], NounOf(e.EntityType)), await ChangesAsync(e, ct), e));
        }

        Lines = lines;
    }

    private async Task<IReadOnlyList<HistoryChange>> ChangesAsync(AuditEntryResponse e, CancellationToken ct)
    {
        var before = e.Before as JsonObject ?? [];
        var after = e.After as JsonObject ?? [];
        var type = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == e.EntityType);
        var changes = new List<HistoryChange>();
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(n => !Bookkeeping.Contains(n)))
        {
            var (was, now) = (before[name], after[name]);
            if (JsonNode.DeepEquals(was, now) || (e.Action != AuditAction.Update && (was ?? now) is null))
            {
                continue;
            }

            // A row's link to its record (an owner's item) is the record this history is of: it goes without saying.
            if (e.Action != AuditAction.Update && (was ?? now) is JsonValue link && link.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)link == RecordId.ToString("D"))
            {
                continue;
            }

            // A person's title in a role (a co-chair, a signatory) is their position, not a document's title.
            var label = name == "title" && (before.ContainsKey("personId") || after.ContainsKey("personId")) ? text["ui.role.title"].Value : LabelFor(name);
            changes.Add(new HistoryChange(label, await ShowAsync(type, name, was, ct), await ShowAsync(type, name, now, ct)));
        }

        return changes;
    }

    /// <summary>A stored value in the reader's words: a text in their language, a date in their calendar, a choice by its name, a linked record by its name.</summary>
    private async Task<string?> ShowAsync(IEntityType? type, string name, JsonNode? value, CancellationToken ct)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject bilingual when bilingual.ContainsKey("ar") || bilingual.ContainsKey("en"):
                return reader.Text(new TextDto((string?)bilingual["ar"], (string?)bilingual["en"]));
            case JsonObject other:
                return string.Join(" · ", other.Where(p => p.Value is not null).Select(p => p.Value!.ToString()));
        }

        var raw = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString();
        var clr = type?.FindProperty(Pascal(name))?.ClrType;
        clr = clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
        if (value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
        {
            return text[(bool)value ? "ui.yes" : "ui.no"];
        }

        if (clr is { IsEnum: true })
        {
            return reader.Name(clr, EnumText.Policy.ConvertName(raw));
        }

        if (clr == typeof(Guid) && Guid.TryParse(raw, out var id))
        {
            return await NameOfAsync(id, ct) ?? text["ui.history.another-record"];
        }

        if (clr == typeof(DateOnly) && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return reader.Date(day);
        }

        if (clr == typeof(DateTime) && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return reader.Instant(instant);
        }

        if (clr == typeof(PartialDate))
        {
            try
            {
                return reader.Date(PartialDate.Parse(raw));
            }
            catch (FormatException)
            {
                return raw;
            }
        }

        if (clr is not null && (clr == typeof(int) || clr == typeof(long) || clr == typeof(decimal)) && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return reader.Digits(number.ToString(CultureInfo.InvariantCulture));
        }

        return raw;
    }

    /// <summary>The name of a record a row points at, among the kinds a history names (a party, an institution, a person, a track, a session, an agreement, a plan, a document).</summary>
    private async Task<string?> NameOfAsync(Guid id, CancellationToken ct)
    {
        if (_names.TryGetValue(id, out var known))
        {
            return known;
        }

        TextDto? name = await db.Parties.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Name.Ar, x.Name.En)).FirstOrDefaultAsync(ct)
            ?? await db.Institutions.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Name.Ar, x.Name.En)).FirstOrDefaultAsync(ct)
            ?? await db.Tracks.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Name.Ar, x.Name.En)).FirstOrDefaultAsync(ct)
            ?? await db.Agreements.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Title.Ar, x.Title.En)).FirstOrDefaultAsync(ct)
            ?? await db.ActionPlans.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Title.Ar, x.Title.En)).FirstOrDefaultAsync(ct)
            ?? await db.Documents.AsNoTracking().Where(x => x.Id == id).Select(x => new TextDto(x.Title.Ar, x.Title.En)).FirstOrDefaultAsync(ct);
        if (name is null && await db.Sessions.AsNoTracking().Where(x => x.Id == id).Select(x => (int?)x.Number).FirstOrDefaultAsync(ct) is { } number)
        {
            name = new TextDto(null, null);
            _names[id] = string.Format(CultureInfo.CurrentCulture, text["ui.session.numbered"], reader.Number(number));
            return _names[id];
        }

        if (name is null && await db.People.AsNoTracking().Where(x => x.Id == id).SelectMany(x => x.Names).OrderByDescending(n => n.IsPreferred).Select(n => new { n.Language, n.Text }).ToListAsync(ct) is { Count: > 0 } names)
        {
            name = new TextDto(names.FirstOrDefault(n => n.Language == "ar")?.Text, names.FirstOrDefault(n => n.Language == "en")?.Text);
        }

        return _names[id] = name is null ? null : reader.Text(name);
    }

    /// <summary>Who made a change: the account's display name when it has one, the program itself in words, else the address it signed in with.</summary>
    private async Task<string> WhoAsync(string actor, CancellationToken ct)
    {
        // People and jobs act under an address; the program's own work (the demo data, a migration, a rebuild) under its name.
        if (!actor.Contains('@', StringComparison.Ordinal))
        {
            return text["ui.history.system"];
        }

        return await LastChanges.ActorNameAsync(db, actor, ct) ?? (actor.StartsWith("job:", StringComparison.Ordinal) ? actor[4..] : actor);
    }

    private string NounOf(string entityType) =>
        text["ui.history.noun." + entityType] is { ResourceNotFound: false } noun ? noun.Value : Words(entityType.Split('`')[0]);

    private string LabelFor(string name) =>
        FieldLabels.Of(text, name)
        ?? (FieldLabels.Stem(name) is { } stem && text["ui.history.field." + stem] is { ResourceNotFound: false } own ? own.Value : FieldLabels.Stem(name)?.Replace('-', ' ') ?? Words(name));

    private string? TitleOf(string entityType, JsonObject snapshot)
    {
        foreach (var key in new[] { "title", "name" })
        {
            if (snapshot[key] is JsonObject t)
            {
                return reader.Text(new TextDto((string?)t["ar"], (string?)t["en"]));
            }
        }

        return entityType == nameof(Session) && snapshot["number"] is { } number
            ? string.Format(CultureInfo.CurrentCulture, text["ui.session.numbered"], reader.Number((long)number))
            : null;
    }

    private string? HrefOf(string entityType, Guid id, JsonObject? snapshot)
    {
        if (specs.All.FirstOrDefault(s => s.EntityType.Name == entityType) is { } spec)
        {
            return $"/{spec.Kind}/{id:D}";
        }

        return entityType switch
        {
            nameof(ActionItem) => $"/action-items/{id:D}",
            nameof(JointBody) => $"/bodies/{id:D}",
            nameof(AgendaItem) => $"/agenda-items/{id:D}",
            nameof(JointStatement) when snapshot?["sessionId"] is { } session => $"/sessions/{(string?)session}/statement",
            _ => null,
        };
    }

    private static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    /// <summary>A code name as words, the last resort of a label ("percentComplete" → "percent complete").</summary>
    private static string Words(string camel) => EnumText.Policy.ConvertName(camel).Replace('-', ' ');
}
