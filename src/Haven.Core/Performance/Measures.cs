namespace Haven.Core.Performance;

/// Which way a measure should move. Neither: a context figure (how many children are on plans).
public enum Direction { HigherIsBetter, LowerIsBetter, Neither }

/// Percentage: items meeting the standard as a share of all items. Count: how many items (with a
/// rate per 10,000 children when the measure says so). PerWorker: items per distinct worker.
/// Average: the mean of each item's score (days, an SDQ score, attendance), with the items meeting
/// the standard counted beside it.
public enum MeasureKind { Percentage, Count, PerWorker, Average }

/// Flow: items are events dated in the period (trend: by month of the event). Stock: items are
/// children in a state on a date (trend: on the last day of each month).
public enum MeasureTiming { Flow, Stock }

public enum MeasureArea { FrontDoor, ChildProtection, ChildrenInCare, Missing, Workforce, Health, Education, CareLeavers, Adoption, Fostering, Lado }

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
    bool RatePer10k = false,
    string Counts = "children",
    string? ScoreUnit = null,
    string? MetLabel = null)
{
    public string Unit => Kind switch
    {
        MeasureKind.Percentage => "%",
        MeasureKind.PerWorker => " per worker",
        MeasureKind.Average => ScoreUnit ?? "",
        _ => RatePer10k ? " per 10,000" : "",
    };

    /// False for measures of things that are not children (households, allegations): their items
    /// carry no child, so the drill-down stops at the worker and names nobody.
    public bool AboutChildren => Counts == "children";
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

    private const string Health25 = "national-statistics.md §3 Health (children looked after 12 months or more, 2025)";
    private const string Leavers25 = "national-statistics.md §3 Care leavers (aged 19 to 21, 2025)";

    public static readonly MeasureDefinition ChildProtectionVisits = new(
        "cp-visits-in-time", MeasureArea.ChildProtection, "Child protection visits in timescale",
        "Of the children on a child protection plan on the date (born), the share whose next visit is not overdue: seen within the configured number of working days of the last visit where they were seen, or of the plan starting (Timescales: child-protection-visit; the rule of My work).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition ChildProtectionReviews = new(
        "cp-reviews-in-time", MeasureArea.ChildProtection, "Child protection reviews in timescale",
        "Of the children on a child protection plan on the date, the share whose review conference is not overdue: the first within 3 months of the initial conference, then at most 6 months after the last (Timescales: first-child-protection-review, child-protection-review).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition StatutoryVisits = new(
        "cla-visits-in-time", MeasureArea.ChildrenInCare, "Statutory visits in timescale",
        "Of the children looked after and in a placement on the date, the share whose statutory visit is not overdue: within a week of the placement starting, then at most every 6 weeks, or 3-monthly in an agreed long-term placement after its first year (Timescales: first-placement-visit, looked-after-visit, placement-until-adulthood-visit).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition LookedAfterReviews = new(
        "cla-reviews-in-time", MeasureArea.ChildrenInCare, "Looked-after reviews in timescale",
        "Of the children looked after on the date, the share whose review is not overdue: the first within 20 working days of coming into care, the second within 3 months, then at most every 6 months (Timescales: first-looked-after-review, second-looked-after-review, looked-after-review).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition HealthAssessments = new(
        "health-assessments", MeasureArea.Health, "Health assessments up to date",
        "Of the children looked after for 12 months or more on the date, the share whose health assessment in this period of care is not overdue (6-monthly under five, then yearly; Timescales: review-health-assessment).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 90m, Health25);

    public static readonly MeasureDefinition DentalChecks = new(
        "dental-checks", MeasureArea.Health, "Dental checks up to date",
        "Of the children looked after for 12 months or more on the date, the share whose dental check is not overdue (every 12 months; Timescales: dental-check).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 81m, Health25);

    public static readonly MeasureDefinition SdqCompleted = new(
        "sdq-up-to-date", MeasureArea.Health, "Strengths and difficulties questionnaires up to date",
        "Of the children looked after for 12 months or more on the date and of SDQ age (4 to 16), the share whose SDQ is not overdue (12 months after the last, or after coming into care or turning four; Timescales: strengths-and-difficulties-questionnaire). England counts SDQs received for ages 5 to 16.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 78m, Health25);

    public static readonly MeasureDefinition SdqAverage = new(
        "sdq-average", MeasureArea.Health, "Average SDQ score",
        "Of the children looked after for 12 months or more on the date with an SDQ score in the last 12 months, the average of their latest total difficulties score (0 to 40), and how many are in the normal band (0 to 13).",
        MeasureKind.Average, MeasureTiming.Stock, Direction.LowerIsBetter, 14.9m, Health25, ScoreUnit: "", MetLabel: "in the normal band");

    public static readonly MeasureDefinition SdqConcern = new(
        "sdq-concern", MeasureArea.Health, "SDQ score a cause for concern",
        "Of the children looked after for 12 months or more on the date with an SDQ score in the last 12 months, the share whose latest score is a cause for concern (17 to 40).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.LowerIsBetter, 42m, Health25);

    public static readonly MeasureDefinition PepsInDate = new(
        "peps-in-date", MeasureArea.Education, "Personal education plans in date",
        "Of the children looked after on the date who are of PEP age (nursery to Year 13), the share whose PEP is not overdue: the first within 20 school days of coming into care, then once a term (Timescales: initial-personal-education-plan, personal-education-plan-review; the virtual school's rule).",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition AttendancePrimary = new(
        "attendance-primary", MeasureArea.Education, "School attendance: primary",
        "Of the children looked after on the date in primary school years (Reception is early years; Years 1 to 6, by date of birth) with a term's attendance recorded in the last 12 months, the average of their latest term's attendance, and how many are not persistently absent (90% or more).",
        MeasureKind.Average, MeasureTiming.Stock, Direction.HigherIsBetter, null, null, ScoreUnit: "%", MetLabel: "not persistently absent");

    public static readonly MeasureDefinition AttendanceSecondary = new(
        "attendance-secondary", MeasureArea.Education, "School attendance: secondary",
        "Of the children looked after on the date in secondary school years (Years 7 to 11, by date of birth) with a term's attendance recorded in the last 12 months, the average of their latest term's attendance, and how many are not persistently absent (90% or more).",
        MeasureKind.Average, MeasureTiming.Stock, Direction.HigherIsBetter, null, null, ScoreUnit: "%", MetLabel: "not persistently absent");

    public static readonly MeasureDefinition MissingEpisodes = new(
        "missing-episodes", MeasureArea.Missing, "Missing episodes",
        "Episodes of a child going missing (not \"away\") that began in the period, from home or from care.",
        MeasureKind.Count, MeasureTiming.Flow, Direction.Neither, null, null, Counts: "episodes");

    public static readonly MeasureDefinition CareLeaversInTouch = new(
        "care-leavers-in-touch", MeasureArea.CareLeavers, "Care leavers in touch",
        "Of the care leavers on the date with a birthday return recorded, the share in touch with the council at their latest birthday (the rules of the /care-leavers page). England publishes in-touch figures only for 22-year-olds.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, null, null);

    public static readonly MeasureDefinition CareLeaversAccommodation = new(
        "care-leavers-accommodation", MeasureArea.CareLeavers, "Care leavers in suitable accommodation",
        "Of the care leavers on the date with a birthday return recorded, the share in touch and in suitable accommodation at their latest birthday (not known counts against). England's figure is for ages 19 to 21.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 89m, Leavers25);

    public static readonly MeasureDefinition CareLeaversEet = new(
        "care-leavers-eet", MeasureArea.CareLeavers, "Care leavers in education, employment or training",
        "Of the care leavers on the date with a birthday return recorded, the share in touch and in education, employment or training at their latest birthday (not known counts against). England's figure is for ages 19 to 21.",
        MeasureKind.Percentage, MeasureTiming.Stock, Direction.HigherIsBetter, 54m, Leavers25);

    public static readonly MeasureDefinition AdoptionA1 = new(
        "adoption-a1", MeasureArea.Adoption, "Adoption: entry to care to moving in (A1)",
        "Of the children whose adoption order was made in the period, the average days from entering care to moving in with the adoptive family, and how many within the scorecard threshold of 426 days (Timescales: adoption-entry-to-moved-in).",
        MeasureKind.Average, MeasureTiming.Flow, Direction.LowerIsBetter, null, null, ScoreUnit: " days", MetLabel: "within 426 days");

    public static readonly MeasureDefinition AdoptionA2 = new(
        "adoption-a2", MeasureArea.Adoption, "Adoption: placement order to match (A2)",
        "Of the children whose adoption order was made in the period, the average days from the placement order to the match with adopters, and how many within the scorecard threshold of 121 days (Timescales: adoption-placement-order-to-match).",
        MeasureKind.Average, MeasureTiming.Flow, Direction.LowerIsBetter, null, null, ScoreUnit: " days", MetLabel: "within 121 days");

    public static readonly MeasureDefinition FosterConversion = new(
        "foster-conversion", MeasureArea.Fostering, "Foster carer enquiries approved",
        "Of the households who enquired about fostering in the period, the share approved as foster carers by the \"as at\" date (the conversion rules of the /fostering page; enquiries still in progress count as not yet approved). England publishes enquiry-to-application only (6% in 2022-23).",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, null, null, Counts: "households");

    public static readonly MeasureDefinition LadoInTime = new(
        "lado-in-time", MeasureArea.Lado, "LADO initial considerations within 1 working day",
        "Of the allegations referred to the LADO in the period whose initial consideration is due by the \"as at\" date, the share considered by the end of the next working day (Timescales: lado-initial-consideration). A consideration still outstanding after its due date counts as late. No national figure is published.",
        MeasureKind.Percentage, MeasureTiming.Flow, Direction.HigherIsBetter, null, null, Counts: "allegations");

    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        ContactsDecidedInTime, ContactConversion, ReReferrals, AssessmentsInTime,
        ConferencesInTime, ChildProtectionPlans, SecondPlans, LongPlans,
        ChildrenInCare, ThreePlacements, LongTermStability, DistancePlacements,
        ReturnInterviews, Caseloads,
        ChildProtectionVisits, ChildProtectionReviews, StatutoryVisits, LookedAfterReviews,
        HealthAssessments, DentalChecks, SdqCompleted, SdqAverage, SdqConcern,
        PepsInDate, AttendancePrimary, AttendanceSecondary, MissingEpisodes,
        CareLeaversInTouch, CareLeaversAccommodation, CareLeaversEet,
        AdoptionA1, AdoptionA2, FosterConversion, LadoInTime,
    ];

    public static MeasureDefinition? Find(string? id) => All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    public static string Describe(MeasureArea area) => area switch
    {
        MeasureArea.FrontDoor => "Front door and assessment",
        MeasureArea.ChildProtection => "Child protection",
        MeasureArea.ChildrenInCare => "Children in care",
        MeasureArea.Missing => "Missing from home and care",
        MeasureArea.Health => "Health of children in care",
        MeasureArea.Education => "Education of children in care",
        MeasureArea.CareLeavers => "Care leavers",
        MeasureArea.Adoption => "Adoption",
        MeasureArea.Fostering => "Fostering",
        MeasureArea.Lado => "Allegations against adults (LADO)",
        _ => "Workforce",
    };
}
