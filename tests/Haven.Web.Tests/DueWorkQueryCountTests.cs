using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// My work, the team view and the child's summary ask every registered due-work source about a set
/// of children at once. A source that queried once per child would make the team view (100 children
/// at 50,000) send hundreds of queries: the number of queries must not grow with the children asked about.
public abstract class DueWorkQueryCountTests(HavenApp app)
{
    [Fact]
    public async Task ForChildrenAsync_ForTwiceTheChildren_SendsNoMoreQueries()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var few = await ChildrenAsync(worker, 3);
        var more = few.Concat(await ChildrenAsync(worker, 3)).ToList();

        var (fewQueries, fewItems) = await CountAsync(few);
        var (moreQueries, moreItems) = await CountAsync(more);

        Assert.True(fewItems > 3 * 4, $"the children should have work due from several sources, got {fewItems} items");
        Assert.Equal(2 * fewItems, moreItems);
        Assert.Equal(fewQueries, moreQueries);
    }

    /// The team view asks only for what is overdue, and leaves out the sources whose items are always
    /// due today (the CIN census check): it must still get every overdue item ForChildrenAsync gives,
    /// in the same order, and send fewer queries, never more.
    [Fact]
    public async Task OverdueForChildrenAsync_GivesEveryOverdueItem_WithFewerQueries()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var children = await ChildrenAsync(worker, 3);
        var today = DateOnly.FromDateTime(DateTime.Now);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var dueWork = scope.ServiceProvider.GetRequiredService<DueWork>();
        List<DueItem> all, overdue;
        int allQueries, overdueQueries;
        // Each asked afresh: what the sources send, not what DueWorkCache kept.
        var cache = app.Services.GetRequiredService<DueWorkCache>();
        cache.Clear();
        using (var counter = EfCommands.Of(db)) { all = [.. await dueWork.ForChildrenAsync(children)]; allQueries = counter.Count; }
        cache.Clear();
        using (var counter = EfCommands.Of(db)) { overdue = [.. await dueWork.OverdueForChildrenAsync(children, today)]; overdueQueries = counter.Count; }

        Assert.Contains(all, d => d.Rule == Haven.Core.Returns.Cin.CinDataQualityDueWork.PutRight || d.Rule == Haven.Core.Returns.Cin.CinDataQualityDueWork.CheckQuery);
        Assert.All(all.Where(d => d.Rule.Code.StartsWith("cin-census-data-quality")), d => Assert.False(d.IsOverdueOn(today)));
        var expected = all.Where(d => d.IsOverdueOn(today)).ToList();
        Assert.True(expected.Count >= 3, $"the children should have overdue work, got {expected.Count} items");
        Assert.Equal(expected, overdue);
        Assert.True(overdueQueries < allQueries, $"overdue only: {overdueQueries} queries, everything: {allQueries}");
    }

    /// A child in need visit is due from the latest visit the child was seen on: not from a later
    /// visit where they were not seen, nor from a deleted note, nor from another child's visit.
    [Fact]
    public async Task ChildInNeedVisit_IsDueFromTheLatestVisitTheChildWasSeenOn()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateTime At(int daysAgo) => today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var visited = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker;
            c.Involvements.Add((InvolvementKind.ChildInNeed, today.AddDays(-90)));
            c.WithNote("Seen, older", type: CaseNoteType.StatutoryVisit, at: At(40));
            c.WithNote("Seen, latest", type: CaseNoteType.StatutoryVisit, at: At(20));
            c.WithNote("Not seen", type: CaseNoteType.StatutoryVisit, at: At(10));
            c.WithNote("Seen, deleted", type: CaseNoteType.StatutoryVisit, at: At(5));
            c.WithNote("A case note after", at: At(2));
        });
        var neverVisited = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildInNeed, today.AddDays(-30))); });
        await app.Data.WithDbAsync(async db =>
        {
            var notes = await db.CaseNotes.Where(n => n.ChildId == visited).ToListAsync();
            foreach (var n in notes.Where(n => n.Subject.StartsWith("Seen"))) n.ChildSeen = true;
            var deleted = notes.Single(n => n.Subject == "Seen, deleted");
            (deleted.DeletedAt, deleted.DeletionReason) = (DateTime.UtcNow, "Recorded on the wrong child");
            return await db.SaveChangesAsync();
        });

        using var scope = app.Services.CreateScope();
        var items = await scope.ServiceProvider.GetRequiredService<DueWork>().ForChildrenAsync([visited, neverVisited]);

        var visits = items.Where(d => d.Rule == Haven.Core.Calendar.Timescales.ChildInNeedVisit).ToDictionary(d => d.ChildId, d => d.Due);
        Assert.Equal(Haven.Core.Calendar.Timescales.ChildInNeedVisit.DueFrom(today.AddDays(-20)), visits[visited]);
        Assert.Equal(Haven.Core.Calendar.Timescales.ChildInNeedVisit.DueFrom(today.AddDays(-30)), visits[neverVisited]);
    }

    /// Children of the same shape, so every source takes the same branches for each set: in care,
    /// on a child protection plan's involvement, in need, a care leaver's age, with an open referral.
    private async Task<List<int>> ChildrenAsync(TestWorker worker, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
            ids.Add(await app.Data.CreateChildAsync(c =>
            {
                c.AllocatedTo = worker;
                c.DateOfBirth = today.AddYears(-17);
                c.Involvements.Add((InvolvementKind.InCare, today.AddYears(-2)));
                c.Involvements.Add((InvolvementKind.ChildProtection, today.AddMonths(-4)));
                c.Involvements.Add((InvolvementKind.ChildInNeed, today.AddMonths(-5)));
                c.Involvements.Add((InvolvementKind.CareLeaver, today.AddMonths(-1)));
                c.Referrals.Add(today.AddMonths(-6));
            }));
        return ids;
    }

    private async Task<(int Queries, int Items)> CountAsync(IReadOnlyCollection<int> childIds)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var dueWork = scope.ServiceProvider.GetRequiredService<DueWork>();
        app.Services.GetRequiredService<DueWorkCache>().Clear();
        using var counter = EfCommands.Of(db);
        var items = await dueWork.ForChildrenAsync(childIds);
        return (counter.Count, items.Count);
    }
}

public sealed class DueWorkQueryCountTestsOnSqlite(SqliteApp app) : DueWorkQueryCountTests(app), IClassFixture<SqliteApp>;
public sealed class DueWorkQueryCountTestsOnPostgres(PostgresApp app) : DueWorkQueryCountTests(app), IClassFixture<PostgresApp>;
