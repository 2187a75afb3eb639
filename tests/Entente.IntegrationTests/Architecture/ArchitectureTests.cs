using System.Reflection;
using NetArchTest.Rules;

namespace Entente.IntegrationTests.Architecture;

/// <summary>
/// The layers' rules, read from the compiled program: the domain stands on nothing but .NET, the data
/// layer and the plumbing know no feature, and no two features lean on each other.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Entente.Domain.Entity).Assembly;
    private static readonly Assembly Data = typeof(Entente.Data.AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Entente.Web.Infrastructure.Platform).Assembly;
    private const string Features = "Entente.Web.Features";

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Entente.Data")]
    [InlineData("Entente.Web")]
    public void TheDomain_DependsOnNoFrameworkAndNoOuterLayer(string dependency) =>
        AssertHolds(Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(dependency).GetResult(), $"The domain depends on {dependency}");

    [Fact]
    public void TheDataLayer_KnowsNoFeatureNorThePlumbing() =>
        AssertHolds(Types.InAssembly(Data).ShouldNot().HaveDependencyOn("Entente.Web").GetResult(), "Entente.Data depends on the web program");

    [Theory]
    [InlineData("Entente.Web.Infrastructure")]
    [InlineData("Entente.Web.Data")]
    public void ThePlumbing_KnowsNoFeature(string layer) =>
        AssertHolds(Types.InAssembly(Web).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOn(Features).GetResult(), $"{layer} depends on a feature");

    [Fact]
    public void NoTwoFeatures_DependOnEachOther()
    {
        var features = FeatureNamespaces();
        Assert.True(features.Count >= 20, $"Only {features.Count} feature namespaces found.");
        var uses = features.ToDictionary(f => f, f => features.Where(g => g != f && Depends(f, g)).ToHashSet());

        var cycles = uses.SelectMany(u => u.Value.Where(g => string.CompareOrdinal(u.Key, g) < 0 && uses[g].Contains(u.Key)).Select(g => $"{Short(u.Key)} <-> {Short(g)}")).ToList();

        Assert.True(cycles.Count == 0, "Features that depend on each other: " + string.Join(", ", cycles));
    }

    [Fact]
    public void TheRuleOnFeatures_CatchesADependency()
    {
        // The agenda makes action items through their handler, and the signatures page reads the plan through its own:
        // dependencies the rule above must see for a cycle to be seen at all (the plan no longer calls the signatures back).
        Assert.True(Depends($"{Features}.Agenda", $"{Features}.ActionItems"));
        Assert.True(Depends($"{Features}.Signatures", $"{Features}.ActionPlans"));
        Assert.False(Depends($"{Features}.ActionPlans", $"{Features}.Signatures"));
    }

    private static bool Depends(string feature, string other) =>
        Types.InAssembly(Web).That().ResideInNamespace(feature).And().HaveDependencyOn(other).GetTypes().Any(t => Own(t.Namespace, feature));

    private static bool Own(string? ns, string feature) => ns == feature || (ns?.StartsWith(feature + ".", StringComparison.Ordinal) ?? false);

    private static List<string> FeatureNamespaces() =>
        [.. Web.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(4))).Distinct().Order(StringComparer.Ordinal)];

    private static string Short(string ns) => ns[(Features.Length + 1)..];

    private static void AssertHolds(NetArchTest.Rules.TestResult result, string what) =>
        Assert.True(result.IsSuccessful, $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
