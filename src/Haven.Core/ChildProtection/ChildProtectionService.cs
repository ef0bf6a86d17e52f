using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildProtection;

public sealed record ParticipantOptions(PartnerAgency Agency, string Name, string? Role);

public sealed record RecordStrategyDiscussionOptions(int ChildId, DateOnly? Date, string? Concerns, IReadOnlyList<ParticipantOptions> Participants,
    bool? StartSection47, string? DecisionReason, string? ImmediateSafetyPlan, Guid? SubmissionId);

public sealed record CompleteSection47Options(int EnquiryId, Guid Version, Section47Outcome? Outcome, DateOnly? CompletedDate, string? OutcomeSummary);

/// Strategy discussions and section 47 enquiries, shared by the pages and the API.
public sealed class ChildProtectionService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = 20000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// The referral a strategy discussion belongs to: the child's latest open one on or before the date.
    private Task<Referrals.Referral?> ReferralForAsync(int childId, DateOnly date, CancellationToken ct) =>
        db.Referrals.Where(r => r.ChildId == childId && r.ClosureDate == null && !r.NoFurtherAction && r.ReferralDate <= date)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);

    public async Task<ServiceResult<StrategyDiscussion>> RecordStrategyDiscussionAsync(RecordStrategyDiscussionOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.StrategyDiscussions.FirstOrDefaultAsync(s => s.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<StrategyDiscussion>.Ok(earlier);
        var errors = new Dictionary<string, string>();
        if (o.Date is not { } date) errors[nameof(o.Date)] = "Enter the date of the strategy discussion";
        else if (date > Today) errors[nameof(o.Date)] = "Date of the strategy discussion must be today or in the past";
        if (string.IsNullOrWhiteSpace(o.Concerns)) errors[nameof(o.Concerns)] = "Enter the concerns discussed";
        else if (o.Concerns.Length > MaxText) errors[nameof(o.Concerns)] = $"Concerns must be {MaxText:N0} characters or fewer";
        var people = o.Participants.Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToList();
        if (people.Any(p => p.Name.Length > 200 || p.Role is { Length: > 200 } || !Enum.IsDefined(p.Agency)))
            errors[nameof(o.Participants)] = "Each name and role must be 200 characters or fewer";
        // Working Together 2023: at least social care, police and health take part.
        else if (!people.Any(p => p.Agency == PartnerAgency.Police) || !people.Any(p => p.Agency == PartnerAgency.Health))
            errors[nameof(o.Participants)] = "Enter who took part from the police and from health";
        if (o.StartSection47 is null) errors[nameof(o.StartSection47)] = "Select whether a section 47 enquiry will start";
        if (o.DecisionReason is { Length: > MaxText }) errors[nameof(o.DecisionReason)] = $"Reason must be {MaxText:N0} characters or fewer";
        if (o.ImmediateSafetyPlan is { Length: > MaxText }) errors[nameof(o.ImmediateSafetyPlan)] = $"Safety plan must be {MaxText:N0} characters or fewer";
        Referrals.Referral? referral = null;
        if (o.Date is { } d && !errors.ContainsKey(nameof(o.Date)))
        {
            referral = await ReferralForAsync(o.ChildId, d, ct);
            if (referral is null) errors[nameof(o.Date)] = "There is no open referral for this child on or before that date";
        }
        if (o.StartSection47 == true && await db.Section47Enquiries.AnyAsync(s => s.ChildId == o.ChildId && s.CompletedDate == null, ct))
            errors[nameof(o.StartSection47)] = "This child already has a section 47 enquiry in progress";
        if (errors.Count > 0) return ServiceResult<StrategyDiscussion>.Fail(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var discussion = new StrategyDiscussion
        {
            ChildId = o.ChildId, ReferralId = referral!.Id, Date = o.Date!.Value, Concerns = o.Concerns!.Trim(),
            Participants = people.Select(p => new StrategyParticipant { Agency = p.Agency, Name = p.Name.Trim(), Role = AssessmentService.Blank(p.Role) }).ToList(),
            StartSection47 = o.StartSection47!.Value, DecisionReason = AssessmentService.Blank(o.DecisionReason),
            ImmediateSafetyPlan = AssessmentService.Blank(o.ImmediateSafetyPlan), RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.StrategyDiscussions.Add(discussion);
        if (discussion.StartSection47)
            db.Section47Enquiries.Add(new Section47Enquiry
            {
                ChildId = o.ChildId, ReferralId = referral.Id, StrategyDiscussion = discussion, StartDate = discussion.Date,
                InitialConferenceDue = Timescales.InitialChildProtectionConference.DueFrom(discussion.Date),
            });
        await db.SaveChangesAsync(ct);
        return ServiceResult<StrategyDiscussion>.Ok(discussion);
    }

    public const string Section47Conflict = "Someone else completed or changed this enquiry while you were editing it. What they recorded is shown above; your answers are still in the form";

    public async Task<ServiceResult<Section47Enquiry>> CompleteSection47Async(CompleteSection47Options o, CurrentWorker by, CancellationToken ct = default)
    {
        var s = await db.Section47Enquiries.FirstAsync(x => x.Id == o.EnquiryId, ct);
        // A form read before someone else completed or changed the enquiry: say so first (the page
        // shows what they recorded), rather than only that it is already complete.
        if (s.Version != o.Version)
            return ServiceResult<Section47Enquiry>.Fail(new Dictionary<string, string> { [""] = Section47Conflict });
        var errors = new Dictionary<string, string>();
        if (s.CompletedDate is not null) errors[""] = "This enquiry has already been completed";
        if (o.Outcome is null || !Enum.IsDefined(o.Outcome.Value)) errors[nameof(o.Outcome)] = "Select the outcome of the enquiry";
        if (o.CompletedDate is not { } date) errors[nameof(o.CompletedDate)] = "Enter the date the enquiry was completed";
        else if (date > Today) errors[nameof(o.CompletedDate)] = "Date the enquiry was completed must be today or in the past";
        else if (date < s.StartDate) errors[nameof(o.CompletedDate)] = $"Date the enquiry was completed must be on or after its start, {s.StartDate:d MMMM yyyy}";
        if (string.IsNullOrWhiteSpace(o.OutcomeSummary)) errors[nameof(o.OutcomeSummary)] = "Enter a summary of the findings";
        else if (o.OutcomeSummary.Length > MaxText) errors[nameof(o.OutcomeSummary)] = $"Summary must be {MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<Section47Enquiry>.Fail(errors);
        db.Entry(s).Property(x => x.Version).OriginalValue = o.Version;
        s.Outcome = o.Outcome;
        s.CompletedDate = o.CompletedDate;
        s.OutcomeSummary = o.OutcomeSummary!.Trim();
        s.CompletedByWorkerId = by.WorkerId;
        await db.SaveChangesAsync(ct);
        return ServiceResult<Section47Enquiry>.Ok(s);
    }
}
