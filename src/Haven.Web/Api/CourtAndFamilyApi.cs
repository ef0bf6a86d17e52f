using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure;

namespace Haven.Web.Api;

/// <summary>Pre-proceedings under the Public Law Outline.</summary>
public sealed record PreProceedingsDto(int Id, DateOnly DecisionDate, DateOnly? LetterBeforeProceedingsDate, DateOnly? MeetingDate,
    DateOnly? ProgressDueDate, string ParentsProgress, DateOnly? EndDate, string? Outcome, Guid Version);

/// <summary>Care proceedings with the date they should conclude by (26 weeks plus extensions), plans and hearings.</summary>
public sealed record CareProceedingsDto(int Id, DateOnly ApplicationDate, string Court, int ExtensionWeeks, DateOnly DueBy, string ParallelPlan,
    string ContingencyPlan, DateOnly? FinalOrderDate, string? FinalOrder, Guid Version, IReadOnlyList<CourtHearingDto> Hearings);

/// <summary>A hearing in care proceedings.</summary>
public sealed record CourtHearingDto(int Id, DateOnly Date, string Kind, string Outcome);

/// <summary>A child's pre-proceedings and care proceedings.</summary>
public sealed record CourtDto(IReadOnlyList<PreProceedingsDto> PreProceedings, IReadOnlyList<CareProceedingsDto> CareProceedings);

/// <summary>Pre-proceedings to record or update (version required to update).</summary>
public sealed record PreProceedingsInputDto(DateOnly? DecisionDate, DateOnly? LetterBeforeProceedingsDate, DateOnly? MeetingDate, DateOnly? ProgressDueDate,
    string? ParentsProgress, DateOnly? EndDate, string? Outcome, Guid? Version);

/// <summary>Care proceedings to record or update (version required to update).</summary>
public sealed record CareProceedingsInputDto(DateOnly? ApplicationDate, string? Court, int? ExtensionWeeks, string? ParallelPlan, string? ContingencyPlan,
    DateOnly? FinalOrderDate, string? FinalOrder, Guid? Version);

/// <summary>A hearing to record.</summary>
public sealed record CourtHearingInputDto(DateOnly? Date, string? Kind, string? Outcome);

/// <summary>An arrangement for time with family and the sessions held under it.</summary>
public sealed record ContactArrangementDto(int Id, string With, string PersonName, string Frequency, bool Supervised, DateOnly StartDate, DateOnly? EndDate,
    Guid Version, IReadOnlyList<ContactSessionDto> Sessions);

/// <summary>One session of time with family and how it went.</summary>
public sealed record ContactSessionDto(int Id, DateOnly Date, bool TookPlace, string HowItWent);

/// <summary>An arrangement to add or change (version required to change). With: Mother, Father, Parent, Brother, Sister, Sibling, Grandparent, OtherRelative.</summary>
public sealed record ContactArrangementInputDto(string? With, string? PersonName, string? Frequency, bool? Supervised, DateOnly? StartDate, DateOnly? EndDate, Guid? Version);

/// <summary>A session to record.</summary>
public sealed record ContactSessionInputDto(DateOnly? Date, bool? TookPlace, string? HowItWent);

/// Pre-proceedings, care proceedings and hearings under /api/v1/children/{id}/court, and time with
/// family under /api/v1/children/{id}/family-time. Bad input is a 400 with field errors and nothing
/// saved; a change without the version read is a 428; a stale version is a 409 with the record as
/// saved now (current) and what was sent (yours).
public static class CourtAndFamilyApi
{
    public static void MapCourtAndFamilyApi(this RouteGroupBuilder child)
    {
        var court = child.MapGroup("/court").WithTags("Public Law Outline");
        court.MapGet("", GetCourtAsync).WithName("GetCourt").WithSummary("Pre-proceedings and care proceedings with hearings");
        court.MapPost("/pre-proceedings", (int childId, PreProceedingsInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SavePreAsync(childId, null, body, s, db, ct))
            .WithName("AddPreProceedings").WithSummary("Record pre-proceedings");
        court.MapPut("/pre-proceedings/{preId:int}", (int childId, int preId, PreProceedingsInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SavePreAsync(childId, preId, body, s, db, ct))
            .WithName("UpdatePreProceedings").WithSummary("Update pre-proceedings");
        court.MapPost("/proceedings", (int childId, CareProceedingsInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SaveProceedingsAsync(childId, null, body, s, db, ct))
            .WithName("AddCareProceedings").WithSummary("Record care proceedings");
        court.MapPut("/proceedings/{proceedingsId:int}", (int childId, int proceedingsId, CareProceedingsInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SaveProceedingsAsync(childId, proceedingsId, body, s, db, ct))
            .WithName("UpdateCareProceedings").WithSummary("Update care proceedings (extensions, plans, final order)");
        court.MapPost("/proceedings/{proceedingsId:int}/hearings", HearingAsync).WithName("AddCourtHearing").WithSummary("Record a hearing");

        var family = child.MapGroup("/family-time").WithTags("Time with family");
        family.MapGet("", GetFamilyAsync).WithName("GetFamilyTime").WithSummary("Arrangements for time with family and how each session went");
        family.MapPost("", (int childId, ContactArrangementInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SaveArrangementAsync(childId, null, body, s, db, ct))
            .WithName("AddContactArrangement").WithSummary("Add an arrangement for time with family");
        family.MapPut("/{arrangementId:int}", (int childId, int arrangementId, ContactArrangementInputDto body, CourtAndFamilyTimeService s, HavenDbContext db, CancellationToken ct) => SaveArrangementAsync(childId, arrangementId, body, s, db, ct))
            .WithName("UpdateContactArrangement").WithSummary("Change or end an arrangement");
        family.MapPost("/{arrangementId:int}/sessions", SessionAsync).WithName("AddContactSession").WithSummary("Record a session and how it went");
    }

    private static async Task<IResult> GetCourtAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        return Results.Ok(await CourtAsync(db, childId, ct));
    }

    private static async Task<CourtDto> CourtAsync(HavenDbContext db, int childId, CancellationToken ct)
    {
        var r = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        return new CourtDto(
            r.PreProceedings.Select(p => new PreProceedingsDto(p.Id, p.DecisionDate, p.LetterBeforeProceedingsDate, p.MeetingDate, p.ProgressDueDate,
                p.ParentsProgress, p.EndDate, p.Outcome, p.Version)).ToList(),
            r.Proceedings.Select(p => new CareProceedingsDto(p.Id, p.ApplicationDate, p.Court, p.ExtensionWeeks, p.DueBy, p.ParallelPlan, p.ContingencyPlan,
                p.FinalOrderDate, p.FinalOrder, p.Version, p.Hearings.OrderBy(h => h.Date).Select(h => new CourtHearingDto(h.Id, h.Date, h.Kind, h.Outcome)).ToList())).ToList());
    }

    private static async Task<IResult> GetFamilyAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        return Results.Ok(await FamilyAsync(db, childId, ct));
    }

    private static async Task<List<ContactArrangementDto>> FamilyAsync(HavenDbContext db, int childId, CancellationToken ct)
    {
        var r = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        return r.Arrangements.Select(a => new ContactArrangementDto(a.Id, a.With.ToString(), a.PersonName, a.Frequency, a.Supervised, a.StartDate, a.EndDate,
            a.Version, a.Sessions.OrderBy(s => s.Date).Select(s => new ContactSessionDto(s.Id, s.Date, s.TookPlace, s.HowItWent)).ToList())).ToList();
    }

    private static async Task<IResult> SavePreAsync(int childId, int? id, PreProceedingsInputDto body, CourtAndFamilyTimeService service, HavenDbContext db, CancellationToken ct)
    {
        if (id is not null && body.Version is null) return NeedsVersion("pre-proceedings");
        var errors = Required(("decisionDate", body.DecisionDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SavePreProceedingsAsync(childId, id, body.Version, new PreProceedingsOptions(body.DecisionDate!.Value,
            body.LetterBeforeProceedingsDate, body.MeetingDate, body.ProgressDueDate, body.ParentsProgress, body.EndDate, body.Outcome), ct);
        if (IsStale(result)) return ApiProblems.Stale(result.Errors["Version"], (await CourtAsync(db, childId, ct)).PreProceedings.FirstOrDefault(p => p.Id == id), body);
        return Done(result, id, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> SaveProceedingsAsync(int childId, int? id, CareProceedingsInputDto body, CourtAndFamilyTimeService service, HavenDbContext db, CancellationToken ct)
    {
        if (id is not null && body.Version is null) return NeedsVersion("care proceedings");
        var errors = Required(("applicationDate", body.ApplicationDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SaveCareProceedingsAsync(childId, id, body.Version, new CareProceedingsOptions(body.ApplicationDate!.Value, body.Court ?? "",
            body.ExtensionWeeks ?? 0, body.ParallelPlan, body.ContingencyPlan, body.FinalOrderDate, body.FinalOrder), ct);
        if (IsStale(result)) return ApiProblems.Stale(result.Errors["Version"], (await CourtAsync(db, childId, ct)).CareProceedings.FirstOrDefault(p => p.Id == id), body);
        return Done(result, id, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> HearingAsync(int childId, int proceedingsId, CourtHearingInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("date", body.Date));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.AddHearingAsync(childId, proceedingsId, new HearingOptions(body.Date!.Value, body.Kind ?? "", body.Outcome), ct);
        return Done(result, null, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> SaveArrangementAsync(int childId, int? id, ContactArrangementInputDto body, CourtAndFamilyTimeService service, HavenDbContext db, CancellationToken ct)
    {
        if (id is not null && body.Version is null) return NeedsVersion("arrangement");
        var errors = Required(("startDate", body.StartDate), ("supervised", body.Supervised));
        if (!Enum.TryParse<FamilyMember>(body.With, ignoreCase: true, out var with) || !Enum.IsDefined(with) || int.TryParse(body.With, out _))
            errors["with"] = ["Select who the child spends time with: " + string.Join(", ", Enum.GetNames<FamilyMember>())];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SaveArrangementAsync(childId, id, body.Version,
            new ContactArrangementOptions(with, body.PersonName ?? "", body.Frequency ?? "", body.Supervised!.Value, body.StartDate!.Value, body.EndDate), ct);
        if (IsStale(result)) return ApiProblems.Stale(result.Errors["Version"], (await FamilyAsync(db, childId, ct)).FirstOrDefault(a => a.Id == id), body);
        return Done(result, id, $"/api/v1/children/{childId}/family-time");
    }

    private static async Task<IResult> SessionAsync(int childId, int arrangementId, ContactSessionInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("date", body.Date), ("tookPlace", body.TookPlace));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.AddSessionAsync(childId, arrangementId, new ContactSessionOptions(body.Date!.Value, body.TookPlace!.Value, body.HowItWent), ct);
        return Done(result, null, $"/api/v1/children/{childId}/family-time");
    }

    private static IResult Done(LookedAfterResult result, int? updated, string location)
    {
        if (result.Succeeded) return updated is null ? Results.Created(location, new CreatedDto(result.Id!.Value)) : Results.Ok(new CreatedDto(result.Id!.Value));
        if (result.Errors.ContainsKey("Id"))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Errors["Id"], extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });
        if (result.Errors.ContainsKey("Version"))
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: result.Errors["Version"], extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.Conflict });
        return ApiProblems.Invalid(result.Errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));
    }

    /// Changing a record that exists without the version read could overwrite someone else's change: 428, nothing saved.
    private static IResult NeedsVersion(string what) =>
        ApiProblems.NeedsVersion("version", $"Send the version of the {what} you read (from the GET): without it this change could overwrite someone else's");

    /// Someone else saved first (the service refused the version): answered as 409 with both versions by the caller.
    private static bool IsStale(LookedAfterResult result) => !result.Succeeded && !result.Errors.ContainsKey("Id") && result.Errors.ContainsKey("Version");

    private static Dictionary<string, string[]> Required(params (string Field, object? Value)[] fields) =>
        fields.Where(f => f.Value is null).ToDictionary(f => f.Field, f => new[] { $"{f.Field} is required" });
}
