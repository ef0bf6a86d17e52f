using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Haven.Core.Synthetic;

/// Multi-row INSERTs for rows whose generated ids nobody needs back (case notes, allocations,
/// search keys...). EF Core on SQLite sends one INSERT ... RETURNING per row, which made a large
/// borough take minutes; this writes a few hundred rows per statement instead. Table, column and
/// parameter details all come from the EF model and the provider's type mappings (value
/// converters included), so the same code serves SQLite and PostgreSQL. It bypasses SaveChanges,
/// so use it only for plain rows with no save-time behaviour.
internal sealed class BulkInsert(DbContext db)
{
    // Binding looks parameters up by name, which costs time in proportion to the parameters in the
    // statement (SQLite scans its list), so a statement's cost grows with the square of its size.
    // A few hundred parameters keeps that negligible while still saving most round trips.
    private const int MaxParameters = 256;

    public async Task<int> InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty() && !p.IsNullable) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a required shadow property; bulk insert cannot fill it.");
        var getters = columns.Select(p => p.IsShadowProperty() ? null : p.GetGetter()).ToArray();
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var perStatement = Math.Clamp(MaxParameters / columns.Count, 1, 200);

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(ct);
        DbCommand? full = null;
        try
        {
            var count = 0;
            var chunk = new List<T>(perStatement);
            foreach (var row in rows)
            {
                chunk.Add(row);
                if (chunk.Count == perStatement)
                {
                    // Full chunks reuse one command, so the provider prepares the statement once.
                    full ??= Command(perStatement);
                    count += await ExecuteAsync(full, chunk);
                }
            }
            if (chunk.Count > 0)
            {
                await using var last = Command(chunk.Count);
                count += await ExecuteAsync(last, chunk);
            }
            return count;
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
            if (openedHere) await db.Database.CloseConnectionAsync();
        }

        DbCommand Command(int rowCount)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + rowCount * columns.Count * 8);
            var n = 0;
            for (var r = 0; r < rowCount; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{n++}";
                    if (c > 0) text.Append(", ");
                    text.Append(name);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, null, columns[c].IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            return command;
        }

        async Task<int> ExecuteAsync(DbCommand command, List<T> chunk)
        {
            ct.ThrowIfCancellationRequested();
            var n = 0;
            foreach (var row in chunk)
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = getters[c]?.GetClrValueUsingContainingEntity(row);
                    if (value is not null && mappings[c].Converter is { } converter) value = converter.ConvertToProvider(value);
                    command.Parameters[n++].Value = value ?? DBNull.Value;
                }
            await command.ExecuteNonQueryAsync(ct);
            var written = chunk.Count;
            chunk.Clear();
            return written;
        }
    }
}
