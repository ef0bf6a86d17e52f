using Haven.Core.Fostering;
using Haven.Core.Permanence;
using static Haven.Core.Fostering.RecruitmentStage;

namespace Haven.Core.Tests.Fostering;

public sealed class ConversionTests
{
    private static readonly DateOnly Day = new(2025, 5, 1);

    private static FunnelEntry E(RecruitmentStage furthest, bool left, LeavingReason? reason, int? campaign = null, EnquirySource source = EnquirySource.Web) =>
        new(Day, campaign, campaign is null ? source : EnquirySource.Campaign, furthest, left, reason);

    /// Campaign 1: 10 enquiries, 1 approved, 1 not recommended at panel, 2 left after applying, 6 left after enquiring.
    /// Web: 20 enquiries, 1 application still in progress, 19 left after enquiring.
    private static List<FunnelEntry> HandWorked()
    {
        var list = new List<FunnelEntry>
        {
            E(Approval, false, null, 1), E(Panel, true, LeavingReason.PanelNotRecommended, 1),
            E(Application, true, LeavingReason.NotSuitable, 1), E(Application, true, LeavingReason.ChangedCircumstances, 1),
        };
        for (var i = 0; i < 4; i++) list.Add(E(Enquiry, true, LeavingReason.NoLongerInterested, 1));
        for (var i = 0; i < 2; i++) list.Add(E(Enquiry, true, LeavingReason.NoResponse, 1));
        list.Add(E(Application, false, null));
        for (var i = 0; i < 19; i++) list.Add(E(Enquiry, true, LeavingReason.NoLongerInterested));
        return list;
    }

    [Fact]
    public void ByStage_HandWorkedFunnel_CountsReachedAndRates()
    {
        var s = Conversion.ByStage(HandWorked());

        Assert.Equal([30, 5, 5, 2, 2, 2, 1], s.Select(x => x.Reached));
        Assert.Null(s[0].OfPrevious);
        Assert.Equal(16.7m, s[1].OfPrevious);
        Assert.Equal(100.0m, s[2].OfPrevious);
        Assert.Equal(40.0m, s[3].OfPrevious);
        Assert.Equal(6.7m, s[3].OfEnquiries);
        Assert.Equal(50.0m, s[6].OfPrevious);
        Assert.Equal(3.3m, s[6].OfEnquiries);
    }

    [Fact]
    public void ByCampaign_HandWorkedFunnel_CampaignConvertsBetterThanOtherSources()
    {
        var rows = Conversion.ByCampaign(HandWorked(), [(1, "Spring 2025")]);

        Assert.Equal(("Spring 2025", 10, 4, 1, 0), (rows[0].Label, rows[0].Enquiries, rows[0].Applications, rows[0].Approvals, rows[0].StillInProgress));
        Assert.Equal(40.0m, rows[0].ApplicationRate);
        Assert.Equal(10.0m, rows[0].ApprovalRate);
        Assert.Equal(("Not from a campaign", 20, 1, 0, 1), (rows[1].Label, rows[1].Enquiries, rows[1].Applications, rows[1].Approvals, rows[1].StillInProgress));
        Assert.Equal(5.0m, rows[1].ApplicationRate);
    }

    [Fact]
    public void Leaving_HandWorkedFunnel_GroupsByLastStepAndReasonMostCommonFirst()
    {
        var l = Conversion.Leaving(HandWorked());

        Assert.Equal(new LeavingFigure(Enquiry, LeavingReason.NoLongerInterested, 23), l[0]);
        Assert.Equal(new LeavingFigure(Enquiry, LeavingReason.NoResponse, 2), l[1]);
        Assert.Equal(5, l.Count);
        Assert.Equal(28, l.Sum(x => x.Count)); // 1 at panel + 2 after applying + 6 + 19 after enquiring
    }

    [Fact]
    public void ByYear_EnquiriesEitherSideOfFirstApril_FallInDifferentFinancialYears()
    {
        var entries = new[]
        {
            new FunnelEntry(new(2025, 3, 31), null, EnquirySource.Web, Application, false, null),
            new FunnelEntry(new(2025, 4, 1), null, EnquirySource.Web, Enquiry, true, LeavingReason.NoResponse),
            new FunnelEntry(new(2026, 3, 31), null, EnquirySource.Web, Enquiry, true, LeavingReason.NoResponse),
        };

        var years = Conversion.ByYear(entries);

        Assert.Equal(["2024-25", "2025-26"], years.Select(y => y.Label));
        Assert.Equal([1, 2], years.Select(y => y.Enquiries));
        Assert.Equal(100.0m, years[0].ApplicationRate);
        Assert.Equal(0.0m, years[1].ApplicationRate);
    }

    [Fact]
    public void Rate_NoEnquiries_IsNull() => Assert.Null(Conversion.Rate(0, 0));

    [Fact]
    public void Validate_StepWithoutTheOneBefore_IsRefused()
    {
        var o = new EnquiryOptions(ApplicantKind.Fostering, "Sam Patel", null, EnquirySource.Web, null, new(2025, 1, 1), null,
            new(2025, 2, 1), null, null, null, null, null, null, null, false);

        var errors = FosteringService.Validate(o, new(2025, 6, 1));

        Assert.Equal("Enter the date of the initial visit first", errors[nameof(o.ApplicationDate)]);
    }

    [Fact]
    public void Validate_LeftWithoutReasonAndCampaignMissing_AreRefused()
    {
        var o = new EnquiryOptions(ApplicantKind.Fostering, "Sam Patel", null, EnquirySource.Campaign, null, new(2025, 1, 1), null,
            null, null, null, null, null, new(2025, 1, 5), null, null, false);

        var errors = FosteringService.Validate(o, new(2025, 6, 1));

        Assert.Contains(nameof(o.CampaignId), errors.Keys);
        Assert.Contains(nameof(o.LeftReason), errors.Keys);
    }
}

public sealed class AdoptionTimelinessTests
{
    [Fact]
    public void For_HandWorkedAdoption_CountsDaysAgainstThresholds()
    {
        // Care 10 Jan 2023 -> placed 1 Mar 2024 (2024 is a leap year): 365 + 51 = 416 days.
        // Placement order 1 Sep 2023 -> match 15 Jan 2024: 122 + 14 = 136 days.
        var t = AdoptionTimeliness.For(new(2023, 1, 10), new(2023, 9, 1), new(2024, 1, 15), new(2024, 3, 1), new(2024, 3, 1));

        Assert.Equal(416, t.EntryToMovedIn);
        Assert.Equal(416, t.EntryToMovedInA10);
        Assert.Equal(136, t.PlacementOrderToMatch);
        Assert.True(t.A1Met);
        Assert.False(t.A2Met);
    }

    [Fact]
    public void For_FosterToAdopt_A10StopsWhenChildMovedInWithCarers()
    {
        // Moved in with foster-to-adopt carers 1 Jun 2023 (142 days), placed for adoption 1 Apr 2024 (447 days).
        var t = AdoptionTimeliness.For(new(2023, 1, 10), new(2023, 4, 1), new(2023, 7, 20), new(2024, 4, 1), new(2023, 6, 1));

        Assert.Equal(447, t.EntryToMovedIn);
        Assert.False(t.A1Met);
        Assert.Equal(142, t.EntryToMovedInA10);
        Assert.True(t.A10Met);
        Assert.Equal(110, t.PlacementOrderToMatch);
    }

    [Fact]
    public void Summary_TwoHandWorkedAdoptions_AveragesAndShares()
    {
        var a = AdoptionTimeliness.For(new(2023, 1, 10), new(2023, 9, 1), new(2024, 1, 15), new(2024, 3, 1), new(2024, 3, 1));
        var b = AdoptionTimeliness.For(new(2023, 1, 10), new(2023, 4, 1), new(2023, 7, 20), new(2024, 4, 1), new(2023, 6, 1));

        var s = TimelinessSummary.Of([a, b]);

        Assert.Equal(432, s.AverageA1); // (416 + 447) / 2 = 431.5
        Assert.Equal(279, s.AverageA10); // (416 + 142) / 2
        Assert.Equal(123, s.AverageA2); // (136 + 110) / 2
        Assert.Equal(50.0m, s.A1WithinThreshold);
        Assert.Equal(50.0m, s.A2WithinThreshold);
    }

    [Fact]
    public void Thresholds_ComeFromTheTimescaleRegistry()
    {
        Assert.Equal(426, AdoptionTimeliness.A1Threshold);
        Assert.Equal(121, AdoptionTimeliness.A2Threshold);
    }

    [Fact]
    public void Validate_ApartWithoutReasonAndEarlyPermanenceNotConsidered_AreRefused()
    {
        var o = new AdoptionOptions(new(2024, 1, 1), new(2024, 2, 1), EarlyPermanence.NotConsidered, null, null, null, null, null, null,
            SiblingPlacement.Apart, null);

        var errors = PermanenceService.Validate(o, new(2025, 1, 1));

        Assert.Contains(nameof(o.EarlyPermanence), errors.Keys);
        Assert.Contains(nameof(o.SiblingsReason), errors.Keys);
    }

    [Fact]
    public void EnteredCare_SeveralPeriods_TakesTheLastBeganBeforeTheDecision()
    {
        Assert.Equal(new DateOnly(2023, 5, 1), PermanenceService.EnteredCare([new(2021, 1, 1), new(2023, 5, 1), new(2024, 6, 1)], new(2024, 1, 1)));
    }
}
