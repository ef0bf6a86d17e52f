using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Networks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record;

/// A child's network: current and past associations with young people, adults of concern and places.
public class NetworkModel(HavenDbContext db, NetworkView network, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<NetworkLink> Current { get; private set; } = [];
    public IReadOnlyList<NetworkLink> Past { get; private set; } = [];

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "network", today, ct))!;
        var links = await network.ForChildAsync(childId, CurrentWorker.From(User)!, ct);
        Current = links.Where(l => l.IsCurrent(today)).ToList();
        Past = links.Where(l => !l.IsCurrent(today)).ToList();
    }

    public static string Describe(AssociationKind k) => k switch
    {
        AssociationKind.YoungPerson => "Young person",
        AssociationKind.AdultOfConcern => "Adult of concern",
        _ => "Place",
    };
}
