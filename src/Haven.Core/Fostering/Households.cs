using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.Workforce;

namespace Haven.Core.Fostering;

/// Mainstream carers approved through the funnel; connected persons (family and friends) approved
/// for a named child, first temporarily under reg 24 for up to 16 weeks while assessed.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum HouseholdKind { Mainstream, ConnectedPerson }

/// Why a household stopped fostering for the council.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum DeregistrationReason { Resigned, Retired, ChangeOfCircumstances, MovedToAnotherProvider, BecameSpecialGuardiansOrAdopters, ApprovalTerminated, Other }

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum CareType { ShortTerm, LongTerm, Emergency, Respite, ParentAndChild, FosterToAdopt }

/// An approved (or temporarily approved) fostering household: its approval terms, supervising
/// social worker, and the dates that drive its reviews.
public class FosterHousehold : IVersioned
{
    public int Id { get; set; }
    public HouseholdKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Postcode { get; set; } = "";
    /// The funnel enquiry the household came through (mainstream carers).
    public int? EnquiryId { get; set; }
    public DateOnly? ApprovalDate { get; set; }
    /// Connected persons: when the child was placed under temporary approval (reg 24).
    public DateOnly? TemporaryApprovalDate { get; set; }
    /// Approval terms: how many children, of what ages, for what kind of care.
    public int MaxChildren { get; set; }
    public int AgeFrom { get; set; }
    public int AgeTo { get; set; }
    public CareType CareType { get; set; }
    public int SupervisingWorkerId { get; set; }
    public Worker SupervisingWorker { get; set; } = null!;
    /// Deregistration is soft: the household and everything recorded about it stay; from this date
    /// it has no approval, no reviews fall due and no child can be linked to it.
    public DateOnly? DeregisteredDate { get; set; }
    public DeregistrationReason? DeregisteredReasonKind { get; set; }
    /// Why, in the worker's words.
    public string? DeregisteredReason { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public bool IsTemporary => Kind == HouseholdKind.ConnectedPerson && ApprovalDate is null && TemporaryApprovalDate is not null;

    /// The last day of temporary approval: 16 weeks from placement (CPPCR reg 24).
    public DateOnly? TemporaryApprovalEnds => IsTemporary ? Timescales.ConnectedPersonTemporaryApproval.DueFrom(TemporaryApprovalDate!.Value) : null;
}

/// Links a household to a placement recorded on a child's period of care: the placement's carer is this household.
public class HouseholdPlacement
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public int PlacementId { get; set; }
    public int ChildId { get; set; }
}

public class SupervisionVisit : IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public DateOnly VisitDate { get; set; }
    public int WorkerId { get; set; }
    public bool Unannounced { get; set; }
    public string Notes { get; set; } = "";
    public Guid? SubmissionId { get; set; }
    /// Concurrency token: a correction made on a stale form is refused.
    public Guid Version { get; set; }
}

/// A training course a carer (or adopter) has done or still must do. Completed null: still required.
public class CarerTraining : IVersioned
{
    public int Id { get; set; }
    public int? HouseholdId { get; set; }
    /// Adopters' training belongs to their funnel record.
    public int? EnquiryId { get; set; }
    public string Course { get; set; } = "";
    public DateOnly? RequiredBy { get; set; }
    public DateOnly? CompletedDate { get; set; }
    public Guid? SubmissionId { get; set; }
    /// Concurrency token: a correction made on a stale form is refused.
    public Guid Version { get; set; }
}

public class CarerReview : IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public DateOnly ReviewDate { get; set; }
    public bool ToPanel { get; set; }
    public bool ApprovalContinues { get; set; } = true;
    public string Summary { get; set; } = "";
    public Guid? SubmissionId { get; set; }
    /// Concurrency token: a correction made on a stale form is refused.
    public Guid Version { get; set; }
}

/// Carers' own view of the support and training they get, 1 (poor) to 5 (very good).
public class CarerFeedback : IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public DateOnly GivenDate { get; set; }
    public int SupportRating { get; set; }
    public int TrainingRating { get; set; }
    public string Comments { get; set; } = "";
    public Guid? SubmissionId { get; set; }
    /// Concurrency token: a correction made on a stale form is refused.
    public Guid Version { get; set; }
}

/// A special guardian (kinship carer under a special guardianship order) and the support they get.
public class SpecialGuardianship
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public string GuardianNames { get; set; } = "";
    public DateOnly OrderDate { get; set; }
    /// The special guardianship support plan agreed with the guardians (SGR 2005, reg 14): what
    /// support, from whom, for how long, and how it will be reviewed.
    public string? SupportPlan { get; set; }
    public DateTime? RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public List<GuardianSupport> Support { get; } = [];
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum SupportKind { Financial, Therapeutic, Training, Respite, PeerSupport, ContactSupport, Other }

/// Support received by special guardians or, after an adoption order, by adopters.
public class GuardianSupport
{
    public int Id { get; set; }
    public int? SpecialGuardianshipId { get; set; }
    public int? AdopterEnquiryId { get; set; }
    public DateOnly StartDate { get; set; }
    public SupportKind Kind { get; set; }
    public string Description { get; set; } = "";
    public DateTime? RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// A correction to a recruitment enquiry or a household's approval terms: the value before and
/// after, why, by whom and when. The record itself holds the current value; its history is here,
/// added and never rewritten.
public class FosteringCorrection
{
    public int Id { get; set; }
    public int? EnquiryId { get; set; }
    public int? HouseholdId { get; set; }
    /// What changed, in words ("Panel date").
    public string Field { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string Reason { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
}

/// What is due for a household: the next annual review (FSR reg 28: at least annually, from approval
/// then the last review), and for connected persons, the end of temporary approval.
public static class HouseholdSchedule
{
    public static DateOnly? NextReview(FosterHousehold h, IEnumerable<DateOnly> reviews)
    {
        if (h.ApprovalDate is not { } approved || h.DeregisteredDate is not null) return null;
        var last = reviews.Where(r => r >= approved).DefaultIfEmpty(approved).Max();
        return Timescales.FosterCarerReview.DueFrom(last);
    }
}
