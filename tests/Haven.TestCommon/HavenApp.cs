using Haven.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Haven.TestCommon;

/// Haven running in the test process against a real, empty, migrated database of its own.
/// SqliteApp uses a temporary file; PostgresApp a fresh database on the server that scripts/test
/// starts (HAVEN_TEST_POSTGRES). Both run the same tests.
public abstract class HavenApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-horse-battery-9";

    public abstract DatabaseProvider Provider { get; }

    /// True (the default): the app's database starts as a copy of one empty database migrated once
    /// per test run and provider (MigratedTemplate), not migrated again for every fixture. The
    /// migrations still run from nothing once per run, through the same HavenDatabase.MigrateAsync
    /// the app uses, and the app still applies migrations at start-up (finding none to do).
    /// Override with false for a fixture that must watch migrations run from an empty database.
    protected virtual bool StartFromMigratedTemplate => true;
    public abstract string ConnectionString { get; }
    protected virtual bool DemoMode => false;
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    public TestData Data => new(Services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Haven:Database:Provider"] = Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
            ["ConnectionStrings:Haven"] = ConnectionString,
            // EF's check that a context is not used twice at once: off in production (it costs an
            // allocation on every row read), on here so that such a mistake fails the tests.
            ["Haven:Database:ThreadSafetyChecks"] = "true",
            ["Haven:DemoMode"] = DemoMode ? "true" : "false",
            ["Haven:DemoPassword"] = Password,
            ["Haven:Demo:Children"] = "200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Haven:RateLimits:SignInPerMinute"] = "10000",
            // Not the demo borough's 999, so a test can tell the setting from the default.
            ["Haven:Council:LaCode"] = "998",
        };
        Configure(settings);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // Every test user is created and signed in with a password; at production's 100,000 PBKDF2
        // iterations that hashing was a large share of the web suite's CPU. PasswordHashingTests
        // proves the production count on an app that keeps it.
        if (FastPasswordHashing)
            builder.ConfigureTestServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<HavenDbContext>(SayHowCollectionsLoad);
            s.ConfigureDbContext<ReportingDbContext>(SayHowCollectionsLoad);
        });
    }

    /// A query that loads more than one collection must say whether as one statement or split
    /// (AsSingleQuery, AsSplitQuery): EF's default single statement multiplies sibling collections'
    /// rows. In production EF logs a warning; here the test that sends such a query fails.
    private static void SayHowCollectionsLoad(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.MultipleCollectionIncludeWarning));

    /// PBKDF2 iterations for test users' passwords (production: ASP.NET Core Identity's default, 100,000).
    public const int TestPasswordIterations = 1_000;

    /// False for an app that hashes passwords exactly as production does.
    protected virtual bool FastPasswordHashing => true;

    public virtual Task InitializeAsync()
    {
        // Starting the server applies migrations (StartupTasks) before any request is served.
        _ = Server;
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// The access log's anchor file (Haven.Core.Access.AccessLogAnchor) lives outside the database.
    protected void DeleteAnchor()
    {
        var anchor = Haven.Core.Access.AccessLogAnchor.DefaultPath(new DatabaseSettings(Provider, ConnectionString));
        foreach (var f in Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(anchor)))
                     ? Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(anchor))!, Path.GetFileName(anchor) + "*") : [])
            File.Delete(f);
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

public class SqliteApp : HavenApp
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"haven-test-{Guid.NewGuid():N}.db");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ConnectionString => $"Data Source={_path}";

    /// The database starts as a copy of the run's migrated template (MigratedTemplate); the app's
    /// own migration at start-up then finds nothing to do.
    public override async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    /// For a fixture that starts the server its own way (BrowserFixture: Kestrel) instead of calling InitializeAsync.
    protected async Task CreateDatabaseAsync()
    {
        if (StartFromMigratedTemplate) File.Copy(await MigratedTemplate.SqliteAsync(), _path);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
        DeleteAnchor();
    }
}

public class PostgresApp : HavenApp
{
    private readonly string _database = $"haven_test_{Guid.NewGuid():N}";
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString => Environment.GetEnvironmentVariable("HAVEN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("HAVEN_TEST_POSTGRES is not set: run the tests with scripts/test, which starts PostgreSQL.");

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using (var conn = new NpgsqlConnection(ServerConnectionString))
        {
            await conn.OpenAsync();
            var template = StartFromMigratedTemplate ? $" TEMPLATE \"{await MigratedTemplate.PostgresAsync()}\"" : "";
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"{template}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        DeleteAnchor();
        // The cluster is a throwaway one (scripts/postgres.sh), so a database that cannot be dropped
        // this moment (a connection still closing) is left behind rather than failing the run.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(ServerConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 3)
            {
                Console.Error.WriteLine($"Dropping {_database} failed ({e.SqlState}: {e.MessageText}); retrying");
                await Task.Delay(500);
            }
            catch (PostgresException e)
            {
                Console.Error.WriteLine($"Left test database {_database} behind: {e.MessageText}");
            }
        }
    }
}

public static class HavenAppExtensions
{
    /// Runs the CLI in-process against the same database as the app.
    public static async Task<(int Exit, string Output, string Error)> RunCliAsync(this HavenApp app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var all = args.Concat(["--provider", app.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", "--connection", app.ConnectionString]).ToArray();
        var exit = await Haven.Cli.HavenCli.RunAsync(all, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
