using Haven.Core.Access;
using Haven.Core.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children;

/// Find a child: one search box for a name, date of birth, NHS number, UPN or Haven ID.
public class IndexModel(ChildSearch search, AccessLog log, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ChildSearchResult>? Results { get; private set; }

    /// More children match than the page shows: the worker is asked to narrow the search.
    public bool MoreThanShown { get; private set; }

    /// A name in the search is one or two letters, which match only whole names: said when nothing is found.
    public bool HasShortName { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (string.IsNullOrWhiteSpace(Query)) return;
        if (Query.Length > 200)
        {
            ModelState.AddModelError("q", "Search must be 200 characters or fewer");
            return;
        }
        var parsed = ChildSearchQuery.Parse(Query);
        if (parsed.IsEmpty)
        {
            ModelState.AddModelError("q", "Enter a name, date of birth, NHS number, UPN or Haven ID");
            return;
        }
        HasShortName = parsed.NameTokens.Any(t => NameNormaliser.Normalise(t).Length is > 0 and < SearchKeys.MinimumPrefixLength);
        var worker = CurrentWorker.From(User)!;
        (Results, MoreThanShown) = await search.SearchAsync(worker, parsed, ct);
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, "GET /children",
            $"{Results.Count} results"), ct);
    }
}
