using System.CommandLine;
using System.Diagnostics;
using Haven.Core.Data;
using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Cin.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `returns cin --year YYYY --out DIR` writes the CIN census XML; `validate cin DIR` checks it against
/// the schema and Haven's CIN rules, prints each failure and ends with `errors: N` (queries, codes
/// ending in Q, are printed and counted apart; they do not make the command fail).
public static class CinReturnCommands
{
    public static Command Produce(TextWriter output, TextWriter error)
    {
        var year = new Option<int>("--year") { Description = "The collection year, named by the year it ends on 31 March (e.g. 2026 for 2025-26)", Required = true };
        var folder = new Option<string>("--out") { Description = "The folder to write cin-census.xml into", Required = true };
        var lea = new Option<string?>("--lea") { Description = "The council's 3-digit DfE LA number for the header (default: the setting Haven:Council:LaCode)" };
        var command = new Command("cin", "Produce the CIN census XML for a collection year") { year, folder, lea };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            if (y is < 2000 or > 2100)
            {
                await error.WriteLineAsync("Enter the collection year as 4 digits, e.g. --year 2026");
                return 2;
            }
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var watch = Stopwatch.StartNew();
            var code = parse.GetValue(lea)?.Trim() ?? CouncilSettings.From(services.GetRequiredService<IConfiguration>()).LaCode;
            if (code.Length != 3 || !code.All(char.IsAsciiDigit))
            {
                await error.WriteLineAsync("--lea must be the council's three-digit DfE LA number, e.g. --lea 999");
                return 2;
            }
            var files = await new CinCensusProducer(new CinCensusOptions(Lea: code))
                .WriteAsync(db, ReturnPeriod.CollectionYear(y), Path.GetFullPath(parse.GetValue(folder)!), ct);
            foreach (var f in files) await output.WriteLineAsync($"Wrote {f} in {watch.ElapsedMilliseconds} ms.");
            return 0;
        });
        return command;
    }

    public static Command Validate(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder written by `returns cin`" };
        var command = new Command("cin", "Check a CIN census folder against the schema and the DfE's CIN rules") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(folder)!);
            if (!File.Exists(Path.Combine(dir, CinCensusXml.FileName)))
            {
                await error.WriteLineAsync($"There is no {CinCensusXml.FileName} in {dir}.");
                return 2;
            }
            var (schema, failures) = CinCensusValidator.ValidateFolder(dir);
            foreach (var s in schema) await output.WriteLineAsync($"schema\t-\t-\t{s}");
            foreach (var f in failures) await output.WriteLineAsync($"{f.RuleCode}\t{f.ChildReference}\t{f.Field}\t{f.Message}");
            var errors = schema.Count + failures.Count(f => !CinRules.IsQuery(f.RuleCode));
            await output.WriteLineAsync($"queries: {failures.Count(f => CinRules.IsQuery(f.RuleCode))}");
            await output.WriteLineAsync($"errors: {errors}");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
