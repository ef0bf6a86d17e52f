using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Lado;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Lado;

/// The initial consideration: what happens next, and why, within 1 working day of receipt.
public class DecisionModel(HavenDbContext db, LadoService lado, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the decision")] public DateOnly? ConsideredOn { get; set; }
    [BindProperty] public LadoDecision? Decision { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public LadoCase Case { get; private set; } = null!;
    public string? Conflict { get; private set; }

    public IEnumerable<SelectListItem> DecisionItems => Enum.GetValues<LadoDecision>().Select(d => new SelectListItem(LadoCase.Describe(d), d.ToString()));

    public async Task<IActionResult> OnGetAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        Version = Case.Version;
        ConsideredOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        ModelState.Remove(nameof(Decision)); // an unknown value gets the same message as none
        foreach (var (field, message) in LadoRules.ValidateDecision(Case.ReceivedOn, ConsideredOn, Decision, Rationale, today))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await lado.DecideAsync(caseId, Version, ConsideredOn!.Value, Decision!.Value, Rationale!, CurrentWorker.From(User)!, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(caseId, ct);
            Conflict = Case.Decision is { } d ? $"{LadoCase.Describe(d)} on {Case.ConsideredOn:d MMMM yyyy}: {Case.DecisionRationale}" : "the case details";
            Version = Case.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this case while you were editing it. Check what they saved, then save again to keep yours");
            return Page();
        }
        TempData["Notice"] = "Decision recorded";
        return Redirect($"/lado/{caseId}");
    }

    private async Task<bool> LoadAsync(int caseId, CancellationToken ct)
    {
        var c = await db.LadoCases.AsNoTracking().Include(x => x.Person).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return false;
        Case = c;
        return true;
    }
}
