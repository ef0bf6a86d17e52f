using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Missing;

/// SSDA903 MISSING: M = missing (whereabouts unknown), A = away from placement without
/// authorisation (whereabouts known). Codes from codes/903_missing_type.csv.
public enum MissingType { Missing, Away }

/// Where the child went missing from: the 903 counts only children in care; both are recorded.
public enum MissingFrom { Home, Care }

/// The police risk grading given when the child was reported.
public enum MissingRisk { NoApparentRisk, Low, Medium, High }

/// One spell of a child being missing or away, from the time they went to the time they came
/// back. The return time is what starts the 72-hour clock for the return home interview, so it
/// is kept to the minute (UTC).
public class MissingEpisode : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public MissingType Type { get; set; }
    public MissingFrom From { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    /// Where the child went missing from (the home or placement, in words).
    public string? WhereFrom { get; set; }
    public string? WhereFound { get; set; }
    public string? PoliceReference { get; set; }
    public MissingRisk Risk { get; set; }
    public string? WhatHappened { get; set; }
    /// The partner that reported it through the API, if not recorded by a worker.
    public string? ReportedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }
    public ReturnHomeInterview? Interview { get; set; }

    public bool HasReturned => ReturnedAt is not null;

    /// When the return home interview must have been offered by: 72 elapsed hours after the
    /// recorded return, whatever the day of the week (Missing SG 2014; timescales.md row 45).
    public DateTime? InterviewDueBy => ReturnedAt is { } r ? Timescales.ReturnHomeInterview.DueFrom(r) : null;

    public static string Code(MissingType type) => type == MissingType.Missing ? "M" : "A";

    public static string Describe(MissingType type) => type == MissingType.Missing ? "Missing" : "Away without authorisation";

    public static string Describe(MissingFrom from) => from == MissingFrom.Home ? "Home" : "Care";

    public static string Describe(MissingRisk risk) => risk switch
    {
        MissingRisk.NoApparentRisk => "No apparent risk",
        MissingRisk.Low => "Low",
        MissingRisk.Medium => "Medium",
        MissingRisk.High => "High",
        _ => risk.ToString(),
    };
}

/// Whether the child took up the offer of an interview.
public enum InterviewResponse { NotYetKnown, Accepted, Declined }

/// The return home interview for one missing episode: the offer, the child's answer, the
/// interview itself and what it revealed. Information gained is shared to the child's worker
/// and the MEGA panel in one step (SharedAt).
public class ReturnHomeInterview : IVersioned
{
    public int Id { get; set; }
    public int MissingEpisodeId { get; set; }
    public MissingEpisode Episode { get; set; } = null!;
    public DateTime OfferedAt { get; set; }
    public string OfferedBy { get; set; } = "";
    /// Offered by someone independent of the child's care (the guidance's expectation).
    public bool Independent { get; set; }
    public InterviewResponse Response { get; set; }
    /// Why the child declined, in the child's own words where they gave them.
    public string? DeclinedReason { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? PushFactors { get; set; }
    public string? PullFactors { get; set; }
    public string? PeopleAndPlaces { get; set; }
    public string? ExploitationIndicators { get; set; }
    public DateTime? SharedAt { get; set; }
    public int? SharedByWorkerId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public bool HasInformation => !string.IsNullOrWhiteSpace(PushFactors) || !string.IsNullOrWhiteSpace(PullFactors)
        || !string.IsNullOrWhiteSpace(PeopleAndPlaces) || !string.IsNullOrWhiteSpace(ExploitationIndicators);

    public static string Describe(InterviewResponse r) => r switch
    {
        InterviewResponse.Accepted => "Accepted",
        InterviewResponse.Declined => "Declined",
        _ => "Not yet known",
    };
}
