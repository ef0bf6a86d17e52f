using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Core.People;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.FrontDoor.Contacts;

/// Record a contact: who got in touch, the worry, consent, and the children it is about (known to
/// Haven by Haven ID, or new, including an unborn child). Out of hours, with what was done overnight.
public class NewModel(FrontDoorService frontDoor, ChildAccess access, AccessLog log, HavenDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the contact was received"), GovukDate(ErrorMessagePrefix = "Date received")]
    public DateOnly? ReceivedDate { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the time the contact was received"), RegularExpression(@"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$", ErrorMessage = "Enter the time in the format 14:30")]
    public string? ReceivedTime { get; set; }

    [BindProperty, Required(ErrorMessage = "Select how the contact came in")]
    public ContactChannel? Channel { get; set; }

    [BindProperty, Required(ErrorMessage = "Select who the contact is from")]
    public string? SourceCode { get; set; }

    [BindProperty] public string? ContactorName { get; set; }
    [BindProperty] public string? ContactorRole { get; set; }
    [BindProperty] public string? ContactorPhoneOrEmail { get; set; }
    [BindProperty] public string? Worry { get; set; }
    [BindProperty] public ConsentToShare? Consent { get; set; }
    [BindProperty] public string? ConsentGivenBy { get; set; }
    [BindProperty] public string? ConsentReason { get; set; }

    /// Haven IDs of children already known, separated by spaces, commas or new lines.
    [BindProperty] public string? ChildIds { get; set; }
    [BindProperty] public string? NewChildFirstName { get; set; }
    [BindProperty] public string? NewChildLastName { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of birth")] public DateOnly? NewChildDateOfBirth { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Expected date of birth")] public DateOnly? NewChildExpectedDateOfBirth { get; set; }
    [BindProperty] public string? OutOfHoursActions { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public IEnumerable<SelectListItem> SourceItems => new[] { new SelectListItem("Select who the contact is from", "") }
        .Concat(CodeLists.ReferralSource.All.Select(c => new SelectListItem($"{c.Value}: {c.Description}", c.Value)));
    public static IEnumerable<SelectListItem> ChannelItems => Enum.GetValues<ContactChannel>().Where(c => c != ContactChannel.SelfAssessment && c != ContactChannel.PartnerSystem)
        .Select(c => new SelectListItem(c.Describe(), c.ToString()));
    public static IEnumerable<SelectListItem> ConsentItems => Enum.GetValues<ConsentToShare>().Select(c => new SelectListItem(c.Describe(), c.ToString()));

    public async Task<IActionResult> OnGetAsync(int? childId, CancellationToken ct)
    {
        SubmissionId = Guid.NewGuid();
        var now = clock.GetLocalNow();
        ReceivedDate = DateOnly.FromDateTime(now.DateTime);
        ReceivedTime = now.ToString("HH:mm");
        Channel = ContactChannel.Phone;
        if (childId is { } id && (await FrontDoorPages.VisibleAsync(db, access, CurrentWorker.From(User)!, [id], ct)).Contains(id)) ChildIds = HavenIds.Format(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        var ids = new List<int>();
        foreach (var part in (ChildIds ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (HavenIds.TryParse(part, out var id)) ids.Add(id);
            else { ModelState.AddModelError(nameof(ChildIds), $"'{(part.Length > 20 ? part[..20] + "…" : part)}' is not a Haven ID: enter IDs like H1234"); break; }
        }
        var visible = await FrontDoorPages.VisibleAsync(db, access, worker, ids, ct);
        if (ids.FirstOrDefault(id => !visible.Contains(id)) is var missing and > 0)
            ModelState.AddModelError(nameof(ChildIds), $"No child found with Haven ID {HavenIds.Format(missing)}");
        var newChildren = new List<NewContactChild>();
        if (!string.IsNullOrWhiteSpace(NewChildFirstName) || !string.IsNullOrWhiteSpace(NewChildLastName) || NewChildDateOfBirth is not null || NewChildExpectedDateOfBirth is not null)
            newChildren.Add(new NewContactChild(NewChildFirstName ?? "", NewChildLastName ?? "", NewChildDateOfBirth, NewChildExpectedDateOfBirth));
        DateTime receivedAt = default;
        if (ReceivedDate is { } date && ReceivedTime is { } t && TimeOnly.TryParse(t.Trim().Replace('.', ':'), System.Globalization.CultureInfo.InvariantCulture, out var time))
            receivedAt = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), clock.LocalTimeZone);
        var options = new RecordContactOptions(receivedAt, Channel ?? ContactChannel.Phone, SourceCode ?? "", ContactorName ?? "", ContactorRole, ContactorPhoneOrEmail,
            Worry ?? "", Consent, ConsentGivenBy, ConsentReason, ids, newChildren,
            Channel == ContactChannel.OutOfHours ? OutOfHoursActions : null, null, SubmissionId == Guid.Empty ? null : SubmissionId);
        if (Channel == ContactChannel.OutOfHours && string.IsNullOrWhiteSpace(OutOfHoursActions))
            ModelState.AddModelError(nameof(OutOfHoursActions), "Enter what the out-of-hours team did, for the day team to pick up");
        AddErrors(FrontDoorService.Validate(options, clock.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid) return Page();
        var (contact, errors) = await frontDoor.RecordAsync(options, worker, ct);
        AddErrors(errors);
        if (!ModelState.IsValid || contact is null) return Page();
        await FrontDoorPages.LogChangeAsync(db, log, HttpContext, contact.Id, ct);
        TempData["Notice"] = "Contact recorded";
        return Redirect($"/front-door/contacts/{contact.Id}");
    }

    private void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            var key = FieldFor(field);
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            ModelState.AddModelError(key, message);
        }
    }

    private static string FieldFor(string field) => field switch
    {
        "ReceivedAt" => nameof(ReceivedDate),
        "Children" or "ChildIds" => nameof(ChildIds),
        "NewChildren[0].FirstName" => nameof(NewChildFirstName),
        "NewChildren[0].LastName" => nameof(NewChildLastName),
        "NewChildren[0].DateOfBirth" => nameof(NewChildDateOfBirth),
        "NewChildren[0].ExpectedDateOfBirth" => nameof(NewChildExpectedDateOfBirth),
        _ => field,
    };
}
