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

    /// The rules that judge each child on its own, and those that judge the whole return, by index in All.
    private static readonly int[] EachChild = Enumerable.Range(0, All.Count).Where(i => All[i].ChecksEachChild).ToArray();
    private static readonly int[] WholeReturn = Enumerable.Range(0, All.Count).Where(i => !All[i].ChecksEachChild).ToArray();

    /// Every failure of every rule, in child order then rule order: each rule's failures (in the order
    /// the rule gives them, child by child) kept in its slot, the slots joined in rule order and then
    /// (stably) sorted by child and rule, so the list is the same as one rule after another gave.
    /// The rules that judge each child on their own are run child by child, every rule over one child
    /// before the next: rule by rule, each of the ~80 rules walked all the children (127,000 at 500,000),
    /// and fetching each child's records from memory 80 times was most of the validation's time (4.6-5.8 s
    /// of CPU on one thread against 1.0-1.2 s child by child, on the region's census). From a census of
    /// 200 children the children are split into ranges checked on every core, each range's failures kept
    /// per rule and joined in range order, and the few whole-return rules run beside them. A census of a
    /// few children (My work's check of one child, on the web server) is checked on the request's own
    /// thread: small work items on the thread pool would only take threads from other requests.
    public static IReadOnlyList<ReturnFailure> Check(CinCensus census)
    {
        var children = census.Children;
        var year = census.Period;
        var byRule = new List<ReturnFailure>[All.Count];

        List<ReturnFailure>?[] CheckRange(int from, int to)
        {
            var slots = new List<ReturnFailure>?[All.Count];
            for (var c = from; c < to; c++)
            {
                var child = children[c];
                foreach (var i in EachChild)
                    foreach (var failure in All[i].CheckOne(child, year))
                        (slots[i] ??= []).Add(failure);
            }
            return slots;
        }

        List<ReturnFailure>?[][] ranges;
        if (children.Count < ParallelFrom)
        {
            ranges = [CheckRange(0, children.Count)];
            foreach (var i in WholeReturn) byRule[i] = All[i].Check(census).ToList();
        }
        else
        {
            var count = Math.Min(children.Count, Environment.ProcessorCount * 8);
            ranges = new List<ReturnFailure>?[count][];
            Parallel.For(0, count + WholeReturn.Length, k =>
            {
                if (k < count) ranges[k] = CheckRange((int)((long)children.Count * k / count), (int)((long)children.Count * (k + 1) / count));
                else byRule[WholeReturn[k - count]] = All[WholeReturn[k - count]].Check(census).ToList();
            });
        }
        foreach (var i in EachChild)
        {
            byRule[i] = [];
            foreach (var range in ranges)
                if (range[i] is { } failures) byRule[i].AddRange(failures);
        }
        return byRule.SelectMany(f => f).OrderBy(f => f.ChildReference, StringComparer.Ordinal).ThenBy(f => f.RuleCode, StringComparer.Ordinal).ToList();
    }
}
