using System.Collections.Concurrent;
using Haven.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.MyWork;

/// What each due-work source found for each child, kept until that child's record changes, so My
/// work, the team view and the summary do not ask every source (about 38 queries and the CIN census
/// check) again on every view when nothing has changed.
/// - By child and source, never by user: a page still decides which children it may show and asks
///   only about those; the items of a child are the same whoever asks.
/// - Live: an entry is never used after a save through this process that touched the child's
///   record (RecordChanges: a row carrying the child's id, case notes included), or a row that names
///   no child (a foster household, a worker: then every child's entries go), or after
///   ExecuteUpdate/raw SQL (everything goes). The generation is read before a source is asked, so a
///   save made while it is being asked makes that entry stale at once.
/// - Per day: an entry is for the local and UTC dates it was worked out on (items are due relative to today).
/// - Short-lived: at most Haven:DueWork:CacheSeconds (default 60; 0 turns the cache off), which
///   bounds how long a change written by another process (the CLI, a second web server) goes unseen.
/// - Bounded: at most MaxEntries entries (one per child and source); past that the stale and the
///   oldest are dropped.
public sealed class DueWorkCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxEntries = 100_000;

    private sealed record Key(int ChildId, Type Source);

    private sealed record Entry(long Generation, DateOnly LocalToday, DateOnly UtcToday, DateTimeOffset Until, IReadOnlyList<DueItem> Items);

    /// When a question is asked: the generation before any source is asked, the dates and the time.
    public readonly record struct Stamp(bool Caching, long Generation, DateOnly LocalToday, DateOnly UtcToday, DateTimeOffset Now, DateTimeOffset Until);

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private int _trimming;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>("Haven:DueWork:CacheSeconds") ?? 60));

    public int Count => _entries.Count;

    public Stamp Now()
    {
        var lifetime = Lifetime;
        var now = clock.GetUtcNow();
        return new Stamp(lifetime > TimeSpan.Zero, changes.Generation, DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
            DateOnly.FromDateTime(now.UtcDateTime), now, now + lifetime);
    }

    /// The source's items for the child, if worked out on the same day, within the lifetime, and
    /// with no change to the child's record since.
    public bool TryGet(int childId, Type source, Stamp stamp, out IReadOnlyList<DueItem> items)
    {
        items = [];
        if (!stamp.Caching || !_entries.TryGetValue(new Key(childId, source), out var e)) return false;
        if (e.LocalToday != stamp.LocalToday || e.UtcToday != stamp.UtcToday || e.Until <= stamp.Now
            || changes.LastChangeToChild(childId) > e.Generation) return false;
        items = e.Items;
        return true;
    }

    public void Set(int childId, Type source, Stamp stamp, IReadOnlyList<DueItem> items)
    {
        if (!stamp.Caching) return;
        // A change since the stamp was taken: the items may already be out of date, so not kept.
        if (changes.LastChangeToChild(childId) > stamp.Generation) return;
        _entries[new Key(childId, source)] = new Entry(stamp.Generation, stamp.LocalToday, stamp.UtcToday, stamp.Until, items);
        if (_entries.Count > MaxEntries) Trim(stamp.Now);
    }

    /// Forgets every entry (tests that count queries, and after a bulk load).
    public void Clear() => _entries.Clear();

    private void Trim(DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1) return;
        try
        {
            foreach (var (key, e) in _entries)
                if (e.Until <= now || changes.LastChangeToChild(key.ChildId) > e.Generation) _entries.TryRemove(key, out _);
            // Still full of live entries: the oldest half goes.
            if (_entries.Count > MaxEntries * 3 / 4)
                foreach (var (key, _) in _entries.OrderBy(x => x.Value.Until).Take(_entries.Count - MaxEntries / 2).ToList())
                    _entries.TryRemove(key, out _);
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }
}
