using Haven.Core.Data;

namespace Haven.Core.Permanence;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum PermanencePlanType { ReturnHome, Kinship, SpecialGuardianship, LongTermFostering, Adoption, Other }

/// A child in care's permanence plan, as set (or changed) at a looked-after review. A change adds a
/// new row; the latest by date set is the current plan.
public class PermanencePlan : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public PermanencePlanType Type { get; set; }
    /// The review at which the plan was set.
    public DateOnly SetAtReview { get; set; }
    public bool OnTrack { get; set; }
    public string Notes { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    /// The child's care plan (shared Plan of kind Care) the permanence decision belongs to: its
    /// outcomes, actions and contingency are the plan's content; this row is the decision.
    public int? PlanId { get; set; }
    public Haven.Core.Plans.Plan? Plan { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum EarlyPermanence { NotConsidered, ConsideredNotSuitable, ConsideredNoCarers, FosterToAdopt, ConcurrentPlanning }

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum SiblingPlacement { NoSiblingsInPlan, Together, Apart, SomeTogether }

/// A child's way to adoption: agency decision maker's decision that the child should be placed for
/// adoption, placement order, family finding (early permanence considered), match, moving in with the
/// adopters, adoption order. The record is sealed when the order is recorded.
public class AdoptionCase : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly AdmDecisionDate { get; set; }
    public DateOnly? PlacementOrderDate { get; set; }
    /// Family finding: early permanence (foster to adopt, concurrent planning) is recorded as
    /// considered or not for every child with an adoption plan.
    public EarlyPermanence EarlyPermanence { get; set; }
    public DateOnly? FamilyFindingStarted { get; set; }
    public DateOnly? MatchDate { get; set; }
    /// The approved adopters (their funnel record).
    public int? AdopterEnquiryId { get; set; }
    /// When the child moved in with the adopters: for foster to adopt, the day they moved in with
    /// the carers who became the adopters (scorecard A10 stops then).
    public DateOnly? MovedInDate { get; set; }
    public DateOnly? PlacedForAdoptionDate { get; set; }
    public DateOnly? AdoptionOrderDate { get; set; }
    /// The adopters, recorded at the match (903 AD1): whether they are the child's former foster
    /// carers (903_foster_care), how many (903_adopter_number), their sex make-up (903_adopter_sex)
    /// and legal status (903_adopter_legal_status). Checked together by AdopterRules.
    public string? FosterCareCode { get; set; }
    public string? AdopterNumberCode { get; set; }
    public string? AdopterSexCode { get; set; }
    public string? AdopterLegalStatusCode { get; set; }
    public SiblingPlacement Siblings { get; set; }
    public string? SiblingsReason { get; set; }
    /// Set when the adoption order is recorded: from then only the named roles can open the record.
    public DateTime? SealedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
}
