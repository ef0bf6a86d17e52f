using AngleSharp.Dom;
using System.Net.Http.Headers;
using Haven.Core.ChildProtection;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Child protection conferences, plans, visits and core groups through the pages and the API, on both databases.
public abstract class ChildProtectionPlanTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(TestWorker Worker, HttpClient Client)> TeamAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (worker, client);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    /// A strategy discussion on the given date, and its section 47 concluded as needing a conference: the enquiry id.
    private async Task<int> EnquiryNeedingConferenceAsync(HttpClient client, int child, DateOnly discussed)
    {
        var added = await client.SubmitAsync($"/children/{child}/child-protection/strategy-discussion/add", With(Date("Date", discussed), new()
        {
            ["Concerns"] = "Repeated injuries.", ["Police"] = "DC Sam Patel, CAIT", ["Health"] = "Ruth Okafor, named nurse", ["StartSection47"] = "yes",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.Data.WithDbAsync(db => db.Section47Enquiries.Where(e => e.ChildId == child && e.StartDate == discussed).Select(e => e.Id).SingleAsync());
        var done = await client.SubmitAsync($"/children/{child}/child-protection/section-47/{id}", With(Date("CompletedDate", discussed.AddDays(2)), new()
        {
            ["Outcome"] = "ConferenceRequired", ["OutcomeSummary"] = "Substantiated; continuing risk.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return id;
    }

    private static Dictionary<string, string> Conference(DateOnly date, string? plan = "yes", string category = "NEG") => With(Date("Date", date), new()
    {
        ["Chair"] = "Pat Reid", ["Police"] = "DC Sam Patel, CAIT", ["Health"] = "Jo Bright, health visitor (report only)", ["Others"] = "Sarah Bell, mother",
        ["ReportsFrom"] = "SocialCare", ["PlanNeeded"] = plan ?? "", ["CategoryOfAbuse"] = category,
        ["CoreGroup"] = "Sarah Bell, mother\nJo Bright, health visitor",
    }, PlanContent(date));

    /// The plan's first version as the conference writes it: one outcome, one action, a contingency.
    private static Dictionary<string, string> PlanContent(DateOnly date) => With(Date("Actions[0].DueDate", date.AddDays(28)), new()
    {
        ["Outcomes"] = "Rosa is safe from domestic abuse at home", ["Actions[0].What"] = "Complete the domestic abuse programme", ["Actions[0].Who"] = "Dad",
        ["Contingency"] = "If the children are not safe at home, a legal planning meeting will decide whether to go to court.",
    });

    [Fact]
    public async Task Post_InitialConference_DecidingAPlan_StartsThePlanOpensTheSpanAndPutsVisitsAndCoreGroupOnMyWork()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Rosa"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-30)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-20));
        var held = Today.AddDays(-7);

        var response = await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry}/conference", Conference(held));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Include(p => p.CoreGroup).SingleAsync(p => p.ChildId == child));
        Assert.Equal(held, plan.StartDate);
        Assert.Equal("NEG", plan.CategoryOfAbuse);
        Assert.Equal(0, plan.PreviousPlans);
        Assert.Equal(2, plan.CoreGroup.Count);
        // The conference wrote the plan's content in the same save: a Plan of kind ChildProtection, version 1.
        var content = await app.Data.WithDbAsync(db => db.Plans.Include(p => p.Versions).ThenInclude(v => v.Actions).AsSingleQuery().SingleAsync(p => p.Id == plan.PlanId));
        Assert.Equal((Haven.Core.Plans.PlanKind.ChildProtection, held, 1), (content.Kind, content.StartDate, content.CurrentVersionNumber));
        Assert.Equal("Complete the domestic abuse programme", content.Versions.Single().Actions.Single().What);
        var conference = await app.Data.WithDbAsync(db => db.ChildProtectionConferences.Include(c => c.Attendees).SingleAsync(c => c.ChildId == child));
        Assert.Equal(plan.StartConferenceId, conference.Id);
        Assert.Contains(conference.Attendees, a => a.Name == "Jo Bright" && a.Attendance == ConferenceAttendance.SentReport && a.ReportReceived);
        Assert.Contains(conference.Attendees, a => a.Name == "DC Sam Patel" && a.Attendance == ConferenceAttendance.Attended && !a.ReportReceived);
        Assert.Equal(held, await app.Data.WithDbAsync(db => db.Section47Enquiries.Where(e => e.Id == enquiry).Select(e => e.InitialConferenceDate).SingleAsync()));
        Assert.Equal(held, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.ChildProtection && i.EndDate == null).Select(i => i.StartDate).SingleAsync()));

        var rows = (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Rosa")).Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("First core group meeting"));
        Assert.Contains(rows, r => r.Contains("Child protection visit"));
        Assert.Contains(rows, r => r.Contains("First child protection review conference") && r.Contains(ChildProtectionRules.NextReview(held, null).Due.ToString("d MMM yyyy")));
        Assert.DoesNotContain(rows, r => r.Contains("Initial child protection conference"));
        var tab = await client.GetPageAsync($"/children/{child}/child-protection");
        Assert.Contains("Neglect", tab.QuerySelector("#plans")!.TextContent);
        Assert.Contains(tab.QuerySelectorAll("#plans a"), a => a.GetAttribute("href") == $"/children/{child}/plans/{content.Id}");
        var chronology = await client.GetPageAsync($"/children/{child}/chronology");
        Assert.Contains("Initial child protection conference", chronology.Body!.TextContent);
    }

    [Fact]
    public async Task Post_InitialConference_WithMissingFields_ShowsEveryErrorAndSavesNothing()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-30)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-20));

        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry}/conference",
            new Dictionary<string, string> { ["PlanNeeded"] = "yes" }));

        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter the date of the conference", errors);
        Assert.Contains("Enter the name of the chair", errors);
        Assert.Contains("Enter who attended or sent a report", errors);
        Assert.Contains("Select the category of abuse", errors);
        Assert.Contains("Enter at least one outcome: what the plan is meant to change for the child", errors);
        Assert.Contains("Enter the contingency plan: what happens if the plan does not work", errors);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ChildProtectionConferences.CountAsync(c => c.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ChildProtectionPlans.CountAsync(c => c.ChildId == child)));
        Assert.Null(await app.Data.WithDbAsync(db => db.Section47Enquiries.Where(e => e.Id == enquiry).Select(e => e.InitialConferenceDate).SingleAsync()));
    }

    [Fact]
    public async Task VisitsAndCoreGroup_Recorded_MoveWhatIsDueAndShowOnThePlan()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Milo"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-60)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-50));
        await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry}/conference", Conference(Today.AddDays(-45)));
        var rows = (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Milo")).Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Child protection visit") && r.Contains("Overdue"));
        Assert.Contains(rows, r => r.Contains("First core group meeting") && r.Contains("Overdue"));

        var refused = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/child-protection/visits/add", With(Date("Date", Today.AddDays(-46)), new() { ["ChildSeen"] = "yes" })));
        Assert.Contains("The child was not on a child protection plan on that date", refused.ErrorMessages());
        Assert.Contains("Select whether the child was seen alone", refused.ErrorMessages());
        var visit = await client.SubmitAsync($"/children/{child}/child-protection/visits/add", With(Date("Date", Today), new() { ["ChildSeen"] = "yes", ["ChildSeenAlone"] = "yes", ["Notes"] = "Milo showed me his room." }));
        var meeting = await client.SubmitAsync($"/children/{child}/child-protection/core-group/add", With(Date("Date", Today.AddDays(-1)), new() { ["Attendees"] = "Sarah Bell (mother), Jo Bright (HV)" }));

        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        rows = (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Milo")).Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Child protection visit") && !r.Contains("Overdue") && r.Contains(ChildProtectionRules.NextVisit(Today.AddDays(-45), Today, new()).ToString("d MMM yyyy")));
        Assert.Contains(rows, r => r.Contains("Core group meeting") && !r.Contains("First") && r.Contains(Today.AddDays(-1 + 42).ToString("d MMM yyyy")));
        var plan = await client.GetPageAsync(visit.Headers.Location!.ToString());
        Assert.Contains("Milo showed me his room.", plan.QuerySelector("#visits")!.TextContent);
        Assert.Contains("Sarah Bell (mother)", plan.QuerySelector("#core-group-meetings")!.TextContent);
    }

    [Fact]
    public async Task Post_ReviewConference_EndingThePlan_ClosesTheSpanAndTheDueWork_AndAStaleFormIsRefused()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Noor"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-120)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-110));
        await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry}/conference", Conference(Today.AddDays(-100)));
        var planId = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.ChildId == child).Select(p => p.Id).SingleAsync());
        var url = $"/children/{child}/child-protection/plans/{planId}/review";
        var stale = (await client.GetPageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;

        var continued = await client.SubmitAsync(url, With(Conference(Today.AddDays(-10), category: "EMO"), new() { ["PlanContinues"] = "yes" }));
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        Assert.Equal("EMO", await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == planId).Select(p => p.CategoryOfAbuse).SingleAsync()));
        var conflict = await client.PostFormAsync(stale, With(Conference(Today.AddDays(-5)), new() { ["PlanContinues"] = "no", ["EndReason"] = "NoLongerAtRisk" }));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains((await Pages.ParseAsync(conflict)).ErrorMessages(), m => m.StartsWith("Someone else changed this plan"));
        Assert.Null(await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == planId).Select(p => p.EndDate).SingleAsync()));

        var ended = await client.SubmitAsync(url, With(Conference(Today), new() { ["PlanContinues"] = "no", ["EndReason"] = "NoLongerAtRisk" }));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var plan = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.Id == planId));
        Assert.Equal(Today, plan.EndDate);
        Assert.Equal(PlanEndReason.NoLongerAtRisk, plan.EndReason);
        Assert.NotNull(plan.EndConferenceId);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.ChildProtection).Select(i => i.EndDate).SingleAsync()));
        // The test child has no ethnicity recorded, so a CIN census data quality item stays: that is not protection work.
        var rows = (await client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr")
            .Where(r => r.TextContent.Contains("Noor") && !r.TextContent.Contains("CIN census")).ToList();
        Assert.True(rows.Count == 0, "Still due: " + string.Join(" | ", rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent, @"\s+", " ").Trim())));
    }

    [Fact]
    public async Task SecondPlan_And_PlanOfTwoYears_AreFlaggedInTheHeaderAndOnTheTab()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-1200)); });
        var first = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-1190));
        await client.SubmitAsync($"/children/{child}/child-protection/section-47/{first}/conference", Conference(Today.AddDays(-1180)));
        var firstPlan = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == child));
        var end = await client.SubmitAsync($"/children/{child}/child-protection/plans/{firstPlan.Id}/end", With(Date("EndDate", Today.AddDays(-1000)), new() { ["EndReason"] = "MovedToAnotherCouncil" }));
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        var second = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-800));

        await client.SubmitAsync($"/children/{child}/child-protection/section-47/{second}/conference", Conference(Today.AddDays(-780), category: "PHY"));

        var plan = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == child && p.EndDate == null));
        Assert.Equal(1, plan.PreviousPlans);
        var tab = await client.GetPageAsync($"/children/{child}/child-protection");
        var alerts = tab.QuerySelectorAll(".haven-alerts__item").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(ChildProtectionFlags.SecondOrSubsequent, alerts);
        Assert.Contains(ChildProtectionFlags.TwoYearsOrMore, alerts);
        Assert.Contains(ChildProtectionFlags.SecondOrSubsequent, tab.QuerySelector("#plans")!.TextContent);
        var summary = await client.GetPageAsync($"/children/{child}");
        Assert.Contains(summary.QuerySelectorAll(".haven-alerts__item"), a => a.TextContent.Contains(ChildProtectionFlags.TwoYearsOrMore));
    }

    [Fact]
    public async Task Api_ConferencePlanVisitAndCoreGroup_WorkAndBadInputGets400WithNothingSaved_AndStaleVersionGets409()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-40)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-30));
        var api = await ApiClientAsync(worker);
        var url = $"/api/v1/children/{child}/section-47-enquiries/{enquiry}/initial-conference";

        var bad = await api.PostAsJsonAsync(url, new { date = Today.AddDays(2), planNeeded = true, categoryOfAbuse = "XYZ", attendees = new[] { new { agency = "Police", name = "DC Patel" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"date\"", body);
        Assert.Contains("\"chair\"", body);
        Assert.Contains("\"categoryOfAbuse\"", body);
        Assert.Contains("\"outcomes\"", body);
        Assert.Contains("\"contingency\"", body);
        var badAgency = await api.PostAsJsonAsync(url, new { date = Today, chair = "Pat", planNeeded = true, categoryOfAbuse = "NEG", attendees = new[] { new { agency = "Martians", name = "X" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badAgency.StatusCode);
        Assert.Contains("\"attendees\"", await badAgency.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ChildProtectionConferences.CountAsync(c => c.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ChildProtectionPlans.CountAsync(c => c.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == child && i.Kind == InvolvementKind.ChildProtection)));

        var created = await api.PostAsJsonAsync(url, new
        {
            date = Today.AddDays(-20), chair = "Pat Reid", planNeeded = true, categoryOfAbuse = "SAB",
            attendees = new[] { new { agency = "Police", name = "DC Patel", attendance = "Attended", reportReceived = true } },
            coreGroup = new[] { new { agency = "Health", name = "Jo Bright", role = "Health visitor" } },
            planContent = new
            {
                outcomes = new[] { "Amy is safe at home" }, contingency = "A legal planning meeting if she is not safe.",
                actions = new[] { new { what = "See Amy alone every visit", who = "Social worker", dueDate = Today.AddDays(10) } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = (await api.GetFromJsonAsync<List<Haven.Web.Api.ChildProtectionPlanDto>>($"/api/v1/children/{child}/child-protection-plans"))!.Single();
        Assert.Equal("SAB", plan.CategoryOfAbuse);
        Assert.False(plan.SecondOrSubsequent);
        Assert.Equal("Health", plan.CoreGroup.Single().Agency);
        var content = await app.Data.WithDbAsync(db => db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == plan.PlanId));
        Assert.Equal(Haven.Core.Plans.PlanKind.ChildProtection, content.Kind);
        Assert.Equal(Today.AddDays(-20), content.StartDate);

        var visit = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-protection-visits", new { date = Today.AddDays(-3), childSeen = true, childSeenAlone = false });
        var badVisit = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-protection-visits", new { date = Today.AddDays(-3) });
        var meeting = await api.PostAsJsonAsync($"/api/v1/children/{child}/core-group-meetings", new { date = Today.AddDays(-2), attendees = "Mother, HV, SW" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badVisit.StatusCode);
        Assert.Contains("\"childSeen\"", await badVisit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        Assert.Single((await api.GetFromJsonAsync<List<Haven.Web.Api.ChildProtectionVisitDto>>($"/api/v1/children/{child}/child-protection-visits"))!);

        var review = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-protection-plans/{plan.Id}/review-conferences", new
        {
            planVersion = plan.Version, date = Today, chair = "Pat Reid", planContinues = true, categoryOfAbuse = "SAB",
            attendees = new[] { new { agency = "Other", name = "Sarah Bell", role = "Mother" } },
        });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var stale = await api.PostAsJsonAsync($"/api/v1/children/{child}/child-protection-plans/{plan.Id}/end", new { version = plan.Version, endDate = Today, endReason = "Reached18" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Null(await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Where(p => p.Id == plan.Id).Select(p => p.EndDate).SingleAsync()));
        var conferences = await api.GetFromJsonAsync<List<Haven.Web.Api.ConferenceDto>>($"/api/v1/children/{child}/conferences");
        Assert.Equal(["Review", "Initial"], conferences!.Select(c => c.Kind));
    }

    [Fact]
    public async Task Get_ConferenceAndPlan_ForWorkerOutsideTheTeam_IsForbiddenAndShowsNoData()
    {
        var (worker, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-30)); });
        var enquiry = await EnquiryNeedingConferenceAsync(client, child, Today.AddDays(-20));
        await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry}/conference", With(Conference(Today.AddDays(-7)), new() { ["Decision"] = "Secret minutes: father's disclosure" }));
        var conferenceId = await app.Data.WithDbAsync(db => db.ChildProtectionConferences.Where(c => c.ChildId == child).Select(c => c.Id).SingleAsync());
        var planId = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.Where(c => c.ChildId == child).Select(c => c.Id).SingleAsync());
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var outsiderClient = app.NewClient();
        await outsiderClient.SignInAsync(outsider.UserName);
        var outsiderApi = await ApiClientAsync(outsider);

        foreach (var url in new[] { $"/children/{child}/child-protection/conferences/{conferenceId}", $"/children/{child}/child-protection/plans/{planId}",
                     $"/children/{child}/child-protection/plans/{planId}/review", $"/children/{child}/child-protection/visits/add" })
        {
            var page = await outsiderClient.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain("Secret minutes", await page.Content.ReadAsStringAsync());
        }
        foreach (var url in new[] { "conferences", "child-protection-plans", "child-protection-visits", "core-group-meetings" })
        {
            var api = await outsiderApi.GetAsync($"/api/v1/children/{child}/{url}");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.DoesNotContain("Secret minutes", await api.Content.ReadAsStringAsync());
        }
        var own = await client.GetAsync($"/children/{child}/child-protection/conferences/{conferenceId}");
        Assert.Contains("Secret minutes", await own.Content.ReadAsStringAsync());
    }
}

public sealed class ChildProtectionPlanTestsOnSqlite(SqliteApp app) : ChildProtectionPlanTests(app), IClassFixture<SqliteApp>;
public sealed class ChildProtectionPlanTestsOnPostgres(PostgresApp app) : ChildProtectionPlanTests(app), IClassFixture<PostgresApp>;
