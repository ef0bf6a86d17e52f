using Haven.Core.InformationGovernance;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();
    public DbSet<SubjectAccessRelease> SubjectAccessReleases => Set<SubjectAccessRelease>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
    public DbSet<DestructionDecision> DestructionDecisions => Set<DestructionDecision>();
}
