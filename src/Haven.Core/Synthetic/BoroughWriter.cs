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

    /// For a part that reads what earlier parts wrote (ids of referrals, the involvements a period
    /// of care keeps in step).
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
            if (_bulk.FlatKeyOf(buffer) is { } key)
            {
                await WriteFlatAsync(key);
                return;
            }
            db.Set<T>().AddRange(buffer);
            await db.SaveChangesAsync(ct);
            var extra = dependents?.Invoke(db, buffer).ToList();
            db.ChangeTracker.Clear();
            if (extra is { Count: > 0 }) await BulkAsync(extra);
            Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + buffer.Count;
            buffer.Clear();
        }

        // Rows that are not a graph: numbered here, in the order given, as SaveChanges numbers a
        // batch, with SaveChanges's own stamps (a new Version, a person's search keys), and written
        // like leaf rows (binary COPY on PostgreSQL). SaveChanges's per-row INSERT ... RETURNING
        // and change tracking were most of the time of a large borough.
        async Task WriteFlatAsync(Microsoft.EntityFrameworkCore.Metadata.IProperty key)
        {
            var id = await _bulk.MaxKeyAsync(key, ct);
            var setter = key.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{key.Name} has no CLR property.");
            foreach (var row in buffer)
            {
                setter.SetValue(row, ++id);
                if (row is IVersioned versioned) versioned.Version = Guid.NewGuid();
                if (row is Person person) person.SearchKeys = HavenDbContext.BuildKeys(person);
            }
            await _bulk.InsertAsync(buffer, ct, withKeys: true);
            await _bulk.AfterKeysAsync(key, id, ct);
            var extra = dependents?.Invoke(db, buffer).ToList();
            if (extra is { Count: > 0 }) await BulkAsync(extra);
            Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + buffer.Count;
            buffer.Clear();
        }
    }

    /// Sets one column of rows already written, by key: for a link that can only be made once both
    /// rows have their ids (a referral's contact, a plan's ending conference).
    public Task<int> UpdateAsync<T, TValue>(string property, IEnumerable<(int Id, TValue Value)> values) where T : class =>
        _bulk.UpdateAsync<T, TValue>(property, values, ct);

    public async Task<int> BulkAsync<T>(IEnumerable<T> rows) where T : class
    {
        var count = await _bulk.InsertAsync(rows, ct);
        Counts[typeof(T)] = Counts.GetValueOrDefault(typeof(T)) + count;
        return count;
    }
}
