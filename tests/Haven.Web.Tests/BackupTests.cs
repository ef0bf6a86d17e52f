using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.Web.Tests;

/// `haven backup` while the app serves, then `haven restore` into an empty database: the copy
/// holds every row of every table the original held at the time, and its access log verifies.
public abstract class BackupTests(HavenApp app)
{
    [Fact]
    public async Task BackupWhileRunning_ThenRestore_GivesTheSameRecords()
    {
        // Arrange: a child with notes, viewed once so the access log has entries.
        var team = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team.TeamId);
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Backedup"; c.AllocatedTo = worker; c.WithNote("Before the backup", "Kept <safely>."); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        await client.GetPageAsync($"/children/{id}/notes");
        var file = Path.Combine(Path.GetTempPath(), $"haven-backup-{Guid.NewGuid():N}.bak");
        var target = await NewEmptyDatabaseAsync();
        try
        {
            // Act: back up while the app is up, change the original afterwards, restore the backup elsewhere.
            var backup = await Cli("backup", "--out", file);
            Assert.True(backup.Exit == 0, backup.Output + backup.Error);
            var expected = await CountRowsAsync(app.ConnectionString);
            await app.Data.CreateChildAsync(c => c.FirstName = "AfterBackup");
            var again = await Cli("backup", "--out", file);
            var restore = await Cli("restore", "--from", file, "--yes", "--connection", target);
            var unconfirmed = await Cli("restore", "--from", file, "--connection", target);

            // Assert
            Assert.Equal(2, again.Exit);
            Assert.Contains("already exists", again.Error);
            Assert.True(restore.Exit == 0, restore.Output + restore.Error);
            Assert.Equal(2, unconfirmed.Exit);
            Assert.Equal(expected, await CountRowsAsync(target));
            Assert.Contains(expected, t => t.Value > 0 && t.Key.Contains("AccessLog", StringComparison.OrdinalIgnoreCase));
            await using var restored = Open(target);
            Assert.Equal("Kept <safely>.", await restored.CaseNotes.Where(n => n.ChildId == id).Select(n => n.Body).SingleAsync());
            Assert.False(await restored.People.AnyAsync(p => p.FirstName == "AfterBackup"));
            Assert.True((await AccessLogVerifier.VerifyAsync(restored)).IsValid);
        }
        finally
        {
            File.Delete(file);
            await DropAsync(target);
        }
    }

    [Fact]
    public async Task Restore_MissingFile_SaysSoAndChangesNothing()
    {
        var result = await Cli("restore", "--from", "/nonexistent/haven.bak", "--yes");

        Assert.Equal(2, result.Exit);
        Assert.Contains("There is no backup", result.Error);
    }

    private async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var all = args.Contains("--connection") ? args : [.. args, "--connection", app.ConnectionString];
        var exit = await Haven.Cli.HavenCli.RunAsync([.. all, "--provider", app.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private HavenDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, new DatabaseSettings(app.Provider, connectionString));
        return new HavenDbContext(options.Options);
    }

    private async Task<SortedDictionary<string, long>> CountRowsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var counts = new SortedDictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        return counts;
    }

    private async Task<string> NewEmptyDatabaseAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
            return $"Data Source={Path.Combine(Path.GetTempPath(), $"haven-restore-{Guid.NewGuid():N}.db")}";
        var name = $"haven_restore_{Guid.NewGuid():N}";
        await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ConnectionString;
    }

    private async Task DropAsync(string connectionString)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", conn);
        // A freshly restored database draws an autovacuum worker; PostgreSQL 15 refuses to end it for a
        // role that is not a superuser (42501), so wait for the worker to finish and try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}

public sealed class BackupTestsOnSqlite(SqliteApp app) : BackupTests(app), IClassFixture<SqliteApp>;

public sealed class BackupTestsOnPostgres(PostgresApp app) : BackupTests(app), IClassFixture<PostgresApp>;
