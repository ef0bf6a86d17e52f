using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record;

/// The chronology: every recorded event across the child's record, newest first, filterable by type.
public class ChronologyModel(HavenDbContext db, ChronologyBuilder chronology, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public List<string> Types { get; set; } = [];

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<string> Categories => chronology.Categories;
    public IReadOnlyList<ChronologyItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "chronology", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var chosen = Types.Where(t => Categories.Contains(t)).ToList();
        Items = await chronology.ForChildAsync(childId, chosen, ct);
        return Page();
    }
}
