using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// Legal statuses with a time limit in law (statutory-returns.md §1.4 item 10): a run of back-to-back
/// episodes with the status, from its first DECOM to its last DEC (an open episode runs to 31 March),
/// may last at most MaxDays days; every episode of a run that is too long fails.
public abstract class LegalStatusTimeLimitRule : Ssda903Rule
{
    protected abstract string LegalStatus { get; }
    protected abstract int MaxDays { get; }

    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Runs(d, e => e.Ls == LegalStatus).Where(run => Days(d, run) > MaxDays).SelectMany(run => run).Select(e => Fail(e.Child, "LS", CarePage));
}

public sealed class Rule361 : LegalStatusTimeLimitRule
{
    public override string Code => "361";
    public override string Message => "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.";
    protected override string LegalStatus => "L1";
    protected override int MaxDays => 3;
}

public sealed class Rule362 : LegalStatusTimeLimitRule
{
    public override string Code => "362";
    public override string Message => "Emergency protection order (EPO) lasted longer than 21 days.";
    protected override string LegalStatus => "L2";
    protected override int MaxDays => 21;
}

public sealed class Rule363 : LegalStatusTimeLimitRule
{
    public override string Code => "363";
    public override string Message => "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.";
    protected override string LegalStatus => "L3";
    protected override int MaxDays => 7;
}

public sealed class Rule364 : LegalStatusTimeLimitRule
{
    public override string Code => "364";
    public override string Message => "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.";
    protected override string LegalStatus => "J2";
    protected override int MaxDays => 21;
}

/// Short breaks (V3): each break is one episode of at most 17 days.
public sealed class Rule365 : Ssda903Rule
{
    public override string Code => "365";
    public override string Message => "Any individual short-term respite placement must not exceed 17 days.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Ls == "V3" && (e.Dec ?? d.Period.End).DayNumber - e.Decom.DayNumber > 17).Select(e => Fail(e.Child, "DEC", CarePage));
}

/// A short break (V3) is a period of care of its own: the placement cannot change during it.
public sealed class Rule366 : Ssda903Rule
{
    public override string Code => "366";
    public override string Message => "A child cannot change placement during the course of an individual short-term respite break.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Ls == "V3" && e.Rne != "S").Select(e => Fail(e.Child, "RNE", CarePage));
}

/// Short breaks (V3) add up to at most 75 days in the year (days counted inside the collection year).
public sealed class Rule367 : Ssda903Rule
{
    public override string Code => "367";
    public override string Message => "The maximum amount of respite care allowable is 75 days in any 12-month period.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Ls == "V3").GroupBy(e => e.Child)
            .Where(g => g.Sum(e => Math.Max(0, Min(e.Dec ?? d.Period.End, d.Period.End).DayNumber - Max(e.Decom, d.Period.Start).DayNumber)) > 75)
            .SelectMany(g => g).Select(e => Fail(e.Child, "LS", CarePage));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

public sealed class Rule426 : Ssda903Rule
{
    public override string Code => "426";
    public override string Message => "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.EpisodesByChild.Where(g => g.Any(e => e.Ls == "V3") && g.Any(e => e.Ls == "V4"))
            .SelectMany(g => g.Where(e => e.Ls is "V3" or "V4")).Select(e => Fail(e.Child, "LS", CarePage));
}

/// Temporary placements with a time limit: a single episode in the placement may last at most MaxDays.
public abstract class TemporaryPlacementTimeLimitRule : Ssda903Rule
{
    protected abstract string Place { get; }
    protected abstract int MaxDays { get; }

    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == Place && (e.Dec ?? d.Period.End).DayNumber - e.Decom.DayNumber > MaxDays).Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule375 : TemporaryPlacementTimeLimitRule
{
    public override string Code => "375";
    public override string Message => "Hospital placement (T1) lasted longer than 6 weeks; record a new placement.";
    protected override string Place => "T1";
    protected override int MaxDays => 42;
}

public sealed class Rule376 : TemporaryPlacementTimeLimitRule
{
    public override string Code => "376";
    public override string Message => "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.";
    protected override string Place => "T3";
    protected override int MaxDays => 21;
}

public sealed class Rule379 : TemporaryPlacementTimeLimitRule
{
    public override string Code => "379";
    public override string Message => "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.";
    protected override string Place => "T4";
    protected override int MaxDays => 7;
}

public sealed class Rule377 : Ssda903Rule
{
    public override string Code => "377";
    public override string Message => "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12-month period.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == "T3").GroupBy(e => e.Child).Where(g => g.Count() > 2).SelectMany(g => g).Select(e => Fail(e.Child, "PLACE", CarePage));
}
