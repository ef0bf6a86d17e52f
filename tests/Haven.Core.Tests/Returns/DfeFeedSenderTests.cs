using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Returns.DfeFeed;
using Haven.Core.Tests.Synthetic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Haven.Core.Tests.Returns;

/// A stand-in for the DfE's receiver on loopback (real HTTP through Kestrel): a token endpoint for
/// client credentials and the children endpoint, which checks the bearer token, the SupplierKey and
/// the schema, and answers whatever status the test queues next (200 with a receipt when none).
public sealed class FakeDfeReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokens;
    private string? _validToken;

    public ConcurrentQueue<int> Next { get; } = new();
    public ConcurrentQueue<(int Status, string Body)> Received { get; } = new();
    public int TokenRequests => _tokens;
    public string RetryAfter { get; set; } = "1";
    /// Answer a 200 with one token per child (as D2I's client expects) instead of the schema's one batch Receipt.
    public bool TokenPerChild { get; set; }
    /// When set, a children request waits for it before answering (Arrived says one is waiting).
    public TaskCompletionSource? Hold { get; set; }
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public string BaseUrl { get; private set; } = "";

    private FakeDfeReceiver(WebApplication app)
    {
        _app = app;
        app.MapPost("/token", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != "haven" || form["client_secret"] != "s3cret" || form["scope"] != "csc")
                return Results.StatusCode(401);
            _validToken = $"token{Interlocked.Increment(ref _tokens)}";
            return Results.Json(new { access_token = _validToken, expires_in = 3600, token_type = "Bearer" });
        });
        app.MapPost("/api/children_social_care_data/{la:int}/children", async (HttpContext ctx, int la) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (Hold is { } hold)
            {
                Arrived.TrySetResult();
                await hold.Task;
            }
            var status = !Next.TryDequeue(out var s) ? 200 : s;
            if (ctx.Request.Headers.Authorization != $"Bearer {_validToken}" || ctx.Request.Headers["SupplierKey"] != "key" || la != 305) status = 401;
            else if (status == 200 && DfeFeedJson.Validate(body).Count > 0) status = 400;
            if (status == 401) _validToken = null;
            Received.Enqueue((status, body));
            if (status == 429) ctx.Response.Headers.RetryAfter = RetryAfter;
            if (status == 200 && TokenPerChild)
                return Results.Json(JsonDocument.Parse(body).RootElement.EnumerateArray().Select(c => $"token-{c.GetProperty("la_child_id").GetString()}").ToList());
            if (status == 200) return Results.Json(Guid.NewGuid().ToString());
            return Results.Text($"status {status}", statusCode: status);
        });
    }

    public static async Task<FakeDfeReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        // Routes are mapped before the server starts; the bound port is known after.
        var receiver = new FakeDfeReceiver(app);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public DfeFeedOptions Options() => new()
    {
        LaCode = "305",
        TestBaseUrl = BaseUrl + "/api",
        TokenUrl = BaseUrl + "/token",
        ClientId = "haven",
        ClientSecret = "s3cret",
        Scope = "csc",
        SupplierKey = "key",
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(40),
        MaxAttempts = 4,
    };

    /// The la_child_ids of every request the receiver answered with this status.
    public List<string> ChildrenIn(int status) => Received.Where(r => r.Status == status)
        .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(c => c.GetProperty("la_child_id").GetString()!)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// The sender and the run against the loopback receiver: retries, back-off, error recording, a batch
/// never sent twice after a 200, change detection and purges, and nothing sent without credentials.
public sealed class DfeFeedSenderTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private readonly TestDatabase _database = new();
    private FakeDfeReceiver _dfe = null!;
    private DfeFeedTests.Seeded _seed = null!;
    private readonly List<TimeSpan> _waits = [];
    private AccessLog? _log;

    public async Task InitializeAsync()
    {
        _dfe = await FakeDfeReceiver.StartAsync();
        await using var db = _database.Open();
        _seed = await DfeFeedTests.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _dfe.DisposeAsync();
        _database.Dispose();
    }

    private async Task<DfeFeedResult> RunAsync(DfeFeedOptions? options = null, bool full = false, DfeFeedMode mode = DfeFeedMode.Test)
    {
        await using var db = _database.Open();
        using var http = new HttpClient();
        return await DfeFeedRun.RunAsync(db, options ?? _dfe.Options(), mode, full, Today, http, null, TimeProvider.System, default,
            delay: (d, _) => { _waits.Add(d); return Task.CompletedTask; }, audit: new DfeFeedAudit(_log ??= _database.AccessLog(), "system:dfe-feed"));
    }

    private async Task<List<AccessLogEntry>> AccessLogAsync()
    {
        await using var db = _database.Open();
        return await db.AccessLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<List<DfeFeedSubmission>> SubmissionsAsync()
    {
        await using var db = _database.Open();
        return await db.DfeFeedSubmissions.AsNoTracking().OrderBy(s => s.ChildId).ToListAsync();
    }

    private string H(int id) => $"H{id}";

    [Fact]
    public async Task Run_AllAccepted_RecordsReceiptsAndSendsNothingWhenUnchanged()
    {
        var first = await RunAsync();
        Assert.Equal((3, 3, 0, 1), (first.Children, first.Accepted, first.Failed, first.Batches));
        var subs = await SubmissionsAsync();
        Assert.All(subs, s => Assert.Equal(DfeSubmissionStatus.Accepted, s.Status));
        Assert.All(subs, s => Assert.True(Guid.TryParse(s.Receipt, out _)));
        Assert.Single(subs.Select(s => s.Receipt).Distinct()); // the schema's Receipt is the batch's
        Assert.Equal(1, _dfe.TokenRequests);

        var second = await RunAsync();
        Assert.Equal(0, second.Children);
        Assert.Single(_dfe.Received);

        var full = await RunAsync(full: true);
        Assert.Equal(3, full.Accepted);
        Assert.Equal(2, _dfe.Received.Count);
    }

    [Fact]
    public async Task Run_DfeAnswersOneTokenPerChild_EachChildKeepsItsOwn()
    {
        _dfe.TokenPerChild = true;
        Assert.Equal(3, (await RunAsync()).Accepted);
        Assert.All(await SubmissionsAsync(), s => Assert.Equal($"token-{s.LaChildId}", s.Receipt));
    }

    [Fact]
    public async Task Run_429WithRetryAfter_WaitsTheGivenTimeThenSends()
    {
        _dfe.Next.Enqueue(429);
        var result = await RunAsync();
        Assert.Equal(3, result.Accepted);
        Assert.Equal([TimeSpan.FromSeconds(1)], _waits);
        Assert.Equal([429, 200], _dfe.Received.Select(r => r.Status));
    }

    [Fact]
    public async Task Run_500ThenSuccess_BacksOffExponentially()
    {
        _dfe.Next.Enqueue(500);
        _dfe.Next.Enqueue(500);
        var result = await RunAsync();
        Assert.Equal(3, result.Accepted);
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)], _waits);
    }

    [Fact]
    public async Task Run_500Always_GivesUpAfterMaxAttemptsAndRecordsTheErrorPerChild()
    {
        for (var i = 0; i < 10; i++) _dfe.Next.Enqueue(500);
        var result = await RunAsync();
        Assert.Equal((0, 3), (result.Accepted, result.Failed));
        Assert.Equal(4, _dfe.Received.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)], _waits);
        var subs = await SubmissionsAsync();
        Assert.All(subs, s => Assert.Equal(DfeSubmissionStatus.Error, s.Status));
        Assert.All(subs, s => Assert.Contains("500", s.Error));
        Assert.All(subs, s => Assert.Null(s.AcceptedHash));
    }

    [Fact]
    public async Task Run_400_IsNotRetriedAndTheErrorIsKeptAgainstEveryChildOfTheBatch()
    {
        _dfe.Next.Enqueue(400);
        var result = await RunAsync();
        Assert.Equal(3, result.Failed);
        Assert.Single(_dfe.Received);
        Assert.Empty(_waits);
        Assert.All(await SubmissionsAsync(), s => Assert.StartsWith("400", s.Error));
    }

    [Fact]
    public async Task Run_401_FetchesANewTokenOnceThenStops()
    {
        _dfe.Next.Enqueue(401);
        Assert.Equal(3, (await RunAsync()).Accepted);
        Assert.Equal(2, _dfe.TokenRequests);

        _dfe.Next.Enqueue(401);
        _dfe.Next.Enqueue(401);
        var refused = await RunAsync(full: true);
        Assert.Equal(3, refused.Failed);
        Assert.Equal(4, _dfe.TokenRequests);
        Assert.All(await SubmissionsAsync(), s => Assert.StartsWith("401", s.Error));
    }

    [Fact]
    public async Task Run_413_SplitsTheBatch()
    {
        _dfe.Next.Enqueue(413);
        var result = await RunAsync();
        Assert.Equal(3, result.Accepted);
        Assert.Equal([413, 200, 200], _dfe.Received.Select(r => r.Status));
        Assert.Equal(3, _dfe.ChildrenIn(200).Count);
    }

    [Fact]
    public async Task Run_SecondBatchFails_OnlyItsChildrenGoAgainNextTime()
    {
        var options = _dfe.Options();
        options.BatchSize = 2;
        _dfe.Next.Enqueue(200);
        _dfe.Next.Enqueue(400);
        var first = await RunAsync(options);
        Assert.Equal((2, 1), (first.Accepted, first.Failed));

        var second = await RunAsync(options);
        Assert.Equal(1, second.Accepted);
        Assert.Equal([H(_seed.Ann), H(_seed.Ben), H(_seed.Cal)], _dfe.ChildrenIn(200).Order());
    }

    [Fact]
    public async Task Run_OneAssessmentEdited_SendsThatChildOnly()
    {
        await RunAsync();
        await using (var db = _database.Open())
        {
            var assessment = await db.Assessments.Include(a => a.Factors).SingleAsync(a => a.Id == _seed.AnnAssessment);
            assessment.AuthorisedDate = new DateOnly(2025, 6, 12);
            await db.SaveChangesAsync();
        }
        var next = await RunAsync();
        Assert.Equal(1, next.Accepted);
        var body = _dfe.Received.Last().Body;
        Assert.Equal([H(_seed.Ann)], JsonDocument.Parse(body).RootElement.EnumerateArray().Select(c => c.GetProperty("la_child_id").GetString()));
        Assert.Contains("\"authorisation_date\":\"2025-06-12\"", body);
    }

    [Fact]
    public async Task Run_RecordDeletedOrChildOutOfScope_SendsThePurgeMarkers()
    {
        await RunAsync();
        await using (var db = _database.Open())
        {
            db.ChildInNeedPlans.RemoveRange(db.ChildInNeedPlans.Where(p => p.PlanId == _seed.AnnPlan));
            // Ben's records were made in error: without his referral and care he leaves scope.
            db.Episodes.RemoveRange(db.Episodes.Where(e => e.ChildId == _seed.Ben));
            db.Referrals.RemoveRange(db.Referrals.Where(r => r.ChildId == _seed.Ben));
            await db.SaveChangesAsync();
        }
        var next = await RunAsync();
        Assert.Equal((2, 1), (next.Children, next.Purges));
        var sent = JsonDocument.Parse(_dfe.Received.Last().Body).RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("la_child_id").GetString()!);
        var plans = sent[H(_seed.Ann)].GetProperty("social_care_episodes")[0].GetProperty("child_in_need_plans");
        Assert.Equal($$"""[{"child_in_need_plan_id":"P{{_seed.AnnPlan}}","purge":true}]""", plans.GetRawText());
        Assert.Equal($$"""{"la_child_id":"H{{_seed.Ben}}","purge":true}""", sent[H(_seed.Ben)].GetRawText());
        var ben = (await SubmissionsAsync()).Single(s => s.ChildId == _seed.Ben);
        Assert.Equal(DfeSubmissionStatus.Purged, ben.Status);

        // Each purge is in the access log against the child with the local change behind it, and kept for the page.
        var purges = (await AccessLogAsync()).Where(e => e.Detail?.StartsWith("DfE purge") == true).ToDictionary(e => e.ChildId!.Value);
        Assert.Equal([_seed.Ann, _seed.Ben], purges.Keys.Order());
        Assert.Equal(AccessAction.Export, purges[_seed.Ann].Action);
        Assert.Equal("system:dfe-feed", purges[_seed.Ann].UserName);
        Assert.Contains($"CIN plan P{_seed.AnnPlan}: deleted from Haven", purges[_seed.Ann].Detail);
        Assert.Contains("accepted", purges[_seed.Ann].Detail);
        Assert.Contains($"all data for H{_seed.Ben}: left scope: the child's referrals and episodes of care were deleted", purges[_seed.Ben].Detail);
        Assert.Equal(purges[_seed.Ben].Detail, "DfE purge (Test, accepted): " + ben.LastPurge);
        Assert.NotNull(ben.LastPurgeAt);

        Assert.Equal(0, (await RunAsync()).Children);
    }

    [Fact]
    public async Task Run_NoCredentials_SendsNothingAndSaysWhatIsMissing()
    {
        var options = _dfe.Options();
        options.ClientSecret = null;
        options.SupplierKey = "";
        var result = await RunAsync(options);
        Assert.False(result.Sent);
        Assert.Contains("Nothing was sent", result.Message);
        Assert.Contains("Haven:DfeFeed:ClientSecret", result.Message);
        Assert.Contains("Haven:DfeFeed:SupplierKey", result.Message);
        Assert.DoesNotContain("s3cret", result.Message);
        Assert.Empty(_dfe.Received);
        Assert.Equal(0, _dfe.TokenRequests);
        await using var db = _database.Open();
        Assert.Equal(0, await db.DfeFeedSends.CountAsync());

        var live = await RunAsync(_dfe.Options(), mode: DfeFeedMode.Live);
        Assert.False(live.Sent);
        Assert.Contains("LiveBaseUrl", live.Message);
    }

    [Fact]
    public async Task Run_DryRun_WritesTheExactBatchesAndSendsNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"haven-dfe-{Guid.NewGuid():N}");
        try
        {
            await using var db = _database.Open();
            var options = _dfe.Options();
            options.BatchSize = 2;
            var result = await DfeFeedRun.RunAsync(db, options, DfeFeedMode.DryRun, false, Today, null, folder, TimeProvider.System, default);
            Assert.Equal(2, result.Files.Count);
            Assert.All(result.Files, f => Assert.Empty(DfeFeedJson.Validate(File.ReadAllText(f))));
            Assert.Empty(_dfe.Received);
            Assert.Empty(await db.DfeFeedSubmissions.ToListAsync());
            Assert.Equal(DfeFeedMode.DryRun, (await db.DfeFeedSends.SingleAsync()).Mode);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Run_EpisodesCorrected_SendsThePlacementUnderItsOldIdAndNoPurge()
    {
        await RunAsync();
        await using (var db = _database.Open())
        {
            // As LookedAfterService saves any change: the period's episodes are superseded and written
            // again as a new revision; here Cal's start is corrected from 1 to 3 February.
            var old = await db.Episodes.SingleAsync(e => e.Id == _seed.CalEpisode);
            old.SupersededAt = DateTime.UtcNow;
            old.CorrectionReason = "Date keyed wrongly";
            db.Episodes.Add(new Episode { PeriodOfCareId = old.PeriodOfCareId, ChildId = old.ChildId, Revision = 2, StartDate = new DateOnly(2025, 2, 3),
                ReasonForNewEpisodeCode = "S", LegalStatusCode = "C2", PlacementId = old.PlacementId });
            var period = await db.PeriodsOfCare.SingleAsync(p => p.Id == old.PeriodOfCareId);
            period.StartDate = new DateOnly(2025, 2, 3);
            period.Revision = 2;
            await db.SaveChangesAsync();
        }
        var next = await RunAsync();
        Assert.Equal((1, 0), (next.Accepted, next.Purges));
        var body = _dfe.Received.Last().Body;
        var placement = Assert.Single(JsonDocument.Parse(body).RootElement[0].GetProperty("social_care_episodes")[0].GetProperty("child_looked_after_placements").EnumerateArray());
        Assert.Equal($"E{_seed.CalEpisode}", placement.GetProperty("child_looked_after_placement_id").GetString());
        Assert.Equal("2025-02-03", placement.GetProperty("start_date").GetString());
        Assert.DoesNotContain("purge", body);
        Assert.DoesNotContain(await AccessLogAsync(), e => e.Detail?.StartsWith("DfE purge") == true);
    }

    [Fact]
    public async Task Run_WhileAnotherSendRuns_IsRefusedRecordedAndNothingGoesTwice()
    {
        _dfe.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RunAsync();
        await _dfe.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await RunAsync();
        _dfe.Hold.SetResult();
        Assert.Equal(3, (await first).Accepted);
        Assert.False(second.Sent);
        Assert.Contains("never two sends at once", second.Message);
        Assert.Single(_dfe.Received);

        // Another process's send (the CLI beside the web app) that has not finished holds off this one too.
        await using (var db = _database.Open())
        {
            db.DfeFeedSends.Add(new DfeFeedSend { StartedAt = DateTime.UtcNow.AddMinutes(-5), Mode = DfeFeedMode.Live, Outcome = "Running" });
            await db.SaveChangesAsync();
        }
        var third = await RunAsync(full: true);
        Assert.False(third.Sent);
        Assert.Contains("has not finished", third.Message);
        Assert.Single(_dfe.Received);
        await using var read = _database.Open();
        Assert.Equal(2, await read.DfeFeedSends.CountAsync(s => s.Outcome.StartsWith("Not sent")));
    }
}

internal static class TestDatabaseAccessLog
{
    private sealed class Contexts(TestDatabase database) : IDbContextFactory<HavenDbContext>
    {
        public HavenDbContext CreateDbContext() => database.Open();
    }

    /// The real hash-chained access log over the test database, its anchor in a throwaway file.
    public static AccessLog AccessLog(this TestDatabase database) =>
        new(new Contexts(database), TimeProvider.System, new AccessLogAnchor(Path.Combine(Path.GetTempPath(), $"haven-anchor-{Guid.NewGuid():N}")));
}
