using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.LifeStory;

public sealed class LifeStoryChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Life story";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.LifeStoryEntries.Any(r => r.ChildId == id);

    /// On: date, A: kind, B: title, C: author.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.LifeStoryEntries.Where(r => r.ChildId == id)
        .Select(r => new ChronologyRow(source, 0, r.Date, null, ChronologyRow.Text(r.Kind.ToString()), ChronologyRow.Text(r.Title), ChronologyRow.Text(r.Author.DisplayName),
            null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows) =>
        rows.Select(r => new ChronologyItem(r.On!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            $"{LifeStoryEntry.Describe(Enum.Parse<LifeStoryKind>(r.A!))}: {r.B}", null, r.C, "life-story")).ToList();
}
