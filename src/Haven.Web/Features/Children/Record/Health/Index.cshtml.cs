using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.MyWork;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Health;

public class IndexModel(HavenDbContext db, DueWork due, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<HealthRecord> Records { get; private set; } = [];
    public IReadOnlyList<DueItem> Due { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public HealthRecord? Latest(params HealthRecordKind[] kinds) => Records.FirstOrDefault(r => kinds.Contains(r.Kind));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "health", Today, ct))!;
        Records = await db.HealthRecords.AsNoTracking().Where(r => r.ChildId == childId)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct);
        Due = (await due.ForChildrenAsync([childId], ct)).Where(d => d.Href?.Contains("/health") == true).ToList();
        return Page();
    }
}
