using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Referrals;

namespace Haven.Core.Assessments;

/// What the manager decided when authorising an assessment.
public enum AssessmentOutcome { NoFurtherAction, ChildInNeedPlan, StrategyDiscussion, EarlyHelp }

/// A single (continuous) assessment of one child, opened from the child's referral: the CIN census
/// Assessments module. Siblings assessed together each have their own, sharing a FamilyAssessmentId
/// so the family view can show them side by side.
public class Assessment : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public int ReferralId { get; set; }
    public Referral Referral { get; set; } = null!;
    public Guid? FamilyAssessmentId { get; set; }

    /// AssessmentActualStartDate.
    public DateOnly StartDate { get; set; }
    /// 45 working days from the referral (Timescales.Assessment), fixed when the assessment opens.
    public DateOnly DueDate { get; set; }

    public string? ParentsInvolvement { get; set; }
    /// Wider family, including relatives who live far away or abroad.
    public string? ExtendedFamilyInvolvement { get; set; }
    public string? IdentityAndCulture { get; set; }
    public string? Analysis { get; set; }

    // The child's voice.
    public string? WishesAndFeelings { get; set; }
    public string? DirectWorkTools { get; set; }
    /// What the worker saw, including non-verbal cues for a child too young or unable to speak.
    public string? Observations { get; set; }
    public DateOnly? ChildSeenDate { get; set; }
    public DateOnly? ChildSeenAloneDate { get; set; }

    public List<AssessmentFactor> Factors { get; set; } = [];

    /// AssessmentAuthorisationDate: the assessment is complete when a manager authorises it.
    public DateOnly? AuthorisedDate { get; set; }
    public int? AuthorisedByWorkerId { get; set; }
    public AssessmentOutcome? Outcome { get; set; }
    public string? ManagerComments { get; set; }

    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => AuthorisedDate is null;

    public static string Describe(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.ChildInNeedPlan => "Child in need plan",
        AssessmentOutcome.StrategyDiscussion => "Strategy discussion",
        AssessmentOutcome.EarlyHelp => "Step down to early help",
        _ => outcome.ToString(),
    };
}

/// A factor identified at the end of the assessment (CIN census AssessmentFactors).
public class AssessmentFactor
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public string Code { get; set; } = "";
}

/// The CIN census code lists used in help and protection.
public static class HelpAndProtectionCodes
{
    public static readonly CodeList AssessmentFactors = CodeList.Load("cin_assessment_factors");
    public static readonly CodeList CategoryOfAbuse = CodeList.Load("cin_category_of_abuse");
    /// 21: no factors identified, which stands alone (CIN census rule 8898).
    public const string NoFactors = "21";
}
