using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

public sealed record CareLeaverStatusDto(string Status, string AnnexACategory, DateOnly? AppliesFrom, DateOnly? EligibleFrom, int DaysLookedAfterSince14,
    IReadOnlyList<CareLeaverStatusFromDto> History);
public sealed record CareLeaverStatusFromDto(string Status, DateOnly From);
public sealed record CareLeaverDto(CareLeaverStatusDto Eligibility, PathwayPlanDto? PathwayPlan, IReadOnlyList<CareLeaverDueDto> Due,
    IReadOnlyList<SignificantChangeDto> SignificantChanges, IReadOnlyList<PathwayReviewDto> Reviews, IReadOnlyList<BirthdayDto> Birthdays,
    IReadOnlyList<DocumentDto> Documents, IReadOnlyList<StayingPutDto> StayingPut, string DocumentsVersion = "");
public sealed record PathwayPlanDto(DateOnly? NeedsAssessmentDate, DateOnly? AgreedDate, IReadOnlyDictionary<string, string> Dimensions, Guid Version);
public sealed record CareLeaverDueDto(string What, DateOnly Due, string Rule);
public sealed record SignificantChangeDto(int Id, string Kind, DateOnly EventDate, string Details);
public sealed record PathwayReviewDto(int Id, DateOnly ReviewDate, string Summary);
public sealed record BirthdayDto(int Age, string InTouch, string Activity, string Accommodation, Guid Version);
public sealed record DocumentDto(string Kind, bool Held, DateOnly CheckedDate);
public sealed record StayingPutDto(int Id, string CarerName, DateOnly StartDate, DateOnly? EndDate);

public sealed record NewSignificantChangeDto(string? Kind, DateOnly? EventDate, string? Details, Guid? SubmissionId);
public sealed record NewPathwayReviewDto(DateOnly? ReviewDate, string? Summary, Guid? SubmissionId);
public sealed record PathwayPlanUpdateDto(DateOnly? NeedsAssessmentDate, DateOnly? AgreedDate, Dictionary<string, string?>? Dimensions, Guid? Version);
public sealed record NewCareLeaverContactDto(DateOnly? ContactDate, string? Method, string? Summary, Guid? SubmissionId);
/// Version: the birthday's version as read (birthdays[].version); required to change one already recorded.
public sealed record BirthdayUpdateDto(string? InTouch, string? Activity, string? Accommodation, Guid? Version = null);
/// Version: documentsVersion as read ("" when none were recorded); required once any are recorded.
public sealed record DocumentsUpdateDto(List<string>? Held, string? Version = null);
public sealed record NewStayingPutDto(string? CarerName, DateOnly? StartDate, DateOnly? EndDate, Guid? SubmissionId);
public sealed record NewEetDiscussionDto(DateOnly? PanelDate, string? OptionsConsidered, string? Action, int? ActionOwnerWorkerId, DateOnly? ActionDue,
    string? Outcome, DateOnly? OutcomeDate, Guid? SubmissionId);

/// A young person's leaving-care record under /api/v1/children/{id}/care-leaver. Every change goes
/// through CareLeaverService: bad input is a 400 with field errors and nothing is saved.
public static class CareLeaversApi
{
    public static void MapCareLeaversApi(this RouteGroupBuilder child)
    {
        var g = child.MapGroup("/care-leaver").WithTags("Care leavers");
        g.MapGet("", GetAsync).WithName("GetCareLeaver").WithSummary("Eligibility from the care history, pathway plan, what is due, changes, reviews, birthdays, documents");
        g.MapPost("/changes", ChangeAsync).WithName("RecordSignificantChange").WithSummary("A significant change (Custody, Move, BecameParent, Other): prompts a pathway plan review");
        g.MapPost("/reviews", ReviewAsync).WithName("RecordPathwayReview").WithSummary("A pathway plan review");
        g.MapPut("/plan", PlanAsync).WithName("SavePathwayPlan").WithSummary("The needs assessment date and the plan for each dimension");
        g.MapPost("/contacts", ContactAsync).WithName("RecordCareLeaverContact").WithSummary("A contact with the young person");
        g.MapPut("/birthdays/{age:int}", BirthdayAsync).WithName("RecordBirthday").WithSummary("In touch, activity and accommodation around a birthday (903 OC3 codes)");
        g.MapPut("/documents", DocumentsAsync).WithName("SetCareLeaverDocuments").WithSummary("Which documents the young person holds");
        g.MapPost("/staying-put", StayingPutAsync).WithName("RecordStayingPut").WithSummary("A staying put arrangement");
        g.MapPost("/eet", EetAsync).WithName("RecordEetPanelDiscussion").WithSummary("A discussion at the EET panel: options, action, owner, due date, outcome");
    }

    private static async Task<IResult> GetAsync(int childId, HavenDbContext db, CareLeaverService service, CareLeaverDueWork due, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var e = (await service.EligibilityAsync([childId], today, ct)).GetValueOrDefault(childId) ?? new EligibilityResult(CareLeaverStatus.None, null, null, 0, []);
        var plan = await db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct);
        var documents = await db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId).ToListAsync(ct);
        return Results.Ok(new CareLeaverDto(
            new CareLeaverStatusDto(e.Status.ToString(), Eligibility.AnnexACode(e.Status), e.AppliesFrom, e.EligibleFrom, e.DaysLookedAfterSince14,
                e.History.Select(h => new CareLeaverStatusFromDto(h.Status.ToString(), h.From)).ToList()),
            plan is null ? null : ToDto(plan),
            (await due.ForChildrenAsync([childId], ct)).Select(d => new CareLeaverDueDto(d.What, d.Due, d.Rule.Code)).ToList(),
            await db.SignificantChanges.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.EventDate)
                .Select(c => new SignificantChangeDto(c.Id, c.Kind.ToString(), c.EventDate, c.Details)).ToListAsync(ct),
            await db.PathwayReviews.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.ReviewDate)
                .Select(r => new PathwayReviewDto(r.Id, r.ReviewDate, r.Summary)).ToListAsync(ct),
            await db.BirthdayReturns.AsNoTracking().Where(b => b.ChildId == childId).OrderBy(b => b.Age)
                .Select(b => new BirthdayDto(b.Age, b.InTouchCode, b.ActivityCode, b.AccommodationCode, b.Version)).ToListAsync(ct),
            Documents(documents),
            await db.StayingPutArrangements.AsNoTracking().Where(s => s.ChildId == childId).OrderBy(s => s.StartDate)
                .Select(s => new StayingPutDto(s.Id, s.CarerName, s.StartDate, s.EndDate)).ToListAsync(ct),
            CareLeaverService.DocumentsStamp(documents)));
    }

    private static List<DocumentDto> Documents(IEnumerable<CareLeaverDocument> rows) =>
        rows.OrderBy(d => d.Kind).Select(d => new DocumentDto(d.Kind.ToString(), d.Held, d.CheckedDate)).ToList();

    private static async Task<IResult> ChangeAsync(int childId, NewSignificantChangeDto body, HttpContext http, CareLeaverService service, CancellationToken ct)
    {
        var errors = Required(("eventDate", body.EventDate));
        SignificantChangeKind? kind = Enum.TryParse<SignificantChangeKind>(body.Kind, true, out var k) && Enum.IsDefined(k) && !int.TryParse(body.Kind, out _) ? k : null;
        if (kind is null) errors["kind"] = ["Give the kind of change: Custody, Move, BecameParent or Other"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.RecordChangeAsync(new SignificantChangeOptions(childId, kind, body.EventDate!.Value, body.Details, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        return Done(childId, result);
    }

    private static async Task<IResult> ReviewAsync(int childId, NewPathwayReviewDto body, HttpContext http, CareLeaverService service, CancellationToken ct)
    {
        var errors = Required(("reviewDate", body.ReviewDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return Done(childId, await service.RecordReviewAsync(new PathwayReviewOptions(childId, body.ReviewDate!.Value, body.Summary, body.SubmissionId), CurrentWorker.From(http.User)!, ct));
    }

    private static PathwayPlanDto ToDto(PathwayPlan plan) => new(plan.NeedsAssessmentDate, plan.AgreedDate,
        Enum.GetValues<PathwayDimension>().ToDictionary(d => d.ToString(), d => plan[d]), plan.Version);

    private static async Task<IResult> PlanAsync(int childId, PathwayPlanUpdateDto body, HttpContext http, CareLeaverService service, HavenDbContext db, CancellationToken ct)
    {
        // Changing a plan that exists without the version read could overwrite someone else's change: 428, nothing saved.
        var existing = await db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct);
        if (existing is not null && (body.Version is null || body.Version == Guid.Empty))
            return ApiProblems.NeedsVersion("version", "Send the version of the pathway plan you read (from the GET): without it this change could overwrite someone else's");
        if (existing is not null && existing.Version != body.Version)
            return ApiProblems.Stale("Someone else changed this pathway plan since you read it. Nothing was saved: read it again and resend your change.", ToDto(existing), body);
        var dims = new Dictionary<PathwayDimension, string?>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, value) in body.Dimensions ?? [])
            if (Enum.TryParse<PathwayDimension>(key, true, out var d) && Enum.IsDefined(d) && !int.TryParse(key, out _)) dims[d] = value;
            else errors[$"dimensions.{key}"] = [$"Unknown dimension: use {string.Join(", ", Enum.GetNames<PathwayDimension>())}"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.SavePlanAsync(new PathwayPlanOptions(childId, body.NeedsAssessmentDate, body.AgreedDate, dims, body.Version), CurrentWorker.From(http.User)!, ct);
        if (result.Errors.TryGetValue("Version", out var stale))
        {
            db.ChangeTracker.Clear();
            var now = await db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct);
            return ApiProblems.Stale(stale, now is null ? null : ToDto(now), body);
        }
        return result.Succeeded ? Results.Ok(new CreatedDto(result.Id!.Value)) : Problem(result);
    }

    private static async Task<IResult> ContactAsync(int childId, NewCareLeaverContactDto body, HttpContext http, CareLeaverService service, CancellationToken ct)
    {
        var errors = Required(("contactDate", body.ContactDate));
        ContactMethod? method = Enum.TryParse<ContactMethod>(body.Method, true, out var m) && Enum.IsDefined(m) && !int.TryParse(body.Method, out _) ? m : null;
        if (method is null) errors["method"] = ["Give the method: InPerson, Phone, Video or Message"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return Done(childId, await service.RecordContactAsync(new ContactOptions(childId, body.ContactDate!.Value, method, body.Summary, body.SubmissionId), CurrentWorker.From(http.User)!, ct));
    }

    private static async Task<IResult> BirthdayAsync(int childId, int age, BirthdayUpdateDto body, HttpContext http, HavenDbContext db, CareLeaverService service, CancellationToken ct)
    {
        var result = await service.RecordBirthdayAsync(new BirthdayOptions(childId, age, body.InTouch, body.Activity, body.Accommodation, body.Version), CurrentWorker.From(http.User)!, ct);
        if (result.Errors.TryGetValue("Version", out var required)) return ApiProblems.NeedsVersion("version", required);
        if (result.Errors.TryGetValue("InTouchCode", out var m) && m == CareLeaverService.BirthdayConflict)
        {
            var b = await db.BirthdayReturns.AsNoTracking().FirstAsync(x => x.ChildId == childId && x.Age == age, ct);
            return ApiProblems.Stale("Someone else recorded this birthday since you read it. Nothing was saved: read it again and reapply your change.",
                new BirthdayDto(b.Age, b.InTouchCode, b.ActivityCode, b.AccommodationCode, b.Version), body);
        }
        return Done(childId, result, new Dictionary<string, string> { ["InTouchCode"] = "inTouch", ["ActivityCode"] = "activity", ["AccommodationCode"] = "accommodation" });
    }

    private static async Task<IResult> DocumentsAsync(int childId, DocumentsUpdateDto body, HavenDbContext db, CareLeaverService service, CancellationToken ct)
    {
        var kinds = new List<CareLeaverDocumentKind>();
        foreach (var h in body.Held ?? [])
            if (Enum.TryParse<CareLeaverDocumentKind>(h, true, out var k) && Enum.IsDefined(k) && !int.TryParse(h, out _)) kinds.Add(k);
            else return ApiProblems.Invalid(new Dictionary<string, string[]> { ["held"] = [$"Unknown document: use {string.Join(", ", Enum.GetNames<CareLeaverDocumentKind>())}"] });
        var result = await service.SetDocumentsAsync(childId, kinds, ct, body.Version);
        if (result.Errors.TryGetValue("Version", out var required)) return ApiProblems.NeedsVersion("version", required);
        if (result.Errors.TryGetValue("Held", out var m) && m == CareLeaverService.DocumentsConflict)
        {
            var rows = await db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId).ToListAsync(ct);
            return ApiProblems.Stale("Someone else changed the documents since you read them. Nothing was saved: read them again and reapply your change.",
                new { documents = Documents(rows), version = CareLeaverService.DocumentsStamp(rows) }, body);
        }
        return Done(childId, result);
    }

    private static async Task<IResult> StayingPutAsync(int childId, NewStayingPutDto body, CareLeaverService service, CancellationToken ct)
    {
        var errors = Required(("startDate", body.StartDate));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return Done(childId, await service.AddStayingPutAsync(new StayingPutOptions(childId, body.CarerName, body.StartDate!.Value, body.EndDate, body.SubmissionId), ct));
    }

    private static async Task<IResult> EetAsync(int childId, NewEetDiscussionDto body, CareLeaverService service, CancellationToken ct)
    {
        var errors = Required(("panelDate", body.PanelDate), ("actionDue", body.ActionDue), ("actionOwnerWorkerId", body.ActionOwnerWorkerId));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return Done(childId, await service.AddEetDiscussionAsync(new EetDiscussionOptions(childId, body.PanelDate!.Value, body.OptionsConsidered, body.Action,
            body.ActionOwnerWorkerId!.Value, body.ActionDue!.Value, body.Outcome, body.OutcomeDate, body.SubmissionId), ct));
    }

    private static IResult Done(int childId, CareLeaverResult result, IReadOnlyDictionary<string, string>? rename = null) =>
        result.Succeeded ? Results.Created($"/api/v1/children/{childId}/care-leaver", new CreatedDto(result.Id!.Value)) : Problem(result, rename);

    private static IResult Problem(CareLeaverResult result, IReadOnlyDictionary<string, string>? rename = null) =>
        ApiProblems.Invalid(result.Errors.ToDictionary(e => rename is not null && rename.TryGetValue(e.Key, out var to) ? to : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));

    private static Dictionary<string, string[]> Required(params (string Name, object? Value)[] fields) =>
        fields.Where(f => f.Value is null).ToDictionary(f => f.Name, f => new[] { $"Give {f.Name}" });
}
