using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Core.Quality;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Feedback;

/// Records feedback about the service from the child, their family, a carer or a partner agency,
/// on the same 1–5 scale as early help feedback links. Reported at /quality/feedback by team.
public class AddModel(HavenDbContext db, AuditService quality, TimeProvider clock) : PageModel
{
    [BindProperty] public FeedbackFrom? From { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the feedback was given")] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }
    public ChildHeader Header { get; private set; } = null!;

    public static IEnumerable<SelectListItem> FromItems => Enum.GetValues<FeedbackFrom>().Select(f => new SelectListItem(QualityRules.Describe(f), f.ToString()));
    public static IEnumerable<SelectListItem> RatingItems => Enumerable.Range(FeedbackRules.MinRating, FeedbackRules.MaxRating)
        .Reverse().Select(r => new SelectListItem($"{r} – {FeedbackRules.DescribeRating(r)}", r.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        foreach (var key in new[] { nameof(From), nameof(Rating) })
            if (ModelState.GetValueOrDefault(key) is { Errors.Count: > 0 }) { ModelState.Remove(key); if (key == nameof(From)) From = null; else Rating = null; }
        if (From is null || !Enum.IsDefined(From.Value)) ModelState.AddModelError(nameof(From), "Select who gave the feedback");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (ReceivedOn is null && ModelState.GetValueOrDefault(nameof(ReceivedOn)) is not { Errors.Count: > 0 }) ModelState.AddModelError(nameof(ReceivedOn), "Enter the date the feedback was given");
        else if (ReceivedOn > today) ModelState.AddModelError(nameof(ReceivedOn), "Date the feedback was given must be today or in the past");
        foreach (var (field, message) in FeedbackRules.Validate(Rating, Comment))
            ModelState.AddModelError(field, field == "Rating" ? "Select how helpful they found the service" : message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(childId, ct);
            return Page();
        }
        await quality.AddFeedbackAsync(childId, From!.Value, ReceivedOn!.Value, Rating!.Value, Comment, CurrentWorker.From(User)!, SubmissionId == Guid.Empty ? null : SubmissionId, ct);
        TempData["Notice"] = "Feedback recorded";
        return Redirect($"/children/{childId}");
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "summary", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
