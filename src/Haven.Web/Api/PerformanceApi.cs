using Haven.Core.Access;
using Haven.Core.Performance;
using Haven.Web.Features.Performance;
using Haven.Web.Infrastructure;

namespace Haven.Web.Api;

/// The dashboard's measures for analysts' own tools: the same definitions and figures as
/// /performance (counts only, nobody named), as JSON or CSV.
public static class PerformanceApi
{
    public sealed record MeasureDto(string Id, string Area, string Title, string Definition, string Kind, string Timing, string Good,
        decimal? England, string? EnglandSource, decimal? Neighbours, ValueDto Latest, IReadOnlyList<TrendDto> Trend);
    public sealed record ValueDto(decimal? Value, int Met, int Total, int Workers, decimal? RatePer10000);
    public sealed record TrendDto(DateOnly Month, DateOnly On, ValueDto Value);
    public sealed record BreakdownDto(string Level, int Key, string Label, ValueDto Value);

    public static void MapPerformanceApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/performance").RequireAuthorization(Policies.Api).WithTags("Performance");
        g.MapGet("", ListAsync).WithName("GetPerformance").WithSummary("Every dashboard measure for a period (?from=yyyy-MM-dd&to=yyyy-MM-dd, to = as at); ?format=csv for CSV");
        g.MapGet("/{id}", OneAsync).WithName("GetPerformanceMeasure").WithSummary("One measure, with its figures by service and team");
    }

    private static IResult? Check(HttpContext http, PerformancePeriod period)
    {
        if (CurrentWorker.From(http.User) is not { } w || !Policies.SeesPerformance(w.Role)) return Results.Problem(statusCode: 403, title: "The performance figures are for performance analysts, senior leaders and team managers.");
        if (period.Errors.Count > 0) return ApiProblems.Invalid(period.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        return null;
    }

    private static async Task<IResult> ListAsync(string? from, string? to, string? format, HttpContext http, PerformanceFigures figures, PerformanceCache cache, CancellationToken ct)
    {
        var period = PerformancePeriod.Parse(from, to, figures.DefaultPeriod());
        if (Check(http, period) is { } problem) return problem;
        var results = await cache.ComputeAsync(period.From, period.To, ct: ct);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return Results.Text(PerformanceView.Csv(results, period), "text/csv");
        return Results.Ok(results.Select(ToDto));
    }

    private static async Task<IResult> OneAsync(string id, string? from, string? to, HttpContext http, PerformanceFigures figures, PerformanceCache cache, CancellationToken ct)
    {
        var period = PerformancePeriod.Parse(from, to, figures.DefaultPeriod());
        if (Check(http, period) is { } problem) return problem;
        if (PerformanceMeasures.Find(id) is not { } m)
            return Results.Problem(statusCode: 404, title: "There is no such measure.", extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });
        var r = (await cache.ComputeAsync(period.From, period.To, [m], ct))[0];
        var org = await figures.OrganisationAsync(ct);
        var rows = Breakdown.Rows(m, r.Items, org, BreakdownLevel.Service).Select(x => new BreakdownDto("service", x.Key, x.Label, Value(x.Value)))
            .Concat(Breakdown.Rows(m, r.Items, org, BreakdownLevel.Team).Select(x => new BreakdownDto("team", x.Key, x.Label, Value(x.Value)))).ToList();
        return Results.Ok(new { measure = ToDto(r), breakdown = rows });
    }

    private static ValueDto Value(MeasureValue v) => new(v.Value, v.Met, v.Total, v.Workers, v.Rate);

    private static MeasureDto ToDto(MeasureResult r) => new(r.Measure.Id, r.Measure.Area.ToString(), r.Measure.Title, r.Measure.Definition,
        r.Measure.Kind.ToString(), r.Measure.Timing.ToString(), r.Measure.Good.ToString(), r.Measure.England, r.Measure.EnglandSource, r.Neighbour,
        Value(r.Latest), r.TrendAvailable ? r.Trend.Select(t => new TrendDto(t.Month, t.On, Value(t.Value))).ToList() : []);
}
