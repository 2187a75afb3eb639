using Entente.Domain;

namespace Entente.UnitTests.Support;

/// <summary>Assertions on the <see cref="RuleError"/>s the domain reports.</summary>
internal static class Rules
{
    /// <summary>Asserts <paramref name="act"/> throws exactly one broken rule with the given code and field.</summary>
    public static RuleError Throws(Action act, string code, string field)
    {
        var exception = Assert.Throws<DomainRuleException>(act);
        return Single(exception.Errors, code, field);
    }

    /// <summary>Asserts <paramref name="errors"/> holds exactly one broken rule, with the given code and field.</summary>
    public static RuleError Single(IEnumerable<RuleError> errors, string code, string field)
    {
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        return error;
    }
}
