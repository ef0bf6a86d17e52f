using Haven.Core.ChildInNeed;
using Haven.Core.Oversight;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanOutcome> PlanOutcomes => Set<PlanOutcome>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<ChildInNeedPlan> ChildInNeedPlans => Set<ChildInNeedPlan>();
    public DbSet<ChildInNeedPlanReview> ChildInNeedPlanReviews => Set<ChildInNeedPlanReview>();
    public DbSet<OversightEntry> OversightEntries => Set<OversightEntry>();
    public DbSet<OversightAction> OversightActions => Set<OversightAction>();
    public DbSet<SupervisionSession> SupervisionSessions => Set<SupervisionSession>();
}
