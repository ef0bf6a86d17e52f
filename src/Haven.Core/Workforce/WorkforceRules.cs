using Haven.Core.Involvements;

namespace Haven.Core.Workforce;

/// A spell of employment as the rules need it (qualified social workers only are counted in rates).
public sealed record Spell(int WorkerId, ContractType Contract, bool Qualified, decimal Fte, DateOnly Start, DateOnly? Leave)
{
    public bool InPostOn(DateOnly d) => Start <= d && (Leave is null || Leave >= d);
}

/// Stability of a team's qualified social workers on a date, with the DfE workforce census
/// definitions (as at the date; rates of FTE): agency rate = agency and locum FTE ÷ all FTE in post;
/// turnover = permanent FTE who left in the 12 months to the date ÷ permanent FTE in post on it;
/// vacancy = posts not filled by a permanent worker ÷ posts (agency cover counts as a vacancy).
public sealed record StabilityFigures(DateOnly AsAt, int Headcount, decimal PermanentFte, decimal AgencyFte, decimal LeaversFte, decimal? Posts)
{
    public decimal InPostFte => PermanentFte + AgencyFte;
    public double? PermanentPercent => InPostFte == 0 ? null : Math.Round((double)(100 * PermanentFte / InPostFte), 1);
    public double? AgencyPercent => InPostFte == 0 ? null : Math.Round((double)(100 * AgencyFte / InPostFte), 1);
    public double? TurnoverPercent => PermanentFte == 0 ? null : Math.Round((double)(100 * LeaversFte / PermanentFte), 1);
    public decimal? VacantFte => Posts is { } p ? Math.Max(0, p - PermanentFte) : null;
    public double? VacancyPercent => Posts is { } p && p > 0 ? Math.Round((double)(100 * VacantFte!.Value / p), 1) : null;
}

public sealed record CaseloadChild(int ChildId, IReadOnlyCollection<InvolvementKind> OpenKinds);

/// The pure workforce rules. Worked by hand in tests/Haven.Core.Tests/Workforce.
public static class WorkforceRules
{
    /// The first day of the 12 months ending on asAt (inclusive at both ends): 1 April 2025 for 31 March 2026.
    public static DateOnly YearStart(DateOnly asAt) => asAt.AddYears(-1).AddDays(1);

    public static StabilityFigures Stability(IEnumerable<Spell> spells, DateOnly asAt, decimal? posts)
    {
        var qualified = spells.Where(s => s.Qualified).ToList();
        var inPost = qualified.Where(s => s.InPostOn(asAt)).ToList();
        var from = YearStart(asAt);
        var leavers = qualified.Where(s => s.Contract == ContractType.Permanent && s.Leave is { } l && l >= from && l <= asAt).Sum(s => s.Fte);
        return new StabilityFigures(asAt, inPost.Select(s => s.WorkerId).Distinct().Count(),
            inPost.Where(s => s.Contract == ContractType.Permanent).Sum(s => s.Fte),
            inPost.Where(s => s.Contract != ContractType.Permanent).Sum(s => s.Fte), leavers, posts);
    }

    /// The establishment in force on a date: the latest row effective on or before it.
    public static decimal? PostsOn(IEnumerable<(DateOnly EffectiveFrom, decimal Posts)> rows, DateOnly d) =>
        rows.Where(r => r.EffectiveFrom <= d).OrderByDescending(r => r.EffectiveFrom).Select(r => (decimal?)r.Posts).FirstOrDefault();

    /// How much one child counts towards a caseload: the heaviest weight of their open involvements,
    /// 1 when none is open or the kind is not configured.
    public static double WeightOf(IEnumerable<InvolvementKind> openKinds, WorkforceSettings settings)
    {
        var weights = openKinds.Select(k => settings.CaseWeights.TryGetValue(k.ToString(), out var w) ? w : 1.0).ToList();
        return weights.Count == 0 ? 1.0 : weights.Max();
    }

    public static double WeightedCaseload(IEnumerable<CaseloadChild> children, WorkforceSettings settings) =>
        Math.Round(children.Sum(c => WeightOf(c.OpenKinds, settings)), 2);

    /// The distinct social workers allocated to a child at any time in the 12 months ending on asAt
    /// (both ends inclusive). A worker who left and came back counts once; an allocation that ended
    /// on the first day of the window counts, one that ended the day before does not.
    public static int SocialWorkersInYear(IEnumerable<(int WorkerId, DateOnly Start, DateOnly? End)> allocations, DateOnly asAt)
    {
        var from = YearStart(asAt);
        return allocations.Where(a => a.Start <= asAt && (a.End is null || a.End >= from)).Select(a => a.WorkerId).Distinct().Count();
    }

    /// Quarter ends (31 March, 30 June, 30 September, 31 December) up to and including the one on or before asAt, oldest first.
    public static IReadOnlyList<DateOnly> QuarterEnds(DateOnly asAt, int count)
    {
        var q = new DateOnly(asAt.Year, (asAt.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
        if (q > asAt) q = new DateOnly(q.Year, q.Month, 1).AddMonths(-2).AddDays(-1);
        var list = new List<DateOnly>();
        for (var i = 0; i < count; i++) { list.Add(q); q = new DateOnly(q.Year, q.Month, 1).AddMonths(-2).AddDays(-1); }
        list.Reverse();
        return list;
    }
}
