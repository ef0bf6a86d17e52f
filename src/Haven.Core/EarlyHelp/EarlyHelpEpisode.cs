using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.EarlyHelp;

/// How an early help episode ended.
public enum EarlyHelpOutcome { NeedsMet, SteppedUpToSocialCare, ConsentWithdrawn, MovedAway, Other }

/// An episode of early help for a child: voluntary, consent-based support below the threshold for
/// social care, led by a lead practitioner who may work for a partner agency (a school, health).
/// It opens and closes the child's EarlyHelp involvement in the same save, and its step-up and
/// step-down links to referrals keep one story on the child's record.
public class EarlyHelpEpisode : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public DateOnly StartDate { get; set; }
    public required string LeadPractitioner { get; set; }
    /// The lead practitioner's organisation: the council's early help team or a partner agency.
    public required string LeadAgency { get; set; }
    public bool LeadIsPartnerAgency { get; set; }
    /// Set when the episode began as a step down from social care (the referral that closed).
    public int? SteppedDownFromReferralId { get; set; }

    // The early help assessment (Annex A list 2: start, completion, organisation completing it).
    public DateOnly? AssessmentCompletedOn { get; set; }
    public string? AssessmentCompletedBy { get; set; }
    public string? AssessmentSummary { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public EarlyHelpOutcome? Outcome { get; set; }
    public string? ClosureNotes { get; set; }
    /// The referral to children's social care made when the episode stepped up.
    public int? SteppedUpReferralId { get; set; }

    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public List<EarlyHelpPlanAction> Actions { get; set; } = [];
    public List<EarlyHelpReview> Reviews { get; set; } = [];
    public List<EarlyHelpFeedback> Feedback { get; set; } = [];

    public static string Describe(EarlyHelpOutcome o) => o switch
    {
        EarlyHelpOutcome.NeedsMet => "Needs met",
        EarlyHelpOutcome.SteppedUpToSocialCare => "Stepped up to social care",
        EarlyHelpOutcome.ConsentWithdrawn => "Family declined or withdrew consent",
        EarlyHelpOutcome.MovedAway => "Moved away",
        _ => "Other",
    };
}

/// One action in the family plan: what, who (often someone in a partner agency), by when.
public class EarlyHelpPlanAction
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public required string Description { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
}

/// A review of the family plan (a team around the family meeting).
public class EarlyHelpReview
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAt { get; set; }
}
