using Haven.Core.FrontDoor;

namespace Haven.Core.Tests.FrontDoor;

/// Hand-worked examples for the 1-working-day decision rule and the 12-month re-referral rule.
/// The August 2025 bank holiday weekend: Friday 22, Saturday 23, Sunday 24, Monday 25 (bank holiday), Tuesday 26.
public class FrontDoorRulesTests
{
    private static readonly TimeZoneInfo london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2025-08-21", "2025-08-22")] // Thursday: due Friday
    [InlineData("2025-08-22", "2025-08-26")] // Friday before the bank holiday: due Tuesday, not Monday
    [InlineData("2025-08-23", "2025-08-26")] // Saturday (out of hours): Tuesday is the first working day after Monday's holiday
    [InlineData("2025-08-25", "2025-08-26")] // on the bank holiday itself: due the next working day
    [InlineData("2025-04-17", "2025-04-22")] // Maundy Thursday: Good Friday and Easter Monday skipped
    public void DecisionTimeliness_ReceivedOnDate_IsDueOnNextWorkingDay(string received, string expectedDue)
    {
        var t = DecisionTimeliness.For(DateOnly.Parse(received), null, DateOnly.Parse(received));
        Assert.Equal(DateOnly.Parse(expectedDue), t.Due);
    }

    [Theory]
    [InlineData("2025-08-26", TimelinessStatus.DecidedInTime)]
    [InlineData("2025-08-27", TimelinessStatus.DecidedLate)]
    [InlineData("2025-08-22", TimelinessStatus.DecidedInTime)]
    public void DecisionTimeliness_FridayContactOverBankHolidayWeekend_InTimeUntilTuesday(string decided, TimelinessStatus expected)
    {
        var t = DecisionTimeliness.For(new DateOnly(2025, 8, 22), DateOnly.Parse(decided), new DateOnly(2025, 9, 1));
        Assert.Equal(expected, t.Status);
    }

    [Theory]
    [InlineData("2025-08-25", TimelinessStatus.DueLater)]
    [InlineData("2025-08-26", TimelinessStatus.DueToday)]
    [InlineData("2025-08-27", TimelinessStatus.Overdue)]
    public void DecisionTimeliness_Undecided_DueTodayOrOverdueByToday(string today, TimelinessStatus expected)
    {
        var t = DecisionTimeliness.For(new DateOnly(2025, 8, 22), null, DateOnly.Parse(today));
        Assert.Equal(expected, t.Status);
        Assert.Equal(expected == TimelinessStatus.Overdue, t.IsLate);
    }

    [Fact]
    public void DecisionTimeliness_ReceivedJustAfterMidnightLondonTime_CountsFromTheLocalDate()
    {
        // 23:30 UTC on Friday 22 August is 00:30 BST on Saturday 23 August.
        var receivedUtc = new DateTime(2025, 8, 22, 23, 30, 0, DateTimeKind.Utc);
        var t = DecisionTimeliness.For(receivedUtc, null, receivedUtc, london);
        Assert.Equal(new DateOnly(2025, 8, 23), t.Received);
        Assert.Equal(new DateOnly(2025, 8, 26), t.Due);
    }

    [Fact]
    public void DecisionTimeliness_ThursdayEveningInWinter_DueFriday()
    {
        // 22:30 UTC on Thursday 4 December 2025 is 22:30 GMT, still Thursday.
        var receivedUtc = new DateTime(2025, 12, 4, 22, 30, 0, DateTimeKind.Utc);
        var decidedUtc = new DateTime(2025, 12, 5, 17, 0, 0, DateTimeKind.Utc);
        var t = DecisionTimeliness.For(receivedUtc, decidedUtc, decidedUtc, london);
        Assert.Equal(new DateOnly(2025, 12, 5), t.Due);
        Assert.Equal(TimelinessStatus.DecidedInTime, t.Status);
    }

    [Theory]
    [InlineData("2024-09-01", "2025-09-01", true)]  // exactly 12 months later: counts
    [InlineData("2024-09-01", "2025-09-02", false)] // a day more: new episode, not a re-referral
    [InlineData("2024-02-29", "2025-02-28", true)]  // leap day: the anniversary falls on 28 February
    [InlineData("2024-02-29", "2025-03-01", false)]
    [InlineData("2025-09-01", "2025-09-01", false)] // the same day is not a previous referral
    public void ReReferrals_PreviousReferral_CountsWithinTwelveMonths(string previous, string referral, bool expected)
    {
        Assert.Equal(expected, ReReferrals.IsReReferral([DateOnly.Parse(previous)], DateOnly.Parse(referral)));
    }

    [Fact]
    public void ReReferrals_SeveralPrevious_ListsThoseInTheWindowLatestFirst()
    {
        var previous = new[] { new DateOnly(2023, 1, 10), new DateOnly(2025, 1, 5), new DateOnly(2024, 11, 20) };
        var within = ReReferrals.Within12Months(previous, new DateOnly(2025, 6, 1));
        Assert.Equal([new DateOnly(2025, 1, 5), new DateOnly(2024, 11, 20)], within);
    }

    [Fact]
    public void NeedContinuum_FromConfiguration_ReplacesTheDefaultLevels()
    {
        var c = new NeedContinuum([new("1", "Level 1: universal"), new("2", "Level 2: targeted"), new("3", "Level 3: complex"), new("4", "Level 4: acute")]);
        Assert.Equal(4, c.Levels.Count);
        Assert.Equal("Level 3: complex", c.Describe("3"));
        Assert.Null(c.Find("child-in-need"));
        Assert.Equal(NeedContinuum.DefaultLevels, new NeedContinuum().Levels);
    }
}
