using Haven.Core.Access;
using Haven.Core.Quality;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// Audit tools: their themes and questions; add a tool, retire one or bring it back. A tool is never
/// rewritten, so audits already made keep the questions they were graded against.
public class ToolsModel(AuditService audits) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public List<AuditTool> Tools { get; private set; } = [];
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!MayEdit) return Forbid();
        try
        {
            await audits.AddToolAsync(Name ?? "", Description, Questions, ct);
        }
        catch (QualityValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        TempData["Notice"] = "Audit tool added";
        return Redirect("/quality/tools");
    }

    public async Task<IActionResult> OnPostActiveAsync(int toolId, bool active, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!MayEdit) return Forbid();
        if (Tools.All(t => t.Id != toolId)) return NotFound();
        try
        {
            await audits.SetActiveAsync(toolId, Version, active, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError(string.Empty, "Someone else changed that tool while you were looking at it. Check it below and try again");
            return Page();
        }
        TempData["Notice"] = active ? "Tool brought back into use" : "Tool retired";
        return Redirect("/quality/tools");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayEdit = Policies.AuditsCases(CurrentWorker.From(User)!.Role);
        Tools = await audits.ToolsAsync(activeOnly: false, ct);
    }
}
