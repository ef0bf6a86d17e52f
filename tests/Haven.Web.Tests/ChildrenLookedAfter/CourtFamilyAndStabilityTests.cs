using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Calendar;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.MyWork;
using Haven.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests.ChildrenLookedAfter;

/// The Public Law Outline, time with family, changing and ending a period of care through the
/// pages, and the live stability page, on both databases.
public abstract class CourtFamilyAndStabilityTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Setup(TestWorker Worker, TestWorker Manager, HttpClient Api, HttpClient Browser, int ChildId);

    private static Dictionary<string, string> DateFields(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> values, params (string Name, DateOnly Date)[] dates)
    {
        foreach (var (name, date) in dates)
            foreach (var kv in DateFields(name, date)) values[kv.Key] = kv.Value;
        return values;
    }

    private async Task<Setup> SetupAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var api = await ApiClientAsync(worker);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = new DateOnly(2013, 5, 9); });
        var browser = app.NewClient();
        await browser.SignInAsync(worker.UserName);
        return new(worker, manager, api, browser, childId);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private static async Task<PeriodOfCareDto> StartCareAsync(Setup s, DateOnly start, string postcode = "HB4 2AB")
    {
        var response = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods", new
        {
            decisionDate = start, authorisedByWorkerId = s.Manager.WorkerId, decisionReason = "Father arrested; no family able to care.",
            startDate = start, legalStatus = "V2", categoryOfNeed = "N1", unaccompanied = false, homePostcode = "HB1 3CD",
            placement = new { placementType = "U6", provider = "PR1", carerName = "Pat Reyes", addressLine1 = "9 Ash Lane", town = "Havenbridge", postcode, matching = "Close to school." },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await s.Api.GetFromJsonAsync<CareDto>($"/api/v1/children/{s.ChildId}/care"))!.Periods.Single();
    }

    private async Task<IReadOnlyList<DueItem>> DueAsync(int childId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DueWork>().ForChildrenAsync([childId]);
    }

    // ------------------------------------------------------------------ Public Law Outline

    [Fact]
    public async Task Pages_PreProceedingsAndCareProceedings_ShowTimescalesAndPutThemOnMyWork()
    {
        // Arrange: hand-worked. Decision 5 January 2026 + 16 weeks = 27 April 2026. Application
        // 2 March 2026 + 26 weeks (182 days) = 31 August 2026; + 8 weeks extension = 26 October 2026.
        var s = await SetupAsync();

        // Act
        var pre = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/court/pre-proceedings", With(new()
            { ["ParentsProgress"] = "Mother has started the parenting course." }, ("DecisionDate", new(2026, 1, 5)), ("LetterBeforeProceedingsDate", new(2026, 1, 7)), ("MeetingDate", new(2026, 1, 14))));
        var proceedings = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/court/proceedings", With(new()
            { ["Court"] = "Havenbridge Family Court", ["ParallelPlan"] = "Return home to mother with support", ["ContingencyPlan"] = "Long-term fostering with Pat Reyes" },
            ("ApplicationDate", new(2026, 3, 2))));
        var dueBefore = await DueAsync(s.ChildId);
        var court = await s.Api.GetFromJsonAsync<CourtDto>($"/api/v1/children/{s.ChildId}/court");
        var id = court!.CareProceedings.Single().Id;
        var extended = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/court/proceedings/{id}", new Dictionary<string, string> { ["ExtensionWeeks"] = "8" });
        var hearing = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/court/proceedings/{id}/hearings/add", With(new()
            { ["Kind"] = "Case management hearing", ["Outcome"] = "Assessments directed." }, ("Date", new(2026, 3, 20))));
        var page = await s.Browser.GetPageAsync($"/children/{s.ChildId}/care/court");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, pre.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, proceedings.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hearing.StatusCode);
        Assert.Contains(dueBefore, d => d.Rule == Timescales.PreProceedings && d.Due == new DateOnly(2026, 4, 27));
        Assert.Contains(dueBefore, d => d.Rule == Timescales.CareProceedings && d.Due == new DateOnly(2026, 8, 31));
        Assert.Contains(await DueAsync(s.ChildId), d => d.Rule == Timescales.CareProceedings && d.Due == new DateOnly(2026, 10, 26));
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("27 April 2026", text);
        Assert.Contains("26 October 2026", text);
        Assert.Contains("Long-term fostering with Pat Reyes", page.QuerySelector($"#proceedings-{id}")!.TextContent);
        Assert.Contains("Assessments directed.", page.QuerySelector($"#hearings-{id}")!.TextContent);
    }

    [Fact]
    public async Task Post_ProceedingsFromAStaleForm_ShowsTheConflictAndKeepsTheOtherChange()
    {
        // Arrange: two people open the same proceedings.
        var s = await SetupAsync();
        var created = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/court/proceedings", new
        {
            applicationDate = Today.AddDays(-40), court = "Havenbridge Family Court", parallelPlan = "Home to father", contingencyPlan = "Kinship care with aunt",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<CreatedDto>())!.Id;
        var url = $"/children/{s.ChildId}/care/court/proceedings/{id}";
        var first = (await s.Browser.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var second = (await s.Browser.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;

        // Act
        var ok = await s.Browser.PostFormAsync(first, new Dictionary<string, string> { ["ContingencyPlan"] = "Long-term fostering" });
        var stale = await s.Browser.PostFormAsync(second, new Dictionary<string, string> { ["ContingencyPlan"] = "Special guardianship" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var doc = await Pages.ParseAsync(stale);
        Assert.Contains(doc.ErrorMessages(), m => m.StartsWith("Someone else changed this record", StringComparison.Ordinal));
        Assert.Contains("Long-term fostering", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Special guardianship", doc.QuerySelector<IHtmlTextAreaElement>("textarea[name=ContingencyPlan]")!.Value);
        Assert.Equal("Long-term fostering", await app.Data.WithDbAsync(db => db.CareProceedings.Where(p => p.Id == id).Select(p => p.ContingencyPlan).SingleAsync()));
    }

    [Fact]
    public async Task Api_CourtAndFamilyTime_BadInput_Returns400WithFieldErrorsAndSavesNothing()
    {
        // Arrange
        var s = await SetupAsync();

        // Act
        var proceedings = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/court/proceedings", new
        {
            applicationDate = Today.AddDays(5), court = "", parallelPlan = "", extensionWeeks = 60, finalOrder = "Care order",
        });
        var pre = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/court/pre-proceedings", new
        {
            decisionDate = Today.AddDays(-10), letterBeforeProceedingsDate = Today.AddDays(-20), endDate = Today.AddDays(-1),
        });
        var family = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time", new { with = "Cousin", personName = "", frequency = "", supervised = true, startDate = Today });
        var missing = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time", new { with = "Mother" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, proceedings.StatusCode);
        var body = await proceedings.Content.ReadAsStringAsync();
        foreach (var field in new[] { "applicationDate", "court", "parallelPlan", "contingencyPlan", "extensionWeeks", "finalOrderDate" })
            Assert.Contains($"\"{field}\"", body);
        Assert.Equal(HttpStatusCode.BadRequest, pre.StatusCode);
        var preBody = await pre.Content.ReadAsStringAsync();
        Assert.Contains("\"letterBeforeProceedingsDate\"", preBody);
        Assert.Contains("\"outcome\"", preBody);
        Assert.Equal(HttpStatusCode.BadRequest, family.StatusCode);
        Assert.Contains("\"with\"", await family.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"startDate\"", await missing.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.CareProceedings.CountAsync(p => p.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PreProceedings.CountAsync(p => p.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.ContactArrangements.CountAsync(p => p.ChildId == s.ChildId)));
    }

    // ------------------------------------------------------------------ time with family

    [Fact]
    public async Task FamilyTime_ArrangementAndSessions_RoundTripAndStaleChangeIs409()
    {
        // Arrange
        var s = await SetupAsync();

        // Act: one arrangement through the API, one through the pages, and a session on each.
        var created = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time", new
        {
            with = "Mother", personName = "Dana Reyes", frequency = "Every Saturday, 2 hours", supervised = true, startDate = Today.AddDays(-30),
        });
        var id = (await created.Content.ReadFromJsonAsync<CreatedDto>())!.Id;
        var session = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time/{id}/sessions",
            new { date = Today.AddDays(-2), tookPlace = true, howItWent = "Baked together; calm goodbye." });
        var page = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/family-time/arrangement", With(new()
            { ["With"] = "Brother", ["PersonName"] = "Leo Reyes", ["Frequency"] = "Fortnightly", ["Supervised"] = "no" }, ("StartDate", Today.AddDays(-10))));
        var list = (await s.Api.GetFromJsonAsync<List<ContactArrangementDto>>($"/api/v1/children/{s.ChildId}/family-time"))!;
        var leo = list.Single(a => a.PersonName == "Leo Reyes");
        var pageSession = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/family-time/arrangement/{leo.Id}/sessions/add", With(new()
            { ["TookPlace"] = "no", ["HowItWent"] = "Leo was unwell." }, ("Date", Today.AddDays(-1))));
        var mother = list.Single(a => a.PersonName == "Dana Reyes");
        var ended = await s.Api.PutAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time/{id}", new
        {
            with = "Mother", personName = "Dana Reyes", frequency = "Every Saturday, 2 hours", supervised = true, startDate = Today.AddDays(-30), endDate = Today, version = mother.Version,
        });
        var stale = await s.Api.PutAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time/{id}", new
        {
            with = "Mother", personName = "Dana Reyes", frequency = "Weekly", supervised = false, startDate = Today.AddDays(-30), version = mother.Version,
        });
        var shown = await s.Browser.GetPageAsync($"/children/{s.ChildId}/care/family-time");

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pageSession.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(leo.Supervised);
        Assert.Equal("Baked together; calm goodbye.", mother.Sessions.Single().HowItWent);
        Assert.Contains("Calm goodbye".ToLowerInvariant(), shown.QuerySelector($"#sessions-{id}")!.TextContent.ToLowerInvariant());
        Assert.Contains("Leo was unwell.", shown.QuerySelector($"#sessions-{leo.Id}")!.TextContent);
        var saved = await app.Data.WithDbAsync(db => db.ContactArrangements.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(((DateOnly?)Today, true, "Every Saturday, 2 hours"), (saved.EndDate, saved.Supervised, saved.Frequency));
    }

    [Fact]
    public async Task CourtAndFamilyTime_WithoutAccess_Return403AndNoData()
    {
        // Arrange
        var s = await SetupAsync();
        await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/family-time", new
        {
            with = "Father", personName = "Secret Name", frequency = "Monthly", supervised = true, startDate = Today.AddDays(-3),
        });
        var other = await SetupAsync();

        // Act
        var api = await other.Api.GetAsync($"/api/v1/children/{s.ChildId}/family-time");
        var court = await other.Api.GetAsync($"/api/v1/children/{s.ChildId}/court");
        var post = await other.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/court/pre-proceedings", new { decisionDate = Today });
        var page = await other.Browser.GetAsync($"/children/{s.ChildId}/care/family-time");
        var change = await other.Browser.GetAsync($"/children/{s.ChildId}/care/court/proceedings");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, court.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.DoesNotContain("Secret Name", await api.Content.ReadAsStringAsync() + await page.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PreProceedings.CountAsync(p => p.ChildId == s.ChildId)));
    }

    // ------------------------------------------------------------------ change, correct, end

    [Fact]
    public async Task Pages_ChangeCorrectAndEndAPeriod_KeepHistoryAndShowTheRulesMessage()
    {
        // Arrange: looked after 120 days ago.
        var s = await SetupAsync();
        var p = await StartCareAsync(s, Today.AddDays(-120));

        // Act: an interim care order 60 days ago; then a move dated before the period began (refused);
        // then a correction of the order's date; then the child goes home.
        var change = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/periods/{p.Id}/change",
            With(new() { ["LegalStatus"] = "C1", ["NewPlacement"] = "no" }, ("Date", Today.AddDays(-60))));
        var refused = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/periods/{p.Id}/change", With(new()
        {
            ["NewPlacement"] = "yes", ["ReasonPlaceChange"] = "CARPL", ["PlacementType"] = "U6", ["Provider"] = "PR1", ["CarerName"] = "Never saved",
            ["AddressLine1"] = "1 Oak Road", ["Town"] = "Havenbridge", ["Postcode"] = "HB2 1AA", ["Matching"] = "x",
        }, ("Date", Today.AddDays(-200))));
        var correct = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/periods/{p.Id}/correct",
            With(new() { ["EpisodeNumber"] = "2", ["Reason"] = "Date checked against the sealed order." }, ("NewStartDate", Today.AddDays(-65))));
        var end = await s.Browser.SubmitAsync($"/children/{s.ChildId}/care/periods/{p.Id}/end",
            With(new() { ["ReasonCeased"] = "E4A" }, ("EndDate", Today)));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains((await Pages.ParseAsync(refused)).ErrorMessages(), m => m.StartsWith("The change must be after the period of care started on", StringComparison.Ordinal));
        Assert.False(await app.Data.WithDbAsync(db => db.Placements.AnyAsync(x => x.CarerName == "Never saved")));
        Assert.Equal(HttpStatusCode.Redirect, correct.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        var after = (await s.Api.GetFromJsonAsync<CareDto>($"/api/v1/children/{s.ChildId}/care"))!.Periods.Single();
        Assert.Equal(["S", "L"], after.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal(Today.AddDays(-65), after.Episodes[1].StartDate);
        Assert.Equal((Today, "E4A"), (after.EndDate!.Value, after.ReasonCeased!));
        Assert.Contains(after.SupersededEpisodes, e => e.StartDate == Today.AddDays(-60) && e.CorrectionReason == "Date checked against the sealed order.");
    }

    [Fact]
    public async Task Post_PeriodEndFromAStaleForm_ShowsConflictAndSavesNothing()
    {
        // Arrange
        var s = await SetupAsync();
        var p = await StartCareAsync(s, Today.AddDays(-50));
        var form = (await s.Browser.GetPageAsync($"/children/{s.ChildId}/care/periods/{p.Id}/end")).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes", new { date = Today.AddDays(-10), version = p.Version, legalStatus = "C1" });

        // Act
        var response = await s.Browser.PostFormAsync(form, With(new() { ["ReasonCeased"] = "E4A" }, ("EndDate", Today)));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Pages.ParseAsync(response)).ErrorMessages(), m => m.StartsWith("Someone else changed this period of care", StringComparison.Ordinal));
        Assert.Null(await app.Data.WithDbAsync(db => db.PeriodsOfCare.Where(x => x.Id == p.Id).Select(x => x.EndDate).SingleAsync()));
    }

    // ------------------------------------------------------------------ health corrections

    [Fact]
    public async Task Post_HealthCorrection_AddsTheCorrectedRecord_KeepsTheOld_AndRefusesAStaleSecond()
    {
        // Arrange: a dental check recorded with the wrong dentist; two people open the correction.
        var s = await SetupAsync();
        var added = await s.Browser.SubmitAsync($"/children/{s.ChildId}/health/add",
            With(new() { ["Kind"] = "DentalCheck", ["By"] = "Wrong Dental Practice" }, ("Date", Today.AddDays(-3))));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.Data.WithDbAsync(db => db.HealthRecords.Where(r => r.ChildId == s.ChildId).Select(r => r.Id).SingleAsync());
        var url = $"/children/{s.ChildId}/health/add?corrects={id}";
        var first = (await s.Browser.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var second = (await s.Browser.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;

        // Act
        var noReason = await s.Browser.PostFormAsync(first, new Dictionary<string, string> { ["By"] = "Elm Dental" });
        var ok = await s.Browser.PostFormAsync(first, new Dictionary<string, string> { ["By"] = "Elm Dental", ["CorrectionReason"] = "Wrong practice chosen" });
        var stale = await s.Browser.PostFormAsync(second, new Dictionary<string, string> { ["By"] = "Oak Dental", ["CorrectionReason"] = "Typo" });

        // Assert
        Assert.Contains("Enter the reason for the correction", (await Pages.ParseAsync(noReason)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains((await Pages.ParseAsync(stale)).ErrorMessages(), m => m.StartsWith("Someone else changed or corrected this health record", StringComparison.Ordinal));
        var all = await app.Data.WithDbAsync(db => db.HealthRecords.IgnoreQueryFilters().AsNoTracking().Where(r => r.ChildId == s.ChildId).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, all.Count);
        Assert.Equal(("Wrong Dental Practice", "Corrected: Wrong practice chosen"), (all[0].By!, all[0].DeletionReason!));
        Assert.Equal(("Elm Dental", (DateTime?)null, Today.AddDays(-3)), (all[1].By!, all[1].DeletedAt, all[1].Date));
    }

    // ------------------------------------------------------------------ stability

    [Fact]
    public async Task Stability_ManagerSeesLiveFigures_AndOnlyTheChildrenTheyMayOpen()
    {
        // Arrange: two children placed outside the area (PX postcodes are outside the synthetic
        // council), one of them restricted.
        var open = await SetupAsync();
        await StartCareAsync(open, Today.AddDays(-90), postcode: "PX3 1AB");
        var hidden = await SetupAsync();
        await StartCareAsync(hidden, Today.AddDays(-90), postcode: "PX3 1AB");
        await app.Data.WithDbAsync(async db =>
        {
            var child = await db.People.SingleAsync(x => x.Id == hidden.ChildId);
            (child.IsRestricted, child.RestrictionReason) = (true, "Relative of a member of staff");
            return await db.SaveChangesAsync();
        });
        var manager = app.NewClient();
        await manager.SignInAsync(open.Manager.UserName);
        var names = await app.Data.WithDbAsync(db => db.People.Where(x => x.Id == open.ChildId || x.Id == hidden.ChildId)
            .ToDictionaryAsync(x => x.Id, x => x.FirstName + " " + x.LastName));

        // Act
        var figures = await manager.GetPageAsync("/stability");
        var outside = await manager.GetPageAsync("/stability/children?measure=OutsideArea");
        var worker = await open.Browser.GetAsync("/stability");
        var bad = await manager.GetAsync("/stability/children?measure=Nonsense");

        // Assert
        Assert.True(int.Parse(figures.QuerySelector("#measure-OutsideArea td")!.TextContent.Trim().Split(' ')[0]) >= 2);
        var listed = outside.QuerySelector("#children")!.TextContent;
        Assert.Contains(names[open.ChildId], listed);
        Assert.DoesNotContain(names[hidden.ChildId], outside.Body!.TextContent);
        Assert.NotNull(outside.QuerySelector("#not-shown"));
        Assert.NotEqual(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }
}

public sealed class CourtFamilyAndStabilityTestsOnSqlite(SqliteApp app) : CourtFamilyAndStabilityTests(app), IClassFixture<SqliteApp>;
public sealed class CourtFamilyAndStabilityTestsOnPostgres(PostgresApp app) : CourtFamilyAndStabilityTests(app), IClassFixture<PostgresApp>;
