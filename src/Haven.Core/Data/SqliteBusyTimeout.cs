using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Core.Data;

/// SQLite lets one writer in at a time. Without a busy timeout, a writer that finds the database
/// locked gets SQLITE_BUSY at once, and Microsoft.Data.Sqlite retries it after sleeping 150 ms
/// (again and again, until the command timeout): under concurrent writes a save that needed to
/// wait 2 ms waited 150, and the slowest waited many times that. With `PRAGMA busy_timeout`,
/// SQLite itself waits for the lock, retrying within a millisecond or so of it being released.
/// The pragma belongs to the native connection, which the pool keeps open across uses, so it is
/// sent once per native connection, not on every open.
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// As long as Microsoft.Data.Sqlite's own default command timeout: a writer waits as long as it did before, in shorter steps.
    public const int Milliseconds = 30_000;

    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Configured.TryGetValue(handle, out _)) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}
