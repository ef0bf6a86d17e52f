using System.Globalization;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.DfeFeed;

/// Why each purge marker goes: the local change behind it, read from the record as it is now (a
/// child's record deleted, a period of care corrected, a referral or plan no longer recorded, a
/// child whose last episode closed before the cohort window). Written with the send into the
/// access log and against the child, so an analyst can see why the DfE was told to delete data.
public static class DfeFeedPurges
{
    /// The purge markers in a payload as (what, id): "child", "episode", "assessment", "CIN plan",
    /// "section 47", "CP plan", "placement", "adoption", "care leaver", "health".
    public static IReadOnlyList<(string What, string Id)> In(DfeChild child)
    {
        var found = new List<(string, string)>();
        if (child.Purge == true) return [("child", child.LaChildId)];
        if (child.HealthAndWellbeing?.Purge == true) found.Add(("health", child.LaChildId));
        foreach (var e in child.SocialCareEpisodes ?? [])
        {
            if (e.Purge == true) { found.Add(("episode", e.SocialCareEpisodeId)); continue; }
            found.AddRange((e.ChildAndFamilyAssessments ?? []).Where(x => x.Purge == true).Select(x => ("assessment", x.ChildAndFamilyAssessmentId)));
            found.AddRange((e.ChildInNeedPlans ?? []).Where(x => x.Purge == true).Select(x => ("CIN plan", x.ChildInNeedPlanId)));
            found.AddRange((e.Section47Assessments ?? []).Where(x => x.Purge == true).Select(x => ("section 47", x.Section47AssessmentId)));
            found.AddRange((e.ChildProtectionPlans ?? []).Where(x => x.Purge == true).Select(x => ("CP plan", x.ChildProtectionPlanId)));
            found.AddRange((e.ChildLookedAfterPlacements ?? []).Where(x => x.Purge == true).Select(x => ("placement", x.ChildLookedAfterPlacementId)));
            if (e.Adoption?.Purge == true) found.Add(("adoption", e.SocialCareEpisodeId));
            if (e.CareLeavers?.Purge == true) found.Add(("care leaver", e.SocialCareEpisodeId));
        }
        return found;
    }

    /// One sentence per purge marker of the child: what goes and the local change that caused it.
    public static async Task<IReadOnlyList<string>> ExplainAsync(HavenDbContext db, int childId, DfeChild payload, DateOnly windowStart, CancellationToken ct)
    {
        var causes = new List<string>();
        foreach (var (what, id) in In(payload))
            causes.Add($"{Describe(what, id)}: {await CauseAsync(db, childId, what, id, windowStart, ct)}");
        return causes;
    }

    private static string Describe(string what, string id) => what switch
    {
        "child" => $"all data for {id}",
        "health" => "the SDQ scores",
        "adoption" => $"the adoption block of episode {id}",
        "care leaver" => $"the care leaver block of episode {id}",
        _ => $"{what} {id}",
    };

    private static async Task<string> CauseAsync(HavenDbContext db, int childId, string what, string id, DateOnly windowStart, CancellationToken ct)
    {
        var key = int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : (int?)null;
        const string deleted = "deleted from Haven (the record no longer exists)";
        var before = $"closed before {Day(windowStart)}, the start of the feed's window";
        switch (what)
        {
            case "child":
            {
                var person = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == childId)
                    .Select(p => new { p.DeletedAt, p.DeletionReason }).FirstOrDefaultAsync(ct);
                if (person is null) return "the child's record no longer exists";
                if (person.DeletedAt is { } at) return $"the child's record was deleted on {Day(at)}: {person.DeletionReason}";
                var referrals = await db.Referrals.CountAsync(r => r.ChildId == childId, ct);
                var episodes = await db.Episodes.CountAsync(e => e.ChildId == childId && e.SupersededAt == null, ct);
                return referrals + episodes == 0
                    ? "left scope: the child's referrals and episodes of care were deleted"
                    : $"left scope: no episode of need or of care open since {Day(windowStart)}";
            }
            case "episode" when id.StartsWith('L'):
                return "the placements are now reported under the child's referral";
            case "episode":
            {
                var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == key).Select(r => new { r.ClosureDate }).FirstOrDefaultAsync(ct);
                return referral is null ? deleted : referral.ClosureDate is { } c && c < windowStart ? before : "no longer reported in the CIN census";
            }
            case "assessment":
                return await db.Assessments.AnyAsync(a => a.Id == key, ct) ? "no longer reported in the CIN census" : deleted;
            case "CIN plan":
                return await db.ChildInNeedPlans.AnyAsync(p => p.PlanId == key, ct) ? "no longer reported in the CIN census" : deleted;
            case "section 47":
                return await db.Section47Enquiries.AnyAsync(s => s.Id == key, ct) ? "no longer reported in the CIN census" : deleted;
            case "CP plan":
                return await db.ChildProtectionPlans.AnyAsync(p => p.Id == key, ct) ? "no longer reported in the CIN census" : deleted;
            case "placement":
            {
                var period = await db.Episodes.AsNoTracking().Where(e => e.Id == key).Select(e => (int?)e.PeriodOfCareId).FirstOrDefaultAsync(ct);
                if (period is null) return deleted;
                var correction = await db.Episodes.AsNoTracking().Where(e => e.PeriodOfCareId == period && e.SupersededAt != null)
                    .OrderByDescending(e => e.SupersededAt).Select(e => new { e.SupersededAt, e.CorrectionReason }).FirstOrDefaultAsync(ct);
                return correction is null
                    ? "no longer reported in the SSDA903"
                    : $"removed when the period of care was changed on {Day(correction.SupersededAt!.Value)}"
                      + (string.IsNullOrWhiteSpace(correction.CorrectionReason) ? "" : $" (correction: {correction.CorrectionReason})");
            }
            case "adoption":
                return "no decision that the child should be placed for adoption is reported now";
            case "care leaver":
                return "no longer in the care leaver cohort (or the block moved to a later episode)";
            case "health":
                return "no SDQ score recorded in the window now";
            default:
                return "no longer reported";
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
