namespace Haven.Cli;

internal static class Entry
{
    private static Task<int> Main(string[] args) => HavenCli.RunAsync(args);
}
