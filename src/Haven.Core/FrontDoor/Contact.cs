using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Referrals;
using Haven.Core.Workforce;

namespace Haven.Core.FrontDoor;

/// Whether the people concerned agreed to information about them being shared with partners.
public enum ConsentToShare { Given, Refused, NotSought, Overridden }

/// How a contact reached the front door.
public enum ContactChannel { Phone, Email, Online, PartnerSystem, OutOfHours, SelfAssessment }

/// What the front door decided for one child on a contact.
public enum ContactOutcome { NoFurtherAction, InformationAndAdvice, EarlyHelp, SocialCareAssessment, StrategyDiscussion }

/// A contact: someone tells the council they are worried about one or more children (or an
/// unborn child). Each child on it gets their own threshold decision (ContactChild).
public class Contact : IVersioned
{
    public int Id { get; set; }
    /// When the front door received it (UTC); the 1-working-day decision clock starts here.
    public DateTime ReceivedAt { get; set; }
    public ContactChannel Channel { get; set; }
    /// Who got in touch: a code from the CIN census referral source list (codes/cin_referral_source.csv).
    public string SourceCode { get; set; } = "";
    public string ContactorName { get; set; } = "";
    /// Their role or relationship, and organisation if any: "PC 1234, Met Police", "Grandmother".
    public string? ContactorRole { get; set; }
    public string? ContactorPhoneOrEmail { get; set; }
    /// What the contactor is worried about, in their words.
    public string Worry { get; set; } = "";
    public ConsentToShare Consent { get; set; }
    /// Who gave (or refused) consent, for Given and Refused.
    public string? ConsentGivenBy { get; set; }
    /// Why consent was overridden or not sought (for example, asking would put the child at risk).
    public string? ConsentReason { get; set; }
    /// Answers from the disabled children's self-assessment form, as question/answer lines.
    public string? SelfAssessmentAnswers { get; set; }
    /// A client-chosen id: the same submission sent twice records one contact.
    public Guid? SubmissionId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Worker? RecordedBy { get; set; }
    public Guid Version { get; set; }

    public List<ContactChild> Children { get; set; } = [];
    public List<MashCheck> Checks { get; set; } = [];
    public OutOfHoursHandover? Handover { get; set; }
}

/// One child on a contact and the threshold decision for them: recommended by a qualified worker,
/// then signed off by a manager. The decision is final (and timed) at sign-off.
public class ContactChild : IVersioned
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;

    /// A level on the council's continuum of need (NeedContinuum), by code.
    public string? LevelOfNeed { get; set; }
    public ContactOutcome? Outcome { get; set; }
    public string? Rationale { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int? DecidedByWorkerId { get; set; }
    public Worker? DecidedBy { get; set; }
    public DateTime? SignedOffAt { get; set; }
    public int? SignedOffByWorkerId { get; set; }
    public Worker? SignedOffBy { get; set; }
    /// The referral opened at sign-off when the outcome goes to children's social care.
    public int? ReferralId { get; set; }
    public Referral? Referral { get; set; }
    public Guid Version { get; set; }

    public bool AwaitingDecision => SignedOffAt is null;

    public static bool GoesToSocialCare(ContactOutcome outcome) =>
        outcome is ContactOutcome.SocialCareAssessment or ContactOutcome.StrategyDiscussion;

    public static string Describe(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoFurtherAction => "No further action",
        ContactOutcome.InformationAndAdvice => "Information and advice",
        ContactOutcome.EarlyHelp => "Early help",
        ContactOutcome.SocialCareAssessment => "Referral to children's social care for assessment",
        ContactOutcome.StrategyDiscussion => "Strategy discussion",
        _ => outcome.ToString(),
    };
}

public static class ContactDescriptions
{
    public static string Describe(this ConsentToShare c) => c switch
    {
        ConsentToShare.Given => "Given",
        ConsentToShare.Refused => "Refused",
        ConsentToShare.NotSought => "Not sought",
        ConsentToShare.Overridden => "Overridden",
        _ => c.ToString(),
    };

    public static string Describe(this ContactChannel c) => c switch
    {
        ContactChannel.Phone => "Phone",
        ContactChannel.Email => "Email",
        ContactChannel.Online => "Online referral form",
        ContactChannel.PartnerSystem => "Partner system (API)",
        ContactChannel.OutOfHours => "Out of hours",
        ContactChannel.SelfAssessment => "Disabled children's self-assessment",
        _ => c.ToString(),
    };
}
