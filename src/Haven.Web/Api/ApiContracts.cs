namespace Haven.Web.Api;

/// <summary>A child found by a search.</summary>
public sealed record ChildSearchResultDto(string HavenId, int Id, string FirstName, string LastName, string? KnownAs,
    DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string Sex, string? Postcode, string? AllocatedSocialWorker);

/// <summary>A child's core record.</summary>
public sealed record ChildDto(string HavenId, int Id, string FirstName, string LastName, string? OtherNames, string? KnownAs,
    DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string Sex, string? EthnicityCode, string? NhsNumber, string? Upn,
    bool IsRestricted, IReadOnlyList<string> CurrentInvolvement, IReadOnlyList<AllocationDto> Allocations, Guid Version);

/// <summary>Who holds the child's case.</summary>
public sealed record AllocationDto(string Kind, string Worker, string Team, DateOnly StartDate);

/// <summary>A case note: the current text (after any amendment).</summary>
public sealed record CaseNoteDto(int Id, string Type, DateTime EventAt, DateTime RecordedAt, string Author, string Subject, string Body,
    string? PeopleSeen, bool ChildSeen, bool ChildSeenAlone, bool Amended);

/// <summary>A new case note.</summary>
public sealed record NewCaseNoteDto
{
    /// <summary>One of CaseNote, StatutoryVisit, HomeVisit, DirectWork, PhoneCall, Meeting, ManagementOversight, Supervision, Email, Other.</summary>
    public string? Type { get; init; }
    /// <summary>When the event happened (UTC), not when it is recorded.</summary>
    public DateTime? EventAt { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? PeopleSeen { get; init; }
    public bool ChildSeen { get; init; }
    public bool ChildSeenAlone { get; init; }
    /// <summary>A client-chosen id: sending the same note twice with the same id saves it once.</summary>
    public Guid? SubmissionId { get; init; }
}

/// <summary>One event in a child's chronology.</summary>
public sealed record ChronologyItemDto(DateTime At, string Category, string Title, string? Detail, string? By);

/// <summary>A new person.</summary>
public sealed record NewPersonDto
{
    /// <summary>Child or Adult.</summary>
    public string? Kind { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? KnownAs { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    /// <summary>For an unborn child, instead of DateOfBirth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; init; }
    /// <summary>Male, Female or Unknown.</summary>
    public string? Sex { get; init; }
    public string? NhsNumber { get; init; }
}

/// <summary>A person created.</summary>
public sealed record PersonCreatedDto(string HavenId, int Id);
