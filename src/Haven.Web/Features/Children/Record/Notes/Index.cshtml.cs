using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Notes;

public class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, CaseNoteType Type, DateTime EventAt, DateTime RecordedAt, string Author, string Subject, bool ChildSeen, bool ChildSeenAlone, bool Amended);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Row> Notes { get; private set; } = [];
    public int TotalPages { get; private set; }
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "notes", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.ChildId == childId);
        Total = await notes.CountAsync(ct);
        TotalPages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        Notes = await notes.OrderByDescending(n => n.EventAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.Type, n.EventAt, n.RecordedAt, n.Author.DisplayName,
                n.Amendments.OrderByDescending(a => a.AmendedAt).Select(a => a.Subject).FirstOrDefault() ?? n.Subject,
                n.ChildSeen, n.ChildSeenAlone, n.Amendments.Any()))
            .ToListAsync(ct);
        return Page();
    }
}
