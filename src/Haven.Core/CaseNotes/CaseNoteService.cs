using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CaseNotes;

public sealed record AddCaseNoteOptions(int ChildId, CaseNoteType Type, DateTime EventAt, string Subject, string Body,
    string? PeopleSeen, bool ChildSeen, bool ChildSeenAlone, Guid? SubmissionId);

public sealed record AmendCaseNoteOptions(int NoteId, string Subject, string Body, string Reason);

public sealed record DeleteCaseNoteOptions(int NoteId, string Reason);

/// A note from CaseNoteService.AddOnceAsync: the one just saved (IsNew), or the one an earlier
/// submission with the same SubmissionId saved.
public sealed record AddedCaseNote(CaseNote Note, bool IsNew);

/// The rules for case notes, shared by the pages and the API: a note is added once (a repeated
/// submission returns the first), corrected only by amendment, and removed only softly, with a reason,
/// by its author or a team manager.
public sealed class CaseNoteService(HavenDbContext db, TimeProvider clock, AccessLog log)
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

    public async Task<CaseNote> AddAsync(AddCaseNoteOptions o, CurrentWorker by, AccessEvent change, CancellationToken ct = default) =>
        (await AddOnceAsync(o, by, change, ct)).Note;

    /// Adds the note, or finds the one a repeated submission (the same SubmissionId) saved first;
    /// IsNew says which. The unique index on SubmissionId decides: the insert is tried and a
    /// repeat is read back only when the index refuses it, so a first submission (nearly all of
    /// them) costs the insert alone, not a look-up before it.
    ///
    /// The note is inserted with its change (the access-log entry for this write) in the access
    /// log's transaction with its entry (AccessLog.WriteWithAsync): one commit for both, shared with
    /// the other writes queued at the log (a note was its own commit and its entry another: under
    /// 32 writers on SQLite each note waited for the write lock in busy-wait back-off). The entry is
    /// written for a repeated submission too, as the caller logged a change before.
    public async Task<AddedCaseNote> AddOnceAsync(AddCaseNoteOptions o, CurrentWorker by, AccessEvent change, CancellationToken ct = default)
    {
        var now = ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var note = new CaseNote
        {
            // Times as every provider stores them (PostgreSQL keeps microseconds), so the note
            // returned from here is the note a later read gives back.
            ChildId = o.ChildId, Type = o.Type, EventAt = ToMicroseconds(o.EventAt), RecordedAt = now, AuthorWorkerId = by.WorkerId,
            Subject = o.Subject.Trim(), Body = o.Body.Trim(), PeopleSeen = string.IsNullOrWhiteSpace(o.PeopleSeen) ? null : o.PeopleSeen.Trim(),
            ChildSeen = o.ChildSeen, ChildSeenAlone = o.ChildSeenAlone, SubmissionId = o.SubmissionId,
        };
        try
        {
            await log.WriteWithAsync(change, [note], ct);
        }
        catch (DbUpdateException) when (o.SubmissionId is { } submitted)
        {
            // Submitted before (or the same submission arrived twice at once): the first is kept.
            var first = await db.CaseNotes.IgnoreQueryFilters().FirstOrDefaultAsync(n => n.SubmissionId == submitted, ct);
            if (first is null) throw; // refused for another reason
            return new AddedCaseNote(first, IsNew: false);
        }
        return new AddedCaseNote(note, IsNew: true);
    }

    private static DateTime ToMicroseconds(DateTime t) => new(t.Ticks - t.Ticks % 10, t.Kind);

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
