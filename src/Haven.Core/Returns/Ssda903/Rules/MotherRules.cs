namespace Haven.Core.Returns.Ssda903.Rules;

/// MOTHER and MC_DOB in the header (statutory-returns.md §1.4 item 24: MOTHER completed for girls in
/// care aged 12 or over; MC_DOB if and only if MOTHER is 1; a mother is older than her child and at
/// least 11). The reference lists the six numbers without pairing them with the checks; the pairing
/// here follows the DfE's messages for them (to confirm against the published rules). MOTHER comes from
/// the recorded relationships, so the fix is on the child's Relationships page.
public abstract class MotherRule : Ssda903Rule
{
    protected const string RelationshipsPage = "relationships";
    protected static bool IsGirl(Ssda903Header h) => h.Sex is "F" or "2";

    /// Girls aged 12 or over on the day given whose MOTHER is blank.
    protected IEnumerable<ReturnFailure> Blank(Ssda903Data d, IEnumerable<(string Child, DateOnly On)> girls) =>
        girls.Where(g => d.HeaderByChild.TryGetValue(g.Child, out var h) && IsGirl(h) && string.IsNullOrWhiteSpace(h.Mother)
                && AgeOn(d, g.Child, g.On) >= 12)
            .Select(g => Fail(g.Child, "MOTHER", RelationshipsPage));
}

/// A girl of 12 or over looked after at 31 March: MOTHER is 1 or 0.
public sealed class Rule393 : MotherRule
{
    public override string Code => "393";
    public override string Message => "Child is looked after but mother field is not completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Blank(d, d.EpisodesByChild.Where(g => g.Any(e => e.Dec is null)).Select(g => (g.Key, d.Period.End)));
}

/// A girl of 12 or over who stopped being looked after in the year: MOTHER is 1 or 0.
public sealed class Rule607 : MotherRule
{
    public override string Code => "607";
    public override string Message => "Child ceased to be looked after in the year, but mother field has not been completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Blank(d, d.EpisodesByChild.Where(g => g.All(e => e.Dec is not null)).Select(g => g.Last())
            .Where(e => e.Rec is { } rec && rec != "X1" && e.Dec >= d.Period.Start && e.Dec <= d.Period.End).Select(e => (e.Child, e.Dec!.Value)));
}

/// MOTHER is 1: MC_DOB gives her first child's date of birth.
public sealed class Rule611 : MotherRule
{
    public override string Code => "611";
    public override string Message => "Date of birth field is blank, but child is a mother.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Header.Where(h => h.Mother == "1" && h.MotherChildDob is null).Select(h => Fail(h.Child, "MC_DOB", RelationshipsPage));
}

/// MC_DOB only when MOTHER is 1.
public sealed class Rule612 : MotherRule
{
    public override string Code => "612";
    public override string Message => "Date of birth field has been completed but mother field indicates child is not a mother.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Header.Where(h => h.MotherChildDob is not null && h.Mother != "1").Select(h => Fail(h.Child, "MOTHER", RelationshipsPage));
}

/// A mother was at least 11 when her first child was born.
public sealed class Rule620 : MotherRule
{
    public override string Code => "620";
    public override string Message => "Child has been recorded as a mother, but date of birth shows mother is under 11 years of age.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Header.Where(h => h.Mother == "1" && h is { Dob: { } dob, MotherChildDob: { } mc } && mc > dob && Ssda903Builder.Age(dob, mc) < 11)
            .Select(h => Fail(h.Child, "MC_DOB", RelationshipsPage));
}

/// A mother is older than her child.
public sealed class Rule621 : MotherRule
{
    public override string Code => "621";
    public override string Message => "Mother's field has been completed but date of birth shows that the mother is younger than her child.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Header.Where(h => h.Mother == "1" && h is { Dob: { } dob, MotherChildDob: { } mc } && mc <= dob)
            .Select(h => Fail(h.Child, "MC_DOB", RelationshipsPage));
}
