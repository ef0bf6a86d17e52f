using Microsoft.Extensions.Logging;

namespace Haven.Core.Returns.DfeFeed;

/// The daily changes-only send (the web app's DataFeedScheduler runs it): off unless
/// Haven:DfeFeed:ScheduledMode is Test or Live and that mode is fully configured; then once a day at
/// ScheduledAtUtc. A send that fails (the DfE refused a batch, the endpoint was down past the
/// retries, the run threw) is recorded against the children and the send, and those children go
/// again with the next day's send, because only an accepted payload stops a child being sent. Two
/// sends never overlap (DfeFeedRun refuses the second and records it). A day missed while the app
/// was down is not caught up: the next send goes at the next scheduled time and carries every
/// change since the last accepted one.
public static class DfeFeedSchedule
{
    /// The first scheduled time strictly after now.
    public static DateTime NextAfter(DateTime nowUtc, TimeOnly at)
    {
        var next = DateOnly.FromDateTime(nowUtc).ToDateTime(at, DateTimeKind.Utc);
        return next <= nowUtc ? next.AddDays(1) : next;
    }

    /// Runs until stopped; send performs one changes-only send in the given mode for the given day.
    public static async Task RunAsync(DfeFeedOptions options, Func<DfeFeedMode, DateOnly, CancellationToken, Task<DfeFeedResult>> send,
        TimeProvider clock, ILogger log, CancellationToken stoppingToken)
    {
        if (options.ScheduledMode is not ({ } mode and (DfeFeedMode.Test or DfeFeedMode.Live)))
        {
            log.LogInformation("The daily DfE feed is off (Haven:DfeFeed:ScheduledMode is not Test or Live).");
            return;
        }
        if (options.MissingFor(mode) is { Count: > 0 } missing)
        {
            log.LogWarning("The daily DfE feed is scheduled ({Mode}) but will not send: missing {Settings}.", mode, string.Join(", ", missing));
            return;
        }
        var last = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Strictly after the last scheduled time too, so a timer that fires a hair early cannot send twice.
            var next = NextAfter(now > last ? now : last, options.ScheduledAtUtc);
            last = next;
            try
            {
                log.LogInformation("The next daily DfE feed send ({Mode}) is at {Next:yyyy-MM-dd HH:mm} UTC.", mode, next);
                await Task.Delay(next > now ? next - now : TimeSpan.Zero, clock, stoppingToken);
                var result = await send(mode, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), stoppingToken);
                log.LogInformation("DfE feed ({Mode}): {Message}", mode, result.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The send record says how it ended; the next day's send carries what did not go.
                log.LogError(e, "The daily DfE feed failed; it goes again at the next scheduled time.");
            }
        }
    }
}
