using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

// Not "Allocation": a folder (and namespace) of that name would hide the Allocation entity from the other record pages.
namespace Haven.Web.Features.Children.Record.CaseAllocation;

/// Who has held the child's case, and (for team managers and senior leaders) a change of social worker
/// with its reason (the 903 SW_REASON). AllocationService holds the rules, as for the API; the child
/// record guard checks access and logs the view or change. A social worker sees the history but not the form.
public class IndexModel(HavenDbContext db, AllocationService allocations, TimeProvider clock) : PageModel
{
    [BindProperty] public int? WorkerId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the new worker takes the case")] public DateOnly? StartDate { get; set; }
    [BindProperty] public string? ReasonCode { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }
    /// The version of the current social worker's allocation when the form was read (empty: none).
    [BindProperty] public Guid? Version { get; set; }
    /// Set when someone else changed the worker since the form was read: the page says what is saved now.
    public string? Conflict { get; private set; }

    public ChildHeader Header { get; private set; } = null!;
    public sealed record Row(string Role, string Worker, string Team, DateOnly From, DateOnly? To, string? Reason);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Workers { get; private set; } = [];
    public bool MayReallocate { get; private set; }

    public static IEnumerable<SelectListItem> Reasons => CodeLists.SwReason.All.Select(c => new SelectListItem(c.Description, c.Value));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        Version = (await allocations.CurrentAsync(childId, AllocationKind.SocialWorker, ct))?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        if (!MayReallocate) return Forbid();
        var errors = await allocations.ReallocateAsync(childId, AllocationKind.SocialWorker, WorkerId, StartDate, ReasonCode,
            CurrentWorker.From(User)?.WorkerId, Version ?? Guid.Empty, ct, SubmissionId == Guid.Empty ? null : SubmissionId);
        if (errors.ContainsKey("Version"))
        {
            // Someone else changed the worker first: say what is saved now, keep this manager's choices,
            // and carry the current version so a deliberate second change can be submitted.
            await LoadAsync(childId, ct);
            var now = await allocations.CurrentAsync(childId, AllocationKind.SocialWorker, ct);
            Version = now?.Version;
            ModelState.Remove(nameof(Version));
            Conflict = now is null
                ? "Someone else changed who holds the case since you opened this page. Nothing was saved. The case has no social worker now."
                : $"Someone else changed who holds the case since you opened this page. Nothing was saved. Now saved: {now.Worker.DisplayName} ({now.Team.Name}) "
                  + $"from {now.StartDate:d MMMM yyyy}{(CodeLists.SwReason.Describe(now.ChangeReasonCode) is { } why ? $", reason: {why}" : "")}. "
                  + "Check and submit again if the change is still needed.";
            ModelState.AddModelError(nameof(WorkerId), "Someone else changed who holds the case: check what is saved now, then submit again if the change is still needed");
            return Page();
        }
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Social worker changed";
        return Redirect($"/children/{childId}/allocation");
    }

    private async Task<bool> LoadAsync(int childId, CancellationToken ct)
    {
        // The allocation history has no tab of its own in the record's navigation, so none is current.
        Header = (await ChildHeader.LoadAsync(db, childId, "allocation", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (Header is null) return false;
        MayReallocate = CurrentWorker.From(User) is { } me && AccessMatrix.Reallocates(me.Role);
        var rows = await db.Allocations.AsNoTracking().Where(a => a.ChildId == childId)
            .OrderBy(a => a.EndDate != null).ThenByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .Select(a => new { a.Kind, Worker = a.Worker.DisplayName, Team = a.Team.Name, a.StartDate, a.EndDate, a.ChangeReasonCode }).ToListAsync(ct);
        Rows = rows.Select(a => new Row(Haven.Core.Allocations.Allocation.Describe(a.Kind), a.Worker, a.Team, a.StartDate, a.EndDate,
            CodeLists.SwReason.Describe(a.ChangeReasonCode))).ToList();
        if (MayReallocate)
        {
            var workers = await db.Workers.AsNoTracking()
                .Where(w => w.IsActive && w.TeamId != null && (w.Role == HavenRole.SocialWorker || w.Role == HavenRole.TeamManager))
                .OrderBy(w => w.DisplayName).Select(w => new { w.Id, w.DisplayName, Team = w.Team!.Name }).ToListAsync(ct);
            Workers = [new SelectListItem("Select the new social worker", ""), .. workers.Select(w => new SelectListItem($"{w.DisplayName} ({w.Team})", w.Id.ToString()))];
        }
        return true;
    }
}
