using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// A child who started to be looked after in the year (an RNE S episode starting in it) has a PrevPerm
/// row with PREV_PERM, and, unless it is Z1 (no previous order), LA_PERM and DATE_PERM.
public sealed class Rule630 : Ssda903Rule
{
    public override string Code => "630";
    public override string Message => "Information on previous permanence option should be returned.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var rows = d.PrevPerm.GroupBy(p => p.Child).ToDictionary(g => g.Key, g => g.First());
        return d.Episodes.Where(e => e.Rne == "S" && e.Decom >= d.Period.Start).Select(e => e.Child).Distinct()
            .Where(c => !rows.TryGetValue(c, out var p) || p.PrevPerm is null || (p.PrevPerm != "Z1" && (p.LaPerm is null || p.DatePerm is null)))
            .Select(c => Fail(c, "PREV_PERM", CarePage));
    }
}

/// PrevPerm is only for children who started to be looked after in the year (an RNE S episode in it).
public sealed class Rule634 : Ssda903Rule
{
    public override string Code => "634";
    public override string Message => "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.PrevPerm.Where(p => (p.PrevPerm ?? p.LaPerm ?? p.DatePerm) is not null && !d.EpisodesByChild[p.Child].Any(e => e.Rne == "S" && e.Decom >= d.Period.Start))
            .Select(p => Fail(p.Child, "PREV_PERM", CarePage));
}

/// No previous order (Z1, or PREV_PERM blank) means no LA and no date of the order.
public sealed class Rule635 : Ssda903Rule
{
    public override string Code => "635";
    public override string Message => "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.PrevPerm.Where(p => p.PrevPerm is null or "Z1" && (p.LaPerm ?? p.DatePerm) is not null).Select(p => Fail(p.Child, p.LaPerm is null ? "DATE_PERM" : "LA_PERM", CarePage));
}
