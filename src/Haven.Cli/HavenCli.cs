using System.CommandLine;
using Haven.Cli.Commands;

namespace Haven.Cli;

/// `haven VERB …`: one command per file in Commands/. Run from the repository root as
/// `dotnet run --project src/Haven.Cli -- VERB …`.
public static class HavenCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = BuildRoot(output ?? Console.Out, error ?? Console.Error);
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error });
    }

    public static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Haven: children's social care case management. Database commands use Haven:Database:Provider " +
                                   "and ConnectionStrings:Haven from the environment (Haven__Database__Provider, ConnectionStrings__Haven) or the options below.");
        root.Options.Add(CliHost.ProviderOption);
        root.Options.Add(CliHost.ConnectionOption);
        root.Subcommands.Add(MigrateCommand.Create(output));
        root.Subcommands.Add(SeedCommand.Create(output));
        root.Subcommands.Add(AuditCommand.Create(output, error));
        root.Subcommands.Add(SubjectAccessCommand.Create(output, error));
        root.Subcommands.Add(UsersCommand.Create(output, error));
        root.Subcommands.Add(BackupCommand.CreateBackup(output, error));
        root.Subcommands.Add(BackupCommand.CreateRestore(output, error));
        root.Subcommands.Add(DocsCommand.Create(output));
        root.Subcommands.Add(ReturnsCommand.CreateReturns(output, error));
        root.Subcommands.Add(ReturnsCommand.CreateValidate(output, error));
        root.Subcommands.Add(FeedCommand.Create(output, error));
        return root;
    }
}
