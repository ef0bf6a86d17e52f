using System.CommandLine;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Identity;
using Haven.Core.InformationGovernance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

/// `subject-access release --request N --user NAME --out FILE`: the same release as the page, for
/// an information governance officer working from the command line. Logged and kept the same way.
public static class SubjectAccessCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var request = new Option<int>("--request") { Description = "The subject access request's number", Required = true };
        var user = new Option<string>("--user") { Description = "The information governance officer's user name", Required = true };
        var file = new Option<string>("--out") { Description = "Where to write the bundle (JSON)", Required = true };
        var release = new Command("release", "Gather everything Haven holds about the request's subject, keep a copy, log it, and write the bundle") { request, user, file };
        release.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var name = parse.GetValue(user)!;
            var worker = await db.Users.Where(u => u.UserName == name && u.WorkerId != null)
                .Join(db.Workers, u => u.WorkerId, w => w.Id, (u, w) => w).FirstOrDefaultAsync(ct);
            if (worker is null || !AccessMatrix.MayUse(worker.Role, RecordKind.SubjectAccess))
            {
                await error.WriteLineAsync($"{name} is not an information governance officer.");
                return 2;
            }
            var by = new CurrentWorker(name, worker.Id, worker.Role, worker.TeamId, null, worker.DisplayName);
            var released = await scope.ServiceProvider.GetRequiredService<SubjectAccessService>().ReleaseAsync(parse.GetValue(request), by, ct);
            if (released is null)
            {
                await error.WriteLineAsync($"There is no subject access request {parse.GetValue(request)}.");
                return 2;
            }
            var path = Path.GetFullPath(parse.GetValue(file)!);
            await File.WriteAllBytesAsync(path, released.Release.Bundle, ct);
            await output.WriteLineAsync($"Released {released.Bundle.Rows} rows ({released.Bundle.RowsForRedactionReview} to review for redaction) to {path}; sha256 {released.Release.Sha256}.");
            foreach (var w in released.Bundle.Withheld)
                await output.WriteLineAsync($"Withheld {w.Rows} {w.Record} rows: {w.Reason}");
            return 0;
        });
        return new Command("subject-access", "Subject access requests") { release };
    }
}
