using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Haven.Core.Workforce;
using Haven.Web.Features.Children.Record.Oversight;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// One case in the supervision form: the discussion and direction, and an optional action.
public sealed class SupervisionCaseRow
{
    public int ChildId { get; set; }
    public string? Discussion { get; set; }
    public OversightActionRow Action { get; set; } = new();
}

/// A team manager records a worker's supervision, case by case. Each case discussed becomes
/// oversight on that child's record; its action goes to the worker's My work.
public class RecordSupervisionModel(HavenDbContext db, OversightService service, ChildAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int WorkerId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the supervision")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<SupervisionCaseRow> Cases { get; set; } = [];
    [BindProperty] public Guid SubmissionId { get; set; }

    public string WorkerName { get; private set; } = "";
    public Dictionary<int, string> ChildNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SubmissionId = Guid.NewGuid();
        Cases = ChildNames.Keys.Select(id => new SupervisionCaseRow { ChildId = id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Cases = Cases.Where(c => ChildNames.ContainsKey(c.ChildId)).ToList();
        var result = await service.RecordSupervisionAsync(new RecordSupervisionOptions(WorkerId, Date, Notes,
            Cases.Select(c => new SupervisionCaseInput(c.ChildId, c.Discussion, new OversightActionInput(c.Action.What, c.Action.Who, c.Action.DueDate))).ToList(),
            SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        if (!result.Succeeded || !ModelState.IsValid)
        {
            foreach (var (k, v) in result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0)) ModelState.AddModelError(k, v);
            return Page();
        }
        TempData["Notice"] = $"Supervision recorded: {result.Value!.Cases.Count} cases discussed";
        return Redirect($"/team/supervision/{result.Value.Id}");
    }

    /// The worker must be in the manager's team; only cases the manager may change are offered.
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = CurrentWorker.From(User)!;
        if (me.Role != HavenRole.TeamManager) return false;
        var worker = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == WorkerId && w.TeamId == me.TeamId && w.Id != me.WorkerId, ct);
        if (worker is null) return false;
        WorkerName = worker.DisplayName;
        var ids = await service.CasesOf(WorkerId).ToListAsync(ct);
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct);
        ChildNames = [];
        foreach (var n in names)
            if (await access.CanAsync(me, n.Id, AccessLevel.Write, ct)) ChildNames[n.Id] = n.Name;
        return true;
    }
}
