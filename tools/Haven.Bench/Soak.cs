using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Haven.Core.Data;

namespace Haven.Bench;

/// The soak (docs/soak.md): a mix of reads and writes against one Haven process on loopback for a
/// bounded time, counting every error and sampling the server's memory, to show that nothing
/// fails and nothing grows under sustained use. `scripts/soak` is the way in.
public static class Soak
{
    public static Command Create()
    {
        var children = new Option<int>("--children") { Description = "Size of the borough", DefaultValueFactory = _ => 300 };
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite" };
        var minutes = new Option<double>("--minutes") { Description = "How long to keep the load on", DefaultValueFactory = _ => 5 };
        var users = new Option<int>("--users") { Description = "Concurrent simulated users", DefaultValueFactory = _ => 8 };
        var writeShare = new Option<int>("--writes") { Description = "Percentage of requests that write", DefaultValueFactory = _ => 25 };
        var connection = new Option<string?>("--connection")
        {
            Description = "Connection string of a borough to soak (a copy: the soak writes to it); by default the benchmark's borough of --children",
        };
        var outDir = new Option<string>("--out") { DefaultValueFactory = _ => "artifacts/bench" };
        var web = new Option<string>("--web") { Description = "Path to the built Haven.Web.dll", Required = true };
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5098 };
        var command = new Command("soak", "Sustained mixed load for a bounded time: errors, latency and server memory growth")
        {
            children, provider, connection, minutes, users, writeShare, outDir, web, port,
        };
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(children), parse.GetValue(provider)!.ToLowerInvariant(), parse.GetValue(connection),
            TimeSpan.FromMinutes(parse.GetValue(minutes)), parse.GetValue(users), parse.GetValue(writeShare), Path.GetFullPath(parse.GetValue(outDir)!),
            Path.GetFullPath(parse.GetValue(web)!), parse.GetValue(port), ct));
        return command;
    }

    private sealed record Step(string Name, bool Writes, Func<HttpClient, Task<HttpResponseMessage>> Send, int[] Expected);

    private static async Task<int> RunAsync(int n, string prov, string? connection, TimeSpan duration, int userCount, int writePercent, string outPath, string webDll, int port, CancellationToken ct)
    {
        Directory.CreateDirectory(outPath);
        var cs = connection ?? (prov == "postgres"
            ? $"Host=127.0.0.1;Port=55432;Username=haven;Password=haven;Database=haven_bench_{n}"
            : $"Data Source={Path.Combine(outPath, $"haven-{n}.db")}");
        var settings = new DatabaseSettings(prov == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, cs);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var log = Console.Out;
        log.WriteLine($"== Borough of {n:N0} children on {prov}");
        var borough = new Borough(settings, outPath);
        // The soak names its borough by size alone (haven-N.db), so it keeps the generator's default years.
        await borough.EnsureAsync(n, new Haven.Core.Synthetic.BoroughOptions().Years, Borough.DefaultAccessLog(n), 1, today, log, ct);
        log.WriteLine("== Starting Haven");
        await using var server = await HavenServer.StartAsync(webDll, prov, cs, port, ct, borough.ServerSettings);
        var targets = await borough.PickTargetsAsync(today, ct);
        var cookie = await Session.SignInAsync(server.BaseUrl, "demo.socialworker", HavenServer.DemoPassword, ct);
        var notesBefore = await borough.CountAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CaseNotes));

        HttpClient Client(bool api)
        {
            var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
            if (api) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", targets.ApiToken);
            else http.DefaultRequestHeaders.Add("Cookie", cookie);
            return http;
        }

        var written = 0;
        var replayed = 0;
        object NoteBody(Guid submission) => new
        {
            type = "PhoneCall", eventAt = today.AddDays(-1).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            subject = "Soak call", body = "Spoke to the child's mother about the plan; written by the soak.", submissionId = submission,
        };
        var reads = new List<Step>
        {
            new("about", false, h => h.GetAsync("/about", ct), [200]),
            new("my-work", false, h => h.GetAsync("/", ct), [200]),
            new("search", false, h => h.GetAsync("/children?q=" + Uri.EscapeDataString(targets.SearchTerm), ct), [200]),
            new("summary", false, h => h.GetAsync($"/children/{targets.SummaryChildId}", ct), [200]),
            new("chronology", false, h => h.GetAsync($"/children/{targets.ChronologyChildId}/chronology", ct), [200]),
            new("api-child", false, h => h.GetAsync($"/api/v1/children/{targets.SummaryChildId}", ct), [200]),
            new("api-notes", false, h => h.GetAsync($"/api/v1/children/{targets.SummaryChildId}/notes", ct), [200]),
        };
        var writes = new List<Step>
        {
            new("add-note", true, async h =>
            {
                var r = await h.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", NoteBody(Guid.NewGuid()), ct);
                if (r.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref written);
                return r;
            }, [201]),
            // The same submission twice (a double click, a retried request): the second must not add a note.
            new("add-note-twice", true, async h =>
            {
                var id = Guid.NewGuid();
                var first = await h.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", NoteBody(id), ct);
                if (first.StatusCode != HttpStatusCode.Created) return first;
                Interlocked.Increment(ref written);
                Interlocked.Increment(ref replayed);
                return await h.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", NoteBody(id), ct);
            }, [200, 201]),
            new("bad-note", true, h => h.PostAsJsonAsync($"/api/v1/children/{targets.SummaryChildId}/notes", new { type = "NotAType", subject = new string('x', 5000) }, ct), [400]),
        };

        // Warm up (JIT, caches, connection pools), then take the starting memory.
        using (var warm = Client(false))
        using (var warmApi = Client(true))
            for (var i = 0; i < 3; i++)
                foreach (var s in reads) await s.Send(s.Name.StartsWith("api") ? warmApi : warm);
        var startRss = server.CurrentMemoryMiB();
        var load0 = LoadAverage();
        log.WriteLine($"== Soaking for {duration.TotalMinutes:0.#} min with {userCount} users, {writePercent}% writes; server memory {startRss:0} MiB; load average {load0}");

        var latencies = new List<double>[userCount];
        var errors = new List<string>();
        var perStep = new Dictionary<string, int>();
        var samples = new List<(double Seconds, double MiB)> { (0, startRss) };
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(30), stop.Token); } catch (OperationCanceledException) { break; }
                var mib = server.CurrentMemoryMiB();
                lock (samples) samples.Add((clock.Elapsed.TotalSeconds, mib));
                log.WriteLine($"  {clock.Elapsed:mm\\:ss}  server memory {mib:0} MiB");
            }
        });
        var workers = Enumerable.Range(0, userCount).Select(u => Task.Run(async () =>
        {
            var random = new Random(u + 1);
            using var web = Client(false);
            using var api = Client(true);
            var mine = latencies[u] = [];
            while (!stop.IsCancellationRequested)
            {
                var step = random.Next(100) < writePercent ? writes[random.Next(writes.Count)] : reads[random.Next(reads.Count)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await step.Send(step.Writes || step.Name.StartsWith("api") ? api : web);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    mine.Add(ms);
                    lock (perStep) perStep[step.Name] = perStep.GetValueOrDefault(step.Name) + 1;
                    if (!step.Expected.Contains((int)response.StatusCode))
                        lock (errors) errors.Add($"{step.Name}: {(int)response.StatusCode}");
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                catch (Exception e)
                {
                    lock (errors) errors.Add($"{step.Name}: {e.GetType().Name} {e.Message}");
                }
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        await sampler;
        var elapsed = clock.Elapsed;
        // Let the server settle (no load) before the last reading, so growth is what stays, not what is in flight.
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var endRss = server.CurrentMemoryMiB();
        var peak = server.PeakMemoryMiB();
        var load1 = LoadAverage();
        var notesAfter = await borough.CountAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CaseNotes));
        if (notesAfter - notesBefore != written)
            errors.Add($"notes: {written} acknowledged as created, {notesAfter - notesBefore} in the database (the {replayed} replays must add none)");

        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToList();
        double P(double q) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        // Growth: the later half's average against the earlier half's, so one sample's noise does not decide.
        var half = samples.Count / 2;
        var early = samples.Take(Math.Max(1, half)).Average(s => s.MiB);
        var late = samples.Skip(half).Average(s => s.MiB);
        var report = new StringBuilder();
        report.AppendLine($"Haven soak: {n:N0} children, {prov}, {userCount} users, {writePercent}% writes, {elapsed.TotalMinutes:0.0} min, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine($"Load average before: {load0}; after: {load1}");
        report.AppendLine($"Requests: {all.Count:N0} ({all.Count / elapsed.TotalSeconds:0.0}/s); errors: {errors.Count}");
        report.AppendLine($"Latency ms: p50 {P(0.50):0.0}, p95 {P(0.95):0.0}, p99 {P(0.99):0.0}, max {(all.Count > 0 ? all[^1] : double.NaN):0.0}");
        report.AppendLine($"By step: {string.Join(", ", perStep.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:N0}"))}");
        report.AppendLine($"Notes written: {written:N0} (of which {replayed:N0} sent twice; database grew by {notesAfter - notesBefore:N0})");
        report.AppendLine($"Server memory (RSS) MiB: start {startRss:0}, end {endRss:0} (growth {endRss - startRss:+0;-0}), peak {peak:0}; first half average {early:0}, second half {late:0}");
        foreach (var group in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(20))
            report.AppendLine($"  error x{group.Count()}: {group.Key}");
        log.WriteLine();
        log.Write(report);
        var file = Path.Combine(outPath, $"soak-{n}-{prov}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            children = n, provider = prov, users = userCount, writePercent, seconds = elapsed.TotalSeconds, requests = all.Count, errors = errors.Count,
            p50 = P(0.5), p95 = P(0.95), p99 = P(0.99), startMiB = startRss, endMiB = endRss, peakMiB = peak, loadBefore = load0, loadAfter = load1,
            memory = samples.Select(s => new { s.Seconds, s.MiB }),
        }, new JsonSerializerOptions { WriteIndented = true }), ct);
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".md"), report.ToString(), ct);
        log.WriteLine($"Written {file}");
        return errors.Count > 0 ? 1 : 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
