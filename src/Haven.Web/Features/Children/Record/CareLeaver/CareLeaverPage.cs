using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// The shared parts of the leaving-care forms: the child's header, an idempotent submission id,
/// service errors onto fields, and back to the leaving-care tab.
public abstract class CareLeaverPage(HavenDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    protected HavenDbContext Db => db;

    protected async Task LoadHeaderAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "care-leaver", Today, ct))!;

    protected Guid? Submission => SubmissionId == Guid.Empty ? null : SubmissionId;

    protected async Task<IActionResult> DoneOrRedisplayAsync(int childId, CareLeaverResult result, string notice, CancellationToken ct,
        IReadOnlyDictionary<string, string>? rename = null)
    {
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/children/{childId}/care-leaver");
        }
        foreach (var (key, message) in result.Errors)
            ModelState.AddModelError(rename is not null && rename.TryGetValue(key, out var to) ? to : key, message);
        await LoadHeaderAsync(childId, ct);
        return Page();
    }

    public static IReadOnlyList<SelectListItem> Options<T>(Func<T, string> describe) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(describe(v), v.ToString())).ToList();
}
