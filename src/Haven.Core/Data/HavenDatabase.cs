using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// Where Haven's data lives, read from configuration: Haven:Database:Provider (sqlite|postgres),
/// ConnectionStrings:Haven, and optionally ConnectionStrings:HavenReporting for a read replica.
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? ReportingConnectionString = null)
{
    /// Where reporting reads go: the replica when one is configured, otherwise the primary.
    public string ReportingConnection => ReportingConnectionString ?? ConnectionString;

    public const string DefaultSqlite = "Data Source=data/haven.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Haven:Database:Provider"] ?? "sqlite";
        var provider = providerText.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Haven:Database:Provider must be 'sqlite' or 'postgres', not '{providerText}'."),
        };
        var cs = configuration.GetConnectionString("Haven");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("ConnectionStrings:Haven is required when Haven:Database:Provider is postgres.");
            cs = DefaultSqlite;
        }
        var reporting = configuration.GetConnectionString("HavenReporting");
        return new DatabaseSettings(provider, cs, string.IsNullOrWhiteSpace(reporting) ? null : reporting);
    }
}

public static class HavenDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings) => Configure(options, settings.Provider, settings.ConnectionString);

    private static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        // People are soft-deleted and filtered out of queries; records that point at a removed
        // person (allocations, notes) are meant to disappear with them, which is what EF warns about.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Haven.Migrations.Sqlite")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                options.AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Haven.Migrations.Postgres"));
                break;
        }
        // SQLite: a list in a query (ids.Contains(x.ChildId)) is sent as ONE parameter (json_each),
        // not one parameter per item (EF 10's default): the SQL is then the same whatever the list,
        // so EF builds it once instead of on every execution, under a lock (16% of My work's CPU at
        // 50,000 children). BenchPagePlanTests plans every query the benchmark's pages send: where
        // json_each gives a bad plan (the child search's allocation lookup, an IN list AND an OR,
        // scanned every allocation), that query asks for EF.MultipleParameters. PostgreSQL is left
        // as it was (not measured).
    }

    public static IServiceCollection AddHavenDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<RecordChanges>();
        services.AddSingleton<RecordChangesInterceptor>();
        services.AddDbContextFactory<HavenDbContext>((sp, o) =>
        {
            Configure(o, settings);
            o.AddInterceptors(sp.GetRequiredService<RecordChangesInterceptor>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HavenDbContext>>().CreateDbContext());
        // Figures, dashboards and returns read through ReportingDbContext: the replica if
        // ConnectionStrings:HavenReporting names one, otherwise the primary.
        services.AddDbContextFactory<ReportingDbContext>(o =>
        {
            Configure(o, settings.Provider, settings.ReportingConnection);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ReportingDbContext>>().CreateDbContext());
        return services;
    }

    /// Applies migrations; on SQLite also switches to write-ahead logging, so readers do not block
    /// the writer and an acknowledged commit survives the process being killed.
    ///
    /// Migrate runs only when a migration is pending (read from the history table). Before anything
    /// else EF's Migrate builds the design-time model and the migrations' snapshot model and diffs
    /// them (its pending-model-changes check): on this model that was the largest single step of
    /// every start-up, CPU that a loaded server waits minutes for, to learn that nothing is to do.
    /// That check is a developer's (a model change without its migration), so it is made by the
    /// tests (StartupTests.MigrationsMatchTheModel) and, when a migration is pending, by Migrate.
    public static async Task MigrateAsync(HavenDbContext db, CancellationToken ct = default)
    {
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
