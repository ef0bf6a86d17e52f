using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Core.Networks;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Associations;

/// Ends an association: it stays in the child's network as a past one.
public class EndModel(HavenDbContext db, AssociationService associations, NetworkView network, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter when the association ended"), GovukDate(ErrorMessagePrefix = "When the association ended")]
    public DateOnly? EndDate { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public NetworkLink Link { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int associationId, CancellationToken ct)
    {
        var a = await associations.FindAsync(childId, associationId, ct);
        if (a is null || !await LoadAsync(childId, associationId, ct)) return NotFound();
        Version = a.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int associationId, CancellationToken ct)
    {
        var a = await associations.FindAsync(childId, associationId, ct);
        if (a is null || !await LoadAsync(childId, associationId, ct)) return NotFound();
        // A form read before someone else changed (or ended) the association: say so first, with
        // their version on the page, rather than only that it has already ended.
        if (ModelState.IsValid && Version is { } read && read != a.Version)
        {
            Conflict = true;
            ModelState.AddModelError(nameof(EndDate), "Someone else changed this association while you were working on it. Check it below before saving again");
            Version = a.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        if (ModelState.IsValid)
        {
            foreach (var (field, message) in AssociationService.ValidateEnd(a, EndDate!.Value, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
                ModelState.AddModelError(field, message);
            if (ModelState.IsValid)
            {
                try
                {
                    await associations.EndAsync(a, EndDate!.Value, Version ?? Guid.Empty, ct);
                    TempData["Notice"] = "Association ended";
                    return Redirect($"/children/{childId}/network");
                }
                catch (StaleRecordException)
                {
                    Conflict = true;
                    ModelState.AddModelError(nameof(EndDate), "Someone else changed this association while you were working on it. Check it below before saving again");
                    db.ChangeTracker.Clear();
                    Version = (await associations.FindAsync(childId, associationId, ct))?.Version;
                    await LoadAsync(childId, associationId, ct);
                }
            }
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int associationId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "network", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        // Through the network view, so a link to a child the worker may not see cannot be opened.
        var link = (await network.ForChildAsync(childId, CurrentWorker.From(User)!, ct)).FirstOrDefault(l => l.AssociationId == associationId);
        if (link is null) return false;
        Link = link;
        return true;
    }
}
