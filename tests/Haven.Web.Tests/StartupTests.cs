using System.Text.RegularExpressions;
using Haven.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Start-up must take seconds whatever the size of the database: a council restarting after an
/// update cannot wait while something reads millions of rows. On a database already up to date,
/// start-up (demo mode off, as a council runs it) sends a handful of commands, none of them the
/// migrator's (EF's Migrate builds the design-time model and diffs it against the migrations'
/// snapshot before anything else: it runs only when a migration is pending), and none that reads
/// a whole large table. MigrationsMatchTheModel keeps the check Migrate made at every start.
public sealed class StartupTests
{
    // Small tables a start-up may read whole: the migrations' history and the user accounts.
    private static readonly HashSet<string> SmallTables = ["__EFMigrationsHistory", "AspNetUsers", "sqlite_master"];

    private sealed class App : SqliteApp
    {
        public string File => new SqliteConnectionStringBuilder(ConnectionString).DataSource;
    }

    [Fact]
    public async Task StartUp_OnAnUpToDateDatabase_RunsNoMigrationAndReadsNoLargeTable()
    {
        var app = new App();
        var file = Path.GetFileName(app.File);
        using var commands = new EfCommands<EfCommand>(d =>
            d.Command.Connection?.ConnectionString.Contains(file, StringComparison.Ordinal) == true ? EfCommands.Copy(d) : null);
        try
        {
            await app.InitializeAsync();
            var sent = commands.Commands;

            Assert.InRange(sent.Count, 1, 10);
            Assert.DoesNotContain(sent, c => c.Text.Contains("__EFMigrationsLock", StringComparison.Ordinal));
            Assert.DoesNotContain(sent, c => Regex.IsMatch(c.Text, @"\b(CREATE|ALTER|DROP)\b"));

            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.File, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync();
            foreach (var command in sent.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
                foreach (var (name, value) in command.Parameters) explain.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var line = reader.GetString(3);
                    var scanned = Regex.Match(line, @"^SCAN (\S+)");
                    if (!scanned.Success) continue;
                    var table = Regex.Match(command.Text, $"FROM \"(\\w+)\" AS \"{Regex.Escape(scanned.Groups[1].Value)}\"") is { Success: true } m
                        ? m.Groups[1].Value : scanned.Groups[1].Value;
                    Assert.True(SmallTables.Contains(table), $"Start-up reads the whole of {table}: {line}\n{command.Text}");
                }
            }
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// What EF's Migrate checked at every start (the model has no change without a migration) is
    /// checked here instead, for both providers' migrations.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")]
    public void MigrationsMatchTheModel(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, new DatabaseSettings(provider, connection));
        using var db = new HavenDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model: add a migration (scripts/new-migration NAME).");
    }
}
