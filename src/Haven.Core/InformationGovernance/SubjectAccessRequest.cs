using Haven.Core.Calendar;
using Haven.Core.Data;

namespace Haven.Core.InformationGovernance;

/// Who is asking, which decides what may be released (access-practice.md §10).
public enum RequesterKind
{
    /// The person the records are about, including a child or care leaver asking for themselves.
    DataSubject,
    /// A parent with parental responsibility asking on a child's behalf.
    ParentWithParentalResponsibility,
    /// A solicitor or advocate with the person's written consent.
    RepresentativeWithConsent,
    Police,
    Court,
}

public enum SubjectAccessStatus { Open, Released, Closed }

/// A subject access request (UK GDPR Art 15): due one month from receipt, extendable by two months
/// for a complex request. Records who asked, on what authority, and how their identity was checked.
public class SubjectAccessRequest : IVersioned
{
    public int Id { get; set; }
    public int SubjectPersonId { get; set; }
    public required string RequesterName { get; set; }
    public RequesterKind RequesterKind { get; set; }
    /// On what authority a third party asks (parental responsibility, signed consent, court order…).
    public string? Authority { get; set; }
    /// A child's own request: the child is judged to understand it (no fixed age in England).
    public bool IsChildsOwnRequest { get; set; }
    public required string IdentityCheck { get; set; }
    /// What was asked for, e.g. "everything" or "my first month in care".
    public required string Scope { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public string? ExtensionReason { get; set; }
    public SubjectAccessStatus Status { get; set; }
    public DateTime RecordedAt { get; set; }
    public int RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }
    public List<SubjectAccessRelease> Releases { get; set; } = [];

    public static DateOnly DueFrom(DateOnly received) => Timescales.SubjectAccessRequest.DueFrom(received);

    /// The extended deadline: two further months after the first (three months from receipt).
    public static DateOnly ExtendedDueFrom(DateOnly received) => DueFrom(received).AddMonths(2);
}

/// A kept copy of exactly what was released, with its hash: the bundle can be produced again
/// byte for byte, whatever has changed in the records since.
public class SubjectAccessRelease
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public DateTime ReleasedAt { get; set; }
    public int ReleasedByWorkerId { get; set; }
    public required string Sha256 { get; set; }
    public int Rows { get; set; }
    public int RowsForRedactionReview { get; set; }
    public required byte[] Bundle { get; set; }
}
