using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Haven.Web.Tests;

/// How Haven opens PostgreSQL (HavenDatabase.PostgresConnectionString): a connection returned to
/// the pool is not reset, and a statement sent again and again is prepared on its connection, unless
/// the configured connection string says otherwise. On the 500,000-child region each of EF's
/// queries otherwise paid a DISCARD ALL and its own parse and plan: half of PostgreSQL's CPU for
/// the trivial page, and more than half for the child's summary.
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void ChoosesNoResetAndAutoPrepare_KeepingEverythingConfigured()
    {
        var chosen = new NpgsqlConnectionStringBuilder(HavenDatabase.PostgresConnectionString(
            "Host=db.example;Port=5433;Database=haven;Username=haven;Password=secret;Maximum Pool Size=40"));

        Assert.True(chosen.NoResetOnClose);
        Assert.Equal(HavenDatabase.PostgresMaxAutoPrepare, chosen.MaxAutoPrepare);
        Assert.Equal(("db.example", 5433, "haven", "haven", "secret", 40),
            (chosen.Host, chosen.Port, chosen.Database, chosen.Username, chosen.Password, chosen.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Database=haven;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=haven;noresetonclose=False;MAXAUTOPREPARE=0")]
    public void ASettingInTheConfiguredString_IsKept(string configured)
    {
        var chosen = new NpgsqlConnectionStringBuilder(HavenDatabase.PostgresConnectionString(configured));

        Assert.False(chosen.NoResetOnClose);
        Assert.Equal(0, chosen.MaxAutoPrepare);
    }
}

public sealed class PostgresConnectionTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    /// A query the pages send on every view (the trivial page's) is prepared on the connection it
    /// runs on once it has been sent a few times, through the app's own HavenDbContext.
    [Fact]
    public async Task ARepeatedQuery_IsPreparedOnItsConnection()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 10; i++)
            await db.Teams.AsNoTracking().Where(t => t.Id == i).Select(t => t.Name).FirstOrDefaultAsync();

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

        Assert.Contains(prepared, s => s.Contains("FROM \"Teams\"", StringComparison.Ordinal));
    }

    /// A connection handed back to the pool keeps its session (no DISCARD ALL when it is next used):
    /// what one use sets on a session, the next use of that connection sees. Haven sets nothing on a
    /// session; code that does must set it back before closing (docs: HavenDatabase.PostgresConnectionString).
    /// Other test classes clear every pool when they drop their databases (NpgsqlConnection.ClearAllPools),
    /// which can close the idle connection between the two uses; then the next use gets a new backend,
    /// so the test tries again until it gets the same backend back.
    [Fact]
    public async Task AConnectionBackFromThePool_IsNotReset()
    {
        for (var attempt = 1; ; attempt++)
        {
            var (first, again, probe) = await UseOneConnectionTwice();
            if (first != again && attempt < 5)
                continue;

            Assert.Equal(first, again);
            Assert.Equal("kept", probe);
            return;
        }
    }

    async Task<(int First, int Again, string Probe)> UseOneConnectionTwice()
    {
        // A pool of its own (its own application name), so the connection opened again is the same one.
        var settings = new DatabaseSettings(DatabaseProvider.Postgres,
            new NpgsqlConnectionStringBuilder(app.ConnectionString) { ApplicationName = "haven-reset-test-" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString);
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        await using var db = new HavenDbContext(options.Options);

        await db.Database.OpenConnectionAsync();
        var first = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        await db.Database.SqlQueryRaw<string>("SELECT set_config('haven.probe', 'kept', false) AS \"Value\"").SingleAsync();
        await db.Database.CloseConnectionAsync();

        await db.Database.OpenConnectionAsync();
        var again = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        var probe = await db.Database.SqlQueryRaw<string>("SELECT coalesce(current_setting('haven.probe', true), '') AS \"Value\"").SingleAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.CloseConnectionAsync();
        NpgsqlConnection.ClearPool(connection);
        return (first, again, probe);
    }
}
