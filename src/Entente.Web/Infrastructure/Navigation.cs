namespace Entente.Web.Infrastructure;

/// <summary>
/// One link of a joint body's navigation: the page under <c>/bodies/{id}</c> (empty for the dashboard itself), the
/// key of its label, and its place in the bar. A feature adds its own with <see cref="BodyLinkRegistration.AddBodyLink"/>;
/// the layout shows them in order without knowing any. The pages of every day are in the bar itself; the others
/// (<paramref name="Secondary"/>) are under "More", so that the bar keeps to one line on a tablet.
/// </summary>
public sealed record BodyLink(string Segment, string Label, int Order, bool Secondary = false);

public static class BodyLinkRegistration
{
    public static IServiceCollection AddBodyLink(this IServiceCollection services, string segment, string label, int order, bool secondary = false) =>
        services.AddSingleton(new BodyLink(segment, label, order, secondary));
}
