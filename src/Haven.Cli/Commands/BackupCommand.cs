using System.CommandLine;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `backup --out FILE` (online, while Haven runs) and `restore --from FILE --yes` (with Haven
/// stopped). See docs/database.md.
public static class BackupCommand
{
    public static Command CreateBackup(TextWriter output, TextWriter error)
    {
        var file = new Option<string>("--out") { Description = "The backup file to write (must not exist yet)", Required = true };
        var command = new Command("backup", "Back up the database while Haven runs: SQLite's online backup, or pg_dump for PostgreSQL") { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            var settings = services.GetRequiredService<DatabaseSettings>();
            try
            {
                await DatabaseBackup.BackupAsync(settings, parse.GetValue(file)!, ct);
            }
            catch (BackupException e)
            {
                await error.WriteLineAsync(e.Message);
                return 2;
            }
            var info = new FileInfo(parse.GetValue(file)!);
            await output.WriteLineAsync($"Backed up to {info.FullName} ({info.Length / 1024.0 / 1024.0:0.0} MB); integrity checked.");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore(TextWriter output, TextWriter error)
    {
        var file = new Option<string>("--from") { Description = "The backup file to restore", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Confirm that the database's current contents are to be replaced" };
        var command = new Command("restore", "Replace the database's contents with a backup (stop Haven first)") { file, yes };
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                await error.WriteLineAsync("Restoring replaces everything in the database with the backup. Stop Haven, then run again with --yes.");
                return 2;
            }
            await using var services = CliHost.Build(parse);
            var settings = services.GetRequiredService<DatabaseSettings>();
            try
            {
                await DatabaseBackup.RestoreAsync(settings, parse.GetValue(file)!, ct);
            }
            catch (BackupException e)
            {
                await error.WriteLineAsync(e.Message);
                return 2;
            }
            // The restored log is the log now: anchor it at its own last entry.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
                await services.GetRequiredService<Haven.Core.Access.AccessLogAnchor>().AnchorAtTailAsync(db, ct);
            }
            await output.WriteLineAsync($"Restored from {Path.GetFullPath(parse.GetValue(file)!)}. Run `haven audit verify` to check the access log.");
            return 0;
        });
        return command;
    }
}
