using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// <summary>Someone at a conference. Agency: Police, Health, Education, SocialCare or Other. Attendance: Attended, SentReport or Apologies.</summary>
public sealed record ConferenceAttendeeDto(string? Agency, string? Name, string? Role, string? Attendance, bool ReportReceived);

/// <summary>Someone in the core group. Agency: Police, Health, Education, SocialCare or Other.</summary>
public sealed record CoreGroupMemberDto(string? Agency, string? Name, string? Role);

/// <summary>An initial or review child protection conference. CategoryOfAbuse is the CIN census code (NEG, PHY, EMO, SAB, MUL).</summary>
public sealed record ConferenceDto(int Id, string Kind, DateOnly Date, string Chair, IReadOnlyList<ConferenceAttendeeDto> Attendees, bool PlanNeeded,
    string? CategoryOfAbuse, string? Decision, string? EndReason, int? Section47EnquiryId, int? ChildProtectionPlanId);

/// <summary>The initial conference following a section 47 enquiry. PlanNeeded true starts a child protection plan on Date,
/// with PlanContent (outcomes, actions, contingency) as the first version of its Plan of kind ChildProtection, in the same save.</summary>
public sealed record NewInitialConferenceDto(DateOnly? Date, string? Chair, IReadOnlyList<ConferenceAttendeeDto>? Attendees, bool? PlanNeeded,
    string? CategoryOfAbuse, string? Decision, IReadOnlyList<CoreGroupMemberDto>? CoreGroup, Guid? SubmissionId, PlanContentDto? PlanContent = null);

/// <summary>A review conference. PlanVersion is the plan's version you read (409 if stale). EndReason when the plan ends: NoLongerAtRisk, BecameLookedAfter, MovedToAnotherCouncil, Reached18, Died or Other.</summary>
public sealed record NewReviewConferenceDto(Guid PlanVersion, DateOnly? Date, string? Chair, IReadOnlyList<ConferenceAttendeeDto>? Attendees, bool? PlanContinues,
    string? CategoryOfAbuse, string? EndReason, string? Decision, Guid? SubmissionId);

/// <summary>A child protection plan as a registration (CIN census). Its content is the shared Plan of kind ChildProtection.</summary>
public sealed record ChildProtectionPlanDto(int Id, DateOnly StartDate, string CategoryOfAbuse, DateOnly? EndDate, string? EndReason, int StartConferenceId,
    int? EndConferenceId, int PreviousPlans, bool SecondOrSubsequent, bool TwoYearsOrMore, IReadOnlyList<CoreGroupMemberDto> CoreGroup, Guid Version, int? PlanId = null);

/// <summary>End a plan without a conference.</summary>
public sealed record EndPlanDto(Guid Version, DateOnly? EndDate, string? EndReason);

/// <summary>A child protection visit.</summary>
public sealed record ChildProtectionVisitDto(int Id, int ChildProtectionPlanId, DateOnly Date, bool ChildSeen, bool ChildSeenAlone, string? Notes);

public sealed record NewChildProtectionVisitDto(DateOnly? Date, bool? ChildSeen, bool? ChildSeenAlone, string? Notes, Guid? SubmissionId);

/// <summary>A core group meeting.</summary>
public sealed record CoreGroupMeetingDto(int Id, int ChildProtectionPlanId, DateOnly Date, string Attendees, string? Notes);

public sealed record NewCoreGroupMeetingDto(DateOnly? Date, string? Attendees, string? Notes, Guid? SubmissionId);

/// Conferences, child protection plans, visits and core group meetings under /api/v1/children/{childId}.
public static class ChildProtectionPlansApi
{
    public static void MapChildProtectionPlansApi(this RouteGroupBuilder child)
    {
        child.MapGet("/conferences", GetConferencesAsync).WithName("GetConferences").WithSummary("A child's child protection conferences, newest first");
        child.MapPost("/section-47-enquiries/{enquiryId:int}/initial-conference", AddInitialAsync).WithName("AddInitialConference")
            .WithSummary("Record the initial conference (and start the child protection plan)");
        child.MapGet("/child-protection-plans", GetPlansAsync).WithName("GetChildProtectionPlans").WithSummary("A child's child protection plans, newest first");
        child.MapPost("/child-protection-plans/{planId:int}/review-conferences", AddReviewAsync).WithName("AddReviewConference")
            .WithSummary("Record a review conference (the plan continues or ends)");
        child.MapPost("/child-protection-plans/{planId:int}/end", EndPlanAsync).WithName("EndChildProtectionPlan").WithSummary("End a plan without a conference");
        child.MapGet("/child-protection-visits", GetVisitsAsync).WithName("GetChildProtectionVisits").WithSummary("A child's child protection visits, newest first");
        child.MapPost("/child-protection-visits", AddVisitAsync).WithName("AddChildProtectionVisit").WithSummary("Record a child protection visit");
        child.MapGet("/core-group-meetings", GetMeetingsAsync).WithName("GetCoreGroupMeetings").WithSummary("A child's core group meetings, newest first");
        child.MapPost("/core-group-meetings", AddMeetingAsync).WithName("AddCoreGroupMeeting").WithSummary("Record a core group meeting");
    }

    private static Dictionary<string, string[]> Camel(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });

    private const string StaleTitle = "The child protection plan changed since you read it. Nothing was saved: read it again and resend your change.";

    /// A change must say which version of the plan it was based on; without one it could overwrite someone else's: 428, nothing saved.
    private static IResult? NeedsVersion(Guid version, string field) => version == Guid.Empty
        ? ApiProblems.NeedsVersion(field, "Send the version of the child protection plan you read (from the GET): without it this change could overwrite someone else's")
        : null;

    /// Someone else saved first: 409 with the plan as saved now (current, as the GET gives it) and what was sent (yours).
    private static async Task<IResult> StaleAsync(HavenDbContext db, int planId, object yours, TimeProvider clock, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.CoreGroup).FirstOrDefaultAsync(p => p.Id == planId, ct);
        return ApiProblems.Stale(StaleTitle, now is null ? null : ToDto(now, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), yours);
    }

    /// The version first: a stale writer is told someone else changed the plan, not (say) that it has ended.
    private static async Task<bool> IsStaleAsync(HavenDbContext db, int planId, Guid version, CancellationToken ct) =>
        await db.ChildProtectionPlans.Where(p => p.Id == planId).Select(p => p.Version).FirstAsync(ct) != version;

    private static bool TryEnum<T>(string? value, out T? result) where T : struct, Enum
    {
        result = null;
        if (value is null) return true;
        if (Enum.TryParse<T>(value, true, out var v) && Enum.IsDefined(v)) { result = v; return true; }
        return false;
    }

    private static string OneOf<T>() where T : struct, Enum => "Must be one of: " + string.Join(", ", Enum.GetNames<T>());

    /// Attendees from the body; a bad agency or attendance is a field error, not a 500.
    private static List<AttendeeOptions> Attendees(IReadOnlyList<ConferenceAttendeeDto>? body, Dictionary<string, string[]> errors)
    {
        var list = new List<AttendeeOptions>();
        foreach (var a in body ?? [])
        {
            if (!TryEnum<PartnerAgency>(a.Agency ?? "Other", out var agency)) { errors["attendees"] = ["Agency " + OneOf<PartnerAgency>()]; continue; }
            if (!TryEnum<ConferenceAttendance>(a.Attendance ?? "Attended", out var attendance)) { errors["attendees"] = ["Attendance " + OneOf<ConferenceAttendance>()]; continue; }
            list.Add(new AttendeeOptions(agency!.Value, a.Name ?? "", a.Role, attendance!.Value, a.ReportReceived));
        }
        return list;
    }

    private static async Task<IResult> GetConferencesAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.ChildProtectionConferences.AsNoTracking().Include(c => c.Attendees).Where(c => c.ChildId == childId).OrderByDescending(c => c.Date).ToListAsync(ct);
        return Results.Ok(rows.Select(ToDto));
    }

    private static async Task<IResult> AddInitialAsync(int childId, int enquiryId, NewInitialConferenceDto body, HttpContext http, ConferenceService service, HavenDbContext db, CancellationToken ct)
    {
        if (!await db.Section47Enquiries.AnyAsync(s => s.Id == enquiryId && s.ChildId == childId, ct)) return Results.NotFound();
        var errors = new Dictionary<string, string[]>();
        var attendees = Attendees(body.Attendees, errors);
        var members = new List<MemberOptions>();
        foreach (var m in body.CoreGroup ?? [])
            if (TryEnum<PartnerAgency>(m.Agency ?? "Other", out var agency)) members.Add(new MemberOptions(agency!.Value, m.Name ?? "", m.Role));
            else errors["coreGroup"] = ["Agency " + OneOf<PartnerAgency>()];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var result = await service.RecordInitialConferenceAsync(new RecordInitialConferenceOptions(childId, enquiryId, body.Date, body.Chair, attendees,
            body.PlanNeeded, body.CategoryOfAbuse, body.Decision, members, body.SubmissionId,
            body.PlanNeeded == true ? PlansApi.ToOptions(body.PlanContent) : null), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        var saved = await db.ChildProtectionConferences.AsNoTracking().Include(c => c.Attendees).FirstAsync(c => c.Id == result.Value!.Id, ct);
        return Results.Created($"/api/v1/children/{childId}/conferences/{saved.Id}", ToDto(saved));
    }

    private static async Task<IResult> GetPlansAsync(int childId, HavenDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.CoreGroup).Where(p => p.ChildId == childId).OrderByDescending(p => p.StartDate).ToListAsync(ct);
        return Results.Ok(rows.Select(p => ToDto(p, today)));
    }

    private static async Task<IResult> AddReviewAsync(int childId, int planId, NewReviewConferenceDto body, HttpContext http, ConferenceService service, HavenDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.ChildProtectionPlans.AnyAsync(p => p.Id == planId && p.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.PlanVersion, "planVersion") is { } needs) return needs;
        if (await IsStaleAsync(db, planId, body.PlanVersion, ct)) return await StaleAsync(db, planId, body, clock, ct);
        var errors = new Dictionary<string, string[]>();
        var attendees = Attendees(body.Attendees, errors);
        if (!TryEnum<PlanEndReason>(body.EndReason, out var reason)) errors["endReason"] = [OneOf<PlanEndReason>()];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        try
        {
            var result = await service.RecordReviewConferenceAsync(new RecordReviewConferenceOptions(childId, planId, body.PlanVersion, body.Date, body.Chair, attendees,
                body.PlanContinues, body.CategoryOfAbuse, reason, body.Decision, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
            if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
            var saved = await db.ChildProtectionConferences.AsNoTracking().Include(c => c.Attendees).FirstAsync(c => c.Id == result.Value!.Id, ct);
            return Results.Created($"/api/v1/children/{childId}/conferences/{saved.Id}", ToDto(saved));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAsync(db, planId, body, clock, ct);
        }
    }

    private static async Task<IResult> EndPlanAsync(int childId, int planId, EndPlanDto body, ConferenceService service, HavenDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.ChildProtectionPlans.AnyAsync(p => p.Id == planId && p.ChildId == childId, ct)) return Results.NotFound();
        if (NeedsVersion(body.Version, "version") is { } needs) return needs;
        if (await IsStaleAsync(db, planId, body.Version, ct)) return await StaleAsync(db, planId, body, clock, ct);
        if (!TryEnum<PlanEndReason>(body.EndReason, out var reason))
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["endReason"] = [OneOf<PlanEndReason>()] });
        try
        {
            var result = await service.EndPlanAsync(new EndPlanOptions(childId, planId, body.Version, body.EndDate, reason), ct);
            if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
            var saved = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.CoreGroup).FirstAsync(p => p.Id == planId, ct);
            return Results.Ok(ToDto(saved, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAsync(db, planId, body, clock, ct);
        }
    }

    private static async Task<IResult> GetVisitsAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.ChildProtectionVisits.AsNoTracking().Where(v => v.ChildId == childId).OrderByDescending(v => v.Date).ToListAsync(ct);
        return Results.Ok(rows.Select(v => new ChildProtectionVisitDto(v.Id, v.ChildProtectionPlanId, v.Date, v.ChildSeen, v.ChildSeenAlone, v.Notes)));
    }

    private static async Task<IResult> AddVisitAsync(int childId, NewChildProtectionVisitDto body, HttpContext http, ConferenceService service, CancellationToken ct)
    {
        var result = await service.RecordVisitAsync(new RecordVisitOptions(childId, body.Date, body.ChildSeen, body.ChildSeenAlone, body.Notes, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        var v = result.Value!;
        return Results.Created($"/api/v1/children/{childId}/child-protection-visits/{v.Id}", new ChildProtectionVisitDto(v.Id, v.ChildProtectionPlanId, v.Date, v.ChildSeen, v.ChildSeenAlone, v.Notes));
    }

    private static async Task<IResult> GetMeetingsAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var rows = await db.CoreGroupMeetings.AsNoTracking().Where(m => m.ChildId == childId).OrderByDescending(m => m.Date).ToListAsync(ct);
        return Results.Ok(rows.Select(m => new CoreGroupMeetingDto(m.Id, m.ChildProtectionPlanId, m.Date, m.Attendees, m.Notes)));
    }

    private static async Task<IResult> AddMeetingAsync(int childId, NewCoreGroupMeetingDto body, HttpContext http, ConferenceService service, CancellationToken ct)
    {
        var result = await service.RecordCoreGroupMeetingAsync(new RecordCoreGroupMeetingOptions(childId, body.Date, body.Attendees, body.Notes, body.SubmissionId), CurrentWorker.From(http.User)!, ct);
        if (!result.Succeeded) return ApiProblems.Invalid(Camel(result.Errors));
        var m = result.Value!;
        return Results.Created($"/api/v1/children/{childId}/core-group-meetings/{m.Id}", new CoreGroupMeetingDto(m.Id, m.ChildProtectionPlanId, m.Date, m.Attendees, m.Notes));
    }

    private static ConferenceDto ToDto(ChildProtectionConference c) => new(c.Id, c.Kind.ToString(), c.Date, c.Chair,
        c.Attendees.Select(a => new ConferenceAttendeeDto(a.Agency.ToString(), a.Name, a.Role, a.Attendance.ToString(), a.ReportReceived)).ToList(),
        c.PlanNeeded, c.CategoryOfAbuse, c.Decision, c.EndReason?.ToString(), c.Section47EnquiryId, c.ChildProtectionPlanId);

    private static ChildProtectionPlanDto ToDto(ChildProtectionPlan p, DateOnly today) => new(p.Id, p.StartDate, p.CategoryOfAbuse, p.EndDate, p.EndReason?.ToString(),
        p.StartConferenceId, p.EndConferenceId, p.PreviousPlans, p.IsSecondOrSubsequent, p.LastedTwoYearsOrMore(today),
        p.CoreGroup.Select(m => new CoreGroupMemberDto(m.Agency.ToString(), m.Name, m.Role)).ToList(), p.Version, p.PlanId);
}
