using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Assessments;

/// Starts a single assessment from the child's referral, and in the same step one for each brother
/// or sister selected (each from their own open referral).
public class StartModel(HavenDbContext db, AssessmentService assessments, ChildAccess access, TimeProvider clock, Haven.Core.Permanence.SealedAdoptionSettings sealedAdoption) : PageModel
{
    [BindProperty]
    public int? ReferralId { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Start date")]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public List<string> SiblingIds { get; set; } = [];

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> ReferralItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SiblingItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        if (ReferralItems.Count == 1) ReferralId = int.Parse(ReferralItems[0].Value);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ReferralId is null) ModelState.AddModelError(nameof(ReferralId), "Select the referral the assessment starts from");
        if (StartDate is null && !ModelState.ContainsKey(nameof(StartDate))) ModelState.AddModelError(nameof(StartDate), "Enter the start date");
        var siblings = SiblingIds.Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).ToList();
        var worker = CurrentWorker.From(User)!;
        foreach (var id in siblings)
            if (!await access.CanAsync(worker, id, AccessLevel.Write, ct))
                ModelState.AddModelError(nameof(SiblingIds), "You cannot start an assessment for a brother or sister outside your team's cases");
        if (ModelState.IsValid)
        {
            var result = await assessments.StartAsync(new StartAssessmentOptions(childId, ReferralId!.Value, StartDate!.Value, siblings,
                SubmissionId == Guid.Empty ? null : SubmissionId), worker, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Value!.Count > 1 ? $"{result.Value.Count} assessments started" : "Assessment started";
                var own = result.Value.First(a => a.ChildId == childId);
                return Redirect($"/children/{childId}/assessments/{own.Id}");
            }
            foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        }
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "assessments", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        ReferralItems = (await assessments.OpenReferrals(childId).OrderByDescending(r => r.ReferralDate).ToListAsync(ct))
            .Select(r => new SelectListItem($"Referral of {r.ReferralDate:d MMMM yyyy}", r.Id.ToString())).ToList();
        var siblingIds = await db.Relationships.AsNoTracking()
            .Where(r => r.PersonId == childId && (r.Type == RelationshipType.Sibling || r.Type == RelationshipType.HalfSibling || r.Type == RelationshipType.StepSibling))
            .Select(r => r.RelatedPersonId)
            .Union(db.Relationships.Where(r => r.RelatedPersonId == childId && (r.Type == RelationshipType.Sibling || r.Type == RelationshipType.HalfSibling || r.Type == RelationshipType.StepSibling)).Select(r => r.PersonId))
            .ToListAsync(ct);
        var worker = CurrentWorker.From(User);
        var hidden = worker is null ? Haven.Core.Permanence.SealedRecords.All(db) : Haven.Core.Permanence.SealedRecords.HiddenFrom(db, sealedAdoption, worker.Role);
        var siblings = await db.People.AsNoTracking().Where(p => siblingIds.Contains(p.Id) && !hidden.Any(h => h == p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, HasReferral = db.Referrals.Any(r => r.ChildId == p.Id && r.ClosureDate == null && !r.NoFurtherAction) })
            .OrderBy(p => p.FirstName).ToListAsync(ct);
        SiblingItems = siblings.Select(s => new SelectListItem(
            s.HasReferral ? $"{s.FirstName} {s.LastName}" : $"{s.FirstName} {s.LastName} (no open referral)", s.Id.ToString()) { Disabled = !s.HasReferral }).ToList();
    }
}
