using Haven.Core.Calendar;
using Haven.Core.ChildProtection;

namespace Haven.Core.Tests.HelpAndProtection;

/// Child protection plan timescales worked by hand against the England and Wales bank holidays
/// (day 0 is the start date; working days are counted from the day after).
public class ChildProtectionPlanRulesTests
{
    private static readonly ChildProtectionSettings Defaults = new();

    [Fact]
    public void NextCoreGroup_FirstAfterConferenceBeforeChristmas_SkipsChristmasSubstituteBoxingDayAndNewYear()
    {
        // ICPC Fri 18 Dec 2026. Working days: 21–24 Dec (4), [25 Christmas, 28 Boxing Day substitute],
        // 29–31 Dec (7), [1 Jan], 4–6 Jan (10): Wed 6 Jan 2027.
        var (due, rule) = ChildProtectionRules.NextCoreGroup(new DateOnly(2026, 12, 18), null, Defaults);

        Assert.Equal(new DateOnly(2027, 1, 6), due);
        Assert.Same(Timescales.FirstCoreGroup, rule);
    }

    [Fact]
    public void NextCoreGroup_AfterAMeeting_IsSixWeeksLaterAcrossTheYearEnd()
    {
        // Last core group Mon 21 Dec 2026 + 42 days = Mon 1 Feb 2027 (weeks are calendar weeks).
        var (due, rule) = ChildProtectionRules.NextCoreGroup(new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 21), Defaults);

        Assert.Equal(new DateOnly(2027, 2, 1), due);
        Assert.Equal(Period.Weeks(6), rule.Period);
    }

    [Fact]
    public void NextCoreGroup_WithFourWeeksConfigured_UsesTheCouncilsFrequency()
    {
        var (due, rule) = ChildProtectionRules.NextCoreGroup(new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 21), new ChildProtectionSettings { CoreGroupWeeks = 4 });

        Assert.Equal(new DateOnly(2027, 1, 18), due);
        Assert.Equal("core-group", rule.Code);
    }

    [Fact]
    public void NextVisit_FromPlanStartBeforeEaster_SkipsGoodFridayAndEasterMonday()
    {
        // Plan from Thu 26 Mar 2026: 27, 30, 31 Mar, 1, 2 Apr (5), [3 Good Friday, 6 Easter Monday],
        // 7–10 Apr (9), 13 Apr (10): Mon 13 Apr 2026.
        Assert.Equal(new DateOnly(2026, 4, 13), ChildProtectionRules.NextVisit(new DateOnly(2026, 3, 26), null, Defaults));
    }

    [Fact]
    public void NextVisit_WithFiveWorkingDaysConfigured_CountsFromTheLastVisitOverChristmas()
    {
        // Last visit Wed 23 Dec 2026: 24 Dec (1), [25, 28], 29–31 Dec (4), [1 Jan], Mon 4 Jan 2027 (5).
        var settings = new ChildProtectionSettings { VisitWorkingDays = 5 };

        Assert.Equal(new DateOnly(2027, 1, 4), ChildProtectionRules.NextVisit(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 23), settings));
        Assert.Equal(Period.WorkingDays(5), settings.VisitRule.Period);
    }

    [Fact]
    public void NextVisit_VisitBeforeThePlanStarted_CountsFromThePlanStart()
    {
        // A visit before the plan does not count: 10 working days from Mon 2 Nov 2026 is Mon 16 Nov.
        Assert.Equal(new DateOnly(2026, 11, 16), ChildProtectionRules.NextVisit(new DateOnly(2026, 11, 2), new DateOnly(2026, 10, 30), Defaults));
    }

    [Fact]
    public void NextReview_FirstFromConferenceOnLastDayOfNovember_IsLastDayOfFebruary()
    {
        // 30 Nov 2026 + 3 months: 30 Feb does not exist, so the last day of February, Sun 28 Feb 2027.
        var (due, rule) = ChildProtectionRules.NextReview(new DateOnly(2026, 11, 30), null);

        Assert.Equal(new DateOnly(2027, 2, 28), due);
        Assert.Same(Timescales.FirstChildProtectionReview, rule);
    }

    [Fact]
    public void NextReview_AfterAReviewOn31August_IsLastDayOfFebruaryInALeapYear()
    {
        // Last review 31 Aug 2027 + 6 months = 29 Feb 2028 (a leap year).
        var (due, rule) = ChildProtectionRules.NextReview(new DateOnly(2026, 11, 30), new DateOnly(2027, 8, 31));

        Assert.Equal(new DateOnly(2028, 2, 29), due);
        Assert.Same(Timescales.ChildProtectionReview, rule);
    }

    [Theory]
    [InlineData("2026-02-27", false)]
    [InlineData("2026-02-28", true)]
    public void LastedTwoYearsOrMore_PlanFrom29February_FlagsFrom28FebruaryTwoYearsOn(string on, bool expected)
    {
        Assert.Equal(expected, ChildProtectionRules.LastedTwoYearsOrMore(new DateOnly(2024, 2, 29), DateOnly.Parse(on)));
    }

    [Fact]
    public void Flags_SecondPlanOpenMoreThanTwoYears_CarriesBothFlags()
    {
        var plan = new ChildProtectionPlan { StartDate = new DateOnly(2024, 1, 10), PreviousPlans = 1 };

        Assert.Equal([ChildProtectionFlags.SecondOrSubsequent, ChildProtectionFlags.TwoYearsOrMore], ChildProtectionFlags.For(plan, new DateOnly(2026, 1, 10)));
        Assert.Empty(ChildProtectionFlags.For(new ChildProtectionPlan { StartDate = new DateOnly(2025, 6, 1) }, new DateOnly(2026, 1, 10)));
    }
}
