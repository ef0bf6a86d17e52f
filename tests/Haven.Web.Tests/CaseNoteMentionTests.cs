using System.Data.Common;
using System.Net.Http.Headers;
using Haven.Core.CaseNotes;
using Haven.Core.InformationGovernance;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The subject access request's mentions by name (CaseNoteMentions) come from the full-text index on
/// case note text, on both databases: what counts as a mention (the name's words, whole, in order,
/// any case), a note added through the app is found at once (the SQLite triggers, the PostgreSQL
/// index), and the search is planned on the index, never a read of every note.
public abstract class CaseNoteMentionTests(HavenApp app)
{
    private async Task<(int ChildId, int OtherChildId, string Surname, HttpClient Api)> SetUpAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var surname = $"Mbeki{Guid.NewGuid():N}"[..13];
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Thandi"; c.LastName = surname; c.AllocatedTo = worker; });
        var other = await app.Data.CreateChildAsync(c => { c.FirstName = "Sipho"; c.LastName = surname + "x"; c.AllocatedTo = worker; });
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return (child, other, surname, api);
    }

    private static async Task<int> AddNoteAsync(HttpClient api, int childId, string subject, string body)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/children/{childId}/notes",
            new { type = "CaseNote", eventAt = DateTime.UtcNow.AddHours(-1), subject, body, submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await NoteIdAsync(response);
    }

    private static async Task<int> NoteIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();

    private Task<List<int>> MentionsAsync(string name) =>
        app.Data.WithDbAsync(db => CaseNoteMentions.Mentioning(db, name).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());

    [Fact]
    public async Task ANoteAddedThroughTheApp_IsFoundAtOnce_ByTheNamesWholeWordsInAnyCase()
    {
        var (child, other, surname, api) = await SetUpAsync();
        var mention = await AddNoteAsync(api, other, "Visit", $"Sipho was at home with Thandi {surname}, who was upset.");
        var shouting = await AddNoteAsync(api, other, $"THANDI {surname.ToUpperInvariant()}'S SCHOOL", "Called the school.");
        var longerWord = await AddNoteAsync(api, other, "Visit", $"Thandi {surname}son visited.");
        var apart = await AddNoteAsync(api, other, "Visit", $"Thandi came; {surname} did not.");

        var found = await MentionsAsync($"Thandi {surname}");

        Assert.Contains(mention, found);
        Assert.Contains(shouting, found);
        Assert.DoesNotContain(longerWord, found);
        Assert.DoesNotContain(apart, found);

        // Through the gatherer: the mention on the other child's record is in the bundle; a note on
        // the person's own record is theirs already, not a mention.
        await AddNoteAsync(api, child, "Own", $"Thandi {surname} talked about her rabbit.");
        var bundle = await app.Data.WithDbAsync(db => SubjectAccessGatherer.GatherAsync(db, child, DateTime.UtcNow));
        var ids = Assert.Single(bundle!.Mentions).Rows.Select(r => Convert.ToInt32(r.Values["Id"])).Order().ToList();
        Assert.Equal(new[] { mention, shouting }.Order(), ids);
    }

    [Fact]
    public async Task NameWithQuerySyntax_IsReadAsWords_NotAsAQuery()
    {
        var (_, other, surname, api) = await SetUpAsync();
        var note = await AddNoteAsync(api, other, "Visit", $"Seen with O'Neil-{surname} \"junior\" today.");
        Assert.Contains(note, await MentionsAsync($"O'Neil-{surname}"));
        Assert.Empty(await MentionsAsync($"\" OR {surname} OR \""));
        Assert.Empty(await MentionsAsync("*"));
    }

    [Fact]
    public async Task TheMentionSearch_IsPlannedOnTheFullTextIndex()
    {
        var (_, other, surname, api) = await SetUpAsync();
        await AddNoteAsync(api, other, "Visit", $"With Thandi {surname}.");
        var plan = await app.Data.WithDbAsync(async db =>
        {
            using var commands = EfCommands.Of(db);
            await CaseNoteMentions.Mentioning(db, $"Thandi {surname}").Where(n => n.ChildId != 1).OrderBy(n => n.Id).Select(n => n.Id).Take(5000).ToListAsync();
            var command = Assert.Single(commands.Commands);
            return await PlanAsync(db, command);
        });
        if (app.Provider == Haven.Core.Data.DatabaseProvider.Sqlite)
        {
            Assert.Contains(plan, l => l.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal) && l.Contains(CaseNoteMentions.SqliteTable, StringComparison.Ordinal));
            Assert.DoesNotContain(plan, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SCAN (c\d*|CaseNotes)\b"));
        }
        else
        {
            Assert.Contains(plan, l => l.Contains("IX_CaseNotes_Text", StringComparison.Ordinal));
        }
    }

    /// The plan of one command with the values it was sent with. PostgreSQL: with sequential scans
    /// discouraged, so that a test table of a few rows shows whether the index can be used at all.
    private static async Task<List<string>> PlanAsync(DbContext db, EfCommand command)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var postgres = db.Database.IsNpgsql();
            if (postgres) await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            await using var explain = connection.CreateCommand();
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.Text;
            foreach (var (name, value) in command.Parameters)
            {
                var p = explain.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                explain.Parameters.Add(p);
            }
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) lines.Add(reader.GetString(postgres ? 0 : 3));
            if (postgres) await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class CaseNoteMentionTestsOnSqlite(SqliteApp app) : CaseNoteMentionTests(app), IClassFixture<SqliteApp>;
public sealed class CaseNoteMentionTestsOnPostgres(PostgresApp app) : CaseNoteMentionTests(app), IClassFixture<PostgresApp>;
