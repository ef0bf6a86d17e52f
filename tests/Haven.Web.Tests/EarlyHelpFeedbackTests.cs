using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Haven.Core.EarlyHelp;
using Haven.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Family feedback on early help: a worker makes a single-use link on the episode, the family
/// answers without an account, and the answer shows on the episode and in the managers' aggregate.
/// Also the early help API. Each test runs on SQLite and on PostgreSQL.
public abstract class EarlyHelpFeedbackTests(HavenApp app)
{
    private async Task<(HttpClient Client, int ChildId, TestWorker Worker)> WorkerWithChildAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.EarlyHelpWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (client, childId, worker);
    }

    /// An episode with a review, and the URL of its page.
    private async Task<string> EpisodeWithReviewAsync(int childId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var episodeId = await app.Data.WithDbAsync(async db =>
        {
            var e = new EarlyHelpEpisode { ChildId = childId, StartDate = today.AddDays(-60), LeadPractitioner = "Sam Lead", LeadAgency = "Family help team",
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            e.Reviews.Add(new EarlyHelpReview { HeldOn = today.AddDays(-3), Summary = "Going well", RecordedAt = DateTime.UtcNow });
            db.EarlyHelpEpisodes.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        return $"/children/{childId}/early-help/{episodeId}";
    }

    /// Creates a feedback link from the episode page and returns its path (from the one-time display).
    private static async Task<string> CreateLinkAsync(HttpClient client, string episodeUrl)
    {
        var page = await client.GetPageAsync(episodeUrl);
        var review = page.QuerySelectorAll("select[name=FeedbackActivity] option").Select(o => o.GetAttribute("value")!).First(v => v.StartsWith("review:"));
        var response = await client.SubmitAsync(episodeUrl, new Dictionary<string, string> { ["FeedbackActivity"] = review }, "main form[method=post]", "feedbacklink");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await client.GetPageAsync(episodeUrl);
        var link = shown.QuerySelector("#feedback-link code")!.TextContent.Trim();
        Assert.Null((await client.GetPageAsync(episodeUrl)).QuerySelector("#feedback-link"));
        return new Uri(link).AbsolutePath;
    }

    private static Dictionary<string, string> Answer(string rating, string comment) => new() { ["Rating"] = rating, ["Comment"] = comment };

    [Fact]
    public async Task FamilyFeedback_LinkThenAnswer_ShowsOnTheEpisodeAndInTheAggregate()
    {
        var (client, childId, _) = await WorkerWithChildAsync();
        var episodeUrl = await EpisodeWithReviewAsync(childId);
        var path = await CreateLinkAsync(client, episodeUrl);
        var token = path.Split('/').Last();
        Assert.DoesNotContain(await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.Select(f => f.TokenHash).ToListAsync()), h => h.Contains(token));

        var family = app.NewClient();
        var form = await family.GetPageAsync(path);
        Assert.NotNull(form.QuerySelector("#privacy"));
        Assert.Contains("Review on", form.QuerySelector("#activity")!.TextContent);
        var marker = Guid.NewGuid().ToString("N");
        var sent = await family.SubmitAsync(path, Answer("4", $"Helpful meeting {marker}"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/family-feedback/thank-you", sent.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync("/family-feedback/thank-you")).StatusCode);

        var episode = await client.GetPageAsync(episodeUrl);
        Assert.Contains($"Helpful meeting {marker}", episode.QuerySelector("#feedback-answers")!.TextContent);
        Assert.Contains("4 – Helpful", episode.QuerySelector("#feedback-answers")!.TextContent);
        Assert.Contains("1 answer, average rating 4.0 out of 5", episode.QuerySelector("#feedback-summary")!.TextContent);

        var (_, teamId) = await app.Data.CreateTeamAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);
        var aggregate = await managerClient.GetPageAsync("/team/early-help-feedback");
        var expected = await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.CountAsync(f => f.Rating == 4));
        Assert.Contains(aggregate.QuerySelectorAll("#distribution tbody tr"), r => r.TextContent.Contains("4 – Helpful") && r.TextContent.Contains(expected.ToString()));
        Assert.DoesNotContain(marker, aggregate.Body!.TextContent);
        // Cycles of support: the page shows the same count as the figure worked out from the records.
        var cycles = await app.Data.WithDbAsync(db => Haven.Core.EarlyHelp.EarlyHelpFigures.CyclesAsync(db));
        Assert.True(cycles.Families >= 1);
        Assert.Equal(cycles.Families.ToString(), aggregate.QuerySelector("#cycles-families")!.TextContent.Trim());
        Assert.Equal(cycles.One.ToString(), aggregate.QuerySelector("#cycles-one")!.TextContent.Trim());
    }

    [Fact]
    public async Task FamilyFeedback_UsedExpiredOrUnknownLink_IsRefusedWithTheSamePlainMessage()
    {
        var (client, childId, _) = await WorkerWithChildAsync();
        var episodeUrl = await EpisodeWithReviewAsync(childId);
        var used = await CreateLinkAsync(client, episodeUrl);
        var expired = await CreateLinkAsync(client, episodeUrl);
        var family = app.NewClient();
        var usedForm = (await family.GetPageAsync(used)).QuerySelectorAll<IHtmlFormElement>("main form[method=post]").First();
        var expiredForm = (await family.GetPageAsync(expired)).QuerySelectorAll<IHtmlFormElement>("main form[method=post]").First();
        Assert.Equal(HttpStatusCode.Redirect, (await family.PostFormAsync(usedForm, Answer("5", "First"))).StatusCode);

        // The used link: the page and a replayed post both get the plain message, and the first answer stays.
        var again = await family.GetPageAsync(used);
        Assert.NotNull(again.QuerySelector("#link-unusable"));
        Assert.Null(again.QuerySelector("main form[method=post]"));
        var replay = await family.PostFormAsync(usedForm, Answer("1", "Second"));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await Pages.ParseAsync(replay)).QuerySelector("#link-unusable"));

        // The expired link.
        var expiredHash = Haven.Core.Api.ApiToken.Hash(expired.Split('/').Last());
        await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.Where(f => f.TokenHash == expiredHash)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var expiredPage = await family.GetPageAsync(expired);
        var expiredPost = await family.PostFormAsync(expiredForm, Answer("3", "Late"));

        // An unknown link, and a silly one.
        var unknown = await family.GetPageAsync("/family-feedback/fb_" + new string('a', 43));
        var silly = await family.GetAsync("/family-feedback/" + new string('y', 500));

        var texts = new[] { again, expiredPage, unknown }.Select(p => p.QuerySelector("#link-unusable")?.TextContent).ToList();
        Assert.All(texts, t => Assert.Equal(texts[0], t));
        Assert.Equal(HttpStatusCode.OK, expiredPost.StatusCode);
        Assert.NotNull((await Pages.ParseAsync(expiredPost)).QuerySelector("#link-unusable"));
        Assert.Equal(HttpStatusCode.OK, silly.StatusCode);

        var answers = await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.Where(f => f.Comment != null && (f.Comment == "First" || f.Comment == "Second" || f.Comment == "Late"))
            .Select(f => f.Comment).ToListAsync());
        Assert.Equal("First", Assert.Single(answers));
    }

    [Fact]
    public async Task FamilyFeedback_HostileInput_GetsMessagesAndSavesNothing_ScriptIsShownInert()
    {
        var (client, childId, _) = await WorkerWithChildAsync();
        var episodeUrl = await EpisodeWithReviewAsync(childId);
        var path = await CreateLinkAsync(client, episodeUrl);
        var hash = Haven.Core.Api.ApiToken.Hash(path.Split('/').Last());
        var family = app.NewClient();

        async Task<List<string>> ErrorsFor(Dictionary<string, string> values)
        {
            var response = await family.SubmitAsync(path, values);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Pages.ParseAsync(response)).ErrorMessages().ToList();
        }

        Assert.Contains("What you want to tell us must be 2,000 characters or fewer", await ErrorsFor(Answer("5", new string('x', 2_001))));
        Assert.Contains("What you want to tell us must only contain letters, numbers, spaces and punctuation", await ErrorsFor(Answer("5", "Fine\u0007\u001b[2J thanks")));
        var nul = await family.SubmitAsync(path, Answer("5", "Fine\0 thanks"));
        Assert.True(nul.StatusCode is HttpStatusCode.BadRequest || (await Pages.ParseAsync(nul)).ErrorMessages().Any(), $"got {(int)nul.StatusCode}");
        Assert.Contains("Select how helpful this was", await ErrorsFor(new() { ["Comment"] = "No rating" }));
        Assert.Contains("Select how helpful this was", await ErrorsFor(Answer("9", "Out of range")));
        Assert.Contains("Select how helpful this was", await ErrorsFor(Answer("<b>5</b>", "Not a number")));
        var huge = await family.SubmitAsync(path, Answer("5", new string('x', 200_000)));
        Assert.True((int)huge.StatusCode is 400 or 413, $"got {(int)huge.StatusCode}");
        Assert.Null(await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.Where(f => f.TokenHash == hash).Select(f => f.SubmittedAt).SingleAsync()));

        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Redirect, (await family.SubmitAsync(path, Answer("2", $"<script>alert('{marker}')</script><img src=x onerror=alert(1)>"))).StatusCode);
        var raw = await (await client.GetAsync(episodeUrl)).Content.ReadAsStringAsync();
        Assert.Contains($"&lt;script&gt;alert(&#x27;{marker}&#x27;)&lt;/script&gt;", raw);
        Assert.DoesNotContain($"<script>alert('{marker}')", raw);
        Assert.DoesNotContain("<img src=x", raw);
    }

    [Fact]
    public async Task FeedbackLink_ForAnActivityNotOnTheEpisode_IsRefused()
    {
        var (client, childId, _) = await WorkerWithChildAsync();
        var episodeUrl = await EpisodeWithReviewAsync(childId);
        var response = await client.SubmitAsync(episodeUrl, new Dictionary<string, string> { ["FeedbackActivity"] = "review:999999" }, "main form[method=post]", "feedbacklink");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select the activity the family is giving feedback on", (await Pages.ParseAsync(response)).ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.CountAsync(f => f.Activity.Contains("999999"))));
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
    public async Task Post_EarlyHelpViaApi_StartsTheEpisodeAndListsIt()
    {
        var (_, childId, worker) = await WorkerWithChildAsync();
        var api = await ApiClientAsync(worker);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await api.PostAsJsonAsync($"/api/v1/children/{childId}/early-help",
            new { startDate = today.AddDays(-2), leadPractitioner = "Kim Nurse", leadAgency = "Health visiting", leadIsPartnerAgency = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await api.GetFromJsonAsync<List<EarlyHelpEpisodeDto>>($"/api/v1/children/{childId}/early-help");
        var episode = Assert.Single(list!);
        Assert.Equal("Kim Nurse", episode.LeadPractitioner);
        Assert.True(episode.LeadIsPartnerAgency);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == childId && i.Kind == Haven.Core.Involvements.InvolvementKind.EarlyHelp)));

        var second = await api.PostAsJsonAsync($"/api/v1/children/{childId}/early-help",
            new { startDate = today, leadPractitioner = "Kim Nurse", leadAgency = "Health visiting", leadIsPartnerAgency = true });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already has an open early help episode", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_EarlyHelpViaApi_WithBadFields_Gets400WithFieldErrorsAndSavesNothing()
    {
        var (_, childId, worker) = await WorkerWithChildAsync();
        var api = await ApiClientAsync(worker);

        var response = await api.PostAsJsonAsync($"/api/v1/children/{childId}/early-help",
            new { startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), leadPractitioner = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("startDate", problem!.Errors.Keys);
        Assert.Contains("leadPractitioner", problem.Errors.Keys);
        Assert.Contains("leadAgency", problem.Errors.Keys);
        Assert.Contains("leadIsPartnerAgency", problem.Errors.Keys);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.ChildId == childId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == childId)));
    }

    [Fact]
    public async Task Get_EarlyHelpViaApi_ForAChildOutsideScope_IsForbidden()
    {
        var (_, childId, _) = await WorkerWithChildAsync();
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var api = await ApiClientAsync(outsider);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/children/{childId}/early-help")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/children/{childId}/early-help", new { leadPractitioner = "x" })).StatusCode);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.ChildId == childId)));
    }
}

public sealed class EarlyHelpFeedbackTestsOnSqlite(GenerousLimitSqliteApp app) : EarlyHelpFeedbackTests(app), IClassFixture<GenerousLimitSqliteApp>;
public sealed class EarlyHelpFeedbackTestsOnPostgres(GenerousLimitPostgresApp app) : EarlyHelpFeedbackTests(app), IClassFixture<GenerousLimitPostgresApp>;

/// A flood of answers from one address: after the hourly allowance, 429, and no answer is saved by the refused ones.
public sealed class EarlyHelpFeedbackFloodTests(TightLimitSqliteApp app) : IClassFixture<TightLimitSqliteApp>
{
    [Fact]
    public async Task FamilyFeedback_Flood_Gets429AfterTheLimit()
    {
        var childId = await app.Data.CreateChildAsync();
        var episodeId = await app.Data.WithDbAsync(async db =>
        {
            var e = new EarlyHelpEpisode { ChildId = childId, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10), LeadPractitioner = "Sam",
                LeadAgency = "Family help team", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.EarlyHelpEpisodes.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var tokens = new List<string>();
        for (var i = 0; i < 12; i++)
            tokens.Add(await app.Data.WithDbAsync(async db => (await new EarlyHelpFeedbackService(db, TimeProvider.System).CreateLinkAsync(episodeId, $"Review {i}", null)).Token));

        var client = app.NewClient();
        var codes = new List<HttpStatusCode>();
        foreach (var token in tokens)
            codes.Add((await client.SubmitAsync($"/family-feedback/{token}", new Dictionary<string, string> { ["Rating"] = "5" })).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, codes);
        Assert.Equal(9, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await app.Data.WithDbAsync(db => db.EarlyHelpFeedback.CountAsync(f => f.EpisodeId == episodeId && f.SubmittedAt != null)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/family-feedback/{tokens[^1]}")).StatusCode);
    }
}
