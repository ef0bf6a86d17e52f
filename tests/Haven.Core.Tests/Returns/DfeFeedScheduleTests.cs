using System.Collections.Concurrent;
using Haven.Core.Data;
using Haven.Core.Returns.DfeFeed;
using Haven.Core.Tests.Synthetic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Haven.Core.Tests.Returns;

/// The daily send on a fake clock against the loopback receiver: off unless configured, once a day
/// at the configured time, and a failed send recorded and carried to the next day.
public sealed class DfeFeedScheduleTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 31, 1, 0, 0, TimeSpan.Zero));
    private readonly CollectingLog _log = new();
    private FakeDfeReceiver _dfe = null!;

    public async Task InitializeAsync()
    {
        _dfe = await FakeDfeReceiver.StartAsync();
        await using var db = _database.Open();
        await DfeFeedTests.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _dfe.DisposeAsync();
        _database.Dispose();
    }

    /// Collects what the schedule logs, so the test knows when it is waiting for the clock.
    private sealed class CollectingLog : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        public async Task WaitForAsync(string text, int count)
        {
            for (var i = 0; i < 600 && Lines.Count(l => l.Contains(text, StringComparison.Ordinal)) < count; i++) await Task.Delay(50);
            Assert.True(Lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count, $"waited for \"{text}\" ×{count}: {string.Join(" | ", Lines)}");
        }
    }

    private Task StartAsync(DfeFeedOptions options, HttpClient http, CancellationToken stop) =>
        DfeFeedSchedule.RunAsync(options, async (mode, today, ct) =>
        {
            await using var db = _database.Open();
            return await DfeFeedRun.RunAsync(db, options, mode, full: false, today, http, null, _clock, ct);
        }, _clock, _log, stop);

    private async Task<List<DfeFeedSend>> SendsAsync()
    {
        await using var db = _database.Open();
        return await db.DfeFeedSends.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task Schedule_NotConfigured_StopsAtOnceAndSendsNothing()
    {
        var off = _dfe.Options();
        await StartAsync(off, new HttpClient(), default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(_log.Lines, l => l.Contains("is off", StringComparison.Ordinal));

        var noSecret = _dfe.Options();
        noSecret.ScheduledMode = DfeFeedMode.Test;
        noSecret.ClientSecret = null;
        await StartAsync(noSecret, new HttpClient(), default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Haven:DfeFeed:ClientSecret", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, l => l.Contains("s3cret", StringComparison.Ordinal));

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(_dfe.Received);
        Assert.Empty(await SendsAsync());
    }

    [Fact]
    public async Task Schedule_Configured_SendsOnceADayAtTheTimeAndAFailedSendGoesAgainNextDay()
    {
        var options = _dfe.Options();
        options.ScheduledMode = DfeFeedMode.Test;
        options.ScheduledAtUtc = new TimeOnly(2, 0);
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        _dfe.Next.Enqueue(400); // the first day's batch is refused
        var loop = StartAsync(options, http, stop.Token);

        await _log.WaitForAsync("is at 2026-03-31 02:00", 1);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.Empty(_dfe.Received);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _log.WaitForAsync("is at 2026-04-01 02:00", 1);
        var first = Assert.Single(await SendsAsync());
        Assert.Equal(new DateTime(2026, 3, 31, 2, 0, 0, DateTimeKind.Utc), first.StartedAt);
        Assert.Equal((3, 0, 3), (first.Children, first.Accepted, first.Failed));
        await using (var db = _database.Open())
            Assert.All(await db.DfeFeedSubmissions.ToListAsync(), s => Assert.Equal(DfeSubmissionStatus.Error, s.Status));

        _clock.Advance(TimeSpan.FromHours(23));
        await Task.Delay(200);
        Assert.Single(await SendsAsync());

        _clock.Advance(TimeSpan.FromHours(1));
        await _log.WaitForAsync("is at 2026-04-02 02:00", 1);
        var sends = await SendsAsync();
        Assert.Equal(2, sends.Count);
        Assert.Equal(new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc), sends[1].StartedAt);
        Assert.Equal((3, 3, 0), (sends[1].Children, sends[1].Accepted, sends[1].Failed));
        Assert.Equal([400, 200], _dfe.Received.Select(r => r.Status));

        stop.Cancel();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
