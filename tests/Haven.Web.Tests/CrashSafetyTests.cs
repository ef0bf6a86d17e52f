using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Haven.Bench;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Web.Tests;

/// Haven as a real server process under a write load, killed hard mid-stream and started again:
/// every write it acknowledged (201) is there afterwards, and the access log still verifies.
public abstract class CrashSafetyTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<string> NewDatabaseAsync();
    protected abstract Task DropAsync(string connectionString);

    [Fact]
    public async Task KillDuringWrites_ThenRestart_EveryAcknowledgedWriteIsKept()
    {
        var connection = await NewDatabaseAsync();
        var provider = Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var settings = new Dictionary<string, string> { ["Haven__Demo__Children"] = "40" };
        var web = WebDll();
        try
        {
            // Arrange: a small demo borough, a token for the demo social worker and a child on their caseload.
            var acknowledged = new ConcurrentBag<Guid>();
            var server = await HavenServer.StartAsync(web, provider, connection, FreePort(), CancellationToken.None, settings);
            Targets targets;
            await using (server)
            {
                targets = await new Borough(new DatabaseSettings(Provider, connection)).PickTargetsAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
                using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", targets.ApiToken);

                // Act: four writers post notes until the server is killed under them.
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var submission = Guid.NewGuid();
                        try
                        {
                            var response = await http.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", new
                            {
                                type = "PhoneCall", eventAt = DateTime.UtcNow.AddMinutes(-5), subject = $"Crash test {w}", body = "Written under load.", submissionId = submission,
                            });
                            if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add(submission);
                        }
                        catch (HttpRequestException) { }
                        catch (TaskCanceledException) { }
                    }
                })).ToList();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (acknowledged.Count < 40 && DateTime.UtcNow < deadline) await Task.Delay(50);
                await server.KillAsync();
                await Task.Delay(300);
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }
            Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} writes were acknowledged before the kill");

            // The same database, a new process: it starts, and takes writes again.
            await using (var again = await HavenServer.StartAsync(web, provider, connection, FreePort(), CancellationToken.None, settings))
            {
                using var http = new HttpClient { BaseAddress = new Uri(again.BaseUrl) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", targets.ApiToken);
                var after = await http.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes",
                    new { type = "PhoneCall", eventAt = DateTime.UtcNow.AddMinutes(-1), subject = "After restart", body = "Still working.", submissionId = Guid.NewGuid() });
                Assert.Equal(HttpStatusCode.Created, after.StatusCode);
            }

            // Assert
            await using var db = Open(connection);
            var ids = acknowledged.ToList();
            var saved = await db.CaseNotes.Where(n => n.SubmissionId != null && ids.Contains(n.SubmissionId.Value)).Select(n => n.SubmissionId!.Value).ToListAsync();
            Assert.Empty(ids.Except(saved));
            Assert.True((await AccessLogVerifier.VerifyAsync(db)).IsValid);
        }
        finally
        {
            await DropAsync(connection);
        }
    }

    private HavenDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, new DatabaseSettings(Provider, connectionString));
        return new HavenDbContext(options.Options);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// The web app as built beside the tests (same configuration), run as its own process.
    private static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name; // bin/<Configuration>/net10.0
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Haven.slnx"))) dir = dir.Parent;
        var dll = Path.Combine(dir!.FullName, "src", "Haven.Web", "bin", configuration, "net10.0", "Haven.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }
}

public sealed class CrashSafetyTestsOnSqlite : CrashSafetyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"haven-crash-{Guid.NewGuid():N}.db")}");
    protected override Task DropAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        return Task.CompletedTask;
    }
}

public sealed class CrashSafetyTestsOnPostgres : CrashSafetyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override async Task<string> NewDatabaseAsync()
    {
        var name = $"haven_crash_{Guid.NewGuid():N}";
        await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ConnectionString;
    }
    protected override async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
