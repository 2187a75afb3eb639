namespace Entente.Web;

/// <summary>Anchor type of the shared string resources (<c>Resources/SharedResources.*.resx</c>).</summary>
public sealed class SharedResources;
