using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Haven.Core.Data;

/// Two independent groups of reads at once, on the context given and on a second context of the same
/// kind and options (its own connection), for the statutory returns on PostgreSQL: there the process
/// mostly waits while the server reads a large table, and the server has another core. A DbContext is
/// not thread-safe, so each group reads through its own. On SQLite (one file, and an in-memory test
/// database a second connection could not see), when the caller's context is in a transaction a
/// second connection would not share, or when it was given a connection object (not a connection
/// string), both groups run one after the other on the context given.
public static class ParallelReads
{
    public static async Task<(TFirst, TSecond)> BothAsync<TFirst, TSecond>(HavenDbContext db,
        Func<HavenDbContext, Task<TFirst>> first, Func<HavenDbContext, Task<TSecond>> second)
    {
        await using var other = Sibling(db);
        if (other is null) return (await first(db), await second(db));
        var a = first(db);
        var b = second(other);
        try
        {
            return (await a, await b);
        }
        finally
        {
            // Neither context may be left mid-query when this returns (or throws).
            await Task.WhenAll(a, b).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// Whether BothAsync would run its groups at once for this context (PostgreSQL, outside a
    /// transaction, from a connection string): a caller may split a read only where that pays.
    public static bool AtOnce(HavenDbContext db) =>
        db.Database.IsNpgsql() && db.Database.CurrentTransaction is null
        // A context given a connection object rather than a connection string would share it.
        && RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).Connection is null;

    private static HavenDbContext? Sibling(HavenDbContext db)
    {
        if (!AtOnce(db)) return null;
        var options = db.GetService<IDbContextOptions>();
        return options switch
        {
            DbContextOptions<ReportingDbContext> reporting => new ReportingDbContext(reporting),
            DbContextOptions<HavenDbContext> haven when db.GetType() == typeof(HavenDbContext) => new HavenDbContext(haven),
            _ => null,
        };
    }
}
