using Haven.Core.Data;
using Haven.Core.Workforce;

namespace Haven.Core.ChildrenLookedAfter;

/// A statutory visit to a looked-after child by their social worker (CPPCR reg 28).
public class StatutoryVisit : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int? PlacementId { get; set; }
    public DateOnly VisitDate { get; set; }
    public bool ChildSeen { get; set; }
    public bool SeenAlone { get; set; }
    public int VisitedByWorkerId { get; set; }
    public Worker VisitedBy { get; set; } = null!;
    public string Summary { get; set; } = "";
    public Guid? SubmissionId { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
}

/// A looked-after review chaired by an independent reviewing officer (CPPCR regs 32–33), with the
/// child's participation (903 REVIEW_CODE), advocacy, and the record the IRO writes to the child.
public class LookedAfterReview : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int PeriodOfCareId { get; set; }
    public DateOnly ReviewDate { get; set; }
    public int ChairWorkerId { get; set; }
    public Worker Chair { get; set; } = null!;
    public string ParticipationCode { get; set; } = "";
    public bool AdvocacyOffered { get; set; }
    public bool AdvocacyTakenUp { get; set; }
    /// Whether the review agreed the current placement as the child's long-term placement.
    public bool LongTermPlacementAgreed { get; set; }
    public string Decisions { get; set; } = "";
    /// The review record, written to the child in a plain and warm voice, to print and give them.
    public string LetterToChild { get; set; } = "";
    public Guid? SubmissionId { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
}

/// The IRO's contact with the child between reviews (IRO Handbook: the IRO sees the child before
/// each review and keeps in touch between them), recorded by the IRO, a manager or the child's
/// social worker (LookedAfterService.RecordIroVisitAsync).
public class IroVisit : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly VisitDate { get; set; }
    public int IroWorkerId { get; set; }
    public Worker Iro { get; set; } = null!;
    public bool SeenAlone { get; set; }
    /// Why the IRO saw the child, in a line (before the review, after a move, the child asked…).
    public string Purpose { get; set; } = "";
    /// What the child said and what the IRO will follow up (optional).
    public string Summary { get; set; } = "";
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    /// Set when the visit was corrected (a corrected visit is added beside it; the reason starts
    /// "Corrected: "). A corrected visit is kept but no longer counted or shown as current.
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }
}

public enum FamilyMember { Mother, Father, Parent, Brother, Sister, Sibling, Grandparent, OtherRelative }

/// Time with family: an arrangement for the child to see a parent or brother or sister.
public class ContactArrangement : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public FamilyMember With { get; set; }
    public string PersonName { get; set; } = "";
    public string Frequency { get; set; } = "";
    public bool Supervised { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    public List<ContactSession> Sessions { get; } = [];
}

/// One time the child saw their family under an arrangement, and how it went.
public class ContactSession
{
    public int Id { get; set; }
    public int ContactArrangementId { get; set; }
    public DateOnly Date { get; set; }
    public bool TookPlace { get; set; }
    public string HowItWent { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
