using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Haven.Core.Synthetic;

/// Multi-row INSERTs for rows whose generated ids nobody needs back (case notes, allocations,
/// search keys...). EF Core on SQLite sends one INSERT ... RETURNING per row, which made a large
/// borough take minutes; this writes a few hundred rows per statement instead. Table, column and
/// parameter details all come from the EF model and the provider's type mappings (value
/// converters included), so the same code serves SQLite and PostgreSQL. On PostgreSQL the rows go
/// through one binary COPY per call instead (Npgsql's binary import): no statements to parse and
/// one stream, several times faster than multi-row INSERTs for the millions of rows a region has.
/// It bypasses SaveChanges, so use it only for plain rows with no save-time behaviour.
internal sealed class BulkInsert(DbContext db)
{
    // Binding looks parameters up by name, which costs time in proportion to the parameters in the
    // statement (SQLite scans its list), so a statement's cost grows with the square of its size.
    // A few hundred parameters keeps that negligible while still saving most round trips.
    private const int MaxParameters = 256;

    /// Inserts the rows. With withKeys, the rows' generated keys are written as they are (set by the
    /// caller: see BoroughWriter.SaveAsync); otherwise the database generates them and nobody reads them.
    public async Task<int> InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct, bool withKeys = false) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && (withKeys || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)))
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
            if (connection is NpgsqlConnection npgsql) return await CopyAsync(npgsql);

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

        async Task<int> CopyAsync(NpgsqlConnection npgsql)
        {
            // The column's store type without its facets ("character varying(200)" -> "character
            // varying"): binary COPY needs each value sent as the column's own type.
            var types = mappings.Select(m => m.StoreType.Split('(')[0].Trim()).ToArray();
            var count = 0;
            await using var import = await npgsql.BeginBinaryImportAsync(
                $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)", ct);
            // The connection's own timeout (30 s unless the connection string says otherwise) would
            // otherwise bound the wait for the server to finish the last rows: the command timeout
            // the caller set on the context is the one that applies.
            if (db.Database.GetCommandTimeout() is { } seconds) import.Timeout = TimeSpan.FromSeconds(seconds);
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                await import.StartRowAsync(ct);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = getters[c]?.GetClrValueUsingContainingEntity(row);
                    if (value is not null && mappings[c].Converter is { } converter) value = converter.ConvertToProvider(value);
                    if (value is null) await import.WriteNullAsync(ct);
                    else await import.WriteAsync(value, types[c], ct);
                }
                count++;
            }
            await import.CompleteAsync(ct);
            return count;
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

    /// Sets one column of many rows, given each row's key and value, a few hundred rows per
    /// statement (UPDATE ... FROM (VALUES ...), which SQLite and PostgreSQL both read the same way:
    /// the VALUES columns are column1 and column2 on both). Like a per-row ExecuteUpdate it leaves
    /// the rows' Version alone; unlike it, it costs one round trip per few hundred rows instead of
    /// one query (and its translation) per row.
    public async Task<int> UpdateAsync<T, TValue>(string property, IEnumerable<(int Id, TValue Value)> values, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var column = entityType.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not in the model.");
        var keyMapping = key.GetRelationalTypeMapping();
        var valueMapping = column.GetRelationalTypeMapping();
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var head = $"UPDATE {name} SET {sql.DelimitIdentifier(column.GetColumnName(table)!)} = v.column2 FROM (VALUES ";
        var tail = $") AS v WHERE {name}.{sql.DelimitIdentifier(key.GetColumnName(table)!)} = v.column1";
        const int perStatement = MaxParameters / 2;

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var count = 0;
            foreach (var chunk in values.Chunk(perStatement))
            {
                ct.ThrowIfCancellationRequested();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var text = new StringBuilder(head);
                for (var r = 0; r < chunk.Length; r++)
                {
                    text.Append(r == 0 ? $"(@k{r}, @v{r})" : $", (@k{r}, @v{r})");
                    var k = keyMapping.CreateParameter(command, $"@k{r}", chunk[r].Id, false);
                    object? value = chunk[r].Value;
                    if (value is not null && valueMapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                    command.Parameters.Add(k);
                    command.Parameters.Add(valueMapping.CreateParameter(command, $"@v{r}", value ?? DBNull.Value, column.IsNullable));
                }
                command.CommandText = text.Append(tail).ToString();
                count += await command.ExecuteNonQueryAsync(ct);
            }
            return count;
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }

    /// The generated int key of T when rows of T can be written without SaveChanges and still come
    /// out as SaveChanges would write them: one table, no owned or complex parts, no other
    /// database-generated values, and none of the rows reaching another entity through a
    /// navigation (a graph needs SaveChanges to order and link its inserts). Null otherwise.
    public IProperty? FlatKeyOf<T>(IReadOnlyList<T> rows) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T));
        if (entityType is null || entityType.BaseType is not null || entityType.GetDerivedTypes().Any() || entityType.GetComplexProperties().Any()) return null;
        if (entityType.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key] || key.ClrType != typeof(int)) return null;
        if (entityType.GetProperties().Any(p => p != key && (p.ValueGenerated != ValueGenerated.Never || p.IsShadowProperty() && !p.IsNullable))) return null;
        if (entityType.GetSkipNavigations().Any()) return null;
        var navigations = entityType.GetNavigations().ToList();
        if (navigations.Any(n => n.TargetEntityType.IsOwned())) return null;
        var getters = navigations.Select(n => n.GetGetter()).ToList();
        foreach (var row in rows)
            foreach (var getter in getters)
                if (getter.GetClrValueUsingContainingEntity(row) is { } value && (value is not System.Collections.IEnumerable many || many.GetEnumerator().MoveNext())) return null;
        return key;
    }

    /// The largest key in T's table (0 when empty), to number new rows from.
    public async Task<int> MaxKeyAsync(IProperty key, CancellationToken ct)
    {
        var (table, column, _) = Names(key);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX({column}), 0) FROM {table}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// After rows were written with keys set by the caller: moves PostgreSQL's identity sequence past
    /// them, so the next row the database numbers itself does not collide (SQLite's AUTOINCREMENT
    /// follows the largest key by itself).
    public async Task AfterKeysAsync(IProperty key, int max, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection) return;
        var (table, _, _) = Names(key);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table.Replace("'", "''")}', '{key.GetColumnName().Replace("'", "''")}'), @max)";
        command.Parameters.AddWithValue("max", max);
        await command.ExecuteScalarAsync(ct);
    }

    private (string Table, string Column, ISqlGenerationHelper Sql) Names(IProperty key)
    {
        var entityType = key.DeclaringType.ContainingEntityType;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.DelimitIdentifier(table.Name, table.Schema), sql.DelimitIdentifier(key.GetColumnName(table)!), sql);
    }
}
