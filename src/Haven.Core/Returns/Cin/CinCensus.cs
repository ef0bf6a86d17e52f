namespace Haven.Core.Returns.Cin;

/// The CIN census for one collection year, in the DfE's structure (statutory-returns.md §2.1): a
/// header and the children the guidance includes. The same model whether built from the record
/// (CinCensusBuilder) or read back from the XML (CinCensusXml.Read), so the rules run over either.
public sealed record CinCensus(CinHeader Header, IReadOnlyList<CinChild> Children)
{
    /// The collection year the census covers: 1 April to the reference date (31 March).
    public ReturnPeriod Period => ReturnPeriod.CollectionYear(Header.Year);
}

/// Header: CollectionDetails (Collection "CIN", Year, ReferenceDate) and one Source.
public sealed record CinHeader(int Year, DateOnly ReferenceDate, string Lea, string SoftwareCode, string Release, string SerialNo, DateTime DateTime);

/// ChildIdentifiers and ChildCharacteristics, with the child's episodes of need (CINdetails).
/// ChildId is Haven's key for the child (null when the LAchildID is not a Haven ID).
public sealed record CinChild(
    int? ChildId,
    string LAchildID,
    string? Upn,
    string? FormerUpn,
    string? UpnUnknown,
    DateOnly? PersonBirthDate,
    DateOnly? ExpectedPersonBirthDate,
    string Sex,
    DateOnly? PersonDeathDate,
    string Ethnicity,
    IReadOnlyList<string> Disabilities,
    IReadOnlyList<CinEpisode> Episodes);

/// CINdetails: one episode of need, from the referral to its closure. ReferralId is Haven's
/// referral key (null when read back from a file).
public sealed record CinEpisode(
    int? ReferralId,
    DateOnly? CINreferralDate,
    string ReferralSource,
    string? PrimaryNeedCode,
    DateOnly? CINclosureDate,
    string? ReasonForClosure,
    DateOnly? DateOfInitialCPC,
    IReadOnlyList<CinAssessment> Assessments,
    IReadOnlyList<CinPlanDates> CINPlanDates,
    IReadOnlyList<CinSection47> Section47s,
    string? ReferralNFA,
    IReadOnlyList<CinChildProtectionPlan> ChildProtectionPlans)
{
    public bool IsNfa => ReferralNFA is "1" or "true";
}

public sealed record CinAssessment(int? Id, DateOnly AssessmentActualStartDate, DateOnly? AssessmentInternalReviewDate, DateOnly? AssessmentAuthorisationDate, IReadOnlyList<string> Factors);

public sealed record CinPlanDates(int? PlanId, DateOnly CINPlanStartDate, DateOnly? CINPlanEndDate);

public sealed record CinSection47(int? Id, DateOnly S47ActualStartDate, DateOnly? InitialCPCtarget, DateOnly? DateOfInitialCPC, bool ICPCnotRequired);

public sealed record CinChildProtectionPlan(
    int? Id,
    DateOnly CPPstartDate,
    DateOnly? CPPendDate,
    string InitialCategoryOfAbuse,
    string LatestCategoryOfAbuse,
    int? NumberOfPreviousCPP,
    IReadOnlyList<DateOnly> Reviews);
