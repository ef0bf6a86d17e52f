using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Notes;

public class AddModel(HavenDbContext db, CaseNoteService notes, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select the type of note")]
    public CaseNoteType? Type { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the date of the event"), GovukDate(ErrorMessagePrefix = "Date of the event")]
    public DateOnly? EventDate { get; set; }

    [BindProperty, RegularExpression(@"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$", ErrorMessage = "Enter the time in the format 14:30")]
    public string? EventTime { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a subject"), StringLength(CaseNoteService.MaxSubject, ErrorMessage = "Subject must be 200 characters or fewer")]
    public string? Subject { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the note"), StringLength(CaseNoteService.MaxBody, ErrorMessage = "Note must be 20,000 characters or fewer")]
    public string? Body { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "Who was seen must be 500 characters or fewer")]
    public string? PeopleSeen { get; set; }

    [BindProperty, Required(ErrorMessage = "Select whether the child was seen")]
    public string? ChildSeen { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public IEnumerable<SelectListItem> TypeItems => Enum.GetValues<CaseNoteType>()
        .Select(t => new SelectListItem(CaseNote.Describe(t), t.ToString()));

    public static readonly IReadOnlyList<SelectListItem> SeenItems =
    [
        new("Yes, and seen alone", "alone"), new("Yes, with others present", "seen"), new("No", "no"),
    ];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ChildSeen is not null and not ("alone" or "seen" or "no")) ModelState.AddModelError(nameof(ChildSeen), "Select whether the child was seen");
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);

        var time = EventTime is { Length: > 0 } t ? TimeOnly.Parse(t.Trim().Replace('.', ':')) : TimeOnly.MinValue;
        var options = new AddCaseNoteOptions(childId, Type!.Value, EventDate!.Value.ToDateTime(time, DateTimeKind.Local).ToUniversalTime(),
            Subject!, Body!, PeopleSeen, ChildSeen is "alone" or "seen", ChildSeen == "alone", SubmissionId == Guid.Empty ? null : SubmissionId);
        foreach (var (field, message) in CaseNoteService.Validate(options, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);

        await notes.AddAsync(options, CurrentWorker.From(User)!, Haven.Web.Infrastructure.ChildRecordGuard.ChangeEntry(HttpContext, childId), ct);
        TempData["Notice"] = "Case note added";
        return Redirect($"/children/{childId}/notes");
    }

    private async Task<IActionResult> RedisplayAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "notes", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
