using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// A looked-after review: the IRO who chaired it, how the child took part (903 REVIEW_CODE),
/// advocacy, decisions, and the record written to the child.
public class ReviewAddModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the review"), GovukDate(ErrorMessagePrefix = "Date of the review")]
    public DateOnly? ReviewDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the independent reviewing officer who chaired the review")]
    public int? ChairWorkerId { get; set; }
    [BindProperty, Required(ErrorMessage = "Select how the child took part")]
    public string? Participation { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether advocacy was offered")]
    public string? Advocacy { get; set; }
    [BindProperty]
    public string? LongTerm { get; set; }
    [BindProperty]
    public string? Decisions { get; set; }
    [BindProperty, Required(ErrorMessage = "Write the review record to the child")]
    public string? LetterToChild { get; set; }
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Iros { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> AdvocacyItems =
        [new("Offered and taken up", "taken"), new("Offered, not taken up", "offered"), new("Not offered", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (Advocacy is not null and not ("taken" or "offered" or "no")) ModelState.AddModelError(nameof(Advocacy), "Select whether advocacy was offered");
        if (!ModelState.IsValid) { await LoadAsync(childId, ct); return Page(); }
        var result = await service.RecordReviewAsync(new RecordReviewOptions(childId, ReviewDate!.Value, ChairWorkerId!.Value, Participation!,
            Advocacy is "taken" or "offered", Advocacy == "taken", LongTerm == "yes", Decisions ?? "", LetterToChild!, SubmissionId == Guid.Empty ? null : SubmissionId),
            CurrentWorker.From(User)!, ct);
        if (!result.Succeeded)
        {
            CareItems.AddErrors(ModelState, result.Errors, new Dictionary<string, string> { ["ParticipationCode"] = nameof(Participation), ["AdvocacyTakenUp"] = nameof(Advocacy) });
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "Review recorded";
        return Redirect($"/children/{childId}/care/reviews/{result.Id}");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var iros = await db.Workers.AsNoTracking().Where(w => w.IsActive && w.Role == HavenRole.Iro).OrderBy(w => w.DisplayName)
            .Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct);
        Iros = [new SelectListItem("Select the IRO", ""), .. iros.Select(m => new SelectListItem(m.DisplayName, m.Id.ToString()))];
    }
}
