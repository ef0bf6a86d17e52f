using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Plans;

/// One action as the form or the API sends it. Key is null for a new action.
public sealed record PlanActionInput(Guid? Key, string? What, string? Who, DateOnly? DueDate, bool Done, string? Progress)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Who) && DueDate is null && string.IsNullOrWhiteSpace(Progress) && Key is null;
}

/// A plan's content: outcomes, actions, the family's and network's part, the contingency and,
/// optionally, the plan written to the child.
public sealed record PlanContentOptions(IReadOnlyList<string> Outcomes, IReadOnlyList<PlanActionInput> Actions,
    string? FamilyAndNetwork, string? Contingency, string? ToTheChild);

public sealed record SavePlanVersionOptions(int PlanId, Guid BaseVersion, PlanContentOptions Content, string? Reason, Guid? SubmissionId);

/// Plans of every kind: a new plan with its first version, and each later version. The kind's own
/// service (child in need, child protection…) starts the plan with its own record in one save.
public sealed class PlanService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = 20000;
    public const int MaxLine = 1000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static IReadOnlyDictionary<string, string> Validate(PlanContentOptions c)
    {
        var errors = new Dictionary<string, string>();
        var outcomes = c.Outcomes.Where(o => !string.IsNullOrWhiteSpace(o)).ToList();
        if (outcomes.Count == 0) errors[nameof(c.Outcomes)] = "Enter at least one outcome: what the plan is meant to change for the child";
        else if (outcomes.Any(o => o.Length > MaxLine)) errors[nameof(c.Outcomes)] = $"Each outcome must be {MaxLine:N0} characters or fewer";
        for (var i = 0; i < c.Actions.Count; i++)
        {
            var a = c.Actions[i];
            if (a.IsBlank) continue;
            var at = $"{nameof(c.Actions)}[{i}].";
            if (string.IsNullOrWhiteSpace(a.What)) errors[at + nameof(a.What)] = $"Enter what will be done (action {i + 1})";
            else if (a.What.Length > MaxLine) errors[at + nameof(a.What)] = $"What will be done must be {MaxLine:N0} characters or fewer (action {i + 1})";
            if (string.IsNullOrWhiteSpace(a.Who)) errors[at + nameof(a.Who)] = $"Enter who will do it: a worker, a family member, someone in the network or an agency (action {i + 1})";
            else if (a.Who.Length > 200) errors[at + nameof(a.Who)] = $"Who will do it must be 200 characters or fewer (action {i + 1})";
            if (a.DueDate is null) errors[at + nameof(a.DueDate)] = $"Enter the date it will be done by (action {i + 1})";
            if (a.Progress is { Length: > MaxLine }) errors[at + nameof(a.Progress)] = $"Progress must be {MaxLine:N0} characters or fewer (action {i + 1})";
        }
        if (c.Actions.All(a => a.IsBlank)) errors[$"{nameof(c.Actions)}[0].{nameof(PlanActionInput.What)}"] = "Enter at least one action: who does what, by when";
        if (string.IsNullOrWhiteSpace(c.Contingency)) errors[nameof(c.Contingency)] = "Enter the contingency plan: what happens if the plan does not work";
        foreach (var (field, value, label) in new[] { (nameof(c.FamilyAndNetwork), c.FamilyAndNetwork, "The family's and network's part"),
                     (nameof(c.Contingency), c.Contingency, "The contingency plan"), (nameof(c.ToTheChild), c.ToTheChild, "The plan written to the child") })
            if (value is { Length: > MaxText }) errors[field] = $"{label} must be {MaxText:N0} characters or fewer";
        return errors;
    }

    /// Adds a new plan and its first version to the context, unsaved: the caller saves it with its
    /// own record. Content must have been validated.
    internal Plan Add(int childId, PlanKind kind, DateOnly start, PlanContentOptions content, string reason, CurrentWorker by, Guid? submissionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan { ChildId = childId, Kind = kind, StartDate = start, CurrentVersionNumber = 1, RecordedAt = now, RecordedByWorkerId = by.WorkerId };
        plan.Versions.Add(Build(1, content, null, reason, by, now, submissionId));
        db.Plans.Add(plan);
        return plan;
    }

    /// The child's stage as far as starting a plan is concerned (see PlanStart).
    public async Task<ChildStage> StageAsync(int childId, CancellationToken ct = default)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.FirstName, p.DateOfBirth }).FirstAsync(ct);
        var cp = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null)
            .OrderByDescending(p => p.StartDate).Select(p => new { p.StartDate, p.PlanId }).FirstOrDefaultAsync(ct);
        var lookedAfter = await db.PeriodsOfCare.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null)
            .OrderByDescending(p => p.StartDate).Select(p => (DateOnly?)p.StartDate).FirstOrDefaultAsync(ct);
        var leaver = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.Kind == InvolvementKind.CareLeaver && i.EndDate == null)
            .OrderByDescending(i => i.StartDate).Select(i => (DateOnly?)i.StartDate).FirstOrDefaultAsync(ct);
        var open = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null).Select(p => p.Kind).Distinct().ToListAsync(ct);
        return new ChildStage(child.FirstName, child.DateOfBirth, cp is null ? null : (cp.StartDate, cp.PlanId is not null), lookedAfter, leaver, open.ToHashSet());
    }

    /// Starts a child protection, care or pathway plan with its first version, when the kind fits
    /// the child's stage (PlanStart). A child protection plan's content is linked to the child's
    /// open registration in the same save; the registration's version guards against two people
    /// writing it at once (DbUpdateConcurrencyException, nothing saved). A child in need plan
    /// starts through ChildInNeedPlanService, with its own record.
    public async Task<ServiceResult<Plan>> StartAsync(int childId, PlanKind kind, DateOnly? start, PlanContentOptions content, CurrentWorker by,
        Guid? submissionId = null, CancellationToken ct = default)
    {
        if (submissionId is { } sid && await db.PlanVersions.Where(v => v.SubmissionId == sid).Select(v => v.PlanId).FirstOrDefaultAsync(ct) is var earlier and > 0)
            return ServiceResult<Plan>.Ok(await db.Plans.FirstAsync(p => p.Id == earlier, ct));
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(kind)) errors["Kind"] = "Select the kind of plan";
        else if (kind == PlanKind.ChildInNeed) errors["Kind"] = "Start a child in need plan from its own page: it records the child in need plan too";
        if (start is null) errors["StartDate"] = "Enter the date the plan started";
        else if (start > Today) errors["StartDate"] = "Start date must be today or in the past";
        if (errors.Count == 0 && PlanStart.WhyNot(kind, await StageAsync(childId, ct), start!.Value) is { } why)
            errors[why.StartsWith("Start date", StringComparison.Ordinal) ? "StartDate" : "Kind"] = why;
        foreach (var (field, message) in Validate(content)) errors[field] = message;
        if (errors.Count > 0) return ServiceResult<Plan>.Fail(errors);
        var plan = Add(childId, kind, start!.Value, content, "Plan started", by, submissionId);
        if (kind == PlanKind.ChildProtection)
        {
            var registration = await db.ChildProtectionPlans.FirstAsync(p => p.ChildId == childId && p.EndDate == null && p.PlanId == null, ct);
            registration.Plan = plan;
        }
        // A pathway plan's dimensions and a care plan's permanence decision are linked to the plan's content.
        if (kind == PlanKind.Pathway && await db.PathwayPlans.FirstOrDefaultAsync(p => p.ChildId == childId && p.PlanId == null, ct) is { } pathway)
            pathway.Plan = plan;
        if (kind == PlanKind.Care)
            foreach (var decision in await db.PermanencePlans.Where(p => p.ChildId == childId && p.PlanId == null).ToListAsync(ct))
                decision.Plan = plan;
        await db.SaveChangesAsync(ct);
        return ServiceResult<Plan>.Ok(plan);
    }

    /// Saves a new version of the plan, based on the version the user read. A stale base version
    /// throws DbUpdateConcurrencyException and nothing is saved.
    public async Task<ServiceResult<PlanVersion>> SaveVersionAsync(SavePlanVersionOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.PlanVersions.FirstOrDefaultAsync(v => v.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<PlanVersion>.Ok(earlier);
        var plan = await db.Plans.FirstAsync(p => p.Id == o.PlanId, ct);
        var errors = new Dictionary<string, string>(Validate(o.Content));
        if (!plan.IsOpen) errors[""] = "This plan has ended and can no longer be changed";
        if (o.Reason is { Length: > 200 }) errors[nameof(o.Reason)] = "The reason for the change must be 200 characters or fewer";
        if (errors.Count > 0) return ServiceResult<PlanVersion>.Fail(errors);
        var version = await AddVersionAsync(plan, o.BaseVersion, o.Content, AssessmentService.Blank(o.Reason) ?? "Change", by, o.SubmissionId, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<PlanVersion>.Ok(version);
    }

    /// Adds the next version to a tracked plan, unsaved, and moves the plan's Version on so that a
    /// concurrent change from the same base is refused when the caller saves.
    internal async Task<PlanVersion> AddVersionAsync(Plan plan, Guid baseVersion, PlanContentOptions content, string reason, CurrentWorker by, Guid? submissionId, CancellationToken ct)
    {
        var current = await db.PlanVersions.AsNoTracking().Include(v => v.Actions)
            .FirstAsync(v => v.PlanId == plan.Id && v.Number == plan.CurrentVersionNumber, ct);
        db.Entry(plan).Property(p => p.Version).OriginalValue = baseVersion;
        plan.CurrentVersionNumber++;
        var version = Build(plan.CurrentVersionNumber, content, current, reason, by, clock.GetUtcNow().UtcDateTime, submissionId);
        version.PlanId = plan.Id;
        db.PlanVersions.Add(version);
        db.Entry(plan).State = EntityState.Modified;
        return version;
    }

    private PlanVersion Build(int number, PlanContentOptions c, PlanVersion? previous, string reason, CurrentWorker by, DateTime now, Guid? submissionId)
    {
        var today = Today;
        var before = previous?.Actions.ToDictionary(a => a.Key) ?? [];
        var version = new PlanVersion
        {
            Number = number, Reason = reason, RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = submissionId,
            FamilyAndNetwork = AssessmentService.Blank(c.FamilyAndNetwork), Contingency = AssessmentService.Blank(c.Contingency),
            ToTheChild = AssessmentService.Blank(c.ToTheChild),
        };
        var order = 0;
        foreach (var text in c.Outcomes.Where(t => !string.IsNullOrWhiteSpace(t))) version.Outcomes.Add(new PlanOutcome { Order = ++order, Text = text.Trim() });
        order = 0;
        foreach (var a in c.Actions.Where(a => !a.IsBlank))
        {
            var was = a.Key is { } k && before.TryGetValue(k, out var found) ? found : null;
            var progress = AssessmentService.Blank(a.Progress);
            var moved = was is null || was.Done != a.Done || (was.Progress ?? "") != (progress ?? "");
            version.Actions.Add(new PlanAction
            {
                Key = was?.Key ?? Guid.NewGuid(), Order = ++order, What = a.What!.Trim(), Who = a.Who!.Trim(), DueDate = a.DueDate!.Value,
                Done = a.Done, DoneDate = a.Done ? (was is { Done: true } ? was.DoneDate : today) : null, Progress = progress,
                LastProgressOn = moved ? today : was!.LastProgressOn,
            });
        }
        return version;
    }
}
