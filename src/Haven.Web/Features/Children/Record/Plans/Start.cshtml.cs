using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Plans;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Start a plan of any kind that fits the child's stage now (PlanStart): a child protection plan
/// whose content was not written at the conference, a care plan, a pathway plan. Without a kind it
/// lists every kind, with a link where it fits and the reason where it does not. A child in need
/// plan has its own page, which records the child in need plan too.
public class StartModel(HavenDbContext db, PlanService service, TimeProvider clock) : PlanContentForm
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? StartDate { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public PlanKind? Chosen { get; private set; }
    /// Why the chosen kind cannot start now, shown instead of the form.
    public string? NotFitting { get; private set; }
    /// Every kind with null where it can start today, or why not.
    public IReadOnlyList<(PlanKind Kind, string? WhyNot)> Kinds { get; private set; } = [];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        var stage = await LoadAsync(childId, ct);
        if (Chosen == PlanKind.ChildInNeed) return Redirect($"/children/{childId}/plans/start-child-in-need");
        if (Chosen is { } kind)
        {
            NotFitting = PlanStart.WhyNot(kind, stage, Today);
            StartDate = kind == PlanKind.ChildProtection && stage.OpenProtection is { } cp ? cp.Start : Today;
            SubmissionId = Guid.NewGuid();
            AddBlankRows();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var stage = await LoadAsync(childId, ct);
        if (Chosen is not { } kind)
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of plan");
            return Page();
        }
        ServiceResult<Plan> result;
        try
        {
            result = await service.StartAsync(childId, kind, StartDate, ToOptions(), CurrentWorker.From(User)!, SubmissionId == Guid.Empty ? null : SubmissionId, ct);
        }
        catch (DbUpdateException)
        {
            // Someone else wrote this child protection plan's content while this form was open.
            ModelState.AddModelError(string.Empty, "Someone else wrote this child protection plan while you were writing yours. Open the child's plans to read theirs; your text is still in the form, so you can copy it into a change to their plan");
            AddBlankRows();
            return Page();
        }
        if (!result.Succeeded || !ModelState.IsValid)
        {
            AddErrors(result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0).ToDictionary());
            NotFitting = result.Errors.TryGetValue("Kind", out var why) ? why : null;
            AddBlankRows();
            return Page();
        }
        TempData["Notice"] = $"{Plan.Describe(kind)} started";
        return Redirect($"/children/{childId}/plans/{result.Value!.Id}");
    }

    private async Task<ChildStage> LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", Today, ct))!;
        Chosen = Enum.TryParse<PlanKind>(Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _) ? k : null;
        var stage = await service.StageAsync(childId, ct);
        Kinds = Enum.GetValues<PlanKind>().Select(x => (x, PlanStart.WhyNot(x, stage, Today))).ToList();
        return stage;
    }
}
