using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Assessments;

/// Opens and closes a child's involvement spans alongside the record that starts or ends them;
/// the caller saves both in one SaveChanges.
internal static class InvolvementSpans
{
    public static async Task OpenAsync(HavenDbContext db, int childId, InvolvementKind kind, DateOnly start, DateTime now, CancellationToken ct)
    {
        if (await db.Involvements.AnyAsync(i => i.ChildId == childId && i.Kind == kind && i.EndDate == null, ct)) return;
        if (db.Involvements.Local.Any(i => i.ChildId == childId && i.Kind == kind && i.EndDate == null)) return;
        db.Involvements.Add(new Involvement { ChildId = childId, Kind = kind, StartDate = start, RecordedAt = now });
    }

    public static async Task CloseAsync(HavenDbContext db, int childId, InvolvementKind kind, DateOnly end, CancellationToken ct)
    {
        foreach (var i in await db.Involvements.Where(i => i.ChildId == childId && i.Kind == kind && i.EndDate == null).ToListAsync(ct))
            i.EndDate = end < i.StartDate ? i.StartDate : end;
    }
}
