using AngleSharp.Html.Dom;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Starting a child protection, care or pathway plan from the child's plans, on both databases:
/// the kind must fit the child's stage, bad input gets clear messages, a double submit saves once,
/// a child protection plan's content links to its registration (two writers: one wins), and a
/// worker without access to the child cannot start one.
public abstract class PlanStartTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Content(DateOnly start, Guid submission, string kind) => new()
    {
        ["Kind"] = kind, ["SubmissionId"] = submission.ToString(),
        ["StartDate.Day"] = start.Day.ToString(), ["StartDate.Month"] = start.Month.ToString(), ["StartDate.Year"] = start.Year.ToString(),
        ["Outcomes"] = "Noor stays in a stable home where she feels she belongs", ["Actions[0].What"] = "Arrange a dental check", ["Actions[0].Who"] = "Foster carer",
        ["Actions[0].DueDate.Day"] = start.AddDays(30).Day.ToString(), ["Actions[0].DueDate.Month"] = start.AddDays(30).Month.ToString(), ["Actions[0].DueDate.Year"] = start.AddDays(30).Year.ToString(),
        ["Contingency"] = "If the placement is at risk, a stability meeting within 5 working days.",
    };

    private async Task<(TestWorker Worker, HttpClient Client, int Child)> ChildAsync(DateOnly dob)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Noor"; c.DateOfBirth = dob; c.AllocatedTo = worker; });
        return (worker, client, child);
    }

    /// The start form as the page renders it (with its anti-forgery token), to post later.
    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, int child, string kind) =>
        (await client.GetPageAsync($"/children/{child}/plans/start?kind={kind}")).QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException("No start form");

    private Task LookedAfterAsync(int child, TestWorker worker, DateOnly since) => app.Data.WithDbAsync(async db =>
    {
        db.PeriodsOfCare.Add(new PeriodOfCare { ChildId = child, DecisionDate = since, AuthorisedByWorkerId = worker.WorkerId, StartDate = since,
            CategoryOfNeedCode = "N1", HomePostcode = "BR1 1AA", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Get_Start_ForAChildNotLookedAfter_ExplainsWhichKindsDoNotFit()
    {
        var (_, client, child) = await ChildAsync(Today.AddYears(-9));

        var list = await client.GetPageAsync($"/children/{child}/plans/start");
        var care = await client.GetPageAsync($"/children/{child}/plans/start?kind=Care");
        var protection = await client.GetPageAsync($"/children/{child}/plans/start?kind=ChildProtection");

        var kinds = list.QuerySelector("#plan-kinds")!.TextContent;
        Assert.Contains("Noor is not looked after: record the decision to look after them first", kinds);
        Assert.Contains("a child protection plan starts at an initial child protection conference", kinds);
        Assert.Contains(list.QuerySelectorAll("#plan-kinds a"), a => a.TextContent.Contains("Start a child in need plan"));
        Assert.Contains("Noor is not looked after", care.QuerySelector("#not-fitting")!.TextContent);
        Assert.Null(care.QuerySelector("main form[method='post']"));
        Assert.Contains("Noor is not on a child protection plan", protection.QuerySelector("#not-fitting")!.TextContent);
    }

    [Fact]
    public async Task Post_Start_CareForALookedAfterChild_StartsOneCarePlanShownOnTheCareTab_EvenWhenSubmittedTwice()
    {
        var (worker, client, child) = await ChildAsync(Today.AddYears(-9));
        await LookedAfterAsync(child, worker, Today.AddDays(-10));
        var submission = Guid.NewGuid();

        var form = await FormAsync(client, child, "Care");
        var laterForm = await FormAsync(client, child, "Care");

        var first = await client.PostFormAsync(form, Content(Today.AddDays(-3), submission, "Care"));
        var again = await client.PostFormAsync(form, Content(Today.AddDays(-3), submission, "Care"));
        var second = await Pages.ParseAsync(await client.PostFormAsync(laterForm, Content(Today.AddDays(-2), Guid.NewGuid(), "Care")));
        var afterwards = await client.GetPageAsync($"/children/{child}/plans/start?kind=Care");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var plan = await app.Data.WithDbAsync(db => db.Plans.SingleAsync(p => p.ChildId == child));
        Assert.Equal((PlanKind.Care, Today.AddDays(-3), 1), (plan.Kind, plan.StartDate, plan.CurrentVersionNumber));
        Assert.Contains("Noor already has an open care plan: change that plan instead", second.ErrorMessages());
        Assert.Contains("Noor already has an open care plan", afterwards.QuerySelector("#not-fitting")!.TextContent);
        var tab = await client.GetPageAsync($"/children/{child}/care");
        Assert.Equal($"/children/{child}/plans/{plan.Id}", tab.QuerySelector("#care-plan a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Post_Start_WithBadInput_ShowsEachErrorAndSavesNothing()
    {
        var (worker, client, child) = await ChildAsync(Today.AddYears(-9));
        await LookedAfterAsync(child, worker, Today.AddDays(-10));

        var form = await FormAsync(client, child, "Care");

        var early = await Pages.ParseAsync(await client.PostFormAsync(form, Content(Today.AddDays(-20), Guid.NewGuid(), "Care")));
        var blank = await Pages.ParseAsync(await client.PostFormAsync(form, new Dictionary<string, string>
            { ["Kind"] = "Care", ["SubmissionId"] = Guid.NewGuid().ToString(), ["StartDate.Day"] = "", ["StartDate.Month"] = "", ["StartDate.Year"] = "" }));
        var pathway = await Pages.ParseAsync(await client.PostFormAsync(form, Content(Today, Guid.NewGuid(), "Pathway")));
        var nonsense = await Pages.ParseAsync(await client.PostFormAsync(form, Content(Today, Guid.NewGuid(), "Banana")));

        Assert.Contains($"Start date must be on or after Noor became looked after, {Today.AddDays(-10):d MMMM yyyy}", early.ErrorMessages());
        var errors = blank.ErrorMessages().ToList();
        Assert.Contains("Enter the date the plan started", errors);
        Assert.Contains("Enter at least one outcome: what the plan is meant to change for the child", errors);
        Assert.Contains("Enter the contingency plan: what happens if the plan does not work", errors);
        Assert.Contains(pathway.ErrorMessages(), e => e.StartsWith("A pathway plan starts when a young person is 16: Noor is 16 on", StringComparison.Ordinal));
        Assert.Contains("Select the kind of plan", nonsense.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task Post_Start_ChildProtectionContentForAnUnlinkedRegistration_LinksIt_AndAStaleSecondWriterGetsAConflict()
    {
        var (worker, client, child) = await ChildAsync(Today.AddYears(-6));
        var started = Today.AddDays(-14);
        await app.Data.WithDbAsync(async db =>
        {
            var conference = new ChildProtectionConference { ChildId = child, Kind = ConferenceKind.Initial, Date = started, Chair = "Pat Reid", PlanNeeded = true,
                CategoryOfAbuse = "NEG", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.ChildProtectionPlans.Add(new ChildProtectionPlan { ChildId = child, StartDate = started, CategoryOfAbuse = "NEG", StartConference = conference,
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var other = app.NewClient();
        await other.SignInAsync(worker.UserName);
        var page = await client.GetPageAsync($"/children/{child}/plans/start?kind=ChildProtection");
        Assert.Equal(started.Day.ToString(), page.QuerySelector("input[name='StartDate.Day']")!.GetAttribute("value"));
        var myForm = await FormAsync(client, child, "ChildProtection");
        var theirForm = await FormAsync(other, child, "ChildProtection");

        var mine = await client.PostFormAsync(myForm, Content(started, Guid.NewGuid(), "ChildProtection"));
        var theirs = await Pages.ParseAsync(await other.PostFormAsync(theirForm, Content(started, Guid.NewGuid(), "ChildProtection")));

        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        var registration = await app.Data.WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == child));
        var plan = await app.Data.WithDbAsync(db => db.Plans.SingleAsync(p => p.ChildId == child));
        Assert.Equal((plan.Id, PlanKind.ChildProtection), (registration.PlanId!.Value, plan.Kind));
        Assert.Contains("Noor already has an open child protection plan: change that plan instead", theirs.ErrorMessages());
        var cpPage = await client.GetPageAsync($"/children/{child}/child-protection/plans/{registration.Id}");
        Assert.Equal($"/children/{child}/plans/{plan.Id}", cpPage.QuerySelector("#plan-content a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Start_ForAWorkerWithoutAccessToTheChild_IsForbiddenAndSavesNothing()
    {
        var (worker, _, child) = await ChildAsync(Today.AddYears(-9));
        await LookedAfterAsync(child, worker, Today.AddDays(-10));
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);

        var get = await client.GetAsync($"/children/{child}/plans/start?kind=Care");
        var post = await client.PostAsync($"/children/{child}/plans/start?kind=Care", new FormUrlEncodedContent(Content(Today, Guid.NewGuid(), "Care")));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));
    }
}

public sealed class PlanStartTestsOnSqlite(SqliteApp app) : PlanStartTests(app), IClassFixture<SqliteApp>;
public sealed class PlanStartTestsOnPostgres(PostgresApp app) : PlanStartTests(app), IClassFixture<PostgresApp>;
