using Haven.Core.Access;
using Haven.Core.Permanence;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Fostering;

/// Permanence across the children in care: current plans by type and whether on track (counts),
/// and the children in care without a permanence plan that the signed-in worker may see.
public class PermanenceModel(PermanenceFigures figures) : PageModel
{
    public (int InCare, int WithPlan, IReadOnlyList<(PermanencePlanType Type, int Count, int OnTrack)> ByType) Plans { get; private set; }
    public IReadOnlyList<ChildWithoutPlan> WithoutPlan { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await figures.PlansAsync(ct);
        if (CurrentWorker.From(User) is { } worker) WithoutPlan = await figures.WithoutPlanAsync(worker, ct);
    }
}
