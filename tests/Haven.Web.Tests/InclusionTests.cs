using Haven.Core.Education.Inclusion;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Elective home education, children missing education and exclusions, on both databases.
public abstract class InclusionTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static Dictionary<string, string> Date(string field, DateOnly d, Dictionary<string, string>? more = null)
    {
        var values = new Dictionary<string, string> { [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString() };
        foreach (var (k, v) in more ?? []) values[k] = v;
        return values;
    }

    private async Task<(TestWorker Worker, HttpClient Client, int ChildId)> ArrangeAsync(string firstName)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = firstName; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (worker, client, id);
    }

    [Fact]
    public async Task Post_HomeEducation_WithNoCheck_ShowsOverdueOnMyWorkAndRegister_UntilChecked()
    {
        // Arrange
        var (_, client, id) = await ArrangeAsync("Homeed");

        // Act
        var added = await client.SubmitAsync($"/children/{id}/inclusion/home-education/add",
            Date("NotifiedOn", Today.AddDays(-60), new() { ["NotifiedBy"] = "Parents by letter", ["PreviousSchool"] = "Hillside Academy" }));
        var before = await client.GetPageAsync("/");
        var register = await client.GetPageAsync("/inclusion");
        var entryId = await app.Data.WithDbAsync(db => db.HomeEducations.Where(h => h.ChildId == id).Select(h => h.Id).SingleAsync());
        var checkedResponse = await client.SubmitAsync($"/children/{id}/inclusion/home-education/{entryId}/check",
            Date("HeldOn", Today, new() { ["Kind"] = "Visit", ["Outcome"] = "NotYetKnown", ["SafeguardingConcern"] = "true", ["Notes"] = "Child not seen; younger sibling had a bruise" }));
        var after = await client.GetPageAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var row = before.QuerySelectorAll("#due tbody tr").Single(r => r.TextContent.Contains("Home education: first suitability check"));
        Assert.Contains("Overdue", row.TextContent);
        Assert.Contains("Homeed", register.QuerySelector("#home-education")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, checkedResponse.StatusCode);
        var next = after.QuerySelectorAll("#due tbody tr").Single(r => r.TextContent.Contains("Home education: yearly suitability check"));
        Assert.DoesNotContain("Overdue", next.TextContent);
        var record = await client.GetPageAsync($"/children/{id}/inclusion");
        Assert.Contains("Safeguarding concern", record.QuerySelector($"#home-education-{entryId}")!.TextContent);
    }

    [Fact]
    public async Task Post_HomeEducationCheck_AfterSomeoneElseRecordedOne_ShowsTheConflictAndAddsNothing()
    {
        var (_, client, id) = await ArrangeAsync("Twocheck");
        await client.SubmitAsync($"/children/{id}/inclusion/home-education/add", Date("NotifiedOn", Today.AddDays(-30), new() { ["NotifiedBy"] = "Parents" }));
        var entryId = await app.Data.WithDbAsync(db => db.HomeEducations.Where(h => h.ChildId == id).Select(h => h.Id).SingleAsync());
        var form = await client.GetPageAsync($"/children/{id}/inclusion/home-education/{entryId}/check");
        await app.Data.WithDbAsync(async db =>
        {
            var h = await db.HomeEducations.SingleAsync(x => x.Id == entryId);
            h.Checks.Add(new HomeEducationCheck { Kind = HomeEducationCheckKind.Visit, HeldOn = Today, Outcome = HomeEducationOutcome.Suitable, RecordedAt = DateTime.UtcNow });
            h.Version = Guid.NewGuid(); // as InclusionService.AddCheckAsync does
            await db.SaveChangesAsync();
            return 0;
        });

        var response = await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("main form[method=post]")!,
            Date("HeldOn", Today, new() { ["Kind"] = "SuitabilityCheck", ["Outcome"] = "Suitable" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Pages.ParseAsync(response)).ErrorMessages(), m => m.Contains("Someone else recorded a check"));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.HomeEducationChecks.CountAsync(c => c.HomeEducationId == entryId)));
    }

    [Fact]
    public async Task Post_MissingEducation_TrackedThenClosedAsFoundInSchool_LeavesTheOpenList()
    {
        var (_, client, id) = await ArrangeAsync("Cmechild");
        await client.SubmitAsync($"/children/{id}/inclusion/missing-education/add", Date("ReferredOn", Today.AddDays(-20), new() { ["ReferredBy"] = "Hillside Academy" }));
        var cmeId = await app.Data.WithDbAsync(db => db.MissingEducations.Where(m => m.ChildId == id).Select(m => m.Id).SingleAsync());
        await client.SubmitAsync($"/children/{id}/inclusion/missing-education/{cmeId}/action", Date("TakenOn", Today.AddDays(-10), new() { ["Action"] = "Home visit", ["Outcome"] = "Neighbour says they moved" }));
        var open = await client.GetPageAsync("/inclusion");
        var noSchool = await client.SubmitAsync($"/children/{id}/inclusion/missing-education/{cmeId}/close", Date("ClosedOn", Today, new() { ["Closure"] = "FoundInSchool" }));
        var closed = await client.SubmitAsync($"/children/{id}/inclusion/missing-education/{cmeId}/close", Date("ClosedOn", Today, new() { ["Closure"] = "FoundInSchool", ["ClosureDetail"] = "Riverside School" }));

        Assert.Contains("Cmechild", open.QuerySelector("#missing-education")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, noSchool.StatusCode);
        Assert.Contains("Enter the school the child is on the roll of", (await Pages.ParseAsync(noSchool)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var m = await app.Data.WithDbAsync(db => db.MissingEducations.Include(x => x.Actions).SingleAsync(x => x.Id == cmeId));
        Assert.Equal(MissingEducationClosure.FoundInSchool, m.Closure);
        Assert.Single(m.Actions);
        Assert.DoesNotContain("Cmechild", (await client.GetPageAsync("/inclusion")).QuerySelector("#missing-education")!.TextContent);
    }

    [Fact]
    public async Task Post_Suspensions_OverFortyFiveDaysInAYear_AreRefused_AndTheTrendCountsByPhase()
    {
        var (_, client, id) = await ArrangeAsync("Excluded");
        var start = Today.AddDays(-5);
        var first = await client.SubmitAsync($"/children/{id}/inclusion/exclusions/add",
            Date("StartDate", start, new() { ["Kind"] = "Suspension", ["SchoolName"] = "Hillside Academy", ["Phase"] = "Secondary", ["Days"] = "40" }));
        var tooMany = await client.SubmitAsync($"/children/{id}/inclusion/exclusions/add",
            Date("StartDate", start, new() { ["Kind"] = "Suspension", ["SchoolName"] = "Hillside Academy", ["Phase"] = "Secondary", ["Days"] = "5.5" }));
        var trend = await client.GetPageAsync("/inclusion");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains((await Pages.ParseAsync(tooMany)).ErrorMessages(), e => e.Contains("at most 45 school days"));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Exclusions.CountAsync(x => x.ChildId == id)));
        var cell = trend.QuerySelector($"#exclusion-trend td[data-phase='Secondary'][data-year='{Exclusion.AcademicYear(start)}']")!;
        Assert.True(int.Parse(cell.TextContent) >= 1);
    }

    [Fact]
    public async Task Trend_CountsEachKind_AndEachChildOnce_ByPhaseAndSchoolYearFromSeptember()
    {
        // Arrange: a school year no other test records in (2004/05), so the counts are this test's alone:
        // one child suspended twice and excluded once in secondary, on either side of New Year; another
        // suspended once; a third suspended on 31 August 2005 (2004/05) and on 1 September (2005/06).
        var (_, _, a) = await ArrangeAsync("Trenda");
        var (_, _, b) = await ArrangeAsync("Trendb");
        var (_, _, c) = await ArrangeAsync("Trendc");
        await app.Data.WithDbAsync(async db =>
        {
            Exclusion Suspended(int child, DateOnly on, ExclusionKind kind = ExclusionKind.Suspension) => new()
            {
                ChildId = child, SchoolName = "Hillside Academy", Phase = SchoolPhase.Secondary, Kind = kind, StartDate = on,
                Days = kind == ExclusionKind.Suspension ? 2 : null, RecordedAt = DateTime.UtcNow, RecordedByWorkerId = null,
            };
            db.Exclusions.AddRange(Suspended(a, new(2004, 10, 4)), Suspended(a, new(2005, 2, 7)), Suspended(a, new(2005, 3, 1), ExclusionKind.Permanent),
                Suspended(b, new(2004, 11, 8)), Suspended(c, new(2005, 8, 31)), Suspended(c, new(2005, 9, 1)));
            await db.SaveChangesAsync();
            return 0;
        });

        // Act
        var trend = await app.Data.WithDbAsync(db => new InclusionService(db, TimeProvider.System).TrendAsync(new DateOnly(2004, 9, 1)));

        // Assert
        var year = trend.Single(r => r.AcademicYear == "2004/05" && r.Phase == SchoolPhase.Secondary);
        Assert.Equal((4, 1, 3), (year.Suspensions, year.Permanent, year.Children));
        Assert.DoesNotContain(trend, r => r.AcademicYear == "2004/05" && r.Phase != SchoolPhase.Secondary);
        var next = trend.Single(r => r.AcademicYear == "2005/06" && r.Phase == SchoolPhase.Secondary);
        Assert.Equal((1, 0, 1), (next.Suspensions, next.Permanent, next.Children));
    }
}

public sealed class InclusionTestsOnSqlite(SqliteApp app) : InclusionTests(app), IClassFixture<SqliteApp>;
public sealed class InclusionTestsOnPostgres(PostgresApp app) : InclusionTests(app), IClassFixture<PostgresApp>;
