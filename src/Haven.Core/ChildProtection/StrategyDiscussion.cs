using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Referrals;

namespace Haven.Core.ChildProtection;

public enum PartnerAgency { Police, Health, Education, SocialCare, Other }

/// A strategy discussion (or meeting) about one child: who took part, whether a section 47
/// enquiry follows, and the immediate safety plan. Working Together 2023, ch.3.
public class StrategyDiscussion : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public int ReferralId { get; set; }
    public Referral Referral { get; set; } = null!;
    public DateOnly Date { get; set; }
    public string Concerns { get; set; } = "";
    public List<StrategyParticipant> Participants { get; set; } = [];
    /// The decision: true when a section 47 enquiry starts from this discussion.
    public bool StartSection47 { get; set; }
    public string? DecisionReason { get; set; }
    public string? ImmediateSafetyPlan { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public static string Describe(PartnerAgency agency) => agency switch
    {
        PartnerAgency.SocialCare => "Children's social care",
        _ => agency.ToString(),
    };
}

public class StrategyParticipant
{
    public int Id { get; set; }
    public int StrategyDiscussionId { get; set; }
    public PartnerAgency Agency { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
}

public enum Section47Outcome
{
    /// Concerns substantiated, child judged at continuing risk of significant harm: an ICPC follows.
    ConferenceRequired,
    /// Concerns substantiated but no conference: support as a child in need.
    SubstantiatedNoConference,
    NotSubstantiated,
}

/// A section 47 enquiry (CIN census Section47): it starts on the date of the strategy discussion
/// that started it, and the initial child protection conference is due 15 working days from then.
public class Section47Enquiry : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public int ReferralId { get; set; }
    public int StrategyDiscussionId { get; set; }
    public StrategyDiscussion StrategyDiscussion { get; set; } = null!;
    /// S47ActualStartDate.
    public DateOnly StartDate { get; set; }
    /// InitialCPCtarget.
    public DateOnly InitialConferenceDue { get; set; }
    public Section47Outcome? Outcome { get; set; }
    public DateOnly? CompletedDate { get; set; }
    public string? OutcomeSummary { get; set; }
    /// DateOfInitialCPC, once the conference is held.
    public DateOnly? InitialConferenceDate { get; set; }
    public int? CompletedByWorkerId { get; set; }
    public Guid Version { get; set; }

    /// ICPCnotRequired: the enquiry ended without a conference.
    public bool ConferenceNotRequired => EndsWithoutConference(Outcome);

    /// Whether an enquiry with this outcome ends without an initial conference (ConferenceNotRequired).
    public static bool EndsWithoutConference(Section47Outcome? outcome) => outcome is Section47Outcome.SubstantiatedNoConference or Section47Outcome.NotSubstantiated;

    public static string Describe(Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.ConferenceRequired => "Concerns substantiated: initial child protection conference",
        Section47Outcome.SubstantiatedNoConference => "Concerns substantiated: no conference, support as a child in need",
        Section47Outcome.NotSubstantiated => "Concerns not substantiated",
        _ => outcome.ToString(),
    };
}
