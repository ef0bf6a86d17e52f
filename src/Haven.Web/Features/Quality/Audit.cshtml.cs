using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Quality;
using Haven.Web.Features.Children.Record;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// One audit: grades by theme, findings, actions (marked done here), moderation; correct or remove it.
/// Opened by auditors, and by whoever may read the child (CaseAudit policy): the actions are on the My
/// work of the child's worker, and those who may write to the child's record mark them done.
public class AuditModel(HavenDbContext db, AuditService audits, ChildRecordGuard guard, ChildAccess access, TimeProvider clock) : PageModel
{
    public CaseAudit Audit { get; private set; } = null!;
    public ChildHeader Header { get; private set; } = null!;
    public Dictionary<int, string> Names { get; private set; } = [];
    public List<(AuditTheme Theme, List<(AuditQuestion Question, AuditAnswer? Answer)> Rows)> Themes { get; private set; } = [];
    public bool MayAudit { get; private set; }
    /// Auditors, and those who may write to the child's record (the child's worker and team).
    public bool MayMarkDone { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of moderation")] public DateOnly? ModeratedOn { get; set; }
    [BindProperty] public AuditGrade? ModeratorGrade { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int auditId, CancellationToken ct)
    {
        if (await LoadAsync(auditId, ct) is { } stop) return stop;
        ModeratedOn = AuditedChild.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(int auditId, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(auditId, ct) is { } stop) return stop;
        if (!MayMarkDone) return Forbid();
        if (Audit.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return NotFound();
        if (action.CompletedOn is not null) { TempData["Notice"] = "That action was already marked as done"; return Redirect($"/quality/audits/{auditId}"); }
        try
        {
            await audits.CompleteActionAsync(actionId, Version, AuditedChild.Today(clock), CurrentWorker.From(User)!, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(auditId, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this action while you were looking at it. Check it below and mark it as done again if it still needs to be");
            return Page();
        }
        TempData["Notice"] = "Action marked as done";
        return Redirect($"/quality/audits/{auditId}");
    }

    public async Task<IActionResult> OnPostModerateAsync(int auditId, CancellationToken ct)
    {
        if (await LoadAsync(auditId, ct) is { } stop) return stop;
        if (!MayAudit) return Forbid();
        if (ModelState.GetValueOrDefault(nameof(ModeratorGrade)) is { Errors.Count: > 0 }) ModelState.Remove(nameof(ModeratorGrade));
        if (ModeratorGrade is null) ModelState.AddModelError(nameof(ModeratorGrade), "Select your overall grade for the case");
        if (ModeratedOn is null && ModelState.GetValueOrDefault(nameof(ModeratedOn)) is not { Errors.Count: > 0 }) ModelState.AddModelError(nameof(ModeratedOn), "Enter the date of moderation");
        else if (ModeratedOn > AuditedChild.Today(clock)) ModelState.AddModelError(nameof(ModeratedOn), "Date of moderation must be today or in the past");
        if (!ModelState.IsValid) return Page();
        try
        {
            await audits.ModerateAsync(auditId, ModeratorGrade!.Value, ModeratedOn!.Value, Comment, CurrentWorker.From(User)!, ct);
        }
        catch (QualityValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        TempData["Notice"] = "Moderation recorded";
        return Redirect($"/quality/audits/{auditId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int auditId, CancellationToken ct)
    {
        if (await LoadAsync(auditId, ct) is { } stop) return stop;
        if (!MayAudit) return Forbid();
        try
        {
            await audits.RemoveAsync(auditId, Version, Reason ?? "", CurrentWorker.From(User)!, ct);
        }
        catch (QualityValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(auditId, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this audit while you were looking at it. It has not been removed: check it below first");
            return Page();
        }
        TempData["Notice"] = "Audit removed from the figures";
        return Redirect($"/quality/audits/{auditId}");
    }

    private async Task<IActionResult?> LoadAsync(int auditId, CancellationToken ct)
    {
        var audit = await db.CaseAudits.IgnoreQueryFilters().AsNoTracking().Include(a => a.Tool).Include(a => a.Answers).Include(a => a.Actions).Include(a => a.Moderations)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == auditId, ct);
        // An audit the viewer may not see and one that does not exist get the same answer.
        if (audit is null || await AuditedChild.OpenAsync(this, guard, db, audit.ChildId, AuditedChild.Today(clock), ct) is not { } header)
            return StatusCode(StatusCodes.Status403Forbidden);
        Audit = audit;
        Header = header;
        var viewer = CurrentWorker.From(User)!;
        MayAudit = Policies.AuditsCases(viewer.Role);
        MayMarkDone = MayAudit || await access.CanAsync(viewer, audit.ChildId, AccessLevel.Write, ct);
        var questionIds = audit.Answers.Select(a => a.QuestionId).ToList();
        var themes = await db.AuditThemes.AsNoTracking().Include(t => t.Questions).Where(t => t.ToolId == audit.ToolId).OrderBy(t => t.Order).ToListAsync(ct);
        Themes = themes.Select(t => (t, t.Questions.OrderBy(q => q.Order).Select(q => (q, audit.Answers.FirstOrDefault(a => a.QuestionId == q.Id))).ToList())).ToList();
        var ids = new[] { audit.AuditorWorkerId }.Concat(audit.Moderations.Select(m => m.ModeratorWorkerId))
            .Concat(audit.Actions.Select(a => a.OwnerWorkerId ?? 0)).Concat([audit.WorkerId ?? 0, audit.DeletedByWorkerId ?? 0]).Distinct().ToList();
        Names = await db.Workers.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        if (audit.TeamId is { } teamId && await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) is { } team) Names[-teamId] = team.Name;
        if (!ModelState.ContainsKey(nameof(Version)) || HttpMethods.IsGet(Request.Method)) Version = audit.Version;
        return null;
    }

    public string Name(int? id) => id is { } i && Names.TryGetValue(i, out var n) ? n : "Not recorded";
}
