using System.Data.Common;
using Haven.Core.Access;
using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.Returns.Cin;
using Haven.Core.Search;
using Haven.Core.Workforce;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Core.Tests.Data;

/// The plans SQLite chooses for the queries of the busiest pages, checked on an empty database:
/// without ANALYZE statistics SQLite plans from the schema alone, so an empty database gets the plan
/// a 50,000-child borough gets. A full scan of a large table here was seconds at 50,000 children.
public sealed class QueryPlanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"haven-plans-{Guid.NewGuid():N}");
    private readonly Capture _capture = new();

    public QueryPlanTests()
    {
        Directory.CreateDirectory(_folder);
        using var db = Open();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task ChildSearch_ByName_StartsFromTheSearchKeysNotEveryPerson()
    {
        await using var db = Open();
        var worker = new CurrentWorker("sw", 1, HavenRole.SocialWorker, 1, 1, "Worker");
        var search = new ChildSearch(db, new ChildAccess(db, TimeProvider.System, new InvolvementCareSpans(db)), TimeProvider.System);
        _capture.Commands.Clear();

        await search.SearchAsync(worker, ChildSearchQuery.Parse("Khan"));

        // One lookup per kind of key (the exact name, then the start of a longer name, then sound-alikes),
        // as nobody is found by the stronger kinds.
        var lookups = _capture.Commands.Where(c => c.Contains("\"PersonSearchKeys\"")).ToList();
        Assert.Equal(3, lookups.Count);
        foreach (var candidates in lookups)
        {
            var plan = Plan(db, candidates);
            Assert.DoesNotContain(plan, line => line == "SCAN p" || line.StartsWith("SCAN p ", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains("PersonSearchKeys", StringComparison.Ordinal) || line.Contains("sqlite_autoindex_PersonSearchKeys", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CinCensus_ForAFewChildren_ReadsAssessmentsAndEnquiriesByReferral()
    {
        await using var db = await WithOneReferralAsync();
        _capture.Commands.Clear();

        await CinCensusBuilder.BuildAsync(db, 2026, onlyChildren: [1, 2, 3]);

        foreach (var table in new[] { "Assessments", "Section47Enquiries" })
        {
            var command = _capture.Commands.First(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal));
            var plan = Plan(db, command);
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains($"IX_{table}_ReferralId", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CinCensus_ForAFewChildren_ReadsInitialConferencesByChildNotEveryOneWithoutAnEnquiry()
    {
        await using var db = await WithOneReferralAsync();
        _capture.Commands.Clear();

        await CinCensusBuilder.BuildAsync(db, 2026, onlyChildren: [1, 2, 3]);

        var command = _capture.Commands.Single(c => c.Contains("FROM \"ChildProtectionConferences\"", StringComparison.Ordinal)
            && c.Contains("'Initial'", StringComparison.Ordinal));
        var plan = Plan(db, command);
        Assert.DoesNotContain(plan, line => line.Contains("Section47EnquiryId", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("IX_ChildProtectionConferences_ChildId_Date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CinCensus_NoEpisodeInTheYear_ReadsNothingButTheReferrals()
    {
        await using var db = Open();
        _capture.Commands.Clear();

        var census = await CinCensusBuilder.BuildAsync(db, 2026, onlyChildren: [1, 2, 3]);

        Assert.Empty(census.Children);
        Assert.Contains("FROM \"Referrals\"", Assert.Single(_capture.Commands), StringComparison.Ordinal);
    }

    /// One episode of need in the 2025-26 year (child 1, not otherwise recorded), so the census reads on past its referrals.
    private async Task<HavenDbContext> WithOneReferralAsync()
    {
        var db = Open();
        await db.Database.ExecuteSqlRawAsync("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO "Referrals" ("ChildId", "IsReReferral", "NoFurtherAction", "RecordedAt", "ReferralDate", "SourceCode", "Version")
            VALUES (1, 0, 0, '2025-06-02 00:00:00', '2025-06-02', '1A', '6f1c1c1e-0000-4000-8000-000000000001');
            """);
        return db;
    }

    /// Configured as the app is (HavenDatabase), so the plans are those of the SQL the app sends.
    private HavenDbContext Open()
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "haven.db")}"));
        return new(options.AddInterceptors(_capture).Options);
    }

    /// EXPLAIN QUERY PLAN of a logged command, its parameters bound to NULL (the plan does not depend on them).
    private static List<string> Plan(HavenDbContext db, string commandText)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + commandText;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(commandText, @"@\w+"))
            if (!explain.Parameters.Contains(m.Value)) explain.Parameters.AddWithValue(m.Value, DBNull.Value);
        var lines = new List<string>();
        using var reader = explain.ExecuteReader();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return lines;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class Capture : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
