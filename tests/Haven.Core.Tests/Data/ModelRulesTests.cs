using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Tests.Data;

/// Rules every record type must follow, checked over the whole model so that a type added later is
/// held to them too.
public sealed class ModelRulesTests
{
    private static HavenDbContext Context() =>
        new(new DbContextOptionsBuilder<HavenDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void EveryVersionedRecord_HasItsVersionAsAConcurrencyToken()
    {
        using var db = Context();
        var versioned = db.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.NotEmpty(versioned);
        var missing = versioned.Where(t => t.FindProperty(nameof(IVersioned.Version)) is not { IsConcurrencyToken: true })
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(missing.Count == 0, "Without a concurrency token a second editor silently overwrites the first: " + string.Join(", ", missing));
    }

    [Fact]
    public void EverySoftDeletableRecord_IsHiddenByAQueryFilter()
    {
        using var db = Context();
        var missing = db.Model.GetEntityTypes()
            .Where(t => typeof(ISoftDeletable).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.GetDeclaredQueryFilters().Any())
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(missing.Count == 0, "A removed record would still show in lists: " + string.Join(", ", missing));
    }
}
