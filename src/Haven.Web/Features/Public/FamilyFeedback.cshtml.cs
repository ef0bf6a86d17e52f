using Haven.Core.EarlyHelp;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Web.Features.Public;

/// A family's feedback on an early help activity, on a single-use link their worker gave them (no
/// account). An unknown, used or expired link gets the same plain message, so the page never tells
/// which. Rate-limited per address; what the family types is shown back as text, never markup.
[EnableRateLimiting(RateLimits.PublicForm)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxRequestBytes, MultipartBodyLengthLimit = MaxRequestBytes)]
public class FamilyFeedbackModel(EarlyHelpFeedbackService feedback) : PageModel
{
    public const int MaxRequestBytes = 32 * 1024;

    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }

    /// False when the link cannot be used: the page then shows only the plain message.
    public bool LinkOpen { get; private set; }
    public string? Activity { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> RatingItems = Enumerable.Range(FeedbackRules.MinRating, FeedbackRules.MaxRating)
        .Reverse().Select(r => new SelectListItem(FeedbackRules.DescribeRating(r), r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var link = await feedback.FindOpenAsync(token, ct);
        LinkOpen = link is not null;
        Activity = link?.Activity;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var link = await feedback.FindOpenAsync(token, ct);
        if (link is null) return Page();
        LinkOpen = true;
        Activity = link.Activity;
        int? rating = int.TryParse(Rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : null;
        foreach (var (field, message) in FeedbackRules.Validate(rating, Comment)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        if (!await feedback.SubmitAsync(token, rating!.Value, Comment, ct))
        {
            LinkOpen = false;
            return Page();
        }
        return Redirect("/family-feedback/thank-you");
    }
}
