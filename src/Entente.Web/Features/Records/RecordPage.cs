using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;

namespace Entente.Web.Features.Records;

/// <summary>Admits, in a route, only the kinds of record that have pages (<c>{kind:recordkind}</c>).</summary>
public sealed class RecordKindConstraint(RecordPageSpecs specs) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string kind && specs.Find(kind) is not null;
}

/// <summary>What the pages of any kind of record share: the spec of the kind, the body's choices, the reader's party.</summary>
public abstract class RecordPage(RecordPageSpecs specs, AppDbContext db) : EntentePage
{
    public RecordPageSpec Spec { get; private set; } = null!;

    public BodyChoices Choices { get; private set; } = null!;

    public Guid BodyId { get; private set; }

    protected AppDbContext Db => db;

    protected RecordPageSpecs Specs => specs;

    /// <summary>The heading of a record: its title field in the reader's language, framed by the spec's format (a session: "Session 16").</summary>
    public string Heading(RecordForm form, Reader reader, Microsoft.Extensions.Localization.IStringLocalizer text) =>
        Spec.HeadingFormat is { } format
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, text[format], reader.Show(TitleField, form, Choices))
            : reader.Show(TitleField, form, Choices);

    private FieldSpec TitleField => Spec.Fields.First(f => f.Path == Spec.TitlePath);

    protected async Task StartAsync(string kind, Guid bodyId, CancellationToken ct)
    {
        Spec = specs.Find(kind) ?? throw new ApiErrorException(new ApiError.NotFound("page", Guid.Empty));
        BodyId = bodyId;
        ViewData["BodyId"] = bodyId;
        Choices = await ChoicesAsync(bodyId, Spec.Fields.SelectMany(f => new[] { f.Choices, f.Institutions }), ct);
    }

    protected Guid? ReaderParty => EntenteClaims.PartyOf(User);

    /// <summary>The concluded session a record belongs to, when it does: its records are read-only until it is reopened (with a reason, on its page).</summary>
    public Guid? ConcludedSession { get; private set; }

    /// <summary>Notes whether <paramref name="record"/> belongs to a concluded session, so that its pages offer no change the API would refuse.</summary>
    protected async Task ReadLockAsync(System.Text.Json.Nodes.JsonObject record, CancellationToken ct)
    {
        if (Spec.LockedWithItsSession && Guid.TryParse(record["sessionId"]?.GetValue<string>(), out var session)
            && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(Db.Sessions, s => s.Id == session && s.Status == Domain.SessionStatus.Concluded, ct))
        {
            ConcludedSession = session;
        }
    }

    protected override string? LabelOf(string field)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>();
        if (field == "visibility")
        {
            return text["ui.field.visibility"];
        }

        var spec = Spec?.Fields.FirstOrDefault(f => f.Owns(field));
        return spec is null ? null
            : field.EndsWith(".ar", StringComparison.Ordinal) ? $"{text[spec.Label]} ({text["ui.lang.ar"]})"
            : field.EndsWith(".en", StringComparison.Ordinal) ? $"{text[spec.Label]} ({text["ui.lang.en"]})"
            : text[spec.Label];
    }

    /// <summary>The joint body a record belongs to; a record of no body (a source shared by all) has no pages of a body.</summary>
    protected static Guid BodyOf(JsonObject record) =>
        Guid.TryParse(record["jointBodyId"]?.GetValue<string>(), out var body) ? body : throw new ApiErrorException(new ApiError.NotFound("joint body", Guid.Empty));
}
