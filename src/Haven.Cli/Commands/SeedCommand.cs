using System.CommandLine;
using Haven.Core.Data;
using Haven.Core.Synthetic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

public static class SeedCommand
{
    public static Command Create(TextWriter output)
    {
        var children = new Option<int>("--children") { Description = "About how many children the borough has records for", DefaultValueFactory = _ => 3000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same borough", DefaultValueFactory = _ => 1 };
        var today = new Option<DateOnly?>("--today") { Description = "The date the borough is generated as at (default: today)" };
        var years = new Option<int?>("--years") { Description = $"Years of history the record holds (default {new BoroughOptions().Years}; the largest council: 10)" };
        var command = new Command("seed", "Generate a synthetic borough into an empty database (migrations are applied first)") { children, seed, today, years };
        command.Validators.Add(r =>
        {
            if (r.GetValue(children) is < 10 or > 1_000_000) r.AddError("--children must be between 10 and 1,000,000");
            if (r.GetValue(years) is < 1 or > 30) r.AddError("--years must be between 1 and 30");
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            await HavenDatabase.MigrateAsync(db, ct);
            if (await db.People.IgnoreQueryFilters().AnyAsync(ct))
            {
                await output.WriteLineAsync("The database already holds people: seed only fills an empty database.");
                return 2;
            }
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var progress = new Progress<string>(m => output.WriteLine(m));
            var summary = await BoroughGenerator.GenerateAsync(db, new BoroughOptions
            {
                Children = parse.GetValue(children),
                Seed = parse.GetValue(seed),
                Today = parse.GetValue(today) ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime),
                Years = parse.GetValue(years) ?? new BoroughOptions().Years,
            }, progress, ct);
            // The generated history of the access log is the log now: anchor it at its last entry.
            await services.GetRequiredService<Haven.Core.Access.AccessLogAnchor>().AnchorAtTailAsync(db, ct);
            await output.WriteLineAsync(summary.ToString());
            return 0;
        });
        return command;
    }
}
