using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Recording the workforce through its pages: spells of employment, a leaver's last day (with the
/// second of two writers told, not overwritten) and funded posts, on SQLite and PostgreSQL.
public abstract class WorkforceFormsTests(HavenApp app)
{
    private static Dictionary<string, string> Date(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> a, Dictionary<string, string> b)
    {
        foreach (var (k, v) in b) a[k] = v;
        return a;
    }

    [Fact]
    public async Task TeamManager_AddsSpell_RecordsLeaving_SetsPosts_AndTheStabilityFiguresFollow()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);
        var start = new DateOnly(2025, 9, 1);

        // Bad input: every message shown, nothing saved.
        var bad = await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["WorkerId"] = "", ["Fte"] = "lots" }, Date("StartDate", start)), handler: "Spell");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await Pages.ParseAsync(bad);
        Assert.Contains("must be a number", badPage.QuerySelector(".govuk-error-summary")!.TextContent);
        bad = await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["WorkerId"] = worker.WorkerId.ToString(), ["ContractType"] = "Agency", ["IsQualified"] = "true", ["Fte"] = "1.5" }, Date("StartDate", start)), handler: "Spell");
        Assert.Contains("no more than 1", (await Pages.ParseAsync(bad)).QuerySelector(".govuk-error-summary")!.TextContent);
        bad = await client.SubmitAsync($"/workforce/teams/{teamId}", new Dictionary<string, string> { ["WorkerId"] = worker.WorkerId.ToString(), ["ContractType"] = "Agency", ["IsQualified"] = "true", ["Fte"] = "1", ["StartDate.Day"] = "30", ["StartDate.Month"] = "2", ["StartDate.Year"] = "2026" }, handler: "Spell");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Start date must be a real date", (await Pages.ParseAsync(bad)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Employments.CountAsync(e => e.WorkerId == worker.WorkerId)));

        // A good spell, submitted twice, is recorded once.
        var good = With(new() { ["WorkerId"] = worker.WorkerId.ToString(), ["ContractType"] = "Agency", ["IsQualified"] = "true", ["Fte"] = "0.8" }, Date("StartDate", start));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/workforce/teams/{teamId}", good, handler: "Spell")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/workforce/teams/{teamId}", good, handler: "Spell")).StatusCode);
        var spell = await app.Data.WithDbAsync(db => db.Employments.AsNoTracking().SingleAsync(e => e.WorkerId == worker.WorkerId));
        Assert.Equal((ContractType.Agency, 0.8m, start), (spell.ContractType, spell.Fte, spell.StartDate));

        // A second spell while the first is open is refused with the reason.
        var overlap = await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["WorkerId"] = worker.WorkerId.ToString(), ["ContractType"] = "Permanent", ["IsQualified"] = "true", ["Fte"] = "1" }, Date("StartDate", start.AddMonths(3))), handler: "Spell");
        Assert.Contains("record the last day of that spell first", (await Pages.ParseAsync(overlap)).QuerySelector(".govuk-error-summary")!.TextContent);

        // Two managers open the leaving form; the first saves, the second is shown both versions and nothing changes.
        var other = app.NewClient();
        var leader = await app.Data.CreateWorkerAsync(HavenRole.SeniorLeader, teamId);
        await other.SignInAsync(leader.UserName);
        var mine = (await client.GetPageAsync($"/workforce/employment/{spell.Id}/leave")).QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        var theirs = (await other.GetPageAsync($"/workforce/employment/{spell.Id}/leave")).QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        var firstLeave = new DateOnly(2026, 2, 27);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(mine, Date("LeaveDate", firstLeave))).StatusCode);
        var conflict = await other.PostFormAsync(theirs, Date("LeaveDate", new DateOnly(2026, 3, 31)));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var conflictPage = await Pages.ParseAsync(conflict);
        Assert.Contains("Someone else changed this spell", conflictPage.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("27 February 2026", conflictPage.QuerySelector("#conflict")!.TextContent);
        Assert.Contains("31 March 2026", conflictPage.QuerySelector("#conflict")!.TextContent);
        Assert.Equal(firstLeave, await app.Data.WithDbAsync(db => db.Employments.Where(e => e.Id == spell.Id).Select(e => e.LeaveDate).SingleAsync()));

        // A last day before the start is refused.
        var early = await client.SubmitAsync($"/workforce/employment/{spell.Id}/leave", Date("LeaveDate", start.AddDays(-1)));
        Assert.Contains("on or after the start", (await Pages.ParseAsync(early)).QuerySelector(".govuk-error-summary")!.TextContent);

        // Now permanent from the next day.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["WorkerId"] = worker.WorkerId.ToString(), ["ContractType"] = "Permanent", ["IsQualified"] = "true", ["Fte"] = "1" }, Date("StartDate", firstLeave.AddDays(1))), handler: "Spell")).StatusCode);

        // Funded posts: a bad number refused; then 2 posts from 1 April 2025; a correction of the same date wins.
        bad = await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["Posts"] = "-3" }, Date("PostsFrom", new DateOnly(2025, 4, 1))), handler: "Posts");
        Assert.Contains("between 0 and 500", (await Pages.ParseAsync(bad)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["Posts"] = "3" }, Date("PostsFrom", new DateOnly(2025, 4, 1))), handler: "Posts")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/workforce/teams/{teamId}", With(new() { ["Posts"] = "2" }, Date("PostsFrom", new DateOnly(2025, 4, 1))), handler: "Posts")).StatusCode);

        // The team's figures on 31 March 2026: one permanent FTE in post, 2 posts, so no vacancy; agency 0.
        var figures = await app.Data.WithDbAsync(async db =>
        {
            var teams = await new WorkforceFigures(db, new WorkforceSettings()).StabilityAsync([new DateOnly(2026, 3, 31)]);
            return teams.Single(t => t.TeamId == teamId).Points.Single();
        });
        Assert.Equal(2m, figures.Posts);
        Assert.Equal(1m, figures.PermanentFte);
        Assert.Equal(0m, figures.AgencyFte);

        var page = await client.GetPageAsync($"/workforce/teams/{teamId}");
        Assert.Contains("Permanent", page.QuerySelector("main table")!.TextContent);
    }

    [Fact]
    public async Task AnotherTeamsManager_AndAnAnalyst_MayReadButNotChange()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        await app.Data.WithDbAsync(db =>
        {
            db.Employments.Add(new Employment { WorkerId = worker.WorkerId, TeamId = teamId, ContractType = ContractType.Permanent, Fte = 1m, StartDate = new DateOnly(2024, 1, 8), RecordedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var spellId = await app.Data.WithDbAsync(db => db.Employments.Where(e => e.WorkerId == worker.WorkerId).Select(e => e.Id).SingleAsync());
        foreach (var (role, team) in new[] { (HavenRole.TeamManager, otherTeam), (HavenRole.PerformanceAnalyst, teamId) })
        {
            var reader = await app.Data.CreateWorkerAsync(role, team);
            var client = app.NewClient();
            await client.SignInAsync(reader.UserName);
            var page = await client.GetPageAsync($"/workforce/teams/{teamId}");
            Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
            var leave = await client.GetAsync($"/workforce/employment/{spellId}/leave");
            Assert.True(leave.StatusCode == HttpStatusCode.Forbidden || leave.Headers.Location?.OriginalString.Contains("/error/403") == true, $"{role} got {(int)leave.StatusCode}");
        }
        var social = app.NewClient();
        await social.SignInAsync(worker.UserName);
        var refused = await social.GetAsync($"/workforce/teams/{teamId}");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/error/403") == true, $"a social worker got {(int)refused.StatusCode}");
    }
}

public sealed class WorkforceFormsTestsOnSqlite(SqliteApp app) : WorkforceFormsTests(app), IClassFixture<SqliteApp>;
public sealed class WorkforceFormsTestsOnPostgres(PostgresApp app) : WorkforceFormsTests(app), IClassFixture<PostgresApp>;
