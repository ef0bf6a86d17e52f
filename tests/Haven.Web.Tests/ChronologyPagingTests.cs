using System.Globalization;
using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// A page of the chronology is read without loading every event: case notes are counted and sliced in
/// the database. These tests prove the pages still add up to the whole list, in its order, with events
/// at the same time in different sources and in the same one, and that a page reads a slice of notes.
public abstract class ChronologyPagingTests(HavenApp app)
{
    private const int Notes = 250;

    [Fact]
    public async Task PageAsync_AtSeveralPageSizes_GivesEveryEventOnceInTheOrderOfTheWholeList()
    {
        // Arrange
        var id = await BusyChildAsync();
        using var scope = app.Services.CreateScope();
        var chronology = scope.ServiceProvider.GetRequiredService<ChronologyBuilder>();

        foreach (var filter in new[] { null, new[] { "Case notes" }, new[] { "Case notes", "Allocation", "Involvement" } })
        {
            var whole = await chronology.ForChildAsync(id, filter);
            foreach (var size in new[] { 7, 50, 100 })
            {
                // Act
                var pages = new List<ChronologyItem>();
                ChronologyPage page;
                var number = 1;
                do
                {
                    page = await chronology.PageAsync(id, filter, number++, size);
                    Assert.Equal(whole.Count, page.Total);
                    pages.AddRange(page.Items);
                } while (page.PageNumber < page.TotalPages);

                // Assert: nothing lost, nothing twice, nothing out of place.
                Assert.Equal(whole, pages);
            }
        }
    }

    [Fact]
    public async Task ForChildAsync_WithEventsAtTheSameTime_OrdersNewestFirstThenByCategoryThenLaterNoteFirst()
    {
        var id = await BusyChildAsync();
        using var scope = app.Services.CreateScope();
        var chronology = scope.ServiceProvider.GetRequiredService<ChronologyBuilder>();

        var whole = await chronology.ForChildAsync(id, null);

        Assert.Equal(Notes - 1 + 3, whole.Count);
        for (var i = 1; i < whole.Count; i++)
        {
            var (before, after) = (whole[i - 1], whole[i]);
            Assert.True(before.At >= after.At, $"{before} is before {after}");
            if (before.At != after.At) continue;
            Assert.True(string.Compare(before.Category, after.Category, StringComparison.CurrentCulture) <= 0, $"{before} is before {after}");
            if (before.Category == "Case notes" && after.Category == "Case notes")
                Assert.True(NoteId(before) > NoteId(after), $"{before} is before {after}");
        }
        // The allocation started at the same moment as three notes: its category sorts first.
        var start = whole.First(i => i.Category == "Allocation").At;
        Assert.Equal(["Allocation", "Case notes", "Case notes", "Case notes"], whole.Where(i => i.At == start).Select(i => i.Category));
    }

    [Fact]
    public async Task Get_ChronologyPages_WithEventsAtTheSameTime_ShowEveryEventOnceAndLogEveryView()
    {
        // Arrange
        var worker = await WorkerAsync();
        var id = await BusyChildAsync(worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var viewsBefore = await ViewsAsync(id);

        // Act
        var all = Rows(await client.GetPageAsync($"/children/{id}/chronology?all=true"));
        var pages = new List<string>();
        for (var n = 1; n <= 3; n++) pages.AddRange(Rows(await client.GetPageAsync($"/children/{id}/chronology?page={n}")));
        var notesAll = Rows(await client.GetPageAsync($"/children/{id}/chronology?type=Case+notes&all=true"));
        var notesPages = new List<string>();
        for (var n = 1; n <= 3; n++) notesPages.AddRange(Rows(await client.GetPageAsync($"/children/{id}/chronology?type=Case+notes&page={n}")));

        // Assert
        Assert.Equal(Notes - 1 + 3, all.Count);
        Assert.Equal(all, pages);
        Assert.Equal(Notes - 1, notesAll.Count);
        Assert.Equal(notesAll, notesPages);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(viewsBefore + 8, await ViewsAsync(id));
    }

    [Fact]
    public async Task PageAsync_ForABusyChild_ReadsCaseNotesOnlyByCountAndAnIndexedSlice()
    {
        // Arrange
        var id = await BusyChildAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var chronology = scope.ServiceProvider.GetRequiredService<ChronologyBuilder>();
        using var log = EfCommands.Of(db);

        // Act
        var page = await chronology.PageAsync(id, null, 2, 100);

        // Assert: one count (in the query that asks every source whether the child has rows there)
        // and one slice with a limit; the slice is at most a page plus the other sources' events (3
        // here), so it never holds every note.
        Assert.Equal(100, page.Items.Count);
        var noteQueries = log.Commands.Where(c => c.Text.Contains("FROM \"CaseNotes\"")).ToList();
        Assert.Equal(2, noteQueries.Count);
        var count = Assert.Single(noteQueries, c => c.Text.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("FROM \"Allocations\"", count.Text);
        var slice = Assert.Single(noteQueries, c => c != count);
        Assert.Contains("LIMIT", slice.Text);
        Assert.All(slice.Parameters.Where(p => !p.Name.Contains("childId")), p => Assert.InRange(Convert.ToInt32(p.Value, CultureInfo.InvariantCulture), 0, 103));
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The count reads only the index; the notes are read in the index's order, so the limit
            // stops the read: no sort of every note.
            Assert.Contains(await PlanAsync(db, count), r => r.Detail.Contains("USING COVERING INDEX IX_CaseNotes_ChildId_DeletedAt_EventAt (ChildId=? AND DeletedAt=?)"));
            var plan = await PlanAsync(db, slice);
            var search = Assert.Single(plan, r => r.Detail.Contains("INDEX IX_CaseNotes_ChildId_DeletedAt_EventAt (ChildId=? AND DeletedAt=?)"));
            Assert.DoesNotContain(plan, r => r.Parent == search.Parent && r.Detail.Contains("TEMP B-TREE"));
        }
    }

    [Fact]
    public async Task PageAsync_ForAChildWithRecordsInFewSources_ReadsOnlyThoseSources()
    {
        // Arrange: the busy child has an allocation, involvements and case notes, nothing else.
        var id = await BusyChildAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var chronology = scope.ServiceProvider.GetRequiredService<ChronologyBuilder>();
        var sources = scope.ServiceProvider.GetServices<IChronologySource>().ToList();
        var withEvents = 0;
        foreach (var source in sources) if ((await source.ForChildAsync(id, default)).Count > 0) withEvents++;
        using var log = EfCommands.Of(db);
        var opened = 0;
        db.Database.GetDbConnection().StateChange += (_, e) => { if (e.CurrentState == System.Data.ConnectionState.Open) opened++; };

        // Act
        var page = await chronology.PageAsync(id, null, 1, 100);

        // Assert: on PostgreSQL one statement (a UNION ALL) reads the allocations and the involvements
        // (both IChronologyRowSources), asks every other source whether the child has rows in it, counts
        // the case notes and reads the first page's notes (IPagedChronologySource.Head: the first page's
        // slice starts at 0 and takes at most a page). On SQLite, which prepares every statement afresh,
        // the checks and the count come first, in one SELECT, and the UNION ALL reads only the sources
        // with rows and the first notes. Every source was read before (about 35 queries for any child,
        // most of them finding nothing), then one statement each, then a check, a count and a slice
        // besides the shared read.
        Assert.Equal(100, page.Items.Count);
        Assert.Equal(3, withEvents);
        Assert.True(sources.Count > 15, $"only {sources.Count} sources are registered");
        var commands = log.Commands.ToList();
        Assert.Equal(app.Provider == DatabaseProvider.Sqlite ? 2 : 1, commands.Count);
        var shared = commands[^1];
        Assert.Contains("UNION ALL", shared.Text);
        Assert.Contains("\"Allocations\"", shared.Text);
        Assert.Contains("\"Involvements\"", shared.Text);
        Assert.Contains("FROM \"CaseNotes\"", shared.Text);
        Assert.Contains("LIMIT", shared.Text);
        Assert.Contains("COUNT(*)", commands[0].Text, StringComparison.OrdinalIgnoreCase);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The checks are one SELECT, not a UNION ALL; the shared read leaves out the sources without rows.
            Assert.DoesNotContain("UNION ALL", commands[0].Text);
            Assert.DoesNotContain("\"LifeStoryEntries\"", shared.Text);
        }
        else Assert.Contains("\"LifeStoryEntries\"", shared.Text);
        // The page's statements share one opening of the connection (EF otherwise opens and closes it around each).
        Assert.Equal(1, opened);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The first notes are read in the index's order, so the limit stops the read: no sort of every note.
            var plan = await PlanAsync(db, shared);
            var search = Assert.Single(plan, r => r.Detail.Contains("USING INDEX IX_CaseNotes_ChildId_DeletedAt_EventAt (ChildId=? AND DeletedAt=?)"));
            Assert.DoesNotContain(plan, r => r.Parent == search.Parent && r.Detail.Contains("TEMP B-TREE"));
        }
    }

    private async Task<TestWorker> WorkerAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        return await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
    }

    /// A child with an allocation, two involvements that start at the same moment, and case notes in
    /// threes at midnight (the time other sources' dated events have), one of them deleted.
    private async Task<int> BusyChildAsync(TestWorker? worker = null)
    {
        worker ??= await WorkerAsync();
        var allocated = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-2);
        var day0 = allocated.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var id = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker;
            c.Involvements.Add((InvolvementKind.ChildInNeed, allocated.AddDays(5)));
            c.Involvements.Add((InvolvementKind.ChildProtection, allocated.AddDays(5)));
            for (var i = 0; i < Notes; i++)
                c.Notes.Add(($"Call {i:000}", "Spoke to mother.", CaseNoteType.PhoneCall, day0.AddDays(i / 3)));
        });
        await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id && n.Subject == "Call 100")
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeletedAt, DateTime.UtcNow)));
        return id;
    }

    private Task<int> ViewsAsync(int childId) =>
        app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == childId && e.Action == AccessAction.View));

    private static List<string> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent.Trim()).ToList();

    private static int NoteId(ChronologyItem item) => int.Parse(item.Link!["notes/".Length..], CultureInfo.InvariantCulture);

    private static async Task<List<(int Id, int Parent, string Detail)>> PlanAsync(HavenDbContext db, EfCommand command)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
            foreach (var (name, value) in command.Parameters)
            {
                var p = explain.CreateParameter();
                (p.ParameterName, p.Value) = (name, value ?? DBNull.Value);
                explain.Parameters.Add(p);
            }
            var rows = new List<(int, int, string)>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class ChronologyPagingTestsOnSqlite(SqliteApp app) : ChronologyPagingTests(app), IClassFixture<SqliteApp>;
public sealed class ChronologyPagingTestsOnPostgres(PostgresApp app) : ChronologyPagingTests(app), IClassFixture<PostgresApp>;
