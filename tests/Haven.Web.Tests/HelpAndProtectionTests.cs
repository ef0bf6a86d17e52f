using AngleSharp.Dom;
using System.Net.Http.Headers;
using Haven.Core.Assessments;
using Haven.Core.Calendar;
using Haven.Core.ChildProtection;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Assessments, strategy discussions and section 47 enquiries through the pages and the API, on both databases.
public abstract class HelpAndProtectionTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(TestWorker Worker, TestWorker Manager, HttpClient Client)> TeamAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (worker, manager, client);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private Task<int> ReferralIdAsync(int childId) => app.Data.WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task Post_StartAssessment_ForChildAndSibling_CreatesOneEachDueFromTheirReferralAndOpensTheirSpans()
    {
        var (worker, _, client) = await TeamAsync();
        var referral = Today.AddDays(-10);
        var older = await app.Data.CreateChildAsync(c => { c.FirstName = "Amara"; c.AllocatedTo = worker; c.Referrals.Add(referral); });
        var younger = await app.Data.CreateChildAsync(c => { c.FirstName = "Kofi"; c.AllocatedTo = worker; c.Referrals.Add(referral.AddDays(1)); c.SiblingOf.Add(older); });

        var response = await client.SubmitAsync($"/children/{older}/assessments/start",
            With(Date("StartDate", Today.AddDays(-2)), new() { ["ReferralId"] = (await ReferralIdAsync(older)).ToString(), ["SiblingIds"] = younger.ToString() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.Data.WithDbAsync(db => db.Assessments.Where(a => a.ChildId == older || a.ChildId == younger).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.Single(saved.Select(a => a.FamilyAssessmentId).Distinct());
        Assert.Equal(Timescales.Assessment.DueFrom(referral), saved.Single(a => a.ChildId == older).DueDate);
        Assert.Equal(Timescales.Assessment.DueFrom(referral.AddDays(1)), saved.Single(a => a.ChildId == younger).DueDate);
        var spans = await app.Data.WithDbAsync(db => db.Involvements.Where(i => (i.ChildId == older || i.ChildId == younger) && i.Kind == InvolvementKind.Assessment && i.EndDate == null).CountAsync());
        Assert.Equal(2, spans);
        var family = await client.GetPageAsync($"{response.Headers.Location}/family");
        var heads = family.QuerySelectorAll("#family thead th").Select(h => h.TextContent).ToList();
        Assert.Contains(heads, h => h.Contains("Amara"));
        Assert.Contains(heads, h => h.Contains("Kofi"));
    }

    [Fact]
    public async Task Post_StartAssessment_WithoutAReferral_ShowsErrorAndSavesNothing()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-3)); });

        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/assessments/start",
            With(Date("StartDate", Today.AddDays(-5)), new() { ["ReferralId"] = (await ReferralIdAsync(child)).ToString() })));

        Assert.Contains(doc.ErrorMessages(), m => m.StartsWith("Start date must be on or after the referral date"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Assessments.CountAsync(a => a.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == child)));
    }

    [Fact]
    public async Task Assessment_RecordedThenAuthorised_ClosesTheSpanAndLeavesMyWork()
    {
        var (worker, manager, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Zainab"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-20)); });
        var started = await client.SubmitAsync($"/children/{child}/assessments/start",
            With(Date("StartDate", Today.AddDays(-19)), new() { ["ReferralId"] = (await ReferralIdAsync(child)).ToString() }));
        var page = started.Headers.Location!.ToString();
        var myWork = await client.GetPageAsync("/");
        Assert.Contains(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Zainab") && r.TextContent.Contains("Assessment to complete"));

        var saved = await client.SubmitAsync(page, With(Date("ChildSeenDate", Today.AddDays(-10)), Date("ChildSeenAloneDate", Today.AddDays(-10)), new()
        {
            ["WishesAndFeelings"] = "\"I want mum to stop shouting.\"", ["Observations"] = "Flinched when the door banged.",
            ["Analysis"] = "Emotional harm from domestic abuse.", ["FactorCodes"] = "3B",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);
        var authorised = await managerClient.SubmitAsync($"{page}/authorise", With(Date("AuthorisedDate", Today), new() { ["Outcome"] = "ChildInNeedPlan" }));

        Assert.Equal(HttpStatusCode.Redirect, authorised.StatusCode);
        var a = await app.Data.WithDbAsync(db => db.Assessments.Include(x => x.Factors).SingleAsync(x => x.ChildId == child));
        Assert.Equal(Today, a.AuthorisedDate);
        Assert.Equal(AssessmentOutcome.ChildInNeedPlan, a.Outcome);
        Assert.Equal(["3B"], a.Factors.Select(f => f.Code));
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == child && i.Kind == InvolvementKind.Assessment).Select(i => i.EndDate).SingleAsync()));
        myWork = await client.GetPageAsync("/");
        Assert.DoesNotContain(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Zainab") && r.TextContent.Contains("Assessment"));
        var chronology = await client.GetPageAsync($"/children/{child}/chronology");
        Assert.Contains("Assessment authorised", chronology.Body!.TextContent);
    }

    [Fact]
    public async Task Post_Authorise_WithoutFactorsOrChildSeen_ShowsErrorsAndLeavesItOpen()
    {
        var (worker, manager, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-5)); });
        var started = await client.SubmitAsync($"/children/{child}/assessments/start",
            With(Date("StartDate", Today.AddDays(-5)), new() { ["ReferralId"] = (await ReferralIdAsync(child)).ToString() }));
        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);

        var doc = await Pages.ParseAsync(await managerClient.SubmitAsync($"{started.Headers.Location}/authorise", With(Date("AuthorisedDate", Today), new() { ["Outcome"] = "NoFurtherAction" })));

        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Record the factors identified at the assessment before it is authorised", errors);
        Assert.Contains("Record when the child was seen before the assessment is authorised", errors);
        Assert.Null(await app.Data.WithDbAsync(db => db.Assessments.Where(a => a.ChildId == child).Select(a => a.AuthorisedDate).SingleAsync()));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == child && i.EndDate == null)));
    }

    [Fact]
    public async Task Get_Authorise_AsSocialWorker_IsRefusedAndApiSays400()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-5)); });
        var started = await client.SubmitAsync($"/children/{child}/assessments/start",
            With(Date("StartDate", Today.AddDays(-5)), new() { ["ReferralId"] = (await ReferralIdAsync(child)).ToString() }));
        var a = await app.Data.WithDbAsync(db => db.Assessments.SingleAsync(x => x.ChildId == child));

        var page = await client.GetAsync($"{started.Headers.Location}/authorise");
        var api = await (await ApiClientAsync(worker)).PostAsJsonAsync($"/api/v1/children/{child}/assessments/{a.Id}/authorisation",
            new { version = a.Version, outcome = "NoFurtherAction", authorisedDate = Today });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/error/403", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Only a team manager can authorise an assessment", await api.Content.ReadAsStringAsync());
        Assert.Null(await app.Data.WithDbAsync(db => db.Assessments.Where(x => x.Id == a.Id).Select(x => x.AuthorisedDate).SingleAsync()));
    }

    [Fact]
    public async Task Post_RecordAssessment_WhenSomeoneElseSavedFirst_ShowsBothVersionsAndKeepsTheirs()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-5)); });
        var started = await client.SubmitAsync($"/children/{child}/assessments/start",
            With(Date("StartDate", Today.AddDays(-5)), new() { ["ReferralId"] = (await ReferralIdAsync(child)).ToString() }));
        var page = started.Headers.Location!.ToString();
        var stale = (await client.GetPageAsync(page)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Analysis"] = "Theirs" });

        var response = await client.PostFormAsync(stale, new Dictionary<string, string> { ["Analysis"] = "Mine" });

        var doc = await Pages.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(doc.ErrorMessages(), m => m.StartsWith("Someone else saved this assessment"));
        Assert.Contains("Theirs", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Theirs", await app.Data.WithDbAsync(db => db.Assessments.Where(a => a.ChildId == child).Select(a => a.Analysis).SingleAsync()));
    }

    [Fact]
    public async Task Post_StrategyDiscussion_DecidingSection47_StartsEnquiryWithConferenceDueIn15WorkingDays()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Lena"; c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-4)); });
        var date = Today.AddDays(-1);

        var response = await client.SubmitAsync($"/children/{child}/child-protection/strategy-discussion/add", With(Date("Date", date), new()
        {
            ["Concerns"] = "Bruise to cheek reported by school.", ["Police"] = "DC Sam Patel, CAIT", ["Health"] = "Ruth Okafor, named nurse",
            ["Education"] = "Mr Jones, DSL", ["StartSection47"] = "yes", ["ImmediateSafetyPlan"] = "Stays with grandmother tonight.",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enquiry = await app.Data.WithDbAsync(db => db.Section47Enquiries.Include(e => e.StrategyDiscussion).ThenInclude(s => s.Participants).SingleAsync(e => e.ChildId == child));
        Assert.Equal(date, enquiry.StartDate);
        Assert.Equal(Timescales.InitialChildProtectionConference.DueFrom(date), enquiry.InitialConferenceDue);
        Assert.Equal(3, enquiry.StrategyDiscussion.Participants.Count);
        var myWork = await client.GetPageAsync("/");
        Assert.Contains(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Lena") && r.TextContent.Contains("Initial child protection conference"));
        var summary = await client.GetPageAsync($"/children/{child}");
        Assert.Contains(summary.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Initial child protection conference")
            && r.TextContent.Contains(enquiry.InitialConferenceDue.ToString("d MMM yyyy")));

        var completed = await client.SubmitAsync($"/children/{child}/child-protection/section-47/{enquiry.Id}", With(Date("CompletedDate", Today), new()
        {
            ["Outcome"] = "NotSubstantiated", ["OutcomeSummary"] = "Accidental injury, consistent account.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        myWork = await client.GetPageAsync("/");
        Assert.DoesNotContain(myWork.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Lena") && r.TextContent.Contains("conference"));
    }

    [Fact]
    public async Task Post_StrategyDiscussion_WithoutPoliceOrHealth_ShowsErrorsAndSavesNothing()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-4)); });

        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{child}/child-protection/strategy-discussion/add", With(Date("Date", Today), new()
        {
            ["Concerns"] = "Concerns.", ["Education"] = "Mr Jones, DSL",
        })));

        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter who took part from the police and from health", errors);
        Assert.Contains("Select whether a section 47 enquiry will start", errors);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.StrategyDiscussions.CountAsync(s => s.ChildId == child)));
    }

    [Fact]
    public async Task Api_StrategyDiscussion_WithBadInput_Returns400WithFieldErrors_AndSavesNothing()
    {
        var (worker, _, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-4)); });
        var api = await ApiClientAsync(worker);

        var response = await api.PostAsJsonAsync($"/api/v1/children/{child}/strategy-discussions", new
        {
            date = Today.AddDays(3), concerns = "", participants = new[] { new { agency = "Police", name = "DC Patel" } }, startSection47 = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"date\"", body);
        Assert.Contains("\"concerns\"", body);
        Assert.Contains("\"participants\"", body);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.StrategyDiscussions.CountAsync(s => s.ChildId == child)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Section47Enquiries.CountAsync(s => s.ChildId == child)));
    }

    [Fact]
    public async Task Api_AssessmentLifecycle_StartRecordAuthorise_WorksAndStaleVersionGets409()
    {
        var (worker, manager, _) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-8)); });
        var api = await ApiClientAsync(worker);

        var bad = await api.PostAsJsonAsync($"/api/v1/children/{child}/assessments", new { referralId = 0, startDate = Today });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"referralId\"", await bad.Content.ReadAsStringAsync());

        var created = await api.PostAsJsonAsync($"/api/v1/children/{child}/assessments", new { referralId = await ReferralIdAsync(child), startDate = Today.AddDays(-7) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var a = (await created.Content.ReadFromJsonAsync<List<Haven.Web.Api.AssessmentDto>>())!.Single();
        var url = $"/api/v1/children/{child}/assessments/{a.Id}";
        var recorded = await api.PutAsJsonAsync(url, new { version = a.Version, childSeenDate = Today.AddDays(-6), factorCodes = new[] { "16A", "4B" }, analysis = "Neglect." });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var stale = await api.PutAsJsonAsync(url, new { version = a.Version, analysis = "Overwrite" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await recorded.Content.ReadFromJsonAsync<Haven.Web.Api.AssessmentDto>())!;

        var managerApi = await ApiClientAsync(manager);
        var authorised = await managerApi.PostAsJsonAsync($"{url}/authorisation", new { version = current.Version, outcome = "StrategyDiscussion", authorisedDate = Today });

        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        var list = (await api.GetFromJsonAsync<List<Haven.Web.Api.AssessmentDto>>($"/api/v1/children/{child}/assessments"))!;
        Assert.Equal("StrategyDiscussion", list.Single().Outcome);
        Assert.Equal(["16A", "4B"], list.Single().FactorCodes);
    }

    [Fact]
    public async Task Get_ChildProtectionRecords_ForWorkerOutsideTheTeam_IsForbiddenOnPageAndApi()
    {
        var (worker, _, client) = await TeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(Today.AddDays(-4)); });
        await client.SubmitAsync($"/children/{child}/child-protection/strategy-discussion/add", With(Date("Date", Today), new()
        {
            ["Concerns"] = "Disclosure at school.", ["Police"] = "DC Patel", ["Health"] = "Nurse Okafor", ["StartSection47"] = "yes",
        }));
        var enquiryId = await app.Data.WithDbAsync(db => db.Section47Enquiries.Where(e => e.ChildId == child).Select(e => e.Id).SingleAsync());
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var outsiderClient = app.NewClient();
        await outsiderClient.SignInAsync(outsider.UserName);
        var outsiderApi = await ApiClientAsync(outsider);

        foreach (var url in new[] { $"/children/{child}/child-protection", $"/children/{child}/child-protection/section-47/{enquiryId}", $"/children/{child}/assessments" })
            Assert.Equal(HttpStatusCode.Forbidden, (await outsiderClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.GetAsync($"/api/v1/children/{child}/strategy-discussions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.GetAsync($"/api/v1/children/{child}/section-47-enquiries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/children/{child}/child-protection/section-47/{enquiryId}")).StatusCode);
    }
}

public sealed class HelpAndProtectionTestsOnSqlite(SqliteApp app) : HelpAndProtectionTests(app), IClassFixture<SqliteApp>;
public sealed class HelpAndProtectionTestsOnPostgres(PostgresApp app) : HelpAndProtectionTests(app), IClassFixture<PostgresApp>;
