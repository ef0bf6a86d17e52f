using Haven.Bench;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The benchmark generates a borough and then starts a server on it: the generated access-log
/// history must be anchored where that server keeps its anchor, on PostgreSQL as on SQLite, or an
/// anchor left by an earlier borough of the same name is set aside as evidence of a cut log by the
/// server's first write, and `audit verify` reports tampering that never happened.
public sealed class BenchBoroughAnchorTests(PostgresApp app) : IClassFixture<PostgresApp>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"haven-bench-anchor-{Guid.NewGuid():N}");

    [Fact]
    public async Task Ensure_OnPostgres_AnchorsTheGeneratedLogAtItsTailWhereTheServerIsToldToLook()
    {
        // Arrange: an anchor left by an earlier borough of the same name.
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, app.ConnectionString);
        var borough = new Borough(settings, _folder);
        var anchor = new AccessLogAnchor(borough.AnchorPath);
        anchor.Write(new AnchorPoint(3, "0123456789abcdef"));

        // Act
        var generated = await borough.EnsureAsync(60, 6, accessLog: true, 1, new DateOnly(2026, 11, 26), TextWriter.Null, CancellationToken.None);

        // Assert
        Assert.NotNull(generated);
        Assert.StartsWith(_folder, borough.AnchorPath, StringComparison.Ordinal);
        Assert.Equal(borough.AnchorPath, borough.ServerSettings["Haven__Audit__AnchorPath"]);
        await using var db = Open(settings);
        var tail = await db.AccessLog.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstAsync();
        Assert.True(tail.Sequence > 100, $"only {tail.Sequence} generated entries");
        Assert.Equal(new AnchorPoint(tail.Sequence, tail.Hash), anchor.Read());
        var verified = await AccessLogVerifier.VerifyAsync(db, anchor);
        Assert.True(verified.IsValid, verified.Problem);
        Assert.Empty(anchor.Mismatches());
    }

    private static HavenDbContext Open(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, settings);
        return new HavenDbContext(options.Options);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
