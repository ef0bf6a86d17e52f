using Haven.Core.Access;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Reports;

/// Every figure, register and panel the signed-in role may see, grouped by section, so the top
/// menu can stay the day's work (Navigation).
public class IndexModel : PageModel
{
    public IReadOnlyList<IGrouping<string, Destination>> Sections { get; private set; } = [];

    public void OnGet()
    {
        var worker = CurrentWorker.From(User);
        Sections = worker is null ? [] : Navigation.Reports(worker.Role).GroupBy(d => d.Section).ToList();
    }
}
