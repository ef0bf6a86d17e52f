using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Haven.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Core.Performance;

/// The dashboard's figures for a period, worked out once and shared by everyone who asks for the
/// same period until the record changes. The figures never name anyone and are the same for every
/// viewer (what a viewer may open is decided when children are listed), so the key is the period.
/// - Per group: each group of measures (MeasureGroups) is kept on its own, with the social worker
///   allocations every item is placed by. A save drops only the parts that read a table it changed
///   (RecordChanges): a statutory visit recomputes the statutory visits measure, not care leavers.
/// - Live: a part is never used after a save to one of its tables through this process.
/// - Short-lived: a part is kept at most Haven:Performance:CacheSeconds (default 60; 0 turns the
///   cache off), which bounds how long a change made by another process (the CLI, a second web
///   server, a replica catching up) can go unseen. When only the time has run out, the old figures
///   are answered while the new ones are worked out.
/// - One computation per part at a time: the 32nd manager to open the dashboard at 9am waits for
///   the first one's figures instead of starting a 32nd computation.
public sealed class PerformanceCache(IServiceScopeFactory scopes, RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    private const int MaxEntries = 1024;
    private const string AttributionPart = "attribution";

    private sealed record Key(DateOnly From, DateOnly To, string Part);

    /// Generation: RecordChanges.Generation when the computation started. Meanwhile: the value of
    /// the entry this one refreshes after its time ran out (no change to its sources since).
    private sealed record Entry(long Generation, DateTimeOffset Until, IReadOnlyList<Type> Sources, Lazy<Task<object>> Value, object? Meanwhile = null);

    /// A group's figures placed with the social workers of an allocations load.
    private sealed record Assembled(Attribution Attribution, IReadOnlyList<MeasureResult> Figures);

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly ConditionalWeakTable<IReadOnlyList<MeasureRaw>, Assembled> _assembled = new();
    private readonly ConcurrentDictionary<string, int> _computed = new();

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>("Haven:Performance:CacheSeconds") ?? 60));

    /// How many times a part (a MeasureGroup's name, or "attribution") has been worked out since
    /// start: for tests that show a save recomputes only what it changed.
    public int Computed(string part) => _computed.GetValueOrDefault(part);

    /// The figures of PerformanceFigures.ComputeAsync, from the cache where they are still current.
    public async Task<IReadOnlyList<MeasureResult>> ComputeAsync(DateOnly from, DateOnly to, IReadOnlyCollection<MeasureDefinition>? measures = null, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        var lifetime = Lifetime;
        if (lifetime == TimeSpan.Zero) return await ComputeNowAsync(from, to, measures, ct);
        var wanted = measures ?? PerformanceMeasures.All;
        var now = clock.GetUtcNow();
        var groups = MeasureGroups.For(wanted);
        // Every part is started before any is awaited, so they are worked out side by side.
        var parts = groups.Select(g => Part(new Key(from, to, g.Name), g.Sources, now, lifetime, () => RawNowAsync(g, from, to)))
            .Append(Part(new Key(from, to, AttributionPart), MeasureGroups.Attribution, now, lifetime, () => AttributionNowAsync(from, to)))
            .ToList();
        var values = new object[parts.Count];
        for (var i = 0; i < parts.Count; i++) values[i] = await parts[i].WaitAsync(ct);
        if (_entries.Count > MaxEntries) Trim(now);

        // Each group's figures are placed with social workers once per (group, allocations) pair:
        // after a visit is saved only the visits group is worked out and placed again.
        var attribution = (Attribution)values[^1];
        var results = new Dictionary<MeasureDefinition, MeasureResult>();
        AsyncServiceScope? scope = null;
        try
        {
            for (var i = 0; i < groups.Count; i++)
            {
                var raws = (IReadOnlyList<MeasureRaw>)values[i];
                if (!_assembled.TryGetValue(raws, out var done) || !ReferenceEquals(done.Attribution, attribution))
                {
                    scope ??= scopes.CreateAsyncScope();
                    done = new Assembled(attribution, scope.Value.ServiceProvider.GetRequiredService<PerformanceFigures>().Assemble(raws, attribution));
                    _assembled.AddOrUpdate(raws, done);
                }
                foreach (var r in done.Figures) results[r.Measure] = r;
            }
        }
        finally
        {
            if (scope is { } s) await s.DisposeAsync();
        }
        return wanted.Select(m => results[m]).ToList();
    }

    /// A part's value: the cached one while none of its sources has changed since it was worked
    /// out and its time has not run out; else a new computation (shared by everyone asking).
    private Task<object> Part(Key key, IReadOnlyList<Type> sources, DateTimeOffset now, TimeSpan lifetime, Func<Task<object>> compute)
    {
        // The generation is read before the part is worked out: a change saved while it is moves
        // the sources' last change past it, so that entry is not used by anyone who asks after.
        var generation = changes.Generation;
        // Task.Run: a provider whose "async" queries complete synchronously (SQLite) would
        // otherwise work the part out on this request's thread before the meanwhile could be answered.
        Entry New(object? meanwhile = null) => new(generation, now + lifetime, sources, new Lazy<Task<object>>(() => Task.Run(compute)), meanwhile);
        var entry = _entries.AddOrUpdate(key, _ => New(),
            (_, old) => Current(old, now) ? old
                // Only the time ran out (no change to its sources since): refresh, answering from
                // the old value until the new one is ready, so viewers do not all wait once a minute.
                : Unchanged(old) && Done(old) is { } previous ? New(previous)
                : New());
        var value = entry.Value.Value;
        return !value.IsCompleted && entry.Meanwhile is { } meanwhile ? Task.FromResult(meanwhile) : value;
    }

    private bool Unchanged(Entry e) => changes.LastChangeTo(e.Sources) <= e.Generation;

    private bool Current(Entry e, DateTimeOffset now) => e.Until > now && !Failed(e) && Unchanged(e);

    private static object? Done(Entry e) => e.Value.IsValueCreated && e.Value.Value.IsCompletedSuccessfully ? e.Value.Value.Result : null;

    private static bool Failed(Entry e) => e.Value.IsValueCreated && (e.Value.Value.IsFaulted || e.Value.Value.IsCanceled);

    /// Forgets every entry (for tests and after a bulk load).
    public void Clear()
    {
        _entries.Clear();
        _assembled.Clear();
    }

    // Each in a scope of its own, so that a request that gives up does not cancel the others waiting.
    private async Task<object> RawNowAsync(MeasureGroup group, DateOnly from, DateOnly to)
    {
        _computed.AddOrUpdate(group.Name, 1, (_, n) => n + 1);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().RawAsync(group, from, to, CancellationToken.None);
    }

    private async Task<object> AttributionNowAsync(DateOnly from, DateOnly to)
    {
        _computed.AddOrUpdate(AttributionPart, 1, (_, n) => n + 1);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().AttributionAsync(from, to, CancellationToken.None);
    }

    private async Task<IReadOnlyList<MeasureResult>> ComputeNowAsync(DateOnly from, DateOnly to, IReadOnlyCollection<MeasureDefinition>? measures, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().ComputeAsync(from, to, measures, ct);
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (e.Until <= now || !Unchanged(e)) _entries.TryRemove(key, out _);
        foreach (var (key, _) in _entries.OrderBy(x => x.Value.Until).Take(Math.Max(0, _entries.Count - MaxEntries)))
            _entries.TryRemove(key, out _);
    }
}
