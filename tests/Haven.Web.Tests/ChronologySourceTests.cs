using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// The chronology reads only the sources whose HasRows test says the child has rows there
/// (ChronologyBuilder). A test that is false while its source has events would drop those events
/// from the chronology without a trace, so on a demo borough (records of every kind) each child's
/// chronology is compared with every source read in full, merged in the chronology's order.
public abstract class ChronologySourceTests(HavenApp app)
{
    [Fact]
    public async Task ForChildAsync_ForEveryChildOfADemoBorough_HasEveryEventOfEverySourceInOrder()
    {
        var ids = await app.Data.WithDbAsync(db => db.People.Where(p => p.Kind == PersonKind.Child).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var covered = new HashSet<string>();
        var tested = new HashSet<string>();
        foreach (var id in ids)
        {
            using var scope = app.Services.CreateScope();
            var sources = scope.ServiceProvider.GetServices<IChronologySource>().ToList();
            var chronology = scope.ServiceProvider.GetRequiredService<ChronologyBuilder>();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var expected = new List<ChronologyItem>();
            var apart = 0;
            var sharedRead = false;
            foreach (var source in sources)
            {
                using var own = EfCommands.Of(db);
                var events = await source.ForChildAsync(id, default);
                expected.AddRange(events);
                // The statements of the sources the first page still reads apart (those with events).
                if (!ChronologyRow.IsShared(source) && source is not IPagedChronologySource && events.Count > 0) apart += own.Count;
                // On SQLite the shared read follows the checks, and only when a source it reads has events.
                if ((ChronologyRow.IsShared(source) || source is IPagedChronologySource { Head: not null }) && events.Count > 0) sharedRead = true;
                if (source.HasRows is null) continue;
                tested.Add(source.GetType().Name);
                if (events.Count > 0) covered.Add(source.GetType().Name);
            }
            expected = expected.OrderByDescending(i => i.At).ThenBy(i => i.Category).ToList();

            var whole = await chronology.ForChildAsync(id, null);
            ChronologyPage page;
            // Counted as a first view: the checks ForChildAsync just ran are kept (ChronologyCheckCache).
            app.Services.GetRequiredService<ChronologyCheckCache>().Clear();
            using (var log = EfCommands.Of(db))
            {
                page = await chronology.PageAsync(id, null, 1, 100);
                // The first page is one shared statement (every row source's rows, the other sources'
                // checks, the notes' count and first page), then the own reads of the other sources with
                // events. On SQLite the checks are a statement of their own, then the shared read of the
                // sources with rows, if any.
                var shared = app.Provider == DatabaseProvider.Sqlite ? 1 + (sharedRead ? 1 : 0) : 1;
                Assert.True(log.Count == shared + apart, $"child {id}: {log.Count} statements, {apart} of them sources' own reads, {shared} shared");
            }

            Assert.Equal(expected, whole);
            Assert.Equal(expected.Take(100), page.Items);
            Assert.Equal(page.Items, (await chronology.PageAsync(id, null, 1, 100)).Items); // with the checks kept
            Assert.Equal(expected.Count, page.Total);
        }
        // The comparison means something only for sources that have events somewhere in the borough.
        Assert.True(ids.Count > 100, $"only {ids.Count} children");
        Assert.True(tested.Count > 15, $"only {tested.Count} sources have a HasRows test");
        // Sources read in the shared statement; a source moved back to a read of its own fails here.
        using (var scope = app.Services.CreateScope())
        {
            var shared = scope.ServiceProvider.GetServices<IChronologySource>().Where(ChronologyRow.IsShared).Select(s => s.Category).Distinct().Order();
            string[] sharedCategories = ["Address", "Allocation", "Assessments and child protection", "Care", "Exploitation", "Front door", "Health",
                "Involvement", "Leaving care", "Life story", "Management oversight", "Plans"];
            Assert.Equal(sharedCategories.Order(), shared);
        }
        Assert.True(covered.Count >= tested.Count - 4, $"sources with no events in the demo borough: {string.Join(", ", tested.Except(covered))}");
    }

    /// Every kind of link a chronology shows opens a page: one of each (by its shape, numbers aside)
    /// from the demo borough's children, followed as a senior leader, who may read every record that
    /// is not restricted. An exploitation screening once linked to a page that does not exist.
    [Fact]
    public async Task EveryKindOfLink_OnADemoBorough_OpensAPage()
    {
        var ids = await app.Data.WithDbAsync(db => db.People.Where(p => p.Kind == PersonKind.Child && !p.IsRestricted).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var links = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            using var scope = app.Services.CreateScope();
            foreach (var item in await scope.ServiceProvider.GetRequiredService<ChronologyBuilder>().ForChildAsync(id, null))
                if (item.Link is { } link) links.TryAdd(System.Text.RegularExpressions.Regex.Replace(link, @"\d+", "N"), $"/children/{id}/{link}");
        }
        var client = app.NewClient();
        await client.SignInAsync("demo.seniorleader");

        var failed = new List<string>();
        foreach (var url in links.Values)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != System.Net.HttpStatusCode.OK) failed.Add($"{url}: {(int)response.StatusCode}");
        }

        Assert.True(links.Count > 10, $"only {links.Count} kinds of link: {string.Join(", ", links.Keys)}");
        Assert.Empty(failed);
    }
}

public sealed class ChronologySourceTestsOnSqlite(DemoAppOnSqlite app) : ChronologySourceTests(app), IClassFixture<DemoAppOnSqlite>;
public sealed class ChronologySourceTestsOnPostgres(DemoAppOnPostgres app) : ChronologySourceTests(app), IClassFixture<DemoAppOnPostgres>;
