using System.CommandLine;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("migrate", "Apply database migrations to the configured database");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await HavenDatabase.MigrateAsync(db, ct);
            await output.WriteLineAsync(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }
}
