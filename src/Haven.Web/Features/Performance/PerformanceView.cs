using System.Globalization;
using System.Net;
using System.Text;
using Haven.Core.Performance;
using Microsoft.AspNetCore.Html;

namespace Haven.Web.Features.Performance;

/// The period a dashboard request asks for: ?from=yyyy-MM-dd&amp;to=yyyy-MM-dd ("to" is the "as at" date).
public sealed record PerformancePeriod(DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> Errors)
{
    public static PerformancePeriod Parse(string? from, string? to, (DateOnly From, DateOnly To) fallback)
    {
        var errors = new Dictionary<string, string>();
        DateOnly? Read(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors[field] = $"{label} must be a real date, for example 2026-03-31";
            return null;
        }
        return Resolve(Read(from, "from", FromLabel), Read(to, "to", ToLabel), errors, fallback);
    }

    public const string FromLabel = "Start of the period";
    public const string ToLabel = "The \"as at\" date";

    /// The period from dates already read (from the query or the GOV.UK date inputs), with the
    /// errors met reading them (keyed "from" and "to"); the checks that need both dates added.
    public static PerformancePeriod Resolve(DateOnly? f, DateOnly? t, Dictionary<string, string> errors, (DateOnly From, DateOnly To) fallback)
    {
        if (f is { Year: < 1990 or > 2100 }) { errors["from"] = $"{FromLabel} must be between 1990 and 2100"; f = null; }
        if (t is { Year: < 1990 or > 2100 }) { errors["to"] = $"{ToLabel} must be between 1990 and 2100"; t = null; }
        var toDate = t ?? fallback.To;
        var fromDate = f ?? (t is null ? fallback.From : new DateOnly(toDate.Year, toDate.Month, 1).AddMonths(-11));
        if (fromDate > toDate)
        {
            errors["from"] = $"{FromLabel} must be on or before the \"as at\" date";
            (fromDate, toDate) = fallback;
        }
        else if (toDate.DayNumber - fromDate.DayNumber > 366 * 10)
        {
            errors["from"] = "The period can be at most 10 years";
            (fromDate, toDate) = fallback;
        }
        if (errors.Count > 0 && errors.ContainsKey("to")) (fromDate, toDate) = fallback;
        return new PerformancePeriod(fromDate, toDate, errors);
    }

    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";
}

public static class PerformanceView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Format(MeasureDefinition m, decimal? value) => value is not { } v ? "–" : m.Kind switch
    {
        MeasureKind.Percentage => v.ToString("0.0", Inv) + "%",
        MeasureKind.PerWorker => v.ToString("0.0", Inv),
        MeasureKind.Average => v.ToString("0.0", Inv) + m.ScoreUnit,
        _ => v.ToString("#,0", Inv),
    };

    /// The headline as a sentence fragment: "85.0% (17 of 20)", "120 children (32.5 per 10,000)".
    public static string Headline(MeasureDefinition m, MeasureValue v, int? population) => m.Kind switch
    {
        MeasureKind.Percentage => v.Total == 0 ? "No cases in the period" : $"{Format(m, v.Value)} ({v.Met:#,0} of {v.Total:#,0})",
        MeasureKind.PerWorker => v.Value is null ? "No children allocated" : $"{Format(m, v.Value)} ({v.Total:#,0} children, {v.Workers:#,0} workers)",
        MeasureKind.Average => v.Total == 0 ? "No cases in the period" : $"{Format(m, v.Value)} average ({v.Met:#,0} of {v.Total:#,0} {m.MetLabel})",
        _ => $"{v.Total:#,0} {m.Counts}" + (m.RatePer10k ? v.Rate is { } r ? $" ({r.ToString("0.0", Inv)} per 10,000)" : population is null ? " (rate: set the child population)" : "" : ""),
    };

    public static string England(MeasureDefinition m) => m.England is not { } e ? "Not published" : m.RatePer10k ? $"{e.ToString("0.0", Inv)} per 10,000" : Format(m, e);

    public static string Neighbours(MeasureDefinition m, decimal? n) => n is not { } v ? "Not set" : m.RatePer10k ? $"{v.ToString("0.0", Inv)} per 10,000" : Format(m, v);

    public static string Direction(MeasureDefinition m) => m.Good switch
    {
        Haven.Core.Performance.Direction.HigherIsBetter => "Higher is better",
        Haven.Core.Performance.Direction.LowerIsBetter => "Lower is better",
        _ => "Context: neither higher nor lower is better",
    };

    public static string Comparison(MeasureResult r) => r.AgainstEngland switch
    {
        1 => "Better than England",
        -1 => "Worse than England",
        0 => "Same as England",
        _ => "",
    };

    public static string ComparisonColour(MeasureResult r) => r.AgainstEngland switch { 1 => "govuk-tag--green", -1 => "govuk-tag--red", _ => "govuk-tag--grey" };

    /// The figure a trend point plots: the rate per 10,000 when there is one, else the value.
    private static decimal? Plotted(MeasureDefinition m, MeasureValue v) => m.RatePer10k && v.Rate is not null ? v.Rate : v.Value;

    /// A column chart of the trend as inline SVG, drawn on the server so it needs no JavaScript.
    /// It is an image with a text title and summary; the table beside it carries every figure.
    public static IHtmlContent Chart(MeasureResult r, string idPrefix, bool large = false)
    {
        var m = r.Measure;
        var points = r.Trend;
        const int height = 160, left = 44, bottom = 24, top = 8;
        var width = large ? 640 : 320;
        var values = points.Select(p => Plotted(m, p.Value)).ToList();
        var england = m.RatePer10k && r.Latest.Rate is null ? null : m.England;
        var max = m.Kind == MeasureKind.Percentage ? 100m : Math.Max(1m, values.Where(v => v is not null).Select(v => v!.Value).Append(england ?? 0).DefaultIfEmpty(1m).Max() * 1.1m);
        var plotH = height - top - bottom;
        var slot = (width - left - 8) / (double)Math.Max(1, points.Count);
        var sb = new StringBuilder();
        var titleId = idPrefix + "-chart-title";
        var descId = idPrefix + "-chart-desc";
        var first = points.FirstOrDefault();
        var last = points.LastOrDefault();
        var desc = points.Count == 0 ? "No months in the period." :
            $"{points.Count} months from {first!.Month:MMMM yyyy} to {last!.Month:MMMM yyyy}; latest {Format(m, values[^1])}. The table that follows gives every month.";
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"haven-chart\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{WebUtility.HtmlEncode(m.Title)}: trend by month</title><desc id=\"{descId}\">{WebUtility.HtmlEncode(desc)}</desc>");
        // Axis and gridline labels.
        foreach (var frac in new[] { 0m, 0.5m, 1m })
        {
            var y = top + plotH - (double)frac * plotH;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 4}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(Format(m.Kind == MeasureKind.Percentage ? m : m with { Kind = MeasureKind.PerWorker }, Math.Round(max * frac, 1)))}</text>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (values[i] is not { } v) continue;
            var h = (double)(v / max) * plotH;
            var x = left + i * slot + slot * 0.15;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"#1d70b8\"/>");
        }
        if (england is { } e && e <= max)
        {
            var y = top + plotH - (double)(e / max) * plotH;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 4}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }
        if (points.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - 6}\" font-size=\"12\" fill=\"#0b0c0c\">{first!.Month:MMM yyyy}</text>");
            if (points.Count > 1)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 4}\" y=\"{height - 6}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{last!.Month:MMM yyyy}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// One row a measure per headline and one per month: what analysts load into a spreadsheet.
    public static string Csv(IEnumerable<MeasureResult> results, PerformancePeriod period)
    {
        static string Q(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        static string N(decimal? d) => d?.ToString(Inv) ?? "";
        var sb = new StringBuilder("measure_id,measure,row,period_start,period_end,value,met,total,workers,rate_per_10000,england,neighbours\n");
        foreach (var r in results)
        {
            var m = r.Measure;
            string V(decimal? d) => d is not { } x ? "" : m.Kind == MeasureKind.Count ? x.ToString("0", Inv) : x.ToString("0.0", Inv);
            void Line(string row, DateOnly start, DateOnly end, MeasureValue v) =>
                sb.Append(CultureInfo.InvariantCulture, $"{m.Id},{Q(m.Title)},{row},{start:yyyy-MM-dd},{end:yyyy-MM-dd},{V(v.Value)},{v.Met},{v.Total},{v.Workers},{N(v.Rate)},{N(m.England)},{N(r.Neighbour)}\n");
            Line("headline", m.Timing == MeasureTiming.Stock || !r.TrendAvailable ? period.To : period.From, period.To, r.Latest);
            foreach (var p in r.Trend.Where(_ => r.TrendAvailable))
                Line("month", m.Timing == MeasureTiming.Stock ? p.On : (p.Month < period.From ? period.From : p.Month), p.On, p.Value);
        }
        return sb.ToString();
    }
}
