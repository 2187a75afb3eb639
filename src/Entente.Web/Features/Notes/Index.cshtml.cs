using Entente.Web.Features.Parties;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Notes;

/// <summary>A joint body's notes: joint ones and the reader's own party's national ones (the other party's never reach the page).</summary>
public sealed class IndexModel(NotesHandler notes) : EntentePage
{
    [BindProperty(SupportsGet = true)]
    public string? Visibility { get; set; }

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? NewVisibility { get; set; }

    /// <summary>The record the note is on, when it comes from a record's discussion (else the body itself).</summary>
    [BindProperty]
    public string? TargetType { get; set; }

    [BindProperty]
    public Guid? TargetId { get; set; }

    /// <summary>The record's page, to go back to once the note is added (a local address only).</summary>
    [BindProperty]
    public string? ReturnTo { get; set; }

    public Guid BodyId { get; private set; }

    public PageOf<NoteResponse> Notes { get; private set; } = new([], 0, 1, 25);

    public BodyChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(Guid bodyId, CancellationToken ct) => await LoadAsync(bodyId, ct);

    public async Task<IActionResult> OnPostAsync(Guid bodyId, CancellationToken ct)
    {
        var national = NewVisibility == "national";
        var onRecord = TargetId is not null && !string.IsNullOrEmpty(TargetType);
        if (string.IsNullOrEmpty(Language) && Text is { } written && written.FirstOrDefault(char.IsLetter) is var first && first != default)
        {
            // A note from a record's discussion says its language by its script: Arabic letters make an Arabic note.
            Language = first is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' ? "ar" : "en";
        }

        var request = new NoteRequest(bodyId, onRecord ? TargetType : "joint-body", onRecord ? TargetId : bodyId, Language, Text, NewVisibility ?? "joint", national ? EntenteClaims.PartyOf(User) : null);
        NoteResponse? created = null;
        if (await TryAsync(async () => created = await notes.CreateAsync(request, ct)))
        {
            // Back to the record's page, at the new note; a return address that is not this site's own is not followed.
            return Saved(onRecord && ReturnTo is { } to && Url.IsLocalUrl(to) ? $"{to}#note-{created!.Id}" : $"/bodies/{bodyId}/notes");
        }

        await LoadAsync(bodyId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid bodyId, CancellationToken ct)
    {
        BodyId = bodyId;
        ViewData["BodyId"] = bodyId;
        Choices = await ChoicesAsync(bodyId, [TrackChoices.Source, InstitutionChoices.Source], ct);

        var visibility = string.IsNullOrWhiteSpace(Visibility) ? null : Visibility;
        await TryAsync(async () => Notes = await notes.ListAsync(bodyId, null, null, visibility, null, Paging.From(Math.Max(1, PageNumber), 25), ct));
    }
}
