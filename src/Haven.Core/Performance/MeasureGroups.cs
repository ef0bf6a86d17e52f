using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.CareLeavers;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Education;
using Haven.Core.Fostering;
using Haven.Core.FrontDoor;
using Haven.Core.Health;
using Haven.Core.Involvements;
using Haven.Core.Lado;
using Haven.Core.Missing;
using Haven.Core.People;
using Haven.Core.Permanence;
using Haven.Core.Referrals;
using Haven.Core.Workforce;
using static Haven.Core.Performance.PerformanceMeasures;

namespace Haven.Core.Performance;

/// Measures worked out together from one load, and the entity types (tables) their figures read.
/// PerformanceCache keeps each group's figures until a save changes one of its Sources, so saving
/// a statutory visit recomputes the statutory visits measure and nothing else.
/// Sources must name every table the group's queries read, including People when a query goes
/// through the child (the date of birth, or the removed-person filter); a group that forgets one
/// shows stale figures for up to Haven:Performance:CacheSeconds after a save to it.
public sealed record MeasureGroup(string Name, IReadOnlyList<MeasureDefinition> Measures, IReadOnlyList<Type> Sources);

public static class MeasureGroups
{
    /// Every measure about children places each item with the child's social worker on its date.
    public static readonly IReadOnlyList<Type> Attribution = [typeof(Allocation)];

    private static readonly Type[] InCare = [typeof(PeriodOfCare), typeof(Person)];

    public static readonly IReadOnlyList<MeasureGroup> All =
    [
        new("contacts", [ContactsDecidedInTime, ContactConversion], [typeof(Contact), typeof(ContactChild)]),
        new("re-referrals", [PerformanceMeasures.ReReferrals], [typeof(Referral)]),
        new("assessments", [AssessmentsInTime], [typeof(Assessment), typeof(Referral)]),
        new("conferences", [ConferencesInTime], [typeof(Section47Enquiry), typeof(StrategyDiscussion)]),
        new("cp-plans", [ChildProtectionPlans, SecondPlans, LongPlans], [typeof(ChildProtectionPlan)]),
        new("cp-visits", [ChildProtectionVisits], [typeof(ChildProtectionPlan), typeof(ChildProtectionVisit), typeof(Person)]),
        new("cp-reviews", [ChildProtectionReviews], [typeof(ChildProtectionPlan), typeof(ChildProtectionConference), typeof(Person)]),
        new("children-in-care", [PerformanceMeasures.ChildrenInCare], [typeof(PeriodOfCare)]),
        new("stability", [ThreePlacements, LongTermStability, DistancePlacements], [.. InCare, typeof(Episode), typeof(Placement)]),
        new("return-interviews", [ReturnInterviews], [typeof(MissingEpisode), typeof(ReturnHomeInterview)]),
        new("caseloads", [Caseloads], [typeof(Allocation)]),
        new("cla-visits", [StatutoryVisits], [.. InCare, typeof(Episode), typeof(Placement), typeof(StatutoryVisit)]),
        new("cla-reviews", [LookedAfterReviews], [.. InCare, typeof(LookedAfterReview)]),
        new("health", [HealthAssessments, DentalChecks, SdqCompleted, SdqAverage, SdqConcern], [.. InCare, typeof(HealthRecord)]),
        new("education", [PepsInDate, AttendancePrimary, AttendanceSecondary], [.. InCare, typeof(EducationRecord)]),
        new("missing", [MissingEpisodes], [typeof(MissingEpisode)]),
        // CareLeaverCohort: candidates (people, involvements, periods of care), care histories
        // (episodes, involvements) and birthday returns. The adviser and health summary it also
        // loads are not in these measures.
        new("care-leavers", [CareLeaversInTouch, CareLeaversAccommodation, CareLeaversEet],
            [.. InCare, typeof(Involvement), typeof(Episode), typeof(BirthdayReturn)]),
        // The period of care the child was adopted from comes from ICareSpans (involvements today).
        new("adoption", [AdoptionA1, AdoptionA2], [typeof(AdoptionCase), typeof(Involvement), .. InCare, typeof(Episode)]),
        new("fostering", [FosterConversion], [typeof(RecruitmentEnquiry)]),
        new("lado", [LadoInTime], [typeof(LadoCase), typeof(Worker)]),
    ];

    private static readonly Dictionary<MeasureDefinition, MeasureGroup> ByMeasure =
        All.SelectMany(g => g.Measures.Select(m => (m, g))).ToDictionary(x => x.m, x => x.g);

    public static MeasureGroup Of(MeasureDefinition m) => ByMeasure[m];

    /// The groups that work out these measures, in the order of the measures.
    public static IReadOnlyList<MeasureGroup> For(IEnumerable<MeasureDefinition> measures) => measures.Select(Of).Distinct().ToList();
}
