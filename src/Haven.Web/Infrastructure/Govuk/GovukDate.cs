using System.Globalization;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>Which of a date input's three fields a problem is in.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>The outcome of reading a GOV.UK date input's day, month and year fields.</summary>
public sealed record DateInputResult(DateOnly? Date, bool IsEmpty, string? Error, DateParts PartsInError)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads the three fields of a GOV.UK date input and words problems as the Design System's date
/// input pattern does ("Date of birth must include a month", "Date of birth must be a real date").
/// Rules that depend on the question, such as "must be in the past", are for the page.
/// </summary>
public static class GovukDate
{
    public static DateInputResult Parse(string? day, string? month, string? year, string errorMessagePrefix)
    {
        day = day?.Trim();
        month = month?.Trim();
        year = year?.Trim();

        var missing = DateParts.None;
        if (string.IsNullOrEmpty(day)) missing |= DateParts.Day;
        if (string.IsNullOrEmpty(month)) missing |= DateParts.Month;
        if (string.IsNullOrEmpty(year)) missing |= DateParts.Year;

        if (missing == DateParts.All)
            return new(null, IsEmpty: true, null, DateParts.None);
        if (missing != DateParts.None)
            return Invalid($"{errorMessagePrefix} must include {DescribeMissing(missing)}", missing);

        var invalid = DateParts.None;
        if (!TryParseNumber(day!, out var d) || d is < 1 or > 31) invalid |= DateParts.Day;
        if (!TryParseMonth(month!, out var m)) invalid |= DateParts.Month;
        var yearIsNumber = TryParseNumber(year!, out var y);
        if (yearIsNumber && year!.Length != 4 && invalid == DateParts.None)
            return Invalid("Year must include 4 numbers", DateParts.Year);
        if (!yearIsNumber || year!.Length != 4 || y < 1) invalid |= DateParts.Year;
        if (invalid == DateParts.None && d > DateTime.DaysInMonth(y, m)) invalid = DateParts.Day;
        if (invalid != DateParts.None)
            return Invalid($"{errorMessagePrefix} must be a real date", invalid);

        return new(new DateOnly(y, m, d), IsEmpty: false, null, DateParts.None);
    }

    /// <summary>The fields to mark as in error when the date has <paramref name="hasError"/>: the
    /// ones the problem is in when the parser can tell, otherwise all three (as GOV.UK advises).</summary>
    public static DateParts PartsToHighlight(string? day, string? month, string? year, bool hasError)
    {
        if (!hasError) return DateParts.None;
        var parts = Parse(day, month, year, "Date").PartsInError;
        return parts == DateParts.None ? DateParts.All : parts;
    }

    /// <summary>"Date of birth" becomes "date of birth" in "Enter date of birth"; "DfE number" stays.</summary>
    public static string LowercaseFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;

    private static DateInputResult Invalid(string error, DateParts parts) => new(null, IsEmpty: false, error, parts);

    private static string DescribeMissing(DateParts missing) => missing switch
    {
        DateParts.Day => "a day",
        DateParts.Month => "a month",
        DateParts.Year => "a year",
        DateParts.Day | DateParts.Month => "a day and month",
        DateParts.Day | DateParts.Year => "a day and year",
        _ => "a month and year",
    };

    private static bool TryParseNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // GOV.UK's pattern asks services to accept month names and abbreviations ("Jan", "Sept") as well as numbers.
    private static bool TryParseMonth(string text, out int month)
    {
        if (TryParseNumber(text, out month))
            return month is >= 1 and <= 12;
        var name = text.TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (name.Length >= 3 && MonthNames[i].StartsWith(name, StringComparison.Ordinal))
            {
                month = i + 1;
                return true;
            }
        }
        month = 0;
        return false;
    }
}
