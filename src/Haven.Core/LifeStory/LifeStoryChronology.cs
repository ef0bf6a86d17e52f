using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.LifeStory;

public sealed class LifeStoryChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Life story";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.LifeStoryEntries.Any(r => r.ChildId == id);

    private sealed record Row(LifeStoryKind Kind, DateOnly Date, string Title, string Author);

    private static readonly ChildRows<Row> Rows = new((d, id) => d.LifeStoryEntries.Where(r => r.ChildId == id)
        .Select(r => new Row(r.Kind, r.Date, r.Title, r.Author.DisplayName)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await Rows.ListAsync(db, childId, ct);
        return rows.Select(r => new ChronologyItem(r.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            $"{LifeStoryEntry.Describe(r.Kind)}: {r.Title}", null, r.Author, "life-story")).ToList();
    }
}
