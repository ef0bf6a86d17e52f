namespace Haven.Core.Returns.Cin.Rules;

/// Every CIN census rule Haven implements (statutory-returns.md §2.3), and running them.
public static class CinRules
{
    public static readonly IReadOnlyList<CinRule> All = typeof(CinRule).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CinRule)))
        .Select(t => (CinRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Code, StringComparer.Ordinal)
        .ToList();

    public static bool IsQuery(string ruleCode) => ruleCode.EndsWith('Q');

    /// Every failure of every rule, in child order then rule order.
    public static IReadOnlyList<ReturnFailure> Check(CinCensus census) =>
        All.SelectMany(r => r.Check(census)).OrderBy(f => f.ChildReference, StringComparer.Ordinal).ThenBy(f => f.RuleCode, StringComparer.Ordinal).ToList();
}
