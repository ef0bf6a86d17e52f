using Haven.Core.Calendar;
using Haven.Core.Data;

namespace Haven.Core.Lado;

/// The sector of the organisation a person works or volunteers for: the rows of the LADO annual report.
public enum EmployerSector
{
    Education, EarlyYears, Health, SocialCare, FosterCare, ResidentialCare, Police, FaithOrganisation,
    SportAndLeisure, VoluntaryAndCommunity, Transport, Other,
}

/// The LADO's decision at initial consideration (timescales.md row 79).
public enum LadoDecision { NoFurtherAction, AdviceToEmployer, AllegationManagementMeeting }

/// The outcome of an allegation, as Keeping Children Safe in Education defines them.
public enum LadoOutcome { Substantiated, Unsubstantiated, Unfounded, False, Malicious }

/// A person who works or volunteers with children and is the subject of an allegation. This is
/// NOT a child's record and not a Person: it lives in the LADO compartment, which only the LADO
/// role can open (AccessMatrix.Compartments). A person can be the subject of more than one case.
public class LadoPerson : IVersioned
{
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    public List<LadoCase> Cases { get; set; } = [];
    public string Name => $"{FirstName} {LastName}";
}

/// One allegation against a person in a position of trust, from referral to outcome.
public class LadoCase : IVersioned
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public LadoPerson Person { get; set; } = null!;

    // The person's work at the time of the allegation.
    public required string Role { get; set; }
    public bool IsVolunteer { get; set; }
    public required string EmployerName { get; set; }
    public EmployerSector EmployerSector { get; set; }

    // The referral.
    public DateOnly ReceivedOn { get; set; }
    public required string ReferrerName { get; set; }
    public string? ReferrerOrganisation { get; set; }
    public required string Allegation { get; set; }

    // Initial consideration: decide next steps within 1 working day of receipt.
    public DateOnly? ConsideredOn { get; set; }
    public LadoDecision? Decision { get; set; }
    public string? DecisionRationale { get; set; }
    public int? ConsideredByWorkerId { get; set; }

    // Outcome and onward referrals.
    public DateOnly? OutcomeOn { get; set; }
    public LadoOutcome? Outcome { get; set; }
    public bool ReferredToDbs { get; set; }
    public bool ReferredToRegulator { get; set; }
    public string? RegulatorName { get; set; }
    public string? OutcomeNotes { get; set; }

    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public List<LadoCaseChild> Children { get; set; } = [];
    public List<LadoMeeting> Meetings { get; set; } = [];

    /// Closed once an outcome is recorded, or at initial consideration when there is no further action.
    public DateOnly? ClosedOn => OutcomeOn ?? (Decision is LadoDecision.NoFurtherAction or LadoDecision.AdviceToEmployer ? ConsideredOn : null);

    public DateOnly InitialConsiderationDue => Timescales.LadoInitialConsideration.DueFrom(ReceivedOn);

    /// Decided in time: on or before the working day after receipt.
    public bool? ConsideredInTime => ConsideredOn is { } d ? d <= InitialConsiderationDue : null;

    public static string Describe(EmployerSector s) => s switch
    {
        EmployerSector.EarlyYears => "Early years",
        EmployerSector.SocialCare => "Social care",
        EmployerSector.FosterCare => "Foster care",
        EmployerSector.ResidentialCare => "Residential care",
        EmployerSector.FaithOrganisation => "Faith organisation",
        EmployerSector.SportAndLeisure => "Sport and leisure",
        EmployerSector.VoluntaryAndCommunity => "Voluntary and community",
        _ => s.ToString(),
    };

    public static string Describe(LadoDecision d) => d switch
    {
        LadoDecision.NoFurtherAction => "No further action",
        LadoDecision.AdviceToEmployer => "Advice to the employer (does not meet the threshold)",
        LadoDecision.AllegationManagementMeeting => "Allegation management meeting",
        _ => d.ToString(),
    };

    public static string Describe(LadoOutcome o) => o.ToString();
}

/// A child involved in an allegation. The link to the child's record is a reference only: the
/// LADO does not see the child's case file through it, and the child's record shows nothing of the
/// LADO case (see docs/lado.md).
public class LadoCaseChild
{
    public int Id { get; set; }
    public int LadoCaseId { get; set; }
    /// The child's Haven record, when known. A plain id, not navigable for the LADO.
    public int? ChildId { get; set; }
    /// The child as the referrer described them (name, age), so the case reads without the link.
    public required string Description { get; set; }
}

/// An allegation management meeting (or a review of one), with the actions it agreed.
public class LadoMeeting
{
    public int Id { get; set; }
    public int LadoCaseId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Attendees { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public List<LadoAction> Actions { get; set; } = [];
}

/// An action agreed at a meeting: who does it, by when, and when it was done.
public class LadoAction : IVersioned
{
    public int Id { get; set; }
    public int LadoMeetingId { get; set; }
    public int LadoCaseId { get; set; }
    public required string Description { get; set; }
    /// Often someone outside the council (an employer, the police), so a name rather than a worker.
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public Guid Version { get; set; }
}
