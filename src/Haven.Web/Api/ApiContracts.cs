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
    /// <summary>For a child added by a social worker or team manager (who then holds the case): the 903 SW_REASON code of that first allocation (MANAGE, FCONTA, LEFTRL, ORGRST, TSPROC, ABSENC, CHCHAN, PCCHAN, SWDIED or OTHERS; OTHERS for a child new to children's social care).</summary>
    public string? AllocationReason { get; init; }
}

/// <summary>A person created.</summary>
public sealed record PersonCreatedDto(string HavenId, int Id);

/// <summary>A missing episode and its return home interview, if one has been offered.</summary>
public sealed record MissingEpisodeDto(int Id, int ChildId, string Type, string Ssda903Code, string From, DateTime StartedAt, DateTime? ReturnedAt,
    string? WhereFrom, string? WhereFound, string? PoliceReference, string Risk, string? WhatHappened, string? ReportedBy,
    DateTime? InterviewDueBy, Guid Version, ReturnHomeInterviewDto? ReturnHomeInterview);

/// <summary>A return home interview as recorded.</summary>
public sealed record ReturnHomeInterviewDto(DateTime OfferedAt, string OfferedBy, bool Independent, string Response, string? DeclinedReason,
    DateTime? CompletedAt, string? PushFactors, string? PullFactors, string? PeopleAndPlaces, string? ExploitationIndicators,
    DateTime? SharedAt, bool OfferedWithin72Hours, Guid Version);

/// <summary>A missing episode to report (or, with Version, to update).</summary>
public sealed record NewMissingEpisodeDto
{
    /// <summary>Missing (whereabouts unknown, SSDA903 code M) or Away (without authorisation, whereabouts known, code A).</summary>
    public string? Type { get; init; }
    /// <summary>Home or Care.</summary>
    public string? From { get; init; }
    /// <summary>When the child went missing (UTC).</summary>
    public DateTime? StartedAt { get; init; }
    /// <summary>When the child returned (UTC): starts the 72 hours for the return home interview.</summary>
    public DateTime? ReturnedAt { get; init; }
    public string? WhereFrom { get; init; }
    public string? WhereFound { get; init; }
    public string? PoliceReference { get; init; }
    /// <summary>NoApparentRisk, Low, Medium or High.</summary>
    public string? Risk { get; init; }
    public string? WhatHappened { get; init; }
    /// <summary>The reporting partner, for example a police force or a children's home.</summary>
    public string? ReportedBy { get; init; }
    /// <summary>A client-chosen id: sending the same episode twice with the same id saves it once.</summary>
    public Guid? SubmissionId { get; init; }
    /// <summary>For an update: the version you read.</summary>
    public Guid? Version { get; init; }
    /// <summary>The return home interview, saved with the episode or not at all.</summary>
    public ReturnHomeInterviewInputDto? ReturnHomeInterview { get; init; }
}

/// <summary>A return home interview to record.</summary>
public sealed record ReturnHomeInterviewInputDto
{
    public DateTime? OfferedAt { get; init; }
    public string? OfferedBy { get; init; }
    /// <summary>Offered by someone independent of the child's care.</summary>
    public bool Independent { get; init; }
    /// <summary>NotYetKnown, Accepted or Declined.</summary>
    public string? Response { get; init; }
    /// <summary>Why the child declined, in the child's own words where given.</summary>
    public string? DeclinedReason { get; init; }
    public DateTime? CompletedAt { get; init; }
    public string? PushFactors { get; init; }
    public string? PullFactors { get; init; }
    public string? PeopleAndPlaces { get; init; }
    public string? ExploitationIndicators { get; init; }
    /// <summary>Share what was found with the child's worker and the MEGA panel now.</summary>
    public bool Share { get; init; }
    /// <summary>For an update: the version of the interview you read.</summary>
    public Guid? Version { get; init; }
}
