using Haven.Core.DeprivationOfLiberty;

namespace Haven.Core.Returns.Ssda903.Rules;

/// DoLo, deprivation of liberty orders (2026-27; statutory-returns.md §1.3: rules 700–710, "a DoLO must
/// sit inside care, only with placement K2, Z12 or Z13; not in secure homes, with parents, in YOIs or in
/// supported accommodation"). The reference does not pair the numbers with the checks, so these carry
/// Haven's own codes (DOLO-…), as SWEpisodes do. The in-care and placement checks are the ones the care
/// pages apply when an order is recorded (DeprivationOfLibertyRules), over the part of the order that
/// falls in the year (the Episodes file holds only this year's episodes). Put right on the care tab.
public abstract class DoLoRule : Ssda903Rule
{
    protected const string CarePage = Ssda903FixPaths.CarePage;

    /// The days of the order inside the collection year, when its dates are usable.
    protected static (DateOnly From, DateOnly To)? InYear(Ssda903Data d, Ssda903DoLo o)
    {
        if (o.DoloStart is not { } start || (o.DoloEnd is { } e && e < start)) return null;
        var from = start > d.Period.Start ? start : d.Period.Start;
        var to = o.DoloEnd is { } end && end < d.Period.End ? end : d.Period.End;
        return from <= to ? (from, to) : null;
    }

    protected static IReadOnlyList<CareEpisode> Episodes(Ssda903Data d, string child) =>
        d.EpisodesByChild[child].Select(e => new CareEpisode(e.Decom, e.Dec, e.Place)).ToList();
}

/// CHILD, DOB and DOLO_START are on every row (DOLO_END is blank while the order is in force).
public sealed class RuleDoLoFields : DoLoRule
{
    public override string Code => "DOLO-FIELDS";
    public override string Message => "A deprivation of liberty order is missing the child's date of birth or DOLO_START.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => o.Dob is null || o.DoloStart is null).Select(o => Fail(o.Child, o.DoloStart is null ? "DOLO_START" : "DOB", CarePage));
}

/// DOLO_END is not before DOLO_START.
public sealed class RuleDoLoDates : DoLoRule
{
    public override string Code => "DOLO-DATES";
    public override string Message => DeprivationOfLibertyRules.DatesMessage;
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => o.DoloStart is { } s && o.DoloEnd is { } e && e < s).Select(o => Fail(o.Child, "DOLO_END", CarePage));
}

/// The order was in force on a day of the collection year, and neither date is after 31 March.
public sealed class RuleDoLoYear : DoLoRule
{
    public override string Code => "DOLO-YEAR";
    public override string Message => "DOLO_START and DOLO_END must not be after the end of the collection year, and the order must be in force during the year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => o.DoloStart is { } s && (o.DoloEnd is null || o.DoloEnd >= s)
                && (s > d.Period.End || o.DoloEnd > d.Period.End || o.DoloEnd < d.Period.Start))
            .Select(o => Fail(o.Child, o.DoloStart > d.Period.End ? "DOLO_START" : "DOLO_END", CarePage));
}

/// The child was looked after on every day of the order in the year (the Episodes file).
public sealed class RuleDoLoInCare : DoLoRule
{
    public override string Code => "DOLO-IN-CARE";
    public override string Message => DeprivationOfLibertyRules.InCareMessage;
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => InYear(d, o) is { } r && DeprivationOfLibertyRules.FirstDayOutOfCare(r.From, r.To, Episodes(d, o.Child)) is not null)
            .Select(o => Fail(o.Child, "DOLO_START", CarePage));
}

/// Every day of the order in the year the child's placement (PLACE) is K2, Z12 or Z13.
public sealed class RuleDoLoPlacement : DoLoRule
{
    public override string Code => "DOLO-PLACEMENT";
    public override string Message => DeprivationOfLibertyRules.PlacementMessage;
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => InYear(d, o) is { } r && DeprivationOfLibertyRules.FirstDayInWrongPlacement(r.From, r.To, Episodes(d, o.Child)) is not null)
            .Select(o => Fail(o.Child, "PLACE", CarePage));
}

/// A child's orders do not overlap (the next may start the day after the last ended).
public sealed class RuleDoLoOverlap : DoLoRule
{
    public override string Code => "DOLO-OVERLAP";
    public override string Message => DeprivationOfLibertyRules.OverlapMessage;
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.DoLo.Where(o => o.DoloStart is not null).GroupBy(o => o.Child)
            .SelectMany(g => g.OrderBy(o => o.DoloStart).Zip(g.OrderBy(o => o.DoloStart).Skip(1)))
            .Where(p => DeprivationOfLibertyRules.Overlaps(p.First.DoloStart!.Value, p.First.DoloEnd, p.Second.DoloStart!.Value, p.Second.DoloEnd))
            .Select(p => Fail(p.Second.Child, "DOLO_START", CarePage));
}
