using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenInCare;

/// A period in which a child was looked after: Start is the date they came into care.
public sealed record CareSpan(int ChildId, DateOnly Start, DateOnly? End);

/// Which children are, or were, in care and since when. Health and the virtual school ask only
/// this, so that when periods of care are recorded as SSDA903 episodes the answer can come from
/// them by swapping the one implementation registered.
public interface ICareSpans
{
    /// Every period of care (open and closed) of the given children.
    Task<IReadOnlyList<CareSpan>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct);

    /// The ids of children in care now (an open period of care).
    IQueryable<int> InCareNow();
}

/// Until periods of care are recorded, "in care" is an InCare involvement; its start date is the
/// date the child came into care.
public sealed class InvolvementCareSpans(HavenDbContext db) : ICareSpans
{
    public async Task<IReadOnlyList<CareSpan>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct) =>
        await db.Involvements.AsNoTracking()
            .Where(i => childIds.Contains(i.ChildId) && i.Kind == InvolvementKind.InCare)
            .OrderBy(i => i.StartDate)
            .Select(i => new CareSpan(i.ChildId, i.StartDate, i.EndDate))
            .ToListAsync(ct);

    public IQueryable<int> InCareNow() =>
        db.Involvements.Where(i => i.Kind == InvolvementKind.InCare && i.EndDate == null).Select(i => i.ChildId);
}
