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

    public long Generation => Interlocked.Read(ref _generation);

    /// A change of unknown extent: everything may be out of date.
    public void Changed() => Interlocked.Exchange(ref _unknown, Interlocked.Increment(ref _generation));

    /// A change to rows of these entity types only.
    public void Changed(IReadOnlyCollection<Type> types)
    {
        if (types.Count == 0) return;
        var generation = Interlocked.Increment(ref _generation);
        foreach (var t in types) _lastChanged.AddOrUpdate(t, generation, (_, old) => Math.Max(old, generation));
    }

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
/// saved), and again when a transaction the saves were made in commits (they are only visible to
/// others then). A commit with no save through the change tracker before it (raw SQL) counts as a
/// change to everything.
public sealed class RecordChangesInterceptor(RecordChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// The most frequent writes, which nothing worked out from the record reads: the access log
    /// (every page view), case notes and notifications. Every other type counts, so a new table is
    /// never left out by mistake; a new figure that reads one of these must take it off this list.
    public static bool Counts(object entity) => entity is not (AccessLogEntry or CaseNotes.CaseNote or Notifications.Notification);

    private sealed class Pending
    {
        public readonly HashSet<Type> Saving = [];
        public readonly HashSet<Type> InTransaction = [];
        public bool SavedInTransaction;
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
            foreach (var e in context.ChangeTracker.Entries())
                if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Entity))
                    pending.Saving.UnionWith(TypesOf(e));
            pending.InTransaction.UnionWith(pending.Saving);
        }
    }

    // After a failed save too: part of it may have been written before the failure.
    private void Done(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        Type[] saved;
        lock (pending)
        {
            saved = [.. pending.Saving];
            pending.Saving.Clear();
        }
        changes.Changed(saved);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) { changes.Changed(); return; }
        Type[] saved;
        bool any;
        lock (pending)
        {
            saved = [.. pending.InTransaction];
            any = pending.SavedInTransaction;
            pending.InTransaction.Clear();
            pending.SavedInTransaction = false;
        }
        if (any) changes.Changed(saved);
        else changes.Changed();
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }
}
