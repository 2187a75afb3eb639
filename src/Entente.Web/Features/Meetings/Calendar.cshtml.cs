using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Meetings;

/// <summary>The meeting's iCalendar file, for the signed-in reader of the pages (the API has the same at /api/meetings/{id}/calendar).</summary>
public sealed class CalendarModel(MeetingCalendar calendar) : EntentePage
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (text, file) = await calendar.ExportAsync(id, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(text), MeetingCalendar.MediaType + "; charset=utf-8", file);
    }
}
