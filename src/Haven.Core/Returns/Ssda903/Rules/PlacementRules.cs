using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// Temporary placements (T0–T4) sit inside a period of care, between two spells in the usual placement.
public sealed class Rule380 : Ssda903Rule
{
    public override string Code => "380";
    public override string Message => "A period of care cannot start with a temporary placement.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => IsTemporary(e.Place) && e.Rne == "S").Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule381 : Ssda903Rule
{
    public override string Code => "381";
    public override string Message => "A period of care cannot end with a temporary placement.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => IsTemporary(e.Place) && e.Rec is { } rec && rec != "X1").Select(e => Fail(e.Child, "REC", CarePage));
}

/// After a temporary placement the child goes back to the usual placement: the next episode is a change
/// of placement (RNE P) to the same placement type as before the temporary one.
public sealed class Rule383 : Ssda903Rule
{
    public override string Code => "383";
    public override string Message => "A child in a temporary placement must subsequently return to his/her normal placement.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.EpisodesByChild.SelectMany(g =>
        {
            var list = g.ToList();
            return Enumerable.Range(1, Math.Max(0, list.Count - 2))
                .Where(i => IsTemporary(list[i].Place) && (list[i + 1].Rne != "P" || list[i + 1].Place != list[i - 1].Place))
                .Select(i => Fail(list[i].Child, "PLACE", CarePage));
        });
}

/// An episode that ends because the placement changed (the next episode is P, B, T or U, and neither is
/// temporary) carries the reason for the change.
public sealed class Rule225 : Ssda903Rule
{
    public override string Code => "225";
    public override string Message => "Reason for placement change must be recorded.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Previous.Rec == "X1" && p.Previous.ReasonPlaceChange is null && !IsTemporary(p.Previous.Place)
                && p.Next.Rne is "P" or "B" or "T" or "U" && !IsTemporary(p.Next.Place))
            .Select(p => Fail(p.Previous.Child, "REASON_PLACE_CHANGE", CarePage));
}

/// A provider code that cannot go with a placement type (statutory-returns.md §1.4 item 13).
public abstract class ProviderForPlacementRule : Ssda903Rule
{
    protected abstract bool Breaks(string? provider, string place);

    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.PlaceProvider is not null && Breaks(e.PlaceProvider, e.Place)).Select(e => Fail(e.Child, "PLACE_PROVIDER", CarePage));
}

public sealed class Rule527 : ProviderForPlacementRule
{
    public override string Code => "527";
    public override string Message => "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.";
    protected override bool Breaks(string? provider, string place) => provider == "PR1" && place is "P1" or "R2" or "R5";
}

public sealed class Rule528 : ProviderForPlacementRule
{
    public override string Code => "528";
    public override string Message => "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.";
    protected override bool Breaks(string? provider, string place) => provider == "PR2" && place is "P1" or "R2" or "R5";
}

public sealed class Rule529 : ProviderForPlacementRule
{
    public override string Code => "529";
    public override string Message => "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.";
    protected override bool Breaks(string? provider, string place) =>
        provider == "PR3" && place is "P1" or "A3" or "A4" or "A5" or "A6" or "K1" or "K2" or "U1" or "U2" or "U3" or "U4" or "U5" or "U6";
}

public sealed class Rule530 : ProviderForPlacementRule
{
    public override string Code => "530";
    public override string Message => "A placement provider code of PR4 cannot be associated with placement P1.";
    protected override bool Breaks(string? provider, string place) => provider == "PR4" && place == "P1";
}

public sealed class Rule531 : ProviderForPlacementRule
{
    public override string Code => "531";
    public override string Message => "A placement provider code of PR5 cannot be associated with placements P1.";
    protected override bool Breaks(string? provider, string place) => provider == "PR5" && place == "P1";
}

public sealed class Rule550 : ProviderForPlacementRule
{
    public override string Code => "550";
    public override string Message => "A placement provider code of PR0 can only be associated with placement P1.";
    protected override bool Breaks(string? provider, string place) => provider == "PR0" && place != "P1";
}

/// Placed for adoption under a placement order (A5, A6): the legal status is the placement order (E1)
/// or, under the old law, a freeing order (D1).
public sealed class Rule408 : Ssda903Rule
{
    public override string Code => "408";
    public override string Message => "Child is placed for adoption with a placement order, but no placement order has been recorded.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place is "A5" or "A6" && e.Ls is not ("E1" or "D1")).Select(e => Fail(e.Child, "LS", CarePage));
}

/// Placed for adoption with the current foster carers (A3, A5) from 1 April 2015: the child starts to be
/// looked after there (S) or stays with the same carer (T, U).
public sealed class Rule217 : Ssda903Rule
{
    public override string Code => "217";
    public override string Message => "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place is "A3" or "A5" && e.Decom >= new DateOnly(2015, 4, 1) && e.Rne is not ("S" or "T" or "U"))
            .Select(e => Fail(e.Child, "RNE", CarePage));
}

/// A3/A5 mean "with the current foster carer": the episode before is a foster placement (U1–U6) or
/// already a placement for adoption (A3–A6).
public sealed class Rule336 : Ssda903Rule
{
    public override string Code => "336";
    public override string Message => "Child does not have a foster placement immediately prior to being placed for adoption.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Next.Place is "A3" or "A5" && !(p.Previous.Place.StartsWith('U') || p.Previous.Place.StartsWith('A')))
            .Select(p => Fail(p.Next.Child, "PLACE", CarePage));
}

public sealed class Rule390 : Ssda903Rule
{
    public override string Code => "390";
    public override string Message => "Reason episode ceased is adopted but child has not been previously placed for adoption.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Rec is "E11" or "E12" && e.Place is not ("A3" or "A4" or "A5" or "A6")).Select(e => Fail(e.Child, "REC", CarePage));
}

public sealed class Rule355 : Ssda903Rule
{
    public override string Code => "355";
    public override string Message => "Episode appears to have lasted for less than 24 hours.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Dec == e.Decom).Select(e => Fail(e.Child, "DEC", CarePage));
}
