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
/// what to do with FosteringService's answer. Records are added, never rewritten.
[Authorize(Policy = Policies.FosteringWork)]
public abstract class HouseholdRowFormModel(HavenDbContext db) : PageModel
{
    [BindProperty] public Guid SubmissionId { get; set; }

    public FosterHousehold Household { get; private set; } = null!;

    protected Guid? Submission => SubmissionId == Guid.Empty ? null : SubmissionId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
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
