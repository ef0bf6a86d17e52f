using Haven.Core.Access;
using Haven.Core.Networks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Network;

/// The panel's view of the whole known network: children newly linked to a known risk (an adult
/// or a place of concern) and the risks linked to most children, within what the viewer may see.
public class IndexModel(NetworkView network, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int NewWithinDays = 28;

    public IReadOnlyList<NewRiskLink> NewLinks { get; private set; } = [];
    public IReadOnlyList<RiskHub> Hubs { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var viewer = CurrentWorker.From(User)!;
        PageNumber = Math.Max(1, p ?? 1);
        (NewLinks, Total) = await network.NewlyLinkedToRiskAsync(viewer, today.AddDays(-NewWithinDays), (PageNumber - 1) * PageSize, PageSize, ct);
        Hubs = await network.RiskHubsAsync(viewer, today, 10, ct);
    }
}
