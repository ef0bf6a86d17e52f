using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Plans;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Oversight;

public sealed record OversightActionInput(string? What, string? Who, DateOnly? DueDate)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Who) && DueDate is null;
}

public sealed record AddOversightOptions(int ChildId, DateOnly? Date, string? Direction, IReadOnlyList<OversightActionInput> Actions, Guid? SubmissionId);

public sealed record SupervisionCaseInput(int ChildId, string? Discussion, OversightActionInput Action);

public sealed record RecordSupervisionOptions(int WorkerId, DateOnly? Date, string? Notes, IReadOnlyList<SupervisionCaseInput> Cases, Guid? SubmissionId);

/// Management oversight on children's records and workers' supervision. Only team managers give
/// direction; each save is one SaveChanges.
public sealed class OversightService(HavenDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void ValidateDate(Dictionary<string, string> errors, string field, DateOnly? date, string label)
    {
        if (date is not { } d) errors[field] = $"Enter the date of the {label}";
        else if (d > Today) errors[field] = $"Date of the {label} must be today or in the past";
        else if (d < Today.AddYears(-1)) errors[field] = $"Date of the {label} must be within the last year";
    }

    private static void ValidateAction(Dictionary<string, string> errors, string at, OversightActionInput a, string suffix)
    {
        if (a.IsBlank) return;
        if (string.IsNullOrWhiteSpace(a.What)) errors[at + nameof(a.What)] = $"Enter what is to be done{suffix}";
        else if (a.What.Length > PlanService.MaxLine) errors[at + nameof(a.What)] = $"The action must be {PlanService.MaxLine:N0} characters or fewer{suffix}";
        if (string.IsNullOrWhiteSpace(a.Who)) errors[at + nameof(a.Who)] = $"Enter who is to do it{suffix}";
        else if (a.Who.Length > 200) errors[at + nameof(a.Who)] = $"Who is to do it must be 200 characters or fewer{suffix}";
        if (a.DueDate is null) errors[at + nameof(a.DueDate)] = $"Enter the date it is to be done by{suffix}";
    }

    private static OversightAction NewAction(OversightActionInput a, int childId) =>
        new() { ChildId = childId, What = a.What!.Trim(), Who = a.Who!.Trim(), DueDate = a.DueDate!.Value, Version = Guid.NewGuid() };

    public async Task<ServiceResult<OversightEntry>> AddAsync(AddOversightOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.OversightEntries.FirstOrDefaultAsync(e => e.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<OversightEntry>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        if (by.Role != HavenRole.TeamManager) errors[""] = "Only a team manager can record management oversight";
        ValidateDate(errors, nameof(o.Date), o.Date, "oversight");
        if (string.IsNullOrWhiteSpace(o.Direction)) errors[nameof(o.Direction)] = "Enter the direction you gave";
        else if (o.Direction.Length > PlanService.MaxText) errors[nameof(o.Direction)] = $"The direction must be {PlanService.MaxText:N0} characters or fewer";
        for (var i = 0; i < o.Actions.Count; i++) ValidateAction(errors, $"{nameof(o.Actions)}[{i}].", o.Actions[i], $" (action {i + 1})");
        if (errors.Count > 0) return ServiceResult<OversightEntry>.Fail(errors);

        var entry = new OversightEntry
        {
            ChildId = o.ChildId, Kind = OversightKind.Direction, Date = o.Date!.Value, ManagerWorkerId = by.WorkerId, Direction = o.Direction!.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime, SubmissionId = o.SubmissionId,
            Actions = o.Actions.Where(a => !a.IsBlank).Select(a => NewAction(a, o.ChildId)).ToList(),
        };
        db.OversightEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return ServiceResult<OversightEntry>.Ok(entry);
    }

    /// Marks an action done. A stale version throws DbUpdateConcurrencyException.
    public async Task<ServiceResult<OversightAction>> CompleteActionAsync(int actionId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var action = await db.OversightActions.FirstAsync(a => a.Id == actionId, ct);
        // Done already by someone whose change this page had not seen: the same conflict as a race.
        if (action.Version != version) throw new DbUpdateConcurrencyException("The oversight action was changed by someone else.");
        if (action.CompletedOn is not null) return ServiceResult<OversightAction>.Ok(action);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.CompletedOn = Today;
        action.CompletedByWorkerId = by.WorkerId;
        await db.SaveChangesAsync(ct);
        return ServiceResult<OversightAction>.Ok(action);
    }

    /// The children whose cases can be discussed in a worker's supervision: those allocated to them now.
    public IQueryable<int> CasesOf(int workerId)
    {
        var today = Today;
        return db.Allocations.Where(a => a.WorkerId == workerId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => a.ChildId).Distinct();
    }

    public async Task<ServiceResult<SupervisionSession>> RecordSupervisionAsync(RecordSupervisionOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.SupervisionSessions.FirstOrDefaultAsync(s => s.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<SupervisionSession>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        var worker = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == o.WorkerId, ct);
        if (by.Role != HavenRole.TeamManager) errors[""] = "Only a team manager can record supervision";
        if (worker is null || worker.TeamId != by.TeamId || worker.Id == by.WorkerId) errors[nameof(o.WorkerId)] = "Select a worker in your team";
        ValidateDate(errors, nameof(o.Date), o.Date, "supervision");
        if (o.Notes is { Length: > PlanService.MaxText }) errors[nameof(o.Notes)] = $"Notes must be {PlanService.MaxText:N0} characters or fewer";
        var cases = await CasesOf(o.WorkerId).ToListAsync(ct);
        var discussed = 0;
        for (var i = 0; i < o.Cases.Count; i++)
        {
            var c = o.Cases[i];
            var at = $"{nameof(o.Cases)}[{i}].";
            if (!cases.Contains(c.ChildId)) { errors[at + nameof(c.Discussion)] = "Discuss only children allocated to this worker"; continue; }
            if (string.IsNullOrWhiteSpace(c.Discussion))
            {
                if (!c.Action.IsBlank) errors[at + nameof(c.Discussion)] = $"Enter the discussion and direction for case {i + 1}, or remove its action";
                continue;
            }
            discussed++;
            if (c.Discussion.Length > PlanService.MaxText) errors[at + nameof(c.Discussion)] = $"The discussion must be {PlanService.MaxText:N0} characters or fewer (case {i + 1})";
            ValidateAction(errors, $"{at}{nameof(c.Action)}.", c.Action, $" (case {i + 1})");
        }
        if (discussed == 0 && !errors.Keys.Any(k => k.StartsWith(nameof(o.Cases), StringComparison.Ordinal)))
            errors[o.Cases.Count > 0 ? $"{nameof(o.Cases)}[0].{nameof(SupervisionCaseInput.Discussion)}" : nameof(o.Cases)] = "Record the discussion of at least one case";
        if (errors.Count > 0) return ServiceResult<SupervisionSession>.Fail(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var session = new SupervisionSession
        {
            WorkerId = o.WorkerId, SupervisorWorkerId = by.WorkerId, Date = o.Date!.Value, Notes = AssessmentService.Blank(o.Notes), RecordedAt = now, SubmissionId = o.SubmissionId,
            Cases = o.Cases.Where(c => !string.IsNullOrWhiteSpace(c.Discussion)).Select(c => new OversightEntry
            {
                ChildId = c.ChildId, Kind = OversightKind.Supervision, Date = o.Date.Value, ManagerWorkerId = by.WorkerId, Direction = c.Discussion!.Trim(),
                RecordedAt = now, Actions = c.Action.IsBlank ? [] : [NewAction(c.Action, c.ChildId)],
            }).ToList(),
        };
        db.SupervisionSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return ServiceResult<SupervisionSession>.Ok(session);
    }
}
