using Haven.Core.Codes;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Allocations;

/// Changing who holds a child's case (a change of social worker, for the 903's SWEpisodes): the rules,
/// shared by the page and the API. The current allocation is ended the day before the new one starts
/// and the new one is added with the reason; nothing is deleted, so the history stays.
public sealed class AllocationService(HavenDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// The answer (under the key "Version") when the caller sent no version while the case is allocated:
    /// the change would end an allocation the caller has not read.
    public const string VersionNeeded = "Send the version of the current allocation you read (version), so a change made since is not overwritten";
    /// The answer (under the key "Version") when someone else changed the allocation since the caller read it.
    public const string Stale = "Someone else changed who holds the case since you opened it. Nothing was saved.";

    /// The open allocation of this kind (the one a change of worker ends), or null.
    public Task<Allocation?> CurrentAsync(int childId, AllocationKind kind, CancellationToken ct) =>
        db.Allocations.AsNoTracking().Include(a => a.Worker).Include(a => a.Team)
            .Where(a => a.ChildId == childId && a.Kind == kind && a.EndDate == null)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);

    /// Reallocates the child's case of this kind to another worker from startDate. version is the
    /// Version of the current allocation the caller read (null when there was none): when it is
    /// missing or no longer current, nothing is saved and errors["Version"] is VersionNeeded or Stale.
    /// Returns the field errors (empty when saved). The same change submitted twice (the worker already
    /// holds the case from that date for that reason) is saved once and answers as saved.
    public async Task<Dictionary<string, string>> ReallocateAsync(int childId, AllocationKind kind, int? newWorkerId, DateOnly? startDate,
        string? reasonCode, int? byWorkerId, Guid? version, CancellationToken ct, Guid? submissionId = null)
    {
        var errors = new Dictionary<string, string>();
        var current = await db.Allocations.Where(a => a.ChildId == childId && a.Kind == kind && a.EndDate == null)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        // A repeat of the same submission (double click, retried request): already done.
        if (current is not null && current.WorkerId == newWorkerId && current.StartDate == startDate
            && string.Equals(current.ChangeReasonCode, reasonCode, StringComparison.OrdinalIgnoreCase))
            return errors;
        // Someone else changed the worker (or allocated the case) since the caller read it.
        if (current is not null && version is null) return new() { ["Version"] = VersionNeeded };
        if (current is not null ? current.Version != version : version is { } v && v != Guid.Empty) return new() { ["Version"] = Stale };

        var worker = newWorkerId is { } id ? await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) : null;
        if (newWorkerId is null) errors["WorkerId"] = "Select the new social worker";
        else if (worker is null) errors["WorkerId"] = "Select a social worker from the list";
        else if (!worker.IsActive) errors["WorkerId"] = "The worker has left: select a current worker";
        else if (worker.TeamId is null) errors["WorkerId"] = "The worker is not in a team: select a worker with a team";
        else if (current is not null && current.WorkerId == worker.Id) errors["WorkerId"] = "The worker already holds the case: select a different worker";

        if (startDate is null) errors["StartDate"] = "Enter the date the new worker takes the case";
        else if (startDate > Today) errors["StartDate"] = "The date the new worker takes the case must be today or in the past";
        else if (current is not null && startDate < current.StartDate)
            errors["StartDate"] = $"The date must be on or after {current.StartDate:d MMMM yyyy}, when the current worker took the case";

        if (string.IsNullOrWhiteSpace(reasonCode)) errors["ReasonCode"] = "Select the reason for the change of worker";
        else if (!CodeLists.SwReason.Contains(reasonCode)) errors["ReasonCode"] = "Select a reason from the list";
        if (errors.Count > 0) return errors;

        var start = startDate!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        // A change of worker is two saves in one transaction: the current allocation is ended first, then
        // the new one added, so the one-open-allocation-per-kind index (AllocationMapping) never sees two
        // open at once. A first allocation is one save.
        await using var tx = current is null ? null : await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (current is not null)
            {
                // Ending the current allocation the day before; a change on the day it began ends it that day.
                current.EndDate = start > current.StartDate ? start.AddDays(-1) : current.StartDate;
                // The version read is the one the update must find: a change saved between the check above
                // and this save fails the update instead of leaving two open allocations.
                db.Entry(current).Property(a => a.Version).OriginalValue = version!.Value;
                await db.SaveChangesAsync(ct);
            }
            db.Allocations.Add(new Allocation
            {
                ChildId = childId, Kind = kind, WorkerId = worker!.Id, TeamId = worker.TeamId!.Value, StartDate = start,
                AllocatedByWorkerId = byWorkerId, RecordedAt = now, ChangeReasonCode = reasonCode!.Trim().ToUpperInvariant(),
            });
            // A child with no allocation has no version to check: two managers allocating at the same
            // moment both pass the check above, and the unique index refuses the second insert.
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new() { ["Version"] = Stale };
        }
        return errors;
    }
}
