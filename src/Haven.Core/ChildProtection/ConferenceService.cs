using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildProtection;

public sealed record AttendeeOptions(PartnerAgency Agency, string Name, string? Role, ConferenceAttendance Attendance, bool ReportReceived);

public sealed record MemberOptions(PartnerAgency Agency, string Name, string? Role);

public sealed record RecordInitialConferenceOptions(int ChildId, int EnquiryId, DateOnly? Date, string? Chair, IReadOnlyList<AttendeeOptions> Attendees,
    bool? PlanNeeded, string? CategoryOfAbuse, string? Decision, IReadOnlyList<MemberOptions> CoreGroup, Guid? SubmissionId,
    PlanContentOptions? PlanContent = null);

public sealed record RecordReviewConferenceOptions(int ChildId, int PlanId, Guid PlanVersion, DateOnly? Date, string? Chair, IReadOnlyList<AttendeeOptions> Attendees,
    bool? PlanContinues, string? CategoryOfAbuse, PlanEndReason? EndReason, string? Decision, Guid? SubmissionId);

public sealed record EndPlanOptions(int ChildId, int PlanId, Guid Version, DateOnly? EndDate, PlanEndReason? EndReason);

public sealed record RecordVisitOptions(int ChildId, DateOnly? Date, bool? ChildSeen, bool? ChildSeenAlone, string? Notes, Guid? SubmissionId);

public sealed record RecordCoreGroupMeetingOptions(int ChildId, DateOnly? Date, string? Attendees, string? Notes, Guid? SubmissionId);

/// Child protection conferences, plans (as registrations), core group meetings and visits, shared by
/// the pages and the API. Each change is one SaveChanges, so nothing is half-saved; the child's
/// ChildProtection involvement span opens and closes with the plan in the same save.
public sealed class ConferenceService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = ChildProtectionService.MaxText;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Fmt(DateOnly d) => d.ToString("d MMMM yyyy");

    private static readonly PlanContentOptions NoContent = new([], [], null, null, null);

    /// Ends the plan's content (its Plan) on the day the registration ends.
    private async Task EndContentAsync(ChildProtectionPlan plan, DateOnly end, CancellationToken ct)
    {
        if (plan.PlanId is { } id && await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) is { EndDate: null } content) content.EndDate = end;
    }

    private static void CheckPeople(Dictionary<string, string> errors, string key, IReadOnlyList<AttendeeOptions> attendees)
    {
        if (attendees.Count == 0) errors[key] = "Enter who attended or sent a report";
        else if (attendees.Any(a => a.Name.Length > 200 || a.Role is { Length: > 200 } || !Enum.IsDefined(a.Agency) || !Enum.IsDefined(a.Attendance)))
            errors[key] = "Each name and role must be 200 characters or fewer";
    }

    private void CheckDate(Dictionary<string, string> errors, DateOnly? value, string what, DateOnly? notBefore, string? notBeforeWhat)
    {
        if (value is not { } d) errors["Date"] = $"Enter the date of the {what}";
        else if (d > Today) errors["Date"] = $"Date of the {what} must be today or in the past";
        else if (notBefore is { } nb && d < nb) errors["Date"] = $"Date of the {what} must be on or after {notBeforeWhat}, {Fmt(nb)}";
    }

    private static List<ConferenceAttendee> Attendees(IEnumerable<AttendeeOptions> people) => people.Select(a => new ConferenceAttendee
    {
        Agency = a.Agency, Name = a.Name.Trim(), Role = AssessmentService.Blank(a.Role), Attendance = a.Attendance, ReportReceived = a.ReportReceived,
    }).ToList();

    public async Task<ServiceResult<ChildProtectionConference>> RecordInitialConferenceAsync(RecordInitialConferenceOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.ChildProtectionConferences.FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<ChildProtectionConference>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        var enquiry = await db.Section47Enquiries.FirstOrDefaultAsync(s => s.Id == o.EnquiryId && s.ChildId == o.ChildId, ct);
        if (enquiry is null) errors["EnquiryId"] = "Select the section 47 enquiry this conference follows";
        else if (enquiry.InitialConferenceDate is not null) errors["EnquiryId"] = "The initial conference for this enquiry has already been recorded";
        else if (enquiry.Outcome != Section47Outcome.ConferenceRequired) errors["EnquiryId"] = "Record the enquiry's outcome as needing a conference first";
        CheckDate(errors, o.Date, "conference", enquiry?.StartDate, "the start of the section 47 enquiry");
        if (string.IsNullOrWhiteSpace(o.Chair)) errors["Chair"] = "Enter the name of the chair";
        else if (o.Chair.Length > 200) errors["Chair"] = "Chair must be 200 characters or fewer";
        var people = o.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
        CheckPeople(errors, "Attendees", people);
        if (o.PlanNeeded is null) errors["PlanNeeded"] = "Select whether the child will be the subject of a child protection plan";
        else if (o.PlanNeeded == true)
        {
            if (!HelpAndProtectionCodes.CategoryOfAbuse.Contains(o.CategoryOfAbuse)) errors["CategoryOfAbuse"] = "Select the category of abuse";
            if (await db.ChildProtectionPlans.AnyAsync(p => p.ChildId == o.ChildId && p.EndDate == null, ct))
                errors["PlanNeeded"] = "This child already has a child protection plan";
            // The conference that decides on a plan writes its outcomes, actions and contingency too.
            foreach (var (field, message) in PlanService.Validate(o.PlanContent ?? NoContent)) errors[field] = message;
        }
        if (o.Decision is { Length: > MaxText }) errors["Decision"] = $"Decision must be {MaxText:N0} characters or fewer";
        var members = o.CoreGroup.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        if (members.Any(m => m.Name.Length > 200 || m.Role is { Length: > 200 } || !Enum.IsDefined(m.Agency)))
            errors["CoreGroup"] = "Each name and role must be 200 characters or fewer";
        if (errors.Count > 0) return ServiceResult<ChildProtectionConference>.Fail(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var date = o.Date!.Value;
        var conference = new ChildProtectionConference
        {
            ChildId = o.ChildId, Kind = ConferenceKind.Initial, Section47EnquiryId = enquiry!.Id, Date = date, Chair = o.Chair!.Trim(),
            Attendees = Attendees(people), PlanNeeded = o.PlanNeeded!.Value, CategoryOfAbuse = o.PlanNeeded == true ? o.CategoryOfAbuse!.ToUpperInvariant() : null,
            Decision = AssessmentService.Blank(o.Decision), RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.ChildProtectionConferences.Add(conference);
        enquiry.InitialConferenceDate = date;
        if (conference.PlanNeeded)
        {
            var content = new PlanService(db, clock).Add(o.ChildId, PlanKind.ChildProtection, date, o.PlanContent!, "Plan started at the initial conference", by, null);
            db.ChildProtectionPlans.Add(new ChildProtectionPlan
            {
                ChildId = o.ChildId, StartDate = date, CategoryOfAbuse = conference.CategoryOfAbuse!, StartConference = conference, Plan = content,
                PreviousPlans = await db.ChildProtectionPlans.CountAsync(p => p.ChildId == o.ChildId && p.StartDate <= date, ct),
                CoreGroup = members.Select(m => new CoreGroupMember { Agency = m.Agency, Name = m.Name.Trim(), Role = AssessmentService.Blank(m.Role) }).ToList(),
                RecordedAt = now,
            });
            await InvolvementSpans.OpenAsync(db, o.ChildId, InvolvementKind.ChildProtection, date, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildProtectionConference>.Ok(conference);
    }

    public async Task<ServiceResult<ChildProtectionConference>> RecordReviewConferenceAsync(RecordReviewConferenceOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.ChildProtectionConferences.FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<ChildProtectionConference>.Ok(earlier);
        var plan = await db.ChildProtectionPlans.FirstAsync(p => p.Id == o.PlanId && p.ChildId == o.ChildId, ct);
        var errors = new Dictionary<string, string>();
        if (!plan.IsOpen) errors[""] = "This child protection plan has ended";
        var lastReview = await db.ChildProtectionConferences.Where(c => c.ChildProtectionPlanId == plan.Id && c.Kind == ConferenceKind.Review)
            .MaxAsync(c => (DateOnly?)c.Date, ct);
        CheckDate(errors, o.Date, "review conference", (lastReview ?? plan.StartDate).AddDays(1), lastReview is null ? "the day after the initial conference" : "the day after the last review");
        if (string.IsNullOrWhiteSpace(o.Chair)) errors["Chair"] = "Enter the name of the chair";
        else if (o.Chair.Length > 200) errors["Chair"] = "Chair must be 200 characters or fewer";
        var people = o.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
        CheckPeople(errors, "Attendees", people);
        if (o.PlanContinues is null) errors["PlanContinues"] = "Select whether the child protection plan continues";
        else if (o.PlanContinues == true && !HelpAndProtectionCodes.CategoryOfAbuse.Contains(o.CategoryOfAbuse)) errors["CategoryOfAbuse"] = "Select the category of abuse";
        else if (o.PlanContinues == false && (o.EndReason is null || !Enum.IsDefined(o.EndReason.Value))) errors["EndReason"] = "Select why the plan ends";
        if (o.Decision is { Length: > MaxText }) errors["Decision"] = $"Decision must be {MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<ChildProtectionConference>.Fail(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var date = o.Date!.Value;
        var continues = o.PlanContinues!.Value;
        var conference = new ChildProtectionConference
        {
            ChildId = o.ChildId, Kind = ConferenceKind.Review, ChildProtectionPlanId = plan.Id, Date = date, Chair = o.Chair!.Trim(), Attendees = Attendees(people),
            PlanNeeded = continues, CategoryOfAbuse = continues ? o.CategoryOfAbuse!.ToUpperInvariant() : null, EndReason = continues ? null : o.EndReason,
            Decision = AssessmentService.Blank(o.Decision), RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.ChildProtectionConferences.Add(conference);
        // The plan's version guards against two people recording the same review at once.
        db.Entry(plan).Property(p => p.Version).OriginalValue = o.PlanVersion;
        db.Entry(plan).Property(p => p.Version).IsModified = true;
        if (continues) plan.CategoryOfAbuse = conference.CategoryOfAbuse!;
        else
        {
            plan.EndDate = date;
            plan.EndReason = o.EndReason;
            plan.EndConference = conference;
            await EndContentAsync(plan, date, ct);
            await InvolvementSpans.CloseAsync(db, o.ChildId, InvolvementKind.ChildProtection, date, ct);
        }
        foreach (var span in await db.Involvements.Where(i => i.ChildId == o.ChildId && i.Kind == InvolvementKind.ChildProtection && i.StartDate <= date
            && (i.EndDate == null || i.EndDate >= date)).ToListAsync(ct))
        {
            span.LastReviewDate = date;
            span.ReviewsHeld++;
        }
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildProtectionConference>.Ok(conference);
    }

    /// Ends a plan without a conference: the child moved away, turned 18, died or became looked after.
    public async Task<ServiceResult<ChildProtectionPlan>> EndPlanAsync(EndPlanOptions o, CancellationToken ct = default)
    {
        var plan = await db.ChildProtectionPlans.FirstAsync(p => p.Id == o.PlanId && p.ChildId == o.ChildId, ct);
        var errors = new Dictionary<string, string>();
        if (!plan.IsOpen) errors[""] = "This child protection plan has already ended";
        if (o.EndDate is not { } end) errors["EndDate"] = "Enter the date the plan ended";
        else if (end > Today) errors["EndDate"] = "Date the plan ended must be today or in the past";
        else if (end < plan.StartDate) errors["EndDate"] = $"Date the plan ended must be on or after its start, {Fmt(plan.StartDate)}";
        if (o.EndReason is null || !Enum.IsDefined(o.EndReason.Value)) errors["EndReason"] = "Select why the plan ended";
        if (errors.Count > 0) return ServiceResult<ChildProtectionPlan>.Fail(errors);
        db.Entry(plan).Property(p => p.Version).OriginalValue = o.Version;
        plan.EndDate = o.EndDate;
        plan.EndReason = o.EndReason;
        await EndContentAsync(plan, o.EndDate!.Value, ct);
        await InvolvementSpans.CloseAsync(db, o.ChildId, InvolvementKind.ChildProtection, o.EndDate!.Value, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildProtectionPlan>.Ok(plan);
    }

    /// The plan in force on a date, if any.
    private Task<ChildProtectionPlan?> PlanOnAsync(int childId, DateOnly date, CancellationToken ct) =>
        db.ChildProtectionPlans.Where(p => p.ChildId == childId && p.StartDate <= date && (p.EndDate == null || p.EndDate >= date))
            .OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);

    public async Task<ServiceResult<ChildProtectionVisit>> RecordVisitAsync(RecordVisitOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.ChildProtectionVisits.FirstOrDefaultAsync(v => v.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<ChildProtectionVisit>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        CheckDate(errors, o.Date, "visit", null, null);
        ChildProtectionPlan? plan = null;
        if (!errors.ContainsKey("Date") && (plan = await PlanOnAsync(o.ChildId, o.Date!.Value, ct)) is null)
            errors["Date"] = "The child was not on a child protection plan on that date";
        if (o.ChildSeen is null) errors["ChildSeen"] = "Select whether the child was seen";
        else if (o.ChildSeen == true && o.ChildSeenAlone is null) errors["ChildSeenAlone"] = "Select whether the child was seen alone";
        if (o.Notes is { Length: > MaxText }) errors["Notes"] = $"Notes must be {MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<ChildProtectionVisit>.Fail(errors);
        var visit = new ChildProtectionVisit
        {
            ChildId = o.ChildId, ChildProtectionPlanId = plan!.Id, Date = o.Date!.Value, ChildSeen = o.ChildSeen!.Value,
            ChildSeenAlone = o.ChildSeen == true && o.ChildSeenAlone == true, Notes = AssessmentService.Blank(o.Notes),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.ChildProtectionVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildProtectionVisit>.Ok(visit);
    }

    public async Task<ServiceResult<CoreGroupMeeting>> RecordCoreGroupMeetingAsync(RecordCoreGroupMeetingOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.CoreGroupMeetings.FirstOrDefaultAsync(v => v.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<CoreGroupMeeting>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        CheckDate(errors, o.Date, "core group meeting", null, null);
        ChildProtectionPlan? plan = null;
        if (!errors.ContainsKey("Date") && (plan = await PlanOnAsync(o.ChildId, o.Date!.Value, ct)) is null)
            errors["Date"] = "The child was not on a child protection plan on that date";
        if (string.IsNullOrWhiteSpace(o.Attendees)) errors["Attendees"] = "Enter who attended";
        else if (o.Attendees.Length > 4000) errors["Attendees"] = "Attendees must be 4,000 characters or fewer";
        if (o.Notes is { Length: > MaxText }) errors["Notes"] = $"Notes must be {MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<CoreGroupMeeting>.Fail(errors);
        var meeting = new CoreGroupMeeting
        {
            ChildId = o.ChildId, ChildProtectionPlanId = plan!.Id, Date = o.Date!.Value, Attendees = o.Attendees!.Trim(), Notes = AssessmentService.Blank(o.Notes),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.CoreGroupMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CoreGroupMeeting>.Ok(meeting);
    }
}
