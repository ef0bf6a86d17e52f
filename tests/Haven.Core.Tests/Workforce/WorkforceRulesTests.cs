using Haven.Core.Involvements;
using Haven.Core.Workforce;
using static Haven.Core.Workforce.ContractType;

namespace Haven.Core.Tests.Workforce;

public class WorkforceRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Stability_TeamOnThirtiethSeptember_WorkedByHand()
    {
        var asAt = D(2025, 9, 30);
        Spell[] spells =
        [
            new(1, Permanent, true, 1m, D(2020, 1, 6), null),
            new(2, Permanent, true, 1m, D(2023, 4, 3), null),
            new(3, Permanent, true, 0.5m, D(2021, 9, 1), null),
            new(4, Agency, true, 1m, D(2025, 6, 2), null),
            new(5, Locum, true, 1m, D(2025, 9, 1), D(2025, 12, 19)),
            new(6, Permanent, true, 1m, D(2019, 1, 1), D(2025, 3, 31)),   // left in the year: a leaver
            new(7, Permanent, true, 1m, D(2018, 1, 1), D(2024, 9, 30)),   // left the day before the year began: not counted
            new(8, Permanent, false, 1m, D(2022, 1, 1), null),            // unqualified: not in the rates
            new(9, Permanent, true, 1m, D(2025, 10, 1), null),            // starts after the date
        ];
        var f = WorkforceRules.Stability(spells, asAt, posts: 5m);
        // In post: 1, 2, 3 (0.5) permanent = 2.5 FTE; 4, 5 agency/locum = 2 FTE; headcount 5.
        Assert.Equal(5, f.Headcount);
        Assert.Equal(2.5m, f.PermanentFte);
        Assert.Equal(2m, f.AgencyFte);
        Assert.Equal(55.6, f.PermanentPercent);  // 2.5 / 4.5
        Assert.Equal(44.4, f.AgencyPercent);
        Assert.Equal(1m, f.LeaversFte);
        Assert.Equal(40.0, f.TurnoverPercent);   // 1 / 2.5
        Assert.Equal(2.5m, f.VacantFte);         // 5 posts - 2.5 permanent (agency cover is a vacancy)
        Assert.Equal(50.0, f.VacancyPercent);
    }

    [Fact]
    public void Stability_NoPosts_VacancyUnknown_AndNoPermanent_TurnoverUnknown()
    {
        var f = WorkforceRules.Stability([new(1, Agency, true, 1m, D(2025, 1, 1), null)], D(2025, 9, 30), null);
        Assert.Null(f.VacancyPercent);
        Assert.Null(f.TurnoverPercent);
        Assert.Equal(100.0, f.AgencyPercent);
    }

    [Fact]
    public void PostsOn_LatestRowOnOrBeforeTheDate()
    {
        (DateOnly, decimal)[] rows = [(D(2024, 4, 1), 8m), (D(2025, 4, 1), 10m)];
        Assert.Null(WorkforceRules.PostsOn(rows, D(2024, 3, 31)));
        Assert.Equal(8m, WorkforceRules.PostsOn(rows, D(2025, 3, 31)));
        Assert.Equal(10m, WorkforceRules.PostsOn(rows, D(2025, 4, 1)));
    }

    [Fact]
    public void WeightedCaseload_HeaviestOpenKindCounts_DefaultOne()
    {
        var settings = new WorkforceSettings(); // CP 1.5, in care 1.5, CIN 1, early help 0.5, care leaver 0.75
        CaseloadChild[] children =
        [
            new(1, [InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection]), // 1.5
            new(2, [InvolvementKind.InCare]),                                      // 1.5
            new(3, [InvolvementKind.ChildInNeed]),                                 // 1
            new(4, []),                                                            // 1 (nothing open)
            new(5, [InvolvementKind.CareLeaver]),                                  // 0.75
        ];
        Assert.Equal(5.75, WorkforceRules.WeightedCaseload(children, settings));
        settings.CaseWeights["ChildInNeed"] = 2;
        Assert.Equal(2.0, WorkforceRules.WeightOf([InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection], settings));
        settings.CaseWeights.Remove("CareLeaver");
        Assert.Equal(1.0, WorkforceRules.WeightOf([InvolvementKind.CareLeaver], settings));
    }

    [Fact]
    public void SocialWorkersInYear_LeftAndReturnedCountsOnce_BoundaryDayTransferCounts()
    {
        var asAt = D(2026, 3, 31); // window 1 April 2025 – 31 March 2026
        Assert.Equal(D(2025, 4, 1), WorkforceRules.YearStart(asAt));
        (int, DateOnly, DateOnly?)[] allocations =
        [
            (10, D(2024, 1, 1), D(2025, 3, 31)), // ended the day before the window: not counted
            (11, D(2024, 6, 1), D(2025, 4, 1)),  // transferred on the window's first day: counted
            (12, D(2025, 4, 2), D(2025, 8, 31)), // worker 12 left...
            (13, D(2025, 9, 1), D(2025, 11, 30)),
            (12, D(2025, 12, 1), null),          // ...and returned: still one worker
            (14, D(2026, 4, 1), null),           // starts after the date: not counted
        ];
        Assert.Equal(3, WorkforceRules.SocialWorkersInYear(allocations, asAt)); // 11, 12, 13
        // A day later the window starts on 2 April 2025: worker 11 drops out and 14 comes in (12, 13, 14).
        Assert.Equal(3, WorkforceRules.SocialWorkersInYear(allocations, D(2026, 4, 1)));
        Assert.Equal(2, WorkforceRules.SocialWorkersInYear(allocations.Where(a => a.Item1 != 13), D(2026, 4, 1)));
    }

    [Fact]
    public void QuarterEnds_FromMidMay_EndsAtMarch()
    {
        Assert.Equal([D(2025, 9, 30), D(2025, 12, 31), D(2026, 3, 31)], WorkforceRules.QuarterEnds(D(2026, 5, 15), 3));
        Assert.Equal([D(2026, 3, 31)], WorkforceRules.QuarterEnds(D(2026, 3, 31), 1));
    }
}
