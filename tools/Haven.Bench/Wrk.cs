using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Haven.Bench;

/// One wrk run's figures. Latencies in milliseconds.
public sealed record LoadResult(double P50, double P90, double P99, double RequestsPerSecond, long Requests, long Errors);

/// Runs wrk (a C load generator, installed by scripts/bench) against one URL and reads its
/// --latency report. Non-2xx/3xx responses and socket errors both count as errors.
public static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(string url, int connections, int threads, TimeSpan duration,
        IReadOnlyDictionary<string, string> headers, string? luaScript, CancellationToken ct)
    {
        var args = new List<string> { "-t", threads.ToString(), "-c", connections.ToString(), "-d", $"{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s" };
        foreach (var (name, value) in headers) { args.Add("-H"); args.Add($"{name}: {value}"); }
        if (luaScript is not null) { args.Add("-s"); args.Add(luaScript); }
        args.Add(url);

        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("wrk did not start: is it installed (scripts/bench installs it)?");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
        return Parse(output);
    }

    public static LoadResult Parse(string output)
    {
        double Percentile(string p) => LatencyLine().Matches(output).Where(m => m.Groups[1].Value == p)
            .Select(m => ToMilliseconds(m.Groups[2].Value, m.Groups[3].Value)).DefaultIfEmpty(double.NaN).First();
        var requests = RequestsLine().Match(output) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var rps = RateLine().Match(output) is { Success: true } s ? double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        long errors = 0;
        if (Non2xx().Match(output) is { Success: true } n) errors += long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture);
        if (SocketErrors().Match(output) is { Success: true } e)
            errors += e.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        return new LoadResult(Percentile("50%"), Percentile("90%"), Percentile("99%"), rps, requests, errors);
    }

    private static double ToMilliseconds(string number, string unit)
    {
        var v = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, "m" => v * 60_000, _ => v };
    }

    [GeneratedRegex(@"^\s+(50%|75%|90%|99%)\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();
    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();
    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
