using Haven.Core.Fostering;
using Haven.Core.Permanence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Fostering;

/// The recruitment funnel of foster carers (or adopters) as the figures a council cites: conversion
/// by stage, by campaign, by year and by source, and where and why households leave; with adoption
/// timeliness against the scorecard thresholds.
public class IndexModel(FosteringFigures figures, PermanenceFigures permanence, TimeProvider clock) : PageModel
{
    public FunnelFigures Funnel { get; private set; } = null!;
    public TimelinessSummary Timeliness { get; private set; } = null!;
    public IReadOnlyList<(SiblingPlacement Placement, int Count)> Siblings { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(ApplicantKind? kind, CancellationToken ct)
    {
        Funnel = await figures.LoadAsync(kind is { } k && Enum.IsDefined(k) ? k : ApplicantKind.Fostering, ct);
        To = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        From = To.AddYears(-3).AddDays(1);
        Timeliness = await permanence.TimelinessAsync(From, To, ct);
        Siblings = await permanence.SiblingsAsync(ct);
    }

    public static string Percent(decimal? p) => p is { } v ? $"{v:0.0}%" : "–";

    public static string Describe(RecruitmentStage s) => s switch
    {
        RecruitmentStage.Enquiry => "Enquiry",
        RecruitmentStage.InitialVisit => "Initial visit",
        RecruitmentStage.Application => "Application",
        RecruitmentStage.AssessmentStage1 => "Assessment stage 1",
        RecruitmentStage.AssessmentStage2 => "Assessment stage 2",
        RecruitmentStage.Panel => "Panel",
        _ => "Approval",
    };

    public static string Describe(LeavingReason? r) => r switch
    {
        LeavingReason.ChangedCircumstances => "Circumstances changed",
        LeavingReason.ChoseAnotherAgency => "Chose another agency",
        LeavingReason.NoLongerInterested => "No longer interested",
        LeavingReason.NoResponse => "No response",
        LeavingReason.NotSuitable => "Assessed as not suitable",
        LeavingReason.AccommodationUnsuitable => "Accommodation unsuitable",
        LeavingReason.PanelNotRecommended => "Panel did not recommend",
        LeavingReason.Other => "Other",
        _ => "Not recorded",
    };
}
