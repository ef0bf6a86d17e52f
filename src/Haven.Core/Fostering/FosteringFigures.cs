using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Fostering;

public sealed record FunnelFigures(ApplicantKind Kind, IReadOnlyList<StageFigure> ByStage, IReadOnlyList<CohortFigure> ByCampaign,
    IReadOnlyList<CohortFigure> ByYear, IReadOnlyList<CohortFigure> BySource, IReadOnlyList<LeavingFigure> Leaving);

/// Loads the funnel and works out the conversion figures (Conversion has the arithmetic).
public sealed class FosteringFigures(HavenDbContext db)
{
    public async Task<FunnelFigures> LoadAsync(ApplicantKind kind, CancellationToken ct)
    {
        var rows = await db.RecruitmentEnquiries.AsNoTracking().Where(e => e.Kind == kind).ToListAsync(ct);
        var entries = rows.Select(r => r.ToEntry()).ToList();
        var campaigns = await db.RecruitmentCampaigns.AsNoTracking().Where(c => c.Kind == kind).OrderBy(c => c.StartDate)
            .Select(c => new { c.Id, c.Name, c.StartDate, c.EndDate }).ToListAsync(ct);
        var named = campaigns.Select(c => (c.Id, $"{c.Name} ({c.StartDate:MMM yyyy}{(c.EndDate is { } e ? $" to {e:MMM yyyy}" : "")})")).ToList();
        return new(kind, Conversion.ByStage(entries), Conversion.ByCampaign(entries, named), Conversion.ByYear(entries),
            Conversion.BySource(entries), Conversion.Leaving(entries));
    }
}
