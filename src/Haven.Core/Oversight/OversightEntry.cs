using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Oversight;

/// Direction: a manager's entry on the child's record. Supervision: the child's case discussed in
/// their worker's supervision (the discussion is also the child's record of oversight).
public enum OversightKind { Direction, Supervision }

/// Management oversight on a child's record: the direction a manager gave, with actions and timescales.
public class OversightEntry
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public OversightKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int ManagerWorkerId { get; set; }
    public string Direction { get; set; } = "";
    public int? SupervisionSessionId { get; set; }
    public List<OversightAction> Actions { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// An action a manager set, with who does it and by when. It feeds the allocated worker's My work
/// until it is marked done.
public class OversightAction : IVersioned
{
    public int Id { get; set; }
    public int OversightEntryId { get; set; }
    public int ChildId { get; set; }
    public string What { get; set; } = "";
    public string Who { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int? CompletedByWorkerId { get; set; }
    public Guid Version { get; set; }
}

/// A worker's supervision with their manager, covering several of their cases. Notes (the
/// worker's wellbeing, workload, learning) stay with the supervision; each case discussed is an
/// OversightEntry on that child's record.
public class SupervisionSession
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public int SupervisorWorkerId { get; set; }
    public DateOnly Date { get; set; }
    public string? Notes { get; set; }
    public List<OversightEntry> Cases { get; set; } = [];
    public DateTime RecordedAt { get; set; }
    public Guid? SubmissionId { get; set; }
}

/// How often every open case should have management oversight: Haven:Oversight:IntervalDays (default 30).
public sealed record OversightSettings(int IntervalDays = 30)
{
    /// Local practice with no row in timescales.md (so not in the statutory Timescales registry).
    public TimescaleRule Rule => new("management-oversight", "Record management oversight on an open case",
        "The last management oversight entry or case supervision", Period.CalendarDays(IntervalDays),
        TimescaleStatus.LocalPractice, "Local practice (Haven:Oversight:IntervalDays)");

    /// A case is flagged when it has no oversight, or the last was more than the interval ago.
    public bool IsOverdue(DateOnly? lastOversight, DateOnly today) => lastOversight is not { } last || Rule.DueFrom(last) < today;
}
