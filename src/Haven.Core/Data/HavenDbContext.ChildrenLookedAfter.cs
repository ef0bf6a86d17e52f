using Haven.Core.ChildrenLookedAfter;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<PeriodOfCare> PeriodsOfCare => Set<PeriodOfCare>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<StatutoryVisit> StatutoryVisits => Set<StatutoryVisit>();
    public DbSet<LookedAfterReview> LookedAfterReviews => Set<LookedAfterReview>();
    public DbSet<IroVisit> IroVisits => Set<IroVisit>();
    public DbSet<ContactArrangement> ContactArrangements => Set<ContactArrangement>();
    public DbSet<ContactSession> ContactSessions => Set<ContactSession>();
    public DbSet<PreProceedings> PreProceedings => Set<PreProceedings>();
    public DbSet<CareProceedings> CareProceedings => Set<CareProceedings>();
    public DbSet<CourtHearing> CourtHearings => Set<CourtHearing>();
}
