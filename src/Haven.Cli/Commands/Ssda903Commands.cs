using System.CommandLine;
using System.Diagnostics;
using Haven.Core.Data;
using Haven.Core.Returns;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Returns.Ssda903.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `returns 903 --year YYYY --out DIR` writes the SSDA903 CSV files; `validate 903 DIR` reads them
/// back and prints each failure of Haven's 903 rules, ending with `errors: N` (exit 1 when N > 0);
/// `--previous DIR` gives last year's files for the rules that compare with last year.
public static class Ssda903Commands
{
    public static Command CreateReturn(TextWriter output, TextWriter error)
    {
        var year = new Option<int>("--year") { Description = "The collection year, named by the year it ends on 31 March", Required = true };
        var folder = new Option<string>("--out") { Description = "The folder to write the CSV files into", Required = true };
        var command = new Command("903", "The SSDA903 (children looked after) as CSV files, one per table") { year, folder };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            if (y is < 2000 or > 2100)
            {
                await error.WriteLineAsync("Give the collection year as four digits, e.g. --year 2026");
                return 2;
            }
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var clock = Stopwatch.StartNew();
            var files = await new Ssda903Producer().WriteAsync(db, ReturnPeriod.CollectionYear(y), parse.GetValue(folder)!, ct);
            foreach (var f in files) await output.WriteLineAsync(f);
            await output.WriteLineAsync($"SSDA903 {y - 1}-{y % 100:00} written in {clock.Elapsed.TotalSeconds:0.0}s");
            return 0;
        });
        return command;
    }

    public static Command CreateValidate(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder written by `returns 903`" };
        var year = new Option<int?>("--year") { Description = "The collection year (default: the year of the latest date in the files)" };
        var previous = new Option<string?>("--previous") { Description = "A folder with last year's 903 files (e.g. from a previous system), for the rules that compare with last year" };
        var command = new Command("903", "Check SSDA903 CSV files against Haven's implementation of the DfE's 903 rules") { folder, year, previous };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(folder)!;
            if (!Directory.Exists(dir) || !File.Exists(Path.Combine(dir, "header.csv")))
            {
                await error.WriteLineAsync($"{dir} is not a folder written by `returns 903` (no header.csv)");
                return 2;
            }
            var data = Ssda903Files.Read(dir, parse.GetValue(year));
            if (parse.GetValue(previous) is { } last)
            {
                if (!Directory.Exists(last) || !File.Exists(Path.Combine(last, "header.csv")))
                {
                    await error.WriteLineAsync($"{last} is not a folder of 903 files (no header.csv)");
                    return 2;
                }
                data = data with { Previous = Ssda903Files.Read(last, data.Period.End.Year - 1) };
            }
            var failures = Ssda903Rules.Run(data);
            foreach (var f in failures)
                await output.WriteLineAsync($"{f.RuleCode}\tchild {f.ChildReference}\t{f.Field}\t{f.Message}");
            await output.WriteLineAsync($"errors: {failures.Count}");
            return failures.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
