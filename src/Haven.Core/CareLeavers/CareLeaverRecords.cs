using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.CareLeavers;

/// The eight dimensions a pathway plan covers (CPPCR Part 7, Schedule 8; issue 7).
public enum PathwayDimension { Accommodation, EducationAndWork, Health, EmotionalWellbeing, Relationships, Money, PracticalSkills, Identity }

/// A young person's pathway plan: the needs assessment and, for each dimension, what they need and
/// what will be done. Outcomes, actions with owners, contingency and versions belong to the shared
/// Plan model (PlanKind.Pathway); this holds the care-leaver facts: dates and the dimensions.
public class PathwayPlan : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public DateOnly? NeedsAssessmentDate { get; set; }
    /// The date the plan was agreed with the young person.
    public DateOnly? AgreedDate { get; set; }
    public string Accommodation { get; set; } = "";
    public string EducationAndWork { get; set; } = "";
    public string Health { get; set; } = "";
    public string EmotionalWellbeing { get; set; } = "";
    public string Relationships { get; set; } = "";
    public string Money { get; set; } = "";
    public string PracticalSkills { get; set; } = "";
    public string Identity { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    /// The shared Plan (PlanKind.Pathway) holding the outcomes, actions, contingency and versions.
    public int? PlanId { get; set; }
    public Haven.Core.Plans.Plan? Plan { get; set; }
    public Guid Version { get; set; }

    public string this[PathwayDimension d]
    {
        get => d switch
        {
            PathwayDimension.Accommodation => Accommodation, PathwayDimension.EducationAndWork => EducationAndWork,
            PathwayDimension.Health => Health, PathwayDimension.EmotionalWellbeing => EmotionalWellbeing,
            PathwayDimension.Relationships => Relationships, PathwayDimension.Money => Money,
            PathwayDimension.PracticalSkills => PracticalSkills, _ => Identity,
        };
        set
        {
            switch (d)
            {
                case PathwayDimension.Accommodation: Accommodation = value; break;
                case PathwayDimension.EducationAndWork: EducationAndWork = value; break;
                case PathwayDimension.Health: Health = value; break;
                case PathwayDimension.EmotionalWellbeing: EmotionalWellbeing = value; break;
                case PathwayDimension.Relationships: Relationships = value; break;
                case PathwayDimension.Money: Money = value; break;
                case PathwayDimension.PracticalSkills: PracticalSkills = value; break;
                default: Identity = value; break;
            }
        }
    }

    public static string Describe(PathwayDimension d) => d switch
    {
        PathwayDimension.Accommodation => "Accommodation",
        PathwayDimension.EducationAndWork => "Education and work",
        PathwayDimension.Health => "Health",
        PathwayDimension.EmotionalWellbeing => "Emotional wellbeing and resilience",
        PathwayDimension.Relationships => "Relationships",
        PathwayDimension.Money => "Money",
        PathwayDimension.PracticalSkills => "Practical skills",
        _ => "Identity",
    };
}

/// A review of the pathway plan. A review on or after a significant change answers its prompt.
public class PathwayReview
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly ReviewDate { get; set; }
    public int ReviewedByWorkerId { get; set; }
    public Worker ReviewedBy { get; set; } = null!;
    public string Summary { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// The changes after which the pathway plan must be reviewed promptly (issue 7; Ofsted found a
/// plan not updated after a young person went into custody).
public enum SignificantChangeKind { Custody, Move, BecameParent, Other }

/// A significant change in a care leaver's life. Recording one prompts a pathway plan review,
/// due within the configured time (Timescales.PathwayReviewAfterChange), until a review is held.
public class SignificantChange
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public SignificantChangeKind Kind { get; set; }
    public DateOnly EventDate { get; set; }
    public string Details { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }

    public static string Describe(SignificantChangeKind k) => k switch
    {
        SignificantChangeKind.Custody => "Entered custody",
        SignificantChangeKind.Move => "Moved home",
        SignificantChangeKind.BecameParent => "Became a parent",
        _ => "Other significant change",
    };
}

public enum ContactMethod { InPerson, Phone, Video, Message }

/// A personal adviser's (or other worker's) contact with a young person.
public class CareLeaverContact
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly ContactDate { get; set; }
    public ContactMethod Method { get; set; }
    public int WorkerId { get; set; }
    public Worker Worker { get; set; } = null!;
    public string Summary { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }

    public static string Describe(ContactMethod m) => m switch
    {
        ContactMethod.InPerson => "In person",
        ContactMethod.Phone => "Phone",
        ContactMethod.Video => "Video call",
        _ => "Message",
    };
}

/// What the SSDA903 OC3 table records around a care leaver's birthday (17th–21st; Haven keeps
/// 22nd–25th too): in touch, main activity, accommodation type and suitability. One row per birthday.
public class BirthdayReturn : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    /// The age reached on this birthday (17–25).
    public int Age { get; set; }
    public string InTouchCode { get; set; } = "";
    public string ActivityCode { get; set; } = "";
    /// Letter = type, digit 1 suitable, 2 not suitable; "0" when not in touch.
    public string AccommodationCode { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }
}

/// A staying put arrangement: the young person stays with their former foster carers after 18.
public class StayingPut
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public string CarerName { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// Documents every care leaver should have in their own hands.
public enum CareLeaverDocumentKind { BirthCertificate, Passport, NationalInsuranceNumber, BankAccount, PhotoId, NhsNumber, ImmigrationDocuments }

/// Whether a young person holds one of the documents, as last checked.
public class CareLeaverDocument : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public CareLeaverDocumentKind Kind { get; set; }
    public bool Held { get; set; }
    public DateOnly CheckedDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }

    public static string Describe(CareLeaverDocumentKind k) => k switch
    {
        CareLeaverDocumentKind.BirthCertificate => "Birth certificate",
        CareLeaverDocumentKind.Passport => "Passport",
        CareLeaverDocumentKind.NationalInsuranceNumber => "National Insurance number",
        CareLeaverDocumentKind.BankAccount => "Bank account",
        CareLeaverDocumentKind.PhotoId => "Photo ID (for example a provisional driving licence)",
        CareLeaverDocumentKind.NhsNumber => "NHS number",
        _ => "Immigration documents (if not a British citizen)",
    };
}

/// A young person discussed at the fortnightly EET (education, employment and training) panel:
/// the options considered, the action agreed with its owner and due date, and the outcome.
public class EetPanelDiscussion
{
    public int Id { get; set; }
    public DateOnly PanelDate { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public string OptionsConsidered { get; set; } = "";
    public string Action { get; set; } = "";
    public int ActionOwnerWorkerId { get; set; }
    public Worker ActionOwner { get; set; } = null!;
    public DateOnly ActionDue { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? OutcomeDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// The council's local offer for care leavers: one document, edited by managers, printable.
public class LocalOffer : IVersioned
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int? UpdatedByWorkerId { get; set; }
    public Guid Version { get; set; }
}
