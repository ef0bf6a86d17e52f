namespace Haven.Core.Returns.Ssda903.Rules;

/// SWEpisodes, the social worker history (statutory-returns.md §1.4 item 26, SW01–SW17: every field
/// present, SW_REASON on every episode, SW_ID starts SW or XX, no overlaps). The reference describes
/// the group without pairing the numbers with the checks, so these carry Haven's own codes (SW-…)
/// rather than guessing a DfE number. A change of worker is put right on the child's Allocation page.
public abstract class SwEpisodeRule : Ssda903Rule
{
    protected const string AllocationPage = "allocation";
}

/// CHILD, SW_ID and SW_DECOM are on every row (SW_DEC may be blank: the worker still held the case at 31 March).
public sealed class RuleSwFields : SwEpisodeRule
{
    public override string Code => "SW-FIELDS";
    public override string Message => "A social worker episode is missing its social worker or start date.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => string.IsNullOrWhiteSpace(s.SwId) || s.SwDecom is null || s.Dob is null)
            .Select(s => Fail(s.Child, s.SwDecom is null ? "SW_DECOM" : s.Dob is null ? "DOB" : "SW_ID", AllocationPage));
}

/// SW_REASON is on every episode (from April 2023) and is a code of the list.
public sealed class RuleSwReason : SwEpisodeRule
{
    public override string Code => "SW-REASON";
    public override string Message => "SW_REASON is missing or not a valid reason for the change of social worker.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => !Haven.Core.Codes.CodeLists.SwReason.Contains(s.SwReason)).Select(s => Fail(s.Child, "SW_REASON", AllocationPage));
}

/// SW_ID is a Social Work England number (starts SW) or a placeholder starting XX.
public sealed class RuleSwId : SwEpisodeRule
{
    public override string Code => "SW-ID";
    public override string Message => "SW_ID must start with SW (Social Work England number) or XX (placeholder).";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => !string.IsNullOrWhiteSpace(s.SwId)
                && !s.SwId.StartsWith("SW", StringComparison.OrdinalIgnoreCase) && !s.SwId.StartsWith("XX", StringComparison.OrdinalIgnoreCase))
            .Select(s => Fail(s.Child, "SW_ID", AllocationPage));
}

/// SW_DEC is not before SW_DECOM.
public sealed class RuleSwDates : SwEpisodeRule
{
    public override string Code => "SW-DATES";
    public override string Message => "SW_DEC is before SW_DECOM.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => s.SwDec is { } dec && s.SwDecom is { } decom && dec < decom).Select(s => Fail(s.Child, "SW_DEC", AllocationPage));
}

/// A child's social worker episodes do not overlap: each starts on or after the day the one before
/// ended (a change on the day is allowed), and only the last may be open.
public sealed class RuleSwOverlap : SwEpisodeRule
{
    public override string Code => "SW-OVERLAP";
    public override string Message => "Social worker episodes overlap.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => s.SwDecom is not null).GroupBy(s => s.Child)
            .SelectMany(g => g.OrderBy(s => s.SwDecom).Zip(g.OrderBy(s => s.SwDecom).Skip(1)))
            .Where(p => p.First.SwDec is not { } dec || p.Second.SwDecom < dec)
            .Select(p => Fail(p.Second.Child, "SW_DECOM", AllocationPage));
}

/// The days a child was looked after in the year, from the Episodes file, and the days their social
/// worker episodes cover, as inclusive date ranges. An episode runs from DECOM to the day before DEC:
/// on DEC the child has ceased to be looked after, or the next episode has begun (a child who leaves
/// care on their 18th birthday is a care leaver that day, held by a personal adviser). Short breaks
/// (V3/V4) are left out: a child only on short breaks is not held as a looked-after case. A change of
/// worker may fall on the day the other ended or the day after, so ranges one day apart join.
internal static class SwCover
{
    public static List<(DateOnly From, DateOnly To)> InCare(Ssda903Data d, IEnumerable<Ssda903Episode> episodes) =>
        Join(episodes.Where(e => e.Ls is not ("V3" or "V4") && e.Decom <= d.Period.End && (e.Dec is null || e.Dec > d.Period.Start))
            .Select(e => (Max(e.Decom, d.Period.Start), Min(e.Dec?.AddDays(-1) ?? d.Period.End, d.Period.End))));

    public static List<(DateOnly From, DateOnly To)> Covered(Ssda903Data d, IEnumerable<Ssda903SwEpisode> sw) =>
        Join(sw.Where(s => s.SwDecom is not null).Select(s => (s.SwDecom!.Value, Min(s.SwDec ?? d.Period.End, d.Period.End))));

    private static List<(DateOnly From, DateOnly To)> Join(IEnumerable<(DateOnly From, DateOnly To)> ranges)
    {
        var joined = new List<(DateOnly From, DateOnly To)>();
        foreach (var r in ranges.Where(r => r.From <= r.To).OrderBy(r => r.From))
            if (joined.Count > 0 && r.From <= joined[^1].To.AddDays(1)) joined[^1] = (joined[^1].From, Max(joined[^1].To, r.To));
            else joined.Add(r);
        return joined;
    }

    public static bool Overlaps((DateOnly From, DateOnly To) a, (DateOnly From, DateOnly To) b) => a.From <= b.To && b.From <= a.To;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// Looked after at 31 March: an open episode that is not a short break.
    public static bool LookedAfterAtYearEnd(IEnumerable<Ssda903Episode> episodes) => episodes.Any(e => e.Dec is null && e.Ls is not ("V3" or "V4"));
}

/// No gap between a child's social worker episodes while the child was looked after: after one worker
/// stops (SW_DEC), the next starts (SW_DECOM) that day or the next, unless the child was out of care
/// in between (statutory-returns.md §1.4 item 26, "no overlaps or gaps").
public sealed class RuleSwGap : SwEpisodeRule
{
    public override string Code => "SW-GAP";
    public override string Message => "There is a gap between social worker episodes while the child was looked after.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.SwEpisodes.Where(s => s.SwDecom is not null).GroupBy(s => s.Child).SelectMany(g =>
        {
            var inCare = SwCover.InCare(d, d.EpisodesByChild[g.Key]);
            var covered = SwCover.Covered(d, g);
            // Between two covered stretches: the days no social worker held the case.
            return covered.Zip(covered.Skip(1)).Where(p => inCare.Any(c => SwCover.Overlaps(c, (p.First.To.AddDays(1), p.Second.From.AddDays(-1)))))
                .Select(p => Fail(g.Key, "SW_DECOM", AllocationPage));
        });
}

/// Every social worker episode of the year is reported: each day a child was looked after in the year
/// falls in a social worker episode, so there is none missing before the first reported episode or
/// after the last (gaps between two reported episodes are SW-GAP) and no looked-after child has none
/// (statutory-returns.md §1.4 item 26, "all episodes for the year reported").
public sealed class RuleSwAllReported : SwEpisodeRule
{
    public override string Code => "SW-ALL";
    public override string Message => "Not all of the child's social worker episodes for the year are reported: part of their time in care has no social worker episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var swByChild = d.SwEpisodes.ToLookup(s => s.Child);
        foreach (var g in d.EpisodesByChild)
        {
            var inCare = SwCover.InCare(d, g);
            if (inCare.Count == 0) continue;
            var covered = SwCover.Covered(d, swByChild[g.Key]);
            if (covered.Count == 0 || inCare[0].From < covered[0].From || inCare[^1].To > covered[^1].To)
                yield return Fail(g.Key, "SW_DECOM", AllocationPage);
        }
    }
}

/// One social worker episode is open (SW_DEC blank) at 31 March for a child looked after then, and none
/// for a child who is not (statutory-returns.md §1.4 item 26, "one open at 31 March").
public sealed class RuleSwOneOpen : SwEpisodeRule
{
    public override string Code => "SW-OPEN";
    public override string Message => "A child looked after at 31 March must have exactly one open social worker episode (SW_DEC blank), and a child who is not, none.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var open = d.SwEpisodes.Where(s => s.SwDec is null).GroupBy(s => s.Child).ToDictionary(g => g.Key, g => g.Count());
        var children = d.EpisodesByChild.Select(g => g.Key).Concat(open.Keys).Distinct();
        foreach (var child in children)
        {
            var wanted = SwCover.LookedAfterAtYearEnd(d.EpisodesByChild[child]) ? 1 : 0;
            if (open.GetValueOrDefault(child) != wanted) yield return Fail(child, "SW_DEC", AllocationPage);
        }
    }
}
