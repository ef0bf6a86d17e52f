using Haven.Core.Data;
using Haven.Core.Plans;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// One action row of the plan form. Key carries the action from version to version.
public sealed class PlanActionRow
{
    public Guid? Key { get; set; }
    public string? What { get; set; }
    public string? Who { get; set; }
    [GovukDate(ErrorMessagePrefix = "The date it will be done by")] public DateOnly? DueDate { get; set; }
    public bool Done { get; set; }
    public string? Progress { get; set; }
}

/// What every page that edits a plan's content binds: outcomes (one a line), action rows (the
/// plan's own plus blank ones to add), the family's and network's part, the contingency and the
/// words to the child. Works without JavaScript: to add more actions than the blank rows allow,
/// save and change the plan again.
public abstract class PlanContentForm : PageModel
{
    public const int BlankRows = 3;

    [BindProperty] public string? Outcomes { get; set; }
    [BindProperty] public List<PlanActionRow> Actions { get; set; } = [];
    [BindProperty] public string? FamilyAndNetwork { get; set; }
    [BindProperty] public string? Contingency { get; set; }
    [BindProperty] public string? ToTheChild { get; set; }

    public PlanContentOptions ToOptions() => new(
        (Outcomes ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
        Actions.Select(a => new PlanActionInput(a.Key, a.What, a.Who, a.DueDate, a.Done, a.Progress)).ToList(),
        FamilyAndNetwork, Contingency, ToTheChild);

    protected void Fill(PlanVersion v)
    {
        Outcomes = string.Join("\n", v.Outcomes.OrderBy(o => o.Order).Select(o => o.Text));
        Actions = v.Actions.OrderBy(a => a.Order).Select(a => new PlanActionRow
            { Key = a.Key, What = a.What, Who = a.Who, DueDate = a.DueDate, Done = a.Done, Progress = a.Progress }).ToList();
        FamilyAndNetwork = v.FamilyAndNetwork;
        Contingency = v.Contingency;
        ToTheChild = v.ToTheChild;
    }

    /// Tops the action rows up with blank rows for new actions.
    protected void AddBlankRows()
    {
        var blanks = Actions.Count(a => a.Key is null && string.IsNullOrWhiteSpace(a.What) && string.IsNullOrWhiteSpace(a.Who) && a.DueDate is null);
        for (var i = blanks; i < BlankRows; i++) Actions.Add(new PlanActionRow());
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
    }

    /// A plan's version with its outcomes and actions, read only. Null when there is no such row
    /// (only possible for a plan made outside PlanService): the pages answer 404, not 500.
    public static Task<PlanVersion?> ReadVersionAsync(HavenDbContext db, int planId, int number, CancellationToken ct) =>
        db.PlanVersions.AsNoTracking().Include(v => v.Outcomes).Include(v => v.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(v => v.PlanId == planId && v.Number == number, ct);

    /// Whether the plan's current version row exists; a plan without one is treated as not found.
    public static Task<bool> HasCurrentVersionAsync(HavenDbContext db, Plan plan, CancellationToken ct) =>
        db.PlanVersions.AnyAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersionNumber, ct);
}
