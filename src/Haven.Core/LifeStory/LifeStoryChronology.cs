using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.LifeStory;

public sealed class LifeStoryChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Life story";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.LifeStoryEntries.Any(r => r.ChildId == id);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await db.LifeStoryEntries.AsNoTracking().Where(r => r.ChildId == childId)
            .Select(r => new { r.Kind, r.Date, r.Title, Author = r.Author.DisplayName }).ToListAsync(ct);
        return rows.Select(r => new ChronologyItem(r.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            $"{LifeStoryEntry.Describe(r.Kind)}: {r.Title}", null, r.Author, "life-story")).ToList();
    }
}
