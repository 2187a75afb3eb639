using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entente.Web.Infrastructure;

/// <summary>How a field is typed into a form and shown on a page.</summary>
public enum FieldKind
{
    /// <summary>A short bilingual text (<c>{ar, en}</c>): two inputs side by side.</summary>
    Title,

    /// <summary>A long bilingual text: two text areas side by side.</summary>
    Prose,

    /// <summary>A plain text in no particular language (a unit, a code).</summary>
    Plain,

    /// <summary>A whole date, typed yyyy-mm-dd.</summary>
    Date,

    /// <summary>A date of which only the year, or year and month, may be known: yyyy, yyyy-mm or yyyy-mm-dd.</summary>
    PartialDate,

    /// <summary>One value of an enum, by its kebab-case name.</summary>
    Enum,

    /// <summary>The id of one record of the body (a track, a session…), or none.</summary>
    Reference,

    /// <summary>Ids of several records (institutions, parties).</summary>
    References,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Flag,

    /// <summary>
    /// People in a role, one row per slot (a session's co-chairs): each a party, a person of the
    /// body's parties and the title the person held then, in both languages.
    /// </summary>
    PeopleInRoles,

    /// <summary>An indicator's figures: one row per period (value, first and last day).</summary>
    Values,

    /// <summary>Institutions in a role, one row per slot (an agreement's: a fund as its funder, an agency as a party to it).</summary>
    InstitutionRoles,

    /// <summary>A time of day on the 24-hour clock, hh:mm (a native time input; Arabic-Indic digits accepted).</summary>
    Time,

    /// <summary>An IANA time zone (Asia/Kuwait), picked from a list.</summary>
    TimeZone,
}

/// <summary>
/// One field of a record's pages. <see cref="Path"/> is the API's name of the field (the JSON
/// property of the request and response), so that the API's broken rules land next to it.
/// </summary>
public sealed record FieldSpec(string Path, string Label, FieldKind Kind)
{
    public Type? EnumType { get; init; }

    /// <summary>The name of the <see cref="IChoiceSource"/> a reference field picks from (<c>tracks</c>), or null.</summary>
    public string? Choices { get; init; }

    /// <summary>Shown as a column of the list.</summary>
    public bool InList { get; init; }

    /// <summary>Offered as a filter of the list (the API's list parameter of the same name).</summary>
    public string? Filter { get; init; }

    /// <summary>Where the response holds the value when it is not under <see cref="Path"/> (a list of objects whose ids the request takes).</summary>
    public Func<JsonObject, JsonNode?>? Read { get; init; }

    /// <summary>
    /// The rows a field of rows (<see cref="HasRows"/>) offers at least; a record with more shows
    /// them all and one empty row more, and a form may post as many as <see cref="MaxRows"/>.
    /// </summary>
    public int Slots { get; init; } = 2;

    /// <summary>The most rows one field of a form takes: a post naming a row past it is refused.</summary>
    public const int MaxRows = 500;

    /// <summary>Whether the field is typed as rows of inputs (people in roles, figures, institutions in roles).</summary>
    public bool HasRows => Kind is FieldKind.PeopleInRoles or FieldKind.Values or FieldKind.InstitutionRoles;

    /// <summary>Whether an input (or an error's path) belongs to this field: its path itself, a language of it, or a row of it.</summary>
    public bool Owns(string input) => input == Path
        || (input.StartsWith(Path, StringComparison.Ordinal) && input.Length > Path.Length && input[Path.Length] is '.' or '[');

    /// <summary>
    /// The rows of this field among the inputs named (a form's keys): one past the highest row
    /// named, at least <see cref="Slots"/>; 0 for a field without rows.
    /// </summary>
    public int RowsIn(IEnumerable<string> names)
    {
        if (!HasRows)
        {
            return 0;
        }

        var highest = -1;
        foreach (var name in names)
        {
            if (name.Length > Path.Length + 2 && name.StartsWith(Path, StringComparison.Ordinal) && name[Path.Length] == '['
                && name.IndexOf(']', Path.Length) is var close and > 0
                && int.TryParse(name.AsSpan(Path.Length + 1, close - Path.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                highest = Math.Max(highest, row);
            }
        }

        return Math.Max(Slots, highest + 1);
    }

    /// <summary>The inputs of one row of this field of rows.</summary>
    public string[] RowInputs(int slot) => Kind switch
    {
        FieldKind.PeopleInRoles => RoleInputs(slot),
        FieldKind.Values => ValueInputs(slot),
        FieldKind.InstitutionRoles => InstitutionInputs(slot),
        _ => [],
    };

    /// <summary>
    /// Whether a row holds nothing: a figure with no value and no period (whatever its qualifier
    /// says), an institution not chosen, a person's row with nothing but a party (each party is offered its own row).
    /// </summary>
    public bool IsBlankRow(Func<string, string> value, int slot)
    {
        var inputs = RowInputs(slot);
        return Kind switch
        {
            FieldKind.Values => inputs[..3].All(i => value(i).Trim().Length == 0),
            FieldKind.InstitutionRoles => value(inputs[0]).Length == 0,
            FieldKind.PeopleInRoles => inputs.Skip(1).All(i => value(i).Trim().Length == 0),
            _ => false,
        };
    }

    /// <summary>For a <see cref="FieldKind.Flag"/>: the value may be unknown (null), offered as a third choice.</summary>
    public bool MayBeUnknown { get; init; }

    /// <summary>
    /// For a <see cref="FieldKind.PeopleInRoles"/> field whose people may act for an institution (an
    /// agreement's signatories): the <see cref="IChoiceSource"/> of those institutions; null otherwise.
    /// </summary>
    public string? Institutions { get; init; }

    /// <summary>The names of the inputs of this field, as the form posts them.</summary>
    public IEnumerable<string> Inputs => InputsFor(Slots);

    /// <summary>The names of the inputs of this field with so many rows (for a field of rows).</summary>
    public IEnumerable<string> InputsFor(int rows) => Kind switch
    {
        FieldKind.Title or FieldKind.Prose => [Path + ".ar", Path + ".en"],
        FieldKind.PeopleInRoles or FieldKind.Values or FieldKind.InstitutionRoles => Enumerable.Range(0, rows).SelectMany(RowInputs),
        _ => [Path],
    };

    /// <summary>
    /// The inputs of one row of a <see cref="FieldKind.Values"/> field: the figure, the period's first
    /// day (or its year or month, alone: yyyy, yyyy-mm), its last day, and how exactly the figure is known.
    /// </summary>
    public string[] ValueInputs(int slot) => [$"{Path}[{slot}].value", $"{Path}[{slot}].periodStart", $"{Path}[{slot}].periodEnd", $"{Path}[{slot}].qualifier"];

    /// <summary>The inputs of one row of a <see cref="FieldKind.InstitutionRoles"/> field: the institution and its role.</summary>
    public string[] InstitutionInputs(int slot) => [$"{Path}[{slot}].institutionId", $"{Path}[{slot}].role"];

    /// <summary>The inputs of one row of a <see cref="FieldKind.PeopleInRoles"/> field: party, person, title in Arabic and in English.</summary>
    public string[] RoleInputs(int slot) => Institutions is null
        ? [$"{Path}[{slot}].partyId", $"{Path}[{slot}].personId", $"{Path}[{slot}].title.ar", $"{Path}[{slot}].title.en"]
        : [$"{Path}[{slot}].partyId", $"{Path}[{slot}].personId", $"{Path}[{slot}].title.ar", $"{Path}[{slot}].title.en", $"{Path}[{slot}].institutionId"];

    /// <summary>The keys under which a row's stored person's name is kept for the form (not inputs): a person the choices do not offer is still shown.</summary>
    public string[] RoleNameKeys(int slot) => [$"{Path}[{slot}].name.ar", $"{Path}[{slot}].name.en"];
}

/// <summary>
/// The pages of one kind of record of a joint body (list, details, new, edit), described once:
/// its fields and the handler calls behind them. The pages call the same handlers as the API, and
/// go through the same JSON shapes, so a page can do no more and no less than the API allows.
/// </summary>
public abstract class RecordPageSpec
{
    /// <summary>The route segment and the key of the pages' strings: <c>obstacles</c>.</summary>
    public abstract string Kind { get; }

    public abstract IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The API's request of a create or replace, whose JSON names the fields' paths are.</summary>
    public abstract Type RequestType { get; }

    /// <summary>The API's answer, from which the pages read the fields.</summary>
    public abstract Type ResponseType { get; }

    /// <summary>The stored record's type, as the audit chain names it.</summary>
    public abstract Type EntityType { get; }

    /// <summary>The field that names a record in lists and headings.</summary>
    public virtual string TitlePath => Fields[0].Path;

    /// <summary>Whether the record's handler refuses every change once its session (<c>sessionId</c>) is concluded (SessionGuard): its pages then offer none.</summary>
    public virtual bool LockedWithItsSession => false;

    /// <summary>A key of the strings that frames the title field's value in headings (a session: "Session {0}"); null shows the value alone.</summary>
    public virtual string? HeadingFormat => null;

    /// <summary>The links a record's page offers besides editing, its history and its list (a session's agenda, a plan's exports).</summary>
    /// <param name="record">The record as the API answers it.</param>
    /// <param name="language">The reader's language, for links to documents made in it.</param>
    public virtual IEnumerable<RecordLink> Links(JsonObject record, string language) => [];

    /// <summary>The records of other kinds the record's page lists below its facts (a session's meetings and plans).</summary>
    public virtual IReadOnlyList<RelatedList> Related => [];

    /// <summary>
    /// The links of a record's page, knowing the stored records around it (a session offers to propose the
    /// next one only while there is none); <see cref="Links"/> unless a kind needs more.
    /// </summary>
    public virtual Task<IReadOnlyList<RecordLink>> LinksAsync(IServiceProvider services, JsonObject record, string language, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecordLink>>([.. Links(record, language)]);

    /// <summary>A partial view the record's page shows below its facts (a document's files, an indicator's figures), or null.</summary>
    public virtual string? DetailsPartial => null;

    /// <summary>Whether the record has joint / national visibility of its own.</summary>
    public virtual bool HasVisibility => true;

    /// <summary>The orders the list offers: its columns that can be sorted, then the last change.</summary>
    public abstract IReadOnlyList<string> SortKeys { get; }

    /// <summary>Whether the request names the joint body (most do; a meeting names its session instead).</summary>
    public virtual bool TakesBodyId => true;

    public abstract Task<(IReadOnlyList<JsonObject> Items, int Total)> ListAsync(IServiceProvider services, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct);

    public abstract Task<JsonObject> GetAsync(IServiceProvider services, Guid id, CancellationToken ct);

    public abstract Task<JsonObject> CreateAsync(IServiceProvider services, JsonObject request, CancellationToken ct);

    public abstract Task<JsonObject> UpdateAsync(IServiceProvider services, long version, Guid id, JsonObject request, CancellationToken ct);
}

/// <summary>A link of a record's page: where it goes, the key of its label, and the test id it carries.</summary>
public sealed record RecordLink(string Href, string Label, string TestId);

/// <summary>A <see cref="RecordPageSpec"/> on a feature's <see cref="RecordHandler{T, TRequest, TResponse}"/>.</summary>
public abstract class RecordPageSpec<THandler, T, TRequest, TResponse> : RecordPageSpec
    where THandler : RecordHandler<T, TRequest, TResponse>
    where T : Entity
    where TResponse : class, IVersioned
{
    public sealed override Type RequestType => typeof(TRequest);

    public sealed override Type ResponseType => typeof(TResponse);

    public sealed override Type EntityType => typeof(T);

    public override IReadOnlyList<string> SortKeys =>
        [.. Fields.Where(f => f.InList).Select(f => f.Path).Intersect(Sorting.KeysOf(typeof(T))).Append("updated").Distinct()];

    /// <summary>The feature's own list call for a body, with the filters the list offers.</summary>
    protected abstract Task<PageOf<TResponse>> ListAsync(THandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct);

    public sealed override async Task<(IReadOnlyList<JsonObject> Items, int Total)> ListAsync(IServiceProvider services, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct)
    {
        var page = await ListAsync(services.GetRequiredService<THandler>(), bodyId, filters, paging, ct);
        return ([.. page.Items.Select(i => ToJson(services, i))], page.Total);
    }

    public sealed override async Task<JsonObject> GetAsync(IServiceProvider services, Guid id, CancellationToken ct) =>
        ToJson(services, await services.GetRequiredService<THandler>().GetAsync(id, ct));

    public sealed override async Task<JsonObject> CreateAsync(IServiceProvider services, JsonObject request, CancellationToken ct) =>
        ToJson(services, await services.GetRequiredService<THandler>().CreateAsync(FromJson(services, request), ct));

    public sealed override async Task<JsonObject> UpdateAsync(IServiceProvider services, long version, Guid id, JsonObject request, CancellationToken ct) =>
        ToJson(services, await services.GetRequiredService<THandler>().UpdateAsync(version, id, FromJson(services, request), ct));

    private static JsonObject ToJson(IServiceProvider services, TResponse response) =>
        JsonSerializer.SerializeToNode(response, Options(services))!.AsObject();

    private static TRequest FromJson(IServiceProvider services, JsonObject request)
    {
        try
        {
            // The form starts from the record as read, whose answer holds more than a request takes (ids, names, stamps).
            var options = Options(services);
            return Prune(options, typeof(TRequest), request.DeepClone()).Deserialize<TRequest>(options)
                ?? throw new ApiErrorException(new ApiError.BadRequest("body-required", string.Empty, "The form is empty."));
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? string.Empty).TrimStart('$', '.');
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, field, $"'{field}' has a value of the wrong kind.")]));
        }
    }

    private static JsonSerializerOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>Keeps of a JSON value only the members <paramref name="type"/> takes, in its objects and lists at any depth.</summary>
    private static JsonNode? Prune(JsonSerializerOptions options, Type type, JsonNode? node)
    {
        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        switch (node)
        {
            case JsonObject obj when info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object:
                var properties = info.Properties.ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal);
                foreach (var (name, value) in obj.ToList())
                {
                    if (!properties.TryGetValue(name, out var propertyType))
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        Prune(options, propertyType, value);
                    }
                }

                break;
            case JsonArray list when info is { Kind: System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable, ElementType: { } element }:
                foreach (var item in list)
                {
                    Prune(options, element, item);
                }

                break;
        }

        return node;
    }

    /// <summary>A filter value as an id, or null.</summary>
    protected static Guid? IdOf(IReadOnlyDictionary<string, string?> filters, string key) =>
        filters.TryGetValue(key, out var v) && Guid.TryParse(v, out var id) ? id : null;

    protected static string? TextOf(IReadOnlyDictionary<string, string?> filters, string key) =>
        filters.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}

/// <summary>How a feature offers the pages of its kind of record.</summary>
public static class RecordPageRegistration
{
    public static IServiceCollection AddRecordPages(this IServiceCollection services, RecordPageSpec spec) => services.AddSingleton(spec);
}

/// <summary>The record pages the program offers, by <see cref="RecordPageSpec.Kind"/>.</summary>
public sealed class RecordPageSpecs(IEnumerable<RecordPageSpec> specs)
{
    private readonly Dictionary<string, RecordPageSpec> _byKind = specs.ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public RecordPageSpec? Find(string kind) => _byKind.GetValueOrDefault(kind);

    public IEnumerable<RecordPageSpec> All => _byKind.Values;

    /// <summary>The route constraint that admits exactly the kinds registered here.</summary>
    public static string KindsPattern(IEnumerable<string> kinds) => "^(" + string.Join('|', kinds) + ")$";
}

/// <summary>
/// A record's form as the page posts it: the values of its inputs by name (the API's field
/// names, <c>title.ar</c>), turned into the API's JSON request, and back from its JSON response.
/// </summary>
public sealed class RecordForm
{
    public RecordForm(Dictionary<string, string> values) => Values = values;

    /// <summary>Each input's value; several ids are kept comma-separated in order.</summary>
    public Dictionary<string, string> Values { get; }

    public string this[string input] => Values.GetValueOrDefault(input) ?? string.Empty;

    /// <summary>The rows of a field of rows this form holds (at least the field's <see cref="FieldSpec.Slots"/>).</summary>
    public int Rows(FieldSpec field) => field.RowsIn(Values.Keys);

    /// <summary>The inputs of a field as this form holds them (all its rows).</summary>
    public IEnumerable<string> InputsOf(FieldSpec field) => field.InputsFor(Rows(field));

    /// <summary>
    /// The form as posted. A field of rows is read with as many rows as the post names (up to
    /// <see cref="FieldSpec.MaxRows"/>, past which the request is refused), its filled rows first and
    /// in order, so that a rule broken in the n-th row the API reads is shown on the n-th row.
    /// </summary>
    public static RecordForm FromPost(RecordPageSpec spec, IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            // A post naming rows past the most is read one row past it, which the request refuses.
            foreach (var input in field.InputsFor(Math.Min(field.RowsIn(form.Keys), FieldSpec.MaxRows + 1)))
            {
                values[input] = field.Kind == FieldKind.References
                    ? string.Join(",", form[input].Where(v => Guid.TryParse(v, out _)).Order(StringComparer.Ordinal))
                    : field.Kind == FieldKind.Flag && field.MayBeUnknown ? (form[input].ToString() is "true" or "false" ? form[input].ToString() : string.Empty)
                    : field.Kind == FieldKind.Flag ? (form[input].Contains("true") ? "true" : "false") : form[input].ToString();
            }
        }

        // A blank row posts its selects' first choices (a figure's qualifier, a party): it is still blank, and goes after the filled ones.
        foreach (var field in spec.Fields.Where(f => f.HasRows))
        {
            var rows = Enumerable.Range(0, field.RowsIn(values.Keys)).ToList();
            var filled = rows.Where(slot => !field.IsBlankRow(i => values.GetValueOrDefault(i) ?? string.Empty, slot))
                .Select(slot => field.RowInputs(slot).Select(i => values[i]).ToArray()).ToList();
            foreach (var slot in rows)
            {
                var inputs = field.RowInputs(slot);
                for (var i = 0; i < inputs.Length; i++)
                {
                    values[inputs[i]] = slot < filled.Count ? filled[slot][i] : string.Empty;
                }
            }
        }

        if (spec.HasVisibility)
        {
            values["visibility"] = form["visibility"].ToString() == "national" ? "national" : "joint";
        }

        return new RecordForm(values);
    }

    public static RecordForm FromRecord(RecordPageSpec spec, JsonObject record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            var node = field.Read is { } read ? read(record) : record[field.Path];
            switch (field.Kind)
            {
                case FieldKind.Title or FieldKind.Prose:
                    values[field.Path + ".ar"] = node?["ar"]?.GetValue<string>() ?? string.Empty;
                    values[field.Path + ".en"] = node?["en"]?.GetValue<string>() ?? string.Empty;
                    break;
                case FieldKind.PartialDate:
                    values[field.Path] = PartialText(node);
                    break;
                case FieldKind.References:
                    values[field.Path] = node is JsonArray ids ? string.Join(",", ids.Select(i => i?.GetValue<string>()).Where(i => i is not null).Order(StringComparer.Ordinal)) : string.Empty;
                    break;
                case FieldKind.Flag:
                    values[field.Path] = node is null && field.MayBeUnknown ? string.Empty : node?.GetValue<bool>() == true ? "true" : "false";
                    break;
                case FieldKind.Values:
                    var figures = node as JsonArray ?? [];
                    for (var i = 0; i < Math.Max(field.Slots, figures.Count + 1); i++)
                    {
                        var figure = i < figures.Count ? figures[i] : null;
                        var inputs = field.ValueInputs(i);
                        values[inputs[0]] = figure?["value"] is { } v ? v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture) : string.Empty;
                        // A figure of a year or a month shows that year or month alone.
                        var known = figure?["period"] is JsonObject p && p["day"] is null ? p["text"]?.GetValue<string>()?.Split(' ')[0] : null;
                        values[inputs[1]] = known ?? figure?["periodStart"]?.GetValue<string>() ?? string.Empty;
                        values[inputs[2]] = known is null ? figure?["periodEnd"]?.GetValue<string>() ?? string.Empty : string.Empty;
                        values[inputs[3]] = figure is null ? string.Empty : figure["qualifier"]?.GetValue<string>() ?? "exact";
                    }

                    break;
                case FieldKind.InstitutionRoles:
                    var rows = node as JsonArray ?? [];
                    for (var i = 0; i < Math.Max(field.Slots, rows.Count + 1); i++)
                    {
                        var inputs = field.InstitutionInputs(i);
                        values[inputs[0]] = i < rows.Count ? rows[i]?["institutionId"]?.GetValue<string>() ?? string.Empty : string.Empty;
                        values[inputs[1]] = i < rows.Count ? rows[i]?["role"]?.GetValue<string>() ?? string.Empty : string.Empty;
                    }

                    break;
                case FieldKind.PeopleInRoles:
                    var roles = node as JsonArray ?? [];
                    for (var i = 0; i < Math.Max(field.Slots, roles.Count + 1); i++)
                    {
                        var role = i < roles.Count ? roles[i] : null;
                        var inputs = field.RoleInputs(i);
                        values[inputs[0]] = role?["partyId"]?.GetValue<string>() ?? string.Empty;
                        values[inputs[1]] = role?["personId"]?.GetValue<string>() ?? string.Empty;
                        values[inputs[2]] = role?["title"]?["ar"]?.GetValue<string>() ?? string.Empty;
                        values[inputs[3]] = role?["title"]?["en"]?.GetValue<string>() ?? string.Empty;
                        if (inputs.Length > 4)
                        {
                            values[inputs[4]] = role?["institutionId"]?.GetValue<string>() ?? string.Empty;
                        }

                        var names = field.RoleNameKeys(i);
                        values[names[0]] = role?["name"]?["ar"]?.GetValue<string>() ?? string.Empty;
                        values[names[1]] = role?["name"]?["en"]?.GetValue<string>() ?? string.Empty;
                    }

                    break;
                case FieldKind.Time:
                    // The API's 10:00:00, shown and compared as 10:00.
                    values[field.Path] = node?.GetValue<string>() is { Length: >= 5 } time ? time[..5] : string.Empty;
                    break;
                default:
                    values[field.Path] = node is null ? string.Empty : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                    break;
            }
        }

        if (spec.HasVisibility)
        {
            values["visibility"] = record["visibility"]?.GetValue<string>() ?? "joint";
        }

        return new RecordForm(values);
    }

    /// <summary>
    /// The API request: the record as read (so that what the form does not show is kept), with
    /// the form's fields on top. Text that is not a date or a number is reported under its field.
    /// </summary>
    public JsonObject ToRequest(RecordPageSpec spec, JsonObject? record, Guid bodyId, Guid? readerParty, Checks checks)
    {
        var request = record?.DeepClone().AsObject() ?? [];
        if (spec.TakesBodyId)
        {
            request["jointBodyId"] = bodyId.ToString("D");
        }

        var original = record is null ? null : FromRecord(spec, record);
        foreach (var field in spec.Fields)
        {
            if (Rows(field) > FieldSpec.MaxRows)
            {
                checks.Add(new RuleError(RuleCodes.TooLong, field.Path, $"'{field.Path}' takes at most {FieldSpec.MaxRows} rows.", FieldSpec.MaxRows));
                continue;
            }

            // What the person did not change stays exactly as stored (a partial date keeps its inferred parts).
            if (original is not null && field.Read is null && field.InputsFor(Math.Max(original.Rows(field), Rows(field))).All(i => original[i] == this[i]))
            {
                continue;
            }

            request[field.Path] = field.Kind switch
            {
                FieldKind.Title or FieldKind.Prose => this[field.Path + ".ar"].Length == 0 && this[field.Path + ".en"].Length == 0 && field.Kind == FieldKind.Prose
                    ? null
                    : new JsonObject { ["ar"] = this[field.Path + ".ar"], ["en"] = this[field.Path + ".en"] },
                FieldKind.Date => DateNode(field.Path, checks),
                FieldKind.Time => TimeNode(field.Path, checks),
                FieldKind.PartialDate => PartialNode(field.Path, checks),
                FieldKind.Number => NumberNode(field.Path, checks),
                FieldKind.Flag => field.MayBeUnknown && this[field.Path].Length == 0 ? null : this[field.Path] == "true",
                FieldKind.References => new JsonArray([.. this[field.Path].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => (JsonNode)JsonValue.Create(id))]),
                FieldKind.PeopleInRoles => RolesNode(field, record?[field.Path] as JsonArray),
                FieldKind.InstitutionRoles => new JsonArray([.. Enumerable.Range(0, Rows(field)).Select(field.InstitutionInputs)
                    .Where(inputs => this[inputs[0]].Length > 0)
                    .Select(inputs => (JsonNode)new JsonObject { ["institutionId"] = this[inputs[0]], ["role"] = this[inputs[1]].Length > 0 ? this[inputs[1]] : null })]),
                FieldKind.Values => ValuesNode(field, record?[field.Path] as JsonArray, checks),
                _ => this[field.Path].Trim() is { Length: > 0 } text ? text : null,
            };
        }

        if (spec.HasVisibility)
        {
            var national = this["visibility"] == "national";
            request["visibility"] = national ? "national" : "joint";
            request["ownerPartyId"] = national ? readerParty?.ToString("D") : null;
        }

        return request;
    }

    /// <summary>
    /// The figures filled in, as the API's values. A row whose period is unchanged keeps its source
    /// and report date; Arabic-Indic digits and the Arabic decimal separator are read as such.
    /// </summary>
    private JsonArray ValuesNode(FieldSpec field, JsonArray? stored, Checks checks)
    {
        var result = new JsonArray();
        for (var slot = 0; slot < Rows(field); slot++)
        {
            var inputs = field.ValueInputs(slot);
            // A row with no figure and no period is an empty row, whatever its qualifier says.
            if (inputs[..3].All(i => this[i].Trim().Length == 0))
            {
                continue;
            }

            var text = Digits.ToAscii(this[inputs[0]].Trim()).Replace('\u066B', '.').Replace("\u066C", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
            decimal? value = decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
            if (value is null)
            {
                checks.Add(new RuleError(RuleCodes.InvalidText, inputs[0], $"'{inputs[0]}' is a number."));
            }

            var (start, end) = (this[inputs[1]].Trim(), this[inputs[2]].Trim());
            // The figure shown in this slot keeps what the form does not show (its id, source, share, report date) while its period is the same.
            var inSlot = slot < (stored?.Count ?? 0) ? stored![slot] as JsonObject : null;
            var qualifier = this[inputs[3]].Trim() is { Length: > 0 } q ? q : "exact";
            JsonObject row;
            if (end.Length == 0 && Digits.ToAscii(start).Split('-').Length is 1 or 2 && start.Length > 0)
            {
                // A year or a month alone: the period as precisely as it is known.
                var known = ParsePartialDate(start, inputs[1], checks);
                var periodNode = known is null ? null : JsonSerializer.SerializeToNode(known, ApiJson)!.AsObject();
                bool Same(JsonObject? r) => r?["period"] is JsonObject p && (int?)p["year"] == known?.Year && (int?)p["month"] == known?.Month && p["day"] is null;
                var match = Same(inSlot) ? inSlot : stored?.OfType<JsonObject>().FirstOrDefault(r => Same(r) && r["partyId"] is null);
                row = match?.DeepClone().AsObject() ?? [];
                // The stored period stands when it is the one typed (it keeps its inferred parts).
                row["period"] = match is null ? periodNode : match["period"]!.DeepClone();
                row.Remove("periodStart");
                row.Remove("periodEnd");
            }
            else
            {
                var period = inputs[1..3].Select(i => ParseDate(this[i], i, checks)).ToArray();
                if (start.Length == 0 != (end.Length == 0))
                {
                    var missing = start.Length == 0 ? inputs[1] : inputs[2];
                    checks.Add(new RuleError(RuleCodes.Required, missing, $"'{missing}' is required: a range of days needs its first and last day (a year or a month is typed alone, yyyy or yyyy-mm)."));
                }

                // A figure of one day given as a period is shown as that day to that day, and stays one.
                bool Same(JsonObject? r) => r is not null && (r["period"] is null || r["period"]?["day"] is not null) && r["periodStart"]?.GetValue<string>() == period[0]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    && r["periodEnd"]?.GetValue<string>() == period[1]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row = (Same(inSlot) ? inSlot : stored?.OfType<JsonObject>().FirstOrDefault(r => Same(r) && r["partyId"] is null))?.DeepClone().AsObject() ?? [];
                row["periodStart"] = period[0]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row["periodEnd"] = period[1]?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (row["period"]?["day"] is null)
                {
                    row.Remove("period");
                }
            }

            row["value"] = value;
            row["qualifier"] = qualifier;
            result.Add(row);
        }

        return result;
    }

    /// <summary>
    /// The rows filled in, as the API's people-in-roles; what a row does not show (a meeting
    /// participant's role, a signatory's date) is kept from the stored row of the same person and party.
    /// A row with a party alone is an empty row: the form offers each party in its own row to start with.
    /// </summary>
    private JsonArray RolesNode(FieldSpec field, JsonArray? stored) => new([.. Enumerable.Range(0, Rows(field)).Select(slot => (Slot: slot, Inputs: field.RoleInputs(slot)))
        .Where(x => x.Inputs.Skip(1).Any(i => this[i].Trim().Length > 0))
        .Select(x =>
        {
            var inputs = x.Inputs;
            // The row shown in this slot, when it is still the same person: what the form does not show (a signatory's date) is kept.
            var shown = x.Slot < (stored?.Count ?? 0) && stored![x.Slot] is JsonObject s && s["personId"]?.GetValue<string>() == this[inputs[1]] ? s : null;
            var row = (shown ?? stored?.OfType<JsonObject>().FirstOrDefault(r => r["personId"]?.GetValue<string>() == this[inputs[1]] && r["partyId"]?.GetValue<string>() == this[inputs[0]]))?.DeepClone().AsObject() ?? [];
            row.Remove("name");
            var institution = inputs.Length > 4 && this[inputs[4]].Length > 0 ? this[inputs[4]] : null;
            if (inputs.Length > 4)
            {
                row["institutionId"] = institution;
            }

            // Acting for an institution, the person's party is the institution's unless one is chosen.
            row["partyId"] = this[inputs[0]].Length > 0 ? this[inputs[0]] : null;
            row["personId"] = this[inputs[1]].Length > 0 ? this[inputs[1]] : null;
            row["title"] = new JsonObject { ["ar"] = this[inputs[2]], ["en"] = this[inputs[3]] };
            return (JsonNode)row;
        })]);

    /// <summary>
    /// Puts the reader's changes (this form against <paramref name="read"/>) on top of the record
    /// as someone else saved it (<paramref name="theirs"/>); returns the merge and the inputs both changed.
    /// </summary>
    /// <remarks>A field of rows is merged whole: rows are matched by position, so a person of their row is never given my row's title.</remarks>
    public (RecordForm Merged, IReadOnlyList<string> BothChanged) ReapplyOn(RecordForm read, RecordForm theirs, IEnumerable<FieldSpec>? fields = null)
    {
        var merged = new Dictionary<string, string>(theirs.Values, StringComparer.Ordinal);
        var both = new List<string>();
        var wholes = (fields ?? []).Where(f => f.HasRows).ToList();
        foreach (var field in wholes)
        {
            var inputs = field.InputsFor(new[] { Rows(field), read.Rows(field), theirs.Rows(field) }.Max()).ToList();
            if (inputs.All(i => this[i] == read[i]))
            {
                continue;
            }

            if (inputs.Any(i => theirs[i] != read[i]) && inputs.Any(i => theirs[i] != this[i]))
            {
                both.AddRange(inputs.Where(i => theirs[i] != this[i]));
            }

            foreach (var key in merged.Keys.Where(field.Owns).ToList())
            {
                merged.Remove(key);
            }

            foreach (var (key, value) in Values.Where(v => field.Owns(v.Key)))
            {
                merged[key] = value;
            }
        }

        foreach (var (input, mine) in Values.Where(v => !wholes.Any(f => f.Owns(v.Key))))
        {
            if (mine == read[input])
            {
                continue;
            }

            if (theirs[input] != read[input] && theirs[input] != mine)
            {
                both.Add(input);
            }

            merged[input] = mine;
        }

        return (new RecordForm(merged), both);
    }

    /// <summary>The inputs whose value differs between two forms.</summary>
    public IEnumerable<string> ChangedFrom(RecordForm other) => Values.Keys.Union(other.Values.Keys).Where(k => this[k] != other[k]);

    public string ToJson() => JsonSerializer.Serialize(Values);

    public static RecordForm? FromJson(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : new RecordForm(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The text of a partial date of a response (<c>{year, month, day}</c>): yyyy, yyyy-mm or yyyy-mm-dd.</summary>
    public static string PartialText(JsonNode? node)
    {
        if (node?["year"]?.GetValue<int?>() is not { } year)
        {
            return string.Empty;
        }

        var text = year.ToString("D4", CultureInfo.InvariantCulture);
        if (node["month"]?.GetValue<int?>() is { } month)
        {
            text += "-" + month.ToString("D2", CultureInfo.InvariantCulture);
            if (node["day"]?.GetValue<int?>() is { } day)
            {
                text += "-" + day.ToString("D2", CultureInfo.InvariantCulture);
            }
        }

        return text;
    }

    private JsonNode? DateNode(string path, Checks checks) =>
        ParseDate(this[path], path, checks)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string? TimeNode(string path, Checks checks) =>
        ParseTime(this[path], path, checks)?.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time of day as typed: h:mm or hh:mm on the 24-hour clock (seconds allowed, Arabic-Indic digits and the
    /// Arabic colon-like separators read as such); anything else is reported under <paramref name="field"/>, never guessed.
    /// </summary>
    public static TimeOnly? ParseTime(string? typed, string field, Checks checks)
    {
        var text = Digits.ToAscii(typed ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        // To the minute: 10:00:00 (as the API writes a time back) is taken, 10:00:30 is not rounded but refused.
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Second == 0)
        {
            return time;
        }

        checks.Add(new RuleError(RuleCodes.InvalidText, field, $"'{field}' is a time of day on the 24-hour clock, hh:mm (such as 09:30 or 14:00)."));
        return null;
    }

    /// <summary>A whole date typed yyyy-mm-dd (Arabic-Indic digits read); anything else is reported under <paramref name="field"/>. Empty is none.</summary>
    public static DateOnly? ParseDate(string? typed, string field, Checks checks)
    {
        var text = Digits.ToAscii(typed ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (HijriTyped(text) is { } hijri)
        {
            return FromHijri(hijri, field, checks);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (Dates.IsPlausible(date))
            {
                return date;
            }

            checks.Add(new RuleError(RuleCodes.OutOfRange, field, $"'{field}': a date's year is between {Dates.MinYear} and {Dates.MaxYear}.", Dates.MinYear, Dates.MaxYear));
            return null;
        }

        checks.Add(new RuleError(RuleCodes.InvalidDate, field, $"'{field}' is not a valid date (yyyy-mm-dd)."));
        return null;
    }

    private JsonNode? PartialNode(string path, Checks checks) =>
        ParsePartialDate(this[path], path, checks) is { } date ? JsonSerializer.SerializeToNode(date, ApiJson) : null;

    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A date of which the year, or year and month, may be all that is known, typed yyyy, yyyy-mm or yyyy-mm-dd (Arabic-Indic digits read); anything else is reported under <paramref name="field"/>. Empty is none.</summary>
    public static DateDto? ParsePartialDate(string? typed, string field, Checks checks)
    {
        var text = Digits.ToAscii(typed ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (HijriTyped(text) is { } hijri)
        {
            return FromHijri(hijri, field, checks) is { } day ? new DateDto(day.Year, day.Month, day.Day) : null;
        }

        var parts = text.Split('-');
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        if (parts.Length > 3 || parts[0].Length != 4 || numbers.Any(n => n is null))
        {
            checks.Add(new RuleError(RuleCodes.InvalidDate, field, $"'{field}' is a year, a year and month, or a whole date (yyyy, yyyy-mm, yyyy-mm-dd)."));
            return null;
        }

        return new DateDto(numbers[0], numbers.ElementAtOrDefault(1), numbers.ElementAtOrDefault(2));
    }

    /// <summary>
    /// A date typed in the Hijri calendar, marked as such by «هـ» (or "AH") after it: the text before the mark, or
    /// null when the text carries no mark (a date without one is Gregorian, as stored).
    /// </summary>
    private static string? HijriTyped(string text)
    {
        foreach (var mark in new[] { "هـ", "ه", "AH", "ah", "A.H." })
        {
            if (text.EndsWith(mark, StringComparison.Ordinal) && text.Length > mark.Length && !char.IsLetter(text[^(mark.Length + 1)]))
            {
                return text[..^mark.Length].Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// The Gregorian day of a whole Hijri date (Umm al-Qura, yyyy-mm-dd): stored dates are Gregorian, and a Hijri year
    /// or month alone spans parts of two Gregorian ones, so it is refused rather than guessed.
    /// </summary>
    private static DateOnly? FromHijri(string text, string field, Checks checks)
    {
        var parts = text.Split('-', '/');
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        if (parts.Length != 3 || numbers.Any(n => n is null))
        {
            checks.Add(new RuleError(RuleCodes.InvalidDate, field, $"'{field}': a Hijri date is typed whole, year-month-day and then هـ (1442-03-15 هـ); a Hijri year or month alone spans two Gregorian ones."));
            return null;
        }

        // Typed either way round: 1442-03-15 or 15/03/1442.
        var (year, month, day) = parts[0].Length == 4 ? (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value) : (numbers[2]!.Value, numbers[1]!.Value, numbers[0]!.Value);
        try
        {
            var gregorian = DateOnly.FromDateTime(new UmAlQuraCalendar().ToDateTime(year, month, day, 0, 0, 0, 0));
            if (Dates.IsPlausible(gregorian))
            {
                return gregorian;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Out of the calendar's days or range: said below.
        }

        checks.Add(new RuleError(RuleCodes.InvalidDate, field, $"'{field}': {text} is no day of the Hijri (Umm al-Qura) calendar that Entente keeps."));
        return null;
    }

    private JsonNode? NumberNode(string path, Checks checks)
    {
        var text = Digits.ToAscii(this[path]).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        checks.Add(new RuleError(RuleCodes.OutOfRange, path, $"'{path}' is a whole number."));
        return null;
    }
}
