using Entente.Web.Infrastructure;

namespace Entente.Web.Features.JointBodies;

/// <summary>The joint body's dashboard page (the same handler as <c>GET /api/joint-bodies/{id}/dashboard</c>).</summary>
public sealed class DashboardModel(DashboardHandler dashboards) : EntentePage
{
    public DashboardResponse Board { get; private set; } = null!;

    /// <summary>The day the page shows the body as it stood then (<c>?asOf=2020-11-23</c>), or none for today.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfTyped { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        ViewData["BodyId"] = id;
        DateOnly? asOf = null;
        var checks = new Checks();
        if (!string.IsNullOrWhiteSpace(AsOfTyped))
        {
            asOf = RecordForm.ParseDate(AsOfTyped, "asOf", checks);
            if (!checks.Ok)
            {
                AddError("asOf", HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>()["ui.dashboard.as-of-invalid"]);
            }
        }

        Board = await dashboards.GetAsync(id, asOf, ct);
    }
}

/// <summary>
/// Geometry of the server-drawn charts; x runs right to left on Arabic pages. SVG text takes the
/// page's direction, so text-anchor "end" is the left edge of Arabic text and the right edge of
/// English text: the same anchors serve both languages.
/// </summary>
public sealed record ChartFrame(double Width, bool RightToLeft)
{
    /// <summary>The x of a point measured from the reading start of the chart.</summary>
    public double X(double fromStart) => RightToLeft ? Width - fromStart : fromStart;

    /// <summary>The left edge of a box that spans <paramref name="length"/> from <paramref name="fromStart"/> in reading order.</summary>
    public double Left(double fromStart, double length) => RightToLeft ? Width - fromStart - length : fromStart;

    /// <summary>An SVG <c>text</c> element (Razor reserves the tag in code blocks), its content encoded.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Text(double x, double y, string anchor, string content) =>
        new($"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\">{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(content)}</text>");

    public static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
