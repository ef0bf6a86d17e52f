using System.Globalization;

namespace Haven.Core.Calendar;

/// <summary>
/// Working-day arithmetic: a working day is Monday to Friday and not a bank holiday
/// (timescales.md §1.1). Day counts follow the DfE convention of §1.2: the start date is day 0.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string EnglandAndWalesResource = "Haven.Core.Calendar.bank-holidays.csv";

    private static readonly Lazy<WorkingDayCalendar> englandAndWales = new(LoadEnglandAndWales);

    // Day numbers of the holidays that fall on weekdays, sorted, so that the holidays in any range
    // can be counted with two binary searches instead of walking the range day by day.
    private readonly int[] holidays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, DateOnly? coveredUntil = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        this.holidays = holidays.Where(IsWeekday).Select(d => d.DayNumber).Distinct().Order().ToArray();
        CoveredUntil = coveredUntil ?? (this.holidays.Length == 0
            ? DateOnly.MinValue
            : new DateOnly(DateOnly.FromDayNumber(this.holidays[^1]).Year, 12, 31));
    }

    /// <summary>England and Wales bank holidays, from the embedded gov.uk list.</summary>
    public static WorkingDayCalendar EnglandAndWales => englandAndWales.Value;

    /// <summary>
    /// The last date the holiday data covers. Later dates are treated as having no bank holidays
    /// (weekends only), so due dates beyond it may be a day or two early: warn the user.
    /// </summary>
    public DateOnly CoveredUntil { get; }

    public bool IsWorkingDay(DateOnly date) =>
        IsWeekday(date) && Array.BinarySearch(holidays, date.DayNumber) < 0;

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (day 0).
    /// A start on a non-working day makes the first following working day day 1. Zero returns
    /// <paramref name="start"/>; a negative count goes backwards the same way.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var direction = Math.Sign(workingDays);
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            // Step over weekdays first, then step again once for each bank holiday crossed.
            var next = AddWeekdays(date, remaining * direction);
            remaining = direction > 0
                ? HolidaysUpTo(next.DayNumber) - HolidaysUpTo(date.DayNumber)
                : HolidaysUpTo(date.DayNumber - 1) - HolidaysUpTo(next.DayNumber - 1);
            date = next;
        }

        return date;
    }

    /// <summary>
    /// The number of working days d with start &lt; d ≤ end, so "within N working days" is
    /// <c>WorkingDaysBetween(start, end) ≤ N</c>. Zero when the dates are equal; when end is before
    /// start the result is negative: <c>-WorkingDaysBetween(end, start)</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        return WeekdaysUpTo(end.DayNumber) - WeekdaysUpTo(start.DayNumber)
            - (HolidaysUpTo(end.DayNumber) - HolidaysUpTo(start.DayNumber));
    }

    private static bool IsWeekday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    // Day number 0 (1 January 0001) was a Monday, so dayNumber % 7 is 0-4 on weekdays.
    private static int WeekdaysUpTo(int dayNumber) => dayNumber / 7 * 5 + Math.Min(dayNumber % 7 + 1, 5);

    private static DateOnly AddWeekdays(DateOnly date, int weekdays)
    {
        var direction = Math.Sign(weekdays);
        var count = Math.Abs(weekdays);
        var wholeWeeks = (count - 1) / 5;
        date = date.AddDays(wholeWeeks * 7 * direction);
        for (var left = count - wholeWeeks * 5; left > 0;)
        {
            date = date.AddDays(direction);
            if (IsWeekday(date))
            {
                left--;
            }
        }

        return date;
    }

    private int HolidaysUpTo(int dayNumber)
    {
        var index = Array.BinarySearch(holidays, dayNumber);
        return index >= 0 ? index + 1 : ~index;
    }

    private static WorkingDayCalendar LoadEnglandAndWales()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(EnglandAndWalesResource)
            ?? throw new InvalidOperationException($"The embedded resource {EnglandAndWalesResource} is missing.");
        using var reader = new StreamReader(stream);
        return new WorkingDayCalendar(ReadHolidays(reader).ToList());
    }

    private static IEnumerable<DateOnly> ReadHolidays(TextReader csv)
    {
        csv.ReadLine();
        while (csv.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var date = line.Split(',', 2)[0].Trim();
            yield return DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}
