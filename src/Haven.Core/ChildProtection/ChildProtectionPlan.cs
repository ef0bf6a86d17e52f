using Haven.Core.Assessments;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.ChildProtection;

public enum ConferenceKind { Initial, Review }

/// How an agency or person took part in a conference.
public enum ConferenceAttendance { Attended, SentReport, Apologies }

/// Why a child protection plan ended (Working Together 2023, ch.3).
public enum PlanEndReason
{
    /// A review conference judged the child no longer at continuing risk of significant harm.
    NoLongerAtRisk,
    BecameLookedAfter,
    MovedToAnotherCouncil,
    Reached18,
    Died,
    Other,
}

/// An initial or review child protection conference: who came or sent a report, the chair, the
/// decision, and the category of abuse (CIN census codes NEG, PHY, EMO, SAB, MUL).
public class ChildProtectionConference : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public ConferenceKind Kind { get; set; }
    /// The section 47 enquiry an initial conference came from.
    public int? Section47EnquiryId { get; set; }
    /// The plan a review conference reviewed (an initial conference's plan points back to it by StartConferenceId).
    public int? ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
    public string Chair { get; set; } = "";
    public List<ConferenceAttendee> Attendees { get; set; } = [];
    /// Initial: the child is to be the subject of a plan. Review: the plan continues.
    public bool PlanNeeded { get; set; }
    /// CIN census category of abuse code, when there is (or continues to be) a plan.
    public string? CategoryOfAbuse { get; set; }
    public string? Decision { get; set; }
    public PlanEndReason? EndReason { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public static string Describe(ConferenceKind kind) => kind == ConferenceKind.Initial ? "Initial child protection conference" : "Review child protection conference";
}

public class ConferenceAttendee
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public PartnerAgency Agency { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public ConferenceAttendance Attendance { get; set; }
    /// A written report was received for the conference.
    public bool ReportReceived { get; set; }

    public static string Describe(ConferenceAttendance a) => a switch
    {
        ConferenceAttendance.SentReport => "Sent a report",
        _ => a.ToString(),
    };
}

/// A child protection plan as a registration (CIN census ChildProtectionPlans): it starts on the
/// date of the initial conference and ends with a reason. The plan's content (outcomes, actions,
/// contingency) belongs to the shared Plan model: a Plan of kind ChildProtection for this child.
public class ChildProtectionPlan : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    /// CPPstartDate: the initial conference date.
    public DateOnly StartDate { get; set; }
    /// InitialCategoryOfAbuse, then the latest review's category.
    public string CategoryOfAbuse { get; set; } = "";
    public int StartConferenceId { get; set; }
    public ChildProtectionConference StartConference { get; set; } = null!;
    /// CPPendDate.
    public DateOnly? EndDate { get; set; }
    public PlanEndReason? EndReason { get; set; }
    public int? EndConferenceId { get; set; }
    public ChildProtectionConference? EndConference { get; set; }
    /// NumberOfPreviousCPP: this child's earlier child protection plans, at any time.
    public int PreviousPlans { get; set; }
    public List<CoreGroupMember> CoreGroup { get; set; } = [];
    /// The plan's content (outcomes, actions, contingency, versions): the shared Plan of kind
    /// ChildProtection, started by the initial conference in the same save. Null only for a
    /// registration recorded before plans were linked; its plan can then be started from the plans page.
    public int? PlanId { get; set; }
    public Plans.Plan? Plan { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => EndDate is null;
    public bool IsSecondOrSubsequent => PreviousPlans > 0;

    /// True when the plan has lasted (or, if ended, lasted) 2 years or more by the given date.
    public bool LastedTwoYearsOrMore(DateOnly today) => ChildProtectionRules.LastedTwoYearsOrMore(StartDate, EndDate ?? today);

    public static string DescribeCategory(string? code) => HelpAndProtectionCodes.CategoryOfAbuse.Describe(code) ?? code ?? "–";

    public static string Describe(PlanEndReason r) => r switch
    {
        PlanEndReason.NoLongerAtRisk => "No longer at continuing risk of significant harm",
        PlanEndReason.BecameLookedAfter => "Became looked after",
        PlanEndReason.MovedToAnotherCouncil => "Moved to another council",
        PlanEndReason.Reached18 => "Reached 18",
        PlanEndReason.Died => "Died",
        _ => "Other",
    };
}

/// Someone in the child's core group (parents, the lead social worker, professionals).
public class CoreGroupMember
{
    public int Id { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public PartnerAgency Agency { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
}

/// A core group meeting under a child protection plan.
public class CoreGroupMeeting : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
    public string Attendees { get; set; } = "";
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
}

/// A child protection visit: whether the child was seen, and seen alone.
public class ChildProtectionVisit : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
    public bool ChildSeen { get; set; }
    public bool ChildSeenAlone { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
}

/// The council's frequencies for child protection visits and core groups (configuration section
/// Haven:ChildProtection), as timescale rules with the registry's defaults.
public sealed class ChildProtectionSettings
{
    public int VisitWorkingDays { get; set; } = 10;
    public int CoreGroupWeeks { get; set; } = 6;

    public TimescaleRule VisitRule => VisitWorkingDays == Timescales.ChildProtectionVisit.Period.Count
        ? Timescales.ChildProtectionVisit : Timescales.ChildProtectionVisit with { Period = Period.WorkingDays(VisitWorkingDays) };

    public TimescaleRule CoreGroupRule => CoreGroupWeeks == Timescales.CoreGroup.Period.Count
        ? Timescales.CoreGroup : Timescales.CoreGroup with { Period = Period.Weeks(CoreGroupWeeks) };
}

/// The pure rules of a child protection plan's timescales.
public static class ChildProtectionRules
{
    /// The next review conference: 3 months from the initial conference, then at most 6 months from the last review.
    public static (DateOnly Due, TimescaleRule Rule) NextReview(DateOnly initialConference, DateOnly? lastReview) => lastReview is { } last
        ? (Timescales.ChildProtectionReview.DueFrom(last), Timescales.ChildProtectionReview)
        : (Timescales.FirstChildProtectionReview.DueFrom(initialConference), Timescales.FirstChildProtectionReview);

    /// The next visit: the configured frequency from the last visit where the child was seen, or from the plan start.
    public static DateOnly NextVisit(DateOnly planStart, DateOnly? lastVisitChildSeen, ChildProtectionSettings settings) =>
        settings.VisitRule.DueFrom(lastVisitChildSeen is { } v && v > planStart ? v : planStart);

    /// The next core group: the first within 10 working days of the initial conference, then the configured frequency.
    public static (DateOnly Due, TimescaleRule Rule) NextCoreGroup(DateOnly planStart, DateOnly? lastMeeting, ChildProtectionSettings settings) =>
        lastMeeting is { } last && last >= planStart
            ? (settings.CoreGroupRule.DueFrom(last), settings.CoreGroupRule)
            : (Timescales.FirstCoreGroup.DueFrom(planStart), Timescales.FirstCoreGroup);

    public static bool LastedTwoYearsOrMore(DateOnly start, DateOnly endOrToday) => endOrToday >= Timescales.LongChildProtectionPlan.DueFrom(start);
}
