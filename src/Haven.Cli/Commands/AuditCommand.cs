using System.CommandLine;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Cli.Commands;

public static class AuditCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var verify = new Command("verify", "Check the access log's hash chain and its anchor; exits 1 and names the first bad entry if it was tampered with");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            var result = await AccessLogVerifier.VerifyAsync(db, services.GetRequiredService<AccessLogAnchor>(), ct);
            if (result.IsValid)
            {
                await output.WriteLineAsync($"The access log is intact: {result.EntriesChecked} entries checked.");
                return 0;
            }
            await error.WriteLineAsync($"The access log has been tampered with: {result.Problem}. First bad entry: {result.FirstBadSequence}.");
            return 1;
        });
        return new Command("audit", "The access log") { verify };
    }
}
