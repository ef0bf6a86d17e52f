using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Inclusion;

/// A child's school inclusion records: home education, children missing education, exclusions.
public class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<HomeEducation> HomeEducation { get; private set; } = [];
    public IReadOnlyList<MissingEducation> MissingEducation { get; private set; } = [];
    public IReadOnlyList<Exclusion> Exclusions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "inclusion", Today, ct))!;
        HomeEducation = await db.HomeEducations.AsNoTracking().Include(h => h.Checks).Where(h => h.ChildId == childId).OrderByDescending(h => h.NotifiedOn).ToListAsync(ct);
        MissingEducation = await db.MissingEducations.AsNoTracking().Include(m => m.Actions).Where(m => m.ChildId == childId).OrderByDescending(m => m.ReferredOn).ToListAsync(ct);
        Exclusions = await db.Exclusions.AsNoTracking().Where(x => x.ChildId == childId).OrderByDescending(x => x.StartDate).ToListAsync(ct);
    }
}
