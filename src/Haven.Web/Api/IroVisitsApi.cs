using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

public sealed record IroVisitDto(int Id, DateOnly VisitDate, int IroWorkerId, string Iro, bool SeenAlone, string Purpose, string Notes, DateTime RecordedAt, Guid Version,
    DateTime? CorrectedAt = null, string? CorrectionReason = null);

/// <summary>A corrected IRO visit: its fields as when recording one, the version you read and why you are correcting it.</summary>
public sealed record IroVisitCorrectionDto(DateOnly? VisitDate, int? IroWorkerId, bool? SeenAlone, string? Purpose, string? Notes, Guid? Version, string? Reason, Guid? SubmissionId);

/// iroWorkerId may be left out: the IRO allocated to the child on the date (or the IRO sending it).
public sealed record NewIroVisitDto(DateOnly? VisitDate, int? IroWorkerId, bool? SeenAlone, string? Purpose, string? Notes, Guid? SubmissionId);

/// The IRO's visits to a child in care between reviews, under /api/v1/children/{id}/care/iro-visits.
/// Only the IRO allocated to the child, a team manager or the child's social worker may record one
/// (403 otherwise); bad input is a 400 with field errors and nothing is saved.
public static class IroVisitsApi
{
    public static void MapIroVisitsApi(this RouteGroupBuilder care)
    {
        care.MapGet("/iro-visits", ListAsync).WithName("GetIroVisits").WithSummary("The IRO's visits to the child between reviews, newest first");
        care.MapPost("/iro-visits", RecordAsync).WithName("RecordIroVisit").WithSummary("Record an IRO visit to the child between reviews")
            .RequireAuthorization(Policies.RecordIroVisits);
        care.MapGet("/iro-visits/{visitId:int}", GetAsync).WithName("GetIroVisit").WithSummary("One IRO visit, also after it was corrected (with when and why)");
        care.MapPost("/iro-visits/{visitId:int}/corrections", CorrectAsync).WithName("CorrectIroVisit")
            .WithSummary("Correct an IRO visit: the corrected visit is added and the earlier one kept with the reason").RequireAuthorization(Policies.RecordIroVisits);
    }

    private static IroVisitDto ToDto(IroVisit v) => new(v.Id, v.VisitDate, v.IroWorkerId, v.Iro.DisplayName, v.SeenAlone, v.Purpose, v.Summary, v.RecordedAt, v.Version,
        v.DeletedAt, v.DeletionReason);

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This child has no IRO visit with that id.",
        extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });

    private static async Task<IResult> GetAsync(int childId, int visitId, HavenDbContext db, CancellationToken ct) =>
        await db.IroVisits.IgnoreQueryFilters().AsNoTracking().Include(v => v.Iro).FirstOrDefaultAsync(v => v.Id == visitId && v.ChildId == childId, ct) is { } v
            ? Results.Ok(ToDto(v)) : NotFound();

    /// The rules of recording (LookedAfterService.CorrectIroVisitAsync), plus the reason. Without the
    /// version read: 428, nothing saved; stale (or already corrected): 409 with the visit recorded now
    /// (current) and what was sent (yours); another child's visit: 404; not the child's IRO, a team
    /// manager or the child's social worker: 403.
    private static async Task<IResult> CorrectAsync(int childId, int visitId, IroVisitCorrectionDto body, HttpContext http, LookedAfterService service, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.IroVisits.IgnoreQueryFilters().AnyAsync(v => v.Id == visitId && v.ChildId == childId, ct)) return NotFound();
        if (body.Version is null || body.Version == Guid.Empty)
            return ApiProblems.NeedsVersion("version", "Send the version of the visit you read (from the GET): without it this correction could overwrite someone else's");
        var errors = new Dictionary<string, string[]>();
        if (body.VisitDate is null) errors["visitDate"] = ["Enter the date of the visit"];
        if (body.SeenAlone is null) errors["seenAlone"] = ["Say whether the child was seen alone (true or false)"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.CorrectIroVisitAsync(visitId, body.Version.Value, body.Reason, new RecordIroVisitOptions(childId, body.VisitDate!.Value, body.IroWorkerId,
            body.SeenAlone!.Value, body.Purpose ?? "", body.Notes, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (result.Errors.ContainsKey("Recorder")) return ApiProblems.NoAccess();
        if (result.Errors.TryGetValue("Version", out var conflict))
            return ApiProblems.Stale(conflict, await service.IroVisitNowAsync(childId, visitId, ct) is { } now ? ToDto(now) : null, body);
        if (!result.Succeeded) return ApiProblems.Invalid(result.Errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
        var saved = await db.IroVisits.AsNoTracking().Include(v => v.Iro).SingleAsync(v => v.Id == result.Id, ct);
        return Results.Created($"/api/v1/children/{childId}/care/iro-visits/{saved.Id}", ToDto(saved));
    }

    private static async Task<IResult> ListAsync(int childId, HavenDbContext db, CancellationToken ct) =>
        Results.Ok(await db.IroVisits.AsNoTracking().Where(v => v.ChildId == childId).OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.Id)
            .Select(v => new IroVisitDto(v.Id, v.VisitDate, v.IroWorkerId, v.Iro.DisplayName, v.SeenAlone, v.Purpose, v.Summary, v.RecordedAt, v.Version))
            .ToListAsync(ct));

    private static async Task<IResult> RecordAsync(int childId, NewIroVisitDto body, HttpContext http, LookedAfterService service, HavenDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.VisitDate is null) errors["visitDate"] = ["Enter the date of the visit"];
        if (body.SeenAlone is null) errors["seenAlone"] = ["Say whether the child was seen alone (true or false)"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.RecordIroVisitAsync(new RecordIroVisitOptions(childId, body.VisitDate!.Value, body.IroWorkerId, body.SeenAlone!.Value,
            body.Purpose ?? "", body.Notes, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (result.Errors.ContainsKey("Recorder")) return ApiProblems.NoAccess();
        if (!result.Succeeded) return ApiProblems.Invalid(result.Errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
        var saved = await db.IroVisits.AsNoTracking().Where(v => v.Id == result.Id)
            .Select(v => new IroVisitDto(v.Id, v.VisitDate, v.IroWorkerId, v.Iro.DisplayName, v.SeenAlone, v.Purpose, v.Summary, v.RecordedAt, v.Version)).SingleAsync(ct);
        return Results.Created($"/api/v1/children/{childId}/care/iro-visits", saved);
    }
}
