using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Synthetic;

/// Writes rows in batches. SaveAsync: AddRange, SaveChanges, clear the change tracker, so
/// memory and change detection stay flat however large the borough is. BulkAsync: multi-row
/// INSERTs, for rows nothing refers to.
internal sealed class BoroughWriter(HavenDbContext db, int batchSize, CancellationToken ct)
{
    private readonly BulkInsert _bulk = new(db);

    public Dictionary<Type, int> Counts { get; } = [];

    /// For parts that read what earlier parts wrote.
    public HavenDbContext Db => db;

    public async Task SaveAsync<T>(IEnumerable<T> rows, Func<HavenDbContext, List<T>, IEnumerable<PersonSearchKey>>? dependents = null) where T : class
    {
        var buffer = new List<T>(batchSize);
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count >= batchSize) await FlushAsync();
        }
        await FlushAsync();

        async Task FlushAsync()
        {
            if (buffer.Count == 0) return;
            ct.ThrowIfCancellationRequested();
            db.Set<T>().AddRange(buffer);
            await db.SaveChangesAsync(ct);
            var extra = dependents?.Invoke(db, buffer).ToList();
            db.ChangeTracker.Clear();
            if (extra is { Count: > 0 }) await BulkAsync(extra);
            Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + buffer.Count;
            buffer.Clear();
        }
    }

    public async Task<int> BulkAsync<T>(IEnumerable<T> rows) where T : class
    {
        var count = await _bulk.InsertAsync(rows, ct);
        Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + count;
        return count;
    }
}
