using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.EarlyHelp;

/// One early help episode: the assessment, the family plan's actions, reviews, and closure.
/// Each part is its own small form on this page; the episode-level ones carry the Version.
public class EpisodeModel(HavenDbContext db, EarlyHelpService earlyHelp, EarlyHelpFeedbackService feedback, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the assessment was completed")] public DateOnly? AssessmentCompletedOn { get; set; }
    [BindProperty] public string? AssessmentCompletedBy { get; set; }
    [BindProperty] public string? AssessmentSummary { get; set; }
    [BindProperty] public string? ActionDescription { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Action due date")] public DateOnly? ActionDueOn { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the review")] public DateOnly? ReviewHeldOn { get; set; }
    [BindProperty] public string? ReviewSummary { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Closing date")] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public EarlyHelpOutcome? Outcome { get; set; }
    [BindProperty] public string? ClosureNotes { get; set; }
    [BindProperty] public string? FeedbackActivity { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public EarlyHelpEpisode Episode { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public FeedbackSummary Feedback => FeedbackSummary.From(Episode.Feedback.Where(f => f.Rating is not null).Select(f => f.Rating!.Value));

    /// The activities a family can give feedback on: the assessment, each review and each plan action.
    public IReadOnlyList<SelectListItem> ActivityItems =>
    [
        .. Episode.AssessmentCompletedOn is { } a ? [new SelectListItem($"Early help assessment ({a:d MMMM yyyy})", "assessment")] : Array.Empty<SelectListItem>(),
        .. Episode.Reviews.OrderBy(r => r.HeldOn).Select(r => new SelectListItem($"Review on {r.HeldOn:d MMMM yyyy}", $"review:{r.Id}")),
        .. Episode.Actions.OrderBy(x => x.DueOn).Select(x => new SelectListItem($"Plan action: {Shorten(x.Description)}", $"action:{x.Id}")),
    ];

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";

    public async Task<IActionResult> OnPostFeedbackLinkAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Only(nameof(FeedbackActivity));
        var activity = ActivityItems.FirstOrDefault(i => i.Value == FeedbackActivity);
        if (activity is null) Error(nameof(FeedbackActivity), "Select the activity the family is giving feedback on");
        if (!ModelState.IsValid) return Page();
        var (link, token) = await feedback.CreateLinkAsync(episodeId, activity!.Text, CurrentWorker.From(User), ct);
        TempData["FeedbackLink"] = $"{Request.Scheme}://{Request.Host}/family-feedback/{token}";
        TempData["FeedbackExpires"] = link.ExpiresAt.ToString("d MMMM yyyy");
        return Redirect($"/children/{childId}/early-help/{episodeId}#feedback");
    }

    public IEnumerable<SelectListItem> OutcomeItems => Enum.GetValues<EarlyHelpOutcome>().Select(o => new SelectListItem(EarlyHelpEpisode.Describe(o), o.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Version = Episode.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAssessmentAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Only(nameof(AssessmentCompletedOn), nameof(AssessmentCompletedBy), nameof(AssessmentSummary));
        if (AssessmentCompletedOn is null) Error(nameof(AssessmentCompletedOn), "Enter the date the assessment was completed");
        else if (AssessmentCompletedOn < Episode.StartDate || AssessmentCompletedOn > Today) Error(nameof(AssessmentCompletedOn), "Date the assessment was completed must be between the start of the episode and today");
        Text(nameof(AssessmentCompletedBy), AssessmentCompletedBy, "Enter the organisation that completed the assessment", 200);
        Text(nameof(AssessmentSummary), AssessmentSummary, "Enter a summary of the assessment", EarlyHelpRules.MaxText);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(() => earlyHelp.RecordAssessmentAsync(episodeId, Version, AssessmentCompletedOn!.Value, AssessmentCompletedBy!, AssessmentSummary!, ct),
            childId, episodeId, "Assessment recorded", ct);
    }

    public async Task<IActionResult> OnPostActionAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Only(nameof(ActionDescription), nameof(ActionOwner), nameof(ActionDueOn));
        Text(nameof(ActionDescription), ActionDescription, "Enter the action", 1000);
        Text(nameof(ActionOwner), ActionOwner, "Enter who will do it", 200);
        if (ActionDueOn is null) Error(nameof(ActionDueOn), "Enter when the action is due");
        if (!ModelState.IsValid) return Page();
        await earlyHelp.AddActionAsync(episodeId, ActionDescription!, ActionOwner!, ActionDueOn!.Value, ct);
        TempData["Notice"] = "Action added to the family plan";
        return Redirect($"/children/{childId}/early-help/{episodeId}");
    }

    public async Task<IActionResult> OnPostCompleteAsync(int childId, int episodeId, int actionId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct) || Episode.Actions.All(a => a.Id != actionId)) return NotFound();
        await earlyHelp.CompleteActionAsync(episodeId, actionId, Today, ct);
        TempData["Notice"] = "Action marked as done";
        return Redirect($"/children/{childId}/early-help/{episodeId}");
    }

    public async Task<IActionResult> OnPostReviewAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Only(nameof(ReviewHeldOn), nameof(ReviewSummary));
        if (ReviewHeldOn is null) Error(nameof(ReviewHeldOn), "Enter the date of the review");
        else if (ReviewHeldOn < Episode.StartDate || ReviewHeldOn > Today) Error(nameof(ReviewHeldOn), "Date of the review must be between the start of the episode and today");
        Text(nameof(ReviewSummary), ReviewSummary, "Enter a summary of the review", EarlyHelpRules.MaxText);
        if (!ModelState.IsValid) return Page();
        await earlyHelp.AddReviewAsync(episodeId, ReviewHeldOn!.Value, ReviewSummary!, ct);
        TempData["Notice"] = "Review recorded";
        return Redirect($"/children/{childId}/early-help/{episodeId}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int childId, int episodeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, episodeId, ct)) return NotFound();
        Only(nameof(ClosedOn), nameof(Outcome), nameof(ClosureNotes));
        ModelState.Remove(nameof(Outcome));
        if (Episode.ClosedOn is not null) ModelState.AddModelError(nameof(ClosedOn), "This episode is already closed");
        var options = new CloseEarlyHelpOptions(ClosedOn, Outcome, ClosureNotes);
        foreach (var (field, message) in EarlyHelpRules.Validate(options, Episode.StartDate, Today)) Error(field, message);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(() => earlyHelp.CloseAsync(episodeId, Version, options, CurrentWorker.From(User)!, ct), childId, episodeId,
            Outcome == EarlyHelpOutcome.SteppedUpToSocialCare ? "Early help closed and a referral made to children's social care" : "Early help closed", ct);
    }

    private async Task<IActionResult> SaveAsync(Func<Task> save, int childId, int episodeId, string notice, CancellationToken ct)
    {
        try
        {
            await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, episodeId, ct);
            Version = Episode.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this episode while you were editing it. Check what is saved below, then save again to keep yours");
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/children/{childId}/early-help/{episodeId}");
    }

    /// Each form posts only its own fields: errors from the others' empty values are not the user's.
    private void Only(params string[] fields)
    {
        foreach (var key in ModelState.Keys.ToList())
            if (key != nameof(Version) && !fields.Any(f => key == f || key.StartsWith(f + ".", StringComparison.Ordinal))) ModelState.Remove(key);
    }

    private void Error(string field, string message)
    {
        if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    private void Text(string field, string? value, string missing, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Error(field, missing);
        else if (value.Length > max) Error(field, $"Must be {max:N0} characters or fewer");
    }

    private async Task<bool> LoadAsync(int childId, int episodeId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var e = await db.EarlyHelpEpisodes.AsNoTracking().Include(x => x.Actions).Include(x => x.Reviews).Include(x => x.Feedback).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == episodeId && x.ChildId == childId, ct);
        if (e is null) return false;
        Episode = e;
        Header = (await ChildHeader.LoadAsync(db, childId, "early-help", Today, ct))!;
        return true;
    }
}
