using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Access;

public sealed record AccessEvent(string UserName, int? WorkerId, AccessAction Action, int? ChildId, string Resource, string? Detail = null);

/// Writes the append-only, hash-chained access log. Entries are written in their own context and
/// transaction, so a view is logged even if the page that caused it later fails, and WriteAsync
/// returns only once its entry is committed.
///
/// Group commit: every view of a child appends an entry, and each commit costs a sync to disk
/// (about 10 ms on a shared virtual disk), so one transaction per entry made the log the queue every
/// child page waited in. Writers put their entry on a queue and take turns at the gate; whoever
/// holds it writes everything queued so far (its own entry and those that arrived while the last
/// commit was syncing) in one transaction, in the order they were queued. An entry whose writer
/// reaches the gate after someone else committed it returns at once. Alone, a writer commits its
/// own entry as before; under load, many entries share one sync.
///
/// A change logged with the rows it adds (WriteWithAsync: a new case note and its "change" entry)
/// rides the same batch: the rows are inserted in the transaction that appends the entry, so the
/// change and its log entry commit together (one sync for both, shared with the batch), and the
/// writes of many requests queue here, in order, rather than in SQLite's busy-wait back-off.
public sealed class AccessLog(IDbContextFactory<HavenDbContext> contexts, TimeProvider clock, AccessLogAnchor anchor)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// The most entries one transaction appends (a bound on its size under a burst).
    public const int MaxBatch = 256;

    /// How often an append is tried when other servers on the same database keep appending first
    /// (each collision on the sequence is followed by a random back-off of up to 64 ms).
    public const int MaxAttempts = 30;

    // One writer at a time in this process keeps the chain linear; the primary key on Sequence
    // makes a second process's competing append fail (and retry, after a random back-off) rather
    // than fork the chain.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<Pending> _queue = new();
    private (long Sequence, string Hash)? _last;

    private sealed class Pending(AccessEvent e, IReadOnlyList<object> rows)
    {
        public AccessEvent Event { get; } = e;
        /// New rows saved in the entry's transaction (WriteWithAsync); none for a plain entry.
        public IReadOnlyList<object> Rows { get; } = rows;
        public bool Written;
        public ExceptionDispatchInfo? Failure;
        /// The database refused the rows (a unique key): the entry was written without them.
        public ExceptionDispatchInfo? Refused;
    }

    /// The number of transactions the log has committed in this process (for tests and measuring).
    public long Commits => Interlocked.Read(ref _commits);
    private long _commits;

    public Task WriteAsync(AccessEvent e, CancellationToken ct = default) => WriteAsync(new Pending(e, []));

    /// Appends the entry and inserts the new rows (entities not tracked by any context) in the same
    /// transaction: both are committed when this returns, or neither is. If the database refuses the
    /// rows (a unique index, a foreign key), the entry is still written, on its own, and the
    /// DbUpdateException that refused them is thrown; other batched writers are not affected.
    public async Task WriteWithAsync(AccessEvent e, IReadOnlyList<object> added, CancellationToken ct = default)
    {
        var mine = new Pending(e, added);
        await WriteAsync(mine);
        mine.Refused?.Throw();
    }

    private async Task WriteAsync(Pending mine)
    {
        _queue.Enqueue(mine);
        // Once queued, the entry is written whatever happens to the request that caused it (a
        // client going away must not leave it waiting in the queue), so no cancellation from here.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            while (!mine.Written && mine.Failure is null)
            {
                var batch = new List<Pending>();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next)) batch.Add(next);
                try
                {
                    await AppendAsync(batch, withRows: true);
                    foreach (var p in batch) p.Written = true;
                }
                catch (RowsRefusedException)
                {
                    // Some writer's rows were refused (a repeated submission): each writer on its
                    // own, so the others' rows still land and the refused one's entry is written.
                    foreach (var p in batch) await AppendAloneAsync(p);
                }
                catch (Exception failure)
                {
                    var info = ExceptionDispatchInfo.Capture(failure);
                    foreach (var p in batch) p.Failure = info;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
        mine.Failure?.Throw();
    }

    /// One writer's entry with its rows; if the rows are refused, the entry without them.
    private async Task AppendAloneAsync(Pending p)
    {
        try
        {
            try
            {
                await AppendAsync([p], withRows: true);
            }
            catch (RowsRefusedException refused)
            {
                p.Refused = ExceptionDispatchInfo.Capture(refused.InnerException!);
                await AppendAsync([p], withRows: false);
            }
            p.Written = true;
        }
        catch (Exception failure)
        {
            p.Failure = ExceptionDispatchInfo.Capture(failure);
        }
    }

    /// A save that carried rows failed while the log's tail had not moved: the rows were refused, not the append.
    private sealed class RowsRefusedException(DbUpdateException inner) : Exception("The rows saved with an access-log entry were refused.", inner);

    private async Task AppendAsync(List<Pending> batch, bool withRows)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            if (_last is null)
            {
                var tail = await db.AccessLog.OrderByDescending(x => x.Sequence)
                    .Select(x => new { x.Sequence, x.Hash }).FirstOrDefaultAsync();
                _last = tail is null ? (0, GenesisHash) : (tail.Sequence, tail.Hash);
                await anchor.CheckBeforeAppendingAsync(_last.Value.Sequence, sequence =>
                    db.AccessLog.Where(x => x.Sequence == sequence).Select(x => x.Hash).FirstOrDefaultAsync());
            }
            var at = Truncate(clock.GetUtcNow().UtcDateTime);
            var previous = _last.Value;
            var start = previous.Sequence;
            AccessLogEntry? entry = null;
            var rows = false;
            foreach (var p in batch)
            {
                var e = p.Event;
                entry = new AccessLogEntry
                {
                    Sequence = previous.Sequence + 1,
                    At = at,
                    UserName = Clip(e.UserName, 256),
                    WorkerId = e.WorkerId,
                    Action = e.Action,
                    ChildId = e.ChildId,
                    Resource = Clip(e.Resource, 300),
                    Detail = e.Detail is null ? null : Clip(e.Detail, 1000),
                    PreviousHash = previous.Hash,
                    Hash = "",
                };
                entry.Hash = ComputeHash(entry);
                previous = (entry.Sequence, entry.Hash);
                db.AccessLog.Add(entry);
                if (withRows && p.Rows.Count > 0 && p.Refused is null)
                {
                    foreach (var row in p.Rows) db.Add(row);
                    rows = true;
                }
            }
            try
            {
                // More than one row: SaveChanges wraps the inserts in one transaction.
                await db.SaveChangesAsync();
                Interlocked.Increment(ref _commits);
                _last = previous;
                if (entry is not null) WriteAnchor(entry);
                return;
            }
            catch (DbUpdateException failure) when (attempt < MaxAttempts - 1)
            {
                _last = null; // another writer appended first: re-read the tail and try again
                if (rows && !await TailMovedSinceAsync(start))
                {
                    // Nobody else appended, so the log was not what the database refused: the rows were.
                    foreach (var p in batch) foreach (var row in p.Rows) db.Entry(row).State = EntityState.Detached;
                    throw new RowsRefusedException(failure);
                }
                // Several servers appending at once would otherwise collide again straight away:
                // wait a random while, longer after each collision, before re-reading the tail.
                await Task.Delay(Random.Shared.Next(1, 1 + Math.Min(64, 2 << attempt)));
            }
        }
    }

    private async Task<bool> TailMovedSinceAsync(long sequence)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AccessLog.AnyAsync(x => x.Sequence > sequence);
    }

    private void WriteAnchor(AccessLogEntry entry)
    {
        try
        {
            anchor.Write(new AnchorPoint(entry.Sequence, entry.Hash));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The entry is committed; a missed anchor only weakens tail detection until the next write.
        }
    }

    /// The hash covers every field and the previous entry's hash, in a fixed textual form.
    public static string ComputeHash(AccessLogEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserName, e.WorkerId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Action.ToString(),
            e.ChildId?.ToString(CultureInfo.InvariantCulture) ?? "", e.Resource, e.Detail ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // Databases differ in sub-microsecond precision; hash what every provider stores exactly.
    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed record ChainVerification(bool IsValid, long EntriesChecked, long? FirstBadSequence, string? Problem);

/// Walks the access log in order and checks every link: sequence without gaps, each entry's
/// previous hash equal to the hash of the one before, and each hash matching its content.
public static class AccessLogVerifier
{
    /// With an anchor, also checks that the log still reaches the last entry written (see AccessLogAnchor).
    public static async Task<ChainVerification> VerifyAsync(HavenDbContext db, AccessLogAnchor? anchor, CancellationToken ct = default)
    {
        var chain = await VerifyAsync(db, ct);
        if (!chain.IsValid || anchor is null) return chain;
        var problem = await anchor.ProblemAsync(chain.EntriesChecked, sequence =>
            db.AccessLog.Where(x => x.Sequence == sequence).Select(x => x.Hash).FirstOrDefaultAsync(ct));
        return problem is null ? chain : new(false, chain.EntriesChecked, chain.EntriesChecked + 1, problem);
    }

    /// One page of the log after a sequence number, by its primary key: the walk holds one page at
    /// a time, so verifying millions of entries takes the memory of one page (AccessLogPlanTests).
    public static IQueryable<AccessLogEntry> PageAfter(HavenDbContext db, long after, int size) =>
        db.AccessLog.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(size);

    public static async Task<ChainVerification> VerifyAsync(HavenDbContext db, CancellationToken ct = default)
    {
        var previousHash = AccessLog.GenesisHash;
        long expected = 1, checkedCount = 0;
        const int page = 5000;
        long after = 0;
        while (true)
        {
            var batch = await PageAfter(db, after, page).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                if (e.Sequence != expected)
                    return new(false, checkedCount, expected, $"entry {expected} is missing (next entry is {e.Sequence})");
                if (e.PreviousHash != previousHash)
                    return new(false, checkedCount, e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1} (previous hash differs)");
                if (AccessLog.ComputeHash(e) != e.Hash)
                    return new(false, checkedCount, e.Sequence, $"entry {e.Sequence} has been altered (its hash does not match its content)");
                previousHash = e.Hash;
                expected++;
                checkedCount++;
                after = e.Sequence;
            }
        }
        return new(true, checkedCount, null, null);
    }
}
