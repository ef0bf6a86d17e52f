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
    /// A health surveillance (developmental) check of a child under 5: up to date or not on the
    /// date (OC2 HEALTH_CHECK).
    HealthSurveillanceCheck,
    /// A substance misuse problem identified, with whether an intervention was received or offered
    /// and refused (OC2 SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED).
    SubstanceMisuse,
    /// A conviction or youth caution of a child aged 10 or over (OC2 CONVICTED). Kept with the
    /// health record because it is one of the OC2 outcomes; it is never on the young person's
    /// printed health summary.
    ConvictionOrCaution,
}

/// What a child aged 10 or over was given for an offence (OC2 CONVICTED counts each of them).
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum OffenceOutcome { Conviction, YouthCaution, YouthConditionalCaution }

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
    /// Substance misuse: whether the child received an intervention for it (OC2 INTERVENTION_RECEIVED).
    public bool? InterventionReceived { get; set; }
    /// Substance misuse with no intervention received: whether one was offered and refused (OC2 INTERVENTION_OFFERED).
    public bool? InterventionOfferedRefused { get; set; }
    /// A conviction or youth caution: which it was.
    public OffenceOutcome? OffenceOutcome { get; set; }
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
        HealthRecordKind.HealthSurveillanceCheck => "Health surveillance check (under 5)",
        HealthRecordKind.SubstanceMisuse => "Substance misuse problem identified",
        HealthRecordKind.ConvictionOrCaution => "Conviction or youth caution",
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
        HealthRecordKind.HealthSurveillanceCheck => "Development check",
        _ => Describe(kind),
    };

    public static string Describe(OffenceOutcome outcome) => outcome switch
    {
        Health.OffenceOutcome.Conviction => "Conviction",
        Health.OffenceOutcome.YouthCaution => "Youth caution",
        _ => "Youth conditional caution",
    };
}
