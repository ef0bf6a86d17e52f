using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

public sealed record AllocationHistoryDto(int Id, AllocationKind Kind, int WorkerId, string Worker, int TeamId, string Team,
    DateOnly StartDate, DateOnly? EndDate, string? ChangeReasonCode, Guid Version);
/// Version: the version of the current allocation of that kind as read (GET .../allocations); required when the case is allocated.
public sealed record ReallocationInputDto(AllocationKind? Kind, int? WorkerId, DateOnly? StartDate, string? ReasonCode, Guid? SubmissionId, Guid? Version = null);

/// A child's allocation history and a change of worker (same rules as the allocation page: team
/// managers and senior leaders only; the child record guard checks access and logs each call).
public static class AllocationsApi
{
    public static void MapAllocationsApi(this WebApplication app)
    {
        var child = app.MapGroup("/api/v1/children/{childId:int}").RequireAuthorization(Policies.Api)
            .AddEndpointFilter<ChildRecordEndpointFilter>().WithTags("Allocations");
        child.MapGet("/allocations", ListAsync).WithName("GetAllocations").WithSummary("Who has held the child's case, current first, with the reason for each change of worker");
        child.MapPost("/allocations", ReallocateAsync).WithName("Reallocate").RequireAuthorization(Policies.Reallocate)
            .WithSummary("Change the child's social worker (kind defaults to SocialWorker): ends the current allocation the day before and adds the new one with the 903 SW_REASON code");
    }

    private static async Task<IResult> ListAsync(int childId, HavenDbContext db, CancellationToken ct) =>
        Results.Ok(await db.Allocations.AsNoTracking().Where(a => a.ChildId == childId)
            .OrderBy(a => a.EndDate != null).ThenByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .Select(a => new AllocationHistoryDto(a.Id, a.Kind, a.WorkerId, a.Worker.DisplayName, a.TeamId, a.Team.Name, a.StartDate, a.EndDate, a.ChangeReasonCode, a.Version))
            .ToListAsync(ct));

    private static async Task<IResult> ReallocateAsync(int childId, ReallocationInputDto b, HttpContext http, AllocationService service, HavenDbContext db, CancellationToken ct)
    {
        if (CurrentWorker.From(http.User) is not { } me || !AccessMatrix.Reallocates(me.Role)) return Results.Forbid();
        var kind = b.Kind ?? AllocationKind.SocialWorker;
        if (!Enum.IsDefined(kind)) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["kind"] = ["Unknown allocation kind"] });
        var errors = await service.ReallocateAsync(childId, kind, b.WorkerId, b.StartDate, b.ReasonCode, me.WorkerId, b.Version, ct, b.SubmissionId);
        if (errors.TryGetValue("Version", out var version))
        {
            if (version == AllocationService.VersionNeeded) return ApiProblems.NeedsVersion("version", version);
            var now = await service.CurrentAsync(childId, kind, ct);
            return ApiProblems.Stale("Someone else changed who holds the case since you read it. Nothing was saved: read the allocations again and reapply your change.",
                now is null ? null : new AllocationHistoryDto(now.Id, now.Kind, now.WorkerId, now.Worker.DisplayName, now.TeamId, now.Team.Name, now.StartDate, now.EndDate, now.ChangeReasonCode, now.Version), b);
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
        return Results.Created($"/api/v1/children/{childId}/allocations", await ListAsync(childId, db, ct) is IValueHttpResult v ? v.Value : null);
    }
}
