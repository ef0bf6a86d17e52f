using Haven.Core.CareLeavers;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Codes;

namespace Haven.Core.Returns.Ssda903;

/// The SSDA903 return for a collection year, one list per file of the return (statutory-returns.md
/// §1.2). The same model is built live from the record (Ssda903Builder) and read back from the CSV
/// files (Ssda903Files), so the rules run over either. CHILD is Haven's person id: stable across years.
public sealed record Ssda903Data(
    ReturnPeriod Period,
    IReadOnlyList<Ssda903Header> Header,
    IReadOnlyList<Ssda903Episode> Episodes,
    IReadOnlyList<Ssda903Uasc> Uasc,
    IReadOnlyList<Ssda903Review> Reviews,
    IReadOnlyList<Ssda903Missing> Missing,
    IReadOnlyList<Ssda903Oc2> Oc2,
    IReadOnlyList<Ssda903Oc3> Oc3,
    IReadOnlyList<Ssda903Ad1> Ad1,
    IReadOnlyList<Ssda903PlacedAdoption> PlacedAdoption)
{
    /// Each child's episodes in date order.
    public ILookup<string, Ssda903Episode> EpisodesByChild => _episodesByChild ??= Episodes.OrderBy(e => e.Decom).ToLookup(e => e.Child);
    private ILookup<string, Ssda903Episode>? _episodesByChild;

    public IReadOnlyDictionary<string, Ssda903Header> HeaderByChild => _headerByChild ??= Header.GroupBy(h => h.Child).ToDictionary(g => g.Key, g => g.First());
    private IReadOnlyDictionary<string, Ssda903Header>? _headerByChild;

    /// Last year's return, when there is one to compare with: built from the record (Haven holds the
    /// history) or read from a previous system's files (`validate 903 DIR --previous DIR`). The
    /// year-on-year rules (202–208, 502, 503A–F) compare with it and find nothing without it.
    public Ssda903Data? Previous { get; init; }

    /// PrevPerm: one row per child who started a period of care in the year (the latest such period).
    public IReadOnlyList<Ssda903PrevPerm> PrevPerm { get; init; } = [];
    /// SWEpisodes: each social worker who held the case while the child was looked after in the year.
    public IReadOnlyList<Ssda903SwEpisode> SwEpisodes { get; init; } = [];
    /// DoLo (from 2026-27): each deprivation of liberty order in force at any time in the year.
    public IReadOnlyList<Ssda903DoLo> DoLo { get; init; } = [];
}

public sealed record Ssda903Header(string Child, string Sex, DateOnly? Dob, string? Ethnic, string? Upn, string? Mother, DateOnly? MotherChildDob);

public sealed record Ssda903Episode(
    string Child, DateOnly Decom, string Rne, string Ls, string Cin, string Place, string? PlaceProvider,
    DateOnly? Dec, string? Rec, string? ReasonPlaceChange, string? HomePost, string? PlPost, string? Urn);

public sealed record Ssda903Uasc(string Child, string Sex, DateOnly? Dob, DateOnly? Duc);

public sealed record Ssda903Review(string Child, DateOnly? Dob, DateOnly Review, string ReviewCode);

public sealed record Ssda903Missing(string Child, DateOnly? Dob, string Missing, DateOnly MisStart, DateOnly? MisEnd);

public sealed record Ssda903Oc2(
    string Child, DateOnly? Dob, int? SdqScore, string? SdqReason, bool? Convicted, bool? HealthCheck, bool? Immunisations,
    bool? TeethCheck, bool? HealthAssessment, bool? SubstanceMisuse, bool? InterventionReceived, bool? InterventionOffered);

public sealed record Ssda903Oc3(string Child, DateOnly? Dob, string InTouch, string Activ, string Accom);

public sealed record Ssda903Ad1(
    string Child, DateOnly? Dob, DateOnly? DateInt, DateOnly? DateMatch, string? FosterCare, string? NbAdoptr, string? SexAdoptr, string? LsAdoptr);

/// SW_ID is the worker's Social Work England number, or XX and Haven's worker id when none is recorded.
public sealed record Ssda903SwEpisode(string Child, DateOnly? Dob, string? SwId, DateOnly? SwDecom, DateOnly? SwDec, string? SwReason);
/// DOLO_END is blank while the order is still in force at 31 March.
public sealed record Ssda903DoLo(string Child, DateOnly? Dob, DateOnly? DoloStart, DateOnly? DoloEnd);
public sealed record Ssda903PrevPerm(string Child, DateOnly? Dob, string? PrevPerm, string? LaPerm, string? DatePerm);

public sealed record Ssda903PlacedAdoption(string Child, DateOnly? Dob, DateOnly DatePlaced, DateOnly? DatePlacedCeased, string? ReasonPlacedCeased);

/// The 903 code lists the return checks against. Lists the record already keeps are reused from
/// where they live (LookedAfterCodes, CareLeaverService, CodeLists): one mapping of each code.
public static class Ssda903Codes
{
    public static readonly CodeList Sex = CodeList.Load("903_sex");
    public static readonly CodeList MissingType = CodeList.Load("903_missing_type");
    public static readonly CodeList UpnUnknown = CodeList.Load("903_upn_unknown");
    public static CodeList FosterCare => CodeLists.AdopterFosterCare;
    public static CodeList AdopterNumber => CodeLists.AdopterNumber;
    public static CodeList AdopterSex => CodeLists.AdopterSex;
    public static CodeList AdopterLegalStatus => CodeLists.AdopterLegalStatus;
    public static readonly CodeList ReasonPlacedCeased = CodeList.Load("903_reason_placed_ceased");
    public static CodeList PreviousPermanence => LookedAfterCodes.PreviousPermanence;
    public static CodeList Ethnicity => CodeLists.Ethnicity;
    public static CodeList SdqReason => CodeLists.SdqReason;
    public static CodeList ReasonForNewEpisode => LookedAfterCodes.ReasonForNewEpisode;
    public static CodeList LegalStatus => LookedAfterCodes.LegalStatus;
    public static CodeList CategoryOfNeed => LookedAfterCodes.CategoryOfNeed;
    public static CodeList PlacementType => LookedAfterCodes.PlacementType;
    public static CodeList PlacementProvider => LookedAfterCodes.PlacementProvider;
    public static CodeList ReasonEpisodeCeased => LookedAfterCodes.ReasonEpisodeCeased;
    public static CodeList ReasonPlaceChange => LookedAfterCodes.ReasonPlaceChange;
    public static CodeList ReviewParticipation => LookedAfterCodes.ReviewParticipation;
    public static CodeList InTouch => CareLeaverService.InTouch;
    public static CodeList Activity => CareLeaverService.Activity;
    public static CodeList Accommodation => CareLeaverService.Accommodation;
}
