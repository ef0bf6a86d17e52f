using Haven.Core.Calendar;
using Haven.Core.ChildrenLookedAfter;

namespace Haven.Core.Tests.ChildrenLookedAfter;

/// Every timescale of the looked-after work on hand-worked dates (bank holidays from the CSV).
public class LookedAfterScheduleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void NextVisit_NoVisitSincePlacementStarted_IsDueWithinAWeek()
    {
        var (due, rule, _) = LookedAfterSchedule.NextVisit(D(2025, 1, 6), null, D(2025, 1, 2));

        Assert.Equal((D(2025, 1, 13), Timescales.FirstPlacementVisit), (due, rule));
    }

    [Fact]
    public void NextVisit_InTheFirstYear_IsSixWeeksFromTheLastVisit()
    {
        var (due, rule, _) = LookedAfterSchedule.NextVisit(D(2025, 1, 6), D(2025, 1, 8), D(2025, 1, 13));

        Assert.Equal((D(2025, 2, 24), Timescales.LookedAfterVisit), (due, rule));
    }

    [Fact]
    public void NextVisit_AfterTheFirstYearOfALongTermPlacement_IsThreeMonths()
    {
        var (due, rule, _) = LookedAfterSchedule.NextVisit(D(2025, 1, 6), D(2025, 3, 1), D(2026, 1, 10));

        Assert.Equal((D(2026, 4, 10), Timescales.PlacementUntilAdulthoodVisit), (due, rule));
    }

    [Theory]
    [InlineData(2026, 1, 2, true, 2026, 2, 13)]   // last visit still in the first year: 6 weeks
    [InlineData(2026, 1, 10, false, 2026, 2, 21)] // after the first year, but no long-term placement agreed: 6 weeks
    public void NextVisit_FirstYearOrNotLongTerm_StaysSixWeekly(int y, int m, int d, bool longTerm, int ey, int em, int ed)
    {
        var (due, rule, _) = LookedAfterSchedule.NextVisit(D(2025, 1, 6), longTerm ? D(2025, 3, 1) : null, D(y, m, d));

        Assert.Equal((D(ey, em, ed), Timescales.LookedAfterVisit), (due, rule));
    }

    [Fact]
    public void NextReview_First_Is20WorkingDaysOverChristmas()
    {
        // timescales.md worked example: looked after Wed 24 Dec 2025 -> Mon 26 Jan 2026.
        var (due, rule, _) = LookedAfterSchedule.NextReview(D(2025, 12, 24), []);

        Assert.Equal((D(2026, 1, 26), Timescales.FirstLookedAfterReview), (due, rule));
    }

    [Fact]
    public void NextReview_SecondAndLater_CountFromTheLastHeld()
    {
        Assert.Equal(D(2026, 4, 20), LookedAfterSchedule.NextReview(D(2025, 12, 24), [D(2026, 1, 20)]).Due);
        Assert.Equal(D(2026, 10, 15), LookedAfterSchedule.NextReview(D(2025, 12, 24), [D(2026, 1, 20), D(2026, 4, 15)]).Due);
        // 31 Aug + 6 months has no 31st: the last day of February.
        Assert.Equal(D(2027, 2, 28), LookedAfterSchedule.NextReview(D(2025, 12, 24), [D(2026, 1, 20), D(2026, 4, 15), D(2026, 8, 31)]).Due);
    }

    [Fact]
    public void NextReview_ReviewsFromAnEarlierPeriod_DoNotCount()
    {
        Assert.Equal(Timescales.FirstLookedAfterReview, LookedAfterSchedule.NextReview(D(2025, 12, 24), [D(2025, 6, 1)]).Rule);
    }

    [Fact]
    public void ReviewsInTime_ALateFirstReview_ResetsTheClockFromWhenItWasHeld()
    {
        // First due 26 Jan 2026, held 27 Jan (late); second due 27 Apr, held 20 Apr (in time).
        Assert.Equal([false, true], LookedAfterSchedule.ReviewsInTime(D(2025, 12, 24), [D(2026, 1, 27), D(2026, 4, 20)]));
    }

    [Fact]
    public void PublicLawOutline_PreProceedingsAndProceedings_HandWorked()
    {
        Assert.Equal(D(2026, 4, 27), Timescales.PreProceedings.DueFrom(D(2026, 1, 5)));
        Assert.Equal(D(2026, 7, 6), Timescales.CareProceedings.DueFrom(D(2026, 1, 5)));
        Assert.Equal(D(2026, 8, 31), new CareProceedings { ApplicationDate = D(2026, 1, 5), ExtensionWeeks = 8 }.DueBy);
    }
}
