using Haven.Core.Data;
using Haven.Core.Returns.DfeFeed;

namespace Haven.Web.Features.DataFeed;

public static class DataFeedRegistration
{
    /// The DfE feed's settings (Haven:DfeFeed, secrets from the environment) and its daily send,
    /// which does nothing unless Haven:DfeFeed:ScheduledMode is Test or Live.
    public static IServiceCollection AddDfeFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DfeFeedOptions.Section).Get<DfeFeedOptions>() ?? new DfeFeedOptions());
        services.AddHttpClient(DataFeedScheduler.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<DataFeedScheduler>();
        return services;
    }
}

/// The daily changes-only send inside the web app, at Haven:DfeFeed:ScheduledAtUtc. Off unless
/// ScheduledMode is set; even then nothing goes until the endpoint and credentials are configured
/// (it logs which settings are missing, by name only).
public sealed class DataFeedScheduler(IServiceScopeFactory scopes, DfeFeedOptions options, IHttpClientFactory httpClients, TimeProvider clock,
    ILogger<DataFeedScheduler> log) : BackgroundService
{
    public const string HttpClientName = "dfe-feed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ScheduledMode is not ({ } mode and (DfeFeedMode.Test or DfeFeedMode.Live))) return;
        if (options.MissingFor(mode) is { Count: > 0 } missing)
        {
            log.LogWarning("The daily DfE feed is scheduled ({Mode}) but will not send: missing {Settings}.", mode, string.Join(", ", missing));
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = DateOnly.FromDateTime(now).ToDateTime(options.ScheduledAtUtc, DateTimeKind.Utc);
            if (next <= now) next = next.AddDays(1);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
                var result = await DfeFeedRun.RunAsync(db, options, mode, full: false, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                    httpClients.CreateClient(HttpClientName), null, clock, stoppingToken);
                log.LogInformation("DfE feed ({Mode}): {Message}", mode, result.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next day's run tries again; the send record shows what was done before the failure.
                log.LogError(e, "The daily DfE feed failed.");
            }
        }
    }
}
