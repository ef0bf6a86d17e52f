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
            var expected = new List<ChronologyItem>();
            foreach (var source in sources)
            {
                var events = await source.ForChildAsync(id, default);
                expected.AddRange(events);
                if (source.HasRows is null) continue;
                tested.Add(source.GetType().Name);
                if (events.Count > 0) covered.Add(source.GetType().Name);
            }
            expected = expected.OrderByDescending(i => i.At).ThenBy(i => i.Category).ToList();

            var whole = await chronology.ForChildAsync(id, null);
            var page = await chronology.PageAsync(id, null, 1, 100);

            Assert.Equal(expected, whole);
            Assert.Equal(expected.Take(100), page.Items);
            Assert.Equal(expected.Count, page.Total);
        }
        // The comparison means something only for sources that have events somewhere in the borough.
        Assert.True(ids.Count > 100, $"only {ids.Count} children");
        Assert.True(tested.Count > 15, $"only {tested.Count} sources have a HasRows test");
        Assert.True(covered.Count >= tested.Count - 4, $"sources with no events in the demo borough: {string.Join(", ", tested.Except(covered))}");
    }
}

public sealed class ChronologySourceTestsOnSqlite(DemoAppOnSqlite app) : ChronologySourceTests(app), IClassFixture<DemoAppOnSqlite>;
public sealed class ChronologySourceTestsOnPostgres(DemoAppOnPostgres app) : ChronologySourceTests(app), IClassFixture<DemoAppOnPostgres>;
