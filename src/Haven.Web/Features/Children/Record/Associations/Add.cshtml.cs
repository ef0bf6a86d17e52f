using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Networks;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Associations;

/// Records an association: with another young person, an adult of concern or a place.
public class AddModel(HavenDbContext db, AssociationService associations, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select who or what the child is associated with")]
    public AssociationKind? Kind { get; set; }

    [BindProperty] public string? OtherHavenId { get; set; }
    [BindProperty] public string? AdultFirstName { get; set; }
    [BindProperty] public string? AdultLastName { get; set; }
    [BindProperty] public int? PlaceId { get; set; }
    [BindProperty] public string? NewPlaceName { get; set; }
    [BindProperty] public PlaceKind? NewPlaceKind { get; set; }
    [BindProperty] public string? NewPlacePostcode { get; set; }
    [BindProperty] public bool NewPlaceOfConcern { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter when the association began"), GovukDate(ErrorMessagePrefix = "When the association began")]
    public DateOnly? StartDate { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "When the association ended")]
    public DateOnly? EndDate { get; set; }

    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> PlaceItems { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> KindItems =
    [
        new("Another young person", nameof(AssociationKind.YoungPerson)), new("An adult of concern", nameof(AssociationKind.AdultOfConcern)),
        new("A place (an address, school, park, transport hub or shop)", nameof(AssociationKind.Place)),
    ];
    public static IEnumerable<SelectListItem> PlaceKindItems => Enum.GetValues<PlaceKind>().Select(k => new SelectListItem(Place.Describe(k), k.ToString()));

    public async Task OnGetAsync(int childId, CancellationToken ct) => await LoadAsync(childId, ct);

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (saved, errors) = await associations.AddAsync(new AddAssociationOptions(childId, Kind!.Value, OtherHavenId, AdultFirstName, AdultLastName,
                PlaceId, NewPlaceName, NewPlaceKind, NewPlacePostcode, NewPlaceOfConcern, StartDate!.Value, EndDate, Source, Notes), CurrentWorker.From(User)!, ct);
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            if (saved is not null)
            {
                TempData["Notice"] = "Association recorded";
                return Redirect($"/children/{childId}/network");
            }
        }
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "network", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        PlaceItems = [new("Select a place", ""), .. (await db.Places.AsNoTracking().OrderBy(p => p.Name).Take(1000).ToListAsync(ct))
            .Select(p => new SelectListItem($"{p.Name} ({Place.Describe(p.Kind).ToLowerInvariant()}{(p.Postcode is { } pc ? ", " + pc : "")}){(p.IsOfConcern ? " – known risk" : "")}", p.Id.ToString()))];
    }
}
