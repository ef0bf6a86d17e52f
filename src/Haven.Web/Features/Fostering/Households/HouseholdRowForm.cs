using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// A form that adds one record about a household (a supervision visit, training, an annual review,
/// the carers' feedback): the household's name for the heading, the idempotent submission id, and
/// what to do with FosteringService's answer. The same page corrects a row already recorded
/// (route .../{row}/correct): the corrected values, the reason and the version read; each changed value
/// is kept in FosteringCorrections, and a form read before someone else's correction is refused.
[Authorize(Policy = Policies.FosteringWork)]
public abstract class HouseholdRowFormModel(HavenDbContext db) : PageModel
{
    [BindProperty] public Guid SubmissionId { get; set; }
    /// The row being corrected (from the route), or null when adding one.
    [BindProperty(SupportsGet = true)] public int? Row { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// After a conflict: what is saved now.
    public IReadOnlyList<(string Field, string? Value)>? TheirVersion { get; private set; }
    public bool Correcting => Row is not null;

    public FosterHousehold Household { get; private set; } = null!;

    protected Guid? Submission => SubmissionId == Guid.Empty ? null : SubmissionId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Row is { } row) return await FillAsync(id, row, ct) ? Page() : NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    /// Fills the form with the row being corrected (and its Version); false when there is no such row.
    protected abstract Task<bool> FillAsync(int id, int row, CancellationToken ct);

    protected IActionResult Corrected<T>(int id, FosteringWrite<T> result, Func<T, IReadOnlyList<(string Field, string? Value)>> describe, string notice)
        where T : class, Haven.Core.Data.IVersioned
    {
        if (result.NotFound) return NotFound();
        AddRuleErrors(result.Errors);
        if (result.Conflict)
        {
            TheirVersion = describe(result.Value!);
            Version = result.Value!.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else corrected this record while you were editing it. Check what they saved (below) and save again to keep yours");
        }
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = notice;
        return Redirect($"/fostering/carers/{id}");
    }

    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Household = (await db.FosterHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct))!;
        return Household is not null;
    }

    /// Bound values that did not parse get the rule's own message rather than the framework's.
    protected void DropBindingErrors(params string[] fields)
    {
        foreach (var f in fields)
            if (ModelState.GetValueOrDefault(f) is { Errors.Count: > 0 } s && s.Errors.All(e => e.Exception is not null || e.ErrorMessage.Contains("is not valid", StringComparison.Ordinal)))
                ModelState.Remove(f);
    }

    protected void AddRuleErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    protected IActionResult Done<T>(int id, FosteringWrite<T> result, string notice) where T : class
    {
        if (result.NotFound) return NotFound();
        AddRuleErrors(result.Errors);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = notice;
        return Redirect($"/fostering/carers/{id}");
    }
}
