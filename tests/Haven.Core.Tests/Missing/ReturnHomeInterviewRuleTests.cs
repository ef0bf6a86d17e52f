using Haven.Core.Codes;
using Haven.Core.Missing;

namespace Haven.Core.Tests.Missing;

/// The return home interview must be offered within 72 hours of the recorded return: elapsed
/// hours, so weekends and bank holidays count like any other day (Missing SG 2014). Each case was
/// worked out by hand from a calendar.
public class ReturnHomeInterviewRuleTests
{
    [Theory]
    // Friday 6 March 2026 18:30 -> Monday 9 March 18:30: the weekend counts.
    [InlineData("2026-03-06T18:30:00Z", "2026-03-09T18:30:00Z")]
    // Saturday 7 March 2026 02:15 -> Tuesday 10 March 02:15.
    [InlineData("2026-03-07T02:15:00Z", "2026-03-10T02:15:00Z")]
    // Thursday 2 April 2026 21:00 -> Sunday 5 April 21:00 (Good Friday and Easter Sunday are no different).
    [InlineData("2026-04-02T21:00:00Z", "2026-04-05T21:00:00Z")]
    // Saturday 28 March 2026 22:00 UTC: the clocks go forward that night, but 72 elapsed hours end
    // at Tuesday 31 March 22:00 UTC (23:00 in the UK), not at 22:00 UK time.
    [InlineData("2026-03-28T22:00:00Z", "2026-03-31T22:00:00Z")]
    // Across a month and year end: Tuesday 30 December 2025 09:00 -> Friday 2 January 2026 09:00.
    [InlineData("2025-12-30T09:00:00Z", "2026-01-02T09:00:00Z")]
    public void InterviewDueBy_AfterReturn_IsSeventyTwoElapsedHours(string returned, string expected)
    {
        // Arrange
        var episode = new MissingEpisode { StartedAt = DateTime.Parse(returned).ToUniversalTime().AddHours(-5), ReturnedAt = DateTime.Parse(returned).ToUniversalTime() };

        // Act
        var due = episode.InterviewDueBy;

        // Assert
        Assert.Equal(DateTime.Parse(expected).ToUniversalTime(), due);
    }

    [Theory]
    [InlineData("2026-03-09T18:30:00Z", true)] // Monday at exactly 72 hours: in time
    [InlineData("2026-03-09T18:31:00Z", false)] // one minute later: late
    [InlineData("2026-03-09T09:00:00Z", true)] // Monday morning, the first working hour after the weekend
    [InlineData("2026-03-10T09:00:00Z", false)] // "3 working days" would allow this; 72 hours does not
    public void OfferedInTime_ForAFridayEveningReturn_CountsTheWeekend(string offered, bool inTime)
    {
        // Arrange: returned Friday 6 March 2026 18:30.
        var returned = DateTime.Parse("2026-03-06T18:30:00Z").ToUniversalTime();
        var episode = new MissingEpisode { ChildId = 1, StartedAt = returned.AddDays(-1), ReturnedAt = returned };
        var takeUp = new TakeUpEpisode(1, 1, returned, MissingFrom.Care, null, "", true,
            DateTime.Parse(offered).ToUniversalTime() <= episode.InterviewDueBy, false, false, false);

        // Assert
        Assert.Equal(inTime, takeUp.OfferedInTime);
    }

    [Fact]
    public void InterviewDueBy_WhileStillMissing_IsNull()
    {
        Assert.Null(new MissingEpisode { StartedAt = DateTime.UtcNow }.InterviewDueBy);
    }

    [Fact]
    public void Code_ForEachType_IsInTheSsda903List()
    {
        var list = CodeList.Load("903_missing_type");
        Assert.All(Enum.GetValues<MissingType>(), t => Assert.True(list.Contains(MissingEpisode.Code(t))));
    }

    [Fact]
    public void IsRepeat_WithThreeEpisodesInTwelveMonths_IsTrue_AndOlderOnesDoNotCount()
    {
        // Arrange
        var now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        DateTime[] recent = [now.AddDays(-10), now.AddMonths(-3), now.AddMonths(-11)];
        DateTime[] spread = [now.AddDays(-10), now.AddMonths(-3), now.AddMonths(-13)];

        // Assert
        Assert.True(MissingService.IsRepeat(recent, now));
        Assert.False(MissingService.IsRepeat(spread, now));
    }

    [Fact]
    public void Validate_InterviewOfferedBeforeReturnOrHeldWhenDeclined_GivesFieldErrors()
    {
        // Arrange
        var returned = new DateTime(2026, 3, 6, 18, 30, 0, DateTimeKind.Utc);
        var episode = new MissingEpisode { StartedAt = returned.AddHours(-6), ReturnedAt = returned };
        var now = returned.AddDays(5);
        var options = new RecordInterviewOptions(returned.AddHours(-1), "", false, InterviewResponse.Declined, "I don't want to talk",
            returned.AddDays(1), null, null, null, null, Share: true);

        // Act
        var errors = MissingService.Validate(options, episode, now);

        // Assert
        Assert.Equal("When the interview was offered must be after the child returned", errors["OfferedAt"]);
        Assert.Equal("Enter who offered the interview", errors["OfferedBy"]);
        Assert.Equal("An interview can only be held if the child accepted it", errors["CompletedAt"]);
        Assert.Equal("Record what the interview found before sharing it", errors["Share"]);
    }

    [Fact]
    public void Group_ByMonthAndSetting_CountsEachMeasure()
    {
        // Arrange
        var march = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        var april = new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc);
        TakeUpEpisode[] episodes =
        [
            new(1, 1, march, MissingFrom.Care, 7, "Adolescents", true, true, true, false, true),
            new(2, 2, march, MissingFrom.Home, 7, "Adolescents", true, false, false, true, false),
            new(3, 1, april, MissingFrom.Care, 7, "Adolescents", false, false, false, false, false),
        ];

        // Act
        var byMonth = ReturnHomeInterviewTakeUp.Group(episodes, TakeUpGrouping.Month);
        var bySetting = ReturnHomeInterviewTakeUp.Group(episodes, TakeUpGrouping.Setting);

        // Assert
        Assert.Equal(["2026-03", "2026-04"], byMonth.Select(r => r.Key));
        Assert.Equal(2, byMonth[0].Counts[TakeUpMeasure.Offered]);
        Assert.Equal(1, byMonth[0].Counts[TakeUpMeasure.OfferedInTime]);
        Assert.Equal(1, byMonth[0].Counts[TakeUpMeasure.Declined]);
        Assert.Equal(0.5, byMonth[0].CompletedShare);
        Assert.Equal(2, bySetting.Single(r => r.Key == "Care").Counts[TakeUpMeasure.Returns]);
    }
}
