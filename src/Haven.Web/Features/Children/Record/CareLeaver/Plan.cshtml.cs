using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// The needs assessment date and the pathway plan, one text per dimension. The version token
/// catches a change made by someone else meanwhile; their text is shown beside yours.
public class PlanModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the needs assessment")]
    public DateOnly? NeedsAssessmentDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the plan was agreed")]
    public DateOnly? AgreedDate { get; set; }
    [BindProperty] public string? Accommodation { get; set; }
    [BindProperty] public string? EducationAndWork { get; set; }
    [BindProperty] public string? Health { get; set; }
    [BindProperty] public string? EmotionalWellbeing { get; set; }
    [BindProperty] public string? Relationships { get; set; }
    [BindProperty] public string? Money { get; set; }
    [BindProperty] public string? PracticalSkills { get; set; }
    [BindProperty] public string? Identity { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public PathwayPlan? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        if (await Db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct) is { } plan)
        {
            NeedsAssessmentDate = plan.NeedsAssessmentDate;
            AgreedDate = plan.AgreedDate;
            Accommodation = plan.Accommodation; EducationAndWork = plan.EducationAndWork; Health = plan.Health;
            EmotionalWellbeing = plan.EmotionalWellbeing; Relationships = plan.Relationships; Money = plan.Money;
            PracticalSkills = plan.PracticalSkills; Identity = plan.Identity;
            Version = plan.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadHeaderAsync(childId, ct); return Page(); }
        var dims = new Dictionary<PathwayDimension, string?>
        {
            [PathwayDimension.Accommodation] = Accommodation, [PathwayDimension.EducationAndWork] = EducationAndWork,
            [PathwayDimension.Health] = Health, [PathwayDimension.EmotionalWellbeing] = EmotionalWellbeing,
            [PathwayDimension.Relationships] = Relationships, [PathwayDimension.Money] = Money,
            [PathwayDimension.PracticalSkills] = PracticalSkills, [PathwayDimension.Identity] = Identity,
        };
        var result = await service.SavePlanAsync(new PathwayPlanOptions(childId, NeedsAssessmentDate, AgreedDate, dims, Version), CurrentWorker.From(User)!, ct);
        if (result.Errors.ContainsKey("Version"))
            Theirs = await Db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct);
        return await DoneOrRedisplayAsync(childId, result, "Pathway plan saved", ct);
    }
}
