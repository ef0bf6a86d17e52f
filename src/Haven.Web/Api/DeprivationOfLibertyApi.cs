using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.DeprivationOfLiberty;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>A deprivation of liberty order on a child in care (SSDA903 DoLo). EndDate is null while it is in force.</summary>
public sealed record DeprivationOfLibertyOrderDto(int Id, DateOnly StartDate, DateOnly? EndDate, string AuthorisedBy, string Notes, DateTime RecordedAt, Guid Version);

/// <summary>An order to record (POST) or change (PUT, with the version read). authorisedBy: the court that authorised it.</summary>
public sealed record DeprivationOfLibertyInputDto(DateOnly? StartDate, DateOnly? EndDate, string? AuthorisedBy, string? Notes, Guid? Version, Guid? SubmissionId);

/// <summary>Removing an order recorded in error: why, and the version read.</summary>
public sealed record DeprivationOfLibertyRemoveDto(string? Reason, Guid? Version);

/// Deprivation of liberty orders under /api/v1/children/{id}/care/deprivation-of-liberty. Recording
/// and changing is for the child's social worker or a team manager (403 otherwise); bad input is a
/// 400 with field errors (the same rules as the page); a change or removal without the version read
/// is 428, and from a stale version 409 with the order as saved (current) and as sent (yours).
public static class DeprivationOfLibertyApi
{
    private const string Path = "/deprivation-of-liberty";

    public static void MapDeprivationOfLibertyApi(this RouteGroupBuilder care)
    {
        care.MapGet(Path, ListAsync).WithName("GetDeprivationOfLibertyOrders").WithSummary("The child's deprivation of liberty orders, newest first");
        care.MapPost(Path, AddAsync).WithName("RecordDeprivationOfLibertyOrder").WithSummary("Record a deprivation of liberty order")
            .RequireAuthorization(Policies.RecordDeprivationOfLiberty);
        care.MapPut(Path + "/{orderId:int}", ChangeAsync).WithName("ChangeDeprivationOfLibertyOrder").WithSummary("End or correct an order (version required)")
            .RequireAuthorization(Policies.RecordDeprivationOfLiberty);
        care.MapPost(Path + "/{orderId:int}/remove", RemoveAsync).WithName("RemoveDeprivationOfLibertyOrder").WithSummary("Remove an order recorded in error, with the reason (version required)")
            .RequireAuthorization(Policies.RecordDeprivationOfLiberty);
    }

    private static DeprivationOfLibertyOrderDto ToDto(DeprivationOfLibertyOrder o) => new(o.Id, o.StartDate, o.EndDate, o.AuthorisedBy, o.Notes, o.RecordedAt, o.Version);

    private static async Task<IResult> ListAsync(int childId, DeprivationOfLibertyService service, CancellationToken ct) =>
        Results.Ok((await service.ListAsync(childId, ct)).Select(ToDto).ToList());

    private static async Task<IResult> AddAsync(int childId, DeprivationOfLibertyInputDto body, HttpContext http, DeprivationOfLibertyService service, HavenDbContext db, CancellationToken ct)
    {
        if (body.StartDate is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["startDate"] = ["Enter the date the order started"] });
        var result = await service.AddAsync(childId, Input(body), body.SubmissionId, CurrentWorker.From(http.User)!, ct);
        if (Answer(result) is { } problem) return problem;
        var saved = await db.DeprivationOfLibertyOrders.AsNoTracking().SingleAsync(o => o.Id == result.Id, ct);
        return Results.Created($"/api/v1/children/{childId}/care{Path}/{saved.Id}", ToDto(saved));
    }

    private static async Task<IResult> ChangeAsync(int childId, int orderId, DeprivationOfLibertyInputDto body, HttpContext http, DeprivationOfLibertyService service, HavenDbContext db, CancellationToken ct)
    {
        if (body.Version is not { } version || version == Guid.Empty) return NeedsVersion();
        if (body.StartDate is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["startDate"] = ["Enter the date the order started"] });
        var result = await service.ChangeAsync(childId, orderId, version, Input(body), CurrentWorker.From(http.User)!, ct);
        if (result.Errors.ContainsKey("Version")) return ApiProblems.Stale(result.Errors["Version"], await CurrentAsync(db, childId, orderId, ct), body);
        if (Answer(result) is { } problem) return problem;
        return Results.Ok(ToDto(await db.DeprivationOfLibertyOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct)));
    }

    private static async Task<IResult> RemoveAsync(int childId, int orderId, DeprivationOfLibertyRemoveDto body, HttpContext http, DeprivationOfLibertyService service, HavenDbContext db, CancellationToken ct)
    {
        if (body.Version is not { } version || version == Guid.Empty) return NeedsVersion();
        var result = await service.RemoveAsync(childId, orderId, version, body.Reason, CurrentWorker.From(http.User)!, ct);
        if (result.Errors.ContainsKey("Version")) return ApiProblems.Stale(result.Errors["Version"], await CurrentAsync(db, childId, orderId, ct), body);
        return Answer(result) ?? Results.NoContent();
    }

    private static async Task<DeprivationOfLibertyOrderDto?> CurrentAsync(HavenDbContext db, int childId, int orderId, CancellationToken ct) =>
        await db.DeprivationOfLibertyOrders.AsNoTracking().Where(o => o.Id == orderId && o.ChildId == childId).FirstOrDefaultAsync(ct) is { } o ? ToDto(o) : null;

    private static DeprivationOfLibertyInput Input(DeprivationOfLibertyInputDto body) => new(body.StartDate!.Value, body.EndDate, body.AuthorisedBy, body.Notes);

    private static IResult NeedsVersion() =>
        ApiProblems.NeedsVersion("version", "Send the version of the deprivation of liberty order you read (from the GET): without it this change could overwrite someone else's");

    /// Null when it succeeded; otherwise 403 (may not record), 404 (no such order) or 400 with field errors.
    private static IResult? Answer(LookedAfterResult result)
    {
        if (result.Succeeded) return null;
        if (result.Errors.ContainsKey("Recorder")) return ApiProblems.NoAccess();
        if (result.Errors.ContainsKey("Id"))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Errors["Id"], extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });
        return ApiProblems.Invalid(result.Errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
    }
}
