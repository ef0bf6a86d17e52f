using Haven.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Core.Returns;

/// Every statutory return's failures for a collection year, validated live from the record (each
/// IReturnValidator in turn), worked out once and shared by everyone who asks until the record
/// changes. Validating a return reads the whole year's record: at 50,000 children the Data quality
/// page took 1.0-1.9 s a view with nobody else on the machine, and each of its filters (a rule, a
/// team, a worker) worked it all out again. What a viewer may see is decided after (the page names
/// only the children the viewer may open), so the key is the year alone.
/// - Live (RecordCache): a failure list is never used after a save through this process to any row
///   that counts (RecordChanges.LastChangeToAnyType: a child's details, a referral, a placement, a
///   team), so putting the record right clears the failure at once. Case notes, the access log and
///   notifications do not count: no return reads them.
/// - Short-lived: kept at most Haven:DataQuality:CacheSeconds (default 60; 0 turns it off), which
///   bounds how long a change written by another process (the CLI, a second web server) goes unseen.
/// - One computation at a time: a manager who opens the page while it is being worked out waits for
///   that computation instead of starting another. It runs in a scope of its own, so a viewer who
///   gives up does not cancel it for the others; one that failed is worked out again by the next.
public sealed class ReturnFailuresCache(IServiceScopeFactory scopes, RecordChanges changes, TimeProvider clock, IConfiguration config)
{
    /// The failures, and when they were worked out from the record.
    public sealed record Found(IReadOnlyList<ReturnFailure> Failures, DateTimeOffset WorkedOutAt);

    private readonly RecordCache<int, Task<Found>> _kept = new(changes, clock, config, "Haven:DataQuality:CacheSeconds",
        _ => changes.LastChangeToAnyType(), maxWeight: 8);

    private int _computed;

    /// How long failures are kept at most (Haven:DataQuality:CacheSeconds; zero: worked out on every view).
    public TimeSpan Lifetime => _kept.Lifetime;

    /// How many times the failures have been worked out since start (for tests).
    public int Computed => Volatile.Read(ref _computed);

    /// The failures of every validated return for the collection year ending in yearEnding: kept, or worked out now.
    public Task<Found> GetAsync(int yearEnding, CancellationToken ct)
    {
        var stamp = _kept.Now();
        if (!_kept.TryGet(yearEnding, stamp, out var found) || found.IsFaulted || found.IsCanceled)
        {
            found = Task.Run(() => ValidateAsync(yearEnding, stamp.Now));
            _kept.Set(yearEnding, stamp, found);
        }
        return found.WaitAsync(ct);
    }

    private async Task<Found> ValidateAsync(int yearEnding, DateTimeOffset at)
    {
        Interlocked.Increment(ref _computed);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var period = ReturnPeriod.CollectionYear(yearEnding);
        var failures = new List<ReturnFailure>();
        foreach (var validator in scope.ServiceProvider.GetServices<IReturnValidator>())
            failures.AddRange(await validator.ValidateAsync(db, period, CancellationToken.None));
        return new Found(failures, at);
    }

    /// Forgets every entry.
    public void Clear() => _kept.Clear();
}
