using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Cin.Rules;
using Haven.Core.Tests.Synthetic;

namespace Haven.Core.Tests.Returns;

/// CinRules.Check runs the rules child by child and in parallel: over the generated borough's census (which has
/// failures, queries mostly) it must give exactly the list one rule after another gave, in the same order.
public sealed class CinRulesOrderTests(GeneratedBorough borough) : IClassFixture<GeneratedBorough>
{
    [Fact]
    public async Task Check_GeneratedBorough_GivesTheSameFailuresInTheSameOrderAsOneRuleAfterAnother()
    {
        CinCensus census;
        await using (var db = borough.Open())
            census = await CinCensusBuilder.BuildAsync(db, GeneratedBorough.Today.Year);
        // Mixed up so that many children fail several rules: each child's first assessment loses its
        // factors (8897Q), and every second child's referral source is blanked (an error rule).
        census = census with
        {
            Children = census.Children.Select((c, i) => c with
            {
                Episodes = c.Episodes.Select(e => e with
                {
                    ReferralSource = i % 2 == 0 ? "" : e.ReferralSource,
                    Assessments = e.Assessments.Select(a => a with { Factors = [] }).ToList(),
                }).ToList(),
            }).ToList(),
        };
        // And the first children again at the end: the whole-return rules (8510, a shared LA child ID;
        // 1520, a shared UPN) fail, and the same child reference fails a rule from two places in the list.
        census = census with { Children = [.. census.Children, .. census.Children.Take(5)] };

        static List<ReturnFailure> OneRuleAfterAnother(CinCensus c) => CinRules.All.SelectMany(r => r.Check(c))
            .OrderBy(f => f.ChildReference, StringComparer.Ordinal).ThenBy(f => f.RuleCode, StringComparer.Ordinal).ToList();
        var expected = OneRuleAfterAnother(census);
        var actual = CinRules.Check(census);

        Assert.True(census.Children.Count >= CinRules.ParallelFrom, $"{census.Children.Count} children: the rules ran on one thread");
        Assert.True(expected.Count > 1000, $"{expected.Count} failures");
        Assert.True(expected.Select(f => f.RuleCode).Distinct().Count() > 3);
        Assert.Contains(expected, f => f.RuleCode == "8510");
        Assert.Equal<ReturnFailure>(expected, actual);

        // A few children (My work's check, on the request's thread): the same list too.
        var few = census with { Children = census.Children.Take(12).ToList() };
        Assert.Equal<ReturnFailure>(OneRuleAfterAnother(few), CinRules.Check(few));
    }
}
