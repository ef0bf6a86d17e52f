using Haven.Core.Homelessness;
using Haven.Core.Involvements;

namespace Haven.Core.Synthetic;

/// Homelessness assessments of 16- and 17-year-olds over the last two years: about four a year
/// per 3,000 children, drawn from young people who were 16 or 17 then (those known to social care
/// more likely). Most have the options step done and understood; a few spent nights in bed and
/// breakfast, which shows as a breach.
internal sealed class HomelessnessPart : IBoroughPart
{
    public string Name => "Homelessness";

    private const double PerYearPer3000 = 4;
    private static readonly string[] StayingNow = ["Sofa surfing at a friend's flat", "Slept at the bus station last night", "At a friend's house for a few nights",
        "With an older boyfriend", "Asked to leave home after an argument, nowhere tonight", "Staying with an aunt, who cannot keep them"];
    private static readonly string[] Words = ["I just want somewhere safe to sleep", "I don't want to be in care, I want help with a flat",
        "I want to stay at my nan's if she gets some help", "I want a social worker and a proper place to live", "I need time to think but I'll take the lodgings for now"];
    private static readonly (HomelessDecision Decision, double Weight)[] Decisions = [(HomelessDecision.ChildInNeedSupport, 55), (HomelessDecision.Section20, 35), (HomelessDecision.Other, 10)];
    private static readonly (OptionsExplainedHow How, double Weight)[] Hows = [(OptionsExplainedHow.InPerson, 70), (OptionsExplainedHow.EasyRead, 12),
        (OptionsExplainedHow.WithInterpreter, 8), (OptionsExplainedHow.WithAdvocate, 10)];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var windowStart = today.AddYears(-2);
        var candidates = new List<(ChildPlan Child, DateOnly From, DateOnly To, double Weight)>();
        foreach (var child in context.Plan.Children)
        {
            if (child.Dob is not { } dob) continue;
            var from = Dates.Max(windowStart, dob.AddYears(16));
            var to = Dates.Min(today.AddDays(-1), dob.AddYears(18).AddDays(-1));
            if (from >= to) continue;
            var known = child.Spans.Any(s => s.Span.Kind is InvolvementKind.ChildInNeed or InvolvementKind.Assessment or InvolvementKind.ChildProtection);
            var inCare = child.Spans.Any(s => s.Span.Kind == InvolvementKind.InCare && s.Start <= to && (s.Span.End ?? today) >= from);
            if (inCare) continue;
            candidates.Add((child, from, to, known ? 3 : 1));
        }
        var wanted = (int)Math.Round(PerYearPer3000 * 2 * context.Plan.Children.Count / 3000.0);
        var chosen = new List<(ChildPlan Child, DateOnly From, DateOnly To, double Weight)>();
        while (chosen.Count < wanted && candidates.Count > 0)
        {
            var pick = rng.Weighted(candidates.Select(c => (c, c.Weight)).ToArray());
            candidates.Remove(pick);
            chosen.Add(pick);
        }

        var assessments = new List<HomelessnessAssessment>();
        foreach (var (child, from, to, _) in chosen)
        {
            var presented = rng.DateBetween(from, to);
            var holder = child.Group.Social.LastOrDefault(a => a.Start <= presented && a.Worker is not null);
            var a = new HomelessnessAssessment
            {
                ChildId = child.Person.Id, PresentedOn = presented, StayingNow = rng.Pick(StayingNow),
                RecordedAt = new DateTime(presented, new TimeOnly(14, 0), DateTimeKind.Utc), RecordedByWorkerId = holder?.Worker?.Id, Version = Guid.NewGuid(),
            };
            var day = presented;
            if (rng.Chance(0.12))
            {
                var nights = rng.Between(1, 6);
                a.Stays.Add(new TemporaryAccommodation { Type = AccommodationType.BedAndBreakfast, Address = "Station Hotel, London Road", From = day, To = Dates.Min(day.AddDays(nights), today), RecordedAt = a.RecordedAt });
                day = day.AddDays(nights);
            }
            if (day < today && rng.Chance(0.6))
                a.Stays.Add(new TemporaryAccommodation
                {
                    Type = rng.Chance(0.6) ? AccommodationType.SupportedLodgings : AccommodationType.EmergencyFosterPlacement, Address = "Supported lodgings, Elm Road",
                    From = day, To = day.AddDays(28) < today ? day.AddDays(28) : null, RecordedAt = a.RecordedAt,
                });
            var explained = presented.AddDays(rng.Between(0, 5));
            if (explained < today && rng.Chance(0.85))
            {
                a.OptionsExplainedOn = explained;
                a.ExplainedHow = rng.Weighted(Hows);
                a.SaidTheyUnderstood = rng.Chance(0.93);
                a.AdvocateOffered = rng.Chance(0.8);
                a.AdvocateTakenUp = a.AdvocateOffered == true && rng.Chance(0.45);
                a.AdvocateName = a.AdvocateTakenUp == true ? "Independent advocacy service" : null;
                a.Decision = rng.Weighted(Decisions);
                a.DecisionInOwnWords = rng.Pick(Words);
            }
            var closed = presented.AddDays(rng.Between(20, 60));
            if (closed < today)
            {
                a.ClosedOn = closed;
                a.Outcome = a.Decision switch
                {
                    HomelessDecision.Section20 => HomelessOutcome.LookedAfterSection20,
                    HomelessDecision.ChildInNeedSupport => rng.Chance(0.5) ? HomelessOutcome.ChildInNeedSupport : HomelessOutcome.SupportedHousing,
                    _ => rng.Chance(0.5) ? HomelessOutcome.ReturnedHome : HomelessOutcome.LivingWithFamilyOrFriends,
                };
            }
            assessments.Add(a);
        }
        await context.Writer.SaveAsync(assessments);
    }
}
