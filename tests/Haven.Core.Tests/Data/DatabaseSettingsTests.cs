using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings From(params (string Key, string Value)[] values) =>
        DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    private static bool ChecksEnabled(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        return options.Options.FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
    }

    [Fact]
    public void ThreadSafetyChecks_AreOffUnlessConfigured_BecauseEfAllocatesForThemOnEveryRowRead()
    {
        Assert.False(ChecksEnabled(From()));
        Assert.False(ChecksEnabled(From(("Haven:Database:Provider", "postgres"), ("ConnectionStrings:Haven", "Host=localhost"))));
        Assert.True(ChecksEnabled(From(("Haven:Database:ThreadSafetyChecks", "true"))));
        Assert.True(ChecksEnabled(From(("Haven:Database:Provider", "postgres"), ("ConnectionStrings:Haven", "Host=localhost"), ("Haven:Database:ThreadSafetyChecks", "true"))));
    }

    [Fact]
    public void Development_TurnsThreadSafetyChecksOn()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Haven.slnx"))) dir = dir.Parent;
        var web = Path.Combine(dir!.FullName, "src", "Haven.Web");
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json")).AddJsonFile(Path.Combine(web, "appsettings.Development.json")).Build();
        Assert.True(DatabaseSettings.From(configuration).ThreadSafetyChecks);
        var production = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json")).Build();
        Assert.False(DatabaseSettings.From(production).ThreadSafetyChecks);
    }
}
