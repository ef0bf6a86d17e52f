using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Data;

/// What every RecordCache shares: the moment a question is asked.
public static class RecordCache
{
    /// When a question is asked: whether the cache is on, the generation of the record before
    /// anything is read (RecordChanges), the local and UTC dates, the time, and how long an answer
    /// worked out now may be kept.
    public readonly record struct Stamp(bool Caching, long Generation, DateOnly LocalToday, DateOnly UtcToday, DateTimeOffset Now, DateTimeOffset Until);
}

/// Answers worked out from the record, kept in memory until the record may have changed under them.
/// The one rule behind Haven's small caches (ReachCache, SearchKeyCache, DueWorkCache,
/// ChronologyCheckCache): each of those says what it keeps and why; this is how it is kept.
/// - Live: an entry is never used after a change through this process that may touch it. The owner
///   says which changes those are (lastChange: for a key, the RecordChanges generation of the latest
///   change to the types it is read from, or to the child whose record it is). The generation is
///   taken before the answer is read, so a save made while it is read makes the answer stale at once
///   and it is not kept.
/// - Per day: an entry is for the local and UTC dates it was worked out on (what is due, which
///   allocations are running, depend on today).
/// - Short-lived: at most the configured lifetime in seconds (default 60; 0 turns the cache off),
///   which bounds how long a change written by another process (the CLI, a second web server) goes
///   unseen; RecordChanges only sees this process's saves.
/// - Bounded: at most maxWeight in all (an entry weighs 1, or what weight says, e.g. its ids); past
///   that the stale and expired go, then the oldest, down to half.
/// - Null answers (nothing found) are never kept.
public sealed class RecordCache<TKey, TValue>(
    RecordChanges changes, TimeProvider clock, IConfiguration config, string lifetimeSetting,
    Func<TKey, long> lastChange, long maxWeight, Func<TValue, long>? weight = null) where TKey : notnull
{
    private sealed record Entry(long Generation, DateOnly LocalToday, DateOnly UtcToday, DateTimeOffset Until, TValue Value, long Weight);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _weight;
    private int _trimming;
    private long _reads;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>(lifetimeSetting) ?? 60));

    public int Count => _entries.Count;

    /// How many answers GetOrRead has read rather than found kept (for tests).
    public long Reads => Interlocked.Read(ref _reads);

    public RecordCache.Stamp Now()
    {
        var lifetime = Lifetime;
        var now = clock.GetUtcNow();
        return new RecordCache.Stamp(lifetime > TimeSpan.Zero, changes.Generation, DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            DateOnly.FromDateTime(now.UtcDateTime), now, now + lifetime);
    }

    /// The kept answer for the key, if worked out on the same dates, within its lifetime, and with no
    /// change since that may touch it.
    public bool TryGet(TKey key, RecordCache.Stamp stamp, out TValue value)
    {
        value = default!;
        if (!stamp.Caching || !_entries.TryGetValue(key, out var e) || !Current(key, e, stamp)) return false;
        value = e.Value;
        return true;
    }

    /// Keeps an answer read after the stamp was taken, unless something that may touch it has changed since.
    public void Set(TKey key, RecordCache.Stamp stamp, TValue value)
    {
        if (!stamp.Caching || value is null || lastChange(key) > stamp.Generation) return;
        var w = weight?.Invoke(value) ?? 1;
        var entry = new Entry(stamp.Generation, stamp.LocalToday, stamp.UtcToday, stamp.Until, value, w);
        // The running weight is exact but for racing replacements of one key; Trim counts afresh.
        var replaced = _entries.TryGetValue(key, out var old) ? old.Weight : 0;
        _entries[key] = entry;
        if (Interlocked.Add(ref _weight, w - replaced) > maxWeight) Trim(stamp);
    }

    /// The kept answer, or the one read now (and kept, as Set says).
    public TValue GetOrRead(TKey key, Func<TValue> read)
    {
        var stamp = Now();
        if (TryGet(key, stamp, out var kept)) return kept;
        var value = read();
        Interlocked.Increment(ref _reads);
        Set(key, stamp, value);
        return value;
    }

    /// The kept answer, or the one read now (and kept, as Set says).
    public async Task<TValue> GetOrReadAsync(TKey key, Func<Task<TValue>> read)
    {
        var stamp = Now();
        if (TryGet(key, stamp, out var kept)) return kept;
        var value = await read();
        Interlocked.Increment(ref _reads);
        Set(key, stamp, value);
        return value;
    }

    /// Forgets every entry.
    public void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _weight, 0);
    }

    private bool Current(TKey key, Entry e, RecordCache.Stamp stamp) =>
        e.LocalToday == stamp.LocalToday && e.UtcToday == stamp.UtcToday && e.Until > stamp.Now && lastChange(key) <= e.Generation;

    private void Trim(RecordCache.Stamp stamp)
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1) return;
        try
        {
            foreach (var (key, e) in _entries)
                if (!Current(key, e, stamp)) _entries.TryRemove(key, out _);
            var live = _entries.ToArray();
            var total = live.Sum(x => x.Value.Weight);
            // Still heavy with live entries: the oldest go until half is left.
            if (total > maxWeight * 3 / 4)
                foreach (var (key, e) in live.OrderBy(x => x.Value.Until))
                {
                    if (total <= maxWeight / 2) break;
                    if (_entries.TryRemove(key, out _)) total -= e.Weight;
                }
            Interlocked.Exchange(ref _weight, _entries.Sum(x => x.Value.Weight));
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }
}
