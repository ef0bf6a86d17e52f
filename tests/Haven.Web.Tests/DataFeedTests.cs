using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Haven.Core.Returns.DfeFeed;

namespace Haven.Web.Tests;

/// The DfE data feed's CLI and page on both databases: nothing is sent without credentials, a dry
/// run writes batches that pass the DfE schema and is recorded, and the page is for analysts only.
public abstract class DataFeedTests(HavenApp app)
{
    [Fact]
    public async Task DataFeed_AsSocialWorker_IsForbidden()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var response = await client.GetAsync("/data-feed");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Found, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.Found) Assert.StartsWith("/error/403", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task FeedDfe_SendWithoutCredentials_SendsNothingAndSaysWhatIsMissing()
    {
        var (exit, _, error) = await app.RunCliAsync("feed", "dfe", "--send");
        Assert.Equal(1, exit);
        Assert.Contains("Nothing was sent", error);
        Assert.Contains("Haven:DfeFeed:ClientSecret", error);
        Assert.Contains("Haven:DfeFeed:TestBaseUrl", error);
    }

    [Fact]
    public async Task FeedDfe_DryRun_WritesBatchesThatPassTheSchemaAndThePageShowsTheRun()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync(c => c.Referrals.Add(today.AddDays(-3)));
        var folder = Path.Combine(Path.GetTempPath(), $"haven-feed-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = await app.RunCliAsync("feed", "dfe", "--dry-run", "--out", folder);
            Assert.True(exit == 0, output + error);
            var files = Directory.GetFiles(folder, "batch-*.json");
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.Empty(DfeFeedJson.Validate(File.ReadAllText(f))));
            var ids = files.SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray())
                .Select(c => c.GetProperty("la_child_id").GetString()).ToList();
            Assert.Contains($"H{childId}", ids);

            var analyst = await app.Data.CreateWorkerAsync(HavenRole.PerformanceAnalyst);
            var client = app.NewClient();
            await client.SignInAsync(analyst.UserName);
            var page = await client.GetPageAsync("/data-feed");
            Assert.Contains("Dry run", page.QuerySelector("#sends")!.TextContent);
            Assert.Contains("Not configured", page.QuerySelector("#setup")!.TextContent);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task DataFeedCheck_ListsANewChildAsWaiting_AndSendsNothing()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync(c => c.Referrals.Add(today.AddDays(-2)));
        var analyst = await app.Data.CreateWorkerAsync(HavenRole.PerformanceAnalyst);
        var client = app.NewClient();
        await client.SignInAsync(analyst.UserName);
        var sendsBefore = await app.Data.WithDbAsync(db => db.DfeFeedSends.CountAsync());
        // A child the DfE holds whose record no longer exists, and a purge the DfE accepted earlier.
        var gone = 900_000_000 + Random.Shared.Next(1_000_000);
        await app.Data.WithDbAsync(async db =>
        {
            db.DfeFeedSubmissions.Add(new DfeFeedSubmission { ChildId = gone, LaChildId = $"H{gone}", AcceptedJson = $$"""{"la_child_id":"H{{gone}}"}""", Status = DfeSubmissionStatus.Accepted });
            db.DfeFeedSubmissions.Add(new DfeFeedSubmission { ChildId = gone + 1, LaChildId = $"H{gone + 1}", Status = DfeSubmissionStatus.Purged,
                LastPurge = "CIN plan P7: deleted from Haven (the record no longer exists)", LastPurgeAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var before = await client.GetPageAsync("/data-feed");
        Assert.Null(before.QuerySelector("#waiting-summary"));
        var page = await client.GetPageAsync("/data-feed?check=true");

        Assert.Contains("new or changed", page.QuerySelector("#waiting-summary")!.TextContent);
        Assert.Contains($"H{childId}", page.QuerySelector("#waiting")!.TextContent);
        Assert.Equal(sendsBefore, await app.Data.WithDbAsync(db => db.DfeFeedSends.CountAsync()));
        // Each purge says why: what is waiting, and what the DfE accepted.
        Assert.Contains($"all data for H{gone}: the child's record no longer exists", page.QuerySelector("#waiting")!.TextContent);
        Assert.Contains("CIN plan P7: deleted from Haven", page.QuerySelector("#purges")!.TextContent);
        // The receipt is the batch's, and the page says so.
        Assert.Contains("one receipt for the whole batch", page.QuerySelector("#receipts")!.TextContent);
    }
}

public sealed class DataFeedTestsOnSqlite(SqliteApp app) : DataFeedTests(app), IClassFixture<SqliteApp>;
public sealed class DataFeedTestsOnPostgres(PostgresApp app) : DataFeedTests(app), IClassFixture<PostgresApp>;
