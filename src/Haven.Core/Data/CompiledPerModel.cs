using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Haven.Core.Data;

/// A query compiled once (EF.CompileAsyncQuery) for each EF model it runs against: a compiled query
/// belongs to one model, and SQLite's and PostgreSQL's differ (the tests run both in one process).
/// A chronology view sends one small fixed query per record type the child has; compiled, EF skips
/// walking, hashing and looking up each one's expression tree in its query cache on every view.
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly CompiledPerModel<bool, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.For(db, true, compile);
}

/// Queries compiled once for each EF model and key, where one holder builds several queries (the
/// chronology's source check: one per set of sources). TCompiled is the compiled delegate, or a
/// holder of it with what it was built from. At most maxKept are kept; past that, one is compiled
/// for its caller's use only, so an unbounded number of keys cannot grow it without end.
public sealed class CompiledPerModel<TKey, TCompiled>(int maxKept = int.MaxValue) where TKey : notnull
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel Model, TKey Key), TCompiled> compiled = new();

    public TCompiled For(DbContext db, TKey key, Func<TCompiled> compile)
    {
        if (compiled.TryGetValue((db.Model, key), out var kept)) return kept;
        var made = compile();
        if (compiled.Count < maxKept) compiled.TryAdd((db.Model, key), made);
        return made;
    }
}
