namespace Haven.Core.Performance;

/// Which way a measure should move. Neither: a context figure (how many children are on plans).
public enum Direction { HigherIsBetter, LowerIsBetter, Neither }

/// Percentage: items meeting the standard as a share of all items. Count: how many items (with a
/// rate per 10,000 children when the measure says so). PerWorker: items per distinct worker.
public enum MeasureKind { Percentage, Count, PerWorker }

/// Flow: items are events dated in the period (trend: by month of the event). Stock: items are
/// children in a state on a date (trend: on the last day of each month).
public enum MeasureTiming { Flow, Stock }

public enum MeasureArea { FrontDoor, ChildProtection, ChildrenInCare, Missing, Workforce }

/// One performance measure, defined once: the dashboard, the API, the CSV and the tests all read
/// this. England figures come from shared/reference/national-statistics.md (year ending 31 March
/// 2025); for counts with a rate the England figure is the rate per 10,000 children.
public sealed record MeasureDefinition(
    string Id,
    MeasureArea Area,
    string Title,
    string Definition,
    MeasureKind Kind,
    MeasureTiming Timing,
    Direction Good,
    decimal? England,
    string? EnglandSource,
    bool RatePer10k = false)
{
    public string Unit => Kind switch
    {
        MeasureKind.Percentage => "%",
        MeasureKind.PerWorker => " per worker",
        _ => RatePer10k ? " per 10,000" : "",
    };
}

public static class PerformanceMeasures
{
    private const string Cin25 = "national-statistics.md §1 (CIN census 2025)";
    private const string Cp25 = "national-statistics.md §2 (CIN census 2025)";
    private const string Cla25 = "national-statistics.md §3 (children looked after 2025)";

    public static readonly MeasureDefinition ContactsDecidedInTime = new(
        "contacts-decided-in-time", MeasureArea.FrontDoor, "Contacts decided within 1 working day",
        "Of the children on contacts received in the period whose decision is due, the share whose threshold decision was signed off by the end of the next working day (Timescales: referral-decision). A decision still outstanding after its due date counts as late.",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition ContactConversion = new(
        "contact-conversion", MeasureArea.FrontDoor, "Contacts that became referrals",
        "Of the children whose contact decision was signed off in the period, the share whose decision opened a referral to children's social care.",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.Neither, null, null);

    public static readonly MeasureDefinition ReReferrals = new(
        "re-referrals", MeasureArea.FrontDoor, "Re-referrals within 12 months",
        "Of the referrals made in the period, the share that came within 12 months of a previous referral for the same child (Timescales: re-referral-window).",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.LowerIsBetter, 22.6m, Cin25);

    public static readonly MeasureDefinition AssessmentsInTime = new(
        "assessments-in-time", MeasureArea.FrontDoor, "Assessments completed within 45 working days",
        "Of the assessments authorised in the period, the share authorised within 45 working days of the referral (Timescales: assessment).",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, 85.7m, Cin25);

    public static readonly MeasureDefinition ConferencesInTime = new(
        "icpc-in-time", MeasureArea.ChildProtection, "Initial conferences within 15 working days",
        "Of the initial child protection conferences held in the period, the share held within 15 working days of the strategy discussion that started the section 47 enquiry (Timescales: initial-child-protection-conference). England measures from the enquiry's start.",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, 81.4m, Cp25);

    public static readonly MeasureDefinition ChildProtectionPlans = new(
        "cp-plans", MeasureArea.ChildProtection, "Children on child protection plans",
        "Children with a child protection plan open on the date, and the rate per 10,000 children in the council's area.",
        MeasureKind.Count, MeasureTiming.Stock, Direction.Neither, 40.6m, Cp25, RatePer10k: true);

    public static readonly MeasureDefinition SecondPlans = new(
        "cp-second-plans", MeasureArea.ChildProtection, "Second or subsequent child protection plans",
        "Of the child protection plans that started in the period, the share for a child who had had a plan before, at any time.",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.LowerIsBetter, 24.5m, Cp25);

    public static readonly MeasureDefinition LongPlans = new(
        "cp-two-years", MeasureArea.ChildProtection, "Plans ending after 2 years or more",
        "Of the child protection plans that ended in the period, the share that had lasted 2 years or more (Timescales: long-child-protection-plan).",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.LowerIsBetter, 4.4m, Cp25);

    public static readonly MeasureDefinition ChildrenInCare = new(
        "children-in-care", MeasureArea.ChildrenInCare, "Children in care",
        "Children looked after on the date (an open period of care), and the rate per 10,000 children in the council's area.",
        MeasureKind.Count, MeasureTiming.Stock, Direction.Neither, 67m, Cla25, RatePer10k: true);

    public static readonly MeasureDefinition ThreePlacements = new(
        "three-placements", MeasureArea.ChildrenInCare, "Short-term stability: 3 or more placements in 12 months",
        "Of the children looked after on the date, the share who have had 3 or more placements in the last 12 months (the stability rules of the /stability page).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.LowerIsBetter, 10m, Cla25);

    public static readonly MeasureDefinition LongTermStability = new(
        "long-term-stability", MeasureArea.ChildrenInCare, "Long-term stability",
        "Of the children under 16 looked after for 2.5 years or more on the date, the share who have been in the same placement for 2 years or more.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 69m, Cla25);

    public static readonly MeasureDefinition DistancePlacements = new(
        "distance-placements", MeasureArea.ChildrenInCare, "Placed more than 20 miles from home",
        "Of the children looked after on the date, the share whose current placement is more than 20 miles from their home address.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.LowerIsBetter, 22m, Cla25);

    public static readonly MeasureDefinition ReturnInterviews = new(
        "return-interviews", MeasureArea.Missing, "Return home interviews completed",
        "Of the children's returns from a missing episode in the period, the share where a return home interview was completed (the take-up rules of the /missing page).",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition Caseloads = new(
        "caseloads", MeasureArea.Workforce, "Average caseload",
        "Children allocated to a social worker on the date, divided by the number of social workers holding at least one child. England counts cases per case-holding full-time equivalent.",
        MeasureKind.PerWorker, MeasureTiming.Stock, Direction.LowerIsBetter, 15.2m, "national-statistics.md §6 (CSWW 2025)");

    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        ContactsDecidedInTime, ContactConversion, ReReferrals, AssessmentsInTime,
        ConferencesInTime, ChildProtectionPlans, SecondPlans, LongPlans,
        ChildrenInCare, ThreePlacements, LongTermStability, DistancePlacements,
        ReturnInterviews, Caseloads,
    ];

    public static MeasureDefinition? Find(string? id) => All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    public static string Describe(MeasureArea area) => area switch
    {
        MeasureArea.FrontDoor => "Front door and assessment",
        MeasureArea.ChildProtection => "Child protection",
        MeasureArea.ChildrenInCare => "Children in care",
        MeasureArea.Missing => "Missing from home and care",
        _ => "Workforce",
    };
}
