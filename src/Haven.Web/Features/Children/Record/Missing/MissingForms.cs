namespace Haven.Web.Features.Children.Record.Missing;

/// The date-and-time pairs of the missing forms. Times are entered in local (UK) time and kept in UTC.
public static class MissingForms
{
    public const string TimePattern = @"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$";

    public static DateTime? ToUtc(DateOnly? date, string? time) => date is { } d
        ? d.ToDateTime(time is { Length: > 0 } t ? TimeOnly.Parse(t.Trim().Replace('.', ':')) : TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime()
        : null;

    public static (DateOnly? Date, string? Time) FromUtc(DateTime? utc) => utc is { } u
        ? (DateOnly.FromDateTime(u.ToLocalTime()), u.ToLocalTime().ToString("HH:mm"))
        : (null, null);

    public static string Show(DateTime? utc) => utc is { } u ? u.ToLocalTime().ToString("d MMM yyyy HH:mm") : "Not recorded";
}
