using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.Permanence;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Access;

/// Workers' reach (ChildAccess.ReachIds: the children an allocation in the role's scope, a grant or a
/// sealed adoption could open to them), kept as sorted lists of ids, so a search can drop a name's
/// holders out of reach before asking the database about them. On SQLite every page view's log write
/// empties every connection's page cache, and testing "Henry"'s 736 holders for an open allocation in
/// the worker's service read about 370 pages of the allocations' index afresh on every search.
/// - Shared where it can be: the allocations in a scope (a service, a team) are kept once for everyone
///   with that scope; only the grants and sealed adoptions are kept per worker (a few rows).
/// - A prefilter only: the search still applies the full test (ChildAccess.Children) to the rows it
///   reads, so an entry that still holds a child no longer in reach (an allocation ended, a grant
///   revoked or expired, a restriction) shows nothing it should not.
/// - Never missing a child after a save through this process: an entry is not used after any save of
///   an allocation, team, grant or adoption case, or after ExecuteUpdate/raw SQL (RecordChanges); the
///   generation is read before the ids are, so a save made while they are read makes the entry stale
///   at once.
/// - Short-lived: at most Haven:Search:ReachCacheSeconds (default 60; 0 turns the cache off), which bounds
///   how long an allocation or grant written by another process (the CLI, a second web server) goes
///   unseen by search, and per UTC day (an allocation ending yesterday leaves the reach today).
/// - Bounded: at most MaxEntries entries (RecordCache: past that the stale, then the oldest, go).
public sealed class ReachCache(RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    public const int MaxEntries = 2000;

    /// The types whose rows decide a reach; a save of any of them makes every entry stale.
    public static readonly Type[] Sources = [typeof(Allocation), typeof(Team), typeof(RecordAccessGrant), typeof(AdoptionCase)];

    private readonly RecordCache<object, int[]> _kept = new(changes, clock, config, "Haven:Search:ReachCacheSeconds",
        _ => changes.LastChangeTo(Sources), MaxEntries);

    public TimeSpan Lifetime => _kept.Lifetime;

    /// The number of lists read from the database (for tests).
    public long Reads => _kept.Reads;

    /// Whether the worker could see a child, judged from its id alone (ChildAccess.Reach).
    public sealed class Reach(int[] scoped, int[] personal)
    {
        public bool Contains(int childId) => Array.BinarySearch(scoped, childId) >= 0 || Array.BinarySearch(personal, childId) >= 0;
    }

    /// The worker's reach, or null when the cache is off or the role's scope is every child (then there
    /// is nothing to drop).
    public async Task<Reach?> GetAsync(ChildAccess access, CurrentWorker worker, AccessLevel level, CancellationToken ct = default)
    {
        if (Lifetime <= TimeSpan.Zero || access.ReachIds(worker, level) is not { } lists) return null;
        var scoped = lists.Scoped is { } s ? await GetAsync((s.Scope, s.ScopeId), s.Children, ct) : [];
        var personal = await GetAsync((worker.WorkerId, worker.Role, level), lists.Personal, ct);
        return new Reach(scoped, personal);
    }

    private Task<int[]> GetAsync(object key, IQueryable<int> query, CancellationToken ct) =>
        _kept.GetOrReadAsync(key, async () => (await query.ToListAsync(ct)).Distinct().Order().ToArray());

    /// Forgets every entry.
    public void Clear() => _kept.Clear();
}
