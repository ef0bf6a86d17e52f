using Haven.Bench;

namespace Haven.Core.Tests.Bench;

public sealed class WrkTests
{
    private const string Report = """
        Running 10s test @ http://127.0.0.1:5099/children/12
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    12.31ms    4.02ms  88.10ms   91.20%
            Req/Sec     1.31k   120.50     1.52k    70.00%
          Latency Distribution
             50%   11.50ms
             75%   13.20ms
             90%  950.00us
             99%    1.20s
          26140 requests in 10.01s, 310.22MB read
          Socket errors: connect 0, read 2, write 0, timeout 3
          Non-2xx or 3xx responses: 7
        Requests/sec:   2611.39
        Transfer/sec:     30.99MB
        """;

    [Fact]
    public void Parse_WrkLatencyReport_ReadsPercentilesInMillisecondsAndCountsErrors()
    {
        var r = Wrk.Parse(Report);

        Assert.Equal(11.5, r.P50);
        Assert.Equal(0.95, r.P90, 3);
        Assert.Equal(1200, r.P99);
        Assert.Equal(2611.39, r.RequestsPerSecond);
        Assert.Equal(26140, r.Requests);
        Assert.Equal(12, r.Errors);
    }

    [Fact]
    public void Parse_CleanRun_HasNoErrors()
    {
        var clean = string.Join('\n', Report.Split('\n').Where(l => !l.Contains("errors") && !l.Contains("Non-2xx")));

        Assert.Equal(0, Wrk.Parse(clean).Errors);
    }
}
