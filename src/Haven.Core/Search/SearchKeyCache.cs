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
/// - Bounded: at most MaxIds ids in all (RecordCache: past that the stale, then the oldest, go).
public sealed class SearchKeyCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxIds = 4_000_000;

    /// The types whose rows decide a key's holders.
    public static readonly Type[] Sources = [typeof(PersonSearchKey)];

    private readonly RecordCache<string, int[]> _kept = new(changes, clock, config, "Haven:Search:KeyCacheSeconds",
        _ => changes.LastChangeTo(Sources), MaxIds, ids => ids.Length);

    /// The number of keys' holders read from the database (for tests).
    public long Reads => _kept.Reads;

    /// The key's holders, lowest id first: kept, or read (read must give them in id order).
    public int[] Holders(string key, Func<string, int[]> read) => _kept.GetOrRead(key, () => read(key));

    /// Forgets every entry.
    public void Clear() => _kept.Clear();
}
