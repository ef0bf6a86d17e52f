using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.InformationGovernance;
using Haven.Core.People;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.InformationGovernance;

/// The retention schedule, legal holds, and records past retention with two-officer destruction.
public sealed class RetentionModel(HavenDbContext db, RetentionService retention, RetentionSchedule schedule) : PageModel
{
    [BindProperty] public string? HoldSubject { get; set; }
    [BindProperty] public string? HoldReason { get; set; }
    [BindProperty] public string? HoldOwner { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Review date")] public DateOnly? HoldReviewOn { get; set; }

    public RetentionSchedule Schedule => schedule;
    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];
    public IReadOnlyList<DestructionDecision> Pending { get; private set; } = [];
    public IReadOnlyList<RetentionDue> Due { get; private set; } = [];

    public static string Describe(RetentionRule r) => r.Anchor switch
    {
        RetentionAnchor.DateOfBirth => $"{r.Years} years from date of birth",
        RetentionAnchor.LastActivity => $"{r.Years} years after last activity",
        _ => $"{r.Years} years after the 18th birthday or last activity, whichever is later",
    } + (r.Class == RetentionClass.LookedAfter ? " (15 years after death if the child died before 18)" : "");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct)
    {
        int? personId = null;
        if (!string.IsNullOrWhiteSpace(HoldSubject))
        {
            if (HavenIds.TryParse(HoldSubject, out var id)) personId = id;
            else ModelState.AddModelError(nameof(HoldSubject), "Enter a Haven ID, like H1234, or leave it empty");
        }
        if (HoldReviewOn is null && !ModelState.ContainsKey(nameof(HoldReviewOn))) ModelState.AddModelError(nameof(HoldReviewOn), "Enter the review date");
        if (ModelState.IsValid && await retention.PlaceHoldAsync(personId, HoldReason ?? "", HoldOwner ?? "", HoldReviewOn!.Value, CurrentWorker.From(User)!, ct) is { } error)
            ModelState.AddModelError(error.Contains("owns") ? nameof(HoldOwner) : error.Contains("review") ? nameof(HoldReviewOn) : error.Contains("Haven ID") ? nameof(HoldSubject) : nameof(HoldReason), error);
        return await Done("Legal hold placed", ct);
    }

    public async Task<IActionResult> OnPostReleaseHoldAsync(int holdId, Guid version, CancellationToken ct)
    {
        if (await retention.ReleaseHoldAsync(holdId, version, CurrentWorker.From(User)!, ct) is { } error) ModelState.AddModelError("", error);
        return await Done("Legal hold released", ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(int personId, string? reason, CancellationToken ct)
    {
        if (await retention.ProposeAsync(personId, reason ?? "", CurrentWorker.From(User)!, ct) is { } error) ModelState.AddModelError("", error);
        return await Done($"Destruction of {HavenIds.Format(personId)} proposed: a second officer must approve it", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int decisionId, Guid version, CancellationToken ct)
    {
        if (await retention.ApproveAndDestroyAsync(decisionId, version, CurrentWorker.From(User)!, ct) is { } error) ModelState.AddModelError("", error);
        return await Done("Records destroyed; the decision and the access log keep the fact", ct);
    }

    private async Task<IActionResult> Done(string notice, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Notice"] = notice;
            return Redirect("/information-governance/retention");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Holds = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).OrderBy(h => h.Id).ToListAsync(ct);
        Pending = await db.DestructionDecisions.AsNoTracking().Where(d => d.CarriedOutAt == null).OrderBy(d => d.Id).ToListAsync(ct);
        Due = await retention.DueAsync(ct);
    }
}
