using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Assessments;

/// A team manager authorises the assessment (AssessmentAuthorisationDate) and decides what follows.
public class AuthoriseModel(HavenDbContext db, AssessmentService assessments, TimeProvider clock) : PageModel
{
    [BindProperty] public AssessmentOutcome? Outcome { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of authorisation")] public DateOnly? AuthorisedDate { get; set; }
    [BindProperty] public string? ManagerComments { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public Assessment Record { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> OutcomeItems { get; } = Enum.GetValues<AssessmentOutcome>()
        .Select(o => new SelectListItem(Assessment.Describe(o), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        if (!User.IsInRole(nameof(HavenRole.TeamManager))) return Forbid();
        Version = Record.Version;
        AuthorisedDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        if (!User.IsInRole(nameof(HavenRole.TeamManager))) return Forbid();
        if (AuthorisedDate is null && !ModelState.ContainsKey(nameof(AuthorisedDate))) ModelState.AddModelError(nameof(AuthorisedDate), "Enter the date of authorisation");
        if (!ModelState.IsValid) return Page();
        try
        {
            var result = await assessments.AuthoriseAsync(new AuthoriseAssessmentOptions(assessmentId, Version, Outcome, AuthorisedDate, ManagerComments), CurrentWorker.From(User)!, ct);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors)
                    ModelState.AddModelError(field, message);
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "The assessment changed while you were reading it. Read it again, then authorise it");
            Version = (await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == assessmentId, ct)).Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        TempData["Notice"] = "Assessment authorised";
        return Redirect($"/children/{childId}/assessments/{assessmentId}");
    }

    private async Task<bool> LoadAsync(int childId, int assessmentId, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().Include(x => x.Factors).FirstOrDefaultAsync(x => x.Id == assessmentId && x.ChildId == childId, ct);
        if (a is null) return false;
        Record = a;
        Header = (await ChildHeader.LoadAsync(db, childId, "assessments", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
