using Haven.Core.Data;

namespace Haven.Core.ChildrenLookedAfter;

/// Pre-proceedings under the Public Law Outline: the letter before proceedings, the meeting, and
/// the parents' progress against the timescale they were given (normally 16 weeks).
public class PreProceedings : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    /// The legal gateway or planning meeting that decided to use pre-proceedings.
    public DateOnly DecisionDate { get; set; }
    public DateOnly? LetterBeforeProceedingsDate { get; set; }
    public DateOnly? MeetingDate { get; set; }
    /// The date the parents were given to make the changes asked of them.
    public DateOnly? ProgressDueDate { get; set; }
    public string ParentsProgress { get; set; } = "";
    public DateOnly? EndDate { get; set; }
    /// How pre-proceedings ended: "Proceedings issued", "Concerns addressed", …
    public string? Outcome { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
}

/// Care or supervision proceedings: the application, the hearings, the 26-week timescale
/// (CA 1989 s32(1)(a)) with any extension, and the final order; the parallel and contingency plans
/// stay visible beside them.
public class CareProceedings : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly ApplicationDate { get; set; }
    public string Court { get; set; } = "";
    /// Extensions granted by the court, in weeks (up to 8 at a time, s32(5)).
    public int ExtensionWeeks { get; set; }
    public string ParallelPlan { get; set; } = "";
    public string ContingencyPlan { get; set; } = "";
    public DateOnly? FinalOrderDate { get; set; }
    /// The final order as a legal status (C2 care order, E1 placement order…) or text for others (SGO, CAO, no order).
    public string? FinalOrder { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    public List<CourtHearing> Hearings { get; } = [];

    public DateOnly DueBy => Calendar.Timescales.CareProceedings.DueFrom(ApplicationDate).AddDays(7 * ExtensionWeeks);
}

public class CourtHearing
{
    public int Id { get; set; }
    public int CareProceedingsId { get; set; }
    public DateOnly Date { get; set; }
    /// Case management hearing, issues resolution hearing, final hearing, interim hearing…
    public string Kind { get; set; } = "";
    public string Outcome { get; set; } = "";
}
