using System.Reflection;
using Haven.Core.Calendar;

namespace Haven.Core.Tests.Calendar;

public class TimescalesTests
{
    [Fact]
    public void All_Codes_AreUnique()
    {
        // Act
        var duplicates = Timescales.All.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        // Assert
        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_EveryRule_HasNameClockSourceAndPositivePeriod()
    {
        // Assert
        Assert.All(Timescales.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.False(string.IsNullOrWhiteSpace(rule.ClockStarts));
            // Every rule names where it comes from: a row of the reference timescales, or, for a local
            // practice default the reference does not list, the guidance or protocol it follows.
            Assert.True(rule.Source.Contains("timescales.md row") || rule.Status == TimescaleStatus.LocalPractice && rule.Source.Length >= 20,
                $"{rule.Code}: cite a timescales.md row, or name the local source of a local practice default");
            Assert.True(rule.Period.Count > 0);
        });
    }

    [Fact]
    public void All_IncludesEveryRuleField()
    {
        // Arrange
        var fields = typeof(Timescales).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(TimescaleRule))
            .Select(f => (TimescaleRule)f.GetValue(null)!);

        // Act
        var missing = fields.Except(Timescales.All);

        // Assert
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("referral-decision", 1, PeriodUnit.WorkingDays, TimescaleStatus.StatutoryGuidance)]
    [InlineData("assessment", 45, PeriodUnit.WorkingDays, TimescaleStatus.StatutoryGuidance)]
    [InlineData("child-in-need-plan-review", 12, PeriodUnit.Weeks, TimescaleStatus.LocalPractice)]
    [InlineData("child-in-need-visit", 20, PeriodUnit.WorkingDays, TimescaleStatus.LocalPractice)]
    [InlineData("re-referral-window", 12, PeriodUnit.Months, TimescaleStatus.NationalGuidance)]
    [InlineData("initial-child-protection-conference", 15, PeriodUnit.WorkingDays, TimescaleStatus.StatutoryGuidance)]
    [InlineData("first-core-group", 10, PeriodUnit.WorkingDays, TimescaleStatus.StatutoryGuidance)]
    [InlineData("child-protection-visit", 10, PeriodUnit.WorkingDays, TimescaleStatus.LocalPractice)]
    [InlineData("first-child-protection-review", 3, PeriodUnit.Months, TimescaleStatus.StatutoryGuidance)]
    [InlineData("child-protection-review", 6, PeriodUnit.Months, TimescaleStatus.StatutoryGuidance)]
    [InlineData("long-child-protection-plan", 24, PeriodUnit.Months, TimescaleStatus.NationalGuidance)]
    [InlineData("care-plan", 10, PeriodUnit.WorkingDays, TimescaleStatus.Statutory)]
    [InlineData("placement-plan", 5, PeriodUnit.WorkingDays, TimescaleStatus.Statutory)]
    [InlineData("first-looked-after-review", 20, PeriodUnit.WorkingDays, TimescaleStatus.Statutory)]
    [InlineData("second-looked-after-review", 3, PeriodUnit.Months, TimescaleStatus.Statutory)]
    [InlineData("looked-after-review", 6, PeriodUnit.Months, TimescaleStatus.Statutory)]
    [InlineData("first-placement-visit", 1, PeriodUnit.Weeks, TimescaleStatus.Statutory)]
    [InlineData("looked-after-visit", 6, PeriodUnit.Weeks, TimescaleStatus.Statutory)]
    [InlineData("return-home-interview", 72, PeriodUnit.Hours, TimescaleStatus.StatutoryGuidance)]
    [InlineData("pathway-plan-review", 6, PeriodUnit.Months, TimescaleStatus.Statutory)]
    public void FindByCode_RequiredRule_HasPeriodAndStatusFromTimescales(string code, int count, PeriodUnit unit, TimescaleStatus status)
    {
        // Act
        var rule = Timescales.FindByCode(code);

        // Assert
        Assert.NotNull(rule);
        Assert.Equal(new Period(count, unit), rule.Period);
        Assert.Equal(status, rule.Status);
    }

    [Fact]
    public void FindByCode_UnknownCode_ReturnsNull()
    {
        // Act
        var rule = Timescales.FindByCode("no-such-rule");

        // Assert
        Assert.Null(rule);
    }

    [Fact]
    public void DueFrom_AssessmentFromReferralBeforeChristmas_ReturnsWorkedExampleDate()
    {
        // Act
        var due = Timescales.Assessment.DueFrom(new DateOnly(2024, 12, 19));

        // Assert
        Assert.Equal(new DateOnly(2025, 2, 25), due);
    }

    [Fact]
    public void DueFrom_InitialConferenceOverEaster_ReturnsWorkedExampleDate()
    {
        // Act
        var due = Timescales.InitialChildProtectionConference.DueFrom(new DateOnly(2025, 3, 28));

        // Assert
        Assert.Equal(new DateOnly(2025, 4, 22), due);
    }

    [Fact]
    public void DueFrom_FirstLookedAfterReviewFromChristmasEve_ReturnsWorkedExampleDate()
    {
        // Act
        var due = Timescales.FirstLookedAfterReview.DueFrom(new DateOnly(2025, 12, 24));

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 26), due);
    }

    [Fact]
    public void DueFrom_LookedAfterVisit_AddsFortyTwoCalendarDays()
    {
        // Act
        var due = Timescales.LookedAfterVisit.DueFrom(new DateOnly(2025, 12, 1));

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 12), due);
    }

    [Fact]
    public void DueFrom_SubsequentReviewFrom31August_ClampsToEndOfFebruary()
    {
        // Act
        var due = Timescales.ChildProtectionReview.DueFrom(new DateOnly(2023, 8, 31));

        // Assert
        Assert.Equal(new DateOnly(2024, 2, 29), due);
    }

    [Fact]
    public void DueFrom_ReturnHomeInterviewWithTime_AddsSeventyTwoHours()
    {
        // Arrange
        var returned = new DateTime(2025, 5, 2, 22, 30, 0);

        // Act
        var due = Timescales.ReturnHomeInterview.DueFrom(returned);

        // Assert
        Assert.Equal(new DateTime(2025, 5, 5, 22, 30, 0), due);
    }

    [Fact]
    public void DueFrom_ReturnHomeInterviewWithDateOnly_AddsThreeCalendarDays()
    {
        // Act
        var due = Timescales.ReturnHomeInterview.DueFrom(new DateOnly(2025, 5, 2));

        // Assert
        Assert.Equal(new DateOnly(2025, 5, 5), due);
    }

    [Fact]
    public void DueFrom_HoursNotWholeDays_RoundsUpToNextDay()
    {
        // Act
        var due = Period.Hours(25).DueFrom(new DateOnly(2025, 5, 2), WorkingDayCalendar.EnglandAndWales);

        // Assert
        Assert.Equal(new DateOnly(2025, 5, 4), due);
    }

    [Fact]
    public void DueFrom_DateTimeForWorkingDayRule_Throws()
    {
        // Act
        Action act = () => Timescales.Assessment.DueFrom(new DateTime(2025, 5, 2, 9, 0, 0));

        // Assert
        Assert.Throws<InvalidOperationException>(act);
    }

    [Fact]
    public void DueFrom_WithOwnCalendar_UsesThatCalendar()
    {
        // Arrange: no bank holidays, so Good Friday and Easter Monday 2025 count.
        var weekendsOnly = new WorkingDayCalendar([]);

        // Act
        var due = Timescales.InitialChildProtectionConference.DueFrom(new DateOnly(2025, 3, 28), weekendsOnly);

        // Assert
        Assert.Equal(new DateOnly(2025, 4, 18), due);
    }

    [Theory]
    [InlineData("2025-04-22", true)] // on the due date
    [InlineData("2025-04-10", true)] // early
    [InlineData("2025-04-23", false)] // a day late
    public void IsInTime_ConferenceHeldOnDate_ReturnsWhetherByDueDate(string held, bool expected)
    {
        // Act
        var inTime = Timescales.InitialChildProtectionConference.IsInTime(new DateOnly(2025, 3, 28), DateOnly.Parse(held));

        // Assert
        Assert.Equal(expected, inTime);
    }

    [Theory]
    [InlineData(1, PeriodUnit.WorkingDays, "1 working day")]
    [InlineData(45, PeriodUnit.WorkingDays, "45 working days")]
    [InlineData(7, PeriodUnit.CalendarDays, "7 days")]
    [InlineData(1, PeriodUnit.Weeks, "1 week")]
    [InlineData(6, PeriodUnit.Weeks, "6 weeks")]
    [InlineData(1, PeriodUnit.Months, "1 month")]
    [InlineData(12, PeriodUnit.Months, "12 months")]
    [InlineData(24, PeriodUnit.Months, "2 years")]
    [InlineData(72, PeriodUnit.Hours, "72 hours")]
    public void ToString_Period_DescribesItInWords(int count, PeriodUnit unit, string expected)
    {
        // Act
        var words = new Period(count, unit).ToString();

        // Assert
        Assert.Equal(expected, words);
    }

    [Fact]
    public void ToMarkdownTable_AllRules_RendersHeaderAndOneRowEach()
    {
        // Act
        var lines = Timescales.ToMarkdownTable().TrimEnd().Split(Environment.NewLine);

        // Assert
        Assert.Equal("| Code | Name | Clock starts | Period | Status | Source |", lines[0]);
        Assert.Equal(Timescales.All.Count + 2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("| assessment | ", StringComparison.Ordinal)
            && l.Contains("| 45 working days | Statutory guidance |", StringComparison.Ordinal));
    }
}
