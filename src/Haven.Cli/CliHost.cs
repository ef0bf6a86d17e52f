using System.CommandLine;
using Haven.Core.Data;
using Haven.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Haven.Cli;

/// The services a command needs: the same database settings and Identity stores as the web app.
public static class CliHost
{
    public static readonly Option<string?> ProviderOption = new("--provider")
    {
        Description = "Database provider: sqlite or postgres (overrides Haven:Database:Provider)", Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string (overrides ConnectionStrings:Haven)", Recursive = true,
    };

    public static ServiceProvider Build(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(ProviderOption) is { } provider) overrides["Haven:Database:Provider"] = provider;
        if (parse.GetValue(ConnectionOption) is { } connection) overrides["ConnectionStrings:Haven"] = connection;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        // Identity's password-reset tokens need data protection; the CLI uses them within one command.
        services.AddDataProtection();
        services.AddHavenDatabase(DatabaseSettings.From(configuration));
        services.AddIdentityCore<HavenUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<HavenDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<DemoAccounts>();
        services.AddSingleton(sp => Haven.Core.Access.AccessLogAnchor.From(configuration, sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton<Haven.Core.Access.AccessLog>();
        services.AddScoped<Haven.Core.InformationGovernance.SubjectAccessService>();
        return services.BuildServiceProvider();
    }
}
