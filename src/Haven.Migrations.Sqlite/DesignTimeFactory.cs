using Haven.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Haven.Migrations.Sqlite;

/// Used only by `dotnet ef` (see docs/database.md); the app configures the context from settings.
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HavenDbContext>
{
    public HavenDbContext CreateDbContext(string[] args)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
        return new HavenDbContext(options.Options);
    }
}
