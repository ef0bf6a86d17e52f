using Haven.Core.Data;
using Haven.Core.Missing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Haven.Web.Tests;

/// Haven on PostgreSQL with ConnectionStrings:HavenReporting pointing at the streaming replica that
/// scripts/test starts (scripts/postgres.sh start --replica): the same database, read on the replica.
public sealed class ReplicaApp : PostgresApp
{
    public static string ReplicaServerConnectionString => Environment.GetEnvironmentVariable("HAVEN_TEST_POSTGRES_REPLICA")
        ?? throw new InvalidOperationException("HAVEN_TEST_POSTGRES_REPLICA is not set: run the tests with scripts/test, which starts the replica.");

    public string ReplicaConnectionString =>
        new NpgsqlConnectionStringBuilder(ReplicaServerConnectionString) { Database = new NpgsqlConnectionStringBuilder(ConnectionString).Database }.ConnectionString;

    /// The cluster's superuser (trust authentication on loopback), to pause and resume replay.
    public static string Superuser(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = "postgres", Password = null, Database = "postgres", Pooling = false }.ConnectionString;

    protected override void Configure(IDictionary<string, string?> settings) => settings["ConnectionStrings:HavenReporting"] = ReplicaConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CaughtUpAsync();
    }

    /// Waits until the replica has replayed everything the primary has written so far.
    public async Task CaughtUpAsync()
    {
        await using var primary = new NpgsqlConnection(Superuser(ServerConnectionString));
        await primary.OpenAsync();
        var target = (string)(await new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary).ExecuteScalarAsync())!;
        await using var replica = new NpgsqlConnection(Superuser(ReplicaServerConnectionString));
        await replica.OpenAsync();
        var check = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= @target::pg_lsn", replica);
        check.Parameters.AddWithValue("target", target);
        for (var i = 0; i < 300; i++)
        {
            if (await check.ExecuteScalarAsync() is true) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The replica did not reach {target} within 30 s.");
    }

    public async Task ReplayAsync(bool paused)
    {
        await using var replica = new NpgsqlConnection(Superuser(ReplicaServerConnectionString));
        await replica.OpenAsync();
        await new NpgsqlCommand(paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", replica).ExecuteNonQueryAsync();
    }
}

public sealed class ReplicaTests(ReplicaApp app) : IClassFixture<ReplicaApp>
{
    [Fact]
    public async Task ReportingContext_ReadsTheReplica_WhileTheMainContextUsesThePrimary()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var main = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();

        Assert.False(await main.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync());
        Assert.True(await reporting.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync());
        reporting.Teams.Add(new Team { Name = "Never saved", ServiceId = 1 });
        await Assert.ThrowsAsync<InvalidOperationException>(() => reporting.SaveChangesAsync());
    }

    [Fact]
    public async Task TakeUpFigures_ComeFromTheReplica_AndCatchUpWhenReplayResumes()
    {
        var teamName = $"Replica {Guid.NewGuid():N}";
        var (_, teamId) = await app.Data.CreateTeamAsync(teamName);
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var first = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var second = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var returned = DateTime.UtcNow.AddDays(-2).Date.AddHours(18);
        await AddDeclinedEpisodeAsync(first, returned);
        await app.CaughtUpAsync();
        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);
        Assert.StartsWith("1", await DeclinedAsync(client, teamName));

        await app.ReplayAsync(paused: true);
        try
        {
            // Written to the primary: the child's record (primary) shows it, the figures (replica) not yet.
            var episode = await AddDeclinedEpisodeAsync(second, returned);
            Assert.Contains("Declined", (await client.GetPageAsync($"/children/{second}/missing/{episode}")).Body!.TextContent);
            Assert.StartsWith("1", await DeclinedAsync(client, teamName));
        }
        finally
        {
            await app.ReplayAsync(paused: false);
        }
        await app.CaughtUpAsync();
        Assert.StartsWith("2", await DeclinedAsync(client, teamName));
    }

    private static async Task<string> DeclinedAsync(HttpClient client, string teamName)
    {
        var takeUp = await client.GetPageAsync("/missing");
        var row = takeUp.QuerySelectorAll("#by-team tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(teamName));
        return row.QuerySelectorAll("a").Single(a => a.TextContent.Contains("declined")).TextContent.Trim();
    }

    private Task<int> AddDeclinedEpisodeAsync(int childId, DateTime returned) =>
        app.Data.WithDbAsync(async db =>
        {
            var e = new MissingEpisode
            {
                ChildId = childId, Type = MissingType.Missing, From = MissingFrom.Care, StartedAt = returned.AddHours(-20), ReturnedAt = returned,
                Risk = MissingRisk.Medium, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
                Interview = new ReturnHomeInterview { OfferedAt = returned.AddHours(10), OfferedBy = "Safe Return", Independent = true,
                    Response = InterviewResponse.Declined, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() },
            };
            db.MissingEpisodes.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
}
