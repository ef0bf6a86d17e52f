using Haven.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Chronology;

/// The answer of the SQLite chronology's first statement for a child (ChronologyRow.ReadAsync: which
/// sources have rows, and each paged source's count), kept until the child's record changes. SQLite
/// parses and plans every statement on every run, and that one asks every source (about 5,600
/// characters of SQL, a sizeable share of a view's CPU under load), though its answer only changes
/// when the child's record does.
/// - Live, as DueWorkCache: an entry is never used after a save through this process that touched the
///   child's record (RecordChanges: a row carrying the child's id, case notes included), or a row that
///   names no child (an address, a contact, a worker: every child's entries go), or ExecuteUpdate/raw
///   SQL (everything goes). The generation is read before the statement runs, so a save made while it
///   runs makes the entry stale at once. Every source finds its rows by the child's id (ChildId, or
///   the person's own id), so a row that changes what a child's check says names that child.
/// - Only which sources to read: the rows themselves are read on every view.
/// - Per UTC day, and short-lived: at most Haven:Chronology:CacheSeconds (default 60; 0 turns it off),
///   which bounds how long a row written by another process goes unseen.
/// - Bounded: at most MaxEntries entries (RecordCache: past that the stale, then the oldest, go).
public sealed class ChronologyCheckCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxEntries = 50_000;

    private readonly RecordCache<(int ChildId, string Sources), int[]?> _kept = new(changes, clock, config, "Haven:Chronology:CacheSeconds",
        key => changes.LastChangeToChild(key.ChildId), MaxEntries);

    /// The number of checks run against the database (for tests).
    public long Reads => _kept.Reads;

    /// The child's checks for this set of sources: kept, or read (null: the child's record was not found; not kept).
    public Task<int[]?> GetAsync(int childId, string sources, Func<Task<int[]?>> read) => _kept.GetOrReadAsync((childId, sources), read);

    /// Forgets every entry.
    public void Clear() => _kept.Clear();
}
