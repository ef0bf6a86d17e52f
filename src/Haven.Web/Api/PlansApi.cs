using Haven.Core.Access;
using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Haven.Core.Plans;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>An action in a plan. Key is the same action across versions; leave it out for a new action.</summary>
public sealed record PlanActionDto(Guid? Key, string? What, string? Who, DateOnly? DueDate, bool Done, DateOnly? DoneDate, string? Progress, DateOnly? LastProgressOn, string? Status);

/// <summary>A version of a plan's content.</summary>
public sealed record PlanVersionDto(int Number, string Reason, DateTime RecordedAt, IReadOnlyList<string> Outcomes, IReadOnlyList<PlanActionDto> Actions,
    string? FamilyAndNetwork, string? Contingency, string? ToTheChild);

/// <summary>A plan of any kind (ChildInNeed, ChildProtection, Care, Pathway) with its current version. Version is the token to send with a change.</summary>
public sealed record PlanDto(int Id, string Kind, DateOnly StartDate, DateOnly? EndDate, int CurrentVersionNumber, PlanVersionDto Current, Guid Version);

/// <summary>A plan's content to save. Outcomes: one string each. Actions: who does what by when.</summary>
public sealed record PlanContentDto(IReadOnlyList<string>? Outcomes, IReadOnlyList<PlanActionDto>? Actions, string? FamilyAndNetwork, string? Contingency, string? ToTheChild);

/// <summary>A new version of a plan, based on the Version you read (BaseVersion); a stale one gets 409.</summary>
public sealed record NewPlanVersionDto(Guid BaseVersion, string? Reason, PlanContentDto? Content, Guid? SubmissionId);

/// <summary>A child in need plan with its reviews. PlanId is its content (GET plans/{planId}).</summary>
public sealed record ChildInNeedPlanDto(int Id, int PlanId, DateOnly StartDate, DateOnly? EndDate, string? ClosureReason, string? ClosureNote,
    DateOnly? NextReviewDue, IReadOnlyList<ChildInNeedReviewDto> Reviews, Guid Version);

/// <summary>A review of a child in need plan; PlanVersionNumber when it changed the plan.</summary>
public sealed record ChildInNeedReviewDto(int Id, DateOnly Date, string Summary, string? Views, int? PlanVersionNumber, DateOnly NextReviewDue);

/// <summary>Start a child in need plan with its first version.</summary>
public sealed record NewChildInNeedPlanDto(DateOnly? StartDate, PlanContentDto? Content, Guid? SubmissionId);

/// <summary>A review. With NewContent, the review saves a new version of the plan based on BasePlanVersion.</summary>
public sealed record NewChildInNeedReviewDto(DateOnly? Date, string? Summary, string? Views, Guid BasePlanVersion, PlanContentDto? NewContent, Guid? SubmissionId);

/// <summary>Close a child in need plan. Reason: NeedsMet, SteppedDownToEarlyHelp, ChildProtectionPlan, BecameLookedAfter, MovedAway, FamilyWithdrewConsent or Other.</summary>
public sealed record ChildInNeedClosureDto(Guid Version, DateOnly? EndDate, string? Reason, string? Note);

/// <summary>An action set in management oversight.</summary>
public sealed record OversightActionDto(int? Id, string? What, string? Who, DateOnly? DueDate, DateOnly? CompletedOn);

/// <summary>Management oversight on the child's record. Kind: Direction or Supervision.</summary>
public sealed record OversightEntryDto(int Id, string Kind, DateOnly Date, int ManagerWorkerId, string Direction, IReadOnlyList<OversightActionDto> Actions);

/// <summary>New management oversight (team managers only).</summary>
public sealed record NewOversightDto(DateOnly? Date, string? Direction, IReadOnlyList<OversightActionDto>? Actions, Guid? SubmissionId);

/// Plans of every kind, child in need plans and their reviews, and management oversight, under /api/v1/children/{childId}.
public static class PlansApi
{
    public static void MapPlansApi(this RouteGroupBuilder child)
    {
        child.MapGet("/plans", GetPlansAsync).WithName("GetPlans").WithSummary("A child's plans of every kind, each with its current version");
        child.MapGet("/plans/{planId:int}", GetPlanAsync).WithName("GetPlan").WithSummary("One plan with its current version, or ?number= for an earlier one");
        child.MapPost("/plans/{planId:int}/versions", AddVersionAsync).WithName("AddPlanVersion").WithSummary("Save a new version of a plan (409 if BaseVersion is stale)");
        child.MapGet("/child-in-need-plans", GetChildInNeedPlansAsync).WithName("GetChildInNeedPlans").WithSummary("A child's child in need plans and reviews");
        child.MapPost("/child-in-need-plans", StartChildInNeedPlanAsync).WithName("StartChildInNeedPlan").WithSummary("Start a child in need plan");
        child.MapPost("/child-in-need-plans/{cinPlanId:int}/reviews", ReviewAsync).WithName("ReviewChildInNeedPlan").WithSummary("Record a review, optionally with a new version of the plan");
        child.MapPost("/child-in-need-plans/{cinPlanId:int}/closure", CloseAsync).WithName("CloseChildInNeedPlan").WithSummary("Close a child in need plan with its reason");
        child.MapGet("/oversight", GetOversightAsync).WithName("GetOversight").WithSummary("Management oversight on the child's record, newest first");
        child.MapPost("/oversight", AddOversightAsync).WithName("AddOversight").WithSummary("Record management oversight (team managers)");
    }

    private static Dictionary<string, string[]> Camel(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });

    private const string StaleTitle = "The plan changed since you read it. Nothing was saved: read it again and resend your change.";

    /// A change must say which version it was based on; without one it could overwrite someone else's: 428, nothing saved.
    private static IResult? NeedsVersion(Guid version, string field, string what) => version == Guid.Empty
        ? ApiProblems.NeedsVersion(field, $"Send the version of the {what} you read (from the GET): without it this change could overwrite someone else's")
        : null;

    /// Someone else saved first: 409 with the plan as saved now (current, the GET's PlanDto) and what was sent (yours).
    private static async Task<IResult> StalePlanAsync(HavenDbContext db, int planId, object yours, PlanSettings settings, TimeProvider clock, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var p = await db.Plans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == planId, ct);
        return ApiProblems.Stale(StaleTitle, p is null ? null : await ToDtoAsync(db, p, p.CurrentVersionNumber, settings, Today(clock), ct), yours);
    }

    /// Someone else saved first: 409 with the child in need plan as saved now (current) and what was sent (yours).
    private static async Task<IResult> StaleChildInNeedPlanAsync(HavenDbContext db, int cinPlanId, object yours, ChildInNeedSettings settings, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return ApiProblems.Stale(StaleTitle, await ToDtoAsync(db, cinPlanId, settings, ct), yours);
    }

    internal static PlanContentOptions ToOptions(PlanContentDto? c) => new(c?.Outcomes ?? [],
        (c?.Actions ?? []).Select(a => new PlanActionInput(a.Key, a.What, a.Who, a.DueDate, a.Done, a.Progress)).ToList(),
        c?.FamilyAndNetwork, c?.Contingency, c?.ToTheChild);

    /// Null when the plan has no such version row (only possible for a row made outside PlanService): the caller answers 404, not 500.
    private static async Task<PlanDto?> ToDtoAsync(HavenDbContext db, Plan p, int number, PlanSettings settings, DateOnly today, CancellationToken ct)
    {
        var v = await db.PlanVersions.AsNoTracking().Include(x => x.Outcomes).Include(x => x.Actions).AsSplitQuery().FirstOrDefaultAsync(x => x.PlanId == p.Id && x.Number == number, ct);
        if (v is null) return null;
        return new PlanDto(p.Id, p.Kind.ToString(), p.StartDate, p.EndDate, p.CurrentVersionNumber, ToDto(v, settings, today), p.Version);
    }

    private static PlanVersionDto ToDto(PlanVersion v, PlanSettings settings, DateOnly today) => new(v.Number, v.Reason, v.RecordedAt,
        v.Outcomes.OrderBy(o => o.Order).Select(o => o.Text).ToList(),
        v.Actions.OrderBy(a => a.Order).Select(a => new PlanActionDto(a.Key, a.What, a.Who, a.DueDate, a.Done, a.DoneDate, a.Progress, a.LastProgressOn,
            PlanRules.StatusOf(a, today, settings).ToString())).ToList(),
        v.FamilyAndNetwork, v.Contingency, v.ToTheChild);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<IResult> GetPlansAsync(int childId, HavenDbContext db, PlanSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.StartDate).ToListAsync(ct);
        var list = new List<PlanDto>();
        foreach (var p in plans)
            if (await ToDtoAsync(db, p, p.CurrentVersionNumber, settings, Today(clock), ct) is { } dto) list.Add(dto);
        return Results.Ok(list);
    }

    private static async Task<IResult> GetPlanAsync(int childId, int planId, int? number, HavenDbContext db, PlanSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == planId && x.ChildId == childId, ct);
        if (p is null) return Results.NotFound();
        if (number is { } n && (n < 1 || n > p.CurrentVersionNumber))
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["number"] = [$"Number must be from 1 to {p.CurrentVersionNumber}"] });
        return await ToDtoAsync(db, p, number ?? p.CurrentVersionNumber, settings, Today(clock), ct) is { } dto ? Results.Ok(dto) : Results.NotFound();
    }

    private static async Task<IResult> AddVersionAsync(int childId, int planId, NewPlanVersionDto body, HttpContext http, PlanService plans, PlanSettings settings,
        HavenDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // A plan without its current version row (made outside PlanService) is not found, not a 500.
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.ChildId == childId && db.PlanVersions.Any(v => v.PlanId == p.Id && v.Number == p.CurrentVersionNumber), ct))
            return Results.NotFound();
        if (NeedsVersion(body.BaseVersion, "baseVersion", "plan") is { } needs) return needs;
        // The version first: a stale writer is told someone else changed it, whatever else is wrong.
        if (await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).FirstAsync(ct) != body.BaseVersion)
            return await StalePlanAsync(db, planId, body, settings, clock, ct);
        try
        {
            var result = await plans.SaveVersionAsync(new SavePlanVersionOptions(planId, body.BaseVersion, ToOptions(body.Content), body.Reason, body.SubmissionId),
                CurrentWorker.From(http.User)!, ct);
            if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
            db.ChangeTracker.Clear();
            var p = await db.Plans.AsNoTracking().FirstAsync(x => x.Id == planId, ct);
            return Results.Created($"/api/v1/children/{childId}/plans/{planId}?number={result.Value!.Number}", await ToDtoAsync(db, p, result.Value.Number, settings, Today(clock), ct));
        }
        catch (DbUpdateException)
        {
            return await StalePlanAsync(db, planId, body, settings, clock, ct);
        }
    }

    private static async Task<ChildInNeedPlanDto> ToDtoAsync(HavenDbContext db, int cinId, ChildInNeedSettings settings, CancellationToken ct)
    {
        var c = await db.ChildInNeedPlans.AsNoTracking().Include(x => x.Reviews).FirstAsync(x => x.Id == cinId, ct);
        return new ChildInNeedPlanDto(c.Id, c.PlanId, c.StartDate, c.EndDate, c.ClosureReason?.ToString(), c.ClosureNote,
            c.IsOpen ? settings.NextReviewDue(c.ReviewClockFrom) : null,
            c.Reviews.OrderBy(r => r.Date).Select(r => new ChildInNeedReviewDto(r.Id, r.Date, r.Summary, r.Views, r.PlanVersionNumber, r.NextReviewDue)).ToList(), c.Version);
    }

    private static async Task<IResult> GetChildInNeedPlansAsync(int childId, HavenDbContext db, ChildInNeedSettings settings, CancellationToken ct)
    {
        var ids = await db.ChildInNeedPlans.AsNoTracking().Where(c => c.ChildId == childId).OrderByDescending(c => c.StartDate).Select(c => c.Id).ToListAsync(ct);
        var list = new List<ChildInNeedPlanDto>();
        foreach (var id in ids) list.Add(await ToDtoAsync(db, id, settings, ct));
        return Results.Ok(list);
    }

    private static async Task<IResult> StartChildInNeedPlanAsync(int childId, NewChildInNeedPlanDto body, HttpContext http, ChildInNeedPlanService service,
        ChildInNeedSettings settings, HavenDbContext db, CancellationToken ct)
    {
        var result = await service.StartAsync(new StartChildInNeedPlanOptions(childId, body.StartDate, ToOptions(body.Content), body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        return Results.Created($"/api/v1/children/{childId}/child-in-need-plans/{result.Value!.Id}", await ToDtoAsync(db, result.Value.Id, settings, ct));
    }

    private static async Task<IResult> ReviewAsync(int childId, int cinPlanId, NewChildInNeedReviewDto body, HttpContext http, ChildInNeedPlanService service,
        ChildInNeedSettings settings, PlanSettings planSettings, TimeProvider clock, HavenDbContext db, CancellationToken ct)
    {
        var planId = await db.ChildInNeedPlans.Where(c => c.Id == cinPlanId && c.ChildId == childId
                && db.PlanVersions.Any(v => v.PlanId == c.PlanId && v.Number == c.Plan.CurrentVersionNumber))
            .Select(c => (int?)c.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null) return Results.NotFound();
        if (NeedsVersion(body.BasePlanVersion, "basePlanVersion", "plan") is { } needs) return needs;
        // The review is guarded by the plan's version: a stale one is told so first, with the plan as saved now.
        if (await db.Plans.Where(p => p.Id == planId).Select(p => p.Version).FirstAsync(ct) != body.BasePlanVersion)
            return await StalePlanAsync(db, planId.Value, body, planSettings, clock, ct);
        try
        {
            var result = await service.ReviewAsync(new ReviewChildInNeedPlanOptions(cinPlanId, body.Date, body.Summary, body.Views, body.BasePlanVersion,
                body.NewContent is null ? null : ToOptions(body.NewContent), body.SubmissionId), CurrentWorker.From(http.User)!, ct);
            if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
            return Results.Created($"/api/v1/children/{childId}/child-in-need-plans/{cinPlanId}", await ToDtoAsync(db, cinPlanId, settings, ct));
        }
        catch (DbUpdateException)
        {
            return await StalePlanAsync(db, planId.Value, body, planSettings, clock, ct);
        }
    }

    private static async Task<IResult> CloseAsync(int childId, int cinPlanId, ChildInNeedClosureDto body, HttpContext http, ChildInNeedPlanService service,
        ChildInNeedSettings settings, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.ChildInNeedPlans.AnyAsync(c => c.Id == cinPlanId && c.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.Version, "version", "child in need plan") is { } needs) return needs;
        if (await db.ChildInNeedPlans.Where(c => c.Id == cinPlanId).Select(c => c.Version).FirstAsync(ct) != body.Version)
            return await StaleChildInNeedPlanAsync(db, cinPlanId, body, settings, ct);
        ChildInNeedPlanClosureReason? reason = null;
        if (body.Reason is not null)
        {
            if (Enum.TryParse<ChildInNeedPlanClosureReason>(body.Reason, true, out var r) && Enum.IsDefined(r)) reason = r;
            else return ApiProblems.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Reason must be one of: " + string.Join(", ", Enum.GetNames<ChildInNeedPlanClosureReason>())] });
        }
        try
        {
            var result = await service.CloseAsync(new CloseChildInNeedPlanOptions(cinPlanId, body.Version, body.EndDate, reason, body.Note), CurrentWorker.From(http.User)!, ct);
            if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
            return Results.Ok(await ToDtoAsync(db, cinPlanId, settings, ct));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleChildInNeedPlanAsync(db, cinPlanId, body, settings, ct);
        }
    }

    private static OversightEntryDto ToDto(OversightEntry e) => new(e.Id, e.Kind.ToString(), e.Date, e.ManagerWorkerId, e.Direction,
        e.Actions.OrderBy(a => a.DueDate).Select(a => new OversightActionDto(a.Id, a.What, a.Who, a.DueDate, a.CompletedOn)).ToList());

    private static async Task<IResult> GetOversightAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.OversightEntries.AsNoTracking().Include(e => e.Actions).Where(e => e.ChildId == childId)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> AddOversightAsync(int childId, NewOversightDto body, HttpContext http, OversightService service, CancellationToken ct)
    {
        var result = await service.AddAsync(new AddOversightOptions(childId, body.Date, body.Direction,
            (body.Actions ?? []).Select(a => new OversightActionInput(a.What, a.Who, a.DueDate)).ToList(), body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        return Results.Created($"/api/v1/children/{childId}/oversight", ToDto(result.Value!));
    }
}
