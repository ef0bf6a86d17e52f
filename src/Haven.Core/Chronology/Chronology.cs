using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Chronology;

/// One event in a child's chronology. Category is what the chronology filters on.
public sealed record ChronologyItem(DateTime At, bool HasTime, string Category, string Title, string? Detail, string? By, string? Link);

/// A kind of record that contributes events to the chronology. Each service registers its own,
/// so the chronology is always built from what is recorded, never kept as a separate copy.
public interface IChronologySource
{
    string Category { get; }
    Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct);
}

/// A source with too many events to load whole for every view (a busy child has thousands of case
/// notes). It counts its events and reads a slice of them in the database, in the order ForChildAsync
/// returns them: newest first, then a stable tiebreak of its own.
public interface IPagedChronologySource : IChronologySource
{
    Task<int> CountAsync(int childId, CancellationToken ct);
    Task<IReadOnlyList<ChronologyItem>> SliceAsync(int childId, int skip, int take, CancellationToken ct);
}

/// One page of the chronology, and where it sits in the whole (after any filter).
public sealed record ChronologyPage(IReadOnlyList<ChronologyItem> Items, int Total, int PageNumber, int TotalPages);

public sealed class ChronologyBuilder(IEnumerable<IChronologySource> sources)
{
    public IReadOnlyList<string> Categories { get; } = sources.Select(s => s.Category).Distinct().Order().ToList();

    /// Every event, newest first: for printing, the API and anything that must be complete.
    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, IReadOnlyCollection<string>? categories, CancellationToken ct = default)
    {
        var items = new List<ChronologyItem>();
        foreach (var source in Chosen(categories))
            items.AddRange(await source.ForChildAsync(childId, ct));
        return Order(items).ToList();
    }

    /// One page of events, exactly as the same positions of ForChildAsync, without reading every event:
    /// paged sources are counted, then read only from where their events can reach this page.
    public async Task<ChronologyPage> PageAsync(int childId, IReadOnlyCollection<string>? categories, int pageNumber, int pageSize, CancellationToken ct = default)
    {
        var chosen = Chosen(categories).ToList();
        var counts = new int[chosen.Count];
        var loaded = new IReadOnlyList<ChronologyItem>[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i] is IPagedChronologySource paged) counts[i] = await paged.CountAsync(childId, ct);
            else counts[i] = (loaded[i] = await chosen[i].ForChildAsync(childId, ct)).Count;
        }
        var total = counts.Sum();
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        pageNumber = Math.Clamp(pageNumber, 1, totalPages);
        var start = (pageNumber - 1) * pageSize;
        var end = start + pageSize;
        var skipped = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i] is not IPagedChronologySource paged) continue;
            // At most (total - counts[i]) other events come before any one of this source's, so its
            // first `skip` events are all before this page, and none from its `end`th on can be on it.
            var skip = Math.Max(0, start - (total - counts[i]));
            var take = Math.Min(counts[i], end) - skip;
            loaded[i] = take > 0 ? await paged.SliceAsync(childId, skip, take, ct) : [];
            skipped += skip;
        }
        // Everything skipped comes before the page, so what is loaded holds the page from (start - skipped).
        var items = Order(loaded.SelectMany(l => l)).Skip(start - skipped).Take(pageSize).ToList();
        return new ChronologyPage(items, total, pageNumber, totalPages);
    }

    private IEnumerable<IChronologySource> Chosen(IReadOnlyCollection<string>? categories) =>
        categories is { Count: > 0 } ? sources.Where(s => categories.Contains(s.Category)) : sources;

    /// Newest first, then by category; the sort is stable, so events at the same time in the same
    /// category keep their source's order (and sources their registration order).
    private static IEnumerable<ChronologyItem> Order(IEnumerable<ChronologyItem> items) =>
        items.OrderByDescending(i => i.At).ThenBy(i => i.Category);
}

internal static class Dates
{
    public static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

public sealed class CaseNoteChronology(HavenDbContext db) : IPagedChronologySource
{
    public string Category => "Case notes";

    public Task<int> CountAsync(int childId, CancellationToken ct) => db.CaseNotes.CountAsync(n => n.ChildId == childId, ct);

    public Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => ReadAsync(childId, 0, null, ct);

    public Task<IReadOnlyList<ChronologyItem>> SliceAsync(int childId, int skip, int take, CancellationToken ct) => ReadAsync(childId, skip, take, ct);

    /// Newest first, then the later-recorded note first at the same time; (ChildId, DeletedAt,
    /// EventAt) is indexed, so a slice reads only its own rows.
    private async Task<IReadOnlyList<ChronologyItem>> ReadAsync(int childId, int skip, int? take, CancellationToken ct)
    {
        var query = db.CaseNotes.AsNoTracking().Where(n => n.ChildId == childId)
            .OrderByDescending(n => n.EventAt).ThenByDescending(n => n.Id)
            .Select(n => new
            {
                n.Id, n.Type, n.EventAt, n.Subject, n.ChildSeen, n.ChildSeenAlone, Author = n.Author.DisplayName,
                Latest = n.Amendments.OrderByDescending(a => a.AmendedAt).Select(a => a.Subject).FirstOrDefault(),
            });
        if (skip > 0) query = query.Skip(skip);
        if (take is { } count) query = query.Take(count);
        var notes = await query.ToListAsync(ct);
        return notes.Select(n => new ChronologyItem(n.EventAt, true, Category,
            $"{CaseNote.Describe(n.Type)}: {n.Latest ?? n.Subject}",
            n.ChildSeenAlone ? "Child seen alone" : n.ChildSeen ? "Child seen" : null,
            n.Author, $"notes/{n.Id}")).ToList();
    }
}

public sealed class AllocationChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Allocation";

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await db.Allocations.AsNoTracking().Where(a => a.ChildId == childId)
            .Select(a => new { a.Kind, a.StartDate, a.EndDate, Worker = a.Worker.DisplayName, Team = a.Team.Name })
            .ToListAsync(ct);
        var items = new List<ChronologyItem>();
        foreach (var a in rows)
        {
            items.Add(new(Dates.At(a.StartDate), false, Category, $"Allocated to {a.Worker} ({Allocation.Describe(a.Kind).ToLowerInvariant()})", a.Team, null, null));
            if (a.EndDate is { } end)
                items.Add(new(Dates.At(end), false, Category, $"Allocation to {a.Worker} ended", a.Team, null, null));
        }
        return items;
    }
}

public sealed class InvolvementChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Involvement";

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId).ToListAsync(ct);
        var items = new List<ChronologyItem>();
        foreach (var i in rows)
        {
            var name = Involvement.Describe(i.Kind);
            items.Add(new(Dates.At(i.StartDate), false, Category, $"{name} started", null, null, null));
            if (i.EndDate is { } end) items.Add(new(Dates.At(end), false, Category, $"{name} ended", null, null, null));
        }
        return items;
    }
}

public sealed class AddressChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Address";

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == childId)
            .Select(a => new { a.StartDate, a.Address.Line1, a.Address.Town, a.Address.Postcode }).ToListAsync(ct);
        return rows.Select(a => new ChronologyItem(Dates.At(a.StartDate), false, Category,
            "Moved to a new address", $"{a.Line1}, {a.Town} {a.Postcode}", null, null)).ToList();
    }
}
