using System.Diagnostics;
using Haven.Core.Access;
using Haven.Core.Networks;
using Haven.Core.Synthetic;
using Haven.Core.Tests.Synthetic;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Haven.Core.Tests.Networks;

/// The network views on a large borough. Slow (it generates the borough): run once with
/// HAVEN_SLOW_TESTS=1 and HAVEN_BENCH_CHILDREN (default 50,000); the figures are in the output.
public class NetworkBenchmarkTests(ITestOutputHelper output)
{
    [SlowFact]
    public async Task NetworkViews_OnALargeBorough_AnswerWithinASecond()
    {
        // Arrange
        var children = int.TryParse(Environment.GetEnvironmentVariable("HAVEN_BENCH_CHILDREN"), out var n) ? n : 50_000;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var database = new TestDatabase();
        var generate = Stopwatch.StartNew();
        await using (var db = database.Open())
            await BoroughGenerator.GenerateAsync(db, new BoroughOptions { Children = children, Seed = 5, Today = today });
        output.WriteLine($"Generated {children:N0} children in {generate.Elapsed.TotalSeconds:N0} s");
        await using var read = database.Open();
        var links = await read.Associations.CountAsync();
        var leader = await read.Workers.FirstAsync(w => w.Role == HavenRole.SeniorLeader);
        var socialWorker = await read.Workers.Include(w => w.Team).FirstAsync(w => w.Role == HavenRole.SocialWorker && w.TeamId != null);
        var busiest = await read.Associations.GroupBy(a => a.ChildId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var view = new NetworkView(read, new ChildAccess(read, TimeProvider.System, new Haven.Core.ChildrenInCare.InvolvementCareSpans(read)));

        foreach (var (label, viewer) in new[]
        {
            ("senior leader (all children)", new CurrentWorker("leader", leader.Id, HavenRole.SeniorLeader, leader.TeamId, null, "Leader")),
            ("social worker (own service)", new CurrentWorker("sw", socialWorker.Id, HavenRole.SocialWorker, socialWorker.TeamId, socialWorker.Team!.ServiceId, "SW")),
        })
        {
            await view.NewlyLinkedToRiskAsync(viewer, today.AddDays(-28), 0, 50); // warm up
            var timer = Stopwatch.StartNew();
            var (page, total) = await view.NewlyLinkedToRiskAsync(viewer, today.AddDays(-28), 0, 50);
            var panel = timer.Elapsed;
            timer.Restart();
            var hubs = await view.RiskHubsAsync(viewer, today, 10);
            var hubTime = timer.Elapsed;
            timer.Restart();
            var network = await view.ForChildAsync(busiest, viewer);
            var childTime = timer.Elapsed;

            // Assert
            output.WriteLine($"{links:N0} links; {label}: new links to risk {total} in {panel.TotalMilliseconds:N0} ms; "
                + $"risk hubs {hubs.Count} in {hubTime.TotalMilliseconds:N0} ms; busiest child's network {network.Count} links in {childTime.TotalMilliseconds:N0} ms");
            Assert.True(panel < TimeSpan.FromSeconds(1) && hubTime < TimeSpan.FromSeconds(1) && childTime < TimeSpan.FromSeconds(1));
        }
    }
}
