namespace Haven.Web.Api;

/// <summary>A child's periods of care, statutory visits and looked-after reviews.</summary>
public sealed record CareDto(IReadOnlyList<PeriodOfCareDto> Periods, IReadOnlyList<StatutoryVisitDto> Visits, IReadOnlyList<LookedAfterReviewDto> Reviews);

/// <summary>A period of care: the decision, its SSDA903 episodes (current and superseded by corrections) and placements.</summary>
public sealed record PeriodOfCareDto(int Id, DateOnly DecisionDate, string AuthorisedBy, string DecisionReason, DateOnly StartDate, DateOnly? EndDate,
    string? ReasonCeased, string CategoryOfNeed, bool Unaccompanied, string HomePostcode, int Corrections, Guid Version,
    IReadOnlyList<EpisodeDto> Episodes, IReadOnlyList<EpisodeDto> SupersededEpisodes, IReadOnlyList<PlacementDto> Placements,
    PreviousPermanenceDto? PreviousPermanence = null);

/// <summary>SSDA903 PrevPerm: the order the child had before this period of care (PREV_PERM, Z1 = none), the LA that
/// arranged it (LA_PERM: 3-digit DfE number, NIR, SCO, WAL, NUK or 999) and its date (DATE_PERM: dd/mm/yyyy, ZZ for an unknown day or month).</summary>
public sealed record PreviousPermanenceDto(string? Code, string? LaCode, string? Date);

/// <summary>An SSDA903 episode (DECOM, RNE, LS, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE).</summary>
public sealed record EpisodeDto(DateOnly StartDate, string ReasonForNewEpisode, string LegalStatus, string PlacementType, string? PlacementProvider,
    DateOnly? EndDate, string? ReasonEpisodeCeased, string? ReasonPlaceChange, int PlacementId, int Revision, DateTime? SupersededAt, string? CorrectionReason);

/// <summary>A placement, with its distance from the child's home in miles and whether it is inside the council's area.</summary>
public sealed record PlacementDto(int Id, string PlacementType, string? Provider, string CarerName, string Address, string Postcode, string? Urn,
    decimal? DistanceFromHomeMiles, bool? InsideCouncilArea, DateOnly StartDate, DateOnly? EndDate, string? ReasonForChange, string Matching, DateOnly? LongTermAgreedDate);

public sealed record StatutoryVisitDto(int Id, DateOnly VisitDate, bool ChildSeen, bool SeenAlone, string VisitedBy, string Summary);

public sealed record LookedAfterReviewDto(int Id, DateOnly ReviewDate, string Chair, string Participation, bool AdvocacyOffered, bool AdvocacyTakenUp,
    bool LongTermPlacementAgreed, string Decisions, string LetterToChild);

public sealed record CreatedDto(int Id);

/// <summary>A placement as sent: type and provider are SSDA903 codes (PLACE, PLACE_PROVIDER).</summary>
public sealed record PlacementInputDto(string? PlacementType, string? Provider, string? CarerName, string? AddressLine1, string? AddressLine2,
    string? Town, string? Postcode, string? Urn, string? Matching, int? SameCarerAsPlacementId);

/// <summary>The decision to look after a child. LegalStatus and CategoryOfNeed are SSDA903 codes (LS, CIN).</summary>
public sealed record NewPeriodOfCareDto(DateOnly? DecisionDate, int? AuthorisedByWorkerId, string? DecisionReason, DateOnly? StartDate,
    string? LegalStatus, string? CategoryOfNeed, bool Unaccompanied, string? HomePostcode, PlacementInputDto? Placement,
    PreviousPermanenceDto? PreviousPermanence = null);

/// <summary>A change on a date: a new legal status, a new placement (with ReasonPlaceChange), or both. Version is the period's.</summary>
public sealed record EpisodeChangeDto(DateOnly? Date, Guid? Version, string? LegalStatus, PlacementInputDto? NewPlacement, string? ReasonPlaceChange, string? CorrectionReason);

/// <summary>Moves the start of episode EpisodeNumber (1 = first) to NewStartDate.</summary>
public sealed record EpisodeCorrectionDto(int? EpisodeNumber, DateOnly? NewStartDate, Guid? Version, string? Reason);

public sealed record EndPeriodOfCareDto(DateOnly? EndDate, string? ReasonCeased, Guid? Version);

public sealed record NewStatutoryVisitDto(DateOnly? VisitDate, bool ChildSeen, bool SeenAlone, string? Summary, Guid? SubmissionId);

public sealed record NewLookedAfterReviewDto(DateOnly? ReviewDate, int? ChairWorkerId, string? Participation, bool AdvocacyOffered, bool AdvocacyTakenUp,
    bool LongTermPlacementAgreed, string? Decisions, string? LetterToChild, Guid? SubmissionId);
