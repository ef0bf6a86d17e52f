using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildInNeed;

public sealed record StartChildInNeedPlanOptions(int ChildId, DateOnly? StartDate, PlanContentOptions Content, Guid? SubmissionId);

/// A review. With NewContent the review also saves a new version of the plan, based on BasePlanVersion.
public sealed record ReviewChildInNeedPlanOptions(int ChildInNeedPlanId, DateOnly? Date, string? Summary, string? Views,
    Guid BasePlanVersion, PlanContentOptions? NewContent, Guid? SubmissionId);

public sealed record CloseChildInNeedPlanOptions(int ChildInNeedPlanId, Guid Version, DateOnly? EndDate, ChildInNeedPlanClosureReason? Reason, string? Note);

/// The child in need plan's lifecycle. Starting it opens the child's ChildInNeed involvement span
/// and closing it closes the span, in the same save, so the two never disagree.
public sealed class ChildInNeedPlanService(HavenDbContext db, PlanService plans, ChildInNeedSettings settings, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ServiceResult<ChildInNeedPlan>> StartAsync(StartChildInNeedPlanOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.ChildInNeedPlans.FirstOrDefaultAsync(p => p.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<ChildInNeedPlan>.Ok(earlier);
        var errors = new Dictionary<string, string>(PlanService.Validate(o.Content));
        if (o.StartDate is not { } start) errors[nameof(o.StartDate)] = "Enter the date the plan started";
        else if (start > Today) errors[nameof(o.StartDate)] = "Start date must be today or in the past";
        else if (start < Today.AddYears(-1)) errors[nameof(o.StartDate)] = "Start date must be within the last year";
        else
        {
            // Checked as the plan is recorded, so the CIN census never carries the error (statutory-returns.md §2.3).
            if (await db.ChildProtectionPlans.AnyAsync(p => p.ChildId == o.ChildId && p.StartDate <= start && (p.EndDate == null || p.EndDate > start), ct))
                errors[nameof(o.StartDate)] = "A child in need plan cannot run at the same time as a child protection plan: end the child protection plan first (CIN census rule 4001)";
            else if (await db.Referrals.Where(r => r.ChildId == o.ChildId && r.ClosureDate == null).OrderByDescending(r => r.ReferralDate)
                         .Select(r => (DateOnly?)r.ReferralDate).FirstOrDefaultAsync(ct) is { } referred && start < referred)
                errors[nameof(o.StartDate)] = $"The child in need plan cannot start before the referral date, {referred:d MMMM yyyy} (CIN census rule 4015)";
        }
        if (await db.ChildInNeedPlans.AnyAsync(p => p.ChildId == o.ChildId && p.EndDate == null, ct))
            errors[""] = "This child already has an open child in need plan: review it or close it first";
        if (errors.Count > 0) return ServiceResult<ChildInNeedPlan>.Fail(errors);

        var plan = plans.Add(o.ChildId, PlanKind.ChildInNeed, o.StartDate!.Value, o.Content, "Plan started", by, null);
        var now = clock.GetUtcNow().UtcDateTime;
        var cin = new ChildInNeedPlan
        {
            ChildId = o.ChildId, Plan = plan, StartDate = o.StartDate.Value, RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.ChildInNeedPlans.Add(cin);
        await InvolvementSpans.OpenAsync(db, o.ChildId, InvolvementKind.ChildInNeed, o.StartDate.Value, now, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildInNeedPlan>.Ok(cin);
    }

    /// Records a review (and, if given, the plan's new version). A stale base version throws
    /// DbUpdateConcurrencyException and nothing is saved.
    public async Task<ServiceResult<ChildInNeedPlanReview>> ReviewAsync(ReviewChildInNeedPlanOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.ChildInNeedPlanReviews.FirstOrDefaultAsync(r => r.SubmissionId == sid, ct) is { } earlier)
            return ServiceResult<ChildInNeedPlanReview>.Ok(earlier);
        var cin = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Plan).FirstAsync(p => p.Id == o.ChildInNeedPlanId, ct);
        var errors = new Dictionary<string, string>();
        if (o.NewContent is { } content) foreach (var (k, v) in PlanService.Validate(content)) errors[k] = v;
        if (!cin.IsOpen) errors[""] = "This plan has been closed and can no longer be reviewed";
        var last = cin.ReviewClockFrom;
        if (o.Date is not { } date) errors[nameof(o.Date)] = "Enter the date of the review";
        else if (date > Today) errors[nameof(o.Date)] = "Date of the review must be today or in the past";
        else if (date < last) errors[nameof(o.Date)] = $"Date of the review must be on or after {(cin.Reviews.Count == 0 ? "the start of the plan" : "the last review")}, {last:d MMMM yyyy}";
        if (string.IsNullOrWhiteSpace(o.Summary)) errors[nameof(o.Summary)] = "Enter what the review found: the progress towards each outcome";
        else if (o.Summary.Length > PlanService.MaxText) errors[nameof(o.Summary)] = $"The review's findings must be {PlanService.MaxText:N0} characters or fewer";
        if (o.Views is { Length: > PlanService.MaxText }) errors[nameof(o.Views)] = $"The child's and family's views must be {PlanService.MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<ChildInNeedPlanReview>.Fail(errors);

        int? versionNumber = null;
        if (o.NewContent is { } newContent)
            versionNumber = (await plans.AddVersionAsync(cin.Plan, o.BasePlanVersion, newContent, $"Review on {o.Date:d MMMM yyyy}", by, null, ct)).Number;
        else
        {
            // A review that leaves the plan as it is still settles the plan the reviewer read.
            db.Entry(cin.Plan).Property(p => p.Version).OriginalValue = o.BasePlanVersion;
            db.Entry(cin.Plan).State = EntityState.Modified;
        }
        var review = new ChildInNeedPlanReview
        {
            Date = o.Date!.Value, Summary = o.Summary!.Trim(), Views = AssessmentService.Blank(o.Views), PlanVersionNumber = versionNumber,
            NextReviewDue = settings.NextReviewDue(o.Date.Value), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        cin.Reviews.Add(review);
        foreach (var span in await db.Involvements.Where(i => i.ChildId == cin.ChildId && i.Kind == InvolvementKind.ChildInNeed && i.EndDate == null).ToListAsync(ct))
        {
            span.LastReviewDate = review.Date;
            span.ReviewsHeld++;
        }
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildInNeedPlanReview>.Ok(review);
    }

    public async Task<ServiceResult<ChildInNeedPlan>> CloseAsync(CloseChildInNeedPlanOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var cin = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Plan).FirstAsync(p => p.Id == o.ChildInNeedPlanId, ct);
        // The version first: a form read before someone else closed or changed the plan is a conflict
        // (the callers show what is saved now), not "already closed".
        if (cin.Version != o.Version) throw new DbUpdateConcurrencyException("The child in need plan changed since it was read");
        var errors = new Dictionary<string, string>();
        if (!cin.IsOpen) errors[""] = "This plan has already been closed";
        if (o.EndDate is not { } end) errors[nameof(o.EndDate)] = "Enter the date the plan ended";
        else if (end > Today) errors[nameof(o.EndDate)] = "End date must be today or in the past";
        else if (end < cin.ReviewClockFrom) errors[nameof(o.EndDate)] = $"End date must be on or after {cin.ReviewClockFrom:d MMMM yyyy}";
        if (o.Reason is not { } reason || !Enum.IsDefined(reason)) errors[nameof(o.Reason)] = "Select why the plan ended";
        else if (reason == ChildInNeedPlanClosureReason.Other && string.IsNullOrWhiteSpace(o.Note)) errors[nameof(o.Note)] = "Enter why the plan ended";
        if (o.Note is { Length: > PlanService.MaxText }) errors[nameof(o.Note)] = $"The note must be {PlanService.MaxText:N0} characters or fewer";
        if (errors.Count > 0) return ServiceResult<ChildInNeedPlan>.Fail(errors);

        db.Entry(cin).Property(p => p.Version).OriginalValue = o.Version;
        cin.EndDate = o.EndDate;
        cin.ClosureReason = o.Reason;
        cin.ClosureNote = AssessmentService.Blank(o.Note);
        cin.Plan.EndDate = o.EndDate;
        await InvolvementSpans.CloseAsync(db, cin.ChildId, InvolvementKind.ChildInNeed, o.EndDate!.Value, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<ChildInNeedPlan>.Ok(cin);
    }
}
