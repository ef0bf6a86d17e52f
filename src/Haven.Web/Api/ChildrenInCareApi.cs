using System.Text.Json;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Core.Health;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

public sealed record HealthRecordDto(int Id, string Kind, DateOnly Date, string? By, bool? UpToDate, int? SdqScore, string? SdqBand,
    string? SdqReasonCode, string? Title, string? Outcome, DateOnly? OutcomeDate, string? Notes, DateTime RecordedAt,
    Guid Version = default, DateTime? RemovedAt = null, string? RemovalReason = null,
    bool? InterventionReceived = null, bool? InterventionOfferedRefused = null, string? OffenceOutcome = null);

public record NewHealthRecordDto
{
    /// One of: InitialHealthAssessment, ReviewHealthAssessment, DentalCheck, Immunisations, StrengthsAndDifficulties, CamhsReferral, Condition,
    /// HealthSurveillanceCheck (under 5; upToDate), SubstanceMisuse (interventionReceived, interventionOfferedRefused), ConvictionOrCaution (aged 10 or over; offenceOutcome).
    public string? Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string? By { get; init; }
    public bool? UpToDate { get; init; }
    public int? SdqScore { get; init; }
    public string? SdqReasonCode { get; init; }
    public string? Title { get; init; }
    public string? Outcome { get; init; }
    public DateOnly? OutcomeDate { get; init; }
    public string? Notes { get; init; }
    public Guid? SubmissionId { get; init; }
    /// Substance misuse: whether an intervention was received; if not, whether one was offered and refused.
    public bool? InterventionReceived { get; init; }
    public bool? InterventionOfferedRefused { get; init; }
    /// Conviction or youth caution: Conviction, YouthCaution or YouthConditionalCaution.
    public string? OffenceOutcome { get; init; }
}

public sealed record EducationRecordDto(int Id, string Kind, DateOnly Date, string? SchoolName, int? YearGroup, int? AcademicYear, string? Term,
    decimal? AttendancePercent, bool? PersistentlyAbsent, string? Sen, int? KeyStage, string? Progress, string? Activity, string? Exclusion,
    int? DaysExcluded, string? Link, string? Notes, DateTime RecordedAt, Guid Version = default, DateTime? RemovedAt = null, string? RemovalReason = null);

public record NewEducationRecordDto
{
    /// One of: PersonalEducationPlan, School, TermAttendance, SpecialEducationalNeeds, KeyStageProgress, Exclusion, Post16.
    public string? Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string? SchoolName { get; init; }
    public int? YearGroup { get; init; }
    public int? AcademicYear { get; init; }
    public string? Term { get; init; }
    public decimal? AttendancePercent { get; init; }
    public string? Sen { get; init; }
    public int? KeyStage { get; init; }
    public string? Progress { get; init; }
    public string? Activity { get; init; }
    public string? Exclusion { get; init; }
    public int? DaysExcluded { get; init; }
    public string? Link { get; init; }
    public string? Notes { get; init; }
    public Guid? SubmissionId { get; init; }
}

/// Health and education records of children in care, under /api/v1/children/{childId}. Education
/// routes admit the virtual school's cohort access (ChildRecordKind Education); health routes need
/// access to the child's record. A bad request gets a 400 with field errors and saves nothing.
public static class ChildrenInCareApi
{
    public static void MapChildrenInCareApi(this RouteGroupBuilder child)
    {
        child.MapGet("/health", GetHealthAsync).WithName("GetHealthRecords").WithSummary("A child's health records, newest first");
        child.MapPost("/health", AddHealthAsync).WithName("AddHealthRecord").WithSummary("Record a health assessment, dental check, immunisations, SDQ, CAMHS referral or condition");
        var education = new ChildRecordKindAttribute(RecordKind.Education);
        child.MapGet("/education", GetEducationAsync).WithMetadata(education).WithName("GetEducationRecords").WithSummary("A child's education records, newest first");
        child.MapPost("/education", AddEducationAsync).WithMetadata(education).WithName("AddEducationRecord").WithSummary("Record a PEP, school, term attendance, SEN, progress, exclusion or post-16 activity");
        child.MapChildrenInCareCorrectionsApi();
    }

    internal static string Camel(string field) => JsonNamingPolicy.CamelCase.ConvertName(field);

    private static async Task<IResult> GetHealthAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.HealthRecords.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> AddHealthAsync(int childId, NewHealthRecordDto body, HttpContext http, HealthRecordService health,
        HavenDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<HealthRecordKind>(body.Kind, true, out var kind) || !Enum.IsDefined(kind) || kind == HealthRecordKind.HistorySummaryGiven)
            errors["kind"] = ["Kind must be one of: " + string.Join(", ", Enum.GetNames<HealthRecordKind>().Where(n => n != nameof(HealthRecordKind.HistorySummaryGiven)))];
        if (body.Date is null) errors["date"] = ["Enter the date"];
        var options = Options(childId, kind, body.Date ?? default, body, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var dob = await db.People.Where(p => p.Id == childId).Select(p => p.DateOfBirth).FirstAsync(ct);
        var invalid = HealthRecordService.Validate(options, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), dob);
        if (invalid.Count > 0) return ApiProblems.Invalid(invalid.ToDictionary(e => Camel(e.Key), e => new[] { e.Value }));
        var saved = await health.AddAsync(options, CurrentWorker.From(http.User)!, ct);
        return Results.Created($"/api/v1/children/{childId}/health/{saved.Id}", ToDto(saved));
    }

    private static async Task<IResult> GetEducationAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.EducationRecords.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> AddEducationAsync(int childId, NewEducationRecordDto body, HttpContext http, EducationRecordService education,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var options = ReadEducation(childId, body, null, errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var invalid = EducationRecordService.Validate(options, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (invalid.Count > 0) return ApiProblems.Invalid(invalid.ToDictionary(e => Camel(e.Key), e => new[] { e.Value }));
        var saved = await education.AddAsync(options, CurrentWorker.From(http.User)!, ct);
        return Results.Created($"/api/v1/children/{childId}/education/{saved.Id}", ToDto(saved));
    }

    /// The options for an education record from the request, with field errors for values that do
    /// not parse; a missing kind is the given one (a correction keeps the record's kind) or an error.
    internal static AddEducationRecordOptions ReadEducation(int childId, NewEducationRecordDto body, EducationRecordKind? kindIfMissing, Dictionary<string, string[]> errors)
    {
        T? Parse<T>(string? value, string field) where T : struct, Enum
        {
            if (value is null) return null;
            if (Enum.TryParse<T>(value, true, out var v) && Enum.IsDefined(v)) return v;
            errors[field] = [$"{field} must be one of: {string.Join(", ", Enum.GetNames<T>())}"];
            return null;
        }
        var kind = Parse<EducationRecordKind>(body.Kind, "kind") ?? (body.Kind is null ? kindIfMissing : null);
        if (body.Kind is null && kindIfMissing is null) errors["kind"] = ["Kind must be one of: " + string.Join(", ", Enum.GetNames<EducationRecordKind>())];
        if (body.Date is null) errors["date"] = ["Enter the date"];
        var options = new AddEducationRecordOptions(childId, kind ?? default, body.Date ?? default)
        {
            SchoolName = body.SchoolName, YearGroup = body.YearGroup, AcademicYear = body.AcademicYear, Term = Parse<SchoolTerm>(body.Term, "term"),
            AttendancePercent = body.AttendancePercent, Sen = Parse<SenStatus>(body.Sen, "sen"), KeyStage = body.KeyStage,
            Progress = Parse<ProgressRating>(body.Progress, "progress"), Activity = Parse<Post16Activity>(body.Activity, "activity"),
            Exclusion = Parse<ExclusionKind>(body.Exclusion, "exclusion"), DaysExcluded = body.DaysExcluded, Link = body.Link, Notes = body.Notes,
            SubmissionId = body.SubmissionId,
        };
        return options;
    }

    /// The options a health record body gives; an offence outcome that is not one of the list is a field error.
    internal static AddHealthRecordOptions Options(int childId, HealthRecordKind kind, DateOnly date, NewHealthRecordDto body, Dictionary<string, string[]> errors)
    {
        OffenceOutcome? offence = null;
        if (!string.IsNullOrWhiteSpace(body.OffenceOutcome))
        {
            if (Enum.TryParse<OffenceOutcome>(body.OffenceOutcome.Trim(), true, out var o) && Enum.IsDefined(o)) offence = o;
            else errors["offenceOutcome"] = ["Offence outcome must be one of: " + string.Join(", ", Enum.GetNames<OffenceOutcome>())];
        }
        return new AddHealthRecordOptions(childId, kind, date, body.By, body.UpToDate, body.SdqScore, body.SdqReasonCode,
            body.Title, body.Outcome, body.OutcomeDate, body.Notes, body.SubmissionId, body.InterventionReceived, body.InterventionOfferedRefused, offence);
    }

    internal static HealthRecordDto ToDto(HealthRecord r) => new(r.Id, r.Kind.ToString(), r.Date, r.By, r.UpToDate, r.SdqScore,
        r.SdqScore is { } s ? HealthRules.Band(s).ToString() : null, r.SdqReasonCode, r.Title, r.Outcome, r.OutcomeDate, r.Notes, r.RecordedAt,
        r.Version, r.DeletedAt, r.DeletionReason, r.InterventionReceived, r.InterventionOfferedRefused, r.OffenceOutcome?.ToString());

    internal static EducationRecordDto ToDto(EducationRecord r) => new(r.Id, r.Kind.ToString(), r.Date, r.SchoolName, r.YearGroup, r.AcademicYear,
        r.Term?.ToString(), r.AttendancePercent, r.AttendancePercent is { } a ? EducationRules.IsPersistentlyAbsent(a) : null, r.Sen?.ToString(),
        r.KeyStage, r.Progress?.ToString(), r.Activity?.ToString(), r.Exclusion?.ToString(), r.DaysExcluded, r.Link, r.Notes, r.RecordedAt,
        r.Version, r.DeletedAt, r.DeletionReason);
}
