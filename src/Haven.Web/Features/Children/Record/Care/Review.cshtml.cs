using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// One review, laid out so the IRO's record to the child prints cleanly on its own.
public class ReviewModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public LookedAfterReview Review { get; private set; } = null!;
    /// The IRO's visits to the child since the review before this one (or since the period began).
    public IReadOnlyList<IroVisit> IroVisits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, int reviewId, CancellationToken ct)
    {
        var review = await db.LookedAfterReviews.AsNoTracking().Include(r => r.Chair).FirstOrDefaultAsync(r => r.Id == reviewId && r.ChildId == childId, ct);
        if (review is null) return NotFound();
        Review = review;
        IroVisits = (await LookedAfterRecord.LoadAsync(db, childId, ct)).IroVisitsBefore(review);
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Page();
    }
}
