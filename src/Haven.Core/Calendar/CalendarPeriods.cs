namespace Haven.Core.Calendar;

/// <summary>Calendar-month arithmetic shared by every timescale.</summary>
public static class CalendarPeriods
{
    /// <summary>
    /// Adds calendar months, keeping the day number or, where that day does not exist, using the
    /// last day of the month: 31 August + 6 months = 28 or 29 February. Regulations do not define
    /// month arithmetic, so this convention lives here and only here (timescales.md §1.3).
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);
}
