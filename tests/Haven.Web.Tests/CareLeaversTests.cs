using System.Net.Http.Headers;
using AngleSharp.Dom;
using Haven.Core.Allocations;
using Haven.Core.Calendar;
using Haven.Core.CareLeavers;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Care leavers through the young person's leaving-care tab, My work, the care leavers list and the
/// API: a significant change prompts a pathway plan review until one is held; bad input is refused
/// with field errors and nothing saved; figures come from the live records. On SQLite and PostgreSQL.
public abstract class CareLeaversTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private sealed record Setup(TestWorker Worker, TestWorker Manager, HttpClient Client, int ChildId, DateOnly Dob);

    /// A 19-year-old who was in care from 15 to their 18th birthday (so former relevant), with a
    /// leaving-care involvement since then, allocated to a social worker.
    private async Task<Setup> SetupAsync(string firstName = "Jordan")
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var dob = Today.AddYears(-19).AddDays(-40);
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = firstName; c.AllocatedTo = worker; c.DateOfBirth = dob;
            c.Involvements.Add((InvolvementKind.CareLeaver, dob.AddYears(18)));
        });
        await app.Data.WithDbAsync(async db =>
        {
            db.Involvements.Add(new Involvement { ChildId = childId, Kind = InvolvementKind.InCare, StartDate = dob.AddYears(15), EndDate = dob.AddYears(18), RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return new(worker, manager, client, childId, dob);
    }

    [Fact]
    public async Task SignificantChange_Custody_PromptsReviewOnMyWorkAndTabUntilAReviewIsHeld()
    {
        var s = await SetupAsync("Custodia");
        var tab = await s.Client.GetPageAsync($"/children/{s.ChildId}/care-leaver");
        Assert.Contains("Former relevant", tab.QuerySelector("#status")!.TextContent);
        Assert.Contains($"since {s.Dob.AddYears(18):d MMMM yyyy}", tab.QuerySelector("#status")!.TextContent);

        var saved = await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/changes/add",
            With(new() { ["Kind"] = "Custody", ["Details"] = "Remanded to HMYOI Feltham." }, Date("EventDate", Today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var due = Timescales.PathwayReviewAfterChange.DueFrom(Today.AddDays(-1));
        tab = await s.Client.GetPageAsync($"/children/{s.ChildId}/care-leaver");
        Assert.Contains($"Review the pathway plan: entered custody by {due:d MMMM yyyy}", tab.QuerySelector("#due")!.TextContent);
        Assert.Contains("Review needed", tab.QuerySelector("#changes")!.TextContent);
        var myWork = (await s.Client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Custodia")).ToList();
        Assert.Contains(myWork, r => r.TextContent.Contains("Review the pathway plan: entered custody")
            && r.QuerySelector($"a[href='/children/{s.ChildId}/care-leaver/reviews/add']") is not null);

        Assert.Equal(HttpStatusCode.Redirect, (await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/reviews/add",
            With(new() { ["Summary"] = "Plan updated for custody: PA to visit monthly; housing held." }, Date("ReviewDate", Today)))).StatusCode);
        tab = await s.Client.GetPageAsync($"/children/{s.ChildId}/care-leaver");
        Assert.DoesNotContain("entered custody", tab.QuerySelector("#due")!.TextContent);
        Assert.Contains("Reviewed", tab.QuerySelector("#changes")!.TextContent);
        Assert.Contains($"Pathway plan review by {Timescales.PathwayPlanReview.DueFrom(Today):d MMMM yyyy}", tab.QuerySelector("#due")!.TextContent);
        myWork = (await s.Client.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Custodia")).ToList();
        Assert.DoesNotContain(myWork, r => r.TextContent.Contains("entered custody"));
    }

    [Fact]
    public async Task Forms_BadInput_ShowFieldErrorsAndSaveNothing()
    {
        var s = await SetupAsync();
        var page = await Pages.ParseAsync(await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/changes/add", Date("EventDate", Today.AddDays(3))));
        Assert.Contains("Select what changed", page.ErrorMessages());
        Assert.Contains("Date of the change must be today or in the past", page.ErrorMessages());

        page = await Pages.ParseAsync(await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/birthdays/18", new Dictionary<string, string> { ["InTouchCode"] = "YES" }));
        Assert.Contains("Select the young person's main activity", page.ErrorMessages());
        Assert.Contains("Select the type of accommodation and whether it is suitable", page.ErrorMessages());

        page = await Pages.ParseAsync(await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/plan",
            With(new() { ["Accommodation"] = "Supported lodgings." }, Date("AgreedDate", Today))));
        Assert.Contains("Enter the date of the needs assessment the plan is built on", page.ErrorMessages());

        Assert.Equal(0, await app.Data.WithDbAsync(db => db.SignificantChanges.CountAsync(c => c.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.BirthdayReturns.CountAsync(c => c.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PathwayPlans.CountAsync(c => c.ChildId == s.ChildId)));
    }

    [Fact]
    public async Task PathwayPlan_SavedThenChangedBySomeoneElse_ShowsTheConflictAndKeepsTheirs()
    {
        var s = await SetupAsync();
        var fields = With(new() { ["Accommodation"] = "Supported lodgings with Mrs Patel.", ["Identity"] = "Wants to trace her father's family." },
            Date("NeedsAssessmentDate", Today.AddDays(-30)), Date("AgreedDate", Today.AddDays(-20)));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/plan", fields)).StatusCode);
        var tab = await s.Client.GetPageAsync($"/children/{s.ChildId}/care-leaver");
        Assert.Contains("Wants to trace her father's family.", tab.QuerySelector("#plan")!.TextContent);
        Assert.Contains("Not yet covered", tab.QuerySelector("#plan")!.TextContent);

        var mine = await s.Client.GetPageAsync($"/children/{s.ChildId}/care-leaver/plan");
        var other = app.NewClient();
        await other.SignInAsync(s.Manager.UserName);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/children/{s.ChildId}/care-leaver/plan", new Dictionary<string, string> { ["Money"] = "Setting-up-home grant agreed." })).StatusCode);
        var conflict = await Pages.ParseAsync(await s.Client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)mine.QuerySelector("main form")!,
            new Dictionary<string, string> { ["Money"] = "Budgeting course." }));
        Assert.Contains("Someone else changed this pathway plan while you were editing it", conflict.ErrorMessages());
        Assert.Contains("Setting-up-home grant agreed.", conflict.QuerySelector("#their-version")!.TextContent);
        Assert.Equal("Setting-up-home grant agreed.", await app.Data.WithDbAsync(db => db.PathwayPlans.Where(p => p.ChildId == s.ChildId).Select(p => p.Money).SingleAsync()));
    }

    [Fact]
    public async Task CareLeaversList_FiguresFromBirthdaysAndHealthSummary_ListTheYoungPeopleBehindThem()
    {
        var s = await SetupAsync("Figurea");
        var manager = app.NewClient();
        await manager.SignInAsync(s.Manager.UserName);
        int Count(IDocument d, string measure, int column) => int.Parse(d.QuerySelector($"#figure-{measure}")!.QuerySelectorAll("td")[column].TextContent.Trim());
        var before = await manager.GetPageAsync("/care-leavers");

        var second = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Figureb"; c.AllocatedTo = s.Worker; c.DateOfBirth = s.Dob;
            c.Involvements.Add((InvolvementKind.CareLeaver, s.Dob.AddYears(18)));
        });
        await app.Data.WithDbAsync(async db =>
        {
            db.Involvements.Add(new Involvement { ChildId = second, Kind = InvolvementKind.InCare, StartDate = s.Dob.AddYears(16).AddDays(-100), EndDate = s.Dob.AddYears(17), RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await s.Client.SubmitAsync($"/children/{s.ChildId}/care-leaver/birthdays/19",
            new Dictionary<string, string> { ["InTouchCode"] = "YES", ["ActivityCode"] = "F2", ["AccommodationCode"] = "U1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Client.SubmitAsync($"/children/{second}/care-leaver/birthdays/19",
            new Dictionary<string, string> { ["InTouchCode"] = "YES", ["ActivityCode"] = "G5", ["AccommodationCode"] = "S2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Client.SubmitAsync($"/children/{s.ChildId}/health/summary", new Dictionary<string, string>())).StatusCode);

        var after = await manager.GetPageAsync("/care-leavers");
        Assert.Equal(Count(before, "InTouch", 0) + 2, Count(after, "InTouch", 0));
        Assert.Equal(Count(before, "InTouch", 1) + 2, Count(after, "InTouch", 1));
        Assert.Equal(Count(before, "SuitableAccommodation", 0) + 1, Count(after, "SuitableAccommodation", 0));
        Assert.Equal(Count(before, "InEducationEmploymentOrTraining", 0) + 1, Count(after, "InEducationEmploymentOrTraining", 0));
        Assert.Equal(Count(before, "HealthSummaryGiven", 0) + 1, Count(after, "HealthSummaryGiven", 0));
        Assert.Equal(Count(before, "HealthSummaryGiven", 1) + 1, Count(after, "HealthSummaryGiven", 1));

        var neet = await manager.GetPageAsync("/care-leavers?measure=NotInEducationEmploymentOrTraining");
        Assert.Contains("Figureb", neet.QuerySelector("#care-leavers")!.TextContent);
        Assert.DoesNotContain("Figurea", neet.QuerySelector("#care-leavers")!.TextContent);
        var given = await manager.GetPageAsync("/care-leavers?measure=HealthSummaryGiven");
        Assert.Contains("Figurea", given.QuerySelector("#care-leavers")!.TextContent);
    }

    [Fact]
    public async Task CareLeavers_PersonalAdviser_SeesOnlyTheirOwnYoungPeopleNamed()
    {
        var s = await SetupAsync("Hiddenname");
        var (_, leavingTeam) = await app.Data.CreateTeamAsync();
        var pa = await app.Data.CreateWorkerAsync(HavenRole.PersonalAdviser, leavingTeam);
        var mine = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Advised"; c.DateOfBirth = s.Dob; c.Involvements.Add((InvolvementKind.CareLeaver, s.Dob.AddYears(18)));
        });
        await app.Data.WithDbAsync(async db =>
        {
            db.Involvements.Add(new Involvement { ChildId = mine, Kind = InvolvementKind.InCare, StartDate = s.Dob.AddYears(16), EndDate = s.Dob.AddYears(18), RecordedAt = DateTime.UtcNow });
            db.Allocations.Add(new Allocation { ChildId = mine, Kind = AllocationKind.PersonalAdviser, WorkerId = pa.WorkerId, TeamId = leavingTeam, StartDate = s.Dob.AddYears(18), RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(pa.UserName);
        var list = await client.GetPageAsync("/care-leavers");
        Assert.Contains("Advised", list.QuerySelector("#care-leavers")!.TextContent);
        Assert.DoesNotContain("Hiddenname", list.Body!.TextContent);
        Assert.Contains("counted but not shown", list.QuerySelector("#not-shown")!.TextContent);
        var tab = await client.GetPageAsync($"/children/{mine}/care-leaver");
        Assert.Contains("Personal adviser", tab.QuerySelector("#status")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/children/{s.ChildId}/care-leaver")).StatusCode);

        // Social workers do not use the care leavers list.
        var figures = await s.Client.GetAsync("/care-leavers");
        Assert.Equal(HttpStatusCode.Redirect, figures.StatusCode);
        Assert.Contains("/error/403", figures.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LocalOffer_ManagerEdits_PersonalAdviserReadsAndCannotEdit()
    {
        var s = await SetupAsync();
        var manager = app.NewClient();
        await manager.SignInAsync(s.Manager.UserName);
        var text = $"Every care leaver can expect:\n- Council tax exemption to 25 ({Guid.NewGuid():N})";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync("/care-leavers/local-offer?edit=true", new Dictionary<string, string> { ["Text"] = text })).StatusCode);
        var (_, leavingTeam) = await app.Data.CreateTeamAsync();
        var pa = await app.Data.CreateWorkerAsync(HavenRole.PersonalAdviser, leavingTeam);
        var client = app.NewClient();
        await client.SignInAsync(pa.UserName);
        var offer = await client.GetPageAsync("/care-leavers/local-offer");
        Assert.Contains(text.Split('\n')[1][2..], offer.QuerySelector("#offer")!.TextContent);
        Assert.Null(offer.QuerySelector("main form"));
        var edit = await client.GetPageAsync("/care-leavers/local-offer?edit=true");
        Assert.Null(edit.QuerySelector("main form"));
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
    public async Task Api_BadInputIs400WithFieldErrorsAndNothingSaved_GoodInputPromptsTheReview()
    {
        var s = await SetupAsync();
        var api = await ApiClientAsync(s.Worker);
        var bad = await api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/changes", new { kind = "Holiday", eventDate = Today });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kind", (await bad.Content.ReadFromJsonAsync<ProblemView>())!.Errors.Keys);
        var future = await api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/changes", new { kind = "Move", eventDate = Today.AddDays(5) });
        Assert.Contains("eventDate", (await future.Content.ReadFromJsonAsync<ProblemView>())!.Errors.Keys);
        var birthday = await api.PutAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/birthdays/19", new { inTouch = "NO", activity = "F1", accommodation = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, birthday.StatusCode);
        Assert.Contains("activity", (await birthday.Content.ReadFromJsonAsync<ProblemView>())!.Errors.Keys);
        var plan = await api.PutAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/plan", new { dimensions = new Dictionary<string, string> { ["Accommodation"] = "Flat", ["Hobbies"] = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.SignificantChanges.CountAsync(c => c.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.BirthdayReturns.CountAsync(c => c.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PathwayPlans.CountAsync(c => c.ChildId == s.ChildId)));

        var good = await api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/changes", new { kind = "BecameParent", eventDate = Today.AddDays(-3), details = "Daughter born." });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var record = await api.GetFromJsonAsync<CareLeaverRecordView>($"/api/v1/children/{s.ChildId}/care-leaver");
        Assert.Equal("FormerRelevant", record!.Eligibility.Status);
        Assert.Equal("b) Former relevant", record.Eligibility.AnnexACategory);
        Assert.Contains(record.Due, d => d.Rule == "pathway-review-after-change" && d.What.Contains("became a parent"));
    }

    [Fact]
    public async Task Api_AnotherTeamsYoungPerson_IsForbiddenAndNothingSaved()
    {
        var s = await SetupAsync();
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var api = await ApiClientAsync(outsider);
        var response = await api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care-leaver/changes", new { kind = "Custody", eventDate = Today });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.SignificantChanges.CountAsync(c => c.ChildId == s.ChildId)));
    }

    private sealed record CareLeaverRecordView(StatusView Eligibility, List<DueView> Due);
    private sealed record StatusView(string Status, string AnnexACategory);
    private sealed record DueView(string What, DateOnly Due, string Rule);
    private sealed record ProblemView(Dictionary<string, string[]> Errors);
}

public sealed class CareLeaversTestsOnSqlite(SqliteApp app) : CareLeaversTests(app), IClassFixture<SqliteApp>;
public sealed class CareLeaversTestsOnPostgres(PostgresApp app) : CareLeaversTests(app), IClassFixture<PostgresApp>;
