using System.CommandLine;
using Haven.Core.Access;
using Haven.Core.Calendar;

namespace Haven.Cli.Commands;

/// Writes the documents that are generated from the code: docs/permissions.md and docs/timescales.md.
public static class DocsCommand
{
    public static IReadOnlyDictionary<string, string> Generated() => new Dictionary<string, string>
    {
        ["permissions.md"] = PermissionsDocument.Render(),
        ["timescales.md"] = "# Timescales\n\nGenerated from `src/Haven.Core/Calendar/Timescales.cs` by `haven docs`; a test fails if this file is out of date. " +
                            "Working days exclude weekends and England and Wales bank holidays; the start date is day 0 (see shared reference timescales.md §1).\n\n" +
                            Timescales.ToMarkdownTable(),
    };

    public static Command Create(TextWriter output)
    {
        var folder = new Option<string>("--out") { Description = "The docs folder", DefaultValueFactory = _ => "docs" };
        var command = new Command("docs", "Regenerate the documents built from the code (permissions, timescales)") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(folder)!;
            Directory.CreateDirectory(dir);
            foreach (var (name, text) in Generated())
            {
                await File.WriteAllTextAsync(Path.Combine(dir, name), text, ct);
                await output.WriteLineAsync($"Wrote {Path.Combine(dir, name)}");
            }
            return 0;
        });
        return command;
    }
}
