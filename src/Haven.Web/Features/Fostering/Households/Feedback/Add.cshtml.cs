using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Fostering.Households.Feedback;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    private readonly HavenDbContext db = db;

    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the feedback")] public DateOnly? GivenDate { get; set; }
    [BindProperty] public int? SupportRating { get; set; }
    [BindProperty] public int? TrainingRating { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Ratings =
        [new("5 – very good", "5"), new("4 – good", "4"), new("3 – adequate", "3"), new("2 – poor", "2"), new("1 – very poor", "1")];

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        DropBindingErrors(nameof(SupportRating), nameof(TrainingRating));
        var o = new FeedbackOptions(GivenDate, SupportRating, TrainingRating, Comments);
        if (!ModelState.IsValid) { AddRuleErrors(fostering.Validate(o)); return Page(); }
        return Row is { } row
            ? Corrected(id, await fostering.CorrectAsync(id, row, o, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct), FosteringService.Describe, "Feedback corrected")
            : Done(id, await fostering.AddAsync(id, o, Submission, ct), "Feedback recorded");
    }

    protected override async Task<bool> FillAsync(int id, int row, CancellationToken ct)
    {
        var r = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.CarerFeedback), x => x.Id == row && x.HouseholdId == id, ct);
        if (r is null) return false;
        GivenDate = r.GivenDate; SupportRating = r.SupportRating; TrainingRating = r.TrainingRating; Comments = r.Comments;
        Version = r.Version;
        return true;
    }
}
