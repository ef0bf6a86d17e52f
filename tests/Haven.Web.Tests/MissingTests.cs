using System.Net.Http.Headers;
using Haven.Core.Missing;
using Haven.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Missing episodes, return home interviews and take-up through the pages and the API, on both databases.
public abstract class MissingTests(HavenApp app)
{
    private static readonly DateTime Returned = DateTime.UtcNow.AddDays(-2).Date.AddHours(18).AddMinutes(30);

    private async Task<(TestWorker Worker, int TeamId)> SocialWorkerAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        return (await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId), teamId);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private Task<int> AddEpisodeAsync(int childId, DateTime returned, MissingFrom from = MissingFrom.Care, bool offered = false) =>
        app.Data.WithDbAsync(async db =>
        {
            var e = new MissingEpisode { ChildId = childId, Type = MissingType.Missing, From = from, StartedAt = returned.AddHours(-20), ReturnedAt = returned,
                Risk = MissingRisk.Medium, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            if (offered) e.Interview = new ReturnHomeInterview { OfferedAt = returned.AddHours(10), OfferedBy = "Jo, Safe Return", Independent = true,
                Response = InterviewResponse.Declined, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.MissingEpisodes.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    [Fact]
    public async Task Post_EpisodeWithInterview_ViaApi_SavesBothTogether()
    {
        // Arrange
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = await ApiClientAsync(worker);

        // Act
        var response = await client.PostAsJsonAsync($"/api/v1/children/{id}/missing-episodes", new
        {
            type = "Missing", from = "Care", startedAt = Returned.AddHours(-30), returnedAt = Returned, whereFound = "Coach station",
            policeReference = "MP/26/1234", risk = "High", reportedBy = "Metropolitan Police",
            returnHomeInterview = new { offeredAt = Returned.AddHours(20), offeredBy = "Safe Return service", independent = true, response = "Accepted" },
        });

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var episodes = await client.GetFromJsonAsync<List<MissingEpisodeDto>>($"/api/v1/children/{id}/missing-episodes");
        var saved = Assert.Single(episodes!);
        Assert.Equal("M", saved.Ssda903Code);
        Assert.Equal(Returned.AddHours(72), saved.InterviewDueBy);
        Assert.True(saved.ReturnHomeInterview!.OfferedWithin72Hours);
    }

    [Fact]
    public async Task Post_EpisodeWithInvalidInterview_ViaApi_Returns400AndSavesNothing()
    {
        // Arrange
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = await ApiClientAsync(worker);

        // Act: a valid episode, but an interview offered before the child came back.
        var response = await client.PostAsJsonAsync($"/api/v1/children/{id}/missing-episodes", new
        {
            type = "Away", from = "Home", startedAt = Returned.AddHours(-5), returnedAt = Returned, risk = "Low",
            returnHomeInterview = new { offeredAt = Returned.AddHours(-1), offeredBy = "", response = "Maybe" },
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("returnHomeInterview.response", problem!.Errors.Keys);
        Assert.False(await app.Data.WithDbAsync(db => db.MissingEpisodes.AnyAsync(e => e.ChildId == id)));

        var bad = await client.PostAsJsonAsync($"/api/v1/children/{id}/missing-episodes", new
        {
            type = "Away", from = "Home", startedAt = Returned.AddHours(-5), returnedAt = Returned, risk = "Low",
            returnHomeInterview = new { offeredAt = Returned.AddHours(-1), offeredBy = "", response = "Accepted" },
        });
        var errors = (await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;
        Assert.Equal("When the interview was offered must be after the child returned", errors["returnHomeInterview.offeredAt"].Single());
        Assert.Equal("Enter who offered the interview", errors["returnHomeInterview.offeredBy"].Single());
        Assert.False(await app.Data.WithDbAsync(db => db.MissingEpisodes.AnyAsync(e => e.ChildId == id)));
    }

    [Fact]
    public async Task Post_OverlappingEpisode_ViaApi_Returns400()
    {
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        await AddEpisodeAsync(id, Returned);
        var client = await ApiClientAsync(worker);

        var response = await client.PostAsJsonAsync($"/api/v1/children/{id}/missing-episodes",
            new { type = "Missing", from = "Care", startedAt = Returned.AddHours(-2), risk = "Low" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("overlaps", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Put_Interview_WithStaleVersion_Returns409()
    {
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var episodeId = await AddEpisodeAsync(id, Returned, offered: true);
        var client = await ApiClientAsync(worker);
        var body = new { offeredAt = Returned.AddHours(10), offeredBy = "Jo", independent = true, response = "Accepted", version = Guid.NewGuid() };

        var response = await client.PutAsJsonAsync($"/api/v1/children/{id}/missing-episodes/{episodeId}/return-home-interview", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Get_MissingEpisodes_ViaApi_ForAChildOutsideScope_IsForbidden()
    {
        var (worker, _) = await SocialWorkerAsync();
        var (outsider, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = await ApiClientAsync(outsider);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/children/{id}/missing-episodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/children/{id}/missing-episodes", new { type = "Missing" })).StatusCode);
    }

    [Fact]
    public async Task Post_RecordEpisodeThenInterviewWithSharing_ShowsOnRecordAndWritesCaseNote()
    {
        // Arrange
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Kai"; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var back = Returned.ToLocalTime();
        var went = back.AddHours(-26);

        // Act: the episode
        var recorded = await client.SubmitAsync($"/children/{id}/missing/record", new Dictionary<string, string>
        {
            ["Type"] = "Missing", ["From"] = "Care", ["StartDate.Day"] = went.Day.ToString(), ["StartDate.Month"] = went.Month.ToString(),
            ["StartDate.Year"] = went.Year.ToString(), ["StartTime"] = went.ToString("HH:mm"), ["ReturnDate.Day"] = back.Day.ToString(),
            ["ReturnDate.Month"] = back.Month.ToString(), ["ReturnDate.Year"] = back.Year.ToString(), ["ReturnTime"] = back.ToString("HH:mm"),
            ["WhereFound"] = "Park by the station", ["Risk"] = "High",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var episodeUrl = recorded.Headers.Location!.OriginalString;

        // Act: the interview, held and shared
        var offered = back.AddHours(5);
        var held = back.AddHours(30);
        var interview = await client.SubmitAsync($"{episodeUrl}/interview", new Dictionary<string, string>
        {
            ["OfferedDate.Day"] = offered.Day.ToString(), ["OfferedDate.Month"] = offered.Month.ToString(), ["OfferedDate.Year"] = offered.Year.ToString(),
            ["OfferedTime"] = offered.ToString("HH:mm"), ["OfferedBy"] = "Sam, Safe Return", ["Independent"] = "yes", ["ChildResponse"] = "Accepted",
            ["CompletedDate.Day"] = held.Day.ToString(), ["CompletedDate.Month"] = held.Month.ToString(), ["CompletedDate.Year"] = held.Year.ToString(),
            ["CompletedTime"] = held.ToString("HH:mm"), ["PullFactors"] = "Older boys at the station give him cannabis", ["Share"] = "true",
        });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, interview.StatusCode);
        var page = await client.GetPageAsync(episodeUrl);
        Assert.Contains("within 72 hours", page.QuerySelector("#interview")!.TextContent);
        Assert.Contains("Shared with the child's worker and the MEGA panel", page.QuerySelector("#interview")!.TextContent);
        var notes = await client.GetPageAsync($"/children/{id}/notes");
        Assert.Contains("Return home interview", notes.QuerySelector("#notes")!.TextContent);
        var list = await client.GetPageAsync($"/children/{id}/missing");
        Assert.Contains("Completed", list.QuerySelector("#episodes")!.TextContent);
    }

    [Fact]
    public async Task Post_RecordEpisode_ReturnedBeforeItStarted_ShowsError()
    {
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var response = await client.SubmitAsync($"/children/{id}/missing/record", new Dictionary<string, string>
        {
            ["Type"] = "Away", ["From"] = "Home", ["StartDate.Day"] = "10", ["StartDate.Month"] = "3", ["StartDate.Year"] = "2026", ["StartTime"] = "21:00",
            ["ReturnDate.Day"] = "9", ["ReturnDate.Month"] = "3", ["ReturnDate.Year"] = "2026", ["ReturnTime"] = "08:00", ["Risk"] = "Low",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("When the child returned must be after they went missing", (await Pages.ParseAsync(response)).ErrorMessages());
        Assert.False(await app.Data.WithDbAsync(db => db.MissingEpisodes.AnyAsync(e => e.ChildId == id)));
    }

    [Fact]
    public async Task Get_MyWork_AfterAReturnWithNoOffer_ShowsTheInterviewDue()
    {
        var (worker, _) = await SocialWorkerAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Remi"; c.AllocatedTo = worker; });
        var episodeId = await AddEpisodeAsync(id, Returned);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync("/");

        var row = doc.QuerySelectorAll("#due tbody tr").Single(r => r.TextContent.Contains("Return home interview to offer"));
        Assert.Contains("Remi", row.TextContent);
    }

    [Fact]
    public async Task Get_TakeUp_CountsEveryReturn_ButListsOnlyChildrenTheViewerMaySee()
    {
        // Arrange: two children returned, one restricted to another worker.
        var teamName = $"Adolescents {Guid.NewGuid():N}";
        var (_, teamId) = await app.Data.CreateTeamAsync(teamName);
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var open = await app.Data.CreateChildAsync(c => { c.FirstName = "Visible"; c.AllocatedTo = worker; });
        var hidden = await app.Data.CreateChildAsync(c => { c.FirstName = "Hiddenname"; c.Restricted = true; c.AllocatedTo = worker; c.AccessList.Add(worker); });
        await AddEpisodeAsync(open, Returned, offered: true);
        await AddEpisodeAsync(hidden, Returned, offered: true);
        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);

        // Act
        var takeUp = await client.GetPageAsync("/missing");
        var teamRow = takeUp.QuerySelectorAll("#by-team tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(teamName));
        var declinedLink = teamRow.QuerySelectorAll("a").Single(a => a.TextContent.Contains("declined"));
        var children = await client.GetPageAsync(declinedLink.GetAttribute("href")!);

        // Assert
        Assert.StartsWith("2", declinedLink.TextContent.Trim());
        Assert.Contains("Visible", children.QuerySelector("#children")!.TextContent);
        Assert.DoesNotContain("Hiddenname", children.Body!.TextContent);
        Assert.Contains("1 child is counted here but not listed", children.QuerySelector("#not-shown")!.TextContent);
    }

    [Fact]
    public async Task Get_TakeUp_AsPerformanceAnalyst_ShowsCountsButNoChildren()
    {
        var (worker, _) = await SocialWorkerAsync();
        var analyst = await app.Data.CreateWorkerAsync(HavenRole.PerformanceAnalyst);
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Countedonly"; c.AllocatedTo = worker; });
        await AddEpisodeAsync(id, Returned, MissingFrom.Home);
        var client = app.NewClient();
        await client.SignInAsync(analyst.UserName);

        var children = await client.GetPageAsync($"/missing/children?by=Setting&key=Home&measure=Returns");

        Assert.DoesNotContain("Countedonly", children.Body!.TextContent);
        Assert.NotNull(children.QuerySelector("#not-shown"));
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/children/{id}/missing")).StatusCode);
    }
}

public sealed class MissingTestsOnSqlite(SqliteApp app) : MissingTests(app), IClassFixture<SqliteApp>;
public sealed class MissingTestsOnPostgres(PostgresApp app) : MissingTests(app), IClassFixture<PostgresApp>;
