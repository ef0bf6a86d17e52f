using System.Collections.Concurrent;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Search;

/// Each name-search key's holders (every person with the key, as sorted ids), kept in memory for the
/// search on SQLite (ChildSearch.InReachAsync), which otherwise reads a common name's holders from the
/// key index on every search: "Wilson" at 50,000 children is 963 holders of the name and 963 of its
/// sound-alike key, about a tenth of a search's CPU under load.
/// - A prefilter only, like ReachCache: the rows of the holders are still read and given the full test
///   (ChildAccess.Children) and scored against the names they hold now, so an entry that still lists
///   someone whose name has changed, or who was deleted, shows nothing it should not.
/// - Never missing a name saved through this process: an entry is not used after any save of a search
///   key (a new person, a changed name) or a change of unknown extent (ExecuteUpdate, raw SQL:
///   RecordChanges); the generation is read before the ids are, so a save made while they are read
///   makes the entry stale at once.
/// - Short-lived: at most Haven:Search:KeyCacheSeconds (default 60; 0 turns the cache off), which bounds
///   how long a name written by another process (a second web server on the same file) goes unseen.
/// - Bounded: at most MaxIds ids in all; past that every entry goes.
public sealed class SearchKeyCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxIds = 4_000_000;

    /// The types whose rows decide a key's holders.
    public static readonly Type[] Sources = [typeof(PersonSearchKey)];

    private sealed record Entry(long Generation, DateTimeOffset Until, int[] Ids);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _ids;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>("Haven:Search:KeyCacheSeconds") ?? 60));

    /// The number of keys' holders read from the database (for tests).
    public long Reads => Interlocked.Read(ref _reads);
    private long _reads;

    /// The key's holders, lowest id first: kept, or read (read must give them in id order).
    public int[] Holders(string key, Func<string, int[]> read)
    {
        var lifetime = Lifetime;
        var now = clock.GetUtcNow();
        if (lifetime > TimeSpan.Zero && _entries.TryGetValue(key, out var e) && e.Until > now && changes.LastChangeTo(Sources) <= e.Generation)
            return e.Ids;
        var generation = changes.Generation;
        var ids = read(key);
        Interlocked.Increment(ref _reads);
        // Off, or a change since the generation was read: the ids may already be out of date, so not kept.
        if (lifetime <= TimeSpan.Zero || changes.LastChangeTo(Sources) > generation) return ids;
        if (Interlocked.Add(ref _ids, ids.Length) > MaxIds)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _ids, ids.Length);
        }
        if (_entries.TryGetValue(key, out var replaced)) Interlocked.Add(ref _ids, -replaced.Ids.Length);
        _entries[key] = new Entry(generation, now + lifetime, ids);
        return ids;
    }

    /// Forgets every entry.
    public void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _ids, 0);
    }
}
