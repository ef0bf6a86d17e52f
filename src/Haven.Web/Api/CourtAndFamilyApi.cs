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
/// saved; a stale version is a 409.
public static class CourtAndFamilyApi
{
    public static void MapCourtAndFamilyApi(this RouteGroupBuilder child)
    {
        var court = child.MapGroup("/court").WithTags("Public Law Outline");
        court.MapGet("", GetCourtAsync).WithName("GetCourt").WithSummary("Pre-proceedings and care proceedings with hearings");
        court.MapPost("/pre-proceedings", (int childId, PreProceedingsInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SavePreAsync(childId, null, body, s, ct))
            .WithName("AddPreProceedings").WithSummary("Record pre-proceedings");
        court.MapPut("/pre-proceedings/{preId:int}", (int childId, int preId, PreProceedingsInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SavePreAsync(childId, preId, body, s, ct))
            .WithName("UpdatePreProceedings").WithSummary("Update pre-proceedings");
        court.MapPost("/proceedings", (int childId, CareProceedingsInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SaveProceedingsAsync(childId, null, body, s, ct))
            .WithName("AddCareProceedings").WithSummary("Record care proceedings");
        court.MapPut("/proceedings/{proceedingsId:int}", (int childId, int proceedingsId, CareProceedingsInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SaveProceedingsAsync(childId, proceedingsId, body, s, ct))
            .WithName("UpdateCareProceedings").WithSummary("Update care proceedings (extensions, plans, final order)");
        court.MapPost("/proceedings/{proceedingsId:int}/hearings", HearingAsync).WithName("AddCourtHearing").WithSummary("Record a hearing");

        var family = child.MapGroup("/family-time").WithTags("Time with family");
        family.MapGet("", GetFamilyAsync).WithName("GetFamilyTime").WithSummary("Arrangements for time with family and how each session went");
        family.MapPost("", (int childId, ContactArrangementInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SaveArrangementAsync(childId, null, body, s, ct))
            .WithName("AddContactArrangement").WithSummary("Add an arrangement for time with family");
        family.MapPut("/{arrangementId:int}", (int childId, int arrangementId, ContactArrangementInputDto body, CourtAndFamilyTimeService s, CancellationToken ct) => SaveArrangementAsync(childId, arrangementId, body, s, ct))
            .WithName("UpdateContactArrangement").WithSummary("Change or end an arrangement");
        family.MapPost("/{arrangementId:int}/sessions", SessionAsync).WithName("AddContactSession").WithSummary("Record a session and how it went");
    }

    private static async Task<IResult> GetCourtAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var r = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        return Results.Ok(new CourtDto(
            r.PreProceedings.Select(p => new PreProceedingsDto(p.Id, p.DecisionDate, p.LetterBeforeProceedingsDate, p.MeetingDate, p.ProgressDueDate,
                p.ParentsProgress, p.EndDate, p.Outcome, p.Version)).ToList(),
            r.Proceedings.Select(p => new CareProceedingsDto(p.Id, p.ApplicationDate, p.Court, p.ExtensionWeeks, p.DueBy, p.ParallelPlan, p.ContingencyPlan,
                p.FinalOrderDate, p.FinalOrder, p.Version, p.Hearings.OrderBy(h => h.Date).Select(h => new CourtHearingDto(h.Id, h.Date, h.Kind, h.Outcome)).ToList())).ToList()));
    }

    private static async Task<IResult> GetFamilyAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var r = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        return Results.Ok(r.Arrangements.Select(a => new ContactArrangementDto(a.Id, a.With.ToString(), a.PersonName, a.Frequency, a.Supervised, a.StartDate, a.EndDate,
            a.Version, a.Sessions.OrderBy(s => s.Date).Select(s => new ContactSessionDto(s.Id, s.Date, s.TookPlace, s.HowItWent)).ToList())).ToList());
    }

    private static async Task<IResult> SavePreAsync(int childId, int? id, PreProceedingsInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("decisionDate", body.DecisionDate));
        if (id is not null && body.Version is null) errors["version"] = ["version is required"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SavePreProceedingsAsync(childId, id, body.Version, new PreProceedingsOptions(body.DecisionDate!.Value,
            body.LetterBeforeProceedingsDate, body.MeetingDate, body.ProgressDueDate, body.ParentsProgress, body.EndDate, body.Outcome), ct);
        return Done(result, id, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> SaveProceedingsAsync(int childId, int? id, CareProceedingsInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("applicationDate", body.ApplicationDate));
        if (id is not null && body.Version is null) errors["version"] = ["version is required"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SaveCareProceedingsAsync(childId, id, body.Version, new CareProceedingsOptions(body.ApplicationDate!.Value, body.Court ?? "",
            body.ExtensionWeeks ?? 0, body.ParallelPlan, body.ContingencyPlan, body.FinalOrderDate, body.FinalOrder), ct);
        return Done(result, id, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> HearingAsync(int childId, int proceedingsId, CourtHearingInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("date", body.Date));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.AddHearingAsync(childId, proceedingsId, new HearingOptions(body.Date!.Value, body.Kind ?? "", body.Outcome), ct);
        return Done(result, null, $"/api/v1/children/{childId}/court");
    }

    private static async Task<IResult> SaveArrangementAsync(int childId, int? id, ContactArrangementInputDto body, CourtAndFamilyTimeService service, CancellationToken ct)
    {
        var errors = Required(("startDate", body.StartDate), ("supervised", body.Supervised));
        if (!Enum.TryParse<FamilyMember>(body.With, ignoreCase: true, out var with) || !Enum.IsDefined(with) || int.TryParse(body.With, out _))
            errors["with"] = ["Select who the child spends time with: " + string.Join(", ", Enum.GetNames<FamilyMember>())];
        if (id is not null && body.Version is null) errors["version"] = ["version is required"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SaveArrangementAsync(childId, id, body.Version,
            new ContactArrangementOptions(with, body.PersonName ?? "", body.Frequency ?? "", body.Supervised!.Value, body.StartDate!.Value, body.EndDate), ct);
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

    private static Dictionary<string, string[]> Required(params (string Field, object? Value)[] fields) =>
        fields.Where(f => f.Value is null).ToDictionary(f => f.Field, f => new[] { $"{f.Field} is required" });
}
