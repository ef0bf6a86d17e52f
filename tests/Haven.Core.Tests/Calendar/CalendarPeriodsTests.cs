using Haven.Core.Calendar;

namespace Haven.Core.Tests.Calendar;

public class CalendarPeriodsTests
{
    [Theory]
    [InlineData("2023-08-31", 6, "2024-02-29")] // into a leap-year February
    [InlineData("2024-08-31", 6, "2025-02-28")] // into an ordinary February
    [InlineData("2024-02-29", 12, "2025-02-28")] // from a leap day
    [InlineData("2024-02-29", 48, "2028-02-29")] // leap day to leap day
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2023-11-30", 3, "2024-02-29")]
    [InlineData("2025-03-31", 3, "2025-06-30")]
    [InlineData("2025-01-15", 3, "2025-04-15")]
    [InlineData("2024-03-31", -1, "2024-02-29")]
    public void AddMonths_WhenDayDoesNotExistInTargetMonth_UsesLastDayOfMonth(string start, int months, string expected)
    {
        // Act
        var result = CalendarPeriods.AddMonths(DateOnly.Parse(start), months);

        // Assert
        Assert.Equal(DateOnly.Parse(expected), result);
    }
}
