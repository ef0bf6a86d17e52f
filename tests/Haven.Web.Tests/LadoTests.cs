using AngleSharp.Dom;
using Haven.Core.Lado;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The designated officer's (LADO) compartment: allegations against people who work with children,
/// from referral to outcome, and who may see them. Each test runs on SQLite and on PostgreSQL.
public abstract class LadoTests(HavenApp app)
{
    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<HttpClient> LadoClientAsync()
    {
        var lado = await app.Data.CreateWorkerAsync(HavenRole.Lado);
        var client = app.NewClient();
        await client.SignInAsync(lado.UserName);
        return client;
    }

    private async Task<int> CreateCaseAsync(DateOnly receivedOn, int? childId = null, string allegation = "Secret allegation text")
    {
        return await app.Data.WithDbAsync(async db =>
        {
            var c = new LadoCase
            {
                Person = new LadoPerson { FirstName = "Alex", LastName = "Teacherson", RecordedAt = DateTime.UtcNow },
                Role = "Teacher", EmployerName = "Hill Primary", EmployerSector = EmployerSector.Education, ReceivedOn = receivedOn,
                ReferrerName = "Head teacher", Allegation = allegation, RecordedAt = DateTime.UtcNow,
                Children = [new LadoCaseChild { Description = "Girl aged 9", ChildId = childId }],
            };
            db.LadoCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
    }

    [Fact]
    public async Task Lado_RecordDecideMeetAndConclude_ShowsOnCaseDashboardAndFigures()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => c.AllocatedTo = sw);
        var client = await LadoClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var received = today.AddDays(-10);

        var response = await client.SubmitAsync("/lado/new", With(new()
        {
            ["FirstName"] = "Jordan", ["LastName"] = "Coachman", ["Role"] = "Football coach", ["WorkType"] = "volunteer",
            ["EmployerName"] = "Riverside Juniors FC", ["EmployerSector"] = "SportAndLeisure", ["ReferrerName"] = "Club welfare officer",
            ["Allegation"] = "Shouted at and pushed a player during training.", ["Children"] = $"Boy aged 11 H{childId}\nBoy aged 12",
        }, Date("ReceivedOn", received)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var caseUrl = response.Headers.Location!.OriginalString;
        var caseId = int.Parse(caseUrl.Split('/').Last());

        // Awaiting a decision, due the next working day: overdue now.
        var dashboard = await client.GetPageAsync("/lado");
        Assert.Contains(dashboard.QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Jordan Coachman") && r.TextContent.Contains("Initial consideration") && r.TextContent.Contains("Overdue"));

        var page = await client.GetPageAsync(caseUrl);
        var children = page.QuerySelector("#children")!.TextContent;
        Assert.Contains($"Boy aged 11 – Haven ID H{childId}", children);
        Assert.Contains("Boy aged 12", children);
        Assert.Null(page.QuerySelector($"a[href^='/children/{childId}']"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/lado/{caseId}/decision", With(new()
        {
            ["Decision"] = "AllegationManagementMeeting", ["Rationale"] = "Physical contact with a child: meets the harm threshold.",
        }, Date("ConsideredOn", received.AddDays(1))))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/lado/{caseId}/meetings/add", With(new()
        {
            ["Attendees"] = "LADO, club welfare officer, police", ["Summary"] = "Police will not investigate; the club will.",
            ["Action1"] = "Club to complete its investigation", ["Owner1"] = "Club welfare officer",
            ["Action2"] = "Send the investigation report to the LADO", ["Owner2"] = "Club chair",
        }, Date("HeldOn", received.AddDays(3)), Date("Due1", today.AddDays(-1)), Date("Due2", today.AddDays(14))))).StatusCode);

        dashboard = await client.GetPageAsync("/lado");
        var due = dashboard.QuerySelectorAll("#due tbody tr").Select(r => r.TextContent).Where(r => r.Contains("Jordan Coachman")).ToList();
        Assert.DoesNotContain(due, r => r.Contains("Initial consideration"));
        Assert.Contains(due, r => r.Contains("Club to complete its investigation") && r.Contains("Overdue"));
        Assert.Contains(due, r => r.Contains("Send the investigation report") && !r.Contains("Overdue"));

        page = await client.GetPageAsync(caseUrl);
        Assert.Contains("In time", page.QuerySelector("#decision")!.TextContent); // decided the day after receipt
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("#meetings form").First();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(form, new Dictionary<string, string>())).StatusCode);
        Assert.DoesNotContain((await client.GetPageAsync("/lado")).QuerySelectorAll("#due tbody tr"), r => r.TextContent.Contains("Club to complete"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/lado/{caseId}/outcome", With(new()
        {
            ["Outcome"] = "Substantiated", ["Referrals"] = "dbs",
        }, Date("OutcomeOn", today)))).StatusCode);
        page = await client.GetPageAsync(caseUrl);
        Assert.Contains("Substantiated", page.QuerySelector("#outcome")!.TextContent);
        Assert.Contains("Referred to the DBS: yes", page.QuerySelector("#outcome")!.TextContent);

        var figures = await client.GetPageAsync($"/lado/figures?year={LadoOversight.ReportingYearOf(received)}");
        var row = figures.QuerySelectorAll("#by-sector tbody tr").Single(r => r.TextContent.Contains("Sport and leisure"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("1", cells[0]); // Substantiated
        Assert.Equal("1", cells[^1]); // Total
        Assert.Contains("Initial consideration within 1 working day", figures.QuerySelector("#timeliness")!.TextContent);
    }

    [Fact]
    public async Task Lado_DecisionNextWorkingDay_IsInTime()
    {
        var client = await LadoClientAsync();
        var received = new DateOnly(2026, 4, 2); // Thursday before Easter: due Tuesday 7 April
        var caseId = await CreateCaseAsync(received);
        await client.SubmitAsync($"/lado/{caseId}/decision", With(new() { ["Decision"] = "NoFurtherAction", ["Rationale"] = "Not about a child." }, Date("ConsideredOn", new DateOnly(2026, 4, 7))));
        var page = await client.GetPageAsync($"/lado/{caseId}");
        Assert.Contains("In time", page.QuerySelector("#decision")!.TextContent);
    }

    [Fact]
    public async Task Post_RecordAllegation_BlankOrOversized_ShowsErrorsAndSavesNothing()
    {
        var client = await LadoClientAsync();
        var before = await app.Data.WithDbAsync(db => db.LadoCases.CountAsync());
        var doc = await Pages.ParseAsync(await client.SubmitAsync("/lado/new", new Dictionary<string, string>
        {
            ["FirstName"] = new string('x', 101), ["Allegation"] = new string('y', 10_001), ["EmployerSector"] = "Nonsense", ["Children"] = "Child H999999999",
        }));
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("First name must be 100 characters or fewer", errors);
        Assert.Contains("Enter the person's last name", errors);
        Assert.Contains("Allegation must be 10,000 characters or fewer", errors);
        Assert.Contains("Select the employer's sector", errors);
        Assert.Contains("Enter the date the referral was received", errors);
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.LadoCases.CountAsync()));
    }

    [Fact]
    public async Task Post_RecordAllegation_UnknownHavenId_IsRefused()
    {
        var client = await LadoClientAsync();
        var doc = await Pages.ParseAsync(await client.SubmitAsync("/lado/new", With(new()
        {
            ["FirstName"] = "A", ["LastName"] = "B", ["Role"] = "Nurse", ["WorkType"] = "paid", ["EmployerName"] = "Trust", ["EmployerSector"] = "Health",
            ["ReferrerName"] = "Ward manager", ["Allegation"] = "Something", ["Children"] = "Child H999999",
        }, Date("ReceivedOn", DateOnly.FromDateTime(DateTime.UtcNow)))));
        Assert.Contains("A Haven ID entered for a child does not match a child's record", doc.ErrorMessages());
    }

    [Fact]
    public async Task Post_Decision_WithAStaleVersion_ShowsTheOtherDecisionAndKeepsIt()
    {
        var client = await LadoClientAsync();
        var other = await LadoClientAsync();
        var caseId = await CreateCaseAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var stale = await client.GetPageAsync($"/lado/{caseId}/decision");
        await other.SubmitAsync($"/lado/{caseId}/decision", new Dictionary<string, string> { ["Decision"] = "NoFurtherAction", ["Rationale"] = "Theirs" });

        var form = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var doc = await Pages.ParseAsync(await client.PostFormAsync(form, new Dictionary<string, string> { ["Decision"] = "AdviceToEmployer", ["Rationale"] = "Mine" }));

        Assert.Contains(doc.ErrorMessages(), m => m.Contains("Someone else changed this case"));
        Assert.Contains("Theirs", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Theirs", await app.Data.WithDbAsync(db => db.LadoCases.Where(c => c.Id == caseId).Select(c => c.DecisionRationale).SingleAsync()));
    }

    [Fact]
    public async Task Get_EveryLadoPage_AsAnyOtherRole_IsForbidden_AndTheChildRecordShowsNothing()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => c.AllocatedTo = sw);
        var caseId = await CreateCaseAsync(DateOnly.FromDateTime(DateTime.UtcNow), childId, "Unique-allegation-words");
        var actionId = await app.Data.WithDbAsync(async db =>
        {
            var m = new LadoMeeting { LadoCaseId = caseId, HeldOn = DateOnly.FromDateTime(DateTime.UtcNow), Attendees = "a", Summary = "s", RecordedAt = DateTime.UtcNow,
                Actions = [new LadoAction { LadoCaseId = caseId, Description = "d", Owner = "o", DueOn = DateOnly.FromDateTime(DateTime.UtcNow) }] };
            db.LadoMeetings.Add(m);
            await db.SaveChangesAsync();
            return m.Actions[0].Id;
        });
        string[] pages = ["/lado", "/lado/new", $"/lado/{caseId}", $"/lado/{caseId}/decision", $"/lado/{caseId}/meetings/add", $"/lado/{caseId}/outcome", "/lado/figures"];

        foreach (var role in Enum.GetValues<HavenRole>().Where(r => r != HavenRole.Lado))
        {
            var worker = role == HavenRole.SocialWorker ? sw : await app.Data.CreateWorkerAsync(role, teamId);
            var client = app.NewClient();
            await client.SignInAsync(worker.UserName);
            foreach (var url in pages)
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403"),
                    $"{role} GET {url} returned {(int)response.StatusCode} {response.Headers.Location}");
            }
            var post = await client.PostAsync($"/lado/{caseId}?handler=complete", new FormUrlEncodedContent(new Dictionary<string, string> { ["actionId"] = actionId.ToString() }));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            Assert.DoesNotContain("Allegations (LADO)", await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        }

        // The child's own worker sees nothing of the allegation on the child's record.
        var swClient = app.NewClient();
        await swClient.SignInAsync(sw.UserName);
        foreach (var page in new[] { "", "/chronology" })
            Assert.DoesNotContain("Unique-allegation-words", await (await swClient.GetAsync($"/children/{childId}{page}")).Content.ReadAsStringAsync());
        Assert.Null(await app.Data.WithDbAsync(db => db.LadoActions.Where(a => a.Id == actionId).Select(a => a.CompletedOn).SingleAsync()));

        // And the LADO cannot open the child's record through the link.
        var lado = await LadoClientAsync();
        var refused = await lado.GetAsync($"/children/{childId}");
        Assert.Contains("/error/403", refused.Headers.Location!.OriginalString);
        Assert.Contains("Unique-allegation-words", await (await lado.GetAsync($"/lado/{caseId}")).Content.ReadAsStringAsync());
    }
}

public sealed class LadoTestsOnSqlite(SqliteApp app) : LadoTests(app), IClassFixture<SqliteApp>;
public sealed class LadoTestsOnPostgres(PostgresApp app) : LadoTests(app), IClassFixture<PostgresApp>;
