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

    /// Reallocates the child's case of this kind to another worker from startDate. Returns the field
    /// errors (empty when saved). The same change submitted twice (the worker already holds the case
    /// from that date for that reason) is saved once and answers as saved.
    public async Task<Dictionary<string, string>> ReallocateAsync(int childId, AllocationKind kind, int? newWorkerId, DateOnly? startDate,
        string? reasonCode, int? byWorkerId, CancellationToken ct, Guid? submissionId = null)
    {
        var errors = new Dictionary<string, string>();
        var current = await db.Allocations.Where(a => a.ChildId == childId && a.Kind == kind && a.EndDate == null)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        // A repeat of the same submission (double click, retried request): already done.
        if (current is not null && current.WorkerId == newWorkerId && current.StartDate == startDate
            && string.Equals(current.ChangeReasonCode, reasonCode, StringComparison.OrdinalIgnoreCase))
            return errors;

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
        // Ending the current allocation the day before; a change on the day it began ends it that day.
        if (current is not null) current.EndDate = start > current.StartDate ? start.AddDays(-1) : current.StartDate;
        db.Allocations.Add(new Allocation
        {
            ChildId = childId, Kind = kind, WorkerId = worker!.Id, TeamId = worker.TeamId!.Value, StartDate = start,
            AllocatedByWorkerId = byWorkerId, RecordedAt = now, ChangeReasonCode = reasonCode!.Trim().ToUpperInvariant(),
        });
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
