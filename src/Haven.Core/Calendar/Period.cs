namespace Haven.Core.Calendar;

public enum PeriodUnit
{
    WorkingDays,
    CalendarDays,
    Weeks,
    Months,
    Hours,
}

/// <summary>A length of time as the guidance states it, such as 45 working days or 6 months.</summary>
public readonly record struct Period(int Count, PeriodUnit Unit)
{
    public static Period WorkingDays(int count) => new(count, PeriodUnit.WorkingDays);

    public static Period CalendarDays(int count) => new(count, PeriodUnit.CalendarDays);

    public static Period Weeks(int count) => new(count, PeriodUnit.Weeks);

    public static Period Months(int count) => new(count, PeriodUnit.Months);

    public static Period Hours(int count) => new(count, PeriodUnit.Hours);

    /// <summary>
    /// The last date that is in time. Hours are rounded up to whole calendar days here; use
    /// <see cref="DueFrom(DateTime)"/> when the start time was recorded.
    /// </summary>
    public DateOnly DueFrom(DateOnly start, WorkingDayCalendar calendar) => Unit switch
    {
        PeriodUnit.WorkingDays => calendar.AddWorkingDays(start, Count),
        PeriodUnit.CalendarDays => start.AddDays(Count),
        PeriodUnit.Weeks => start.AddDays(Count * 7),
        PeriodUnit.Months => CalendarPeriods.AddMonths(start, Count),
        PeriodUnit.Hours => start.AddDays((int)Math.Ceiling(Count / 24.0)),
        _ => throw new InvalidOperationException($"Unknown period unit {Unit}."),
    };

    /// <summary>The due time for a period in hours, such as 72 hours from a child's return.</summary>
    public DateTime DueFrom(DateTime start) => Unit == PeriodUnit.Hours
        ? start.AddHours(Count)
        : throw new InvalidOperationException($"A period of {this} is counted in dates: use DueFrom(DateOnly, WorkingDayCalendar).");

    public bool IsInTime(DateOnly start, DateOnly actual, WorkingDayCalendar calendar) =>
        actual <= DueFrom(start, calendar);

    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => Count == 1 ? "1 working day" : $"{Count} working days",
        PeriodUnit.CalendarDays => Count == 1 ? "1 day" : $"{Count} days",
        PeriodUnit.Weeks => Count == 1 ? "1 week" : $"{Count} weeks",
        PeriodUnit.Months when Count >= 24 && Count % 12 == 0 => $"{Count / 12} years",
        PeriodUnit.Months => Count == 1 ? "1 month" : $"{Count} months",
        PeriodUnit.Hours => Count == 1 ? "1 hour" : $"{Count} hours",
        _ => $"{Count} {Unit}",
    };
}
