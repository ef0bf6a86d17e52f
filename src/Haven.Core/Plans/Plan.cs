using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Plans;

/// The kinds of plan that share one outcome-focused model. A child in need plan, a child
/// protection plan, a care plan and a pathway plan each keep their own statutory facts (dates,
/// category, reviews) in their own records and link here for the plan's content.
public enum PlanKind { ChildInNeed, ChildProtection, Care, Pathway }

/// Where an action stands on a given day (see PlanRules.StatusOf).
public enum PlanActionStatus { OnTrack, Drifting, Overdue, Done }

/// A child's plan: its identity and lifetime. Its content lives in versions; each review or change
/// adds a new version and none is ever rewritten, so the plan's history is its versions. Version
/// (the concurrency token) moves on with each new version, so two people changing the same plan
/// from the same starting point cannot both win.
public class Plan : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public PlanKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    /// Set by the record that owns the plan (for example the child in need plan's closure).
    public DateOnly? EndDate { get; set; }
    /// The newest version's number: 1 for a new plan.
    public int CurrentVersionNumber { get; set; }
    public List<PlanVersion> Versions { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => EndDate is null;

    public static string Describe(PlanKind kind) => kind switch
    {
        PlanKind.ChildInNeed => "Child in need plan",
        PlanKind.ChildProtection => "Child protection plan",
        PlanKind.Care => "Care plan",
        PlanKind.Pathway => "Pathway plan",
        _ => kind.ToString(),
    };
}

/// One immutable version of a plan's content.
public class PlanVersion
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; set; }
    /// Why this version was saved: "Plan started", "Review on 3 March 2026", "Change".
    public string Reason { get; set; } = "";
    /// What the family and their network (relatives, friends, community) will do.
    public string? FamilyAndNetwork { get; set; }
    /// What happens if the plan does not work.
    public string? Contingency { get; set; }
    /// The plan written to the child, in words they will understand (optional; for older children).
    public string? ToTheChild { get; set; }
    public List<PlanOutcome> Outcomes { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// What the plan is meant to change for the child, in plain words.
public class PlanOutcome
{
    public int Id { get; set; }
    public int PlanVersionId { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
}

/// Who does what by when. Key is the same action from version to version, so progress and
/// changes can be followed across the plan's history.
public class PlanAction
{
    public int Id { get; set; }
    public int PlanVersionId { get; set; }
    public Guid Key { get; set; }
    public int Order { get; set; }
    public string What { get; set; } = "";
    /// A worker, a parent, a relative or friend from the network, or an agency: as written.
    public string Who { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public bool Done { get; set; }
    public DateOnly? DoneDate { get; set; }
    public string? Progress { get; set; }
    /// The last day progress was recorded: the action was added, or its progress or status changed.
    public DateOnly LastProgressOn { get; set; }
}
