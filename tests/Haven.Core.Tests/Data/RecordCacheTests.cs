using Haven.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Haven.Core.Tests.Data;

/// RecordCache: an answer is kept until a change that may touch it, the day turns, or its time runs
/// out; an answer read across a change is not kept; the cache stays within its weight.
public sealed class RecordCacheTests
{
    private readonly RecordChanges _changes = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 23, 58, 0, TimeSpan.Zero));

    private RecordCache<int, int[]?> ByChild(int? seconds = null, long maxWeight = 1000, Func<int[]?, long>? weight = null) =>
        new(_changes, _clock, Settings(seconds), "Test:CacheSeconds", child => _changes.LastChangeToChild(child), maxWeight, weight);

    private static IConfiguration Settings(int? seconds) => new ConfigurationBuilder()
        .AddInMemoryCollection(seconds is { } s ? [new("Test:CacheSeconds", s.ToString())] : []).Build();

    private int _reads;

    private int[]? Read(int child) { _reads++; return [child, _reads]; }

    [Fact]
    public void GetOrRead_AskedAgain_AnswersFromMemoryUntilTheChildsRecordChanges()
    {
        var cache = ByChild();
        var first = cache.GetOrRead(7, () => Read(7));
        Assert.Same(first, cache.GetOrRead(7, () => Read(7)));
        Assert.Equal(1, _reads);

        _changes.Changed([typeof(object)], [8], false); // another child's record
        Assert.Same(first, cache.GetOrRead(7, () => Read(7)));

        _changes.Changed([typeof(object)], [7], false);
        Assert.NotSame(first, cache.GetOrRead(7, () => Read(7)));
        Assert.Equal(2, _reads);
        Assert.Equal(2, cache.Reads);
    }

    [Fact]
    public void GetOrRead_AChangeOfUnknownExtentOrToEveryChild_ReadsAgain()
    {
        var cache = ByChild();
        cache.GetOrRead(7, () => Read(7));
        _changes.Changed();
        cache.GetOrRead(7, () => Read(7));
        _changes.Changed([typeof(object)], [], everyChild: true);
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(3, _reads);
    }

    [Fact]
    public void GetOrRead_ASaveWhileTheAnswerIsRead_IsNotKept()
    {
        var cache = ByChild();
        cache.GetOrRead(7, () => { _changes.Changed([typeof(object)], [7], false); return Read(7); });
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public void GetOrRead_TheLifetimeRunsOutOrTheDayTurns_ReadsAgain()
    {
        var cache = ByChild(seconds: 600);
        cache.GetOrRead(7, () => Read(7));
        _clock.Advance(TimeSpan.FromSeconds(60)); // 23:59: same day, within the lifetime
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(1, _reads);
        _clock.Advance(TimeSpan.FromSeconds(120)); // 00:01 the next day
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(2, _reads);
        _clock.Advance(TimeSpan.FromSeconds(601));
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(3, _reads);
    }

    [Fact]
    public void GetOrRead_LifetimeZero_NeverKeeps()
    {
        var cache = ByChild(seconds: 0);
        cache.GetOrRead(7, () => Read(7));
        cache.GetOrRead(7, () => Read(7));
        Assert.Equal(2, _reads);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void GetOrRead_NothingFound_IsNotKept()
    {
        var cache = ByChild();
        cache.GetOrRead(7, () => { _reads++; return null; });
        cache.GetOrRead(7, () => { _reads++; return null; });
        Assert.Equal(2, _reads);
    }

    [Fact]
    public void Set_PastItsWeight_DropsTheOldestDownToHalfAndKeepsTheNewest()
    {
        var cache = ByChild(maxWeight: 100, weight: ids => ids!.Length);
        for (var child = 1; child <= 10; child++)
        {
            cache.GetOrRead(child, () => new int[10]);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(10, cache.Count); // exactly at the weight
        cache.GetOrRead(11, () => new int[10]);
        Assert.InRange(cache.Count, 1, 5);
        var stamp = cache.Now();
        Assert.True(cache.TryGet(11, stamp, out _));
        Assert.False(cache.TryGet(1, stamp, out _));
    }

    [Fact]
    public void Set_PastItsWeight_DropsTheStaleFirst()
    {
        var cache = ByChild(maxWeight: 4);
        foreach (var child in new[] { 1, 2, 3, 4 }) cache.GetOrRead(child, () => Read(child));
        _changes.Changed([typeof(object)], [1, 2], false);
        cache.GetOrRead(5, () => Read(5));
        var stamp = cache.Now();
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet(3, stamp, out _) && cache.TryGet(4, stamp, out _) && cache.TryGet(5, stamp, out _));
    }
}
