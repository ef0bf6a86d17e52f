using System.Diagnostics;
using Haven.Core.Allocations;
using Haven.Core.Api;
using Haven.Core.Data;
using Haven.Core.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Haven.Bench;

/// What the load is aimed at: real children the demo social worker may open.
public sealed record Targets(int SummaryChildId, int ChronologyChildId, int ChronologyEvents, string SearchTerm, string ApiToken);

/// The benchmark's database: generated once per size and provider, then reused.
public sealed class Borough(DatabaseSettings settings)
{
    private HavenDbContext Open()
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        return new HavenDbContext(options.Options);
    }

    /// Migrates, and generates the borough unless it is already there. Returns the time the
    /// generation took, or null when an existing borough was reused.
    public async Task<TimeSpan?> EnsureAsync(int children, int seed, DateOnly today, TextWriter log, CancellationToken ct)
    {
        await using var db = Open();
        await HavenDatabase.MigrateAsync(db, ct);
        if (await db.People.IgnoreQueryFilters().AnyAsync(ct))
        {
            log.WriteLine("Reusing the borough already in the database (delete it, or pass --fresh, to time generation).");
            return null;
        }
        var clock = Stopwatch.StartNew();
        await BoroughGenerator.GenerateAsync(db, new BoroughOptions { Children = children, Seed = seed, Today = today },
            new Progress<string>(m => log.WriteLine("  " + m)), ct);
        return clock.Elapsed;
    }

    /// After the server has started (and so created the demo accounts): an API token for the demo
    /// social worker, the child on their caseload with the most recorded history, and a surname to search.
    public async Task<Targets> PickTargetsAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = Open();
        var user = await db.Users.SingleAsync(u => u.UserName == "demo.socialworker", ct);
        var workerId = user.WorkerId ?? throw new InvalidOperationException("demo.socialworker has no worker");
        var caseload = await db.Allocations.Where(a => a.WorkerId == workerId && a.Kind == AllocationKind.SocialWorker
                && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => a.ChildId).Distinct().ToListAsync(ct);
        if (caseload.Count == 0) throw new InvalidOperationException("demo.socialworker has no children allocated");
        var busiest = await db.CaseNotes.Where(n => caseload.Contains(n.ChildId)).GroupBy(n => n.ChildId)
            .Select(g => new { ChildId = g.Key, Notes = g.Count() }).OrderByDescending(g => g.Notes).FirstAsync(ct);
        var quietest = caseload.First(id => id != busiest.ChildId || caseload.Count == 1);
        var surname = await db.People.Where(p => p.Id == quietest).Select(p => p.LastName).SingleAsync(ct);

        var token = ApiToken.NewToken();
        var now = DateTime.UtcNow;
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id, Name = "benchmark", TokenHash = ApiToken.Hash(token), Prefix = token[..12], CreatedAt = now, ExpiresAt = now.AddDays(1),
        });
        await db.SaveChangesAsync(ct);
        return new Targets(quietest, busiest.ChildId, busiest.Notes, surname, token);
    }

    public async Task<long> CountAsync(Func<HavenDbContext, Task<int>> count)
    {
        await using var db = Open();
        return await count(db);
    }
}
