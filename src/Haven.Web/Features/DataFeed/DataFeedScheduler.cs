using Haven.Core.Access;
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

/// The daily changes-only send inside the web app; the schedule itself (off unless configured, once
/// a day at ScheduledAtUtc, failures carried to the next day) is DfeFeedSchedule in Core, tested there.
public sealed class DataFeedScheduler(IServiceScopeFactory scopes, DfeFeedOptions options, IHttpClientFactory httpClients, TimeProvider clock,
    AccessLog accessLog, ILogger<DataFeedScheduler> log) : BackgroundService
{
    public const string HttpClientName = "dfe-feed";
    public const string AuditUserName = "system:dfe-feed";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DfeFeedSchedule.RunAsync(options, async (mode, today, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            return await DfeFeedRun.RunAsync(db, options, mode, full: false, today, httpClients.CreateClient(HttpClientName), null, clock, ct,
                audit: new DfeFeedAudit(accessLog, AuditUserName));
        }, clock, log, stoppingToken);
}
