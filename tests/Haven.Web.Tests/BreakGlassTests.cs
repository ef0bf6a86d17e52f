using Haven.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Emergency ("break-glass") access to restricted records, on both databases.
public abstract class BreakGlassTests(HavenApp app)
{
    private const string Reason = "Police at the door overnight; the allocated worker cannot be reached.";

    private async Task<(TestWorker Owner, int ChildId)> RestrictedChildAsync()
    {
        var team = await app.Data.CreateTeamAsync();
        var owner = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team.TeamId);
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Sealedaway"; c.Restricted = true; c.AllocatedTo = owner; c.AccessList.Add(owner); });
        return (owner, id);
    }

    private async Task<HttpClient> SignedInAsync(HavenRole role)
    {
        var team = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(role, team.TeamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return client;
    }

    [Fact]
    public async Task EmergencyAccess_ByManagerWithReason_OpensForAWhileLogsTheReasonAndTellsTheOwner()
    {
        // Arrange
        var (owner, id) = await RestrictedChildAsync();
        var manager = await SignedInAsync(HavenRole.TeamManager);
        var refused = await manager.GetAsync($"/children/{id}");
        var refusedPage = await Pages.ParseAsync(refused);

        // Act
        var response = await manager.SubmitAsync($"/emergency-access/{id}", new Dictionary<string, string> { ["Reason"] = Reason });
        var opened = await manager.GetAsync($"/children/{id}");

        // Assert: refused first, with the way to ask; then open, logged with the reason, owner told.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(refusedPage.QuerySelector($"a[href='/emergency-access/{id}']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Sealedaway", await opened.Content.ReadAsStringAsync());
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.ChildId == id && e.Action == AccessAction.BreakGlass && e.Detail == Reason)));
        var grant = await app.Data.WithDbAsync(db => db.RecordAccessGrants.SingleAsync(g => g.ChildId == id && g.IsBreakGlass));
        Assert.InRange(grant.ExpiresAt!.Value - grant.GrantedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        var ownerClient = app.NewClient();
        await ownerClient.SignInAsync(owner.UserName);
        var myWork = await ownerClient.GetPageAsync("/");
        Assert.Contains("used emergency access", myWork.QuerySelector("#notifications")!.TextContent);
        Assert.Contains(Reason, myWork.QuerySelector("#notifications")!.TextContent);

        // When the time is up, the record is closed again.
        await app.Data.WithDbAsync(db => db.RecordAccessGrants.Where(g => g.Id == grant.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/children/{id}")).StatusCode);
    }

    [Fact]
    public async Task EmergencyAccess_OwnerMarksNotificationRead_ItLeavesMyWork()
    {
        var (owner, id) = await RestrictedChildAsync();
        var manager = await SignedInAsync(HavenRole.MashWorker);
        await manager.SubmitAsync($"/emergency-access/{id}", new Dictionary<string, string> { ["Reason"] = Reason });
        var ownerClient = app.NewClient();
        await ownerClient.SignInAsync(owner.UserName);

        var response = await ownerClient.SubmitAsync("/", new Dictionary<string, string>(), "#notifications form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await ownerClient.GetPageAsync("/")).QuerySelector("#notifications"));
    }

    [Fact]
    public async Task EmergencyAccess_WithShortReason_SaysWhyAndOpensNothing()
    {
        var (_, id) = await RestrictedChildAsync();
        var manager = await SignedInAsync(HavenRole.TeamManager);

        var response = await manager.SubmitAsync($"/emergency-access/{id}", new Dictionary<string, string> { ["Reason"] = "urgent" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reason must be at least 20 characters: say what the emergency is", (await Pages.ParseAsync(response)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/children/{id}")).StatusCode);
        Assert.False(await app.Data.WithDbAsync(db => db.RecordAccessGrants.AnyAsync(g => g.ChildId == id && g.IsBreakGlass)));
    }

    [Fact]
    public async Task EmergencyAccess_ForRoleNotAllowed_Is403AndNotOffered()
    {
        var (_, id) = await RestrictedChildAsync();
        var worker = await SignedInAsync(HavenRole.SocialWorker);

        var refusedPage = await Pages.ParseAsync(await worker.GetAsync($"/children/{id}"));
        var get = await worker.GetAsync($"/emergency-access/{id}");

        Assert.Null(refusedPage.QuerySelector("a[href^='/emergency-access/']"));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task EmergencyAccess_ToRecordThatIsNotRestrictedOrMissing_OpensNothing()
    {
        var team = await app.Data.CreateTeamAsync();
        var owner = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team.TeamId);
        var ordinary = await app.Data.CreateChildAsync(c => c.AllocatedTo = owner);
        var manager = await SignedInAsync(HavenRole.TeamManager);

        foreach (var id in new[] { ordinary, 987654321 })
        {
            var response = await manager.SubmitAsync($"/emergency-access/{id}", new Dictionary<string, string> { ["Reason"] = Reason });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("only for restricted records", await response.Content.ReadAsStringAsync());
        }
        Assert.False(await app.Data.WithDbAsync(db => db.RecordAccessGrants.AnyAsync(g => g.IsBreakGlass && (g.ChildId == ordinary || g.ChildId == 987654321))));
    }
}

public sealed class BreakGlassTestsOnSqlite(SqliteApp app) : BreakGlassTests(app), IClassFixture<SqliteApp>;

public sealed class BreakGlassTestsOnPostgres(PostgresApp app) : BreakGlassTests(app), IClassFixture<PostgresApp>;
