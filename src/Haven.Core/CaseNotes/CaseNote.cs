using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.CaseNotes;

public enum CaseNoteType
{
    CaseNote, StatutoryVisit, HomeVisit, DirectWork, PhoneCall, Meeting, ManagementOversight, Supervision, Email, Other,
}

/// A case note. Once saved its text is never rewritten: a correction is an amendment that keeps the
/// original visible to those allowed to see it, and removal is a soft deletion with a reason.
public class CaseNote : ISoftDeletable
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public CaseNoteType Type { get; set; }
    /// When the thing recorded happened (date of the event), as distinct from RecordedAt.
    public DateTime EventAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public int AuthorWorkerId { get; set; }
    public Worker Author { get; set; } = null!;
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? PeopleSeen { get; set; }
    public bool ChildSeen { get; set; }
    public bool ChildSeenAlone { get; set; }

    /// Set from the form or API request, so the same submission sent twice saves one note.
    public Guid? SubmissionId { get; set; }

    public List<CaseNoteAmendment> Amendments { get; set; } = [];

    public CaseNoteAmendment? LatestAmendment => Amendments.MaxBy(a => a.AmendedAt);
    public string CurrentSubject => LatestAmendment?.Subject ?? Subject;
    public string CurrentBody => LatestAmendment?.Body ?? Body;

    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }

    public static string Describe(CaseNoteType type) => type switch
    {
        CaseNoteType.CaseNote => "Case note",
        CaseNoteType.StatutoryVisit => "Statutory visit",
        CaseNoteType.HomeVisit => "Home visit",
        CaseNoteType.DirectWork => "Direct work with the child",
        CaseNoteType.PhoneCall => "Phone call",
        CaseNoteType.Meeting => "Meeting",
        CaseNoteType.ManagementOversight => "Management oversight",
        CaseNoteType.Supervision => "Supervision",
        CaseNoteType.Email => "Email",
        _ => "Other",
    };
}

/// A correction to a case note: the corrected subject and text, who made it, when and why.
public class CaseNoteAmendment
{
    public int Id { get; set; }
    public int CaseNoteId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string Reason { get; set; }
    public int AmendedByWorkerId { get; set; }
    public Worker AmendedBy { get; set; } = null!;
    public DateTime AmendedAt { get; set; }
}
