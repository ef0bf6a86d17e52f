using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Haven.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Core.Data;

/// A counter that moves on every committed change to the record made through this process's
/// HavenDbContext, and for each entity type the value it had when that type last changed, so
/// anything worked out from the record (the performance figures' cache) knows which of its parts
/// may be out of date. The access log is not the record: appending to it does not count.
/// Writes by another process (the CLI, a second web server) are not seen here; a cache that
/// relies on this keeps its entries only briefly as well.
public sealed class RecordChanges
{
    private long _generation;
    // The generation of the last change whose types are not known (a transaction that committed
    // without a save through the change tracker, e.g. raw SQL): every type counts as changed then.
    private long _unknown;
    private readonly ConcurrentDictionary<Type, long> _lastChanged = new();

    // Per child, for what is worked out child by child (DueWorkCache): the generation of the last
    // change to a row carrying the child's id, kept in a fixed table of slots (a child's id picks its
    // slot), so memory does not grow with the children changed; two children sharing a slot only
    // make each other's entries be worked out again, never kept when stale. _everyChild: the last
    // change to a row that names no child (a foster household, a worker), which may be anyone's.
    private const int ChildSlots = 16384;
    private readonly long[] _childSlots = new long[ChildSlots];
    private long _everyChild;
    // The last change to rows of any type that counts: for what is worked out from the whole record.
    private long _anyType;

    public long Generation => Interlocked.Read(ref _generation);

    /// A change of unknown extent: everything may be out of date.
    public void Changed() => Interlocked.Exchange(ref _unknown, Interlocked.Increment(ref _generation));

    /// A change to rows of these entity types only.
    public void Changed(IReadOnlyCollection<Type> types) => Changed(types, [], false);

    /// A change to rows of these entity types; of the children's records, to those of these children,
    /// or to rows that name no child (everyChild: anyone's may have changed).
    public void Changed(IReadOnlyCollection<Type> types, IReadOnlyCollection<int> children, bool everyChild)
    {
        if (types.Count == 0 && children.Count == 0 && !everyChild) return;
        var generation = Interlocked.Increment(ref _generation);
        foreach (var t in types) _lastChanged.AddOrUpdate(t, generation, (_, old) => Math.Max(old, generation));
        if (types.Count > 0) MoveTo(ref _anyType, generation);
        foreach (var child in children) MoveTo(ref _childSlots[Slot(child)], generation);
        if (everyChild) MoveTo(ref _everyChild, generation);
    }

    /// The generation of the latest change that may have touched this child's record (0 if none since start).
    public long LastChangeToChild(int childId) =>
        Math.Max(Math.Max(Interlocked.Read(ref _unknown), Interlocked.Read(ref _everyChild)), Interlocked.Read(ref _childSlots[Slot(childId)]));

    private static int Slot(int childId) => (int)((uint)childId % ChildSlots);

    private static void MoveTo(ref long slot, long generation)
    {
        for (var old = Interlocked.Read(ref slot); old < generation; old = Interlocked.Read(ref slot))
            if (Interlocked.CompareExchange(ref slot, generation, old) == old) return;
    }

    /// The generation of the latest change to a row of any type that counts (0 if none since start):
    /// for what is worked out from the whole record. Case notes, the access log and notifications do
    /// not count (RecordChangesInterceptor.Counts), so adding a note leaves it where it was.
    public long LastChangeToAnyType() => Math.Max(Interlocked.Read(ref _unknown), Interlocked.Read(ref _anyType));

    /// The generation of the latest change to any of the types (0 if none since start).
    public long LastChangeTo(IEnumerable<Type> types)
    {
        var last = Interlocked.Read(ref _unknown);
        foreach (var t in types)
            if (_lastChanged.TryGetValue(t, out var g) && g > last) last = g;
        return last;
    }
}

/// Moves RecordChanges after SaveChanges has saved a change to the record (with the entity types
/// saved, and the children whose records they are), and again when a transaction the saves were made
/// in commits (they are only visible to others then). A commit with no save through the change
/// tracker before it (raw SQL), or a statement that changes rows outside SaveChanges
/// (ExecuteUpdate, ExecuteDelete, ExecuteSql), counts as a change to everything.
public sealed partial class RecordChangesInterceptor(RecordChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// The most frequent writes, which nothing worked out from the record reads: the access log
    /// (every page view), case notes and notifications. Every other type counts, so a new table is
    /// never left out by mistake; a new figure that reads one of these must take it off this list.
    public static bool Counts(object entity) => entity is not (AccessLogEntry or CaseNotes.CaseNote or Notifications.Notification);

    /// Whether a save of the entity may change something worked out for a child (due work): every
    /// row of a child's record, case notes included (visits are due from them); not the access log
    /// or a worker's notifications.
    public static bool CountsForChildren(object entity) => entity is not (AccessLogEntry or Notifications.Notification);

    private sealed class Pending
    {
        public readonly HashSet<Type> Saving = [];
        public readonly HashSet<Type> InTransaction = [];
        public readonly HashSet<int> SavingChildren = [];
        public readonly HashSet<int> ChildrenInTransaction = [];
        public bool SavingEveryChild, EveryChildInTransaction;
        public bool SavedInTransaction;
        public int InSave;
    }

    /// The child whose record a saved row is part of, from its ChildId (before and after, if it moved
    /// to another child), or the person's own id for a person; everyChild when the row names no child
    /// (a foster household, a worker, a relationship between two people) or a child not yet saved.
    private static void ChildrenOf(EntityEntry e, HashSet<int> children, ref bool everyChild)
    {
        if (e.Entity is People.Person)
        {
            var id = e.Property(nameof(People.Person.Id));
            if (id.IsTemporary || id.CurrentValue is not int personId) everyChild = true;
            else children.Add(personId);
            return;
        }
        if (e.Metadata.FindProperty("ChildId") is not { } property) { everyChild = true; return; }
        var child = e.Property(property.Name);
        if (child.IsTemporary || child.CurrentValue is not int current) { everyChild = true; return; }
        children.Add(current);
        if (e.State == EntityState.Modified && child.OriginalValue is int original) children.Add(original);
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    /// The types a save changes: the entity's own type, and for an owned or shared-type entity
    /// (a join table) the types that own it, so a figure that lists the owner sees it.
    private static IEnumerable<Type> TypesOf(EntityEntry e)
    {
        yield return e.Entity.GetType();
        for (var t = e.Metadata; t.FindOwnership() is { } owner; t = owner.PrincipalEntityType)
            yield return owner.PrincipalEntityType.ClrType;
        if (e.Metadata.HasSharedClrType)
            foreach (var fk in e.Metadata.GetForeignKeys()) yield return fk.PrincipalEntityType.ClrType;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.SavedInTransaction = true;
            pending.InSave++;
            foreach (var e in context.ChangeTracker.Entries())
            {
                if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
                if (Counts(e.Entity)) pending.Saving.UnionWith(TypesOf(e));
                if (CountsForChildren(e.Entity)) ChildrenOf(e, pending.SavingChildren, ref pending.SavingEveryChild);
            }
            pending.InTransaction.UnionWith(pending.Saving);
            pending.ChildrenInTransaction.UnionWith(pending.SavingChildren);
            pending.EveryChildInTransaction |= pending.SavingEveryChild;
        }
    }

    // After a failed save too: part of it may have been written before the failure.
    private void Done(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        Type[] saved;
        int[] children;
        bool everyChild;
        lock (pending)
        {
            saved = [.. pending.Saving];
            children = [.. pending.SavingChildren];
            everyChild = pending.SavingEveryChild;
            pending.Saving.Clear();
            pending.SavingChildren.Clear();
            pending.SavingEveryChild = false;
            if (pending.InSave > 0) pending.InSave--;
        }
        changes.Changed(saved, children, everyChild);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) { changes.Changed(); return; }
        Type[] saved;
        int[] children;
        bool any, everyChild;
        lock (pending)
        {
            saved = [.. pending.InTransaction];
            children = [.. pending.ChildrenInTransaction];
            everyChild = pending.EveryChildInTransaction;
            any = pending.SavedInTransaction;
            pending.InTransaction.Clear();
            pending.ChildrenInTransaction.Clear();
            pending.EveryChildInTransaction = false;
            pending.SavedInTransaction = false;
        }
        if (any) changes.Changed(saved, children, everyChild);
        else changes.Changed();
    }

    /// A statement that changed rows outside SaveChanges (ExecuteUpdate, ExecuteDelete, raw SQL):
    /// its tables and children are not known, so everything counts as changed. Inside SaveChanges
    /// the save itself says what changed.
    private void NonQuery(DbContext? context, string sql, int rows)
    {
        if (rows == 0 || context is null) return;
        if (_pending.TryGetValue(context, out var pending)) lock (pending) if (pending.InSave > 0) return;
        // Marking a notification read (ExecuteUpdate) changes nothing worked out from the record.
        if (TargetTable().Match(sql) is { Success: true } target
            && context.Model.GetEntityTypes().Where(t => t.GetTableName() == target.Groups[1].Value).Select(t => t.ClrType).ToList() is { Count: > 0 } types
            && types.All(t => t == typeof(AccessLogEntry) || t == typeof(Notifications.Notification)))
            return;
        changes.Changed();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:UPDATE|DELETE\s+FROM)\s+""?(\w+)""?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TargetTable();

    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        NonQuery(eventData.Context, command.CommandText, result);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NonQuery(eventData.Context, command.CommandText, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }
}
