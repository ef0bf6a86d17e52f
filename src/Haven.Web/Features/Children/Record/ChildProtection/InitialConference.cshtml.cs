using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Features.Children.Record.Plans;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// Record the initial child protection conference that a section 47 enquiry led to, and with it
/// the child protection plan, its core group and its content (outcomes, actions, contingency: the
/// first version of the child's Plan of kind ChildProtection) when the conference decides on one.
public class InitialConferenceModel(HavenDbContext db, ConferenceService conferences, TimeProvider clock) : PlanContentForm, IConferenceAttendeesForm
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the conference")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Police { get; set; }
    [BindProperty] public string? Health { get; set; }
    [BindProperty] public string? Education { get; set; }
    [BindProperty] public string? SocialCare { get; set; }
    [BindProperty] public string? Others { get; set; }
    [BindProperty] public List<string> ReportsFrom { get; set; } = [];
    [BindProperty] public string? PlanNeeded { get; set; }
    [BindProperty] public string? CategoryOfAbuse { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? CoreGroup { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public Section47Enquiry Enquiry { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [new("Yes, the child will be the subject of a child protection plan", "yes"), new("No child protection plan", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, int enquiryId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, enquiryId, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int enquiryId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, enquiryId, ct)) return NotFound();
        var attendees = ConferenceAttendeesInput.From(this);
        var result = await conferences.RecordInitialConferenceAsync(new RecordInitialConferenceOptions(childId, enquiryId, Date, Chair, attendees.ToOptions(),
            PlanNeeded switch { "yes" => true, "no" => false, _ => null }, CategoryOfAbuse, Decision, ConferenceAttendeesInput.Members(CoreGroup),
            SubmissionId == Guid.Empty ? null : SubmissionId, PlanNeeded == "yes" ? ToOptions() : null), CurrentWorker.From(User)!, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = result.Value!.PlanNeeded ? "Initial conference recorded and child protection plan started" : "Initial conference recorded";
            return Redirect($"/children/{childId}/child-protection/conferences/{result.Value!.Id}");
        }
        ConferenceAttendeesInput.AddErrors(ModelState, result.Errors, f => f switch { "Attendees" => nameof(Police), "EnquiryId" => "", _ => f });
        AddBlankRows();
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int enquiryId, CancellationToken ct)
    {
        var s = await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == enquiryId && x.ChildId == childId, ct);
        if (s is null) return false;
        Enquiry = s;
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
