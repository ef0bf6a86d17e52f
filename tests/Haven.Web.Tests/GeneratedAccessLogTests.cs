using System.Net;
using Haven.Core.Access;
using Haven.Core.Allocations;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

public sealed class DemoAppOnSqlite : SqliteApp
{
    protected override bool DemoMode => true;
}

public sealed class DemoAppOnPostgres : PostgresApp
{
    protected override bool DemoMode => true;
}

/// A generated borough comes with a history in the access log (Synthetic/AccessLogHistory): it must
/// verify as the app's own log does, and the app's real entries must chain on after it.
public abstract class GeneratedAccessLogTests(HavenApp app)
{
    [Fact]
    public async Task Verify_GeneratedHistoryThenTheAppsOwnViews_IsIntact()
    {
        // Arrange
        var tail = await app.Data.WithDbAsync(db => db.AccessLog.OrderByDescending(e => e.Sequence).FirstAsync());
        var saves = await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == AccessAction.Change && e.Resource.EndsWith("/notes/add")));
        var child = await app.Data.WithDbAsync(db => db.Allocations
            .Where(a => a.EndDate == null && a.Kind == AllocationKind.SocialWorker && db.Users.Any(u => u.UserName == "demo.socialworker" && u.WorkerId == a.WorkerId))
            .OrderBy(a => a.ChildId).Select(a => a.ChildId).FirstAsync());
        var client = app.NewClient();
        await client.SignInAsync("demo.socialworker");

        // Act
        var page = await client.GetAsync($"/children/{child}");
        var (exit, output, error) = await app.RunCliAsync("audit", "verify");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(tail.Sequence > 1000, $"the generated history has {tail.Sequence} entries");
        Assert.True(saves > 100);
        Assert.True(exit == 0, error);
        Assert.Contains("intact", output);
        var next = await app.Data.WithDbAsync(db => db.AccessLog.Where(e => e.Sequence > tail.Sequence).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(tail.Hash, next[0].PreviousHash);
        Assert.Contains(next, e => e.Action == AccessAction.View && e.ChildId == child && e.Resource == $"GET /children/{child}");
    }
}

public sealed class GeneratedAccessLogTestsOnSqlite(DemoAppOnSqlite app) : GeneratedAccessLogTests(app), IClassFixture<DemoAppOnSqlite>;

public sealed class GeneratedAccessLogTestsOnPostgres(DemoAppOnPostgres app) : GeneratedAccessLogTests(app), IClassFixture<DemoAppOnPostgres>;
