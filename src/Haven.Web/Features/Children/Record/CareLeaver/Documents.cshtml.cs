using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// Which documents the young person holds, checked today.
public class DocumentsModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty] public List<string> Held { get; set; } = [];
    /// The documents' versions the form was read at.
    [BindProperty] public string Stamp { get; set; } = "";
    /// What someone else saved while this form was open.
    public IReadOnlyList<CareLeaverDocument>? Theirs { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> Items = Options<CareLeaverDocumentKind>(CareLeaverDocument.Describe);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        var rows = await Db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId).ToListAsync(ct);
        Held = rows.Where(d => d.Held).Select(d => d.Kind.ToString()).ToList();
        Stamp = CareLeaverService.DocumentsStamp(rows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var kinds = new List<CareLeaverDocumentKind>();
        foreach (var h in Held)
            if (Enum.TryParse<CareLeaverDocumentKind>(h, out var k) && Enum.IsDefined(k)) kinds.Add(k);
            else ModelState.AddModelError(nameof(Held), "Select documents from the list");
        if (!ModelState.IsValid) { await LoadHeaderAsync(childId, ct); return Page(); }
        var result = await service.SetDocumentsAsync(childId, kinds, ct, Stamp ?? "");
        if (result.Errors.TryGetValue(nameof(Held), out var m) && m == CareLeaverService.DocumentsConflict)
        {
            Theirs = await Db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.Kind).ToListAsync(ct);
            Stamp = CareLeaverService.DocumentsStamp(Theirs);
            ModelState.Remove(nameof(Stamp));
        }
        return await DoneOrRedisplayAsync(childId, result, "Documents updated", ct);
    }
}
