using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Translations;

/// <summary>
/// A body's "to translate" queue, as the reader's party sees it: each text written in one language
/// only, with the language it awaits and a link to the record where it is translated.
/// </summary>
public sealed class IndexModel(TranslationQueue queue) : EntentePage
{
    public Guid BodyId { get; private set; }

    /// <summary>The language asked for: <c>ar</c>, <c>en</c>, or every pending text.</summary>
    public string? Missing { get; private set; }

    public PageOf<PendingTranslation> Pending { get; private set; } = new([], 0, 1, Paging.MaxPageSize);

    public async Task OnGetAsync(Guid id, string? missing, CancellationToken ct)
    {
        BodyId = id;
        ViewData["BodyId"] = id;
        Missing = missing is "ar" or "en" ? missing : null;
        Pending = await queue.ListAsync(id, Missing, null, new Paging(1, Paging.MaxPageSize), ct);
    }

    /// <summary>The page of the record a text belongs to: its edit page, an agenda item's own page, a statement's session page.</summary>
    public static string RecordPath(PendingTranslation p) => p.RecordType switch
    {
        Domain.RecordType.AgendaItem => $"/agenda-items/{p.RecordId}",
        Domain.RecordType.JointStatement => $"/statements/{p.RecordId}",
        _ => $"/{EnumText.Policy.ConvertName(p.RecordType.ToString())}s/{p.RecordId}/edit",
    };
}
