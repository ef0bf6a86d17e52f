using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Haven.Core.Data;

/// Backups of Haven's database while it runs, and restoring one.
/// SQLite: the online backup API copies a consistent snapshot page by page while the app keeps
/// reading and writing (WAL mode), then the copy's integrity is checked.
/// PostgreSQL: pg_dump's custom format (a consistent snapshot too) and pg_restore; the server's
/// own client tools are used, found on PATH or under /usr/lib/postgresql/*/bin.
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseSettings settings, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) throw new BackupException($"{target} already exists: choose a new file name so no backup is overwritten.");
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                await using (var source = new SqliteConnection(settings.ConnectionString))
                await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
                {
                    await source.OpenAsync(ct);
                    await copy.OpenAsync(ct);
                    source.BackupDatabase(copy);
                    // A backup is a single file: fold any WAL content into it.
                    await using var mode = copy.CreateCommand();
                    mode.CommandText = "PRAGMA journal_mode=DELETE;";
                    await mode.ExecuteNonQueryAsync(ct);
                }
                await CheckSqliteAsync(target, ct);
                break;
            case DatabaseProvider.Postgres:
                await RunPgToolAsync("pg_dump", settings.ConnectionString, ["--format=custom", "--no-owner", "--file", target], ct);
                break;
        }
    }

    /// Replaces the database's contents with the backup's. Run it with Haven stopped.
    public static async Task RestoreAsync(DatabaseSettings settings, string file, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new BackupException($"There is no backup at {source}.");
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                await CheckSqliteAsync(source, ct);
                await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
                await using (var to = new SqliteConnection(settings.ConnectionString))
                {
                    await from.OpenAsync(ct);
                    await to.OpenAsync(ct);
                    from.BackupDatabase(to);
                }
                SqliteConnection.ClearAllPools();
                break;
            case DatabaseProvider.Postgres:
                await RunPgToolAsync("pg_restore", settings.ConnectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", source], ct, database: true);
                break;
        }
    }

    private static async Task CheckSqliteAsync(string path, CancellationToken ct)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await c.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await cmd.ExecuteScalarAsync(ct);
        if (result != "ok") throw new BackupException($"{path} failed SQLite's integrity check: {result}");
    }

    private static async Task RunPgToolAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken ct, bool database = false)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(FindPgTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        // Credentials go through the environment, never the command line (visible to other users in ps).
        psi.Environment["PGHOST"] = cs.Host ?? "localhost";
        psi.Environment["PGPORT"] = cs.Port.ToString();
        psi.Environment["PGUSER"] = cs.Username ?? "";
        if (cs.Password is { } password) psi.Environment["PGPASSWORD"] = password;
        psi.Environment["PGDATABASE"] = cs.Database ?? "";
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (database) { psi.ArgumentList.Add("--dbname"); psi.ArgumentList.Add(cs.Database ?? ""); }
        using var process = Process.Start(psi) ?? throw new BackupException($"{tool} did not start.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new BackupException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
    }

    private static string FindPgTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return installed ?? throw new BackupException($"{tool} was not found: install the PostgreSQL client tools of the server's version.");
    }
}

/// A backup or restore that cannot be done, with a message for the operator.
public sealed class BackupException(string message) : Exception(message);
