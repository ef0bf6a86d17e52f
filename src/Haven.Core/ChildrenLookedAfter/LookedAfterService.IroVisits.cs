using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

/// An IRO's visit to the child between reviews. IroWorkerId null means the IRO allocated to the
/// child on the date (or the IRO recording it).
public sealed record RecordIroVisitOptions(int ChildId, DateOnly VisitDate, int? IroWorkerId, bool SeenAlone, string Purpose, string? Notes, Guid? SubmissionId);

public sealed partial class LookedAfterService
{
    public const int MaxIroVisitPurpose = 500;

    /// The roles that record IRO visits (the web app's RecordIroVisits policy, so the route says it).
    public static bool RecordsIroVisits(HavenRole role) => role is HavenRole.Iro or HavenRole.TeamManager or HavenRole.SocialWorker;

    /// Who may record an IRO visit for this child: their IRO (the child-record guard admits an IRO
    /// only to the children they are appointed to), a team manager, or the child's allocated social
    /// worker, not any social worker on the team.
    public async Task<bool> MayRecordIroVisitAsync(CurrentWorker by, int childId, CancellationToken ct = default)
    {
        if (by.Role is HavenRole.Iro or HavenRole.TeamManager) return true;
        if (by.Role != HavenRole.SocialWorker) return false;
        var today = Today;
        return await db.Allocations.AnyAsync(a => a.ChildId == childId && a.Kind == AllocationKind.SocialWorker && a.WorkerId == by.WorkerId
            && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today), ct);
    }

    /// The rules on the visit itself, with the child's periods of care (start, end): a date today or
    /// before, inside a period of care (not before the child came into care), and a purpose.
    public static Dictionary<string, string> ValidateIroVisit(RecordIroVisitOptions o, DateOnly today, IReadOnlyList<(DateOnly Start, DateOnly? End)> periods)
    {
        var errors = new Dictionary<string, string>();
        if (o.VisitDate > today) errors["VisitDate"] = "Date of the visit must be today or in the past";
        else if (periods.Count == 0) errors["VisitDate"] = "The child has not been looked after, so there is no IRO visit to record";
        else if (o.VisitDate < periods.Min(p => p.Start))
            errors["VisitDate"] = $"Date of the visit must be on or after the child came into care on {Show(periods.Min(p => p.Start))}";
        else if (!periods.Any(p => p.Start <= o.VisitDate && (p.End is null || p.End >= o.VisitDate)))
            errors["VisitDate"] = "The child was not looked after on that date";
        if (string.IsNullOrWhiteSpace(o.Purpose)) errors["Purpose"] = "Enter why the IRO saw the child";
        else if (o.Purpose.Trim().Length > MaxIroVisitPurpose) errors["Purpose"] = $"Purpose must be {MaxIroVisitPurpose} characters or fewer";
        if (o.Notes is { Length: > MaxText }) errors["Notes"] = $"Notes must be {MaxText:N0} characters or fewer";
        return errors;
    }

    /// The IRO allocated to the child on a date (the latest allocation that day), or null: the one
    /// place this is looked up, for recording a visit and for the form's first choice.
    public Task<int?> IroAllocatedOnAsync(int childId, DateOnly date, CancellationToken ct = default) =>
        db.Allocations.Where(a => a.ChildId == childId && a.Kind == AllocationKind.Iro && a.StartDate <= date && (a.EndDate == null || a.EndDate >= date))
            .OrderByDescending(a => a.StartDate).Select(a => (int?)a.WorkerId).FirstOrDefaultAsync(ct);

    /// Records the visit in one save; a repeated SubmissionId returns the visit already saved.
    /// Errors keyed "Recorder" mean this worker may not record one (the page and API answer 403).
    public async Task<LookedAfterResult> RecordIroVisitAsync(RecordIroVisitOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (!await MayRecordIroVisitAsync(by, o.ChildId, ct))
            return LookedAfterResult.Fail("Recorder", "Only the child's IRO, a team manager or the child's social worker can record an IRO visit");
        if (o.SubmissionId is { } sid && await db.IroVisits.AsNoTracking().FirstOrDefaultAsync(v => v.SubmissionId == sid && v.ChildId == o.ChildId, ct) is { } existing)
            return new(existing.Id, new Dictionary<string, string>());
        var (errors, iroId) = await CheckIroVisitAsync(o, by, ct);
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var visit = NewIroVisit(o, iroId!.Value, by);
        db.IroVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return new(visit.Id, new Dictionary<string, string>());
    }

    /// The answer (under "Version") when someone else corrected the visit after this writer read it.
    public const string IroVisitConflict = "Someone else corrected this IRO visit while you were working on it. Nothing was saved: check the visit now recorded, then correct it again if it is still wrong";
    public const int MaxIroVisitReason = 900;

    /// Corrects a visit with the rules of recording one: the corrected visit is added and the earlier
    /// one kept, marked "Corrected: reason", in one save. A stale version, or a visit someone else
    /// corrected meanwhile, saves nothing and answers errors["Version"] = IroVisitConflict; another
    /// child's visit answers errors["Id"]; "Recorder" as when recording. A repeated SubmissionId
    /// returns the correction already saved.
    public async Task<LookedAfterResult> CorrectIroVisitAsync(int visitId, Guid version, string? reason, RecordIroVisitOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (!await MayRecordIroVisitAsync(by, o.ChildId, ct))
            return LookedAfterResult.Fail("Recorder", "Only the child's IRO, a team manager or the child's social worker can correct an IRO visit");
        var old = await db.IroVisits.IgnoreQueryFilters().FirstOrDefaultAsync(v => v.Id == visitId && v.ChildId == o.ChildId, ct);
        if (old is null) return LookedAfterResult.Fail("Id", "There is no such IRO visit for this child");
        if (o.SubmissionId is { } sid && await db.IroVisits.AsNoTracking().FirstOrDefaultAsync(v => v.SubmissionId == sid && v.ChildId == o.ChildId, ct) is { } done)
            return new(done.Id, new Dictionary<string, string>());
        // The version first: a stale writer is told someone else corrected it, whatever else is wrong.
        if (old.DeletedAt is not null || old.Version != version) return LookedAfterResult.Fail("Version", IroVisitConflict);
        var (errors, iroId) = await CheckIroVisitAsync(o, by, ct);
        if (string.IsNullOrWhiteSpace(reason)) errors["Reason"] = "Enter why you are correcting this visit";
        else if (reason.Trim().Length > MaxIroVisitReason) errors["Reason"] = $"Reason must be {MaxIroVisitReason} characters or fewer";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var visit = NewIroVisit(o, iroId!.Value, by);
        // The earlier visit is kept, marked corrected at the moment its replacement was recorded.
        old.DeletedAt = visit.RecordedAt;
        old.DeletedByWorkerId = by.WorkerId;
        old.DeletionReason = $"Corrected: {reason!.Trim()}";
        db.Entry(old).Property(v => v.Version).OriginalValue = version;
        db.IroVisits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return LookedAfterResult.Fail("Version", IroVisitConflict);
        }
        return new(visit.Id, new Dictionary<string, string>());
    }

    /// The visit as recorded now in place of this one: the visit itself, or, once corrected, the
    /// visit that replaced it (recorded at the moment it was marked corrected). Null for another child's.
    public async Task<IroVisit?> IroVisitNowAsync(int childId, int visitId, CancellationToken ct = default)
    {
        var visit = await db.IroVisits.IgnoreQueryFilters().AsNoTracking().Include(v => v.Iro).FirstOrDefaultAsync(v => v.Id == visitId && v.ChildId == childId, ct);
        for (var hops = 0; visit?.DeletedAt is { } at && hops < 20; hops++)
            visit = await db.IroVisits.IgnoreQueryFilters().AsNoTracking().Include(v => v.Iro)
                .Where(v => v.ChildId == childId && v.RecordedAt == at && v.Id != visit.Id).OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct) ?? visit;
        return visit;
    }

    /// The rules recording and correcting share: the visit itself (ValidateIroVisit) and the IRO
    /// (given, or the IRO allocated on the date, or the IRO recording it; an IRO records only their own).
    private async Task<(Dictionary<string, string> Errors, int? IroId)> CheckIroVisitAsync(RecordIroVisitOptions o, CurrentWorker by, CancellationToken ct)
    {
        var periods = (await db.PeriodsOfCare.AsNoTracking().Where(p => p.ChildId == o.ChildId).Select(p => new { p.StartDate, p.EndDate }).ToListAsync(ct))
            .Select(p => (p.StartDate, p.EndDate)).ToList();
        var errors = ValidateIroVisit(o, Today, periods);
        var iroId = o.IroWorkerId;
        if (iroId is null && by.Role == HavenRole.Iro) iroId = by.WorkerId;
        iroId ??= await IroAllocatedOnAsync(o.ChildId, o.VisitDate, ct);
        if (iroId is null) errors["IroWorkerId"] = "Select the independent reviewing officer who saw the child";
        else if (by.Role == HavenRole.Iro && iroId != by.WorkerId) errors["IroWorkerId"] = "An IRO records their own visits";
        else if (!await db.Workers.AnyAsync(w => w.Id == iroId && w.Role == HavenRole.Iro, ct))
            errors["IroWorkerId"] = "Select the independent reviewing officer who saw the child";
        return (errors, iroId);
    }

    private IroVisit NewIroVisit(RecordIroVisitOptions o, int iroId, CurrentWorker by) => new()
    {
        ChildId = o.ChildId, VisitDate = o.VisitDate, IroWorkerId = iroId, SeenAlone = o.SeenAlone, Purpose = o.Purpose.Trim(),
        Summary = o.Notes?.Trim() ?? "", RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId, RecordedAt = Now,
    };
}
