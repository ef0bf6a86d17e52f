using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Plans;

namespace Haven.Core.ChildInNeed;

public enum ChildInNeedPlanClosureReason { NeedsMet, SteppedDownToEarlyHelp, ChildProtectionPlan, BecameLookedAfter, MovedAway, FamilyWithdrewConsent, Other }

/// A child in need plan (CIN census CINplanDates): its start, reviews and closure. Its content
/// (outcomes, actions, contingency, versions) is the linked Plan of kind ChildInNeed.
public class ChildInNeedPlan : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    /// CINPlanStartDate.
    public DateOnly StartDate { get; set; }
    /// CINPlanEndDate.
    public DateOnly? EndDate { get; set; }
    public ChildInNeedPlanClosureReason? ClosureReason { get; set; }
    public string? ClosureNote { get; set; }
    public List<ChildInNeedPlanReview> Reviews { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => EndDate is null;

    /// The date the last review was held, or the start if none has been.
    public DateOnly ReviewClockFrom => Reviews.Count == 0 ? StartDate : Reviews.Max(r => r.Date);

    public static string Describe(ChildInNeedPlanClosureReason r) => r switch
    {
        ChildInNeedPlanClosureReason.NeedsMet => "The child's needs are met",
        ChildInNeedPlanClosureReason.SteppedDownToEarlyHelp => "Stepped down to early help",
        ChildInNeedPlanClosureReason.ChildProtectionPlan => "Child protection plan started",
        ChildInNeedPlanClosureReason.BecameLookedAfter => "The child became looked after",
        ChildInNeedPlanClosureReason.MovedAway => "Moved to another council's area",
        ChildInNeedPlanClosureReason.FamilyWithdrewConsent => "The family withdrew their consent",
        ChildInNeedPlanClosureReason.Other => "Other",
        _ => r.ToString(),
    };
}

/// A review of a child in need plan. When the review changed the plan, PlanVersionNumber is the
/// version it saved.
public class ChildInNeedPlanReview
{
    public int Id { get; set; }
    public int ChildInNeedPlanId { get; set; }
    public DateOnly Date { get; set; }
    public string Summary { get; set; } = "";
    /// What the child and family said at the review.
    public string? Views { get; set; }
    public int? PlanVersionNumber { get; set; }
    public DateOnly NextReviewDue { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// How often a child in need plan is reviewed: Haven:ChildInNeed:ReviewWeeks (default 12 weeks,
/// the common "every 3 months").
public sealed record ChildInNeedSettings(int ReviewWeeks = 12)
{
    public TimescaleRule ReviewRule => Timescales.ChildInNeedPlanReview with { Period = Period.Weeks(ReviewWeeks) };

    /// The next review is due the review period after the start or the last review. A review is a
    /// meeting with the family and partners, so one that would fall on a weekend or bank holiday is
    /// due on the working day before.
    public DateOnly NextReviewDue(DateOnly from, WorkingDayCalendar? calendar = null)
    {
        var cal = calendar ?? WorkingDayCalendar.EnglandAndWales;
        var due = ReviewRule.DueFrom(from, cal);
        while (!cal.IsWorkingDay(due)) due = due.AddDays(-1);
        return due;
    }
}
