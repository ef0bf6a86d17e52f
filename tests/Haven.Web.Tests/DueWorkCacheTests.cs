using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// DueWorkCache keeps what each source found for each child until that child's record changes: a
/// second view asks no source again, a save to one child asks again about that child only, and
/// what is shown is always what asking every source afresh would show (never stale after a save
/// through the app, whatever kind of record it was).
public abstract class DueWorkCacheTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task ForChildrenAsync_AskedAgain_SendsNoQueryUntilTheChildsRecordIsSaved()
    {
        var worker = await WorkerAsync();
        var (a, b) = (await BusyChildAsync(worker), await BusyChildAsync(worker));

        var (first, firstQueries) = await AskAsync([a, b]);
        var (again, againQueries) = await AskAsync([a, b]);
        Assert.True(firstQueries > 10, $"the first view asks every source: {firstQueries} queries");
        Assert.Equal(0, againQueries);
        Assert.Equal(first, again);

        // A save to b's record (a case note, which the performance figures leave out) asks again about b only...
        await app.Data.WithDbAsync(db =>
        {
            db.CaseNotes.Add(new CaseNote { ChildId = b, Type = CaseNoteType.StatutoryVisit, ChildSeen = true, EventAt = DateTime.UtcNow.AddHours(-1),
                RecordedAt = DateTime.UtcNow, AuthorWorkerId = worker.WorkerId, Subject = "Seen at home", Body = "Seen at home." });
            return db.SaveChangesAsync();
        });
        Assert.Equal(0, (await AskAsync([a])).Queries);
        var (afterSave, afterQueries) = await AskAsync([a, b]);
        Assert.True(afterQueries > 0, "b's record changed: its sources are asked again");
        Assert.NotEqual(first, afterSave);
        Assert.Equal(await FreshAsync([a, b]), afterSave);
    }

    /// Kept child by child: children worked out on their own (each child's summary) and then asked
    /// about together (My work) give exactly what asking about them together afresh gives, in order.
    [Fact]
    public async Task ForChildrenAsync_FromChildrenKeptOneByOne_EqualsAskingAllAfresh()
    {
        var worker = await WorkerAsync();
        var children = new List<int>();
        for (var i = 0; i < 3; i++) children.Add(await BusyChildAsync(worker));
        children.Add(await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.ChildInNeed, Today.AddDays(-40))); }));

        var fresh = await FreshAsync(children);
        foreach (var child in children) await AskAsync([child]);
        var (kept, queries) = await AskAsync(children);

        Assert.Equal(0, queries);
        Assert.True(fresh.Count > 20, $"the children should have work due from several sources, got {fresh.Count} items");
        Assert.Equal(fresh, kept);
    }

    /// My work after saves through the app's pages: each changes what is due at once.
    [Fact]
    public async Task MyWork_AfterSavesThroughThePages_ShowsTheChangeAtOnce()
    {
        var worker = await WorkerAsync();
        var child = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker;
            c.Referrals.Add(Today.AddDays(-20));
            c.Involvements.Add((InvolvementKind.ChildInNeed, Today.AddDays(-60)));
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        async Task<string> MyWorkAsync() => (await client.GetPageAsync("/")).QuerySelector("#due")!.TextContent;
        async Task<string> VisitRowAsync() => (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr")
            .Single(r => r.TextContent.Contains("Child in need visit")).TextContent;

        var before = await MyWorkAsync();
        Assert.Equal(before, await MyWorkAsync());
        Assert.Contains("CIN census error 4220", before);
        Assert.Contains("Child in need visit", before);

        // The child's details (People): the ethnicity put right, the CIN census error goes.
        var details = await client.SubmitAsync($"/children/{child}/details", new Dictionary<string, string> { ["EthnicityCode"] = "WBRI" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, details.StatusCode);
        var afterDetails = await MyWorkAsync();
        Assert.DoesNotContain("CIN census error 4220", afterDetails);
        var visitBefore = await VisitRowAsync();

        // A statutory visit (a case note) where the child was seen: the next visit is due from it.
        var yesterday = DateTime.Now.AddDays(-1);
        var note = await client.SubmitAsync($"/children/{child}/notes/add", new Dictionary<string, string>
        {
            ["Type"] = "StatutoryVisit", ["EventDate.Day"] = yesterday.Day.ToString(), ["EventDate.Month"] = yesterday.Month.ToString(),
            ["EventDate.Year"] = yesterday.Year.ToString(), ["EventTime"] = "14:30", ["Subject"] = "Visit at home",
            ["Body"] = "Seen in her room.", ["ChildSeen"] = "alone",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, note.StatusCode);
        var afterVisit = await MyWorkAsync();
        var visitAfter = await VisitRowAsync();
        Assert.NotEqual(visitBefore, visitAfter);
        Assert.Contains(Haven.Core.Calendar.Timescales.ChildInNeedVisit.DueFrom(DateOnly.FromDateTime(yesterday)).ToString("d MMM yyyy"), visitAfter);
        Assert.Equal(await FreshTextAsync(client), afterVisit);
    }

    /// Saves of other kinds through the app's DbContext (the one the pages save through): a row that
    /// names its child (an assessment, a referral) and a statement outside SaveChanges (ExecuteUpdate,
    /// which says neither its rows nor their children).
    [Fact]
    public async Task MyWork_AfterSavesOfEveryKind_ShowsTheChangeAtOnce()
    {
        var worker = await WorkerAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-100)); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        async Task<string> MyWorkAsync() => (await client.GetPageAsync("/")).QuerySelector("#due")!.TextContent;

        var before = await MyWorkAsync();
        Assert.DoesNotContain("8670Q", before);

        // An assessment (its own row, carrying the child's id): query 8670Q, open more than 45 working days.
        await app.Data.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == child);
            db.Assessments.Add(new Haven.Core.Assessments.Assessment
            {
                ChildId = child, ReferralId = referral.Id, StartDate = Today.AddDays(-90), DueDate = Today.AddDays(-27),
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        var afterAssessment = await MyWorkAsync();
        Assert.Contains("CIN census query 8670Q", afterAssessment);
        Assert.Equal(await FreshTextAsync(client), afterAssessment);

        // ExecuteUpdate (no change tracker, so no entity to say which child): the ethnicity, error 4220 goes.
        Assert.Contains("CIN census error 4220", afterAssessment);
        await app.Data.WithDbAsync(db => db.People.Where(p => p.Id == child).ExecuteUpdateAsync(u => u.SetProperty(p => p.EthnicityCode, "WBRI")));
        var afterUpdate = await MyWorkAsync();
        Assert.DoesNotContain("CIN census error 4220", afterUpdate);
        Assert.Equal(await FreshTextAsync(client), afterUpdate);

        // The referral closed (its own row): the episode's errors change with it.
        await app.Data.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == child);
            referral.ClosureDate = Today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(await FreshTextAsync(client), await MyWorkAsync());
    }

    [Fact]
    public async Task RecordChanges_ChildrenOfASave_AreTheChildrenOfItsRows()
    {
        var worker = await WorkerAsync();
        var (a, b) = (await BusyChildAsync(worker), await BusyChildAsync(worker));
        var changes = app.Services.GetRequiredService<RecordChanges>();
        var (lastA, lastB) = (changes.LastChangeToChild(a), changes.LastChangeToChild(b));

        // A case note names its child: a's record changed, not b's (unless they share a slot).
        await app.Data.WithDbAsync(db =>
        {
            db.CaseNotes.Add(new CaseNote { ChildId = a, Type = CaseNoteType.PhoneCall, EventAt = DateTime.UtcNow, RecordedAt = DateTime.UtcNow,
                AuthorWorkerId = worker.WorkerId, Subject = "Phone call", Body = "Spoke to school." });
            return db.SaveChangesAsync();
        });
        Assert.True(changes.LastChangeToChild(a) > lastA);
        if (a % 16384 != b % 16384) Assert.Equal(lastB, changes.LastChangeToChild(b));

        // A worker's details name no child: every child's may have changed.
        var before = changes.LastChangeToChild(b);
        await app.Data.WithDbAsync(async db =>
        {
            var w = await db.Workers.SingleAsync(x => x.Id == worker.WorkerId);
            w.DisplayName += " ";
            return await db.SaveChangesAsync();
        });
        Assert.True(changes.LastChangeToChild(b) > before);

        // A notification saved, then marked read by ExecuteUpdate (as My work does): nothing of the record changed.
        await app.Data.WithDbAsync(db =>
        {
            db.Notifications.Add(new Haven.Core.Notifications.Notification { WorkerId = worker.WorkerId, ChildId = b, Text = "A note", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var beforeRead = changes.LastChangeToChild(b);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Notifications.Where(n => n.WorkerId == worker.WorkerId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, DateTime.UtcNow))));
        Assert.Equal(beforeRead, changes.LastChangeToChild(b));
        // Any other ExecuteUpdate says neither its rows nor their children: every child's record may have changed.
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.People.Where(p => p.Id == a).ExecuteUpdateAsync(u => u.SetProperty(p => p.EthnicityCode, "WBRI"))));
        Assert.True(changes.LastChangeToChild(b) > beforeRead);
    }

    private async Task<TestWorker> WorkerAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        return await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
    }

    /// A child with work due from many sources: in care, on a plan, in need, a care leaver's age, with an open referral.
    private Task<int> BusyChildAsync(TestWorker worker) => app.Data.CreateChildAsync(c =>
    {
        c.AllocatedTo = worker;
        c.DateOfBirth = Today.AddYears(-17);
        c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-2)));
        c.Involvements.Add((InvolvementKind.ChildProtection, Today.AddMonths(-4)));
        c.Involvements.Add((InvolvementKind.ChildInNeed, Today.AddMonths(-5)));
        c.Involvements.Add((InvolvementKind.CareLeaver, Today.AddMonths(-1)));
        c.Referrals.Add(Today.AddMonths(-6));
    });

    private async Task<(List<DueItem> Items, int Queries)> AskAsync(IReadOnlyCollection<int> children)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        using var counter = EfCommands.Of(db);
        var items = await scope.ServiceProvider.GetRequiredService<DueWork>().ForChildrenAsync(children);
        return ([.. items], counter.Count);
    }

    /// Every source asked afresh: the cache emptied first.
    private async Task<List<DueItem>> FreshAsync(IReadOnlyCollection<int> children)
    {
        app.Services.GetRequiredService<DueWorkCache>().Clear();
        return (await AskAsync(children)).Items;
    }

    private async Task<string> FreshTextAsync(HttpClient client)
    {
        app.Services.GetRequiredService<DueWorkCache>().Clear();
        return (await client.GetPageAsync("/")).QuerySelector("#due")!.TextContent;
    }
}

public sealed class DueWorkCacheTestsOnSqlite(SqliteApp app) : DueWorkCacheTests(app), IClassFixture<SqliteApp>;
public sealed class DueWorkCacheTestsOnPostgres(PostgresApp app) : DueWorkCacheTests(app), IClassFixture<PostgresApp>;
