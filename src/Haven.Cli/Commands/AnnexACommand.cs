using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Haven.Core.Data;
using Haven.Core.Returns.AnnexA;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `returns annex-a --as-at YYYY-MM-DD --out DIR`: Ofsted Annex A as at a day, as one workbook
/// (DIR/annex-a.xlsx), over the six months ending that day, with the restricted-record policy applied.
public static class AnnexACommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var asAt = new Option<string>("--as-at") { Description = "The day the lists are as at (YYYY-MM-DD)", Required = true };
        var folder = new Option<string>("--out") { Description = "The folder to write annex-a.xlsx into", Required = true };
        var command = new Command("annex-a", "Ofsted Annex A: the child-level lists as one Excel workbook, as at a day") { asAt, folder };
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asAt), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await error.WriteLineAsync("--as-at must be a date written YYYY-MM-DD, for example 2026-03-31.");
                return 2;
            }
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var clock = Stopwatch.StartNew();
            var window = AnnexAReturn.WindowEnding(day);
            var path = await AnnexAReturn.WriteAsync(db, window, parse.GetValue(folder)!, ct);
            await output.WriteLineAsync($"Wrote {path} (Annex A as at {day:yyyy-MM-dd}, window {window.Start:yyyy-MM-dd} to {window.End:yyyy-MM-dd}) in {clock.Elapsed.TotalSeconds:0.0}s.");
            return 0;
        });
        return command;
    }
}
