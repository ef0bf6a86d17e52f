namespace Haven.Core.Fostering;

public sealed record StageFigure(RecruitmentStage Stage, int Reached, decimal? OfPrevious, decimal? OfEnquiries);

public sealed record CohortFigure(string Label, int Enquiries, int Applications, int Approvals, int StillInProgress)
{
    /// Enquiry to application: the figure councils and Ofsted cite (nationally about 6% in 2022-23).
    public decimal? ApplicationRate => Conversion.Rate(Applications, Enquiries);
    public decimal? ApprovalRate => Conversion.Rate(Approvals, Enquiries);
}

public sealed record LeavingFigure(RecruitmentStage LeftAfter, LeavingReason? Reason, int Count);

/// Conversion through the recruitment funnel, counted by the cohort of enquiries: of the households
/// who enquired, how many reached each step. Rates are percentages rounded to one decimal place;
/// null when there is nothing to divide by. Enquiries still open count as enquiries (they lower the
/// rate of a recent cohort until they finish), and are shown separately so that is visible.
public static class Conversion
{
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<StageFigure> ByStage(IReadOnlyCollection<FunnelEntry> entries)
    {
        var stages = Enum.GetValues<RecruitmentStage>();
        var reached = stages.Select(s => entries.Count(e => e.Furthest >= s)).ToArray();
        return stages.Select((s, i) => new StageFigure(s, reached[i], i == 0 ? null : Rate(reached[i], reached[i - 1]), Rate(reached[i], reached[0]))).ToList();
    }

    public static CohortFigure Cohort(string label, IReadOnlyCollection<FunnelEntry> entries) => new(label, entries.Count,
        entries.Count(e => e.Furthest >= RecruitmentStage.Application), entries.Count(e => e.Furthest == RecruitmentStage.Approval),
        entries.Count(e => !e.Left && e.Furthest != RecruitmentStage.Approval));

    /// One row per campaign (in the order given) and one for enquiries from any other source.
    public static IReadOnlyList<CohortFigure> ByCampaign(IReadOnlyCollection<FunnelEntry> entries, IReadOnlyList<(int Id, string Name)> campaigns)
    {
        var rows = campaigns.Select(c => Cohort(c.Name, entries.Where(e => e.CampaignId == c.Id).ToList())).ToList();
        rows.Add(Cohort("Not from a campaign", entries.Where(e => e.CampaignId is null).ToList()));
        return rows;
    }

    /// By financial year (1 April to 31 March) of the enquiry, oldest first.
    public static IReadOnlyList<CohortFigure> ByYear(IReadOnlyCollection<FunnelEntry> entries) =>
        entries.GroupBy(e => FinancialYear(e.EnquiryDate)).OrderBy(g => g.Key)
            .Select(g => Cohort($"{g.Key}-{(g.Key + 1) % 100:00}", g.ToList())).ToList();

    public static IReadOnlyList<CohortFigure> BySource(IReadOnlyCollection<FunnelEntry> entries) =>
        Enum.GetValues<EnquirySource>().Select(s => Cohort(s.ToString(), entries.Where(e => e.Source == s).ToList())).Where(c => c.Enquiries > 0).ToList();

    /// Where and why households left: the last step they reached and the reason, most common first.
    public static IReadOnlyList<LeavingFigure> Leaving(IReadOnlyCollection<FunnelEntry> entries) =>
        entries.Where(e => e.Left).GroupBy(e => (e.Furthest, e.Reason))
            .Select(g => new LeavingFigure(g.Key.Furthest, g.Key.Reason, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.LeftAfter).ToList();

    public static int FinancialYear(DateOnly d) => d.Month >= 4 ? d.Year : d.Year - 1;
}
