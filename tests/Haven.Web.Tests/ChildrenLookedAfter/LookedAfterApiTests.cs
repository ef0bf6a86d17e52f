using Haven.Core.Allocations;
using System.Net.Http.Headers;
using Haven.Core.Calendar;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Haven.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests.ChildrenLookedAfter;

/// Coming into care, changes, corrections, visits and reviews through the API, on both databases.
public abstract class LookedAfterApiTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Setup(TestWorker Worker, TestWorker Manager, TestWorker Iro, HttpClient Client, int ChildId);

    private async Task<Setup> SetupAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var iro = await app.Data.CreateWorkerAsync(HavenRole.Iro, teamId);
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = new DateOnly(2014, 3, 2); });
        return new(worker, manager, iro, client, childId);
    }

    private static object Placement(string type = "U6", string provider = "PR1", string carer = "Sam and Alex Carter", string postcode = "HB4 2AB") =>
        new { placementType = type, provider, carerName = carer, addressLine1 = "4 Elm Road", town = "Havenbridge", postcode, matching = "Near school; carers experienced with teenagers." };

    private static async Task<HttpResponseMessage> StartAsync(Setup s, DateOnly start, string legal = "V2") =>
        await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods", new
        {
            decisionDate = start, authorisedByWorkerId = s.Manager.WorkerId, decisionReason = "Mother in hospital; no family able to care.",
            startDate = start, legalStatus = legal, categoryOfNeed = "N4", unaccompanied = false, homePostcode = "HB1 3CD", placement = Placement(),
        });

    private static async Task<PeriodOfCareDto> PeriodAsync(Setup s) =>
        (await s.Client.GetFromJsonAsync<CareDto>($"/api/v1/children/{s.ChildId}/care"))!.Periods.Single();

    [Fact]
    public async Task Post_ComingIntoCareThenChanges_RecordsEpisodesInSsda903Terms()
    {
        // Arrange
        var s = await SetupAsync();

        // Act
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(s, Today.AddDays(-100))).StatusCode);
        var p = await PeriodAsync(s);
        var legal = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes",
            new { date = Today.AddDays(-60), version = p.Version, legalStatus = "C1" });
        Assert.Equal(HttpStatusCode.OK, legal.StatusCode);
        p = await PeriodAsync(s);
        var move = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes",
            new { date = Today.AddDays(-30), version = p.Version, newPlacement = Placement("K2", "PR4", "Larchwood House", "PX3 1AB"), reasonPlaceChange = "CREQB" });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        p = await PeriodAsync(s);

        // Assert
        Assert.Equal(["S", "L", "P"], p.Episodes.Select(e => e.ReasonForNewEpisode));
        Assert.Equal(["V2", "C1", "C1"], p.Episodes.Select(e => e.LegalStatus));
        Assert.Equal(["X1", "X1", null], p.Episodes.Select(e => e.ReasonEpisodeCeased));
        Assert.Equal("CREQB", p.Episodes[1].ReasonPlaceChange);
        var far = p.Placements.Single(x => x.PlacementType == "K2");
        Assert.True(far.DistanceFromHomeMiles > 20m);
        Assert.False(far.InsideCouncilArea);
        Assert.True(p.Placements.Single(x => x.PlacementType == "U6").InsideCouncilArea);
        Assert.Equal("CREQB", p.Placements.Single(x => x.PlacementType == "U6").ReasonForChange);
        var involvement = await app.Data.WithDbAsync(db => db.Involvements.SingleAsync(i => i.ChildId == s.ChildId));
        Assert.Equal((InvolvementKind.InCare, Today.AddDays(-100), (DateOnly?)null), (involvement.Kind, involvement.StartDate, involvement.EndDate));
    }

    [Fact]
    public async Task Post_VisitAndReview_MoveWhatIsDueOnMyWork()
    {
        // Arrange: looked after 100 days ago, moved 30 days ago; no visit, no review yet.
        var s = await SetupAsync();
        await StartAsync(s, Today.AddDays(-100));
        var p = await PeriodAsync(s);
        await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes",
            new { date = Today.AddDays(-30), version = p.Version, newPlacement = Placement("U4", "PR1", "Jo Okafor"), reasonPlaceChange = "CARPL" });
        var before = await DueAsync(s.ChildId);
        Assert.Contains(before, d => d.Rule == Timescales.FirstPlacementVisit && d.Due == Today.AddDays(-23) && d.IsOverdueOn(Today));
        Assert.Contains(before, d => d.Rule == Timescales.FirstLookedAfterReview && d.Due == Timescales.FirstLookedAfterReview.DueFrom(Today.AddDays(-100)));

        // Act
        var visit = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/visits",
            new { visitDate = Today.AddDays(-2), childSeen = true, seenAlone = true, summary = "Saw Mia alone in her room.", submissionId = Guid.NewGuid() });
        var review = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/reviews",
            new { reviewDate = Today.AddDays(-1), chairWorkerId = s.Iro.WorkerId, participation = "PN1", advocacyOffered = true, advocacyTakenUp = false,
                  decisions = "Stay with Jo.", letterToChild = "Dear Mia, thank you for telling us what you think." });

        // Assert
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var after = await DueAsync(s.ChildId);
        Assert.Contains(after, d => d.Rule == Timescales.LookedAfterVisit && d.Due == Today.AddDays(40));
        Assert.Contains(after, d => d.Rule == Timescales.SecondLookedAfterReview && d.Due == Timescales.SecondLookedAfterReview.DueFrom(Today.AddDays(-1)));
        Assert.DoesNotContain(after, d => d.Rule == Timescales.FirstPlacementVisit);
        var care = await s.Client.GetFromJsonAsync<CareDto>($"/api/v1/children/{s.ChildId}/care");
        Assert.True(care!.Visits.Single().SeenAlone);
        Assert.Equal("PN1", care.Reviews.Single().Participation);
    }

    private async Task<IReadOnlyList<DueItem>> DueAsync(int childId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DueWork>().ForChildrenAsync([childId]);
    }

    [Fact]
    public async Task Post_BackdatedCorrection_KeepsTheOldEpisodesAndRefusesInconsistency()
    {
        // Arrange
        var s = await SetupAsync();
        await StartAsync(s, Today.AddDays(-200));
        var p = await PeriodAsync(s);
        await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes", new { date = Today.AddDays(-100), version = p.Version, legalStatus = "C1" });
        p = await PeriodAsync(s);

        // Act: the interim care order was really made 10 days earlier.
        var ok = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/corrections",
            new { episodeNumber = 2, newStartDate = Today.AddDays(-110), version = p.Version, reason = "Order date checked against the sealed order." });
        var stale = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/corrections",
            new { episodeNumber = 2, newStartDate = Today.AddDays(-120), version = p.Version, reason = "Stale form" });
        var current = await PeriodAsync(s);
        var overlap = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/corrections",
            new { episodeNumber = 2, newStartDate = Today.AddDays(-250), version = current.Version, reason = "Typo" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("Episode 2 must start after episode 1 started on", await overlap.Content.ReadAsStringAsync());
        var after = await PeriodAsync(s);
        Assert.Equal(1, after.Corrections);
        Assert.Equal(Today.AddDays(-110), after.Episodes[1].StartDate);
        Assert.Equal(Today.AddDays(-110), after.Episodes[0].EndDate);
        Assert.Contains(after.SupersededEpisodes, e => e.StartDate == Today.AddDays(-100) && e.CorrectionReason == "Order date checked against the sealed order.");
    }

    [Fact]
    public async Task Post_Start_WithBadInput_Returns400WithFieldErrorsAndSavesNothing()
    {
        // Arrange
        var s = await SetupAsync();

        // Act
        var response = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods", new
        {
            decisionDate = Today, authorisedByWorkerId = s.Worker.WorkerId, decisionReason = "", startDate = Today.AddDays(3), legalStatus = "Z9",
            categoryOfNeed = "N99", placement = new { placementType = "U6", provider = "PR0", carerName = "", addressLine1 = "1 Road", town = "X", postcode = "nope" },
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "authorisedByWorkerId", "decisionReason", "startDate", "legalStatusCode", "categoryOfNeedCode", "placement.providerCode", "placement.carerName", "placement.postcode" })
            Assert.Contains($"\"{field}\"", body);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.PeriodsOfCare.CountAsync(p => p.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Placements.CountAsync(p => p.ChildId == s.ChildId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == s.ChildId)));
    }

    [Fact]
    public async Task Post_ChangeRefusedByTheRules_LeavesThePlacementUnsaved()
    {
        // Arrange
        var s = await SetupAsync();
        await StartAsync(s, Today.AddDays(-50));
        var p = await PeriodAsync(s);

        // Act: a move dated before the child came into care.
        var response = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/changes",
            new { date = Today.AddDays(-60), version = p.Version, newPlacement = Placement(carer: "Never saved"), reasonPlaceChange = "CARPL" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The change must be after the period of care started on", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Data.WithDbAsync(db => db.Placements.AnyAsync(x => x.CarerName == "Never saved" && x.ChildId == s.ChildId)));
        Assert.Single((await PeriodAsync(s)).Episodes);
    }

    [Fact]
    public async Task Post_End_ClosesThePeriodAndTheInCareInvolvementTogether()
    {
        // Arrange
        var s = await SetupAsync();
        await StartAsync(s, Today.AddDays(-40));
        var p = await PeriodAsync(s);

        // Act
        var bad = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/end", new { endDate = Today, reasonCeased = "X1", version = p.Version });
        var ok = await s.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/periods/{p.Id}/end", new { endDate = Today, reasonCeased = "E4A", version = p.Version });
        var again = await StartAsync(s, Today.AddDays(-5));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var ended = await PeriodAsync(s);
        Assert.Equal((Today, "E4A"), (ended.EndDate!.Value, ended.ReasonCeased!));
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.Involvements.Where(i => i.ChildId == s.ChildId).Select(i => i.EndDate).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Empty(await DueAsync(s.ChildId));
    }

    [Fact]
    public async Task Get_Care_WithoutAccess_Returns403()
    {
        var s = await SetupAsync();
        var other = await SetupAsync();

        var response = await other.Client.GetAsync($"/api/v1/children/{s.ChildId}/care");
        var post = await other.Client.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/visits", new { visitDate = Today, childSeen = true, summary = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private sealed record IroSetup(TestWorker Worker, TestWorker Manager, TestWorker Iro, TestWorker Colleague, HttpClient Api, int ChildId);

    // IRO visits between reviews: the API and the pages, and who may record one.

    /// A child in care for 100 days, with a social worker and an allocated IRO; a colleague on the
    /// same team (who may change the team's records, but is not this child's worker).
    private async Task<IroSetup> IroSetupAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var iro = await app.Data.CreateWorkerAsync(HavenRole.Iro, teamId);
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = new DateOnly(2014, 3, 2); });
        await app.Data.WithDbAsync(db =>
        {
            db.Allocations.Add(new Allocation { ChildId = childId, Kind = AllocationKind.Iro, WorkerId = iro.WorkerId, TeamId = teamId, StartDate = Today.AddDays(-90), RecordedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var api = await IroApiClientAsync(worker);
        var start = await api.PostAsJsonAsync($"/api/v1/children/{childId}/care/periods", new
        {
            decisionDate = Today.AddDays(-100), authorisedByWorkerId = manager.WorkerId, decisionReason = "No family able to care.",
            startDate = Today.AddDays(-100), legalStatus = "V2", categoryOfNeed = "N4", unaccompanied = false, homePostcode = "HB1 3CD",
            placement = new { placementType = "U4", provider = "PR1", carerName = "Jo Okafor", addressLine1 = "4 Elm Road", town = "Havenbridge", postcode = "HB4 2AB", matching = "Near school." },
        });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return new(worker, manager, iro, colleague, api, childId);
    }

    private async Task<HttpClient> IroApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private static async Task<IDictionary<string, string[]>> IroErrors(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;

    [Fact]
    public async Task Api_IroVisit_BySocialWorker_DefaultsToTheAllocatedIro_IsIdempotent_AndBadInputIs400SavingNothing()
    {
        // Arrange
        var s = await IroSetupAsync();
        var url = $"/api/v1/children/{s.ChildId}/care/iro-visits";
        var submission = Guid.NewGuid();

        // Act
        var noSeenAlone = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(-5), purpose = "Before the review" });
        var future = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(2), seenAlone = true, purpose = "  " });
        var beforeCare = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(-101), seenAlone = false, purpose = "Before the review" });
        var notAnIro = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(-5), seenAlone = true, purpose = "Before the review", iroWorkerId = s.Worker.WorkerId });
        var saved = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(-5), seenAlone = true, purpose = "Before the review", notes = "Wants more time with her brother.", submissionId = submission });
        var again = await s.Api.PostAsJsonAsync(url, new { visitDate = Today.AddDays(-5), seenAlone = true, purpose = "Before the review", submissionId = submission });
        var list = await s.Api.GetFromJsonAsync<List<IroVisitDto>>(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, noSeenAlone.StatusCode);
        Assert.True((await IroErrors(noSeenAlone)).ContainsKey("seenAlone"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(["purpose", "visitDate"], (await IroErrors(future)).Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, beforeCare.StatusCode);
        Assert.StartsWith("Date of the visit must be on or after the child came into care", (await IroErrors(beforeCare))["visitDate"].Single());
        Assert.Equal(HttpStatusCode.BadRequest, notAnIro.StatusCode);
        Assert.True((await IroErrors(notAnIro)).ContainsKey("iroWorkerId"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await saved.Content.ReadFromJsonAsync<IroVisitDto>())!.Id, (await again.Content.ReadFromJsonAsync<IroVisitDto>())!.Id);
        var visit = Assert.Single(list!);
        Assert.Equal((s.Iro.WorkerId, true, "Before the review", "Wants more time with her brother."), (visit.IroWorkerId, visit.SeenAlone, visit.Purpose, visit.Notes));
        Assert.NotEqual(Guid.Empty, visit.Version);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.IroVisits.CountAsync(v => v.ChildId == s.ChildId)));
    }

    [Fact]
    public async Task Api_IroVisit_ByAColleagueWhoIsNotTheChildsWorker_Is403AndSavesNothing_ButTheManagerMayRecord()
    {
        // Arrange
        var s = await IroSetupAsync();
        var url = $"/api/v1/children/{s.ChildId}/care/iro-visits";
        var colleague = await IroApiClientAsync(s.Colleague);
        var manager = await IroApiClientAsync(s.Manager);
        var body = new { visitDate = Today.AddDays(-3), seenAlone = false, purpose = "After a change of placement", iroWorkerId = s.Iro.WorkerId };

        // Act
        var refused = await colleague.PostAsJsonAsync(url, body);
        var byManager = await manager.PostAsJsonAsync(url, body);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byManager.StatusCode);
        var rows = await app.Data.WithDbAsync(db => db.IroVisits.Where(v => v.ChildId == s.ChildId).ToListAsync());
        Assert.Equal(s.Manager.WorkerId, Assert.Single(rows).RecordedByWorkerId);
    }

    [Fact]
    public async Task Page_IroRecordsAVisit_ErrorsFirst_ThenItShowsOnTheCareTabTheReviewRecordAndTheChronology()
    {
        // Arrange: the child's IRO signs in.
        var s = await IroSetupAsync();
        var iro = app.NewClient();
        await iro.SignInAsync(s.Iro.UserName);
        var url = $"/children/{s.ChildId}/care/iro-visits/add";
        var future = Today.AddDays(3);

        // Act
        var bad = await iro.SubmitAsync(url, new Dictionary<string, string>
        {
            ["VisitDate.Day"] = future.Day.ToString(), ["VisitDate.Month"] = future.Month.ToString(), ["VisitDate.Year"] = future.Year.ToString(), ["Purpose"] = "",
        });
        var badPage = await Pages.ParseAsync(bad);
        var visitDay = Today.AddDays(-20);
        var good = await iro.SubmitAsync(url, new Dictionary<string, string>
        {
            ["VisitDate.Day"] = visitDay.Day.ToString(), ["VisitDate.Month"] = visitDay.Month.ToString(), ["VisitDate.Year"] = visitDay.Year.ToString(),
            ["SeenAlone"] = "yes", ["Purpose"] = "Before the review, to hear her views", ["Notes"] = "Likes her new school.",
        });
        var review = await s.Api.PostAsJsonAsync($"/api/v1/children/{s.ChildId}/care/reviews",
            new { reviewDate = Today.AddDays(-1), chairWorkerId = s.Iro.WorkerId, participation = "PN1", advocacyOffered = false, advocacyTakenUp = false, letterToChild = "Dear Mia" });
        var reviewId = (await review.Content.ReadFromJsonAsync<CreatedDto>())!.Id;
        var care = await iro.GetPageAsync($"/children/{s.ChildId}/care");
        var record = await iro.GetPageAsync($"/children/{s.ChildId}/care/reviews/{reviewId}");
        var chronology = await iro.GetPageAsync($"/children/{s.ChildId}/chronology");

        // Assert
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var summary = badPage.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select whether the IRO saw the child alone", summary);
        Assert.Contains("Enter why the IRO saw the child", summary);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Before the review, to hear her views", care.QuerySelector("#iro-visits")!.TextContent);
        Assert.Contains("Before the review, to hear her views", record.QuerySelector("#review-iro-visits")!.TextContent);
        Assert.Contains("IRO visit", chronology.Body!.TextContent);
        var row = await app.Data.WithDbAsync(db => db.IroVisits.SingleAsync(v => v.ChildId == s.ChildId));
        Assert.Equal((s.Iro.WorkerId, visitDay, true), (row.IroWorkerId, row.VisitDate, row.SeenAlone));
    }
}

public sealed class LookedAfterApiTestsOnSqlite(SqliteApp app) : LookedAfterApiTests(app), IClassFixture<SqliteApp>;
public sealed class LookedAfterApiTestsOnPostgres(PostgresApp app) : LookedAfterApiTests(app), IClassFixture<PostgresApp>;
