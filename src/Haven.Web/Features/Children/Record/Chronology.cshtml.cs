using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record;

/// The chronology: every recorded event across the child's record, newest first, filterable by type.
/// It shows a page of events at a time (a busy child has thousands: the whole list was hundreds of
/// kilobytes of HTML for every view), reading only what that page needs; "Show every event" lists
/// them all on one page, for printing.
public class ChronologyModel(HavenDbContext db, ChronologyBuilder chronology, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "type")]
    public List<string> Types { get; set; } = [];

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// Every event on one page (for printing), instead of a page at a time.
    [FromQuery(Name = "all")]
    public bool ShowAll { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<string> Categories => chronology.Categories;
    /// The events shown: this page's, or every one when ShowAll.
    public IReadOnlyList<ChronologyItem> Items { get; private set; } = [];
    /// The number of events in the chronology (with the filter), on every page.
    public int Total { get; private set; }
    public int TotalPages { get; private set; }

    /// The query string of the filter, for the pagination and "show every event" links.
    public string FilterQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "chronology", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var chosen = Types.Where(t => Categories.Contains(t)).ToList();
        FilterQuery = string.Concat(chosen.Select(t => "&type=" + Uri.EscapeDataString(t)));
        if (ShowAll)
        {
            Items = await chronology.ForChildAsync(childId, chosen, ct);
            (Total, TotalPages, PageNumber) = (Items.Count, 1, 1);
        }
        else
        {
            var page = await chronology.PageAsync(childId, chosen, PageNumber, PageSize, ct);
            (Items, Total, TotalPages, PageNumber) = (page.Items, page.Total, page.TotalPages, page.PageNumber);
        }
        return Page();
    }
}
