using AngleSharp.Dom;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Haven.Core.ChildInNeed;
using Haven.Core.Involvements;
using Haven.Core.Oversight;
using Haven.Core.Plans;
using Haven.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Plans (any kind), child in need plans and reviews, management oversight and supervision,
/// through the pages and the API, on both databases.
public abstract class PlansTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static Dictionary<string, string> Content(DateOnly due) => With(Date("Actions[0].DueDate", due), new()
    {
        ["Outcomes"] = "Amara goes to school every day\nAmara feels safe at home",
        ["Actions[0].What"] = "Walk Amara to school each morning", ["Actions[0].Who"] = "Gran (Mrs Okafor)",
        ["FamilyAndNetwork"] = "Gran and Aunt Joy share the school run.",
        ["Contingency"] = "If attendance falls below 90%, the social worker calls a meeting within a week.",
    });

    private async Task<(TestWorker Worker, TestWorker Manager, HttpClient Client, HttpClient ManagerClient)> TeamAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);
        return (worker, manager, client, managerClient);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    [Fact]
    public async Task Get_PlanPagesAndApi_WhenThePlanHasNoVersionRow_Are404_NotAnError()
    {
        // Arrange: a plan and its child in need plan made outside PlanService, without their first version.
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var (planId, cinId) = await app.Data.WithDbAsync(async db =>
        {
            var plan = new Plan { ChildId = child, Kind = PlanKind.ChildInNeed, StartDate = Today.AddDays(-10), CurrentVersionNumber = 1, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var cin = new ChildInNeedPlan { ChildId = child, PlanId = plan.Id, StartDate = Today.AddDays(-10), RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.ChildInNeedPlans.Add(cin);
            await db.SaveChangesAsync();
            return (plan.Id, cin.Id);
        });
        var api = await ApiClientAsync(worker);
        var version = await app.Data.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Version).FirstAsync());

        // Act and assert: every page and endpoint reading the plan's version says not found.
        foreach (var page in new[] { "", "/print", "/compare", "/new-version", "/review" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/{child}/plans/{planId}{page}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child}/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/children/{child}/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/children/{child}/plans")).StatusCode);
        var content = new { outcomes = new[] { "Safe at home" }, contingency = "Call a meeting" };
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/children/{child}/plans/{planId}/versions", new { baseVersion = version, content })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans/{cinId}/reviews",
            new { date = Today, summary = "Reviewed", basePlanVersion = version, newContent = content })).StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == planId)));
    }

    private async Task<int> StartPlanAsync(HttpClient client, int child, DateOnly start, DateOnly actionDue)
    {
        var response = await client.SubmitAsync($"/children/{child}/plans/start-child-in-need", With(Date("StartDate", start), Content(actionDue)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task Post_StartChildInNeedPlan_SavesVersionOneOpensTheSpanAndTheReviewIsDue()
    {
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Amara"; c.AllocatedTo = worker; });
        var start = Today.AddDays(-3);

        var planId = await StartPlanAsync(client, child, start, Today.AddDays(30));

        var plan = await app.Data.WithDbAsync(db => db.Plans.Include(p => p.Versions).ThenInclude(v => v.Actions).AsSingleQuery().SingleAsync(p => p.Id == planId));
        Assert.Equal(PlanKind.ChildInNeed, plan.Kind);
        Assert.Equal(1, plan.CurrentVersionNumber);
        Assert.Equal("Gran (Mrs Okafor)", plan.Versions.Single().Actions.Single().Who);
        var span = await app.Data.WithDbAsync(db => db.Involvements.SingleAsync(i => i.ChildId == child && i.Kind == InvolvementKind.ChildInNeed));
        Assert.Equal(start, span.StartDate);
        Assert.Null(span.EndDate);
        var due = new ChildInNeedSettings().NextReviewDue(start);
        var myWork = await client.GetPageAsync("/");
        Assert.Contains(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Amara") && r.TextContent.Contains("Child in need plan review")
            && r.TextContent.Contains(due.ToString("d MMM yyyy")));
        var list = await client.GetPageAsync($"/children/{child}/plans");
        Assert.Contains("Child in need plan", list.QuerySelector("#plans")!.TextContent);
        Assert.Contains(due.ToString("d MMM yyyy"), list.QuerySelector("#plans")!.TextContent);
    }

    [Fact]
    public async Task Post_StartChildInNeedPlan_WithoutOutcomesOrContingencyAndAHalfAction_ShowsErrorsAndSavesNothing()
    {
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);

        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/plans/start-child-in-need", With(Date("StartDate", Today), new()
        {
            ["Outcomes"] = "", ["Contingency"] = "", ["Actions[0].What"] = "Refer to the school nurse",
        })));

        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter at least one outcome: what the plan is meant to change for the child", errors);
        Assert.Contains("Enter the contingency plan: what happens if the plan does not work", errors);
        Assert.Contains(errors, e => e.StartsWith("Enter who will do it"));
        Assert.Contains(errors, e => e.StartsWith("Enter the date it will be done by"));
        Assert.Equal("Refer to the school nurse", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Actions[0].What']")!.Value);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == child)));
    }

    [Fact]
    public async Task Review_ChangingThePlan_SavesVersionTwo_CompareShowsTheChange_AndPrintIsPlain()
    {
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Amara"; c.AllocatedTo = worker; });
        var planId = await StartPlanAsync(client, child, Today.AddDays(-20), Today.AddDays(30));

        var reviewed = await client.SubmitAsync($"/children/{child}/plans/{planId}/review", With(Date("Date", Today), Date("Actions[1].DueDate", Today.AddDays(40)), new()
        {
            ["Summary"] = "Attendance up to 96%.", ["ChangePlan"] = "yes", ["Actions[0].Done"] = "true",
            ["Actions[1].What"] = "Book a school nurse drop-in", ["Actions[1].Who"] = "School nurse",
            ["Contingency"] = "If attendance falls below 90%, a meeting within 3 days.",
        }));

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var review = await app.Data.WithDbAsync(db => db.ChildInNeedPlanReviews.SingleAsync());
        Assert.Equal(2, review.PlanVersionNumber);
        Assert.Equal(new ChildInNeedSettings().NextReviewDue(Today), review.NextReviewDue);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.ChildInNeed).Select(i => i.LastReviewDate).SingleAsync()));
        var v1 = await app.Data.WithDbAsync(db => db.PlanVersions.Include(v => v.Actions).SingleAsync(v => v.PlanId == planId && v.Number == 1));
        Assert.False(v1.Actions.Single().Done);
        Assert.Equal("If attendance falls below 90%, the social worker calls a meeting within a week.", v1.Contingency);

        var compare = await client.GetPageAsync($"/children/{child}/plans/{planId}/compare?from=1&to=2");
        var rows = compare.QuerySelectorAll("#changes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Contingency plan") && r.Contains("within 3 days"));
        Assert.Contains(rows, r => r.Contains("Added") && r.Contains("Book a school nurse drop-in"));
        Assert.Contains(rows, r => r.Contains("Changed") && r.Contains("(done"));
        var history = await client.GetPageAsync($"/children/{child}/plans/{planId}/history");
        Assert.Equal(2, history.QuerySelectorAll("#versions tbody tr").Length);

        var print = await client.GetPageAsync($"/children/{child}/plans/{planId}/print");
        Assert.Contains("Our plan to help Amara", print.QuerySelector("h1")!.TextContent);
        Assert.Contains("School nurse", print.QuerySelector("#print-actions")!.TextContent);
        Assert.Null(print.QuerySelector(".haven-sub-navigation"));
    }

    [Fact]
    public async Task Post_NewVersion_WhenSomeoneElseSavedFirst_ShowsTheirVersionKeepsTheFormAndSavesNothing()
    {
        var (worker, manager, client, managerClient) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var planId = await StartPlanAsync(client, child, Today.AddDays(-5), Today.AddDays(30));
        var url = $"/children/{child}/plans/{planId}/new-version";
        var mine = await client.GetPageAsync(url);
        var theirs = await managerClient.SubmitAsync(url, new Dictionary<string, string> { ["Contingency"] = "Manager's contingency: legal planning meeting." });
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);

        var form = mine.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var doc = await Pages.ParseAsync(await client.PostFormAsync(form, new Dictionary<string, string> { ["Contingency"] = "My contingency: family group conference." }));

        Assert.Contains(doc.ErrorMessages(), m => m.StartsWith("Someone else saved version 2 of this plan"));
        Assert.Contains("Manager's contingency", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("My contingency: family group conference.", doc.QuerySelector("textarea[name=Contingency]")!.TextContent.Trim());
        var versions = await app.Data.WithDbAsync(db => db.PlanVersions.Where(v => v.PlanId == planId).OrderBy(v => v.Number).Select(v => v.Contingency).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal("Manager's contingency: legal planning meeting.", versions[1]);

        var again = await client.PostFormAsync(doc.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await app.Data.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.CurrentVersionNumber).SingleAsync()));
    }

    [Fact]
    public async Task OverdueAndDriftingActions_ShowOnThePlanAndOnMyWork()
    {
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Kofi"; c.AllocatedTo = worker; });
        var planId = await StartPlanAsync(client, child, Today.AddDays(-60), Today.AddDays(30));
        // Time passes: one action past its date, and one with no progress for six weeks.
        await app.Data.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => db.PlanVersions.Any(v => v.Id == a.PlanVersionId && v.PlanId == planId));
            action.DueDate = Today.AddDays(-2);
            var second = new PlanAction { PlanVersionId = action.PlanVersionId, Key = Guid.NewGuid(), Order = 2, What = "Speech and language referral", Who = "Health visitor",
                DueDate = Today.AddDays(20), LastProgressOn = Today.AddDays(-42) };
            db.PlanActions.Add(second);
            // On track (progress within the drift period, not yet due): on the plan, not on My work.
            db.PlanActions.Add(new PlanAction { PlanVersionId = action.PlanVersionId, Key = Guid.NewGuid(), Order = 3, What = "Register with the dentist", Who = "Mother",
                DueDate = Today.AddDays(20), LastProgressOn = Today.AddDays(-27) });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync($"/children/{child}/plans/{planId}");
        var rows = page.QuerySelectorAll("#actions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Walk Amara to school") && r.Contains("Overdue"));
        Assert.Contains(rows, r => r.Contains("Speech and language referral") && r.Contains("Drifting"));
        var myWork = await client.GetPageAsync("/");
        var due = myWork.QuerySelectorAll("#due tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(due, r => r.Contains("Kofi") && r.Contains("Overdue action") && r.Contains("Walk Amara to school"));
        Assert.Contains(due, r => r.Contains("Kofi") && r.Contains("Drifting action") && r.Contains("Speech and language referral"));
        Assert.Contains(rows, r => r.Contains("Register with the dentist") && r.Contains("On track"));
        Assert.DoesNotContain(due, r => r.Contains("Register with the dentist"));
    }

    [Fact]
    public async Task Post_Close_WithReason_EndsThePlanAndTheSpan_AndTheReviewLeavesMyWork()
    {
        var (worker, _, client, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Zainab"; c.AllocatedTo = worker; });
        var planId = await StartPlanAsync(client, child, Today.AddDays(-30), Today.AddDays(30));

        var errors = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/plans/{planId}/close", With(Date("EndDate", Today), new() { ["Reason"] = "Other" })));
        Assert.Contains("Enter why the plan ended", errors.ErrorMessages());
        var closed = await client.SubmitAsync($"/children/{child}/plans/{planId}/close", With(Date("EndDate", Today), new() { ["Reason"] = "NeedsMet" }));

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var cin = await app.Data.WithDbAsync(db => db.ChildInNeedPlans.Include(c => c.Plan).SingleAsync(c => c.PlanId == planId));
        Assert.Equal(ChildInNeedPlanClosureReason.NeedsMet, cin.ClosureReason);
        Assert.Equal(Today, cin.Plan.EndDate);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.ChildInNeed).Select(i => i.EndDate).SingleAsync()));
        var myWork = await client.GetPageAsync("/");
        Assert.DoesNotContain(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Zainab") && r.TextContent.Contains("plan"));
        var chronology = await client.GetPageAsync($"/children/{child}/chronology");
        Assert.Contains("Child in need plan closed", chronology.Body!.TextContent);
    }

    [Fact]
    public async Task Api_PlanLifecycle_StartVersionStale409Bad400ReviewClose()
    {
        var (worker, _, _, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var api = await ApiClientAsync(worker);
        var content = new PlanContentDto(["Amara goes to school every day"],
            [new PlanActionDto(null, "Walk Amara to school", "Gran", Today.AddDays(14), false, null, null, null, null)], "Gran helps.", "Meeting within a week.", null);

        var bad = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans", new NewChildInNeedPlanDto(null, content with { Contingency = null }, null));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("startDate", problem!.Errors.Keys);
        Assert.Contains("contingency", problem.Errors.Keys);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));

        var started = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans", new NewChildInNeedPlanDto(Today.AddDays(-10), content, null));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var cin = (await started.Content.ReadFromJsonAsync<ChildInNeedPlanDto>())!;
        var plan = (await api.GetFromJsonAsync<PlanDto>($"/api/v1/children/{child}/plans/{cin.PlanId}"))!;
        Assert.Equal("ChildInNeed", plan.Kind);
        Assert.Equal("OnTrack", plan.Current.Actions.Single().Status);

        var changed = content with { Actions = [plan.Current.Actions.Single() with { Progress = "Every day this week" }] };
        var v2 = await api.PostAsJsonAsync($"/api/v1/children/{child}/plans/{cin.PlanId}/versions", new NewPlanVersionDto(plan.Version, "Core group", changed, null));
        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        var v2Plan = (await v2.Content.ReadFromJsonAsync<PlanDto>())!;
        Assert.Equal(2, v2Plan.Current.Number);
        var stale = await api.PostAsJsonAsync($"/api/v1/children/{child}/plans/{cin.PlanId}/versions", new NewPlanVersionDto(plan.Version, null, changed, null));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var badVersion = await api.PostAsJsonAsync($"/api/v1/children/{child}/plans/{cin.PlanId}/versions", new NewPlanVersionDto(v2Plan.Version, null, changed with { Outcomes = [] }, null));
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        Assert.Equal(2, await app.Data.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.PlanId == cin.PlanId)));

        var current = (await api.GetFromJsonAsync<PlanDto>($"/api/v1/children/{child}/plans/{cin.PlanId}"))!;
        var reviewed = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans/{cin.Id}/reviews",
            new NewChildInNeedReviewDto(Today, "Good progress.", null, current.Version, null, null));
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        var afterReview = (await reviewed.Content.ReadFromJsonAsync<ChildInNeedPlanDto>())!;
        Assert.Single(afterReview.Reviews);
        Assert.Equal(new ChildInNeedSettings().NextReviewDue(Today), afterReview.NextReviewDue);

        var badClose = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans/{cin.Id}/closure", new ChildInNeedClosureDto(afterReview.Version, Today, "Bored", null));
        Assert.Equal(HttpStatusCode.BadRequest, badClose.StatusCode);
        var close = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-in-need-plans/{cin.Id}/closure", new ChildInNeedClosureDto(afterReview.Version, Today, "SteppedDownToEarlyHelp", null));
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.ChildInNeed).Select(i => i.EndDate).SingleAsync()));
    }

    [Fact]
    public async Task Oversight_ManagerDirectionWithAction_FeedsMyWorkAndTheTeamViewFlagsCasesWithout()
    {
        var (worker, manager, client, managerClient) = await TeamAsync();
        var seen = await app.Data.CreateChildAsync(c => { c.FirstName = "Amara"; c.AllocatedTo = worker; });
        var notSeen = await app.Data.CreateChildAsync(c => { c.FirstName = "Kofi"; c.AllocatedTo = worker; });
        Assert.Contains("/error/403", (await client.GetAsync($"/children/{seen}/oversight/add")).Headers.Location!.OriginalString);

        var bad = await Pages.ParseAsync(await managerClient.SubmitAsync($"/children/{seen}/oversight/add", With(Date("Date", Today), new() { ["Direction"] = "", ["Actions[0].What"] = "Visit" })));
        Assert.Contains("Enter the direction you gave", bad.ErrorMessages());
        Assert.Contains(bad.ErrorMessages(), e => e.StartsWith("Enter who is to do it"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.OversightEntries.CountAsync(e => e.ChildId == seen)));
        var added = await managerClient.SubmitAsync($"/children/{seen}/oversight/add", With(Date("Date", Today), Date("Actions[0].DueDate", Today.AddDays(5)), new()
        {
            ["Direction"] = "Escalate to legal planning if the next visit finds the home unsafe.", ["Actions[0].What"] = "Unannounced home visit", ["Actions[0].Who"] = "Allocated social worker",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var myWork = await client.GetPageAsync("/");
        Assert.Contains(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Amara") && r.TextContent.Contains("Manager's action: Unannounced home visit"));
        var team = await managerClient.GetPageAsync("/team/oversight");
        var rows = team.QuerySelectorAll("#oversight tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Kofi") && r.Contains("None recorded") && r.Contains("Oversight due"));
        Assert.Contains(rows, r => r.Contains("Amara") && r.Contains(Today.ToString("d MMM yyyy")) && r.Contains("In time"));
        Assert.Contains(team.QuerySelectorAll("#oversight a"), a => a.GetAttribute("href") == $"/children/{notSeen}/oversight");

        var done = await client.SubmitAsync($"/children/{seen}/oversight", new Dictionary<string, string>(), handler: "Done");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.OversightActions.Where(a => a.ChildId == seen).Select(a => a.CompletedOn).SingleAsync()));
        myWork = await client.GetPageAsync("/");
        Assert.DoesNotContain(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Manager's action"));
    }

    [Fact]
    public async Task Supervision_CoveringTwoCases_RecordsOversightOnEachAndActionsForTheWorker()
    {
        var (worker, _, client, managerClient) = await TeamAsync();
        var first = await app.Data.CreateChildAsync(c => { c.FirstName = "Amara"; c.AllocatedTo = worker; });
        var second = await app.Data.CreateChildAsync(c => { c.FirstName = "Kofi"; c.AllocatedTo = worker; });
        var url = $"/team/supervision/record?workerId={worker.WorkerId}";
        var form = await managerClient.GetPageAsync(url);
        var index = form.QuerySelectorAll("input[name$='.ChildId']").Select(i => int.Parse(i.GetAttribute("value")!)).ToList();
        var a = index.IndexOf(first);
        var b = index.IndexOf(second);

        var saved = await managerClient.SubmitAsync(url, With(Date("Date", Today), Date($"Cases[{b}].Action.DueDate", Today.AddDays(7)), new()
        {
            ["Notes"] = "Workload high; protected time agreed.",
            [$"Cases[{a}].Discussion"] = "School attendance improving; keep the plan.",
            [$"Cases[{b}].Discussion"] = "Drift on the CAMHS referral.", [$"Cases[{b}].Action.What"] = "Chase the CAMHS referral", [$"Cases[{b}].Action.Who"] = "Social worker",
        }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entries = await app.Data.WithDbAsync(db => db.OversightEntries.Where(e => e.ChildId == first || e.ChildId == second).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(OversightKind.Supervision, e.Kind));
        var myWork = await client.GetPageAsync("/");
        Assert.Contains(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Kofi") && r.TextContent.Contains("Chase the CAMHS referral"));
        var record = await managerClient.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Drift on the CAMHS referral", record.Body!.TextContent);
        var childPage = await client.GetPageAsync($"/children/{first}/oversight");
        Assert.Contains("case supervision", childPage.Body!.TextContent);
        Assert.Contains("/error/403", (await client.GetAsync(url)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_PlansAndOversight_ForWorkerOutsideTheTeam_IsForbiddenOnPagesAndApi()
    {
        var (worker, _, client, managerClient) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Secret"; c.AllocatedTo = worker; });
        var planId = await StartPlanAsync(client, child, Today.AddDays(-3), Today.AddDays(30));
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var outsiderManager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, otherTeam);
        var outsiderClient = app.NewClient();
        await outsiderClient.SignInAsync(outsider.UserName);
        var outsiderApi = await ApiClientAsync(outsider);

        foreach (var url in new[] { $"/children/{child}/plans", $"/children/{child}/plans/{planId}", $"/children/{child}/plans/{planId}/print",
                     $"/children/{child}/plans/{planId}/compare", $"/children/{child}/plans/{planId}/history", $"/children/{child}/oversight" })
        {
            var response = await outsiderClient.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Walk Amara to school", await response.Content.ReadAsStringAsync());
        }
        foreach (var url in new[] { $"/api/v1/children/{child}/plans", $"/api/v1/children/{child}/plans/{planId}", $"/api/v1/children/{child}/child-in-need-plans", $"/api/v1/children/{child}/oversight" })
            Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.GetAsync(url)).StatusCode);
        var otherManagerClient = app.NewClient();
        await otherManagerClient.SignInAsync(outsiderManager.UserName);
        Assert.DoesNotContain("Secret", (await otherManagerClient.GetPageAsync("/team/oversight")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManagerClient.GetAsync($"/team/supervision/record?workerId={worker.WorkerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child}/plans/{planId}")).StatusCode);
    }
}

public sealed class PlansTestsOnSqlite(SqliteApp app) : PlansTests(app), IClassFixture<SqliteApp>;
public sealed class PlansTestsOnPostgres(PostgresApp app) : PlansTests(app), IClassFixture<PostgresApp>;
