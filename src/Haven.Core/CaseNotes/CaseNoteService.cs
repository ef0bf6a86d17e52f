using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CaseNotes;

public sealed record AddCaseNoteOptions(int ChildId, CaseNoteType Type, DateTime EventAt, string Subject, string Body,
    string? PeopleSeen, bool ChildSeen, bool ChildSeenAlone, Guid? SubmissionId);

public sealed record AmendCaseNoteOptions(int NoteId, string Subject, string Body, string Reason);

public sealed record DeleteCaseNoteOptions(int NoteId, string Reason);

/// The rules for case notes, shared by the pages and the API: a note is added once (a repeated
/// submission returns the first), corrected only by amendment, and removed only softly, with a reason,
/// by its author or a team manager.
public sealed class CaseNoteService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 20000;
    public const int MaxReason = 1000;

    public static IReadOnlyDictionary<string, string> Validate(AddCaseNoteOptions o, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(o.Subject)) errors["Subject"] = "Enter a subject";
        else if (o.Subject.Length > MaxSubject) errors["Subject"] = $"Subject must be {MaxSubject} characters or fewer";
        if (string.IsNullOrWhiteSpace(o.Body)) errors["Body"] = "Enter the note";
        else if (o.Body.Length > MaxBody) errors["Body"] = $"Note must be {MaxBody:N0} characters or fewer";
        if (o.EventAt > now.AddMinutes(5)) errors["EventDate"] = "Date of the event must be today or in the past";
        else if (o.EventAt.Year < 1990) errors["EventDate"] = "Date of the event must be after 1 January 1990";
        if (o.PeopleSeen is { Length: > 500 }) errors["PeopleSeen"] = "Who was seen must be 500 characters or fewer";
        if (o.ChildSeenAlone && !o.ChildSeen) errors["ChildSeenAlone"] = "A child seen alone must also be recorded as seen";
        if (!Enum.IsDefined(o.Type)) errors["Type"] = "Select the type of note";
        return errors;
    }

    public async Task<CaseNote> AddAsync(AddCaseNoteOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.CaseNotes.IgnoreQueryFilters().FirstOrDefaultAsync(n => n.SubmissionId == sid, ct) is { } existing)
            return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var note = new CaseNote
        {
            ChildId = o.ChildId, Type = o.Type, EventAt = o.EventAt, RecordedAt = now, AuthorWorkerId = by.WorkerId,
            Subject = o.Subject.Trim(), Body = o.Body.Trim(), PeopleSeen = string.IsNullOrWhiteSpace(o.PeopleSeen) ? null : o.PeopleSeen.Trim(),
            ChildSeen = o.ChildSeen, ChildSeenAlone = o.ChildSeenAlone, SubmissionId = o.SubmissionId,
        };
        db.CaseNotes.Add(note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (o.SubmissionId is { } submitted)
        {
            // The same submission arrived twice at once: the other request saved it.
            db.Entry(note).State = EntityState.Detached;
            return await db.CaseNotes.IgnoreQueryFilters().FirstAsync(n => n.SubmissionId == submitted, ct);
        }
        return note;
    }

    public static bool MayCorrect(CaseNote note, CurrentWorker by) =>
        note.AuthorWorkerId == by.WorkerId || by.Role == HavenRole.TeamManager;

    public async Task AmendAsync(CaseNote note, AmendCaseNoteOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (!MayCorrect(note, by)) throw new InvalidOperationException("Only the author or a team manager can amend a case note.");
        note.Amendments.Add(new CaseNoteAmendment
        {
            CaseNoteId = note.Id, Subject = o.Subject.Trim(), Body = o.Body.Trim(), Reason = o.Reason.Trim(),
            AmendedByWorkerId = by.WorkerId, AmendedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(CaseNote note, DeleteCaseNoteOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (!MayCorrect(note, by)) throw new InvalidOperationException("Only the author or a team manager can delete a case note.");
        note.DeletedAt = clock.GetUtcNow().UtcDateTime;
        note.DeletedByWorkerId = by.WorkerId;
        note.DeletionReason = o.Reason.Trim();
        await db.SaveChangesAsync(ct);
    }
}
