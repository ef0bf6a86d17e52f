using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.EarlyHelp;

/// The child's early help episodes, and starting a new one (including a step down from social care).
public class IndexModel(HavenDbContext db, EarlyHelpService earlyHelp, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? StartDate { get; set; }
    [BindProperty] public string? LeadPractitioner { get; set; }
    [BindProperty] public string? LeadAgency { get; set; }
    [BindProperty] public string? LeadIsPartnerAgency { get; set; }
    [BindProperty] public int? SteppedDownFromReferralId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<EarlyHelpEpisode> Episodes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ReferralItems { get; private set; } = [];
    public static readonly IReadOnlyList<SelectListItem> PartnerItems = [new("The council's early help service", "no"), new("A partner agency (school, health, voluntary sector)", "yes")];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (LeadIsPartnerAgency is not ("yes" or "no")) ModelState.AddModelError(nameof(LeadIsPartnerAgency), "Select who the lead practitioner works for");
        var options = new StartEarlyHelpOptions(childId, StartDate, LeadPractitioner, LeadAgency, LeadIsPartnerAgency == "yes",
            SteppedDownFromReferralId is > 0 ? SteppedDownFromReferralId : null);
        EarlyHelpEpisode? episode = null;
        IReadOnlyList<(string Field, string Message)> errors;
        if (ModelState.IsValid) (episode, errors) = await earlyHelp.StartAsync(options, CurrentWorker.From(User)!, ct);
        else errors = EarlyHelpRules.Validate(options, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).ToList();
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (episode is null)
        {
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "Early help episode started";
        return Redirect($"/children/{childId}/early-help/{episode.Id}");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "early-help", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        Episodes = await db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == childId).OrderByDescending(e => e.StartDate).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.ReferralDate)
            .Select(r => new { r.Id, r.ReferralDate, r.ClosureDate }).ToListAsync(ct);
        ReferralItems = new[] { new SelectListItem("No, not a step down", "") }
            .Concat(referrals.Select(r => new SelectListItem($"Yes, from the referral of {r.ReferralDate:d MMMM yyyy}{(r.ClosureDate is { } c ? $" (closed {c:d MMMM yyyy})" : "")}", r.Id.ToString())))
            .ToList();
    }
}
