using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Haven.Bench;
using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Every SQL command the benchmark's pages send (My work, child search, child summary, chronology,
/// team view, performance dashboard, the API's child record and adding a case note), captured from
/// EF's command events while the pages are loaded through HTTP on a demo borough, and each one's
/// `EXPLAIN QUERY PLAN` taken with the parameters it was sent with. A full scan of a table that
/// grows with the council fails the test: at 50,000 children one such scan (104,582 allocations,
/// 1.6 million case notes) costs more than the whole page should.
///
/// SQLite only. The borough is small, but SQLite plans without statistics (Haven never runs
/// ANALYZE; the 50,000 borough has no sqlite_stat1), so it plans from the schema and the SQL alone:
/// the plans here are the 50,000 borough's (checked: set HAVEN_PLAN_CHECK_DB to a copy of a large
/// borough and every captured command is planned there too and must plan the same). PostgreSQL
/// plans from its statistics, so a small database's plans say nothing about a large one's; its
/// plans are checked on the generated large databases with EXPLAIN (ANALYZE, BUFFERS) instead.
public sealed partial class BenchPagePlanTests(DemoApp app) : IClassFixture<DemoApp>
{
    /// Tables a page may read whole, and why. Every other table grows with the council's children,
    /// staff or history, and a SCAN of it fails the test.
    private static readonly Dictionary<string, string> SmallTables = new(StringComparer.Ordinal)
    {
        ["Teams"] = "one row per team (tens)",
        ["Services"] = "one row per service area (a handful)",
        ["Workers"] = "one row per member of staff (hundreds at 50,000 children)",
        ["AspNetUsers"] = "one row per sign-in (hundreds)",
        ["AspNetRoles"] = "one row per role",
        ["AspNetUserRoles"] = "one row per sign-in",
        ["Settings"] = "configuration rows",
        ["AdoptionCases"] = "one row per adoption (184 at 50,000 children); the sealed ones are read to hide them",
    };

    /// Scans a page is meant to make, and why.
    private static readonly Dictionary<string, (string[] Tables, string Reason)> IntendedScans = new(StringComparer.Ordinal)
    {
        ["performance dashboard"] = (
            ["PeriodsOfCare", "ChildProtectionPlans", "Allocations", "Assessments", "ContactChildren", "Involvements",
             "MissingEpisodes", "Referrals", "Section47Enquiries"],
            "council-wide measures over every child in the twelve months, computed once and kept (PerformanceCache) until a record changes"),
        ["front door"] = (["ContactChildren"],
            "all of IX_ContactChildren_AwaitingSignOff, a partial index that holds only the children not yet signed off"),
        ["quality audits"] = (["CaseAudits"],
            "read newest first along IX_CaseAudits_AuditedOn_Id, stopping at the page's 100 readable audits (LIMIT), not sorted whole"),
    };

    /// Scans left to mend, not meant: these pages are planned here so that the scan they no longer make
    /// (every person's access tested, to list the visible children first) cannot come back, and what
    /// they still read whole is written down. At 50,000 children each page takes 10-20 ms with them.
    private static readonly Dictionary<string, (string[] Tables, string Reason)> KnownScans = new(StringComparer.Ordinal)
    {
        ["exploitation panel"] = (["PanelMeetings", "MissingEpisodes", "Associations"],
            "the last meeting's date, interviews shared since then and new links to risk: no index on ReturnHomeInterviews.SharedAt or Associations.StartDate"),
        ["new panel meeting"] = (["MissingEpisodes", "Associations"], "as the panel (the same candidates)"),
        ["children with many social workers"] = (["Allocations"], "every social worker allocation running in the year, counted per child"),
    };

    [Fact]
    public async Task BenchmarkPages_ScanNoLargeTable()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, app.ConnectionString);
        var targets = await new Borough(settings).PickTargetsAsync(today, CancellationToken.None);
        using var worker = await SignInAsync("demo.socialworker");
        using var manager = await SignInAsync("demo.teammanager");
        using var mash = await SignInAsync("demo.mashworker");
        using var lado = await SignInAsync("demo.lado");
        using var api = app.NewClient();
        api.DefaultRequestHeaders.Add("Authorization", "Bearer " + targets.ApiToken);
        // Record pages that read a record with its lists and their people (a collection with ThenInclude):
        // in one statement SQLite reads the whole of the list's table for them (a LEFT JOIN to a join).
        var (contactId, noteId, sessionId, ladoCaseId) = await app.Data.WithDbAsync(async db =>
        {
            var managerTeam = await db.Users.Where(u => u.UserName == "demo.teammanager")
                .Select(u => db.Workers.Where(w => w.Id == u.WorkerId).Select(w => w.TeamId).First()).FirstAsync();
            return (await db.ContactChildren.OrderByDescending(c => c.Id).Select(c => c.ContactId).FirstAsync(),
                await db.CaseNotes.Where(n => n.ChildId == targets.SummaryChildId).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(),
                await db.SupervisionSessions.Where(s => db.Workers.Any(w => w.Id == s.WorkerId && w.TeamId == managerTeam)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                await db.LadoCases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        });

        var pages = new (string Name, Func<Task<HttpResponseMessage>> Load, HttpStatusCode Expected)[]
        {
            ("My work", () => worker.GetAsync("/"), HttpStatusCode.OK),
            ("child search", () => worker.GetAsync("/children?q=" + Uri.EscapeDataString(targets.SearchTerm)), HttpStatusCode.OK),
            ("child summary", () => worker.GetAsync($"/children/{targets.SummaryChildId}"), HttpStatusCode.OK),
            ("chronology", () => worker.GetAsync($"/children/{targets.ChronologyChildId}/chronology"), HttpStatusCode.OK),
            ("team view", () => manager.GetAsync("/team"), HttpStatusCode.OK),
            ("performance dashboard", () => manager.GetAsync("/performance"), HttpStatusCode.OK),
            // Not a bench page, but the register lists grow with the council: the names are read for the
            // children on the registers only (it scanned every person, testing each one's access).
            ("inclusion registers", () => manager.GetAsync("/inclusion"), HttpStatusCode.OK),
            // Nor these: the audit lists test each audit's child, newest first, instead of first listing
            // every readable child (a scan of People).
            ("quality audits", () => manager.GetAsync("/quality/audits"), HttpStatusCode.OK),
            ("audit moderation", () => manager.GetAsync("/quality/moderation"), HttpStatusCode.OK),
            ("front door", () => mash.GetAsync("/front-door"), HttpStatusCode.OK),
            ("exploitation network", () => worker.GetAsync("/network"), HttpStatusCode.OK),
            ("exploitation panel", () => worker.GetAsync("/mega"), HttpStatusCode.OK),
            ("new panel meeting", () => worker.GetAsync("/mega/new"), HttpStatusCode.OK),
            ("children with many social workers", () => manager.GetAsync("/workforce/children"), HttpStatusCode.OK),
            ("front door contact", () => mash.GetAsync($"/front-door/contacts/{contactId}"), HttpStatusCode.OK),
            ("case note", () => worker.GetAsync($"/children/{targets.SummaryChildId}/notes/{noteId}"), HttpStatusCode.OK),
            ("supervision record", () => manager.GetAsync($"/team/supervision/{sessionId}"), HttpStatusCode.OK),
            ("LADO case", () => lado.GetAsync($"/lado/{ladoCaseId}"), HttpStatusCode.OK),
            ("API child record", () => api.GetAsync($"/api/v1/children/{targets.SummaryChildId}"), HttpStatusCode.OK),
            ("add a case note", () => api.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", new
            {
                type = "PhoneCall", eventAt = today.AddDays(-1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), subject = "Plan check",
                body = "Written by the query-plan test.", submissionId = Guid.NewGuid(),
            }), HttpStatusCode.Created),
        };

        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var failures = new List<string>();
        var planned = 0;
        await using var explain = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await explain.OpenAsync();
        var tables = Tables(explain);
        var large = OtherDatabase();
        var dump = Environment.GetEnvironmentVariable("HAVEN_PLAN_DUMP") is { Length: > 0 } dumpPath ? File.CreateText(dumpPath) : null;
        foreach (var (name, load, expected) in pages)
        {
            List<Captured> commands;
            // Every page asks its due-work sources afresh, so their queries are planned on each page.
            app.Services.GetRequiredService<Haven.Core.MyWork.DueWorkCache>().Clear();
            using (var capture = CommandCapture(file))
            {
                var response = await load();
                Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode}, not {(int)expected}");
                commands = capture.Commands;
            }
            Assert.NotEmpty(commands);
            foreach (var command in commands.DistinctBy(c => c.Sql))
            {
                var plan = Plan(explain, command);
                planned++;
                dump?.WriteLine($"## {name}\n{command.Sql}\n-- {string.Join(", ", command.Parameters.Select(p => $"{p.Name}={p.Value}"))}\n{string.Join("\n", plan)}\n");
                foreach (var table in FullScans(command.Sql, plan).Where(t => tables.Contains(t) && !SmallTables.ContainsKey(t)
                             && !(IntendedScans.TryGetValue(name, out var intended) && intended.Tables.Contains(t))
                             && !(KnownScans.TryGetValue(name, out var known) && known.Tables.Contains(t))))
                    failures.Add($"{name}: scans every row of {table}\n  {command.Sql.ReplaceLineEndings(" ")}\n  plan: {string.Join(" | ", plan)}");
                if (large is not null)
                {
                    var there = Plan(large, command);
                    if (!plan.SequenceEqual(there))
                        failures.Add($"{name}: plans differently on {large.DataSource}\n  {command.Sql.ReplaceLineEndings(" ")}\n  here: {string.Join(" | ", plan)}\n  there: {string.Join(" | ", there)}");
                }
            }
        }
        large?.Dispose();
        dump?.Dispose();
        Assert.True(planned > 100, $"only {planned} distinct commands were planned: the pages did not run their queries");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// How many commands a child's summary may send besides its due work (which DueWorkQueryCountTests
    /// keeps flat): the access check and the view's log entry, the child with their header (one read
    /// of the person, of their open involvements, of their child protection plan), where and with
    /// whom they live, the people and professionals around them, and one read of the allocations for
    /// both who holds the case and the social workers of the year. It was 13 before the header and
    /// the page shared their reads, 11 until the sealed records were no longer read on their own
    /// (they are left out inside the household query, sent only when someone unrelated lives there),
    /// 10 until the child came with their open involvements in one statement, 9 until their child protection
    /// plan (the header's flags) and professionals came in that statement too: 7.
    public const int SummaryQueriesBesideDueWork = 7;

    /// Child search besides its name lookups (one per kind of key it had to ask): the search's access-log
    /// entry. It was 3 while the addresses and the workers were read apart, 2 while they were one statement
    /// after the ranking; now they come with each candidate's row. On SQLite the exact name's holders are
    /// read from the key index as ids, and the rows of those in the worker's reach (ReachCache) in one more
    /// statement.
    public int SearchQueriesBesideLookups => app.Provider == Haven.Core.Data.DatabaseProvider.Sqlite ? 2 : 1;

    /// Adding a case note through the API: the token (with its user, worker and team), the access
    /// check, the insert (the SubmissionId's unique index catches a repeat) and the Change entry in
    /// the access log. It was 7: a separate user read, a look-up of the submission before the
    /// insert, and the saved note read back.
    public const int AddNoteQueries = 4;

    [Fact]
    public async Task SummaryAndNoteWrite_SendNoMoreQueriesThanTheirBudget()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, app.ConnectionString);
        var targets = await new Borough(settings).PickTargetsAsync(today, CancellationToken.None);
        using var worker = await SignInAsync("demo.socialworker");
        using var api = app.NewClient();
        api.DefaultRequestHeaders.Add("Authorization", "Bearer " + targets.ApiToken);
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;

        var sent = new List<string>();
        async Task<int> CountAsync(Func<Task<HttpResponseMessage>> load, HttpStatusCode expected, Action? beforeCounted = null)
        {
            // The first load pays once-only reads (the access log's tail); the second is counted, its
            // due work asked afresh (not from DueWorkCache).
            Assert.Equal(expected, (await load()).StatusCode);
            app.Services.GetRequiredService<Haven.Core.MyWork.DueWorkCache>().Clear();
            beforeCounted?.Invoke();
            using var capture = CommandCapture(file);
            Assert.Equal(expected, (await load()).StatusCode);
            sent.AddRange(capture.Commands.Select(c => c.Sql));
            return capture.Commands.Count;
        }

        var summary = await CountAsync(() => worker.GetAsync($"/children/{targets.SummaryChildId}"), HttpStatusCode.OK);
        var searchFrom = sent.Count;
        // Counted as a search whose keys' holders are not kept (SearchKeyCache): its name lookups are sent.
        var search = await CountAsync(() => worker.GetAsync("/children?q=" + Uri.EscapeDataString(targets.SearchTerm)), HttpStatusCode.OK,
            () => app.Services.GetRequiredService<Haven.Core.Search.SearchKeyCache>().Clear());
        var searchLookups = sent.Skip(searchFrom).Count(sql => sql.Contains("\"PersonSearchKeys\"", StringComparison.Ordinal));
        int dueWork;
        using (var scope = app.Services.CreateScope())
        {
            var due = scope.ServiceProvider.GetRequiredService<Haven.Core.MyWork.DueWork>();
            app.Services.GetRequiredService<Haven.Core.MyWork.DueWorkCache>().Clear();
            using var capture = CommandCapture(file);
            await due.ForChildrenAsync([targets.SummaryChildId]);
            dueWork = capture.Commands.Count;
        }
        // Viewed again with nothing saved in between: the due work is kept (DueWorkCache), no source is asked.
        int summaryKept;
        using (var capture = CommandCapture(file))
        {
            Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/children/{targets.SummaryChildId}")).StatusCode);
            summaryKept = capture.Commands.Count;
        }
        var note = await CountAsync(() => api.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", new
        {
            type = "PhoneCall", eventAt = today.AddDays(-1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), subject = "Count check",
            body = "Written by the query-count test.", submissionId = Guid.NewGuid(),
        }), HttpStatusCode.Created);

        // The sealed records are tested row by row (NOT EXISTS through the ChildId index), never as
        // NOT IN (every sealed record read for each query on PostgreSQL): SealedRecords.
        Assert.DoesNotContain(sent, sql => NotInSealedRecords().IsMatch(sql));
        Assert.True(dueWork > 10, $"the due work sent only {dueWork} commands: it was not measured");
        Assert.True(summary - dueWork <= SummaryQueriesBesideDueWork,
            $"the summary sent {summary} commands, {summary - dueWork} besides its {dueWork} of due work (budget {SummaryQueriesBesideDueWork})");
        Assert.True(note <= AddNoteQueries, $"adding a note sent {note} commands (budget {AddNoteQueries})");
        Assert.True(searchLookups >= 1, "the search sent no name lookup: it was not measured");
        Assert.True(search - searchLookups <= SearchQueriesBesideLookups,
            $"the search sent {search} commands, {search - searchLookups} besides its {searchLookups} name lookups (budget {SearchQueriesBesideLookups}): {string.Join("\n----\n", sent.Skip(searchFrom).Take(search))}");
        Assert.True(summaryKept <= SummaryQueriesBesideDueWork,
            $"the summary viewed again sent {summaryKept} commands: its due work should be kept, leaving at most {SummaryQueriesBesideDueWork}");
    }

    [GeneratedRegex(@"NOT IN \(\s*SELECT [^)]*FROM ""AdoptionCases""", RegexOptions.Singleline)]
    private static partial Regex NotInSealedRecords();

    /// The tables a plan reads whole: "SCAN x" (or "SCAN x USING [COVERING] INDEX i", every entry of an
    /// index), x being a table or its alias in the SQL. Subqueries, CTEs, json_each and constant rows are not tables.
    internal static IEnumerable<string> FullScans(string sql, IReadOnlyList<string> plan)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in TableAlias().Matches(sql)) aliases.TryAdd(m.Groups[2].Value, m.Groups[1].Value);
        foreach (var line in plan)
        {
            if (ScanLine().Match(line) is not { Success: true } scan) continue;
            var name = scan.Groups[1].Value;
            if (aliases.TryGetValue(name, out var table)) yield return table;
            else yield return name;
        }
    }

    private static HashSet<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static List<string> Plan(SqliteConnection connection, Captured command)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value, type) in command.Parameters)
            explain.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value) { SqliteType = type });
        var lines = new List<string>();
        using var reader = explain.ExecuteReader();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return lines;
    }

    /// HAVEN_PLAN_CHECK_DB: a copy of a large borough (opened read-only) to plan every command on too.
    private static SqliteConnection? OtherDatabase()
    {
        var path = Environment.GetEnvironmentVariable("HAVEN_PLAN_CHECK_DB");
        if (string.IsNullOrEmpty(path)) return null;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var http = app.NewClient();
        var form = await http.GetStringAsync("/account/sign-in");
        var token = WebUtility.HtmlDecode(AntiForgery().Match(form).Groups[1].Value);
        var response = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = HavenApp.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    private sealed record Captured(string Sql, List<(string Name, object? Value, SqliteType Type)> Parameters);

    /// Copies each command (text and parameter values) as EF sends it on the given database file;
    /// commands of other tests running at the same time go to other files and are ignored.
    private static EfCommands<Captured> CommandCapture(string file)
    {
        var path = Path.GetFullPath(file);
        return new(data => data.Command.Connection is SqliteConnection connection && Path.GetFullPath(connection.DataSource) == path
            ? new Captured(data.Command.CommandText, data.Command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, (object?)p.Value, p.SqliteType)).ToList())
            : null);
    }

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex ScanLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
