using System.Collections.Concurrent;
using Haven.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Core.Performance;

/// The dashboard's figures for a period, worked out once and shared by everyone who asks for the
/// same period and measures until the record changes. The figures never name anyone and are the
/// same for every viewer (what a viewer may open is decided when children are listed), so the key
/// is the period and the measures only.
/// - Live: an entry is dropped as soon as any change to the record is saved through this process
///   (RecordChanges), so a figure is never stale after a save.
/// - Short-lived: an entry is kept at most Haven:Performance:CacheSeconds (default 60; 0 turns the
///   cache off), which bounds how long a change made by another process (the CLI, a second web
///   server, a replica catching up) can go unseen. When only the time has run out, the old figures
///   are answered while the new ones are worked out.
/// - One computation per key at a time: the 32nd manager to open the dashboard at 9am waits for
///   the first one's figures instead of starting a 32nd computation.
public sealed class PerformanceCache(IServiceScopeFactory scopes, RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    private const int MaxEntries = 64;

    private sealed record Key(DateOnly From, DateOnly To, string Measures);

    /// Meanwhile: the figures of the entry this one refreshes after its time ran out, with no
    /// change saved since; answered while the new ones are worked out.
    private sealed record Entry(long Generation, DateTimeOffset Until, Lazy<Task<IReadOnlyList<MeasureResult>>> Figures, IReadOnlyList<MeasureResult>? Meanwhile = null);

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>("Haven:Performance:CacheSeconds") ?? 60));

    /// The figures of PerformanceFigures.ComputeAsync, from the cache when they are still current.
    public async Task<IReadOnlyList<MeasureResult>> ComputeAsync(DateOnly from, DateOnly to, IReadOnlyCollection<MeasureDefinition>? measures = null, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        var lifetime = Lifetime;
        if (lifetime == TimeSpan.Zero) return await ComputeNowAsync(from, to, measures, ct);
        var key = new Key(from, to, measures is null ? "*" : string.Join(',', measures.Select(m => m.Id)));
        // The generation is read before the figures are worked out: a change saved while they are
        // moves it on, so that entry is not used by anyone who asks after the change.
        var generation = changes.Generation;
        var now = clock.GetUtcNow();
        // A measure's own page after the dashboard: take it from the dashboard's figures.
        if (measures is not null && _entries.TryGetValue(key with { Measures = "*" }, out var all) && Current(all, generation, now)
            && all.Figures.Value is { IsCompletedSuccessfully: true } done)
            return measures.Select(m => done.Result.First(r => r.Measure == m)).ToList();
        var entry = _entries.AddOrUpdate(key,
            _ => New(generation, now + lifetime, from, to, measures),
            (_, old) => Current(old, generation, now) ? old
                // Only the time ran out (no change saved since): refresh, answering from the old
                // figures until the new ones are ready, so viewers do not all wait once a minute.
                : old.Generation >= generation && Done(old) is { } previous ? New(generation, now + lifetime, from, to, measures) with { Meanwhile = previous }
                : New(generation, now + lifetime, from, to, measures));
        if (_entries.Count > MaxEntries) Trim(now);
        var figures = entry.Figures.Value;
        if (!figures.IsCompleted && entry.Meanwhile is { } meanwhile) return meanwhile;
        return await figures.WaitAsync(ct);
    }

    private static IReadOnlyList<MeasureResult>? Done(Entry e) =>
        e.Figures.IsValueCreated && e.Figures.Value.IsCompletedSuccessfully ? e.Figures.Value.Result : null;

    /// Forgets every entry (for tests and after a bulk load).
    public void Clear() => _entries.Clear();

    private static bool Current(Entry e, long generation, DateTimeOffset now) => e.Generation >= generation && e.Until > now && !Failed(e);

    private static bool Failed(Entry e) => e.Figures.IsValueCreated && (e.Figures.Value.IsFaulted || e.Figures.Value.IsCanceled);

    private Entry New(long generation, DateTimeOffset until, DateOnly from, DateOnly to, IReadOnlyCollection<MeasureDefinition>? measures) =>
        new(generation, until, new Lazy<Task<IReadOnlyList<MeasureResult>>>(() => ComputeNowAsync(from, to, measures, CancellationToken.None)));

    /// In a scope of its own, so that a request that gives up does not cancel the others waiting.
    private async Task<IReadOnlyList<MeasureResult>> ComputeNowAsync(DateOnly from, DateOnly to, IReadOnlyCollection<MeasureDefinition>? measures, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().ComputeAsync(from, to, measures, ct);
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (e.Until <= now || e.Generation != changes.Generation) _entries.TryRemove(key, out _);
        foreach (var (key, _) in _entries.OrderBy(x => x.Value.Until).Take(Math.Max(0, _entries.Count - MaxEntries)))
            _entries.TryRemove(key, out _);
    }
}
