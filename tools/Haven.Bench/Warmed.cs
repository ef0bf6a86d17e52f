namespace Haven.Bench;

/// How long a scenario was loaded before it was measured, and the server's CPU per request in the
/// first and last rounds of that warm-up.
public sealed record Warmed(double Seconds, double First, double Last, double JitSecondsLast)
{
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(3);

    /// Loads the page in rounds of 3 s until the server has stopped compiling (less than 2% of a
    /// round spent in the JIT, watched through the runtime's own counters) and its CPU per request has
    /// stopped falling, after at least two rounds, or until most. .NET first runs a method quickly compiled, then, once it is called often,
    /// compiles it again optimised from what it saw, on a background thread that shares the machine's
    /// cores with the requests: at 50,000 children a search cost 10-12 ms of CPU after 2 s of load, and
    /// 4-5 ms once the JIT had gone quiet, after about 25 s (1-2.7 s of every 3 spent compiling until then).
    public static async Task<Warmed> UntilSteadyAsync(HavenServer server, Func<TimeSpan, Task<LoadResult>> load, TimeSpan most)
    {
        var started = DateTime.UtcNow;
        double first = double.NaN, last = double.NaN, jit = double.NaN;
        for (var round = 1; ; round++)
        {
            var previous = last;
            var cpu = server.ProcessorTime;
            var jitBefore = server.JitTime;
            var r = await load(Round);
            last = (server.ProcessorTime - cpu).TotalMilliseconds / Math.Max(1, r.Requests);
            if (round == 1) first = last;
            // Without the counters, the whole of `most`.
            jit = server.JitTime is { } after && jitBefore is { } before ? (after - before).TotalSeconds : double.NaN;
            var elapsed = DateTime.UtcNow - started;
            // Settled: the JIT quiet and the CPU per request no longer falling (within 10% of the round
            // before): at 3,000 children the summary's JIT went quiet at 5.5 ms a request, which fell to 2.8.
            if ((round >= 2 && jit < 0.02 * Round.TotalSeconds && last >= 0.9 * previous) || elapsed >= most)
                return new Warmed(elapsed.TotalSeconds, first, last, jit);
        }
    }
}
