using System.Diagnostics;
using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Api;
using Haven.Core.Data;
using Haven.Core.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Haven.Bench;

/// What the load is aimed at: real children the demo social worker may open.
public sealed record Targets(int SummaryChildId, int ChronologyChildId, int ChronologyEvents, string SearchTerm, string ApiToken);

/// The benchmark's database: generated once per size and provider, then reused. Its access-log
/// anchor lives in AnchorPath, which the benchmark's server is told to use (HavenServer.Settings).
public sealed class Borough(DatabaseSettings settings, string? folder = null)
{
    /// Where this borough's access-log anchor is kept: beside a SQLite file (the server's own
    /// default), and for PostgreSQL in the benchmark's folder, named by server and database. The
    /// server's default for PostgreSQL is under data/ in its working directory, which the
    /// benchmark does not choose, so the server is given this path instead.
    public string AnchorPath => settings.Provider == DatabaseProvider.Sqlite
        ? AccessLogAnchor.DefaultPath(settings)
        : Path.Combine(Path.GetFullPath(folder ?? "."), Path.GetFileName(AccessLogAnchor.DefaultPath(settings)));

    /// The server settings that go with this borough (its anchor's path).
    public IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string> { ["Haven__Audit__AnchorPath"] = AnchorPath };

    private HavenDbContext Open()
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        return new HavenDbContext(options.Options);
    }

    /// The years of history a borough of this size has unless told otherwise: ten for the largest
    /// council (issue 11: "about 50,000 children with ten years of history"), the generator's
    /// default below that.
    public static int DefaultYears(int children) => children >= 50_000 ? 10 : new BoroughOptions().Years;

    /// Whether a generated borough of this size gets the access-log history: yes for a council
    /// (50,000 children: about 9 million entries), no for a region (500,000: about 90 million,
    /// hours of writing on this machine, and nothing the benchmark measures reads it).
    public static bool DefaultAccessLog(int children) => children < 200_000;

    /// "50000", or "50000-10y" when the years are not the generator's default.
    public static string Name(int children, int years) => years == new BoroughOptions().Years ? $"{children}" : $"{children}-{years}y";

    /// Deletes a SQLite borough with its journal files and its access-log anchor (and any anchors
    /// set aside as evidence against it: they were about the database being deleted).
    public static void DeleteSqlite(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".access-log-anchor" }) File.Delete(file + suffix);
        var folder = Path.GetDirectoryName(file)!;
        foreach (var evidence in Directory.GetFiles(folder, Path.GetFileName(file) + ".access-log-anchor.mismatch-*")) File.Delete(evidence);
    }

    /// Migrates, and generates the borough unless it is already there. Returns the time the
    /// generation took, or null when an existing borough was reused.
    public async Task<TimeSpan?> EnsureAsync(int children, int years, bool accessLog, int seed, DateOnly today, TextWriter log, CancellationToken ct)
    {
        await using var db = Open();
        await HavenDatabase.MigrateAsync(db, ct);
        if (await db.People.IgnoreQueryFilters().AnyAsync(ct))
        {
            log.WriteLine("Reusing the borough already in the database (delete it, or pass --fresh, to time generation).");
            return null;
        }
        var clock = Stopwatch.StartNew();
        await BoroughGenerator.GenerateAsync(db, new BoroughOptions { Children = children, Years = years, Seed = seed, Today = today, AccessLogHistory = accessLog },
            new Progress<string>(m => log.WriteLine("  " + m)), ct);
        var elapsed = clock.Elapsed;
        // The generated history is the log now: anchor it at its last entry where the server will
        // look (on either provider), so that `audit verify` can tell if its tail is cut, and an
        // anchor left by an earlier borough of this name is replaced rather than set aside by the
        // server's first write as evidence of a cut log.
        await new AccessLogAnchor(AnchorPath).AnchorAtTailAsync(db, ct);
        return elapsed;
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
            .Select(a => a.ChildId).Distinct().OrderBy(id => id).ToListAsync(ct);
        if (caseload.Count == 0) throw new InvalidOperationException("demo.socialworker has no children allocated");
        // The benchmark's own notes (the add-note scenario, "Benchmark ...") are not counted, so a
        // borough measured again picks the same children: otherwise the child written to last time
        // becomes the busiest and every target moves.
        var busiest = await db.CaseNotes.Where(n => caseload.Contains(n.ChildId) && !n.Subject.StartsWith("Benchmark")).GroupBy(n => n.ChildId)
            .Select(g => new { ChildId = g.Key, Notes = g.Count() }).OrderByDescending(g => g.Notes).ThenBy(g => g.ChildId).FirstAsync(ct);
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
