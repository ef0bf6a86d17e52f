using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.ChildProtection;

public class AddStrategyDiscussionModel(HavenDbContext db, ChildProtectionService protection, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the strategy discussion")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public string? Police { get; set; }
    [BindProperty] public string? Health { get; set; }
    [BindProperty] public string? Education { get; set; }
    [BindProperty] public string? SocialCare { get; set; }
    [BindProperty] public string? Others { get; set; }
    [BindProperty] public string? StartSection47 { get; set; }
    [BindProperty] public string? DecisionReason { get; set; }
    [BindProperty] public string? ImmediateSafetyPlan { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [new("Yes, start a section 47 enquiry", "yes"), new("No section 47 enquiry", "no")];

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        // The service checks every field, so the user sees all the problems at once; a date the
        // binder could not read is already in ModelState with its own message.
        {
            var participants = Parse(PartnerAgency.Police, Police).Concat(Parse(PartnerAgency.Health, Health)).Concat(Parse(PartnerAgency.Education, Education))
                .Concat(Parse(PartnerAgency.SocialCare, SocialCare)).Concat(Parse(PartnerAgency.Other, Others)).ToList();
            var result = await protection.RecordStrategyDiscussionAsync(new RecordStrategyDiscussionOptions(childId, Date, Concerns, participants,
                StartSection47 switch { "yes" => true, "no" => false, _ => null }, DecisionReason, ImmediateSafetyPlan,
                SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Value!.StartSection47 ? "Strategy discussion recorded and section 47 enquiry started" : "Strategy discussion recorded";
                return Redirect($"/children/{childId}/child-protection");
            }
            foreach (var (field, message) in result.Errors)
            {
                var key = field == nameof(RecordStrategyDiscussionOptions.Participants) ? nameof(Police) : field;
                if (!ModelState.ContainsKey(key) || ModelState[key]!.Errors.Count == 0) ModelState.AddModelError(key, message);
            }
        }
        await LoadAsync(childId, ct);
        return Page();
    }

    /// One person a line: "Name, role".
    private static IEnumerable<ParticipantOptions> Parse(PartnerAgency agency, string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var comma = line.IndexOf(',');
            return comma < 0 ? new ParticipantOptions(agency, line, null) : new ParticipantOptions(agency, line[..comma].Trim(), line[(comma + 1)..].Trim());
        });

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
