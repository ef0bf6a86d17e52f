using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Core.Health;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>A corrected education record: its fields (kind may be left out to keep the record's kind), the
/// version you read and why you are correcting it.</summary>
public sealed record EducationCorrectionDto : NewEducationRecordDto
{
    public Guid? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A corrected health record: its fields (kind may be left out to keep the record's kind), the
/// version you read and why you are correcting it.</summary>
public sealed record HealthCorrectionDto : NewHealthRecordDto
{
    public Guid? Version { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Removing an education record recorded in error: the version you read and why.</summary>
public sealed record EducationRemovalDto(Guid? Version, string? Reason);

/// Correcting and removing a child's education records, under /api/v1/children/{childId}/education,
/// and correcting health records, under /health, with the rules of the pages (EducationRecordService,
/// HealthRecordService): a correction adds the corrected record and keeps the earlier one marked
/// "Corrected: reason", a removal is soft with its reason, each in one save. Bad input is a 400 with field errors and saves nothing; a missing version is a 428 (code 1005); a stale version is a 409 with
/// both versions (what is saved now, and what you sent); another child's record is a 404.
public static class ChildrenInCareCorrectionsApi
{
    public const int ReasonMaxLength = 900;

    public static void MapChildrenInCareCorrectionsApi(this RouteGroupBuilder child)
    {
        child.MapGet("/health/{recordId:int}", GetHealthAsync).WithName("GetHealthRecord")
            .WithSummary("One health record, also when it has been corrected (with when and why)");
        child.MapPost("/health/{recordId:int}/corrections", CorrectHealthAsync).WithName("CorrectHealthRecord")
            .WithSummary("Correct a health record: the corrected record is added and the earlier one kept with the reason");
        var education = new ChildRecordKindAttribute(RecordKind.Education);
        child.MapGet("/education/{recordId:int}", GetAsync).WithMetadata(education).WithName("GetEducationRecord")
            .WithSummary("One education record, also when it has been corrected or removed (with when and why)");
        child.MapPost("/education/{recordId:int}/corrections", CorrectAsync).WithMetadata(education).WithName("CorrectEducationRecord")
            .WithSummary("Correct an education record: the corrected record is added and the earlier one kept with the reason");
        child.MapPost("/education/{recordId:int}/removal", RemoveAsync).WithMetadata(education).WithName("RemoveEducationRecord")
            .WithSummary("Remove an education record recorded in error; it is kept with the reason");
    }

    private static Task<EducationRecord?> FindAsync(HavenDbContext db, int childId, int recordId, CancellationToken ct) =>
        db.EducationRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);

    private static IResult NotFound(string what = "education") => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"This child has no {what} record with that id.",
        extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });

    /// Someone else saved first: both versions go back so a client can show them side by side.
    private static IResult Stale(object current, object yours, string title = EducationRecordService.ConflictMessage) => Results.Problem(statusCode: StatusCodes.Status409Conflict,
        title: title,
        extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.Conflict, ["current"] = current, ["yours"] = yours });

    private static async Task<IResult> GetAsync(int childId, int recordId, HavenDbContext db, CancellationToken ct) =>
        await FindAsync(db, childId, recordId, ct) is { } r ? Results.Ok(ChildrenInCareApi.ToDto(r)) : NotFound();

    /// A correction or removal without the version the caller read could overwrite someone else's
    /// change unseen: 428 (issue 10's convention, ApiProblems.NeedsVersion), before any other check.
    private static IResult? NeedsVersion(Guid? version) => version is null || version == Guid.Empty
        ? ApiProblems.NeedsVersion("version", "Send the version of the record you read (from GET); nothing was saved") : null;

    private static void CheckVersionAndReason(Guid? version, string? reason, Dictionary<string, string[]> errors, string doing)
    {
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = [$"Enter why you are {doing} this record"];
        else if (reason.Trim().Length > ReasonMaxLength) errors["reason"] = [$"Reason must be {ReasonMaxLength} characters or fewer"];
    }

    private static async Task<IResult> CorrectAsync(int childId, int recordId, EducationCorrectionDto body, HttpContext http, HavenDbContext db,
        EducationRecordService education, TimeProvider clock, CancellationToken ct)
    {
        if (await FindAsync(db, childId, recordId, ct) is not { } old) return NotFound();
        // A second send of the same correction returns the one already saved.
        if (body.SubmissionId is { } sid && await db.EducationRecords.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionId == sid && r.ChildId == childId, ct) is { } done)
            return Results.Created($"/api/v1/children/{childId}/education/{done.Id}", ChildrenInCareApi.ToDto(done));
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = new Dictionary<string, string[]>();
        var options = ChildrenInCareApi.ReadEducation(childId, body, old.Kind, errors);
        CheckVersionAndReason(body.Version, body.Reason, errors, "correcting");
        if (errors.Count == 0)
            foreach (var (field, message) in EducationRecordService.Validate(options, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
                errors[ChildrenInCareApi.Camel(field)] = [message];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var (saved, _) = await education.CorrectAsync(recordId, body.Version!.Value, body.Reason!, options, CurrentWorker.From(http.User)!, ct);
        if (saved is null)
        {
            var now = await FindAsync(db, childId, recordId, ct);
            return now is null ? NotFound() : Stale(ChildrenInCareApi.ToDto(now), body);
        }
        return Results.Created($"/api/v1/children/{childId}/education/{saved.Id}", ChildrenInCareApi.ToDto(saved));
    }

    private static Task<HealthRecord?> FindHealthAsync(HavenDbContext db, int childId, int recordId, CancellationToken ct) =>
        db.HealthRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);

    private static async Task<IResult> GetHealthAsync(int childId, int recordId, HavenDbContext db, CancellationToken ct) =>
        await FindHealthAsync(db, childId, recordId, ct) is { } r ? Results.Ok(ChildrenInCareApi.ToDto(r)) : NotFound("health");

    private static async Task<IResult> CorrectHealthAsync(int childId, int recordId, HealthCorrectionDto body, HttpContext http, HavenDbContext db,
        HealthRecordService health, TimeProvider clock, CancellationToken ct)
    {
        if (await FindHealthAsync(db, childId, recordId, ct) is not { } old) return NotFound("health");
        if (body.SubmissionId is { } sid && await db.HealthRecords.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionId == sid && r.ChildId == childId, ct) is { } done)
            return Results.Created($"/api/v1/children/{childId}/health/{done.Id}", ChildrenInCareApi.ToDto(done));
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = new Dictionary<string, string[]>();
        var kind = old.Kind;
        if (body.Kind is not null && (!Enum.TryParse(body.Kind, true, out kind) || !Enum.IsDefined(kind) || kind == HealthRecordKind.HistorySummaryGiven))
            errors["kind"] = ["Kind must be one of: " + string.Join(", ", Enum.GetNames<HealthRecordKind>().Where(n => n != nameof(HealthRecordKind.HistorySummaryGiven)))];
        if (body.Date is null) errors["date"] = ["Enter the date"];
        CheckVersionAndReason(body.Version, body.Reason, errors, "correcting");
        var options = ChildrenInCareApi.Options(childId, kind, body.Date ?? default, body, errors);
        if (errors.Count == 0)
        {
            var dob = await db.People.Where(p => p.Id == childId).Select(p => p.DateOfBirth).FirstAsync(ct);
            foreach (var (field, message) in HealthRecordService.Validate(options, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), dob))
                errors[ChildrenInCareApi.Camel(field)] = [message];
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var (saved, _) = await health.CorrectAsync(recordId, body.Version!.Value, body.Reason!, options, CurrentWorker.From(http.User)!, ct);
        if (saved is null)
        {
            var now = await FindHealthAsync(db, childId, recordId, ct);
            return now is null ? NotFound("health") : Stale(ChildrenInCareApi.ToDto(now), body, HealthRecordService.ConflictMessage);
        }
        return Results.Created($"/api/v1/children/{childId}/health/{saved.Id}", ChildrenInCareApi.ToDto(saved));
    }

    private static async Task<IResult> RemoveAsync(int childId, int recordId, EducationRemovalDto body, HttpContext http, HavenDbContext db,
        EducationRecordService education, CancellationToken ct)
    {
        if (await FindAsync(db, childId, recordId, ct) is null) return NotFound();
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = new Dictionary<string, string[]>();
        CheckVersionAndReason(body.Version, body.Reason, errors, "removing");
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var conflict = await education.RemoveAsync(childId, recordId, body.Version!.Value, body.Reason!, CurrentWorker.From(http.User)!, ct);
        var now = await FindAsync(db, childId, recordId, ct);
        if (now is null) return NotFound();
        return conflict is null ? Results.Ok(ChildrenInCareApi.ToDto(now)) : Stale(ChildrenInCareApi.ToDto(now), body);
    }
}
