using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Quality;
using Haven.Web.Features.Children.Record;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// An auditor grades a child's case against a tool: each question, then overall, with findings,
/// learning and up to three actions for the worker and the manager. With ?corrects= it records a
/// correction that replaces an earlier audit (the earlier one is kept, marked superseded).
public class NewModel(HavenDbContext db, AuditService audits, ChildRecordGuard guard, TimeProvider clock) : PageModel
{
    public sealed class ActionInput
    {
        public string? Text { get; set; }
        public AuditActionFor For { get; set; }
        [GovukDate(ErrorMessagePrefix = "Date the action is due")] public DateOnly? DueOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Child { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tool { get; set; }
    [BindProperty(SupportsGet = true)] public int? Corrects { get; set; }
    [BindProperty] public Guid? CorrectsVersion { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the audit")] public DateOnly? AuditedOn { get; set; }
    [BindProperty] public Dictionary<int, AuditGrade?> Grades { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Comments { get; set; } = [];
    [BindProperty] public AuditGrade? Overall { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Learning { get; set; }
    [BindProperty] public List<ActionInput> Actions { get; set; } = [];
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public List<AuditTool> Tools { get; private set; } = [];
    public AuditTool Current { get; private set; } = null!;

    public static IEnumerable<SelectListItem> GradeItems => Enum.GetValues<AuditGrade>().Select(g => new SelectListItem(QualityRules.Describe(g), g.ToString()));
    public static IEnumerable<SelectListItem> ForItems => Enum.GetValues<AuditActionFor>().Select(g => new SelectListItem(QualityRules.Describe(g), g.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Policies.AuditsCases(CurrentWorker.From(User)!.Role)) return Forbid();
        if (await LoadAsync(ct) is { } stop) return stop;
        SubmissionId = Guid.NewGuid();
        AuditedOn = AuditedChild.Today(clock);
        if (Corrects is { } id && await db.CaseAudits.AsNoTracking().Include(a => a.Answers).Include(a => a.Actions).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Id == id && a.ChildId == Child, ct) is { } old)
        {
            CorrectsVersion = old.Version;
            AuditedOn = old.AuditedOn; Overall = old.OverallGrade; Findings = old.Findings; Learning = old.Learning;
            foreach (var a in old.Answers) { Grades[a.QuestionId] = a.Grade; Comments[a.QuestionId] = a.Comment; }
            Actions = old.Actions.Select(a => new ActionInput { Text = a.Text, For = a.For, DueOn = a.DueOn }).ToList();
        }
        while (Actions.Count < QualityRules.MaxActions) Actions.Add(new ActionInput { For = Actions.Count == 1 ? AuditActionFor.Manager : AuditActionFor.Worker });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Policies.AuditsCases(CurrentWorker.From(User)!.Role)) return Forbid();
        if (await LoadAsync(ct) is { } stop) return stop;
        Actions = Actions.Take(QualityRules.MaxActions).ToList();
        while (Actions.Count < QualityRules.MaxActions) Actions.Add(new ActionInput());
        // An unknown grade or owner is treated like none chosen: the rules give the plain message.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Grades[") || k == nameof(Overall) || k.EndsWith(".For")).ToList())
            if (ModelState[key]!.Errors.Count > 0) { ModelState.Remove(key); if (key.StartsWith("Grades[") && int.TryParse(key[7..^1], out var q)) Grades[q] = null; }
        var questionIds = Current.Themes.SelectMany(t => t.Questions).Select(q => q.Id).ToList();
        var draft = new AuditDraft(AuditedOn, questionIds, questionIds.ToDictionary(q => q, q => Grades.GetValueOrDefault(q)),
            Comments.Where(c => questionIds.Contains(c.Key)).ToDictionary(), Overall, Findings, Learning,
            Actions.Select(a => new ActionDraft(a.Text, a.For, a.DueOn)).ToList());
        foreach (var (field, message) in QualityRules.ValidateAudit(draft, AuditedChild.Today(clock)))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        int id;
        try
        {
            id = await audits.RecordAsync(Child, Current.Id, draft, CurrentWorker.From(User)!, SubmissionId == Guid.Empty ? null : SubmissionId, Corrects, CorrectsVersion, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed the audit you are correcting while you were working. Your correction has not been saved: open the audit again to see their change");
            return Page();
        }
        catch (QualityValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        TempData["Notice"] = Corrects is null ? "Audit recorded" : "Correction recorded";
        return Redirect($"/quality/audits/{id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        // An audit is of one case: without one, go where the auditor chooses it.
        if (Child <= 0) return Redirect("/quality/audits");
        if (await AuditedChild.OpenAsync(this, guard, db, Child, AuditedChild.Today(clock), ct) is not { } header) return StatusCode(StatusCodes.Status403Forbidden);
        Header = header;
        Tools = await audits.ToolsAsync(activeOnly: true, ct);
        if (Corrects is { } c && await db.CaseAudits.AsNoTracking().Where(a => a.Id == c && a.ChildId == Child).Select(a => (int?)a.ToolId).FirstOrDefaultAsync(ct) is { } oldTool)
            Tool = oldTool;
        else if (Corrects is not null) return NotFound();
        var all = Tool is { } t && Corrects is not null ? await audits.ToolsAsync(activeOnly: false, ct) : Tools;
        Current = all.FirstOrDefault(x => x.Id == Tool) ?? Tools.FirstOrDefault()!;
        if (Current is null) return NotFound();
        foreach (var th in Current.Themes) th.Questions = th.Questions.OrderBy(q => q.Order).ToList();
        Current.Themes = Current.Themes.OrderBy(x => x.Order).ToList();
        // Every question has an entry, so the form's Grades[id] and Comments[id] fields can be read.
        foreach (var q in Current.Themes.SelectMany(x => x.Questions)) { Grades.TryAdd(q.Id, null); Comments.TryAdd(q.Id, null); }
        return null;
    }
}
