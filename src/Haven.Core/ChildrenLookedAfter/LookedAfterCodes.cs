using Haven.Core.Codes;

namespace Haven.Core.ChildrenLookedAfter;

/// The SSDA903 code lists a period of care is recorded in (copied from shared/reference/codes).
public static class LookedAfterCodes
{
    public static readonly CodeList LegalStatus = CodeList.Load("903_legal_status");
    public static readonly CodeList ReasonForNewEpisode = CodeList.Load("903_reason_new_episode");
    public static readonly CodeList ReasonEpisodeCeased = CodeList.Load("903_reason_episode_ceased");
    public static readonly CodeList CategoryOfNeed = CodeList.Load("903_category_of_need");
    public static readonly CodeList PlacementType = CodeList.Load("903_placement_type");
    public static readonly CodeList PlacementProvider = CodeList.Load("903_placement_provider");
    public static readonly CodeList ReasonPlaceChange = CodeList.Load("903_reason_place_change");
    public static readonly CodeList ReviewParticipation = CodeList.Load("903_review_participation");
    public static readonly CodeList PreviousPermanence = CodeList.Load("903_previous_permanence");
    public static readonly CodeList PreviousPermanenceLaSpecial = CodeList.Load("903_la_perm_special");

    /// PREV_PERM Z1: the child had no permanence order before.
    public const string NoPreviousPermanence = "Z1";

    /// REC X1: the episode ends and another starts the same day; every other reason ends the period of care.
    public const string EpisodeContinues = "X1";

    /// Temporary placements (T0–T4) and the Z1 sub-types carry no provider (903 PLACE_PROVIDER note).
    public static bool NeedsProvider(string placementType) =>
        !(placementType.StartsWith('T') || placementType.StartsWith("Z1", StringComparison.Ordinal));

    /// A temporary placement: no reason for the placement change is recorded when it ends.
    public static bool IsTemporary(string placementType) => placementType.StartsWith('T');

    /// Long-term foster placements (U1, U4) are the ones intended to last until the child is 18.
    public static bool IsLongTermFostering(string placementType) => placementType is "U1" or "U4";

    public static string Describe(CodeList list, string? code) => code is null ? "" : list.Describe(code) is { } d ? $"{d} ({code})" : code;
}
