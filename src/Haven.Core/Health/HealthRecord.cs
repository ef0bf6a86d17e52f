using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Health;

/// The kinds of health record kept for a child in care: what the SSDA903 OC2 table and the
/// health history summary need.
public enum HealthRecordKind
{
    InitialHealthAssessment,
    ReviewHealthAssessment,
    DentalCheck,
    Immunisations,
    StrengthsAndDifficulties,
    CamhsReferral,
    Condition,
    /// The printed health history summary was given to the young person.
    HistorySummaryGiven,
}

/// One dated health event for a child. One table for all kinds keeps the child's health history
/// in one place (it is read back as one history); the fields each kind uses are checked by
/// HealthRecordService.Validate.
public class HealthRecord : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public HealthRecordKind Kind { get; set; }
    /// When it happened: the assessment, check, questionnaire, status or referral date; for a
    /// condition, when it was diagnosed.
    public DateOnly Date { get; set; }
    /// Who carried it out or completed it (a doctor, a dentist, the carer for an SDQ).
    public string? By { get; set; }
    /// Immunisations: whether they are up to date on this date (OC2 IMMUNISATIONS).
    public bool? UpToDate { get; set; }
    /// SDQ total difficulties score 0–40 (OC2 SDQ_SCORE).
    public int? SdqScore { get; set; }
    /// Why there is no SDQ score (OC2 SDQ_REASON, 903_sdq_reason.csv).
    public string? SdqReasonCode { get; set; }
    /// A condition's name, or a CAMHS referral's reason.
    public string? Title { get; set; }
    /// A CAMHS referral's outcome (accepted, signposted, not accepted…) and its date.
    public string? Outcome { get; set; }
    public DateOnly? OutcomeDate { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Worker? RecordedBy { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }

    public static string Describe(HealthRecordKind kind) => kind switch
    {
        HealthRecordKind.InitialHealthAssessment => "Initial health assessment",
        HealthRecordKind.ReviewHealthAssessment => "Review health assessment",
        HealthRecordKind.DentalCheck => "Dental check",
        HealthRecordKind.Immunisations => "Immunisations",
        HealthRecordKind.StrengthsAndDifficulties => "Strengths and difficulties questionnaire",
        HealthRecordKind.CamhsReferral => "CAMHS referral",
        HealthRecordKind.Condition => "Condition or diagnosis",
        HealthRecordKind.HistorySummaryGiven => "Health history summary given",
        _ => kind.ToString(),
    };

    /// Plain words for the young person's own summary.
    public static string DescribePlain(HealthRecordKind kind) => kind switch
    {
        HealthRecordKind.InitialHealthAssessment => "Your first health check when you came into care",
        HealthRecordKind.ReviewHealthAssessment => "Health check",
        HealthRecordKind.DentalCheck => "Dentist check-up",
        HealthRecordKind.Immunisations => "Vaccinations",
        HealthRecordKind.StrengthsAndDifficulties => "Feelings and behaviour questionnaire",
        HealthRecordKind.CamhsReferral => "Referral for mental health support (CAMHS)",
        HealthRecordKind.Condition => "Health condition",
        HealthRecordKind.HistorySummaryGiven => "You were given this summary",
        _ => Describe(kind),
    };
}
