using System.ComponentModel.DataAnnotations;
using System.Text;
using Haven.Core.FrontDoor;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Web.Features.Public;

/// The families with disabled children self-assessment: a public form (no account) that arrives
/// at the front door as a contact with the family's answers attached. Rate-limited per address;
/// everything typed is shown back as text, never as markup.
[EnableRateLimiting(RateLimits.PublicForm)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxRequestBytes, MultipartBodyLengthLimit = MaxRequestBytes)]
public class SelfAssessmentModel(FrontDoorService frontDoor, TimeProvider clock) : PageModel
{
    public const int MaxRequestBytes = 64 * 1024;
    private const string TooLong = "must be 2,000 characters or fewer";

    [BindProperty, Required(ErrorMessage = "Enter your name"), StringLength(100, ErrorMessage = "Your name must be 100 characters or fewer")]
    public string? YourName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter a phone number or email address so we can contact you"), StringLength(200, ErrorMessage = "Phone or email must be 200 characters or fewer")]
    public string? PhoneOrEmail { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter your relationship to the child"), StringLength(100, ErrorMessage = "Relationship must be 100 characters or fewer")]
    public string? Relationship { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the child's first name"), StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? ChildFirstName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the child's last name"), StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? ChildLastName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the child's date of birth"), GovukDate(ErrorMessagePrefix = "Child's date of birth")]
    public DateOnly? ChildDateOfBirth { get; set; }
    [BindProperty, Required(ErrorMessage = "Tell us about your child's disability or condition"), StringLength(2000, ErrorMessage = "Disability or condition " + TooLong)]
    public string? Condition { get; set; }
    [BindProperty] public List<string> HelpWith { get; set; } = [];
    [BindProperty, Required(ErrorMessage = "Tell us what would help your family"), StringLength(2000, ErrorMessage = "What would help " + TooLong)]
    public string? WhatWouldHelp { get; set; }
    [BindProperty, StringLength(2000, ErrorMessage = "What is working well " + TooLong)]
    public string? WorkingWell { get; set; }
    [BindProperty, Required(ErrorMessage = "Confirm you have read how we use your information")]
    public string? PrivacyAgreed { get; set; }

    public static readonly IReadOnlyList<SelectListItem> HelpItems =
    [
        new("Personal care and daily living", "Personal care and daily living"),
        new("Communication", "Communication"),
        new("Sleep", "Sleep"),
        new("Behaviour that challenges", "Behaviour that challenges"),
        new("Short breaks for the family", "Short breaks for the family"),
        new("Equipment or adaptations at home", "Equipment or adaptations at home"),
        new("Support for brothers and sisters", "Support for brothers and sisters"),
    ];
    public static readonly IReadOnlyList<SelectListItem> AgreeItems = [new("I have read how my information will be used", "yes")];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (HelpWith.Count > HelpItems.Count || HelpWith.Any(h => HelpItems.All(i => i.Value != h)))
            ModelState.AddModelError(nameof(HelpWith), "Select from the list");
        if (PrivacyAgreed is not null and not "yes") ModelState.AddModelError(nameof(PrivacyAgreed), "Confirm you have read how we use your information");
        if (!ModelState.IsValid) return Page();

        var answers = new StringBuilder()
            .AppendLine($"Relationship to the child: {Relationship!.Trim()}")
            .AppendLine($"Disability or condition: {Condition!.Trim()}")
            .AppendLine($"Help needed with: {(HelpWith.Count == 0 ? "Not said" : string.Join("; ", HelpWith))}")
            .AppendLine($"What would help: {WhatWouldHelp!.Trim()}")
            .AppendLine($"What is working well: {(string.IsNullOrWhiteSpace(WorkingWell) ? "Not said" : WorkingWell.Trim())}")
            .ToString();
        var options = new RecordContactOptions(clock.GetUtcNow().UtcDateTime, ContactChannel.SelfAssessment, "1A", YourName!, Relationship, PhoneOrEmail,
            "Families with disabled children: self-assessment of needs, submitted online by the family.", ConsentToShare.Given, YourName, null,
            [], [new NewContactChild(ChildFirstName!, ChildLastName!, ChildDateOfBirth, null)], SelfAssessmentAnswers: answers);
        var (contact, errors) = await frontDoor.RecordAsync(options, null, ct);
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field switch { "NewChildren[0].DateOfBirth" => nameof(ChildDateOfBirth), "NewChildren[0].FirstName" => nameof(ChildFirstName),
                "NewChildren[0].LastName" => nameof(ChildLastName), _ => string.Empty }, message);
        if (!ModelState.IsValid || contact is null) return Page();
        return Redirect("/self-assessment/sent");
    }
}
