using Haven.Core.Assessments;
using Haven.Core.Calendar;
using Haven.Core.ChildProtection;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Assessments, strategy discussions and section 47 enquiries, derived from the timelines: one
/// assessment for each Assessment span, linked to the child's referral of the same chain; a
/// strategy discussion, section 47 and initial conference before every child protection plan; and
/// enough further enquiries that end without a plan to match England's rates (national-statistics.md:
/// ICPC ≈ 31% of section 47s, plans ≈ 86% of ICPCs, 81.4% of ICPCs within 15 working days).
internal sealed class HelpAndProtectionPart : IBoroughPart
{
    public string Name => "Help and protection";

    // Factors identified at assessment, England 2025 (CIN census C3): share of assessments with each.
    private static readonly (string Code, double Share)[] Factors =
    [
        ("4B", 0.335), ("3B", 0.317), ("17A", 0.19), ("4A", 0.176), ("16A", 0.176), ("20", 0.163), ("1B", 0.143), ("2B", 0.141),
        ("5A", 0.123), ("18C", 0.12), ("3A", 0.113), ("14A", 0.07), ("15A", 0.05), ("10A", 0.033), ("24A", 0.032), ("11A", 0.024),
        ("13A", 0.017), ("9A", 0.012), ("8F", 0.004), ("22A", 0.002),
    ];

    private static readonly Dictionary<string, string> AbuseFactor = new()
    {
        ["neglect"] = "16A", ["emotional abuse"] = "17A", ["physical abuse"] = "18C", ["sexual abuse"] = "19C", ["multiple categories"] = "16A",
    };

    private static readonly string[] PoliceNames = ["DC Sam Patel", "DS Ruth Adeyemi", "DC Owen Hughes", "DS Priya Shah"];
    private static readonly string[] HealthNames = ["Named nurse Grace Oduya", "Dr Helen Marsh", "Health visitor Jo Bright", "School nurse Amy Lin"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var referrals = await context.Writer.Db.Referrals.AsNoTracking()
            .Select(r => new { r.Id, r.ChildId, r.ReferralDate }).ToListAsync(context.CancellationToken);
        var referralId = referrals.ToDictionary(r => (r.ChildId, r.ReferralDate), r => r.Id);

        var chains = context.Plan.Children
            .SelectMany(child => ReferralPart.Chains(child.Spans).Select(chain => (Child: child, Chain: chain)))
            .Where(x => referralId.ContainsKey((x.Child.Person.Id, x.Chain[0].Start)))
            .ToList();
        var withPlan = chains.Count(x => x.Chain.Any(s => s.Span.Kind == InvolvementKind.ChildProtection));
        var without = chains.Count - withPlan;
        // Per plan: 1/0.86 ICPCs and 1/(0.86 × 0.31) ≈ 3.75 enquiries, so ≈ 2.75 more that lead to no plan.
        var extraEnquiryChance = without == 0 ? 0 : Math.Min(1, 2.75 * withPlan / without);

        var assessments = new List<Assessment>();
        var discussions = new List<StrategyDiscussion>();
        var enquiries = new List<Section47Enquiry>();
        foreach (var (child, chain) in chains)
        {
            var referralDate = chain[0].Start;
            var rid = referralId[(child.Person.Id, referralDate)];
            var segment = child.Group.Social.FirstOrDefault(s => s.Start <= referralDate.AddDays(30));
            var worker = segment?.Worker ?? child.RecordedBy;
            int? manager = segment?.Team is { } team && context.Plan.ManagerOf.TryGetValue(team, out var m) ? m.Id : null;
            for (var i = 0; i < chain.Count; i++)
            {
                var span = chain[i];
                if (span.Span.Kind != InvolvementKind.Assessment) continue;
                var next = i + 1 < chain.Count ? chain[i + 1].Span.Kind : (InvolvementKind?)null;
                var end = span.Span.End;
                var outcome = next switch
                {
                    InvolvementKind.ChildInNeed => AssessmentOutcome.ChildInNeedPlan,
                    InvolvementKind.ChildProtection or InvolvementKind.InCare => AssessmentOutcome.StrategyDiscussion,
                    _ => rng.Chance(0.25) ? AssessmentOutcome.EarlyHelp : AssessmentOutcome.NoFurtherAction,
                };
                var seen = end is { } e && child.Person.DateOfBirth is not null ? rng.DateBetween(span.Start, Min(e, span.Start.AddDays(10))) : (DateOnly?)null;
                var assessment = new Assessment
                {
                    ChildId = child.Person.Id, ReferralId = rid, StartDate = span.Start, DueDate = Timescales.Assessment.DueFrom(referralDate, calendar),
                    AuthorisedDate = end, Outcome = end is null ? null : outcome, AuthorisedByWorkerId = end is null ? null : manager,
                    ChildSeenDate = seen ?? (end is null && child.Person.DateOfBirth is not null && rng.Chance(0.7) ? span.Start.AddDays(Math.Min(3, context.Today.DayNumber - span.Start.DayNumber)) : null),
                    RecordedAt = new DateTime(span.Start, new TimeOnly(11, 0), DateTimeKind.Utc), RecordedByWorkerId = worker?.Id,
                };
                if (assessment.ChildSeenDate is { } s && child.AgeOn(s) >= 5 && rng.Chance(0.75)) assessment.ChildSeenAloneDate = s;
                if (end is not null) assessment.Factors = PickFactors(rng, outcome, child.Group.CategoryOfAbuse).Select(c => new AssessmentFactor { Code = c }).ToList();
                assessments.Add(assessment);
            }

            var plan = chain.FirstOrDefault(s => s.Span.Kind == InvolvementKind.ChildProtection);
            var firstAssessment = chain.FirstOrDefault(s => s.Span.Kind == InvolvementKind.Assessment);
            if (plan is not null)
            {
                // Working days from the strategy discussion to the ICPC (CIN census C4): 0–10 8.7%, 11–15 72.7%,
                // later 18.6%. The late band is drawn more often because a discussion cannot come before the
                // referral, and for short assessments the clamp below pulls many late ones back in time.
                var days = rng.Weighted<(int, int)>([((5, 10), 8.7), ((11, 15), 66), ((16, 22), 28)]);
                var date = calendar.AddWorkingDays(plan.Start, -rng.Between(days.Item1, days.Item2));
                if (date < referralDate) date = referralDate;
                var (discussion, enquiry) = Enquiry(rng, child.Person.Id, rid, date, worker?.Id, calendar);
                enquiry.Outcome = Section47Outcome.ConferenceRequired;
                enquiry.CompletedDate = Min(plan.Start, calendar.AddWorkingDays(date, rng.Between(5, 10)));
                enquiry.InitialConferenceDate = plan.Start;
                enquiry.OutcomeSummary = "Concerns substantiated; the child is at continuing risk of significant harm.";
                discussions.Add(discussion);
                enquiries.Add(enquiry);
            }
            else if (firstAssessment is { Span.End: { } assessed } && rng.Chance(extraEnquiryChance))
            {
                var date = rng.DateBetween(firstAssessment.Start, Min(assessed, firstAssessment.Start.AddDays(7)));
                var (discussion, enquiry) = Enquiry(rng, child.Person.Id, rid, date, worker?.Id, calendar);
                var completed = calendar.AddWorkingDays(date, rng.Between(3, 15));
                // An episode that has closed closed with its enquiry finished (CIN census rule 8868),
                // and with its conference held: a conference after the closure falls outside the
                // episode (at a year's end, outside the census too, and 8868 finds neither).
                var closed = chain.All(s => s.Span.End is not null) ? chain[^1].Span.End : null;
                if (closed is { } c && completed > c) completed = c;
                enquiry.CompletedDate = completed > context.Today ? null : completed;
                if (enquiry.CompletedDate is not null)
                {
                    // About one enquiry in 17 without a plan still goes to a conference that decides against one.
                    enquiry.Outcome = rng.Chance(0.06) ? Section47Outcome.ConferenceRequired : rng.Chance(0.5) ? Section47Outcome.SubstantiatedNoConference : Section47Outcome.NotSubstantiated;
                    enquiry.OutcomeSummary = enquiry.Outcome == Section47Outcome.NotSubstantiated ? "Concerns not substantiated." : "Concerns substantiated; support offered.";
                    if (enquiry.Outcome == Section47Outcome.ConferenceRequired)
                        enquiry.InitialConferenceDate = Min(Min(context.Today, closed ?? DateOnly.MaxValue), calendar.AddWorkingDays(date, rng.Between(10, 18)));
                }
                discussions.Add(discussion);
                enquiries.Add(enquiry);
            }
        }

        await context.Writer.SaveAsync(assessments);
        // Saving an enquiry saves the discussion and its participants with it.
        await context.Writer.SaveAsync(enquiries);
        // An episode with a section 47 enquiry did not close "after assessment" (RC8/RC9 carry no
        // later activity, CIN census rule 2990): it closed because services ended (RC7).
        var withEnquiry = enquiries.Select(e => e.ReferralId).Distinct().ToList();
        await context.Writer.Db.Referrals
            .Where(r => withEnquiry.Contains(r.Id) && (r.ReasonForClosureCode == "RC8" || r.ReasonForClosureCode == "RC9"))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReasonForClosureCode, "RC7"), context.CancellationToken);
    }

    private static (StrategyDiscussion, Section47Enquiry) Enquiry(Random rng, int childId, int referralId, DateOnly date, int? workerId, WorkingDayCalendar calendar)
    {
        var discussion = new StrategyDiscussion
        {
            ChildId = childId, ReferralId = referralId, Date = date, StartSection47 = true,
            Concerns = "Concerns that the child has suffered, or is likely to suffer, significant harm.",
            ImmediateSafetyPlan = rng.Chance(0.6) ? "Child to stay with a relative while the enquiry takes place; no unsupervised contact." : null,
            Participants =
            [
                new StrategyParticipant { Agency = PartnerAgency.Police, Name = rng.Pick(PoliceNames), Role = "Child abuse investigation team" },
                new StrategyParticipant { Agency = PartnerAgency.Health, Name = rng.Pick(HealthNames), Role = "Safeguarding" },
                new StrategyParticipant { Agency = PartnerAgency.Education, Name = "Designated safeguarding lead", Role = "School" },
            ],
            RecordedAt = new DateTime(date, new TimeOnly(15, 0), DateTimeKind.Utc), RecordedByWorkerId = workerId,
        };
        var enquiry = new Section47Enquiry
        {
            ChildId = childId, ReferralId = referralId, StrategyDiscussion = discussion, StartDate = date,
            InitialConferenceDue = Timescales.InitialChildProtectionConference.DueFrom(date, calendar),
        };
        return (discussion, enquiry);
    }

    private static IEnumerable<string> PickFactors(Random rng, AssessmentOutcome outcome, string? category)
    {
        var codes = Factors.Where(f => rng.Chance(f.Share)).Select(f => f.Code).ToList();
        if (outcome == AssessmentOutcome.StrategyDiscussion && category is not null && AbuseFactor.TryGetValue(category, out var abuse) && !codes.Contains(abuse))
            codes.Add(abuse);
        if (codes.Count == 0)
            codes.Add(outcome is AssessmentOutcome.NoFurtherAction or AssessmentOutcome.EarlyHelp && rng.Chance(0.5) ? HelpAndProtectionCodes.NoFactors : "20");
        return codes;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
