using System.Net.Http.Headers;
using System.Net.Http.Json;
using Haven.Core.Allocations;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// A change of social worker (the 903 SWEpisodes' source): the allocation page and the API, one set of
/// rules; a team manager reallocates, a social worker sees the history but may not change it.
public abstract class AllocationTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Form(int? workerId, DateOnly? d, string? reason) => new()
    {
        ["WorkerId"] = workerId?.ToString() ?? "", ["StartDate.Day"] = d?.Day.ToString() ?? "", ["StartDate.Month"] = d?.Month.ToString() ?? "",
        ["StartDate.Year"] = d?.Year.ToString() ?? "", ["ReasonCode"] = reason ?? "",
    };

    private async Task<(TestWorker Sw, TestWorker Manager, TestWorker Next, int ChildId)> SetUpAsync()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team);
        var next = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var child = await app.Data.CreateChildAsync(b => b.AllocatedTo = sw);
        return (sw, manager, next, child);
    }

    [Fact]
    public async Task AllocationPage_ManagerChangesWorker_OldEndsDayBeforeNewStartsWithReason()
    {
        var (sw, manager, next, child) = await SetUpAsync();
        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);

        // Bad input: messages, nothing saved.
        var bad = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/allocation", Form(null, Today.AddDays(5), "NOTACODE")));
        var messages = bad.ErrorMessages();
        Assert.Contains("Select the new social worker", messages);
        Assert.Contains("The date the new worker takes the case must be today or in the past", messages);
        Assert.Contains("Select a reason from the list", messages);
        var before = await client.SubmitAsync($"/children/{child}/allocation", Form(next.WorkerId, Today.AddMonths(-3), "MANAGE"));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode); // before the current worker took the case

        // A good change, sent twice (double click): one new allocation.
        var page = await client.GetPageAsync($"/children/{child}/allocation");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form#reallocate")!;
        // The reasons read as the 903 list says them, without the reference's working notes; and no
        // tab of the child's record is current (the allocation page has none of its own).
        var reasons = form.QuerySelectorAll("select[name=ReasonCode] option, input[name=ReasonCode]").Select(o => o.ParentElement?.TextContent + o.TextContent).ToList();
        Assert.Contains(reasons, r => r.Contains("Management decision, e.g. caseload or team change"));
        Assert.DoesNotContain("interpretation", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector(".haven-sub-navigation [aria-current]"));
        var values = Form(next.WorkerId, Today.AddDays(-3), "LEFTRL");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(form, values)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(form, values)).StatusCode);
        var rows = await app.Data.WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.StartDate).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((sw.WorkerId, Today.AddDays(-4)), (rows[0].WorkerId, rows[0].EndDate));
        Assert.Equal((next.WorkerId, Today.AddDays(-3), (DateOnly?)null, "LEFTRL"), (rows[1].WorkerId, rows[1].StartDate, rows[1].EndDate, rows[1].ChangeReasonCode));
        var view = await client.GetPageAsync($"/children/{child}/allocation");
        Assert.Contains("left the role", view.QuerySelector("#allocations")!.TextContent);
    }

    [Fact]
    public async Task AllocationPage_SocialWorker_SeesHistoryButNoFormAndPostRefused()
    {
        var (sw, _, next, child) = await SetUpAsync();
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var page = await client.GetPageAsync($"/children/{child}/allocation");
        Assert.NotNull(page.QuerySelector("#allocations"));
        Assert.Null(page.QuerySelector("form#reallocate"));
        // A hand-made post (the page offers no form): refused.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        var post = await client.PostAsync($"/children/{child}/allocation",
            new FormUrlEncodedContent(Form(next.WorkerId, Today, "MANAGE").Append(new("__RequestVerificationToken", token))));
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden
            || post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal), $"{(int)post.StatusCode} {post.Headers.Location}");
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Allocations.CountAsync(a => a.ChildId == child)));
    }

    [Fact]
    public async Task AllocationsApi_BadThenGood_400WithFieldErrorsThen201()
    {
        var (_, manager, next, child) = await SetUpAsync();
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", manager.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());

        // Without the version of the allocation it would end: 428, nothing saved.
        var blind = await api.PostAsJsonAsync($"/api/v1/children/{child}/allocations", new { workerId = next.WorkerId, startDate = Today, reasonCode = "TSPROC" });
        Assert.Equal((HttpStatusCode)428, blind.StatusCode);
        Assert.Contains("version", await blind.Content.ReadAsStringAsync());
        var read = (await api.GetFromJsonAsync<List<Haven.Web.Api.AllocationHistoryDto>>($"/api/v1/children/{child}/allocations"))!.Single(a => a.EndDate is null).Version;

        var bad = await api.PostAsJsonAsync($"/api/v1/children/{child}/allocations", new { workerId = next.WorkerId, startDate = Today, reasonCode = "XYZ", version = read });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("reasonCode", await bad.Content.ReadAsStringAsync());
        var good = await api.PostAsJsonAsync($"/api/v1/children/{child}/allocations", new { workerId = next.WorkerId, startDate = Today, reasonCode = "TSPROC", version = read });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var current = await app.Data.WithDbAsync(db => db.Allocations.AsNoTracking().SingleAsync(a => a.ChildId == child && a.EndDate == null));
        Assert.Equal((next.WorkerId, "TSPROC", AllocationKind.SocialWorker), (current.WorkerId, current.ChangeReasonCode, current.Kind));

        // A second manager's change from the same (now stale) version: 409 with both, the first change stays.
        var stale = await api.PostAsJsonAsync($"/api/v1/children/{child}/allocations", new { workerId = manager.WorkerId, startDate = Today, reasonCode = "ORGRST", version = read });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("TSPROC", problem.GetProperty("current").GetRawText());
        Assert.Contains("ORGRST", problem.GetProperty("yours").GetRawText());
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Allocations.CountAsync(a => a.ChildId == child && a.EndDate == null)));
    }

    [Fact]
    public async Task AddPerson_SocialWorkerAddingAChild_IsAskedTheReason_AndTheFirstAllocationKeepsIt()
    {
        var (sw, _, _, _) = await SetUpAsync();
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var name = $"Firstalloc{Guid.NewGuid():N}"[..20];
        var values = new Dictionary<string, string>
        {
            ["Kind"] = "child", ["FirstName"] = "Nia", ["LastName"] = name, ["DateOfBirth.Day"] = "4", ["DateOfBirth.Month"] = "5", ["DateOfBirth.Year"] = "2019", ["Sex"] = "Female",
        };
        var missing = await Pages.ParseAsync(await client.SubmitAsync("/people/add", values));
        Assert.Contains("Select the reason the case is allocated to you", missing.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.People.CountAsync(p => p.LastName == name)));

        values["AllocationReasonCode"] = "OTHERS";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/people/add", values)).StatusCode);
        var first = await app.Data.WithDbAsync(db => db.Allocations.AsNoTracking().SingleAsync(a => a.Child.LastName == name));
        Assert.Equal((sw.WorkerId, AllocationKind.SocialWorker, "OTHERS"), (first.WorkerId, first.Kind, first.ChangeReasonCode));
    }
}

public sealed class AllocationTestsOnSqlite(SqliteApp app) : AllocationTests(app), IClassFixture<SqliteApp>;
public sealed class AllocationTestsOnPostgres(PostgresApp app) : AllocationTests(app), IClassFixture<PostgresApp>;
