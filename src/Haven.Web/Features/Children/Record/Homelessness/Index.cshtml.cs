using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Homelessness;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Homelessness;

/// The young person's homelessness assessments, and starting one (16- and 17-year-olds only).
public class IndexModel(HavenDbContext db, HomelessnessService homelessness, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date presented")] public DateOnly? PresentedOn { get; set; }
    [BindProperty] public string? StayingNow { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<HomelessnessAssessment> Assessments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var options = new StartHomelessnessOptions(childId, PresentedOn, StayingNow);
        HomelessnessAssessment? assessment = null;
        IReadOnlyList<(string Field, string Message)> errors = [];
        if (ModelState.IsValid) (assessment, errors) = await homelessness.StartAsync(options, CurrentWorker.From(User)!, ct);
        else if (string.IsNullOrWhiteSpace(StayingNow)) errors = [("StayingNow", "Enter where the young person is staying now")];
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (assessment is null)
        {
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "Homelessness assessment started";
        return Redirect($"/children/{childId}/homelessness/{assessment.Id}");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "homelessness", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        Assessments = await db.HomelessnessAssessments.AsNoTracking().Include(a => a.Stays).Where(a => a.ChildId == childId)
            .OrderByDescending(a => a.PresentedOn).ToListAsync(ct);
    }
}
