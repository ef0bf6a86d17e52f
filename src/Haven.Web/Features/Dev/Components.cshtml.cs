using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Dev;

/// <summary>
/// Every GOV.UK tag helper on one page, for browser tests and for looking at. Posting the form
/// shows each field's error state: the model binder's date errors as they come, and an example
/// error on every other field.
/// </summary>
public class ComponentsModel(TimeProvider? timeProvider = null) : PageModel
{
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;

    [BindProperty]
    public ComponentsInput Input { get; set; } = new();

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<SelectListItem> Teams { get; } =
    [
        new("Choose a team", ""),
        new("Assessment and intervention", "assessment"),
        new("Children in care", "children-in-care"),
        new("Disabled children's team", "disabled-children"),
    ];

    public IReadOnlyList<SelectListItem> ContactOptions { get; } =
    [
        new("Email", "email"),
        new("Phone", "phone"),
        new("Letter", "letter"),
    ];

    public IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public IReadOnlyList<SelectListItem> NeedOptions { get; } =
    [
        new("Abuse or neglect", "N1"),
        new("Child's disability or illness", "N2"),
        new("Parental illness or disability", "N3"),
        new("Family in acute stress", "N4"),
    ];

    // [FromQuery]: "page" is also Razor Pages' own route value (the page's path), which would win.
    public void OnGet([FromQuery(Name = "page")] int pageNumber = 1) => PageNumber = Math.Max(pageNumber, 1);

    public IActionResult OnPost()
    {
        AddErrorIfNone(nameof(ComponentsInput.FirstName), "Enter the child's first name");
        AddErrorIfNone(nameof(ComponentsInput.Email), "Enter an email address in the correct format, like name@example.com");
        AddErrorIfNone(nameof(ComponentsInput.Password), "Enter a password");
        AddErrorIfNone(nameof(ComponentsInput.Notes), "Case note must be 5,000 characters or less");
        AddErrorIfNone(nameof(ComponentsInput.Team), "Select a team");
        AddErrorIfNone(nameof(ComponentsInput.ContactPreference), "Select how the family would like to be contacted");
        AddErrorIfNone(nameof(ComponentsInput.HasSocialWorker), "Select yes if the child has an allocated social worker");
        AddErrorIfNone(nameof(ComponentsInput.Needs), "Select at least one need");

        // Rules that depend on the question are the page's job; the binder has already checked
        // that the three fields make a real date.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (Input.DateOfBirth is null)
            AddErrorIfNone(nameof(ComponentsInput.DateOfBirth), "Enter the child's date of birth");
        else if (Input.DateOfBirth >= today)
            AddErrorIfNone(nameof(ComponentsInput.DateOfBirth), "Date of birth must be in the past");

        return Page();
    }

    private void AddErrorIfNone(string property, string message)
    {
        var key = $"{nameof(Input)}.{property}";
        if (ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError(key, message);
    }
}

public class ComponentsInput
{
    public string? FirstName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Notes { get; set; }

    public string? Team { get; set; }

    public string? ContactPreference { get; set; }

    public bool? HasSocialWorker { get; set; }

    public List<string> Needs { get; set; } = [];

    [GovukDate(ErrorMessagePrefix = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }
}
