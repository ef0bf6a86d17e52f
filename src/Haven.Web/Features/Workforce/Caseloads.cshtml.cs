using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Workforce;

/// Each social worker's caseload today: children allocated, and weighted by Haven:Workforce:CaseWeights.
public class CaseloadsModel(WorkforceFigures figures, WorkforceSettings settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WorkerCaseload> Workers { get; private set; } = [];
    public WorkforceSettings Settings => settings;

    public async Task OnGetAsync(CancellationToken ct) =>
        Workers = await figures.CaseloadsAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), null, ct);
}
