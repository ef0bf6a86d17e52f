using System.Diagnostics;
using Haven.Core.Data;
using Haven.Core.Returns;
using Haven.Core.Returns.AnnexA;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Cin.Rules;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Returns.Ssda903.Rules;
using Microsoft.EntityFrameworkCore;

namespace Haven.Bench;

/// One statutory return's figures: producing its files from the database (as `returns …` does),
/// validating those files (as `validate …` does), and validating live from the record (as the Data
/// quality page does). Queries are the database commands each step sent: a figure that does not
/// move with the machine's load, and grows with the borough only if a step queries per child.
public sealed record ReturnTiming(string Name, string Title, string Period, double ProduceSeconds, int ProduceQueries,
    double? ValidateSeconds, double? LiveSeconds, int? LiveQueries, int Errors, int Queries, string Size)
{
    public double TotalSeconds => ProduceSeconds + (ValidateSeconds ?? 0);
}

/// Times the three statutory returns with the same producers and validators the CLI and the web app
/// register (AddStatutoryReturns), in the benchmark's own process, before the server is loaded.
public sealed class ReturnsBench(DatabaseSettings settings)
{
    private (HavenDbContext Db, QueryCounter Counter) Open()
    {
        // HAVEN_BENCH_QUERY_LOG=1: each query's time and rows on the log (docs/benchmark.md).
        var counter = new QueryCounter { Log = Environment.GetEnvironmentVariable("HAVEN_BENCH_QUERY_LOG") is "1" ? Console.Out : null };
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        options.AddInterceptors(counter);
        return (new HavenDbContext(options.Options), counter);
    }

    private async Task<(T Value, double Seconds, int Queries)> Measure<T>(Func<HavenDbContext, Task<T>> step)
    {
        var (db, counter) = Open();
        await using (db)
        {
            var clock = Stopwatch.StartNew();
            var value = await step(db);
            return (value, clock.Elapsed.TotalSeconds, counter.Count);
        }
    }

    public async Task<IReadOnlyList<ReturnTiming>> RunAsync(DateOnly today, string folder, TextWriter log, CancellationToken ct)
    {
        // The latest complete collection year (what a council submits after 31 March), and Annex A as at today.
        var year = ReturnPeriod.CollectionYearOf(today) - 1;
        var period = ReturnPeriod.CollectionYear(year);
        var results = new List<ReturnTiming>();

        var cinDir = Path.Combine(folder, "cin");
        var cin = await Measure(db => new CinCensusProducer().WriteAsync(db, period, cinDir, ct));
        var clock = Stopwatch.StartNew();
        var (schema, cinFailures) = CinCensusValidator.ValidateFolder(cinDir);
        var cinValidate = clock.Elapsed.TotalSeconds;
        var cinLive = await Measure(db => new CinCensusValidator().ValidateAsync(db, period, ct));
        var cinChildren = CinCensusXml.Read(File.OpenRead(cin.Value[0])).Children.Count;
        results.Add(new ReturnTiming("cin", "CIN census", $"{year - 1}-{year % 100:00}", cin.Seconds, cin.Queries, cinValidate,
            cinLive.Seconds, cinLive.Queries, schema.Count + cinFailures.Count(f => !CinRules.IsQuery(f.RuleCode)),
            cinFailures.Count(f => CinRules.IsQuery(f.RuleCode)), $"{cinChildren:N0} children"));
        log.WriteLine($"  CIN census  produce {cin.Seconds:0.00} s ({cin.Queries} queries)  validate {cinValidate:0.00} s  live {cinLive.Seconds:0.00} s ({cinLive.Queries} queries)");

        var ssdaDir = Path.Combine(folder, "903");
        var ssda = await Measure(db => new Ssda903Producer().WriteAsync(db, period, ssdaDir, ct));
        clock.Restart();
        var data = Ssda903Files.Read(ssdaDir, year);
        var ssdaFailures = Ssda903Rules.Run(data);
        var ssdaValidate = clock.Elapsed.TotalSeconds;
        var ssdaLive = await Measure(db => new Ssda903Producer().ValidateAsync(db, period, ct));
        results.Add(new ReturnTiming("ssda903", "SSDA903", $"{year - 1}-{year % 100:00}", ssda.Seconds, ssda.Queries, ssdaValidate,
            ssdaLive.Seconds, ssdaLive.Queries, ssdaFailures.Count, 0, $"{data.Header.Count:N0} children, {data.Episodes.Count:N0} episodes"));
        log.WriteLine($"  SSDA903     produce {ssda.Seconds:0.00} s ({ssda.Queries} queries)  validate {ssdaValidate:0.00} s  live {ssdaLive.Seconds:0.00} s ({ssdaLive.Queries} queries)");

        // Annex A has no DfE validation rules: the workbook is the product, so only its production is timed.
        var window = AnnexAReturn.WindowEnding(today);
        var annex = await Measure(async db => await AnnexAReturn.BuildAsync(db, window, ct));
        clock.Restart();
        var annexDir = Path.Combine(folder, "annex-a");
        Directory.CreateDirectory(annexDir);
        AnnexAWorkbook.Write(Path.Combine(annexDir, AnnexAReturn.FileName), annex.Value);
        var written = annex.Seconds + clock.Elapsed.TotalSeconds;
        results.Add(new ReturnTiming("annex-a", "Ofsted Annex A", $"as at {today:yyyy-MM-dd}", written, annex.Queries, null, null, null, 0, 0,
            $"{annex.Value.Sum(s => s.Rows.Count):N0} rows in {annex.Value.Count} lists"));
        log.WriteLine($"  Annex A     produce {written:0.00} s ({annex.Queries} queries)");
        return results;
    }
}
