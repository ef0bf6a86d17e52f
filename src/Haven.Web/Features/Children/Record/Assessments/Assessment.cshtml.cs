using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Assessments;

/// One assessment: the worker records it here while it is open; once authorised it reads only.
public class AssessmentModel(HavenDbContext db, AssessmentService assessments, TimeProvider clock) : PageModel
{
    [BindProperty] public string? ParentsInvolvement { get; set; }
    [BindProperty] public string? ExtendedFamilyInvolvement { get; set; }
    [BindProperty] public string? IdentityAndCulture { get; set; }
    [BindProperty] public string? Analysis { get; set; }
    [BindProperty] public string? WishesAndFeelings { get; set; }
    [BindProperty] public string? DirectWorkTools { get; set; }
    [BindProperty] public string? Observations { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the child was seen")] public DateOnly? ChildSeenDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the child was seen alone")] public DateOnly? ChildSeenAloneDate { get; set; }
    [BindProperty] public List<string> FactorCodes { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public Assessment Record { get; private set; } = null!;
    public string? AuthorisedBy { get; private set; }
    public int FamilySize { get; private set; }
    public bool Conflict { get; private set; }
    public bool CanAuthorise => Record.IsOpen && User.IsInRole(nameof(HavenRole.TeamManager));

    public static IReadOnlyList<SelectListItem> FactorItems { get; } = HelpAndProtectionCodes.AssessmentFactors.All
        .Select(c => new SelectListItem($"{c.Value}: {c.Description}", c.Value)).ToList();

    public async Task<IActionResult> OnGetAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        Fill(Record);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            var result = await assessments.RecordAsync(new RecordAssessmentOptions(assessmentId, Version, ParentsInvolvement, ExtendedFamilyInvolvement,
                IdentityAndCulture, Analysis, WishesAndFeelings, DirectWorkTools, Observations, ChildSeenDate, ChildSeenAloneDate, FactorCodes), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, assessmentId, ct);
            Conflict = true;
            Version = Record.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else saved this assessment while you were editing it. Their version is shown under 'Saved by them'; your changes are still in the form. Save again to keep yours");
            return Page();
        }
        TempData["Notice"] = "Assessment saved";
        return Redirect($"/children/{childId}/assessments/{assessmentId}");
    }

    private void Fill(Assessment a)
    {
        ParentsInvolvement = a.ParentsInvolvement; ExtendedFamilyInvolvement = a.ExtendedFamilyInvolvement; IdentityAndCulture = a.IdentityAndCulture;
        Analysis = a.Analysis; WishesAndFeelings = a.WishesAndFeelings; DirectWorkTools = a.DirectWorkTools; Observations = a.Observations;
        ChildSeenDate = a.ChildSeenDate; ChildSeenAloneDate = a.ChildSeenAloneDate; FactorCodes = a.Factors.Select(f => f.Code).ToList(); Version = a.Version;
    }

    private async Task<bool> LoadAsync(int childId, int assessmentId, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().Include(x => x.Factors).Include(x => x.Referral)
            .FirstOrDefaultAsync(x => x.Id == assessmentId && x.ChildId == childId, ct);
        if (a is null) return false;
        Record = a;
        AuthorisedBy = a.AuthorisedByWorkerId is { } w ? await db.Workers.Where(x => x.Id == w).Select(x => x.DisplayName).FirstOrDefaultAsync(ct) : null;
        FamilySize = a.FamilyAssessmentId is { } f ? await db.Assessments.CountAsync(x => x.FamilyAssessmentId == f, ct) : 1;
        Header = (await ChildHeader.LoadAsync(db, childId, "assessments", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
