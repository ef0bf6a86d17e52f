using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Exploitation;
using Haven.Core.Missing;
using Haven.Core.Networks;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Mega;

/// One panel meeting: what carried over from earlier meetings, the children considered (with the
/// risk and interview information the panel had), decisions, and the actions set. Only children the
/// viewer may read are shown; the others are counted, never named.
public class MeetingModel(HavenDbContext db, PanelService panel, ChildAccess access, TimeProvider clock) : PageModel
{
    public sealed record ChildRow(PanelChild Row, string Name, bool NewlyLinkedToRisk);

    public PanelMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public int HiddenChildren { get; private set; }
    public IReadOnlyList<PanelAction> CarriedOver { get; private set; } = [];
    public IReadOnlyList<PanelAction> Actions { get; private set; } = [];
    public int HiddenActions { get; private set; }
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ChildItems { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public DateOnly Today { get; private set; }

    // The add-an-action form.
    [BindProperty] public int? ActionChildId { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public int? OwnerWorkerId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The due date")] public DateOnly? DueOn { get; set; }

    // A decision for one child.
    [BindProperty] public int? PanelChildId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    public int? ConflictFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(int meetingId, CancellationToken ct) =>
        await LoadAsync(meetingId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActionAsync(int meetingId, CancellationToken ct)
    {
        if (!PanelAccess.MayRecord(CurrentWorker.From(User))) return Forbid();
        if (!await LoadAsync(meetingId, ct)) return NotFound();
        foreach (var (field, message) in PanelService.ValidateAction(ActionText, OwnerWorkerId, DueOn ?? default, Meeting.HeldOn))
            ModelState.AddModelError(field switch { "Text" => nameof(ActionText), _ => field }, message);
        if (OwnerWorkerId is { } owner && !await db.Workers.AnyAsync(w => w.Id == owner && w.IsActive, ct))
            ModelState.AddModelError(nameof(OwnerWorkerId), "Select who owns the action");
        if (ActionChildId is { } cid && !Children.Any(c => c.Row.ChildId == cid))
            ModelState.AddModelError(nameof(ActionChildId), "Select a child the panel considered at this meeting");
        if (!ModelState.IsValid) return Page();
        await panel.AddActionAsync(Meeting, ActionChildId, ActionText!, OwnerWorkerId!.Value, DueOn!.Value, ct);
        TempData["Notice"] = "Action added";
        return Redirect($"/mega/{meetingId}#actions");
    }

    public async Task<IActionResult> OnPostDecisionAsync(int meetingId, CancellationToken ct)
    {
        if (!PanelAccess.MayRecord(CurrentWorker.From(User))) return Forbid();
        if (!await LoadAsync(meetingId, ct)) return NotFound();
        var row = Children.FirstOrDefault(c => c.Row.Id == PanelChildId)?.Row;
        if (row is null) return NotFound();
        if (Decision is { } d && d.Trim().Length > PanelService.MaxText)
        {
            ModelState.AddModelError($"Decision-{row.Id}", $"The decision must be {PanelService.MaxText:N0} characters or fewer");
            return Page();
        }
        var tracked = await db.PanelChildren.FirstAsync(c => c.Id == row.Id, ct);
        try
        {
            await panel.RecordDecisionAsync(tracked, Decision, Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(meetingId, ct);
            ConflictFor = row.Id;
            ModelState.AddModelError($"Decision-{row.Id}", "Someone else recorded a decision for this child while you were writing yours. Their decision is shown; your text is in the box. Save again if yours is still right");
            return Page();
        }
        TempData["Notice"] = "Decision recorded";
        return Redirect($"/mega/{meetingId}#child-{row.ChildId}");
    }

    private async Task<bool> LoadAsync(int meetingId, CancellationToken ct)
    {
        var viewer = CurrentWorker.From(User)!;
        MayRecord = PanelAccess.MayRecord(viewer);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var meeting = await db.PanelMeetings.AsNoTracking().Include(m => m.Children).Include(m => m.Actions).ThenInclude(a => a.Owner)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        var carried = await panel.CarriedOverAsync(meeting, ct);
        var ids = meeting.Children.Select(c => c.ChildId).Concat(meeting.Actions.Concat(carried).Where(a => a.ChildId != null).Select(a => a.ChildId!.Value)).Distinct().ToList();
        var visible = await access.Children(viewer).Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync(ct);
        Names = visible.ToDictionary(p => p.Id, p => $"{p.FirstName} {p.LastName}");
        var since = meeting.HeldOn.AddDays(-PanelService.NewLinkDays);
        var linked = await db.Associations.AsNoTracking()
            .Where(a => ids.Contains(a.ChildId) && a.StartDate >= since && a.StartDate <= meeting.HeldOn
                && (a.Kind == AssociationKind.AdultOfConcern || (a.Kind == AssociationKind.Place && a.Place!.IsOfConcern)))
            .Select(a => a.ChildId).Distinct().ToListAsync(ct);
        Children = meeting.Children.Where(c => Names.ContainsKey(c.ChildId))
            .Select(c => new ChildRow(c, Names[c.ChildId], linked.Contains(c.ChildId)))
            .OrderByDescending(c => c.Row.RiskAtMeeting ?? (ExploitationRisk)(-1)).ThenBy(c => c.Name).ToList();
        HiddenChildren = meeting.Children.Count - Children.Count;
        bool Shown(PanelAction a) => a.ChildId is null || Names.ContainsKey(a.ChildId.Value);
        CarriedOver = carried.Where(Shown).ToList();
        Actions = meeting.Actions.Where(Shown).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToList();
        HiddenActions = meeting.Actions.Count - Actions.Count + carried.Count - CarriedOver.Count;
        if (MayRecord)
        {
            OwnerItems = [new("Select an owner", ""), .. (await db.Workers.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.DisplayName).ToListAsync(ct))
                .Select(w => new SelectListItem(w.DisplayName, w.Id.ToString()))];
            ChildItems = [new("Not about one child (a place or a group)", ""), .. Children.Select(c => new SelectListItem(c.Name, c.Row.ChildId.ToString()))];
        }
        return true;
    }
}
