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
/// - Bounded: at most MaxEntries entries (one per child and source); past that the stale, then the
///   oldest, go (RecordCache).
public sealed class DueWorkCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxEntries = 100_000;

    private readonly RecordCache<(int ChildId, Type Source), IReadOnlyList<DueItem>> _kept = new(changes, clock, config, "Haven:DueWork:CacheSeconds",
        key => changes.LastChangeToChild(key.ChildId), MaxEntries);

    /// The moment a question is asked; taken before any source is asked.
    public RecordCache.Stamp Now() => _kept.Now();

    /// The source's items for the child, if worked out on the same day, within the lifetime, and
    /// with no change to the child's record since.
    public bool TryGet(int childId, Type source, RecordCache.Stamp stamp, out IReadOnlyList<DueItem> items)
    {
        if (_kept.TryGet((childId, source), stamp, out items)) return true;
        items = [];
        return false;
    }

    /// Keeps what the source found for the child, unless the child's record changed after the stamp.
    public void Set(int childId, Type source, RecordCache.Stamp stamp, IReadOnlyList<DueItem> items) => _kept.Set((childId, source), stamp, items);

    /// Forgets every entry (tests that count queries, and after a bulk load).
    public void Clear() => _kept.Clear();
}
