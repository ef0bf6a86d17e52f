using System.Text.Json.Serialization;

namespace Haven.Core.Returns.DfeFeed;

// The request body of the DfE children's social care data API (dfe-csc-openapi.json beside this
// file, components.schemas.CSC, v1.0.1; MIT, see LICENCE.md). Names are the schema's snake_case;
// the schema declares nothing nullable, so a null property is left out of the JSON (DfeFeedJson),
// and a purge flag is null (left out) unless it is set.

/// One child (an item of the CSC array). LaChildId is Haven's child id (HavenIds.Format, e.g. H123):
/// the same reference the CIN census sends as LAchildID, alphanumeric and at most 20 characters.
public sealed record DfeChild
{
    [JsonPropertyName("la_child_id")] public required string LaChildId { get; init; }
    [JsonPropertyName("mis_child_id")] public string? MisChildId { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
    [JsonPropertyName("child_details")] public DfeChildDetails? ChildDetails { get; init; }
    [JsonPropertyName("health_and_wellbeing")] public DfeHealthAndWellbeing? HealthAndWellbeing { get; init; }
    [JsonPropertyName("social_care_episodes")] public IReadOnlyList<DfeSocialCareEpisode>? SocialCareEpisodes { get; init; }
}

public sealed record DfeChildDetails
{
    [JsonPropertyName("unique_pupil_number")] public string? UniquePupilNumber { get; init; }
    [JsonPropertyName("former_unique_pupil_number")] public string? FormerUniquePupilNumber { get; init; }
    [JsonPropertyName("unique_pupil_number_unknown_reason")] public string? UniquePupilNumberUnknownReason { get; init; }
    [JsonPropertyName("first_name")] public string? FirstName { get; init; }
    [JsonPropertyName("surname")] public string? Surname { get; init; }
    [JsonPropertyName("date_of_birth")] public DateOnly? DateOfBirth { get; init; }
    [JsonPropertyName("expected_date_of_birth")] public DateOnly? ExpectedDateOfBirth { get; init; }
    [JsonPropertyName("sex")] public string? Sex { get; init; }
    [JsonPropertyName("ethnicity")] public string? Ethnicity { get; init; }
    [JsonPropertyName("disabilities")] public IReadOnlyList<string>? Disabilities { get; init; }
    [JsonPropertyName("postcode")] public string? Postcode { get; init; }
    [JsonPropertyName("uasc_flag")] public bool? UascFlag { get; init; }
    [JsonPropertyName("uasc_end_date")] public DateOnly? UascEndDate { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeHealthAndWellbeing
{
    [JsonPropertyName("sdq_assessments")] public IReadOnlyList<DfeSdqAssessment>? SdqAssessments { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeSdqAssessment
{
    [JsonPropertyName("date")] public DateOnly? Date { get; init; }
    [JsonPropertyName("score")] public int? Score { get; init; }
}

/// An episode of support from referral to closure (the CIN census CINdetails), holding the CIN work
/// and the looked-after placements.
public sealed record DfeSocialCareEpisode
{
    [JsonPropertyName("social_care_episode_id")] public required string SocialCareEpisodeId { get; init; }
    [JsonPropertyName("referral_date")] public DateOnly? ReferralDate { get; init; }
    [JsonPropertyName("referral_source")] public string? ReferralSource { get; init; }
    [JsonPropertyName("referral_no_further_action_flag")] public bool? ReferralNoFurtherActionFlag { get; init; }
    [JsonPropertyName("closure_date")] public DateOnly? ClosureDate { get; init; }
    [JsonPropertyName("closure_reason")] public string? ClosureReason { get; init; }
    [JsonPropertyName("care_worker_details")] public IReadOnlyList<DfeCareWorker>? CareWorkerDetails { get; init; }
    [JsonPropertyName("child_and_family_assessments")] public IReadOnlyList<DfeAssessment>? ChildAndFamilyAssessments { get; init; }
    [JsonPropertyName("child_in_need_plans")] public IReadOnlyList<DfeChildInNeedPlan>? ChildInNeedPlans { get; init; }
    [JsonPropertyName("section_47_assessments")] public IReadOnlyList<DfeSection47>? Section47Assessments { get; init; }
    [JsonPropertyName("child_protection_plans")] public IReadOnlyList<DfeChildProtectionPlan>? ChildProtectionPlans { get; init; }
    [JsonPropertyName("child_looked_after_placements")] public IReadOnlyList<DfePlacement>? ChildLookedAfterPlacements { get; init; }
    [JsonPropertyName("adoption")] public DfeAdoption? Adoption { get; init; }
    [JsonPropertyName("care_leavers")] public DfeCareLeavers? CareLeavers { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeCareWorker
{
    [JsonPropertyName("worker_id")] public string? WorkerId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("end_date")] public DateOnly? EndDate { get; init; }
}

public sealed record DfeAssessment
{
    [JsonPropertyName("child_and_family_assessment_id")] public required string ChildAndFamilyAssessmentId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("authorisation_date")] public DateOnly? AuthorisationDate { get; init; }
    [JsonPropertyName("factors")] public IReadOnlyList<string>? Factors { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeChildInNeedPlan
{
    [JsonPropertyName("child_in_need_plan_id")] public required string ChildInNeedPlanId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("end_date")] public DateOnly? EndDate { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeSection47
{
    [JsonPropertyName("section_47_assessment_id")] public required string Section47AssessmentId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("icpc_required_flag")] public bool? IcpcRequiredFlag { get; init; }
    [JsonPropertyName("icpc_date")] public DateOnly? IcpcDate { get; init; }
    [JsonPropertyName("end_date")] public DateOnly? EndDate { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeChildProtectionPlan
{
    [JsonPropertyName("child_protection_plan_id")] public required string ChildProtectionPlanId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("end_date")] public DateOnly? EndDate { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

/// One SSDA903 episode (a building block of a period of care).
public sealed record DfePlacement
{
    [JsonPropertyName("child_looked_after_placement_id")] public required string ChildLookedAfterPlacementId { get; init; }
    [JsonPropertyName("start_date")] public DateOnly? StartDate { get; init; }
    [JsonPropertyName("start_reason")] public string? StartReason { get; init; }
    [JsonPropertyName("placement_type")] public string? PlacementType { get; init; }
    [JsonPropertyName("postcode")] public string? Postcode { get; init; }
    [JsonPropertyName("end_date")] public DateOnly? EndDate { get; init; }
    [JsonPropertyName("end_reason")] public string? EndReason { get; init; }
    [JsonPropertyName("change_reason")] public string? ChangeReason { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeAdoption
{
    [JsonPropertyName("initial_decision_date")] public DateOnly? InitialDecisionDate { get; init; }
    [JsonPropertyName("matched_date")] public DateOnly? MatchedDate { get; init; }
    [JsonPropertyName("placed_date")] public DateOnly? PlacedDate { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}

public sealed record DfeCareLeavers
{
    [JsonPropertyName("contact_date")] public DateOnly? ContactDate { get; init; }
    [JsonPropertyName("activity")] public string? Activity { get; init; }
    [JsonPropertyName("accommodation")] public string? Accommodation { get; init; }
    [JsonPropertyName("purge")] public bool? Purge { get; init; }
}
