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

public sealed class ChronologyBuilder(IEnumerable<IChronologySource> sources)
{
    public IReadOnlyList<string> Categories { get; } = sources.Select(s => s.Category).Distinct().Order().ToList();

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, IReadOnlyCollection<string>? categories, CancellationToken ct = default)
    {
        var items = new List<ChronologyItem>();
        foreach (var source in sources)
        {
            if (categories is { Count: > 0 } && !categories.Contains(source.Category)) continue;
            items.AddRange(await source.ForChildAsync(childId, ct));
        }
        return items.OrderByDescending(i => i.At).ThenBy(i => i.Category).ToList();
    }
}

internal static class Dates
{
    public static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

public sealed class CaseNoteChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Case notes";

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.ChildId == childId)
            .Select(n => new
            {
                n.Id, n.Type, n.EventAt, n.Subject, n.ChildSeen, n.ChildSeenAlone, Author = n.Author.DisplayName,
                Latest = n.Amendments.OrderByDescending(a => a.AmendedAt).Select(a => a.Subject).FirstOrDefault(),
            })
            .ToListAsync(ct);
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
