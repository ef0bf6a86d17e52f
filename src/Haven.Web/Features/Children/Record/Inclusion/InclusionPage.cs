using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Inclusion;

/// The shared parts of the inclusion forms: the child's header and the service's errors on the form.
public abstract class InclusionPage(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    protected HavenDbContext Db => db;
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    protected async Task LoadHeaderAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "inclusion", Today, ct))!;

    protected void AddErrors(Dictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
    }
}
