using Haven.Core.Data;
using Haven.Core.Workforce;

namespace Haven.Core.Permanence;

/// The children whose adoption record is sealed (the order is recorded), for the places that list a
/// child other than through ChildAccess: a relative's relationships, a sibling list on a form, an
/// export. Someone without a sealed-record role must not learn of the adopted child there either.
/// Leave a row out with `!hidden.Any(h => h == row.PersonId)` (NOT EXISTS: one probe of the
/// adoption's ChildId index per row), not `!hidden.Contains(row.PersonId)` (NOT IN, which PostgreSQL
/// answers by reading every sealed record into a hash for each query: 1,719 in the 500,000-child
/// region, 1-3 ms of a child's summary; BenchPagePlanTests keeps the summary from doing so).
public static class SealedRecords
{
    /// Every child with a sealed adoption record.
    public static IQueryable<int> All(HavenDbContext db) =>
        db.AdoptionCases.Where(a => a.SealedAt != null).Select(a => a.ChildId);

    /// The sealed children this role may not see (none for the roles named in Haven:SealedAdoption:Roles).
    public static IQueryable<int> HiddenFrom(HavenDbContext db, SealedAdoptionSettings settings, HavenRole role) =>
        settings.Allows(role) ? db.AdoptionCases.Where(a => false).Select(a => a.ChildId) : All(db);
}
