using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Features.Fostering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Permanence;

/// Support received by the child's special guardians under the order (the child record guard
/// checks access and logs the change).
public class SupportAddModel(HavenDbContext db, FosteringService fostering, TimeProvider clock) : SupportFormModel
{
    public ChildHeader Header { get; private set; } = null!;
    public SpecialGuardianship Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, orderId, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, orderId, ct)) return NotFound();
        var o = ReadOptions();
        if (!ModelState.IsValid) { AddErrors(fostering.Validate(o)); return Page(); }
        var result = await fostering.AddSupportAsync(orderId, null, o, CurrentWorker.From(User)?.WorkerId, Submission, ct);
        if (result.NotFound) return NotFound();
        AddErrors(result.Errors);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Special guardianship support recorded";
        return Redirect($"/children/{childId}/permanence#special-guardianship");
    }

    private async Task<bool> LoadAsync(int childId, int orderId, CancellationToken ct)
    {
        Order = (await db.SpecialGuardianships.AsNoTracking().FirstOrDefaultAsync(s => s.Id == orderId && s.ChildId == childId, ct))!;
        if (Order is null) return false;
        Header = (await ChildHeader.LoadAsync(db, childId, "permanence", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
