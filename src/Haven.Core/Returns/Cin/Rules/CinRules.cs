namespace Haven.Core.Returns.Cin.Rules;

/// Every CIN census rule Haven implements (statutory-returns.md §2.3), and running them.
public static class CinRules
{
    public static readonly IReadOnlyList<CinRule> All = typeof(CinRule).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CinRule)))
        .Select(t => (CinRule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Code, StringComparer.Ordinal)
        .ToList();

    /// The census size from which the rules run on every core.
    public const int ParallelFrom = 200;

    public static bool IsQuery(string ruleCode) => ruleCode.EndsWith('Q');

    /// Every failure of every rule, in child order then rule order. The rules are independent reads of
    /// the same census, so they run on every core (each walks all the children: 127,000 at 500,000);
    /// each rule's failures are kept in its slot and the slots joined in rule order before the
    /// (stable) sort, so the list is the same as one rule after another gave. A census of a few
    /// children (My work's check of one child, on the web server) runs the rules on the request's own
    /// thread: a hundred tiny work items on the thread pool would only take threads from other requests.
    public static IReadOnlyList<ReturnFailure> Check(CinCensus census)
    {
        var byRule = new List<ReturnFailure>[All.Count];
        if (census.Children.Count < ParallelFrom)
            for (var i = 0; i < All.Count; i++) byRule[i] = All[i].Check(census).ToList();
        else
            Parallel.For(0, All.Count, i => byRule[i] = All[i].Check(census).ToList());
        return byRule.SelectMany(f => f).OrderBy(f => f.ChildReference, StringComparer.Ordinal).ThenBy(f => f.RuleCode, StringComparer.Ordinal).ToList();
    }
}
