using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.LifeStory;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.LifeStory;

/// Life story work, later-life letters and the history log, kept with the child's record: read in
/// full here (newest first) and added below. Entries are never edited: a correction is a new entry.
public class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Entry(int Id, LifeStoryKind Kind, DateOnly Date, string Title, string Text, string Author, DateTime RecordedAt);

    [BindProperty(SupportsGet = true)]
    public LifeStoryKind? Show { get; set; }

    [BindProperty, Required(ErrorMessage = "Select what you are adding")]
    public LifeStoryKind? Kind { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the date"), GovukDate(ErrorMessagePrefix = "Date")]
    public DateOnly? Date { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a title"), StringLength(LifeStoryEntry.MaxTitle, ErrorMessage = "Title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the text"), StringLength(LifeStoryEntry.MaxText, ErrorMessage = "Text must be 50,000 characters or fewer")]
    public string? Text { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public static IEnumerable<SelectListItem> KindItems => Enum.GetValues<LifeStoryKind>()
        .Select(k => new SelectListItem(LifeStoryEntry.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        ModelState.Clear();
        SubmissionId = Guid.NewGuid();
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (Date is { } d && d > today) ModelState.AddModelError(nameof(Date), "Date must be today or in the past");
        if (!ModelState.IsValid)
        {
            await LoadAsync(childId, ct);
            return Page();
        }
        var sid = SubmissionId == Guid.Empty ? (Guid?)null : SubmissionId;
        if (sid is null || !await db.LifeStoryEntries.IgnoreQueryFilters().AnyAsync(e => e.SubmissionId == sid, ct))
        {
            db.LifeStoryEntries.Add(new LifeStoryEntry
            {
                ChildId = childId, Kind = Kind!.Value, Date = Date!.Value, Title = Title!.Trim(), Text = Text!.Trim(),
                AuthorWorkerId = CurrentWorker.From(User)!.WorkerId, RecordedAt = clock.GetUtcNow().UtcDateTime, SubmissionId = sid,
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) when (sid is not null) { /* the same submission saved at once by another request */ }
        }
        TempData["Notice"] = $"{LifeStoryEntry.Describe(Kind!.Value)} added";
        return Redirect($"/children/{childId}/life-story");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "life-story", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var q = db.LifeStoryEntries.AsNoTracking().Where(e => e.ChildId == childId);
        if (Show is { } show) q = q.Where(e => e.Kind == show);
        Entries = await q.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new Entry(e.Id, e.Kind, e.Date, e.Title, e.Text, e.Author.DisplayName, e.RecordedAt)).ToListAsync(ct);
    }
}
