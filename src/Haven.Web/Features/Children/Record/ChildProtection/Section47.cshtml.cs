using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// A section 47 enquiry: its start, the conference target date, and where it is open, the outcome form.
public class Section47Model(HavenDbContext db, ChildProtectionService protection, TimeProvider clock) : PageModel
{
    [BindProperty] public Section47Outcome? Outcome { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the enquiry was completed")] public DateOnly? CompletedDate { get; set; }
    [BindProperty] public string? OutcomeSummary { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public Section47Enquiry Record { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> OutcomeItems { get; } = Enum.GetValues<Section47Outcome>()
        .Select(o => new SelectListItem(Section47Enquiry.Describe(o), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int childId, int enquiryId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, enquiryId, ct)) return NotFound();
        Version = Record.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int enquiryId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, enquiryId, ct)) return NotFound();
        try
        {
            var result = await protection.CompleteSection47Async(new CompleteSection47Options(enquiryId, Version, Outcome, CompletedDate, OutcomeSummary), CurrentWorker.From(User)!, ct);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                    if (!ModelState.ContainsKey(field) || ModelState[field]!.Errors.Count == 0) ModelState.AddModelError(field, message);
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else completed this enquiry while you were editing it");
            return Page();
        }
        TempData["Notice"] = "Section 47 enquiry completed";
        return Redirect($"/children/{childId}/child-protection/section-47/{enquiryId}");
    }

    private async Task<bool> LoadAsync(int childId, int enquiryId, CancellationToken ct)
    {
        var s = await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enquiryId && x.ChildId == childId, ct);
        if (s is null) return false;
        Record = s;
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
