using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Haven.TestCommon;

/// One empty database per provider, migrated once per test process through the app's own
/// HavenDatabase.MigrateAsync, that SqliteApp copies (a file copy) and PostgresApp clones
/// (CREATE DATABASE ... TEMPLATE) for each fixture. Migrating ~25 migrations per fixture was most
/// of a web test class's fixed cost; a copy takes milliseconds. Both are removed when the process
/// ends.
public static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> Postgres = new(CreatePostgresAsync);

    /// Path of the migrated SQLite file (journal_mode=WAL is kept in its header).
    public static Task<string> SqliteAsync() => Sqlite.Value;

    /// Name of the migrated PostgreSQL template database on HAVEN_TEST_POSTGRES's server.
    public static Task<string> PostgresAsync() => Postgres.Value;

    private static async Task<string> CreateSqliteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"haven-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path}";
        await MigrateAsync(new DatabaseSettings(DatabaseProvider.Sqlite, connection));
        // Closing every pooled connection checkpoints the WAL into the main file, so the one file is the database.
        SqliteConnection.ClearAllPools();
        foreach (var extra in new[] { path + "-wal", path + "-shm" })
            if (File.Exists(extra)) throw new InvalidOperationException($"The SQLite template left {extra} behind: a connection is still open.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { File.Delete(path); } catch (IOException) { } };
        return path;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var name = $"haven_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        var server = PostgresApp.ServerConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        // Unpooled, so nothing stays connected: CREATE DATABASE ... TEMPLATE needs nobody connected to the template.
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        await MigrateAsync(new DatabaseSettings(DatabaseProvider.Postgres, connection));
        await ExecuteAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").Wait(TimeSpan.FromSeconds(10)); }
            catch (Exception) { /* a throwaway cluster: a template left behind does no harm */ }
        };
        return name;
    }

    private static async Task MigrateAsync(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        await using var db = new HavenDbContext(options.Options);
        await HavenDatabase.MigrateAsync(db);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
