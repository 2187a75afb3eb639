using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.ActionItems;

/// <summary>The action items of a track, a plan or a session, as the pages of those records list them: title, status and due date, the first few, and the list of all of them.</summary>
public sealed class ActionItemsRelated : IRelatedSource
{
    public string Kind => "action-items";

    public async Task<RelatedPage> ListAsync(IServiceProvider services, Guid bodyId, string filter, Guid id, int take, Reader reader, CancellationToken ct)
    {
        var (sessionId, planId, trackId, parameter) = filter switch
        {
            "sessionId" => ((Guid?)id, (Guid?)null, (Guid?)null, "session"),
            "actionPlanId" => (null, id, null, "plan"),
            "trackId" => (null, null, id, "track"),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Action items are listed by session, plan or track."),
        };
        var page = await services.GetRequiredService<ActionItemsHandler>().ListAsync(
            new ActionItemFilter(bodyId, sessionId, planId, trackId, null, null, null, null, "due"), Paging.From(1, take), ct);
        var rows = page.Items.Select(i => new RelatedRow(
            $"/action-items/{i.Id}",
            reader.Text(i.Title),
            string.Join(" · ", new[] { reader.Name(i.Status), reader.Date(i.DueOn) }.Where(s => s.Length > 0)),
            i.Visibility == Visibility.National)).ToList();
        return new RelatedPage(rows, page.Total, $"/bodies/{bodyId}/action-items?{parameter}={id:D}");
    }
}
