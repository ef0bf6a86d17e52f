using Haven.Core.Data;
using Haven.Core.Lado;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Lado;

/// The outcome of the allegation, and the referrals made because of it (DBS, regulator).
public class OutcomeModel(HavenDbContext db, LadoService lado, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the outcome")] public DateOnly? OutcomeOn { get; set; }
    [BindProperty] public LadoOutcome? Outcome { get; set; }
    [BindProperty] public List<string> Referrals { get; set; } = [];
    [BindProperty] public string? RegulatorName { get; set; }
    [BindProperty] public string? OutcomeNotes { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public LadoCase Case { get; private set; } = null!;

    public IEnumerable<SelectListItem> OutcomeItems => Enum.GetValues<LadoOutcome>().Select(o => new SelectListItem(LadoCase.Describe(o), o.ToString()));
    public static readonly IReadOnlyList<SelectListItem> ReferralItems =
        [new("Disclosure and Barring Service (DBS)", "dbs"), new("A professional regulator (for example the Teaching Regulation Agency, NMC, Social Work England, Ofsted)", "regulator")];

    public async Task<IActionResult> OnGetAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        Version = Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        ModelState.Remove(nameof(Outcome)); // an unknown value gets the same message as none
        var regulator = Referrals.Contains("regulator");
        foreach (var (field, message) in LadoRules.ValidateOutcome(Case.ReceivedOn, OutcomeOn, Outcome, regulator, RegulatorName, OutcomeNotes, today))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await lado.RecordOutcomeAsync(caseId, Version, OutcomeOn!.Value, Outcome!.Value, Referrals.Contains("dbs"), regulator, RegulatorName, OutcomeNotes, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(caseId, ct);
            Version = Case.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, Case.Outcome is { } o
                ? $"Someone else recorded the outcome ({o}, {Case.OutcomeOn:d MMMM yyyy}) while you were editing. Save again to replace it with yours"
                : "Someone else changed this case while you were editing it. Save again to keep yours");
            return Page();
        }
        TempData["Notice"] = "Outcome recorded";
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
