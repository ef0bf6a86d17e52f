using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// Placed for adoption (A3–A6): the decision that the child should be placed for adoption is recorded.
public sealed class Rule551 : Ssda903Rule
{
    public override string Code => "551";
    public override string Message => "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var decided = d.PlacedAdoption.Select(p => p.Child).ToHashSet();
        return d.Episodes.Where(e => e.Place is "A3" or "A4" or "A5" or "A6" && !decided.Contains(e.Child)).Select(e => e.Child).Distinct()
            .Select(c => Fail(c, "DATE_PLACED", PermanencePage));
    }
}

/// AD1: the decision to place for adoption comes before (or on) the match with the adopters.
public sealed class Rule333 : Ssda903Rule
{
    public override string Code => "333";
    public override string Message => "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Ad1.Where(a => a.DateMatch is { } match && (a.DateInt is null || a.DateInt > match)).Select(a => Fail(a.Child, "DATE_INT", PermanencePage));
}

public sealed class Rule522 : Ssda903Rule
{
    public override string Code => "522";
    public override string Message => "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.PlacedAdoption.Where(p => p.DatePlacedCeased is { } ceased && ceased < p.DatePlaced).Select(p => Fail(p.Child, "DATE_PLACED_CEASED", PermanencePage));
}

/// The decision to place for adoption is not before the child's first period of care in the return started.
public sealed class Rule1003 : Ssda903Rule
{
    public override string Code => "1003";
    public override string Message => "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.PlacedAdoption.Where(p => d.EpisodesByChild[p.Child].FirstOrDefault(e => e.Rne == "S") is { } first && p.DatePlaced < first.Decom)
            .Select(p => Fail(p.Child, "DATE_PLACED", PermanencePage));
}
