using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Exploitation;
using Haven.Core.Missing;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Mega;

/// Marks a panel action done. An action about a child is opened only by someone who may read that child.
public class CompleteActionModel(HavenDbContext db, PanelService panel, ChildAccess access, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the action was done"), GovukDate(ErrorMessagePrefix = "The date the action was done")]
    public DateOnly? CompletedOn { get; set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public PanelAction Action { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } fail) return fail;
        Version = Action.Version;
        CompletedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } fail) return fail;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        // Someone else marked it done (or changed it) after this form was read: the conflict, with their version, first.
        if (Version != Action.Version) return StalePage();
        if (Action.CompletedOn is not null) ModelState.AddModelError(nameof(CompletedOn), "This action is already done");
        if (CompletedOn is { } d && d > today) ModelState.AddModelError(nameof(CompletedOn), "The date the action was done must be today or in the past");
        if (CompletedOn is { } d2 && d2 < Action.Meeting.HeldOn) ModelState.AddModelError(nameof(CompletedOn), "The date the action was done must be on or after the meeting that set it");
        if (Note is { Length: > 1000 }) ModelState.AddModelError(nameof(Note), "The note must be 1,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        try
        {
            await panel.CompleteActionAsync(Action, CompletedOn!.Value, Note, Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(actionId, ct);
            return StalePage();
        }
        TempData["Notice"] = "Action marked done";
        return Redirect($"/mega/{Action.MeetingId}");
    }

    private IActionResult StalePage()
    {
        Conflict = true;
        ModelState.AddModelError(nameof(CompletedOn), "Someone else changed this action while you were working on it. Check it below before saving again");
        Version = Action.Version;
        ModelState.Remove(nameof(Version));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int actionId, CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        if (!PanelAccess.MayRecord(worker)) return Forbid();
        var action = await db.PanelActions.Include(a => a.Meeting).Include(a => a.Owner).FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null) return NotFound();
        if (action.ChildId is { } cid && !await access.CanAsync(worker, cid, AccessLevel.Read, ct)) return NotFound();
        Action = action;
        return null;
    }
}
