using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>A single assessment, in the CIN census's terms.</summary>
public sealed record AssessmentDto(int Id, int ReferralId, DateOnly StartDate, DateOnly DueDate, DateOnly? AuthorisedDate, string? Outcome,
    IReadOnlyList<string> FactorCodes, DateOnly? ChildSeenDate, DateOnly? ChildSeenAloneDate, string? ParentsInvolvement,
    string? ExtendedFamilyInvolvement, string? IdentityAndCulture, string? WishesAndFeelings, string? DirectWorkTools, string? Observations,
    string? Analysis, Guid? FamilyAssessmentId, Guid Version);

/// <summary>Start an assessment from the child's open referral, and optionally for brothers and sisters at once.</summary>
public sealed record NewAssessmentDto(int? ReferralId, DateOnly? StartDate, IReadOnlyList<int>? SiblingIds, Guid? SubmissionId);

/// <summary>The assessment's content. Version is the one you read (428 without it); a stale version gets 409 with the saved one (current) and yours.</summary>
public sealed record AssessmentContentDto(Guid Version, string? ParentsInvolvement, string? ExtendedFamilyInvolvement, string? IdentityAndCulture,
    string? Analysis, string? WishesAndFeelings, string? DirectWorkTools, string? Observations, DateOnly? ChildSeenDate, DateOnly? ChildSeenAloneDate,
    IReadOnlyList<string>? FactorCodes);

/// <summary>A manager's authorisation. Outcome: NoFurtherAction, ChildInNeedPlan, StrategyDiscussion or EarlyHelp.</summary>
public sealed record AuthorisationDto(Guid Version, string? Outcome, DateOnly? AuthorisedDate, string? ManagerComments);

/// <summary>Someone who took part in a strategy discussion. Agency: Police, Health, Education, SocialCare or Other.</summary>
public sealed record ParticipantDto(string? Agency, string? Name, string? Role);

/// <summary>A strategy discussion and, when it decided so, the section 47 enquiry it started.</summary>
public sealed record StrategyDiscussionDto(int Id, DateOnly Date, string Concerns, IReadOnlyList<ParticipantDto> Participants, bool StartSection47,
    string? DecisionReason, string? ImmediateSafetyPlan, int? Section47EnquiryId);

/// <summary>A new strategy discussion.</summary>
public sealed record NewStrategyDiscussionDto(DateOnly? Date, string? Concerns, IReadOnlyList<ParticipantDto>? Participants, bool? StartSection47,
    string? DecisionReason, string? ImmediateSafetyPlan, Guid? SubmissionId);

/// <summary>A section 47 enquiry. InitialConferenceDue is the CIN census InitialCPCtarget.</summary>
public sealed record Section47EnquiryDto(int Id, int StrategyDiscussionId, DateOnly StartDate, DateOnly InitialConferenceDue, string? Outcome,
    DateOnly? CompletedDate, string? OutcomeSummary, bool ConferenceNotRequired, Guid Version);

/// <summary>The outcome of a section 47 enquiry. Outcome: ConferenceRequired, SubstantiatedNoConference or NotSubstantiated.</summary>
public sealed record Section47OutcomeDto(Guid Version, string? Outcome, DateOnly? CompletedDate, string? OutcomeSummary);

/// Assessments, strategy discussions and section 47 enquiries under /api/v1/children/{childId}.
public static class HelpAndProtectionApi
{
    public static void MapHelpAndProtectionApi(this RouteGroupBuilder child)
    {
        child.MapGet("/assessments", GetAssessmentsAsync).WithName("GetAssessments").WithSummary("A child's single assessments, newest first");
        child.MapPost("/assessments", StartAssessmentAsync).WithName("StartAssessment").WithSummary("Start an assessment from the child's referral");
        child.MapPut("/assessments/{assessmentId:int}", RecordAssessmentAsync).WithName("RecordAssessment").WithSummary("Record an open assessment's content");
        child.MapPost("/assessments/{assessmentId:int}/authorisation", AuthoriseAsync).WithName("AuthoriseAssessment").WithSummary("A team manager authorises the assessment");
        child.MapGet("/strategy-discussions", GetDiscussionsAsync).WithName("GetStrategyDiscussions").WithSummary("A child's strategy discussions");
        child.MapPost("/strategy-discussions", AddDiscussionAsync).WithName("AddStrategyDiscussion").WithSummary("Record a strategy discussion (and start a section 47 enquiry)");
        child.MapGet("/section-47-enquiries", GetEnquiriesAsync).WithName("GetSection47Enquiries").WithSummary("A child's section 47 enquiries");
        child.MapPost("/section-47-enquiries/{enquiryId:int}/outcome", CompleteEnquiryAsync).WithName("CompleteSection47Enquiry").WithSummary("Record the outcome of a section 47 enquiry");
    }

    private static Dictionary<string, string[]> Camel(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });

    private const string StaleTitle = "The record changed since you read it. Nothing was saved: read it again and resend your change.";

    /// A change must say which version it was based on; without one it could overwrite someone else's: 428, nothing saved.
    private static IResult? NeedsVersion(Guid version, string what) => version == Guid.Empty
        ? ApiProblems.NeedsVersion("version", $"Send the version of the {what} you read (from the GET): without it this change could overwrite someone else's")
        : null;

    /// Someone else saved first: 409 with the assessment as saved now (current) and what was sent (yours).
    private static async Task<IResult> StaleAssessmentAsync(HavenDbContext db, int assessmentId, object yours, CancellationToken ct) =>
        ApiProblems.Stale(StaleTitle, await db.Assessments.AsNoTracking().Include(a => a.Factors).FirstOrDefaultAsync(a => a.Id == assessmentId, ct) is { } now ? ToDto(now) : null, yours);

    /// Someone else saved first: 409 with the enquiry as saved now (current) and what was sent (yours).
    private static async Task<IResult> StaleEnquiryAsync(HavenDbContext db, int enquiryId, object yours, CancellationToken ct) =>
        ApiProblems.Stale(StaleTitle, await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == enquiryId, ct) is { } now ? ToDto(now) : null, yours);

    private static async Task<IResult> GetAssessmentsAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Factors).Where(a => a.ChildId == childId).OrderByDescending(a => a.StartDate).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> StartAssessmentAsync(int childId, NewAssessmentDto body, HttpContext http, AssessmentService assessments, ChildAccess access, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ReferralId is null) errors["referralId"] = ["Enter the referral the assessment starts from"];
        if (body.StartDate is null) errors["startDate"] = ["Enter the start date"];
        var worker = CurrentWorker.From(http.User)!;
        foreach (var id in body.SiblingIds ?? [])
            if (!await access.CanAsync(worker, id, AccessLevel.Write, ct)) errors["siblingIds"] = ["You cannot start an assessment for a child outside your team's cases"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await assessments.StartAsync(new StartAssessmentOptions(childId, body.ReferralId!.Value, body.StartDate!.Value, body.SiblingIds ?? [], body.SubmissionId), worker, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        var own = result.Value!.First(a => a.ChildId == childId);
        return Results.Created($"/api/v1/children/{childId}/assessments/{own.Id}", result.Value!.Select(ToDto));
    }

    private static async Task<IResult> RecordAssessmentAsync(int childId, int assessmentId, AssessmentContentDto body, AssessmentService assessments, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.Version, "assessment") is { } needs) return needs;
        // The version first: a stale writer is told someone else changed it (not, say, that it is already authorised).
        if (await db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.Version).FirstAsync(ct) != body.Version)
            return await StaleAssessmentAsync(db, assessmentId, body, ct);
        try
        {
            var result = await assessments.RecordAsync(new RecordAssessmentOptions(assessmentId, body.Version, body.ParentsInvolvement, body.ExtendedFamilyInvolvement,
                body.IdentityAndCulture, body.Analysis, body.WishesAndFeelings, body.DirectWorkTools, body.Observations, body.ChildSeenDate, body.ChildSeenAloneDate,
                body.FactorCodes ?? []), ct);
            return result.Succeeded ? Results.Ok(ToDto(result.Value!)) : ApiProblems.Invalid(Camel(result.Errors));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAssessmentAsync(db, assessmentId, body, ct);
        }
    }

    private static async Task<IResult> AuthoriseAsync(int childId, int assessmentId, AuthorisationDto body, HttpContext http, AssessmentService assessments, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.Version, "assessment") is { } needs) return needs;
        // The version first: a stale writer is told someone else changed it (not, say, that it is already authorised).
        if (await db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.Version).FirstAsync(ct) != body.Version)
            return await StaleAssessmentAsync(db, assessmentId, body, ct);
        AssessmentOutcome? outcome = null;
        if (body.Outcome is not null)
        {
            if (Enum.TryParse<AssessmentOutcome>(body.Outcome, true, out var o) && Enum.IsDefined(o)) outcome = o;
            else return ApiProblems.Invalid(new Dictionary<string, string[]> { ["outcome"] = ["Outcome must be one of: " + string.Join(", ", Enum.GetNames<AssessmentOutcome>())] });
        }
        try
        {
            var result = await assessments.AuthoriseAsync(new AuthoriseAssessmentOptions(assessmentId, body.Version, outcome, body.AuthorisedDate, body.ManagerComments), CurrentWorker.From(http.User)!, ct);
            return result.Succeeded ? Results.Ok(ToDto(result.Value!)) : ApiProblems.Invalid(Camel(result.Errors));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAssessmentAsync(db, assessmentId, body, ct);
        }
    }

    private static async Task<IResult> GetDiscussionsAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.StrategyDiscussions.AsNoTracking().Include(s => s.Participants).Where(s => s.ChildId == childId).OrderByDescending(s => s.Date).ToListAsync(ct);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.ChildId == childId).ToDictionaryAsync(e => e.StrategyDiscussionId, e => e.Id, ct);
        return Results.Ok(rows.Select(s => ToDto(s, enquiries.TryGetValue(s.Id, out var e) ? e : null)));
    }

    private static async Task<IResult> AddDiscussionAsync(int childId, NewStrategyDiscussionDto body, HttpContext http, ChildProtectionService protection, HavenDbContext db, CancellationToken ct)
    {
        var participants = new List<ParticipantOptions>();
        foreach (var p in body.Participants ?? [])
        {
            if (!Enum.TryParse<PartnerAgency>(p.Agency, true, out var agency) || !Enum.IsDefined(agency))
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["participants"] = ["Agency must be one of: " + string.Join(", ", Enum.GetNames<PartnerAgency>())] });
            participants.Add(new ParticipantOptions(agency, p.Name ?? "", p.Role));
        }
        var result = await protection.RecordStrategyDiscussionAsync(new RecordStrategyDiscussionOptions(childId, body.Date, body.Concerns, participants,
            body.StartSection47, body.DecisionReason, body.ImmediateSafetyPlan, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        var enquiryId = await db.Section47Enquiries.Where(e => e.StrategyDiscussionId == result.Value!.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return Results.Created($"/api/v1/children/{childId}/strategy-discussions/{result.Value!.Id}", ToDto(result.Value!, enquiryId));
    }

    private static async Task<IResult> GetEnquiriesAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.Section47Enquiries.AsNoTracking().Where(s => s.ChildId == childId).OrderByDescending(s => s.StartDate).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> CompleteEnquiryAsync(int childId, int enquiryId, Section47OutcomeDto body, HttpContext http, ChildProtectionService protection, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.Section47Enquiries.AnyAsync(s => s.Id == enquiryId && s.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.Version, "enquiry") is { } needs) return needs;
        Section47Outcome? outcome = null;
        if (body.Outcome is not null)
        {
            if (Enum.TryParse<Section47Outcome>(body.Outcome, true, out var o) && Enum.IsDefined(o)) outcome = o;
            else return ApiProblems.Invalid(new Dictionary<string, string[]> { ["outcome"] = ["Outcome must be one of: " + string.Join(", ", Enum.GetNames<Section47Outcome>())] });
        }
        try
        {
            var result = await protection.CompleteSection47Async(new CompleteSection47Options(enquiryId, body.Version, outcome, body.CompletedDate, body.OutcomeSummary), CurrentWorker.From(http.User)!, ct);
            if (result.Errors.TryGetValue("", out var e) && e == ChildProtectionService.Section47Conflict) return await StaleEnquiryAsync(db, enquiryId, body, ct);
            return result.Succeeded ? Results.Ok(ToDto(result.Value!)) : ApiProblems.Invalid(Camel(result.Errors));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleEnquiryAsync(db, enquiryId, body, ct);
        }
    }

    private static AssessmentDto ToDto(Assessment a) => new(a.Id, a.ReferralId, a.StartDate, a.DueDate, a.AuthorisedDate, a.Outcome?.ToString(),
        a.Factors.Select(f => f.Code).Order().ToList(), a.ChildSeenDate, a.ChildSeenAloneDate, a.ParentsInvolvement, a.ExtendedFamilyInvolvement,
        a.IdentityAndCulture, a.WishesAndFeelings, a.DirectWorkTools, a.Observations, a.Analysis, a.FamilyAssessmentId, a.Version);

    private static StrategyDiscussionDto ToDto(StrategyDiscussion s, int? enquiryId) => new(s.Id, s.Date, s.Concerns,
        s.Participants.Select(p => new ParticipantDto(p.Agency.ToString(), p.Name, p.Role)).ToList(), s.StartSection47, s.DecisionReason, s.ImmediateSafetyPlan, enquiryId);

    private static Section47EnquiryDto ToDto(Section47Enquiry s) => new(s.Id, s.StrategyDiscussionId, s.StartDate, s.InitialConferenceDue, s.Outcome?.ToString(),
        s.CompletedDate, s.OutcomeSummary, s.ConferenceNotRequired, s.Version);
}
