using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

/// The same model as HavenDbContext, for reads that feed figures, dashboards and statutory returns.
/// It connects to ConnectionStrings:HavenReporting when set (a PostgreSQL streaming replica, which
/// may lag the primary by a moment), otherwise to the primary. It never writes: saving throws, so a
/// report cannot change a record by mistake, and on a replica the server would refuse anyway.
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : HavenDbContext(options)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw ReadOnly();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw ReadOnly();

    private static InvalidOperationException ReadOnly() =>
        new("The reporting database is read-only: record changes through HavenDbContext.");
}
