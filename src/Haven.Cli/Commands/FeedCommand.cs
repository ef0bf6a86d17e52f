using System.CommandLine;
using System.Globalization;
using Haven.Core.Data;
using Haven.Core.Returns.DfeFeed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `feed dfe --dry-run --out DIR` | `feed dfe --send [--live]` | `feed dfe --full …`: the DfE's daily
/// children's social care feed. Changes only by default; --full sends every child in scope. Sending
/// goes to the test endpoint unless --live; nothing leaves Haven unless Haven:DfeFeed (environment:
/// Haven__DfeFeed__LaCode, __TestBaseUrl, __LiveBaseUrl, __TokenUrl, __ClientId, __ClientSecret,
/// __Scope, __SupplierKey) is complete.
public static class FeedCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the exact batches as JSON files into --out; send nothing" };
        var folder = new Option<string?>("--out") { Description = "The folder for a dry run's batch files" };
        var send = new Option<bool>("--send") { Description = "Send to the DfE (the test endpoint unless --live)" };
        var full = new Option<bool>("--full") { Description = "Every child in scope, not only those changed since the last accepted send (implies --send without --dry-run)" };
        var live = new Option<bool>("--live") { Description = "Send to the live endpoint instead of the test one" };
        var today = new Option<string?>("--today") { Description = "The day the feed is built as at (YYYY-MM-DD; default today)" };
        var dfe = new Command("dfe", "The DfE children's social care daily data feed") { dryRun, folder, send, full, live, today };
        dfe.SetAction(async (parse, ct) =>
        {
            var isDry = parse.GetValue(dryRun);
            var isFull = parse.GetValue(full);
            var isSend = parse.GetValue(send) || (isFull && !isDry);
            if (isDry == isSend)
            {
                await error.WriteLineAsync("Choose one: --dry-run --out DIR (write the batches) or --send (send to the DfE); add --full for every child in scope.");
                return 2;
            }
            if (isDry && string.IsNullOrWhiteSpace(parse.GetValue(folder)))
            {
                await error.WriteLineAsync("A dry run needs --out DIR: the folder to write the batches into.");
                return 2;
            }
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(today) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await error.WriteLineAsync("--today must be a date written YYYY-MM-DD, for example 2026-03-31.");
                return 2;
            }
            var mode = isDry ? DfeFeedMode.DryRun : parse.GetValue(live) ? DfeFeedMode.Live : DfeFeedMode.Test;

            await using var services = CliHost.Build(parse);
            var options = services.GetRequiredService<IConfiguration>().GetSection(DfeFeedOptions.Section).Get<DfeFeedOptions>() ?? new DfeFeedOptions();
            if (mode != DfeFeedMode.DryRun && options.MissingFor(mode) is { Count: > 0 } missing)
            {
                await error.WriteLineAsync($"Nothing was sent: the DfE feed is not configured for {mode} sending. Missing: {string.Join(", ", missing)}. "
                    + "Set them in the environment (e.g. Haven__DfeFeed__ClientSecret), never in the database.");
                return 1;
            }
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            // Sends and their purges (with the local change behind each) go into the access log as the person at the command line.
            var audit = new DfeFeedAudit(services.GetRequiredService<Haven.Core.Access.AccessLog>(), $"cli:{Environment.UserName}");
            var result = await DfeFeedRun.RunAsync(db, options, mode, isFull, day, http, parse.GetValue(folder), TimeProvider.System, ct, audit: audit);
            await output.WriteLineAsync($"{result.Message} In scope: {result.InScope}; in this run: {result.Children} (purges {result.Purges}, not valid {result.Invalid}).");
            foreach (var file in result.Files) await output.WriteLineAsync(file);
            return result.Failed > 0 || result.Invalid > 0 ? 1 : 0;
        });
        var feed = new Command("feed", "Data feeds to other bodies") { dfe };
        return feed;
    }
}
