using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering;

/// The fostering service's list of special guardians and the support each receives. The child is
/// named (and linked) only for readers who may open the child's record; a sealed adoption record
/// never appears here because a special guardianship is not an adoption.
public class SpecialGuardiansModel(HavenDbContext db, ChildAccess access) : PageModel
{
    public sealed record Row(SpecialGuardianship Order, int? ChildId, string? ChildName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int WithoutSupport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var orders = await db.SpecialGuardianships.AsNoTracking().Include(s => s.Support)
            .OrderByDescending(s => s.OrderDate).ThenByDescending(s => s.Id).Take(500).ToListAsync(ct);
        var ids = orders.Select(o => o.ChildId).Distinct().ToList();
        var names = CurrentWorker.From(User) is { } me && ids.Count > 0
            ? await access.Children(me).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct)
            : new Dictionary<int, string>();
        Rows = orders.Select(o => names.TryGetValue(o.ChildId, out var n) ? new Row(o, o.ChildId, n) : new Row(o, null, null)).ToList();
        WithoutSupport = orders.Count(o => o.Support.Count == 0);
    }
}
