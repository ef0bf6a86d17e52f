using System.Data.Common;
using Haven.Core.Access;
using Haven.Core.InformationGovernance;
using Haven.Core.Tests.Synthetic;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Tests.Access;

/// The access log holds about five entries per case note: 8.9 million at 50,000 children with ten
/// years of history. What reads it must find its entries by an index, never read the log whole:
/// the subject access request's "who has viewed this record" list, and `audit verify`, which walks
/// the log one page at a time by its key. SQLite plans from the schema and the SQL (Haven keeps no
/// statistics), so an empty database's plan is the large one's (checked on the ten-year 50,000
/// borough: the same plans).
public sealed class AccessLogPlanTests
{
    [Fact]
    public async Task WhoViewedARecord_SearchesTheChildIndex_NotTheWholeLog()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();

        var plan = await PlanAsync(db, SubjectAccessGatherer.Viewed(db, 42).ToQueryString());

        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH", StringComparison.Ordinal) && line.Contains("IX_AccessLog_ChildId_At", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditVerify_ReadsOnePageByTheKey_NotTheWholeLog()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();

        var plan = await PlanAsync(db, AccessLogVerifier.PageAfter(db, 5000, 5000).ToQueryString());

        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.StartsWith("SEARCH", StringComparison.Ordinal) && line.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal));
    }

    /// EXPLAIN QUERY PLAN of the SQL EF would send, with its parameters (ToQueryString writes them as `.param set` lines).
    private static async Task<List<string>> PlanAsync(Haven.Core.Data.HavenDbContext db, string query)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in query.Split('\n'))
        {
            if (line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var parts = line[".param set ".Length..].Trim().Split(' ', 2);
                explain.Parameters.Add(new SqliteParameter(parts[0], parts[1].Trim('\'')));
            }
            else sql.Add(line);
        }
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql);
        var plan = new List<string>();
        await using DbDataReader reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        Assert.NotEmpty(plan);
        return plan;
    }
}
