using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// Periods of care, episodes, placements, visits and reviews under /api/v1/children/{id}/care.
/// Every change goes through LookedAfterService: bad input is a 400 with field errors and nothing
/// is saved; a stale version is a 409.
public static class LookedAfterApi
{
    public static void MapLookedAfterApi(this RouteGroupBuilder child)
    {
        var care = child.MapGroup("/care").WithTags("Children looked after");
        care.MapGet("", GetAsync).WithName("GetCare").WithSummary("Periods of care with their SSDA903 episodes, placements, visits and reviews");
        care.MapPost("/periods", StartAsync).WithName("StartPeriodOfCare").WithSummary("Record the decision to look after the child and the first placement");
        care.MapPost("/periods/{periodId:int}/changes", ChangeAsync).WithName("ChangeEpisode").WithSummary("A change of legal status or placement on a date (may be backdated)");
        care.MapPost("/periods/{periodId:int}/corrections", CorrectAsync).WithName("CorrectEpisodeStart").WithSummary("Correct the date an episode started; the old episodes are kept");
        care.MapPost("/periods/{periodId:int}/end", EndAsync).WithName("EndPeriodOfCare").WithSummary("The child stops being looked after");
        care.MapPost("/visits", VisitAsync).WithName("RecordStatutoryVisit").WithSummary("Record a statutory visit");
        care.MapPost("/reviews", ReviewAsync).WithName("RecordLookedAfterReview").WithSummary("Record a looked-after review");
        care.MapIroVisitsApi();
        care.MapDeprivationOfLibertyApi();
    }

    private static async Task<IResult> GetAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var record = await LookedAfterRecord.LoadAsync(db, childId, ct);
        return Results.Ok(new CareDto(
            record.Periods.Select(ToDto).ToList(),
            record.Visits.Select(v => new StatutoryVisitDto(v.Id, v.VisitDate, v.ChildSeen, v.SeenAlone, v.VisitedBy.DisplayName, v.Summary)).ToList(),
            record.Reviews.Select(r => new LookedAfterReviewDto(r.Id, r.ReviewDate, r.Chair.DisplayName, r.ParticipationCode, r.AdvocacyOffered,
                r.AdvocacyTakenUp, r.LongTermPlacementAgreed, r.Decisions, r.LetterToChild)).ToList()));
    }

    private static PeriodOfCareDto ToDto(PeriodView p) => new PeriodOfCareDto(p.Period.Id, p.Period.DecisionDate, p.Period.AuthorisedBy.DisplayName, p.Period.DecisionReason,
                p.Period.StartDate, p.Period.EndDate, p.Period.ReasonCeasedCode, p.Period.CategoryOfNeedCode, p.Period.IsUnaccompaniedAsylumSeeker,
                p.Period.HomePostcode, p.Corrections, p.Period.Version,
                p.Episodes.Select(ToDto).ToList(), p.Superseded.Select(ToDto).ToList(),
                p.Placements.Select(x => new PlacementDto(x.Id, x.PlacementTypeCode, x.ProviderCode, x.CarerName, x.AddressOneLine, x.Postcode, x.Urn,
                    x.DistanceFromHomeMiles, x.InsideCouncilArea, x.StartDate, x.EndDate, x.ReasonForChangeCode, x.Matching, x.LongTermAgreedDate)).ToList(),
                p.Period.PreviousPermanenceCode is null ? null
                    : new PreviousPermanenceDto(p.Period.PreviousPermanenceCode, p.Period.PreviousPermanenceLa, p.Period.PreviousPermanenceDate));

    /// A change to a period of care must say which version it was based on: 428 without one, nothing saved.
    private static IResult? NeedsVersion(Guid? version) => version is null || version == Guid.Empty
        ? ApiProblems.NeedsVersion("version", "Send the version of the period of care you read (from the GET): without it this change could overwrite someone else's")
        : null;

    /// A failed change: a stale version is a 409 with the period as saved now (current, as the GET gives it)
    /// and what was sent (yours); anything else is a 400 with field errors.
    private static async Task<IResult> ProblemAsync(LookedAfterResult result, HavenDbContext db, int childId, int periodId, object yours, CancellationToken ct)
    {
        if (!result.Errors.TryGetValue("Version", out var title)) return Problem(result);
        db.ChangeTracker.Clear();
        var now = (await LookedAfterRecord.LoadAsync(db, childId, ct)).Periods.FirstOrDefault(p => p.Period.Id == periodId);
        return ApiProblems.Stale(title, now is null ? null : ToDto(now), yours);
    }

    private static EpisodeDto ToDto(Episode e) => new(e.StartDate, e.ReasonForNewEpisodeCode, e.LegalStatusCode, e.Placement.PlacementTypeCode,
        e.Placement.ProviderCode, e.EndDate, e.ReasonEpisodeCeasedCode, e.ReasonPlaceChangeCode, e.PlacementId, e.Revision, e.SupersededAt, e.CorrectionReason);

    private static async Task<IResult> StartAsync(int childId, NewPeriodOfCareDto body, HttpContext http, LookedAfterService service, CancellationToken ct)
    {
        var errors = Required(("decisionDate", body.DecisionDate), ("startDate", body.StartDate), ("authorisedByWorkerId", body.AuthorisedByWorkerId));
        if (body.Placement is null) errors["placement"] = ["Give the first placement"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.StartAsync(new StartPeriodOptions(childId, body.DecisionDate!.Value, body.AuthorisedByWorkerId!.Value, body.DecisionReason ?? "",
            body.StartDate!.Value, body.LegalStatus ?? "", body.CategoryOfNeed ?? "", body.Unaccompanied, body.HomePostcode, ToOptions(body.Placement!),
            body.PreviousPermanence is { } pp ? new PreviousPermanenceOptions(pp.Code ?? "", pp.LaCode, pp.Date) : null),
            CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Created($"/api/v1/children/{childId}/care", new CreatedDto(result.Id!.Value)) : Problem(result);
    }

    private static async Task<IResult> ChangeAsync(int childId, int periodId, EpisodeChangeDto body, HttpContext http, LookedAfterService service, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.PeriodsOfCare.AnyAsync(p => p.Id == periodId && p.ChildId == childId, ct)) return NotFound();
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = Required(("date", body.Date));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.ChangeAsync(new ChangeEpisodeOptions(periodId, body.Version!.Value, body.Date!.Value, body.LegalStatus,
            body.NewPlacement is null ? null : ToOptions(body.NewPlacement), body.ReasonPlaceChange, body.CorrectionReason), CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Ok(new CreatedDto(periodId)) : await ProblemAsync(result, db, childId, periodId, body, ct);
    }

    private static async Task<IResult> CorrectAsync(int childId, int periodId, EpisodeCorrectionDto body, HttpContext http, LookedAfterService service, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.PeriodsOfCare.AnyAsync(p => p.Id == periodId && p.ChildId == childId, ct)) return NotFound();
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = Required(("newStartDate", body.NewStartDate), ("episodeNumber", body.EpisodeNumber));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.CorrectStartAsync(new CorrectEpisodeStartOptions(periodId, body.Version!.Value, body.EpisodeNumber!.Value,
            body.NewStartDate!.Value, body.Reason ?? ""), CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Ok(new CreatedDto(periodId)) : await ProblemAsync(result, db, childId, periodId, body, ct);
    }

    private static async Task<IResult> EndAsync(int childId, int periodId, EndPeriodOfCareDto body, HttpContext http, LookedAfterService service, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.PeriodsOfCare.AnyAsync(p => p.Id == periodId && p.ChildId == childId, ct)) return NotFound();
        if (NeedsVersion(body.Version) is { } needs) return needs;
        var errors = Required(("endDate", body.EndDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.EndAsync(new EndPeriodOptions(periodId, body.Version!.Value, body.EndDate!.Value, body.ReasonCeased ?? ""), CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Ok(new CreatedDto(periodId)) : await ProblemAsync(result, db, childId, periodId, body, ct);
    }

    private static async Task<IResult> VisitAsync(int childId, NewStatutoryVisitDto body, HttpContext http, LookedAfterService service, CancellationToken ct)
    {
        var errors = Required(("visitDate", body.VisitDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.RecordVisitAsync(new RecordVisitOptions(childId, body.VisitDate!.Value, body.ChildSeen, body.SeenAlone, body.Summary ?? "", body.SubmissionId),
            CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Created($"/api/v1/children/{childId}/care", new CreatedDto(result.Id!.Value)) : Problem(result);
    }

    private static async Task<IResult> ReviewAsync(int childId, NewLookedAfterReviewDto body, HttpContext http, LookedAfterService service, CancellationToken ct)
    {
        var errors = Required(("reviewDate", body.ReviewDate), ("chairWorkerId", body.ChairWorkerId));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.RecordReviewAsync(new RecordReviewOptions(childId, body.ReviewDate!.Value, body.ChairWorkerId!.Value, body.Participation ?? "",
            body.AdvocacyOffered, body.AdvocacyTakenUp, body.LongTermPlacementAgreed, body.Decisions ?? "", body.LetterToChild ?? "", body.SubmissionId),
            CurrentWorker.From(http.User)!, ct);
        return result.Succeeded ? Results.Created($"/api/v1/children/{childId}/care", new CreatedDto(result.Id!.Value)) : Problem(result);
    }

    private static PlacementOptions ToOptions(PlacementInputDto p) => new(p.PlacementType ?? "", p.Provider, p.CarerName ?? "", p.AddressLine1 ?? "",
        p.AddressLine2, p.Town ?? "", p.Postcode ?? "", p.Urn, p.Matching ?? "", p.SameCarerAsPlacementId);

    private static Dictionary<string, string[]> Required(params (string Field, object? Value)[] fields) =>
        fields.Where(f => f.Value is null).ToDictionary(f => f.Field, f => new[] { $"{f.Field} is required" });

    private static IResult Problem(LookedAfterResult result)
    {
        return ApiProblems.Invalid(result.Errors.ToDictionary(e => Camel(e.Key), e => new[] { e.Value }));
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such period of care for this child.",
        extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });

    private static string Camel(string key) => string.Join('.', key.Split('.').Select(k => k.Length == 0 ? k : char.ToLowerInvariant(k[0]) + k[1..]));
}
