using Haven.Core.EarlyHelp;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Early help episodes from the EarlyHelp spans of each child's timeline, with an assessment, a
/// family plan, reviews about every six weeks and, once closed, an outcome. A span followed by a
/// social care chain that starts within a month is a step up (linked to that referral); a span that
/// starts within a month of a social care chain closing is a step down.
internal sealed class EarlyHelpPart : IBoroughPart
{
    public string Name => "EarlyHelp";

    private static readonly (EarlyHelpOutcome Outcome, double Weight)[] Outcomes =
    [
        (EarlyHelpOutcome.NeedsMet, 72), (EarlyHelpOutcome.ConsentWithdrawn, 14), (EarlyHelpOutcome.MovedAway, 6), (EarlyHelpOutcome.Other, 8),
    ];

    private static readonly string[] PlanActions =
    [
        "Agree a morning routine and school run plan", "Attend the parenting course at the family hub", "Referral to the school nurse for sleep advice",
        "Apply for help with housing costs", "Book a debt advice appointment", "Join the young carers' group", "Weekly check-in with the lead practitioner",
        "Speech and language assessment", "Attend the dads' group", "Set up a school attendance plan",
    ];

    private static readonly (int Rating, double Weight)[] Ratings = [(5, 46), (4, 34), (3, 12), (2, 5), (1, 3)];

    private static readonly string[] Comments =
    [
        "Sam listened to us and did what they said they would.", "The parenting course really helped with bedtimes.",
        "It was good to have one person who knew everything.", "Meetings were at times we could make.", "We felt less on our own.",
        "Things took a long time to get going.", "The school and the worker talked to each other, which helped.",
        "I would have liked more help with the debts.", "My son liked the young carers' group.", "Clear about what would happen next.",
    ];

    /// About a third of the assessments and reviews get a feedback link; most families answer, mostly 4 or 5.
    private static void AddFeedback(EarlyHelpEpisode episode, DateOnly until, DateOnly today, Random rng)
    {
        var activities = new List<(string Activity, DateOnly On)>();
        if (episode.AssessmentCompletedOn is { } a) activities.Add(($"Early help assessment ({a:d MMMM yyyy})", a));
        activities.AddRange(episode.Reviews.Select(r => ($"Review on {r.HeldOn:d MMMM yyyy}", r.HeldOn)));
        foreach (var (activity, on) in activities)
        {
            if (!rng.Chance(0.35)) continue;
            var created = new DateTime(on, new TimeOnly(16, 0), DateTimeKind.Utc);
            var feedback = new EarlyHelpFeedback
            {
                Activity = activity, CreatedAt = created, ExpiresAt = created + FeedbackRules.LinkLifetime,
                // A hash of a token no one holds: a generated link can never be opened.
                TokenHash = Haven.Core.Api.ApiToken.Hash(FeedbackRules.NewToken()),
            };
            var answeredOn = on.AddDays(rng.Between(0, 14));
            if (answeredOn <= until && answeredOn <= today && rng.Chance(0.7))
            {
                feedback.SubmittedAt = new DateTime(answeredOn, new TimeOnly(20, 0), DateTimeKind.Utc);
                feedback.Rating = rng.Weighted(Ratings);
                feedback.Comment = rng.Chance(0.45) ? rng.Pick(Comments) : null;
            }
            episode.Feedback.Add(feedback);
        }
    }

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var referrals = (await context.Writer.Db.Referrals.AsNoTracking()
                .Select(r => new { r.Id, r.ChildId, r.ReferralDate, r.ClosureDate }).ToListAsync(context.CancellationToken))
            .ToLookup(r => r.ChildId);
        var episodes = new List<EarlyHelpEpisode>();
        foreach (var child in context.Plan.Children)
        {
            foreach (var span in child.Spans.Where(s => s.Span.Kind == InvolvementKind.EarlyHelp))
            {
                var start = span.Start;
                var end = span.Span.End;
                var own = referrals[child.Person.Id].ToList();
                // The timelines leave at least two weeks between chains: a referral within a month of early help
                // ending is read as its step up, and early help within a month of a referral closing as a step down.
                var stepUp = end is { } e ? own.FirstOrDefault(r => r.ReferralDate.DayNumber - e.DayNumber is >= 0 and <= 31) : null;
                var stepDown = own.FirstOrDefault(r => r.ClosureDate is { } c && start.DayNumber - c.DayNumber is >= 0 and <= 31);
                var holder = child.Group.Social.LastOrDefault(a => a.Start <= start && a.Worker is not null);
                var partner = child.School is not null && rng.Chance(0.4);
                var episode = new EarlyHelpEpisode
                {
                    ChildId = child.Person.Id, StartDate = start,
                    LeadPractitioner = partner ? child.School!.Contact : holder?.Worker?.DisplayName ?? "Family help practitioner",
                    LeadAgency = partner ? child.School!.Name : holder?.Team?.Name ?? "Family help team", LeadIsPartnerAgency = partner,
                    SteppedDownFromReferralId = stepDown?.Id, SteppedUpReferralId = stepUp?.Id,
                    RecordedAt = new DateTime(start, new TimeOnly(11, 0), DateTimeKind.Utc), RecordedByWorkerId = holder?.Worker?.Id,
                    Version = Guid.NewGuid(),
                };
                var assessed = start.AddDays(rng.Between(7, 30));
                if (assessed <= (end ?? today))
                {
                    episode.AssessmentCompletedOn = assessed;
                    episode.AssessmentCompletedBy = episode.LeadAgency;
                    episode.AssessmentSummary = "Strengths and needs agreed with the family; plan to follow.";
                    for (var i = rng.Between(2, 4); i > 0; i--)
                    {
                        var due = assessed.AddDays(rng.Between(14, 70));
                        episode.Actions.Add(new EarlyHelpPlanAction
                        {
                            Description = rng.Pick(PlanActions), Owner = rng.Chance(0.5) ? "Parent" : episode.LeadPractitioner, DueOn = due,
                            CompletedOn = due <= (end ?? today) && rng.Chance(0.8) ? due.AddDays(-rng.Between(0, 10)) : null,
                        });
                    }
                    for (var review = assessed.AddDays(42); review <= (end ?? today); review = review.AddDays(42))
                        episode.Reviews.Add(new EarlyHelpReview { HeldOn = review, Summary = "Progress reviewed with the family.", RecordedAt = new DateTime(review, new TimeOnly(15, 0), DateTimeKind.Utc) });
                }
                AddFeedback(episode, end ?? today, today, rng);
                if (end is { } closed)
                {
                    episode.ClosedOn = closed;
                    episode.Outcome = stepUp is not null ? EarlyHelpOutcome.SteppedUpToSocialCare : rng.Weighted(Outcomes);
                }
                episodes.Add(episode);
            }
        }
        await context.Writer.SaveAsync(episodes);
    }
}
