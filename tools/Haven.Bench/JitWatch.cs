using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Haven.Bench;

/// The server's time spent compiling (the runtime counter "time-in-jit"), read through an EventPipe
/// session on its diagnostics port, once a second.
public sealed class JitWatch : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Lock _gate = new();
    private double _milliseconds;

    public JitWatch(int processId)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        _session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                || outer["Payload"] is not IDictionary<string, object> payload || payload["Name"] as string != "time-in-jit") return;
            // An incrementing counter: the milliseconds compiled since the last report.
            var increment = Convert.ToDouble(payload["Increment"], System.Globalization.CultureInfo.InvariantCulture);
            lock (_gate) _milliseconds += increment;
        };
        _reading = Task.Run(() => source.Process());
    }

    /// The compiling reported so far (up to a second behind).
    public TimeSpan Total
    {
        get { lock (_gate) return TimeSpan.FromMilliseconds(_milliseconds); }
    }

    public void Dispose()
    {
        try { _session.Stop(); } catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException) { }
        _session.Dispose();
    }
}
