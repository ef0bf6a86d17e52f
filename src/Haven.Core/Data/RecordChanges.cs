using System.Runtime.CompilerServices;
using Haven.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.Core.Data;

/// A counter that moves on every committed change to the record made through this process's
/// HavenDbContext, so anything worked out from the record (the performance figures' cache) knows
/// it may be out of date. The access log is not the record: appending to it does not count.
/// Writes by another process (the CLI, a second web server) are not seen here; a cache that
/// relies on this keeps its entries only briefly as well.
public sealed class RecordChanges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Changed() => Interlocked.Increment(ref _generation);
}

/// Moves RecordChanges after SaveChanges has saved a change to the record, and after any
/// transaction commits (changes saved inside a transaction are only visible to others then).
public sealed class RecordChangesInterceptor(RecordChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// The most frequent writes, which nothing worked out from the record reads: the access log
    /// (every page view), case notes and notifications. Every other type counts, so a new table is
    /// never left out by mistake; a new figure that reads one of these must take it off this list.
    public static bool Counts(object entity) => entity is not (AccessLogEntry or CaseNotes.CaseNote or Notifications.Notification);

    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

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
        if (context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Entity)))
            _pending.AddOrUpdate(context, context);
    }

    // After a failed save too: part of it may have been written before the failure.
    private void Done(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) changes.Changed();
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => changes.Changed();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changes.Changed();
        return Task.CompletedTask;
    }
}
