using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Haven.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// Where Haven's data lives, read from configuration: Haven:Database:Provider (sqlite|postgres),
/// ConnectionStrings:Haven, and optionally ConnectionStrings:HavenReporting for a read replica.
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? ReportingConnectionString = null)
{
    /// Where reporting reads go: the replica when one is configured, otherwise the primary.
    public string ReportingConnection => ReportingConnectionString ?? ConnectionString;

    /// EF's check that a context is not used by two operations at once (Haven:Database:ThreadSafetyChecks;
    /// on in Development and in the tests, off by default). EF makes the check on every row it reads, and
    /// it allocates there (an async-local count, ~190 bytes a row): reading a name's 963 holders as ids
    /// allocated 203 KB with it and 22 KB without, and the search page 788 KB against 413. At 50,000
    /// children a search allocated about 650 KB, ~400 searches a second 250 MB/s, and the collections
    /// that paid for it stopped every request for 7% of the time. The check finds a programming error
    /// (two queries on one context not awaited in turn), which the tests, run with it on, would show.
    public bool ThreadSafetyChecks { get; init; }

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
        return new DatabaseSettings(provider, cs, string.IsNullOrWhiteSpace(reporting) ? null : reporting)
        {
            ThreadSafetyChecks = configuration.GetValue<bool?>("Haven:Database:ThreadSafetyChecks") ?? false,
        };
    }
}

public static class HavenDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings) => Configure(options, settings.Provider, settings.ConnectionString, settings.ThreadSafetyChecks);

    private static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, bool threadSafetyChecks)
    {
        options.EnableThreadSafetyChecks(threadSafetyChecks);
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
                options.UseNpgsql(PostgresConnectionString(connectionString), o => o.MigrationsAssembly("Haven.Migrations.Postgres"));
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

    /// Statements a pooled PostgreSQL connection keeps prepared (Npgsql's auto-prepare, least
    /// recently used out): more than the distinct statements of the busiest pages (My work with its
    /// due work asked afresh sends 44), so a page's statements stay prepared between views.
    public const int PostgresMaxAutoPrepare = 100;

    /// The connection string Haven opens PostgreSQL with: the one configured, with two Npgsql
    /// settings chosen for how Haven uses a connection unless the configuration sets them itself.
    /// EF opens and closes the pooled connection around every query, so each query paid for a
    /// session reset and its own parse and plan (measured on the 500,000-child region: PostgreSQL's
    /// CPU for the trivial page 0.27 ms a request, 0.13 with both settings; the child's summary, 11
    /// statements, 8-9 ms, 3-5 with both).
    /// - No Reset On Close: Npgsql otherwise runs DISCARD ALL (or, once statements are prepared, a
    ///   string of RESET, CLOSE, UNLISTEN and DISCARD commands) before the next use of a connection
    ///   returned to the pool. Haven never changes a session's state (no SET outside a transaction, no
    ///   temporary tables, LISTEN or advisory locks), so there is nothing to reset. Code that sets
    ///   something on a session must set it back before closing the connection.
    /// - Max Auto Prepare: a statement sent five times on a connection is prepared there, so
    ///   PostgreSQL parses it once and keeps its plan (after five executions a generic plan, where
    ///   PostgreSQL judges it no worse than planning for each set of values). A statement sent once,
    ///   such as a return's large query, is never prepared.
    public static string PostgresConnectionString(string connectionString)
    {
        var configured = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!configured.Contains(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose))) builder.NoResetOnClose = true;
        if (!configured.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare))) builder.MaxAutoPrepare = PostgresMaxAutoPrepare;
        return builder.ConnectionString;
    }

    public static IServiceCollection AddHavenDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<RecordChanges>();
        services.AddSingleton<RecordChangesInterceptor>();
        // Pooled (EF's DbContext pooling): a request rents a context that has already built its
        // internal services, and gives it back, reset, when disposed (the request scope ends, or
        // `await using` for AccessLog's own contexts). A new context per request resolved EF's
        // services afresh on first use (DbContext.ContextServices, about 2% of the API's child
        // record's CPU). The contexts keep no state of their own between uses: only their
        // constructor's options, the same for all, and singleton interceptors; EF resets the change
        // tracker, an open connection or transaction and the command timeout on return.
        services.AddPooledDbContextFactory<HavenDbContext>((sp, o) =>
        {
            Configure(o, settings);
            o.AddInterceptors(sp.GetRequiredService<RecordChangesInterceptor>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HavenDbContext>>().CreateDbContext());
        // Figures, dashboards and returns read through ReportingDbContext: the replica if
        // ConnectionStrings:HavenReporting names one, otherwise the primary.
        services.AddPooledDbContextFactory<ReportingDbContext>(o =>
        {
            Configure(o, settings.Provider, settings.ReportingConnection, settings.ThreadSafetyChecks);
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
