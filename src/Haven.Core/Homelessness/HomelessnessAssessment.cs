using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Homelessness;

/// How the young person's options were explained to them.
public enum OptionsExplainedHow { InPerson, WithInterpreter, EasyRead, WithAdvocate, Other }

/// What the young person decided once they understood their options.
public enum HomelessDecision { Section20, ChildInNeedSupport, Other }

/// How the homelessness assessment ended.
public enum HomelessOutcome { LookedAfterSection20, ChildInNeedSupport, ReturnedHome, LivingWithFamilyOrFriends, SupportedHousing, Other }

/// The kind of temporary accommodation. Bed and breakfast is never suitable for a 16- or 17-year-old: each stay is a breach.
public enum AccommodationType { BedAndBreakfast, SupportedLodgings, Hostel, EmergencyFosterPlacement, FamilyOrFriends, Other }

/// A homelessness assessment for a young person aged 16 or 17 who presents as homeless: where they
/// are staying, any temporary accommodation, and the explicit step in which they were told their
/// options (becoming looked after under section 20, or support as a child in need) in a way they
/// understood, with their informed decision in their own words.
public class HomelessnessAssessment : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public DateOnly PresentedOn { get; set; }
    public required string StayingNow { get; set; }

    // The options step.
    public DateOnly? OptionsExplainedOn { get; set; }
    public OptionsExplainedHow? ExplainedHow { get; set; }
    public bool? SaidTheyUnderstood { get; set; }
    public bool? AdvocateOffered { get; set; }
    public bool? AdvocateTakenUp { get; set; }
    public string? AdvocateName { get; set; }
    public HomelessDecision? Decision { get; set; }
    public string? DecisionInOwnWords { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public HomelessOutcome? Outcome { get; set; }
    public string? ClosureNotes { get; set; }

    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public List<TemporaryAccommodation> Stays { get; set; } = [];

    /// The options step is complete when the options were explained, the young person said they
    /// understood them, and their decision is recorded. If they did not understand, it is not done:
    /// the options must be explained again in another way.
    public bool OptionsStepDone => IsOptionsStepDone(OptionsExplainedOn, ExplainedHow, SaidTheyUnderstood, Decision);

    public static bool IsOptionsStepDone(DateOnly? explainedOn, OptionsExplainedHow? how, bool? understood, HomelessDecision? decision) =>
        explainedOn is not null && how is not null && understood == true && decision is not null;

    public static string Describe(OptionsExplainedHow h) => h switch
    {
        OptionsExplainedHow.InPerson => "In person",
        OptionsExplainedHow.WithInterpreter => "With an interpreter",
        OptionsExplainedHow.EasyRead => "Easy read material",
        OptionsExplainedHow.WithAdvocate => "With their advocate present",
        _ => "Another way",
    };

    public static string Describe(HomelessDecision d) => d switch
    {
        HomelessDecision.Section20 => "To become looked after (section 20)",
        HomelessDecision.ChildInNeedSupport => "Support as a child in need",
        _ => "Something else",
    };

    public static string Describe(HomelessOutcome o) => o switch
    {
        HomelessOutcome.LookedAfterSection20 => "Looked after under section 20",
        HomelessOutcome.ChildInNeedSupport => "Supported as a child in need",
        HomelessOutcome.ReturnedHome => "Returned home",
        HomelessOutcome.LivingWithFamilyOrFriends => "Living with family or friends",
        HomelessOutcome.SupportedHousing => "Supported housing",
        _ => "Other",
    };

    public static string Describe(AccommodationType t) => t switch
    {
        AccommodationType.BedAndBreakfast => "Bed and breakfast",
        AccommodationType.SupportedLodgings => "Supported lodgings",
        AccommodationType.Hostel => "Hostel",
        AccommodationType.EmergencyFosterPlacement => "Emergency foster placement",
        AccommodationType.FamilyOrFriends => "With family or friends",
        _ => "Other",
    };
}

/// A stay in temporary accommodation while the assessment is open.
public class TemporaryAccommodation
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public AccommodationType Type { get; set; }
    public required string Address { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool IsBreach => Type == AccommodationType.BedAndBreakfast;
}
