using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.EarlyHelp;

public sealed record StartEarlyHelpOptions(int ChildId, DateOnly? StartDate, string? LeadPractitioner, string? LeadAgency, bool LeadIsPartnerAgency,
    int? SteppedDownFromReferralId = null);

public sealed record CloseEarlyHelpOptions(DateOnly? ClosedOn, EarlyHelpOutcome? Outcome, string? Notes);

public static class EarlyHelpRules
{
    public const int MaxText = 10_000;

    /// The CIN census referral source for a referral from early help (codes/cin_referral_source.csv: 5D, "Early help").
    public const string StepUpReferralSource = "5D";

    public static IEnumerable<(string Field, string Message)> Validate(StartEarlyHelpOptions o, DateOnly today)
    {
        if (o.StartDate is null) yield return ("StartDate", "Enter the date early help started");
        else if (o.StartDate > today) yield return ("StartDate", "Start date must be today or in the past");
        else if (o.StartDate.Value.Year < 2000) yield return ("StartDate", "Start date must be after 2000");
        if (string.IsNullOrWhiteSpace(o.LeadPractitioner)) yield return ("LeadPractitioner", "Enter the lead practitioner's name");
        else if (o.LeadPractitioner.Length > 200) yield return ("LeadPractitioner", "Lead practitioner must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(o.LeadAgency)) yield return ("LeadAgency", "Enter the lead practitioner's organisation");
        else if (o.LeadAgency.Length > 200) yield return ("LeadAgency", "Organisation must be 200 characters or fewer");
    }

    public static IEnumerable<(string Field, string Message)> Validate(CloseEarlyHelpOptions o, DateOnly start, DateOnly today)
    {
        if (o.ClosedOn is null) yield return ("ClosedOn", "Enter the date the episode closed");
        else if (o.ClosedOn < start) yield return ("ClosedOn", "Closing date must be on or after the start date");
        else if (o.ClosedOn > today) yield return ("ClosedOn", "Closing date must be today or in the past");
        if (o.Outcome is null || !Enum.IsDefined(o.Outcome.Value)) yield return ("Outcome", "Select the outcome");
        if (o.Notes is { Length: > MaxText }) yield return ("ClosureNotes", "Notes must be 10,000 characters or fewer");
    }
}

/// Starts, records and closes early help episodes. Each change is one save: the episode, the
/// child's EarlyHelp involvement and, on a step up, the new referral are written together.
public sealed class EarlyHelpService(HavenDbContext db, TimeProvider clock)
{
    public async Task<(EarlyHelpEpisode? Episode, IReadOnlyList<(string Field, string Message)> Errors)> StartAsync(StartEarlyHelpOptions o, CurrentWorker? by, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = EarlyHelpRules.Validate(o, today).ToList();
        if (await db.EarlyHelpEpisodes.AnyAsync(e => e.ChildId == o.ChildId && e.ClosedOn == null, ct))
            errors.Add(("StartDate", "This child already has an open early help episode"));
        if (o.SteppedDownFromReferralId is { } rid && !await db.Referrals.AnyAsync(r => r.Id == rid && r.ChildId == o.ChildId, ct))
            errors.Add(("SteppedDownFromReferralId", "Select one of this child's referrals"));
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var episode = new EarlyHelpEpisode
        {
            ChildId = o.ChildId, StartDate = o.StartDate!.Value, LeadPractitioner = o.LeadPractitioner!.Trim(), LeadAgency = o.LeadAgency!.Trim(),
            LeadIsPartnerAgency = o.LeadIsPartnerAgency, SteppedDownFromReferralId = o.SteppedDownFromReferralId, RecordedAt = now, RecordedByWorkerId = by?.WorkerId,
        };
        db.EarlyHelpEpisodes.Add(episode);
        db.Involvements.Add(new Involvement { ChildId = o.ChildId, Kind = InvolvementKind.EarlyHelp, StartDate = episode.StartDate, RecordedAt = now });
        await db.SaveChangesAsync(ct);
        return (episode, []);
    }

    public async Task RecordAssessmentAsync(int episodeId, Guid version, DateOnly completedOn, string completedBy, string summary, CancellationToken ct = default)
    {
        var e = await db.EarlyHelpEpisodes.FirstAsync(x => x.Id == episodeId, ct);
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        e.AssessmentCompletedOn = completedOn;
        e.AssessmentCompletedBy = completedBy.Trim();
        e.AssessmentSummary = summary.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task AddActionAsync(int episodeId, string description, string owner, DateOnly dueOn, CancellationToken ct = default)
    {
        db.EarlyHelpPlanActions.Add(new EarlyHelpPlanAction { EpisodeId = episodeId, Description = description.Trim(), Owner = owner.Trim(), DueOn = dueOn });
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteActionAsync(int episodeId, int actionId, DateOnly on, CancellationToken ct = default)
    {
        var a = await db.EarlyHelpPlanActions.FirstAsync(x => x.Id == actionId && x.EpisodeId == episodeId, ct);
        a.CompletedOn ??= on;
        await db.SaveChangesAsync(ct);
    }

    public async Task AddReviewAsync(int episodeId, DateOnly heldOn, string summary, CancellationToken ct = default)
    {
        db.EarlyHelpReviews.Add(new EarlyHelpReview { EpisodeId = episodeId, HeldOn = heldOn, Summary = summary.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    /// Closes the episode and the child's EarlyHelp involvement; a step up also opens the referral
    /// to children's social care (source 5D), marked as a re-referral if within 12 months of the last.
    public async Task<Referral?> CloseAsync(int episodeId, Guid version, CloseEarlyHelpOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var e = await db.EarlyHelpEpisodes.FirstAsync(x => x.Id == episodeId, ct);
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        var closedOn = o.ClosedOn!.Value;
        e.ClosedOn = closedOn;
        e.Outcome = o.Outcome!.Value;
        e.ClosureNotes = string.IsNullOrWhiteSpace(o.Notes) ? null : o.Notes.Trim();
        var involvement = await db.Involvements.Where(i => i.ChildId == e.ChildId && i.Kind == InvolvementKind.EarlyHelp && i.EndDate == null)
            .OrderByDescending(i => i.StartDate).FirstOrDefaultAsync(ct);
        if (involvement is not null) involvement.EndDate = closedOn;

        Referral? referral = null;
        if (e.Outcome == EarlyHelpOutcome.SteppedUpToSocialCare)
        {
            var previous = await db.Referrals.Where(r => r.ChildId == e.ChildId && r.ReferralDate < closedOn)
                .OrderByDescending(r => r.ReferralDate).Select(r => (DateOnly?)r.ReferralDate).FirstOrDefaultAsync(ct);
            referral = new Referral
            {
                ChildId = e.ChildId, ReferralDate = closedOn, SourceCode = EarlyHelpRules.StepUpReferralSource,
                IsReReferral = previous is { } p && Referral.IsWithinTwelveMonths(p, closedOn),
                RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId,
            };
            db.Referrals.Add(referral);
            e.SteppedUpReferralId = null;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (referral is not null)
        {
            e.SteppedUpReferralId = referral.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return referral;
    }
}
