using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.People;
using Haven.Core.People.Identifiers;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.People;

/// Add a person: a child, an unborn child, or an adult related to a child. Likely matches already
/// on Haven are shown first, so a duplicate is created only on purpose.
public class AddModel(PersonService people, DuplicateCheck duplicates, ChildAccess access, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select who you are adding")]
    public string? Kind { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the first name"), StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? FirstName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the last name"), StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? LastName { get; set; }

    [BindProperty, StringLength(100, ErrorMessage = "Known as must be 100 characters or fewer")]
    public string? KnownAs { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Expected date of birth")]
    public DateOnly? ExpectedDateOfBirth { get; set; }

    [BindProperty]
    public Sex? Sex { get; set; }

    [BindProperty]
    public string? NhsNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "child")]
    public int? RelatedChildId { get; set; }

    [BindProperty]
    public RelationshipType? RelationshipToChild { get; set; }

    [BindProperty]
    public bool ConfirmedNotDuplicate { get; set; }

    /// The 903 SW_REASON of the allocation the new child starts with (asked only of a worker who will hold the case).
    [BindProperty]
    public string? AllocationReasonCode { get; set; }

    /// Whether this worker becomes the new child's social worker, so the reason is asked for.
    public bool AsksAllocationReason => CurrentWorker.From(User) is { } me && PersonService.AsksAllocationReason(me, PersonKind.Child);
    public static IEnumerable<SelectListItem> AllocationReasons => Haven.Core.Codes.CodeLists.SwReason.All.Select(c => new SelectListItem(c.Description, c.Value));

    public IReadOnlyList<LikelyMatch> Matches { get; private set; } = [];

    public static readonly IReadOnlyList<SelectListItem> KindItems =
        [new("A child", "child"), new("An unborn child", "unborn"), new("An adult (parent, carer or relative)", "adult")];
    public IEnumerable<SelectListItem> SexItems => Enum.GetValues<Sex>().Select(s => new SelectListItem(s.Describe(), s.ToString()));
    public IEnumerable<SelectListItem> RelationshipItems => new[] { new SelectListItem("Select a relationship", "") }
        .Concat(Enum.GetValues<RelationshipType>().Select(t => new SelectListItem(RelationshipTypes.Label(t), t.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RelatedChildId is { } id && !await access.CanAsync(CurrentWorker.From(User)!, id, AccessLevel.Write, ct)) return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        if (RelatedChildId is { } related && !await access.CanAsync(worker, related, AccessLevel.Write, ct)) return Forbid();
        var kind = Kind switch { "child" => PersonKind.Child, "unborn" => PersonKind.Child, "adult" => PersonKind.Adult, _ => (PersonKind?)null };
        if (Kind is not null && kind is null) ModelState.AddModelError(nameof(Kind), "Select who you are adding");
        if (Kind != "unborn" && Sex is null) ModelState.AddModelError(nameof(Sex), "Select the sex");
        if (RelatedChildId is not null && RelationshipToChild is null) ModelState.AddModelError(nameof(RelationshipToChild), "Select how this person is related to the child");
        if (!ModelState.IsValid) return Page();

        var options = new AddPersonOptions(kind!.Value, FirstName!, LastName!, KnownAs,
            Kind == "unborn" ? null : DateOfBirth, Kind == "unborn" ? ExpectedDateOfBirth : null,
            Kind == "unborn" ? Haven.Core.People.Sex.Unknown : Sex!.Value, NhsNumber, RelatedChildId, RelationshipToChild,
            RelationshipToChild is { } r && RelationshipTypes.IsParental(r), AllocationReasonCode);
        foreach (var (field, message) in PersonService.Validate(options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), PersonService.AsksAllocationReason(worker, options.Kind)))
            ModelState.AddModelError(field == "DateOfBirth" && Kind == "unborn" ? nameof(ExpectedDateOfBirth) : field, message);
        if (!ModelState.IsValid) return Page();

        if (!ConfirmedNotDuplicate)
        {
            var nhs = string.IsNullOrWhiteSpace(NhsNumber) ? null : Haven.Core.People.Identifiers.NhsNumber.Check(NhsNumber).Value;
            Matches = await duplicates.FindAsync(options.FirstName, options.LastName, options.DateOfBirth ?? options.ExpectedDateOfBirth, nhs, ct);
            if (Matches.Count > 0) return Page();
        }

        var person = await people.AddAsync(options, worker, ct);
        TempData["Notice"] = $"{person.FirstName} {person.LastName} added ({person.HavenId})";
        if (RelatedChildId is { } childId) return Redirect($"/children/{childId}/relationships");
        if (person.Kind == PersonKind.Child && await access.CanAsync(worker, person.Id, AccessLevel.Read, ct)) return Redirect($"/children/{person.Id}");
        return RedirectToPage("/Children/Index");
    }
}
