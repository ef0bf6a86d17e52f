using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Notes;

/// One case note, with its amendments. The original text and each correction stay visible to those
/// who may change the child's record; others see the current version and that it was amended.
/// Amending and deleting (softly, with a reason) happen here too.
public class NoteModel(HavenDbContext db, CaseNoteService notes, ChildAccess access, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public CaseNote Note { get; private set; } = null!;
    public bool CanSeeHistory { get; private set; }
    public bool CanCorrect { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a subject"), StringLength(CaseNoteService.MaxSubject, ErrorMessage = "Subject must be 200 characters or fewer")]
    public string? Subject { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the note"), StringLength(CaseNoteService.MaxBody, ErrorMessage = "Note must be 20,000 characters or fewer")]
    public string? Body { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the reason"), StringLength(CaseNoteService.MaxReason, ErrorMessage = "Reason must be 1,000 characters or fewer")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int childId, int noteId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, noteId, ct)) return NotFound();
        if (Mode == "amend" && CanCorrect)
        {
            Subject = Note.CurrentSubject;
            Body = Note.CurrentBody;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAmendAsync(int childId, int noteId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, noteId, ct)) return NotFound();
        if (!CanCorrect) return Forbid();
        Mode = "amend";
        if (!ModelState.IsValid) return Page();
        if (Subject!.Trim() == Note.CurrentSubject && Body!.Trim() == Note.CurrentBody)
        {
            ModelState.AddModelError(nameof(Body), "Change the subject or the note, or cancel");
            return Page();
        }
        await notes.AmendAsync(Note, new AmendCaseNoteOptions(noteId, Subject!, Body!, Reason!), CurrentWorker.From(User)!, ct);
        TempData["Notice"] = "Case note amended. The original is kept.";
        return Redirect($"/children/{childId}/notes/{noteId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int childId, int noteId, CancellationToken ct)
    {
        ModelState.Remove(nameof(Subject));
        ModelState.Remove(nameof(Body));
        if (!await LoadAsync(childId, noteId, ct)) return NotFound();
        if (!CanCorrect) return Forbid();
        Mode = "delete";
        if (!ModelState.IsValid) return Page();
        await notes.DeleteAsync(Note, new DeleteCaseNoteOptions(noteId, Reason!), CurrentWorker.From(User)!, ct);
        TempData["Notice"] = "Case note deleted. The deletion and its reason are recorded.";
        return Redirect($"/children/{childId}/notes");
    }

    private async Task<bool> LoadAsync(int childId, int noteId, CancellationToken ct)
    {
        // Split: in one statement SQLite reads every amendment of every note with its author (a LEFT JOIN to a join).
        var note = await db.CaseNotes.Include(n => n.Author).Include(n => n.Amendments).ThenInclude(a => a.AmendedBy)
            .AsSplitQuery().FirstOrDefaultAsync(n => n.Id == noteId && n.ChildId == childId, ct);
        if (note is null) return false;
        Note = note;
        Header = (await ChildHeader.LoadAsync(db, childId, "notes", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var worker = CurrentWorker.From(User)!;
        var canWrite = await access.CanAsync(worker, childId, AccessLevel.Write, ct);
        CanSeeHistory = canWrite || worker.Role == HavenRole.SeniorLeader;
        CanCorrect = canWrite && CaseNoteService.MayCorrect(note, worker);
        return true;
    }
}
