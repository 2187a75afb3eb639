using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Entente.Bench;

/// <summary>
/// The raw baseline of the HTTP benchmark: a bare ASP.NET Core endpoint that answers fixed JSON of a given size,
/// what the machine serves when a request costs nothing but HTTP and the bytes of a list page.
/// </summary>
public static class Baseline
{
    public static async Task<int> RunAsync(string urls, int bytes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        var body = Encoding.UTF8.GetBytes(Json(bytes));
        app.MapGet("/", async (HttpContext http) =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body);
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>A JSON list of <paramref name="bytes"/> bytes, of items shaped like the API's.</summary>
    private static string Json(int bytes)
    {
        var text = new StringBuilder("{\"items\":[");
        for (var i = 0; text.Length < bytes - 40; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("{\"id\":").Append(i).Append(",\"title\":\"Action item\"}");
        }

        text.Append("],\"total\":0}");
        while (text.Length < bytes)
        {
            text.Insert(text.Length - 1, ' ');
        }

        return text.ToString();
    }
}
