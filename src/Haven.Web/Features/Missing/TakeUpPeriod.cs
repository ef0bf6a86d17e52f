using System.Globalization;

namespace Haven.Web.Features.Missing;

/// The months a take-up page covers: from the first day of `from` to the end of `to` (yyyy-MM),
/// the last 12 months by default.
public sealed record TakeUpPeriod(DateOnly FromMonth, DateOnly ToMonth)
{
    public DateTime Start => FromMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public DateTime End => ToMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    public string From => FromMonth.ToString("yyyy-MM");
    public string To => ToMonth.ToString("yyyy-MM");

    public static TakeUpPeriod Parse(string? from, string? to, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var end = Month(to) ?? thisMonth;
        var start = Month(from) ?? end.AddMonths(-11);
        if (start > end) (start, end) = (end, start);
        if (start < end.AddMonths(-60)) start = end.AddMonths(-60);
        return new TakeUpPeriod(start, end);
    }

    private static DateOnly? Month(string? s) =>
        DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
