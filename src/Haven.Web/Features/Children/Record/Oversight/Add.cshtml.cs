using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Oversight;

public sealed class OversightActionRow
{
    public string? What { get; set; }
    public string? Who { get; set; }
    [GovukDate(ErrorMessagePrefix = "The date it is to be done by")] public DateOnly? DueDate { get; set; }
}

/// A team manager records the direction given on the child's case, with actions and timescales.
public class AddModel(HavenDbContext db, OversightService service, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the oversight")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Direction { get; set; }
    [BindProperty] public List<OversightActionRow> Actions { get; set; } = [];
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!User.IsInRole(nameof(HavenRole.TeamManager))) return Forbid();
        await LoadAsync(childId, ct);
        Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SubmissionId = Guid.NewGuid();
        Actions = [new(), new(), new()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!User.IsInRole(nameof(HavenRole.TeamManager))) return Forbid();
        await LoadAsync(childId, ct);
        var result = await service.AddAsync(new AddOversightOptions(childId, Date, Direction,
            Actions.Select(a => new OversightActionInput(a.What, a.Who, a.DueDate)).ToList(), SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        if (!result.Succeeded || !ModelState.IsValid)
        {
            foreach (var (k, v) in result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0)) ModelState.AddModelError(k, v);
            while (Actions.Count < 3) Actions.Add(new());
            return Page();
        }
        TempData["Notice"] = "Management oversight recorded";
        return Redirect($"/children/{childId}/oversight");
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "oversight", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
}
