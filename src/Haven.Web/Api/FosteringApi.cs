using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Core.Missing;
using Haven.Core.Permanence;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

public sealed record CampaignDto(int Id, ApplicantKind Kind, string Name, DateOnly StartDate, DateOnly? EndDate);
public sealed record NewCampaignDto(ApplicantKind? Kind, string? Name, DateOnly? StartDate, DateOnly? EndDate);

public sealed record EnquiryDto(int Id, ApplicantKind Kind, string HouseholdName, string? Postcode, EnquirySource Source, int? CampaignId,
    DateOnly EnquiryDate, DateOnly? InitialVisitDate, DateOnly? ApplicationDate, DateOnly? Stage1Date, DateOnly? Stage2Date, DateOnly? PanelDate,
    DateOnly? ApprovalDate, DateOnly? LeftDate, LeavingReason? LeftReason, string? LeftNotes, bool SecondTimeAdopter, RecruitmentStage FurthestStage, Guid Version);

public sealed record EnquiryInputDto(ApplicantKind? Kind, string? HouseholdName, string? Postcode, EnquirySource? Source, int? CampaignId,
    DateOnly? EnquiryDate, DateOnly? InitialVisitDate, DateOnly? ApplicationDate, DateOnly? Stage1Date, DateOnly? Stage2Date, DateOnly? PanelDate,
    DateOnly? ApprovalDate, DateOnly? LeftDate, LeavingReason? LeftReason, string? LeftNotes, bool? SecondTimeAdopter, Guid? Version, string? Reason = null);

public sealed record HouseholdDto(int Id, HouseholdKind Kind, string Name, string Postcode, DateOnly? ApprovalDate, DateOnly? TemporaryApprovalDate,
    DateOnly? TemporaryApprovalEnds, int MaxChildren, int AgeFrom, int AgeTo, CareType CareType, int SupervisingWorkerId, DateOnly? NextReviewDue, Guid Version);

public sealed record HouseholdInputDto(HouseholdKind? Kind, string? Name, string? Postcode, int? EnquiryId, DateOnly? ApprovalDate,
    DateOnly? TemporaryApprovalDate, int? MaxChildren, int? AgeFrom, int? AgeTo, CareType? CareType, int? SupervisingWorkerId);

public sealed record CarerReviewInputDto(DateOnly? ReviewDate, bool? ToPanel, bool? ApprovalContinues, string? Summary);
public sealed record SupervisionVisitInputDto(DateOnly? VisitDate, bool? Unannounced, string? Notes);
public sealed record TrainingInputDto(string? Course, DateOnly? RequiredBy, DateOnly? CompletedDate);
public sealed record FeedbackInputDto(DateOnly? GivenDate, int? SupportRating, int? TrainingRating, string? Comments);
public sealed record PlacementLinkInputDto(int? PlacementId);
public sealed record GuardianSupportDto(int Id, SupportKind Kind, DateOnly StartDate, string Description);
public sealed record SpecialGuardianshipDto(int Id, string GuardianNames, DateOnly OrderDate, string? SupportPlan, IReadOnlyList<GuardianSupportDto> Support);
public sealed record SpecialGuardianshipInputDto(string? GuardianNames, DateOnly? OrderDate, string? SupportPlan, List<SupportKind>? AgreedSupport, Guid? SubmissionId);
public sealed record GuardianSupportInputDto(SupportKind? Kind, DateOnly? StartDate, string? Description, Guid? SubmissionId);
public sealed record DeregistrationInputDto(DateOnly? Date, DeregistrationReason? Reason, string? Details, Guid? Version);

public sealed record PermanencePlanDto(int Id, PermanencePlanType Type, DateOnly SetAtReview, bool OnTrack, string Notes, DateTime RecordedAt);
public sealed record PermanencePlanInputDto(PermanencePlanType? Type, DateOnly? SetAtReview, bool? OnTrack, string? Notes);

public sealed record AdoptionDto(int Id, DateOnly AdmDecisionDate, DateOnly? PlacementOrderDate, EarlyPermanence EarlyPermanence, DateOnly? FamilyFindingStarted,
    DateOnly? MatchDate, int? AdopterEnquiryId, DateOnly? MovedInDate, DateOnly? PlacedForAdoptionDate, DateOnly? AdoptionOrderDate,
    SiblingPlacement Siblings, string? SiblingsReason, bool Sealed, DateOnly? EnteredCare, AdoptionTimeliness? Timeliness, Guid Version,
    string? FosterCareCode = null, string? AdopterNumberCode = null, string? AdopterSexCode = null, string? AdopterLegalStatusCode = null);

public sealed record AdoptionInputDto(DateOnly? AdmDecisionDate, DateOnly? PlacementOrderDate, EarlyPermanence? EarlyPermanence, DateOnly? FamilyFindingStarted,
    DateOnly? MatchDate, int? AdopterEnquiryId, DateOnly? MovedInDate, DateOnly? PlacedForAdoptionDate, DateOnly? AdoptionOrderDate,
    SiblingPlacement? Siblings, string? SiblingsReason, Guid? Version,
    string? FosterCareCode = null, string? AdopterNumberCode = null, string? AdopterSexCode = null, string? AdopterLegalStatusCode = null);

/// Fostering and adoption recruitment, carer households, permanence plans and adoption records.
/// Recruitment and households are not children's records: the fostering service (fostering workers
/// and team managers) uses them. Permanence and adoption sit under one child, so the child record
/// guard checks access (a sealed adoption record answers 403 like a record that does not exist) and logs each call.
public static class FosteringApi
{
    public static void MapFosteringApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/fostering").RequireAuthorization(Policies.Api, Policies.FosteringWork).WithTags("Fostering and adoption");
        g.MapGet("/campaigns", async (HavenDbContext db, CancellationToken ct) =>
            Results.Ok(await db.RecruitmentCampaigns.AsNoTracking().OrderBy(c => c.StartDate)
                .Select(c => new CampaignDto(c.Id, c.Kind, c.Name, c.StartDate, c.EndDate)).ToListAsync(ct))).WithName("GetRecruitmentCampaigns");
        g.MapPost("/campaigns", AddCampaignAsync).WithName("AddRecruitmentCampaign").WithSummary("Add a recruitment campaign, with its dates");
        g.MapGet("/enquiries", ListEnquiriesAsync).WithName("GetRecruitmentEnquiries").WithSummary("Households in the recruitment funnel (kind: Fostering or Adoption)");
        g.MapPost("/enquiries", AddEnquiryAsync).WithName("AddRecruitmentEnquiry").WithSummary("Record an enquiry, with the steps it has reached");
        g.MapPut("/enquiries/{enquiryId:int}", UpdateEnquiryAsync).WithName("UpdateRecruitmentEnquiry").WithSummary("Record the next step, or that the household left and why");
        g.MapGet("/figures", FiguresAsync).WithName("GetRecruitmentFigures").WithSummary("Conversion by stage, campaign, year and source, and where households leave");
        g.MapGet("/households", ListHouseholdsAsync).WithName("GetFosterHouseholds");
        g.MapPost("/households", AddHouseholdAsync).WithName("AddFosterHousehold").WithSummary("Record an approved (or temporarily approved connected person) household");
        g.MapPost("/households/{householdId:int}/reviews", AddReviewAsync).WithName("AddCarerReview");
        g.MapPost("/households/{householdId:int}/visits", AddVisitAsync).WithName("AddSupervisionVisit");
        g.MapPost("/households/{householdId:int}/training", AddTrainingAsync).WithName("AddCarerTraining");
        g.MapPost("/households/{householdId:int}/feedback", AddFeedbackAsync).WithName("AddCarerFeedback");
        g.MapPost("/households/{householdId:int}/placements", LinkPlacementAsync).WithName("LinkHouseholdPlacement")
            .WithSummary("Link a placement recorded on a child's period of care to this household (the child's record guard is not crossed: only the link is stored)");
        g.MapPost("/households/{householdId:int}/deregistration", DeregisterAsync).WithName("DeregisterFosterHousehold")
            .WithSummary("Deregister a household (soft: the household and its history stay), with the date and the reason");

        var child = app.MapGroup("/api/v1/children/{childId:int}").RequireAuthorization(Policies.Api)
            .AddEndpointFilter<ChildRecordEndpointFilter>().WithTags("Fostering and adoption");
        child.MapGet("/permanence-plans", async (int childId, HavenDbContext db, CancellationToken ct) =>
            Results.Ok(await db.PermanencePlans.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.SetAtReview).ThenByDescending(p => p.Id)
                .Select(p => new PermanencePlanDto(p.Id, p.Type, p.SetAtReview, p.OnTrack, p.Notes, p.RecordedAt)).ToListAsync(ct)))
            .WithName("GetPermanencePlans").WithSummary("A child's permanence plans, current first");
        child.MapPost("/permanence-plans", AddPlanAsync).WithName("AddPermanencePlan").WithSummary("Record the permanence plan set at a review");
        child.MapGet("/special-guardianships", ListGuardianshipsAsync).WithName("GetSpecialGuardianships").WithSummary("The child's special guardianship orders, support plans and the support the guardians receive");
        child.MapPost("/special-guardianships", AddGuardianshipAsync).WithName("AddSpecialGuardianship").WithSummary("Record a special guardianship order with its support plan (same rules as the page)");
        child.MapPost("/special-guardianships/{orderId:int}/support", AddGuardianSupportAsync).WithName("AddGuardianSupport").WithSummary("Record support the special guardians receive");
        child.MapGet("/adoption", GetAdoptionAsync).WithName("GetAdoption").WithSummary("The child's adoption record with timeliness in days");
        child.MapPut("/adoption", SaveAdoptionAsync).WithName("SaveAdoption").WithSummary("Record or update the adoption record; recording the adoption order seals it");
    }

    private static IResult Invalid(Dictionary<string, string> errors) =>
        ApiProblems.Invalid(errors.ToDictionary(e => Camel(e.Key), e => new[] { e.Value }));

    private static string Camel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: $"There is no such {what}.",
        extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<IResult> AddCampaignAsync(NewCampaignDto body, HavenDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (body.Kind is null || !Enum.IsDefined(body.Kind.Value)) errors["kind"] = "Select fostering or adoption";
        if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = "Enter the campaign's name";
        else if (body.Name.Length > 200) errors["name"] = "The name must be 200 characters or fewer";
        if (body.StartDate is null) errors["startDate"] = "Enter the date the campaign started";
        else if (body.EndDate < body.StartDate) errors["endDate"] = "The end date must be on or after the start date";
        if (errors.Count > 0) return Invalid(errors);
        var c = new RecruitmentCampaign { Kind = body.Kind!.Value, Name = body.Name!.Trim(), StartDate = body.StartDate!.Value, EndDate = body.EndDate, Version = Guid.NewGuid() };
        db.RecruitmentCampaigns.Add(c);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/v1/fostering/campaigns/{c.Id}", new CampaignDto(c.Id, c.Kind, c.Name, c.StartDate, c.EndDate));
    }

    private static EnquiryDto ToDto(RecruitmentEnquiry e) => new(e.Id, e.Kind, e.HouseholdName, e.Postcode, e.Source, e.CampaignId, e.EnquiryDate,
        e.InitialVisitDate, e.ApplicationDate, e.Stage1Date, e.Stage2Date, e.PanelDate, e.ApprovalDate, e.LeftDate, e.LeftReason, e.LeftNotes,
        e.SecondTimeAdopter, e.Furthest, e.Version);

    private static EnquiryOptions? Parse(EnquiryInputDto b, Dictionary<string, string> errors)
    {
        if (b.Kind is null) errors["Kind"] = "Select whether this is fostering or adoption";
        if (b.Source is null) errors["Source"] = "Select where the enquiry came from";
        if (errors.Count > 0) return null;
        return new EnquiryOptions(b.Kind!.Value, b.HouseholdName, b.Postcode, b.Source!.Value, b.CampaignId, b.EnquiryDate, b.InitialVisitDate,
            b.ApplicationDate, b.Stage1Date, b.Stage2Date, b.PanelDate, b.ApprovalDate, b.LeftDate, b.LeftReason, b.LeftNotes, b.SecondTimeAdopter ?? false);
    }

    private static async Task<IResult> ListEnquiriesAsync(ApplicantKind? kind, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.RecruitmentEnquiries.AsNoTracking().Where(e => kind == null || e.Kind == kind)
            .OrderByDescending(e => e.EnquiryDate).ThenByDescending(e => e.Id).Take(500).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> AddEnquiryAsync(EnquiryInputDto body, HttpContext http, FosteringService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var o = Parse(body, errors);
        if (o is not null) errors = await service.ValidateAsync(o, ct);
        if (errors.Count > 0) return Invalid(errors);
        var e = await service.AddAsync(o!, CurrentWorker.From(http.User)?.WorkerId, ct);
        return Results.Created($"/api/v1/fostering/enquiries/{e.Id}", ToDto(e));
    }

    private static async Task<IResult> UpdateEnquiryAsync(int enquiryId, EnquiryInputDto body, HttpContext http, HavenDbContext db, FosteringService service, CancellationToken ct)
    {
        if (!await db.RecruitmentEnquiries.AnyAsync(x => x.Id == enquiryId, ct)) return NotFound("enquiry");
        if (body.Version is null) return ApiProblems.NeedsVersion("version", "Send the version of the enquiry you read: without it this change could overwrite someone else's");
        var errors = new Dictionary<string, string>();
        var o = Parse(body, errors);
        if (errors.Count > 0) return Invalid(errors);
        var result = await service.UpdateAsync(enquiryId, o!, body.Version!.Value, body.Reason, CurrentWorker.From(http.User)?.WorkerId, ct);
        if (result.NotFound) return NotFound("enquiry");
        if (result.Errors.Count > 0) return Invalid(new(result.Errors));
        if (result.Conflict) return Conflict(result.Value is { } now ? ToDto(now) : null, body);
        return Results.Ok(ToDto(result.Value!));
    }

    /// Both versions go back: what is saved now (current) and what was sent (yours); nothing was saved.
    private static IResult Conflict(object? current, object? yours) =>
        ApiProblems.Stale("The record changed since you read it. Read it again and reapply your change.", current, yours);

    private static async Task<IResult> FiguresAsync(ApplicantKind? kind, FosteringFigures figures, CancellationToken ct) =>
        Results.Ok(await figures.LoadAsync(kind ?? ApplicantKind.Fostering, ct));

    private static async Task<IResult> ListHouseholdsAsync(HavenDbContext db, CancellationToken ct)
    {
        var households = await db.FosterHouseholds.AsNoTracking().OrderBy(h => h.Name).ToListAsync(ct);
        var reviews = (await db.CarerReviews.AsNoTracking().Select(r => new { r.HouseholdId, r.ReviewDate }).ToListAsync(ct)).ToLookup(r => r.HouseholdId, r => r.ReviewDate);
        return Results.Ok(households.Select(h => ToDto(h, HouseholdSchedule.NextReview(h, reviews[h.Id]))));
    }

    private static HouseholdDto ToDto(FosterHousehold h, DateOnly? nextReview) => new(h.Id, h.Kind, h.Name, h.Postcode, h.ApprovalDate, h.TemporaryApprovalDate,
        h.TemporaryApprovalEnds, h.MaxChildren, h.AgeFrom, h.AgeTo, h.CareType, h.SupervisingWorkerId, nextReview, h.Version);

    private static async Task<IResult> AddHouseholdAsync(HouseholdInputDto b, FosteringService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (b.Kind is null) errors["Kind"] = "Select mainstream or connected person";
        if (b.CareType is null) errors["CareType"] = "Select the type of care the household is approved for";
        if (b.MaxChildren is null) errors["MaxChildren"] = "Enter how many children the household is approved for";
        if (b.AgeFrom is null) errors["AgeFrom"] = "Enter the youngest age the household is approved for";
        if (b.AgeTo is null) errors["AgeTo"] = "Enter the oldest age the household is approved for";
        if (b.SupervisingWorkerId is null) errors["SupervisingWorkerId"] = "Select the supervising social worker";
        if (errors.Count > 0) return Invalid(errors);
        var o = new HouseholdOptions(b.Kind!.Value, b.Name, b.Postcode, b.EnquiryId, b.ApprovalDate, b.TemporaryApprovalDate, b.MaxChildren!.Value,
            b.AgeFrom!.Value, b.AgeTo!.Value, b.CareType!.Value, b.SupervisingWorkerId!.Value);
        errors = await service.ValidateAsync(o, ct);
        if (errors.Count > 0) return Invalid(errors);
        var h = await service.AddAsync(o, ct);
        return Results.Created($"/api/v1/fostering/households/{h.Id}", ToDto(h, HouseholdSchedule.NextReview(h, [])));
    }

    private static async Task<IResult> AddReviewAsync(int householdId, CarerReviewInputDto b, FosteringService service, CancellationToken ct) =>
        Created(householdId, await service.AddAsync(householdId, new CarerReviewOptions(b.ReviewDate, b.ToPanel ?? false, b.ApprovalContinues ?? true, b.Summary), null, ct));

    private static IResult Created<T>(int householdId, FosteringWrite<T> result) where T : class =>
        result.NotFound ? NotFound("household") : result.Errors.Count > 0 ? Invalid(new(result.Errors)) : Results.Created($"/api/v1/fostering/households/{householdId}", null);

    private static async Task<IResult> AddVisitAsync(int householdId, SupervisionVisitInputDto b, HttpContext http, FosteringService service, CancellationToken ct) =>
        Created(householdId, await service.AddAsync(householdId, new VisitOptions(b.VisitDate, b.Unannounced ?? false, b.Notes), CurrentWorker.From(http.User)!.WorkerId, null, ct));

    private static async Task<IResult> AddTrainingAsync(int householdId, TrainingInputDto b, FosteringService service, CancellationToken ct) =>
        Created(householdId, await service.AddAsync(householdId, new TrainingOptions(b.Course, b.RequiredBy, b.CompletedDate), null, ct));

    private static async Task<IResult> AddFeedbackAsync(int householdId, FeedbackInputDto b, FosteringService service, CancellationToken ct) =>
        Created(householdId, await service.AddAsync(householdId, new FeedbackOptions(b.GivenDate, b.SupportRating, b.TrainingRating, b.Comments), null, ct));

    private static async Task<IResult> LinkPlacementAsync(int householdId, PlacementLinkInputDto b, FosteringService service, CancellationToken ct) =>
        Created(householdId, await service.LinkPlacementAsync(householdId, b.PlacementId, ct));

    private static async Task<IResult> DeregisterAsync(int householdId, DeregistrationInputDto b, HttpContext http, FosteringService service, CancellationToken ct)
    {
        if (b.Version is null) return ApiProblems.NeedsVersion("version", "Send the version of the household you read: without it this change could overwrite someone else's");
        var result = await service.DeregisterAsync(householdId, new DeregisterOptions(b.Date, b.Reason, b.Details), b.Version.Value, CurrentWorker.From(http.User)?.WorkerId, ct);
        if (result.NotFound) return NotFound("household");
        if (result.Errors.Count > 0) return Invalid(new(result.Errors));
        if (result.Conflict) return Conflict(result.Value is { } now ? ToDto(now, null) : null, b);
        return Results.Ok(ToDto(result.Value!, null));
    }

    private static SpecialGuardianshipDto ToDto(SpecialGuardianship o) => new(o.Id, o.GuardianNames, o.OrderDate, o.SupportPlan,
        o.Support.OrderBy(x => x.StartDate).ThenBy(x => x.Id).Select(x => new GuardianSupportDto(x.Id, x.Kind, x.StartDate, x.Description)).ToList());

    private static async Task<IResult> ListGuardianshipsAsync(int childId, HavenDbContext db, CancellationToken ct) =>
        Results.Ok((await db.SpecialGuardianships.AsNoTracking().Include(s => s.Support).Where(s => s.ChildId == childId).OrderByDescending(s => s.OrderDate).ToListAsync(ct)).Select(ToDto));

    private static async Task<IResult> AddGuardianshipAsync(int childId, SpecialGuardianshipInputDto b, HttpContext http, FosteringService service, CancellationToken ct)
    {
        var result = await service.AddSpecialGuardianshipAsync(childId, new SpecialGuardianshipOptions(b.GuardianNames, b.OrderDate, b.SupportPlan, b.AgreedSupport ?? []),
            CurrentWorker.From(http.User)?.WorkerId, b.SubmissionId, ct);
        if (result.NotFound) return NotFound("child");
        if (result.Errors.Count > 0) return Invalid(new(result.Errors));
        return Results.Created($"/api/v1/children/{childId}/special-guardianships", ToDto(result.Value!));
    }

    private static async Task<IResult> AddGuardianSupportAsync(int childId, int orderId, GuardianSupportInputDto b, HttpContext http, HavenDbContext db, FosteringService service, CancellationToken ct)
    {
        if (!await db.SpecialGuardianships.AnyAsync(s => s.Id == orderId && s.ChildId == childId, ct)) return NotFound("special guardianship order for this child");
        var result = await service.AddSupportAsync(orderId, null, new SupportOptions(b.Kind, b.StartDate, b.Description), CurrentWorker.From(http.User)?.WorkerId, b.SubmissionId, ct);
        if (result.NotFound) return NotFound("special guardianship order for this child");
        if (result.Errors.Count > 0) return Invalid(new(result.Errors));
        return Results.Created($"/api/v1/children/{childId}/special-guardianships", new GuardianSupportDto(result.Value!.Id, result.Value.Kind, result.Value.StartDate, result.Value.Description));
    }

    private static async Task<IResult> AddPlanAsync(int childId, PermanencePlanInputDto b, HttpContext http, PermanenceService service, CancellationToken ct)
    {
        if (b.Type is null) return Invalid(new() { ["Type"] = "Select the permanence plan" });
        var o = new PermanencePlanOptions(b.Type.Value, b.SetAtReview, b.OnTrack ?? false, b.Notes);
        var errors = service.Validate(o);
        if (b.OnTrack is null) errors["OnTrack"] = "Say whether the plan is on track";
        if (errors.Count > 0) return Invalid(errors);
        var p = await service.SetPlanAsync(childId, o, CurrentWorker.From(http.User)?.WorkerId, ct);
        return Results.Created($"/api/v1/children/{childId}/permanence-plans", new PermanencePlanDto(p.Id, p.Type, p.SetAtReview, p.OnTrack, p.Notes, p.RecordedAt));
    }

    private static AdoptionDto ToDto(AdoptionView v) => new(v.Case.Id, v.Case.AdmDecisionDate, v.Case.PlacementOrderDate, v.Case.EarlyPermanence,
        v.Case.FamilyFindingStarted, v.Case.MatchDate, v.Case.AdopterEnquiryId, v.Case.MovedInDate, v.Case.PlacedForAdoptionDate, v.Case.AdoptionOrderDate,
        v.Case.Siblings, v.Case.SiblingsReason, v.Case.SealedAt is not null, v.EnteredCare, v.Timeliness, v.Case.Version,
        v.Case.FosterCareCode, v.Case.AdopterNumberCode, v.Case.AdopterSexCode, v.Case.AdopterLegalStatusCode);

    private static async Task<IResult> GetAdoptionAsync(int childId, PermanenceService service, CancellationToken ct) =>
        await service.AdoptionAsync(childId, ct) is { } v ? Results.Ok(ToDto(v)) : NotFound("adoption record for this child");

    private static async Task<IResult> SaveAdoptionAsync(int childId, AdoptionInputDto b, PermanenceService service, CancellationToken ct)
    {
        if (b.Version is null && await service.AdoptionAsync(childId, ct) is not null)
            return ApiProblems.NeedsVersion("version", "Send the version of the adoption record you read: without it this change could overwrite someone else's");
        var o = new AdoptionOptions(b.AdmDecisionDate, b.PlacementOrderDate, b.EarlyPermanence, b.FamilyFindingStarted, b.MatchDate, b.AdopterEnquiryId,
            b.MovedInDate, b.PlacedForAdoptionDate, b.AdoptionOrderDate, b.Siblings, b.SiblingsReason,
            b.FosterCareCode, b.AdopterNumberCode, b.AdopterSexCode, b.AdopterLegalStatusCode);
        var errors = await service.ValidateAsync(childId, o, ct);
        if (errors.Count > 0) return Invalid(errors);
        try { await service.SaveAdoptionAsync(childId, o, b.Version, ct); }
        catch (Exception e) when (e is StaleRecordException or DbUpdateConcurrencyException)
        {
            return Conflict(await service.AdoptionAsync(childId, ct) is { } now ? ToDto(now) : null, b);
        }
        return Results.Ok(ToDto((await service.AdoptionAsync(childId, ct))!));
    }
}
