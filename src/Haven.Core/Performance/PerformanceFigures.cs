using Haven.Core.Allocations;
using Haven.Core.Calendar;
using Haven.Core.CareLeavers;
using Haven.Core.ChildrenInCare;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Core.Missing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Performance;

/// One thing a measure counts: a child (on a date) and whether it meets the standard. The worker
/// and team are the child's allocated social worker on that date, so every item sits in exactly
/// one place of the drill-down and the drill-down adds up to the headline.
/// Score is the item's figure for an Average measure (days, an SDQ score, attendance). Items of a
/// measure not about children have ChildId 0 and carry their own worker and team.
public sealed record MeasureItem(int ChildId, DateOnly Date, bool Met, int? WorkerId = null, int? TeamId = null, decimal? Score = null);

/// A measure's value over a set of items.
public sealed record MeasureValue(int Met, int Total, int Workers, decimal? Value, decimal? Rate)
{
    public static MeasureValue Of(MeasureDefinition m, IReadOnlyCollection<MeasureItem> items, int? population)
    {
        var met = items.Count(i => i.Met);
        var total = items.Count;
        var workers = items.Where(i => i.WorkerId is not null).Select(i => i.WorkerId).Distinct().Count();
        decimal? value = m.Kind switch
        {
            MeasureKind.Percentage => total == 0 ? null : Math.Round(met * 100m / total, 1),
            MeasureKind.PerWorker => workers == 0 ? null : Math.Round(items.Count(i => i.WorkerId is not null) / (decimal)workers, 1),
            MeasureKind.Average => Average(items),
            _ => total,
        };
        decimal? rate = m.RatePer10k && population is > 0 ? Math.Round(total * 10000m / population.Value, 1) : null;
        return new MeasureValue(met, total, workers, value, rate);
    }

    private static decimal? Average(IEnumerable<MeasureItem> items)
    {
        var scores = items.Where(i => i.Score is not null).Select(i => i.Score!.Value).ToList();
        return scores.Count == 0 ? null : Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero);
    }

    /// The figure to set beside England's: the rate for counts with a rate, else the value.
    public decimal? Comparable(MeasureDefinition m) => m.RatePer10k ? Rate : Value;
}

/// A month of the trend: flow measures over the month (clipped to the period), stock measures on
/// the month's last day (or the "as at" date in its month).
public sealed record TrendPoint(DateOnly Month, DateOnly On, MeasureValue Value);

public sealed record MeasureResult(MeasureDefinition Measure, MeasureValue Latest, IReadOnlyList<TrendPoint> Trend,
    decimal? Neighbour, IReadOnlyList<MeasureItem> Items, bool TrendAvailable)
{
    /// Better, worse or level with England, in the measure's direction of good; null when there is nothing to compare.
    public int? AgainstEngland => Latest.Comparable(Measure) is { } v && Measure.England is { } e && Measure.Good != Direction.Neither
        ? Math.Sign(v - e) * (Measure.Good == Direction.HigherIsBetter ? 1 : -1) : null;
}

/// A month of a measure's trend before attribution: the items on its day (stock) or in it (flow).
public sealed record Slice(DateOnly Month, DateOnly On, IReadOnlyCollection<MeasureItem> Items);

/// A measure's items and trend before they are placed with social workers.
public sealed record MeasureRaw(MeasureDefinition Measure, IReadOnlyList<MeasureItem> Items, IReadOnlyList<Slice> Trend, bool TrendAvailable);

/// The social worker allocations of a period by child, to place each item with its worker.
public sealed class Attribution
{
    internal Attribution(ILookup<int, PerformanceFigures.Alloc> allocations) => Allocations = allocations;
    internal ILookup<int, PerformanceFigures.Alloc> Allocations { get; }
}

public sealed record OrgUnit(int Id, string Name, int? ParentId);

/// Services, teams and workers by id, for naming the drill-down levels.
public sealed record Organisation(IReadOnlyDictionary<int, OrgUnit> Services, IReadOnlyDictionary<int, OrgUnit> Teams, IReadOnlyDictionary<int, OrgUnit> Workers);

/// The performance dashboard's figures, computed live from the record through the reporting
/// context (the replica when one is configured): one set-based query per source over a narrow
/// projection, then one pass in memory. Nothing is stored.
public sealed partial class PerformanceFigures(ReportingDbContext db, StabilityFigures stability, ReturnHomeInterviewTakeUp takeUp,
    IConfiguration config, TimeProvider clock, ChildProtectionSettings cpSettings, CareLeaverCohort careLeavers, ICareSpans careSpans)
{
    public const int MaxMonths = 120;

    /// Haven:Performance:ChildPopulation: children aged 0–17 living in the council's area (ONS mid-year estimate).
    public int? ChildPopulation => config.GetValue<int?>("Haven:Performance:ChildPopulation");

    /// Haven:Performance:Neighbours:&lt;id&gt;: the statistical neighbours' average for a measure.
    public decimal? Neighbour(MeasureDefinition m) => config.GetValue<decimal?>($"Haven:Performance:Neighbours:{m.Id}");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// The default period: the 12 months up to today.
    public (DateOnly From, DateOnly To) DefaultPeriod()
    {
        var to = Today;
        return (new DateOnly(to.Year, to.Month, 1).AddMonths(-11), to);
    }

    /// Every measure asked for (all by default), worked out now: each group of measures from its
    /// own load (MeasureGroups), then every item placed with the child's social worker.
    public async Task<IReadOnlyList<MeasureResult>> ComputeAsync(DateOnly from, DateOnly to, IEnumerable<MeasureDefinition>? measures = null, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        var wanted = (measures ?? PerformanceMeasures.All).ToList();
        var raw = new Dictionary<MeasureDefinition, MeasureRaw>();
        foreach (var group in MeasureGroups.For(wanted))
            foreach (var r in await RawAsync(group, from, to, ct))
                raw[r.Measure] = r;
        var attribution = await AttributionAsync(from, to, ct);
        return Assemble(wanted.Select(m => raw[m]).ToList(), attribution);
    }

    /// The items of a group's measures and of each month of their trend, before attribution: what
    /// PerformanceCache keeps per group until one of the group's sources changes.
    public async Task<IReadOnlyList<MeasureRaw>> RawAsync(MeasureGroup group, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        _careLeavers = null;
        _stability = null;
        _periods = null;
        var months = Months(from, to);
        var results = new List<MeasureRaw>();
        foreach (var m in group.Measures)
        {
            var (items, trend, trendAvailable) = await ItemsAsync(m, from, to, months, ct);
            results.Add(new MeasureRaw(m, items, trend, trendAvailable));
        }
        return results;
    }

    /// The social worker allocations current at some time in the period, to attribute items with.
    public async Task<Attribution> AttributionAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        new(await AllocationsAsync(from, to, ct));

    /// The figures from the items: each item placed with the child's social worker on its date.
    public IReadOnlyList<MeasureResult> Assemble(IReadOnlyList<MeasureRaw> raws, Attribution attribution)
    {
        var allocations = attribution.Allocations;
        var population = ChildPopulation;
        var results = new List<MeasureResult>(raws.Count);
        foreach (var (m, items, trend, trendAvailable) in raws)
        {
            var attributed = m.AboutChildren ? items.Select(i => Attribute(i, allocations)).ToList() : items;
            // Only the per-worker measure needs each month's items attributed to a worker.
            var trendPoints = trend.Select(t => new TrendPoint(t.Month, t.On, MeasureValue.Of(m,
                m.Kind == MeasureKind.PerWorker ? t.Items.Select(i => Attribute(i, allocations)).ToList() : t.Items, population))).ToList();
            results.Add(new MeasureResult(m, MeasureValue.Of(m, attributed, population), trendPoints, Neighbour(m), attributed, trendAvailable));
        }
        return results;
    }

    public async Task<Organisation> OrganisationAsync(CancellationToken ct = default)
    {
        var services = await db.Services.AsNoTracking().Select(s => new OrgUnit(s.Id, s.Name, null)).ToDictionaryAsync(s => s.Id, ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new OrgUnit(t.Id, t.Name, t.ServiceId)).ToDictionaryAsync(t => t.Id, ct);
        var workers = await db.Workers.AsNoTracking().Select(w => new OrgUnit(w.Id, w.DisplayName, w.TeamId)).ToDictionaryAsync(w => w.Id, ct);
        return new Organisation(services, teams, workers);
    }

    private static List<(DateOnly Month, DateOnly Start, DateOnly End)> Months(DateOnly from, DateOnly to)
    {
        var list = new List<(DateOnly, DateOnly, DateOnly)>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to && list.Count < MaxMonths; m = m.AddMonths(1))
        {
            var start = m < from ? from : m;
            var end = m.AddMonths(1).AddDays(-1);
            list.Add((m, start, end > to ? to : end));
        }
        return list;
    }

    internal sealed record Alloc(int WorkerId, int TeamId, DateOnly Start, DateOnly? End);

    private async Task<ILookup<int, Alloc>> AllocationsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Allocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.SocialWorker && a.StartDate <= to && (a.EndDate == null || a.EndDate >= from))
            .Select(a => new { a.ChildId, a.WorkerId, a.TeamId, a.StartDate, a.EndDate }).ToListAsync(ct))
        .ToLookup(a => a.ChildId, a => new Alloc(a.WorkerId, a.TeamId, a.StartDate, a.EndDate));

    /// The child's social worker on the item's date (the latest-starting allocation current then).
    private static MeasureItem Attribute(MeasureItem item, ILookup<int, Alloc> allocations)
    {
        Alloc? best = null;
        foreach (var a in allocations[item.ChildId])
            if (a.Start <= item.Date && (a.End is null || a.End >= item.Date) && (best is null || a.Start > best.Start))
                best = a;
        return item with { WorkerId = best?.WorkerId, TeamId = best?.TeamId };
    }

    // Loaded once per request for the measures that share them (three each), for the period asked.
    private Task<IReadOnlyDictionary<DateOnly, IReadOnlyList<CareLeaverRow>>>? _careLeavers;
    private Task<IReadOnlyDictionary<DateOnly, IReadOnlyList<StabilityChild>>>? _stability;
    private Task<List<PlanRow>>? _periods;

    private async Task<(IReadOnlyList<MeasureItem> Items, IReadOnlyList<Slice> Trend, bool TrendAvailable)> ItemsAsync(
        MeasureDefinition m, DateOnly from, DateOnly to, List<(DateOnly Month, DateOnly Start, DateOnly End)> months, CancellationToken ct)
    {
        if (m.Timing == MeasureTiming.Flow)
        {
            var items = await FlowAsync(m, from, to, ct);
            var byMonth = items.ToLookup(i => new DateOnly(i.Date.Year, i.Date.Month, 1));
            return (items, months.Select(x => new Slice(x.Month, x.End, byMonth[x.Month].ToList())).ToList(), true);
        }
        var ends = months.Select(x => x.End).ToList();
        if (CareLeaverMeasures.ContainsKey(m))
        {
            // Care leavers are worked out by CareLeaverCohort (the rules of /care-leavers) on each month end.
            var cohort = await (_careLeavers ??= careLeavers.OnAsync(ends.Append(to).ToList(), ct));
            return (CareLeavers(m, cohort[to], to), months.Select(x => new Slice(x.Month, x.End, CareLeavers(m, cohort[x.End], x.End))).ToList(), true);
        }
        if (m == PerformanceMeasures.ThreePlacements || m == PerformanceMeasures.LongTermStability || m == PerformanceMeasures.DistancePlacements)
        {
            // Placement stability is worked out by StabilityFigures (the rules of /stability) on each month end.
            var children = await (_stability ??= stability.LoadAsync(ends.Append(to).ToList(), ct));
            return (Stability(m, children[to], to), months.Select(x => new Slice(x.Month, x.End, Stability(m, children[x.End], x.End))).ToList(), true);
        }
        var stock = await StockAsync(m, from, to, ct);
        var trend = months.Select(x => new Slice(x.Month, x.End, stock(x.End))).ToList();
        return (stock(to).ToList(), trend, true);
    }

    private static List<MeasureItem> Stability(MeasureDefinition m, IReadOnlyList<StabilityChild> children, DateOnly on)
    {
        if (m == PerformanceMeasures.ThreePlacements)
            return children.Select(c => new MeasureItem(c.ChildId, on, c.Matches(StabilityMeasure.ThreeOrMorePlacements))).ToList();
        if (m == PerformanceMeasures.LongTermStability)
            return children.Where(c => c.Matches(StabilityMeasure.LongTermCohort)).Select(c => new MeasureItem(c.ChildId, on, c.Matches(StabilityMeasure.LongTermStable))).ToList();
        return children.Where(c => c.DistanceMiles is not null).Select(c => new MeasureItem(c.ChildId, on, c.Matches(StabilityMeasure.AtADistance))).ToList();
    }

    private async Task<List<MeasureItem>> FlowAsync(MeasureDefinition m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = clock.LocalTimeZone;
        // UTC bounds a day wider than the local dates, then the exact local date filters.
        var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        bool InPeriod(DateOnly d) => d >= from && d <= to;
        DateOnly Local(DateTime utc) => DecisionTimeliness.LocalDate(utc, zone);

        if (m == PerformanceMeasures.ContactsDecidedInTime)
        {
            var rows = await db.ContactChildren.AsNoTracking().Where(c => c.Contact.ReceivedAt >= fromUtc && c.Contact.ReceivedAt < toUtc)
                .Select(c => new { c.ChildId, c.Contact.ReceivedAt, c.SignedOffAt }).ToListAsync(ct);
            var items = new List<MeasureItem>();
            foreach (var r in rows)
            {
                var received = Local(r.ReceivedAt);
                if (!InPeriod(received)) continue;
                DateOnly? decided = r.SignedOffAt is { } s && Local(s) <= to ? Local(s) : null;
                var t = DecisionTimeliness.For(received, decided, to);
                if (t.Status is TimelinessStatus.DueToday or TimelinessStatus.DueLater) continue;
                items.Add(new MeasureItem(r.ChildId, received, t.Status == TimelinessStatus.DecidedInTime));
            }
            return items;
        }
        if (m == PerformanceMeasures.ContactConversion)
            return (await db.ContactChildren.AsNoTracking().Where(c => c.SignedOffAt >= fromUtc && c.SignedOffAt < toUtc)
                    .Select(c => new { c.ChildId, SignedOffAt = c.SignedOffAt!.Value, c.ReferralId }).ToListAsync(ct))
                .Select(r => new MeasureItem(r.ChildId, Local(r.SignedOffAt), r.ReferralId != null)).Where(i => InPeriod(i.Date)).ToList();
        if (m == PerformanceMeasures.ReReferrals)
            return (await db.Referrals.AsNoTracking().Where(r => r.ReferralDate >= from && r.ReferralDate <= to)
                    .Select(r => new { r.ChildId, r.ReferralDate, r.IsReReferral }).ToListAsync(ct))
                .Select(r => new MeasureItem(r.ChildId, r.ReferralDate, r.IsReReferral)).ToList();
        if (m == PerformanceMeasures.AssessmentsInTime)
            return (await db.Assessments.AsNoTracking().Where(a => a.AuthorisedDate >= from && a.AuthorisedDate <= to)
                    .Select(a => new { a.ChildId, Authorised = a.AuthorisedDate!.Value, a.Referral.ReferralDate }).ToListAsync(ct))
                .Select(a => new MeasureItem(a.ChildId, a.Authorised, Timescales.Assessment.IsInTime(a.ReferralDate, a.Authorised))).ToList();
        if (m == PerformanceMeasures.ConferencesInTime)
            return (await db.Section47Enquiries.AsNoTracking().Where(s => s.InitialConferenceDate >= from && s.InitialConferenceDate <= to)
                    .Select(s => new { s.ChildId, Held = s.InitialConferenceDate!.Value, Strategy = s.StrategyDiscussion.Date }).ToListAsync(ct))
                .Select(s => new MeasureItem(s.ChildId, s.Held, Timescales.InitialChildProtectionConference.IsInTime(s.Strategy, s.Held))).ToList();
        if (m == PerformanceMeasures.SecondPlans)
            return (await db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate >= from && p.StartDate <= to)
                    .Select(p => new { p.ChildId, p.StartDate, p.PreviousPlans }).ToListAsync(ct))
                .Select(p => new MeasureItem(p.ChildId, p.StartDate, p.PreviousPlans > 0)).ToList();
        if (m == PerformanceMeasures.LongPlans)
            return (await db.ChildProtectionPlans.AsNoTracking().Where(p => p.EndDate >= from && p.EndDate <= to)
                    .Select(p => new { p.ChildId, p.StartDate, EndDate = p.EndDate!.Value }).ToListAsync(ct))
                .Select(p => new MeasureItem(p.ChildId, p.EndDate, ChildProtectionRules.LastedTwoYearsOrMore(p.StartDate, p.EndDate))).ToList();
        if (m == PerformanceMeasures.ReturnInterviews)
            return (await takeUp.EpisodesAsync(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ct))
                .Select(e => new MeasureItem(e.ChildId, DateOnly.FromDateTime(e.ReturnedAt), e.Completed)).ToList();
        return await MoreFlowAsync(m, from, to, ct);
    }

    private sealed record Span(int ChildId, DateOnly Start, DateOnly? End, int? WorkerId = null);

    /// Loads the spans overlapping the period once; returns the items on any date inside it.
    private async Task<Func<DateOnly, IReadOnlyCollection<MeasureItem>>> StockAsync(MeasureDefinition m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        List<Span> spans;
        if (m == PerformanceMeasures.ChildProtectionPlans)
            spans = (await db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate > from))
                .Select(p => new { p.ChildId, p.StartDate, p.EndDate }).ToListAsync(ct)).Select(p => new Span(p.ChildId, p.StartDate, p.EndDate)).ToList();
        else if (m == PerformanceMeasures.ChildrenInCare)
            spans = (await db.PeriodsOfCare.AsNoTracking().Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate > from))
                .Select(p => new { p.ChildId, p.StartDate, p.EndDate }).ToListAsync(ct)).Select(p => new Span(p.ChildId, p.StartDate, p.EndDate)).ToList();
        else if (m == PerformanceMeasures.Caseloads)
            // An allocation's end date is its last day (Allocation.IsCurrentOn); as a span it ends the day after.
            spans = (await db.Allocations.AsNoTracking().Where(a => a.Kind == AllocationKind.SocialWorker && a.StartDate <= to && (a.EndDate == null || a.EndDate >= from))
                .Select(a => new { a.ChildId, a.StartDate, a.EndDate }).ToListAsync(ct)).Select(a => new Span(a.ChildId, a.StartDate, a.EndDate?.AddDays(1))).ToList();
        else
            return await MoreStockAsync(m, from, to, ct);
        // A span counts on a date when it started on or before it and had not ended by it.
        return on => spans.Where(s => s.Start <= on && (s.End is null || s.End > on)).Select(s => s.ChildId).Distinct()
            .Select(id => new MeasureItem(id, on, true)).ToList();
    }
}
