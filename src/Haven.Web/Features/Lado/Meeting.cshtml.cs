using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Lado;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Lado;

/// Record an allegation management meeting and up to three actions agreed at it.
public class MeetingModel(HavenDbContext db, LadoService lado, TimeProvider clock) : PageModel
{
    public const int ActionRows = 3;

    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the meeting")] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Action1 { get; set; }
    [BindProperty] public string? Owner1 { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Action 1 due date")] public DateOnly? Due1 { get; set; }
    [BindProperty] public string? Action2 { get; set; }
    [BindProperty] public string? Owner2 { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Action 2 due date")] public DateOnly? Due2 { get; set; }
    [BindProperty] public string? Action3 { get; set; }
    [BindProperty] public string? Owner3 { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Action 3 due date")] public DateOnly? Due3 { get; set; }

    public LadoCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int caseId, CancellationToken ct) => await LoadAsync(caseId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        void Error(string field, string message) { if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message); }
        if (HeldOn is null) Error(nameof(HeldOn), "Enter the date of the meeting");
        else if (HeldOn < Case.ReceivedOn || HeldOn > today) Error(nameof(HeldOn), "Date of the meeting must be between the date the referral was received and today");
        if (string.IsNullOrWhiteSpace(Attendees)) Error(nameof(Attendees), "Enter who attended");
        else if (Attendees.Length > 1000) Error(nameof(Attendees), "Attendees must be 1,000 characters or fewer");
        if (string.IsNullOrWhiteSpace(Summary)) Error(nameof(Summary), "Enter a summary of the meeting");
        else if (Summary.Length > LadoRules.MaxText) Error(nameof(Summary), "Summary must be 10,000 characters or fewer");
        var actions = new List<LadoActionInput>();
        foreach (var (n, what, owner, due) in new[] { (1, Action1, Owner1, Due1), (2, Action2, Owner2, Due2), (3, Action3, Owner3, Due3) })
        {
            if (string.IsNullOrWhiteSpace(what) && string.IsNullOrWhiteSpace(owner) && due is null) continue;
            if (string.IsNullOrWhiteSpace(what)) Error($"Action{n}", $"Enter action {n}");
            else if (what.Length > 1000) Error($"Action{n}", $"Action {n} must be 1,000 characters or fewer");
            if (string.IsNullOrWhiteSpace(owner)) Error($"Owner{n}", $"Enter who owns action {n}");
            else if (owner.Length > 200) Error($"Owner{n}", $"Owner of action {n} must be 200 characters or fewer");
            if (due is null) Error($"Due{n}", $"Enter when action {n} is due");
            actions.Add(new(what ?? "", owner ?? "", due));
        }
        if (!ModelState.IsValid) return Page();
        await lado.AddMeetingAsync(caseId, HeldOn!.Value, Attendees!, Summary!, actions, CurrentWorker.From(User)!, ct);
        TempData["Notice"] = "Meeting recorded";
        return Redirect($"/lado/{caseId}");
    }

    private async Task<bool> LoadAsync(int caseId, CancellationToken ct)
    {
        var c = await db.LadoCases.AsNoTracking().Include(x => x.Person).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return false;
        Case = c;
        return true;
    }
}
