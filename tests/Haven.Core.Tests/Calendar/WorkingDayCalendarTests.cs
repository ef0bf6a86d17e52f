using Haven.Core.Calendar;

namespace Haven.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;

    // The worked examples of timescales.md §1.2, computed there against the same CSV.
    [Theory]
    [InlineData("2025-03-28", 15, "2025-04-22")] // ICPC: Good Friday 18 Apr and Easter Monday 21 Apr skipped
    [InlineData("2025-04-17", 1, "2025-04-22")] // referral decision over Easter
    [InlineData("2024-12-19", 45, "2025-02-25")] // assessment over Christmas and New Year
    [InlineData("2025-12-24", 20, "2026-01-26")] // first looked-after review
    [InlineData("2025-05-03", 1, "2025-05-06")] // Saturday start; Monday 5 May is a bank holiday
    public void AddWorkingDays_WorkedExampleFromTimescales_ReturnsPublishedDueDate(string start, int days, string expected)
    {
        // Arrange
        var startDate = DateOnly.Parse(start);

        // Act
        var due = calendar.AddWorkingDays(startDate, days);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Theory]
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas Friday, Boxing Day substitute Monday 28th
    [InlineData("2027-12-24", 1, "2027-12-29")] // both substitute days: Monday 27th and Tuesday 28th
    [InlineData("2027-12-31", 1, "2028-01-04")] // New Year's Day substitute: Monday 3 January 2028
    [InlineData("2025-12-31", 1, "2026-01-02")] // New Year's Day on a Thursday
    [InlineData("2025-12-23", 3, "2025-12-30")] // Christmas Day and Boxing Day on Thursday and Friday
    public void AddWorkingDays_OverYearEnd_SkipsChristmasAndNewYearHolidays(string start, int days, string expected)
    {
        // Arrange
        var startDate = DateOnly.Parse(start);

        // Act
        var due = calendar.AddWorkingDays(startDate, days);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Theory]
    [InlineData("2027-12-25", false)] // Saturday
    [InlineData("2027-12-27", false)] // Christmas Day substitute
    [InlineData("2027-12-28", false)] // Boxing Day substitute
    [InlineData("2027-12-29", true)]
    [InlineData("2026-12-28", false)] // Boxing Day substitute
    [InlineData("2028-01-03", false)] // New Year's Day substitute
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-22", true)]
    public void IsWorkingDay_ForHolidaysAndOrdinaryDays_ReturnsExpected(string date, bool expected)
    {
        // Act
        var isWorkingDay = calendar.IsWorkingDay(DateOnly.Parse(date));

        // Assert
        Assert.Equal(expected, isWorkingDay);
    }

    [Fact]
    public void AddWorkingDays_WhenDecisionCrossesIntoNewCollectionYear_SkipsEasterAt31March()
    {
        // Arrange: Thursday 28 March 2024; Good Friday 29 March, Easter Monday 1 April.
        var referral = new DateOnly(2024, 3, 28);

        // Act
        var due = calendar.AddWorkingDays(referral, 1);

        // Assert: the decision falls in the 2024-25 collection year.
        Assert.Equal(new DateOnly(2024, 4, 2), due);
    }

    [Fact]
    public void WorkingDaysBetween_From31MarchTo1April_CountsOneDay()
    {
        // Act
        var days = calendar.WorkingDaysBetween(new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1));

        // Assert
        Assert.Equal(1, days);
    }

    [Fact]
    public void NextWorkingDay_OnEasterSundayAt31March_ReturnsTuesday2April()
    {
        // Act
        var next = calendar.NextWorkingDay(new DateOnly(2024, 3, 31));

        // Assert
        Assert.Equal(new DateOnly(2024, 4, 2), next);
    }

    [Fact]
    public void WorkingDaysBetween_SameDate_ReturnsZero()
    {
        // Arrange
        var date = new DateOnly(2025, 6, 4);

        // Act
        var days = calendar.WorkingDaysBetween(date, date);

        // Assert
        Assert.Equal(0, days);
    }

    [Fact]
    public void WorkingDaysBetween_EndBeforeStart_ReturnsNegatedCount()
    {
        // Arrange
        var earlier = new DateOnly(2025, 3, 28);
        var later = new DateOnly(2025, 4, 22);

        // Act
        var backwards = calendar.WorkingDaysBetween(later, earlier);

        // Assert
        Assert.Equal(-15, backwards);
    }

    [Fact]
    public void WorkingDaysBetween_OverChristmas2027_CountsOnlyWorkingDays()
    {
        // Arrange: 29, 30, 31 December and 4, 5 January are the working days after Friday 24th.
        var start = new DateOnly(2027, 12, 24);
        var end = new DateOnly(2028, 1, 5);

        // Act
        var days = calendar.WorkingDaysBetween(start, end);

        // Assert
        Assert.Equal(5, days);
    }

    [Fact]
    public void AddWorkingDays_ZeroDaysFromSaturday_ReturnsStart()
    {
        // Arrange
        var saturday = new DateOnly(2025, 5, 3);

        // Act
        var due = calendar.AddWorkingDays(saturday, 0);

        // Assert
        Assert.Equal(saturday, due);
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_CountsBackOverHolidays()
    {
        // Arrange: Tuesday 22 April 2025, after Easter.
        var review = new DateOnly(2025, 4, 22);

        // Act
        var threeBefore = calendar.AddWorkingDays(review, -3);

        // Assert: Mon 21 and Fri 18 are holidays, so Thu 17, Wed 16, Tue 15.
        Assert.Equal(new DateOnly(2025, 4, 15), threeBefore);
    }

    [Fact]
    public void AddWorkingDays_ForManyRandomStarts_AgreesWithWorkingDaysBetween()
    {
        // Arrange
        var random = new Random(20250401);

        for (var i = 0; i < 5000; i++)
        {
            var start = new DateOnly(2010, 1, 1).AddDays(random.Next(365 * 21));
            var days = random.Next(0, 130);

            // Act
            var due = calendar.AddWorkingDays(start, days);

            // Assert: the due date is the first date that is that many working days on.
            Assert.Equal(days, calendar.WorkingDaysBetween(start, due));
            if (days > 0)
            {
                Assert.True(calendar.IsWorkingDay(due));
                Assert.Equal(days - 1, calendar.WorkingDaysBetween(start, due.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void AddWorkingDays_ForManyRandomStarts_MatchesDayByDayCount()
    {
        // Arrange
        var random = new Random(42);

        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2010, 1, 1).AddDays(random.Next(365 * 21));
            var days = random.Next(-60, 61);

            // Act
            var due = calendar.AddWorkingDays(start, days);

            // Assert
            Assert.Equal(StepOneDayAtATime(start, days), due);
        }
    }

    [Fact]
    public void WorkingDaysBetween_ForRandomPairs_IsAntisymmetric()
    {
        // Arrange
        var random = new Random(7);

        for (var i = 0; i < 2000; i++)
        {
            var a = new DateOnly(2010, 1, 1).AddDays(random.Next(365 * 21));
            var b = a.AddDays(random.Next(-400, 400));

            // Act
            var forwards = calendar.WorkingDaysBetween(a, b);
            var backwards = calendar.WorkingDaysBetween(b, a);

            // Assert
            Assert.Equal(-forwards, backwards);
        }
    }

    [Fact]
    public void CoveredUntil_ForEnglandAndWales_IsEndOfLastYearInData()
    {
        // Act
        var coveredUntil = calendar.CoveredUntil;

        // Assert
        Assert.Equal(new DateOnly(2030, 12, 31), coveredUntil);
    }

    [Fact]
    public void IsWorkingDay_ChristmasAfterCoveredUntil_TreatsItAsWeekdayOnly()
    {
        // Arrange: Thursday 25 December 2031, beyond the holiday data.
        var christmas2031 = new DateOnly(2031, 12, 25);

        // Act
        var isWorkingDay = calendar.IsWorkingDay(christmas2031);

        // Assert
        Assert.True(christmas2031 > calendar.CoveredUntil);
        Assert.True(isWorkingDay);
    }

    [Fact]
    public void Constructor_WithOwnHolidays_UsesThemAndIgnoresWeekendDates()
    {
        // Arrange: Wednesday 1 January 2025 and Saturday 4 January 2025.
        var custom = new WorkingDayCalendar([new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 4)]);

        // Act
        var due = custom.AddWorkingDays(new DateOnly(2024, 12, 31), 3);

        // Assert: Thu 2, Fri 3, Mon 6.
        Assert.Equal(new DateOnly(2025, 1, 6), due);
        Assert.Equal(new DateOnly(2025, 12, 31), custom.CoveredUntil);
    }

    private static DateOnly StepOneDayAtATime(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var date = start;
        for (var left = Math.Abs(days); left > 0;)
        {
            date = date.AddDays(step);
            if (calendar.IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }
}
