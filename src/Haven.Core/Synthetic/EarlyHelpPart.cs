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
