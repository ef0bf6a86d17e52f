using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Bench;

/// Counts the queries a DbContext sends (readers and scalars): the returns' figure that does not move
/// with the machine's load. The benchmark reports it and ReturnQueryCountTests holds it fixed.
/// With a Log, each reader's time (sent until closed, so the rows' reading included), its rows and
/// the start of its SQL are written there too: where a return's database time goes.
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public TextWriter? Log { get; init; }

    private readonly ConcurrentDictionary<Guid, long> _sent = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        if (Log is not null) _sent[eventData.CommandId] = Stopwatch.GetTimestamp();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Log is { } log && _sent.TryRemove(eventData.CommandId, out var sent))
        {
            var sql = string.Join(' ', command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            lock (log) log.WriteLine($"    {Stopwatch.GetElapsedTime(sent).TotalMilliseconds,8:0} ms {eventData.ReadCount,9:N0} rows  {sql[..Math.Min(sql.Length, 200)]}");
        }
        return base.DataReaderDisposing(command, eventData, result);
    }
}
