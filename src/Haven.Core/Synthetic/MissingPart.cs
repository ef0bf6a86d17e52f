using Haven.Core.Involvements;
using Haven.Core.Missing;

namespace Haven.Core.Synthetic;

/// Missing episodes and return home interviews over the last two years. Children in care aged 10
/// and over go missing at about the national rate (about 11% of all looked-after children a year, nearly all of them 10 or over;
/// national-statistics.md, CLA 2022), children at home with a plan at a lower one ("going
/// missing" is a factor in about 3% of assessments). A minority go missing again and again and
/// account for most episodes. Interviews are usually offered but often declined: take-up has
/// stalled, as the inspection found.
internal sealed class MissingPart : IBoroughPart
{
    public string Name => "Missing";

    private const double InCareYearly = 0.16;
    private const double AtHomeYearly = 0.035;
    private static readonly (int Hour, double Weight)[] StartHours = [(15, 2), (17, 3), (19, 4), (21, 5), (23, 3), (1, 1), (10, 1), (13, 1)];
    private static readonly string[] WhereFound = ["A friend's flat", "The bus station", "A park near home", "A fast food restaurant in the town centre",
        "An address in another borough", "The train station", "A relative's home", "Returned of their own accord"];
    private static readonly string[] Push = ["Arguments at home about curfew", "Does not like the placement", "Bullying at school", "Feels nobody listens to them"];
    private static readonly string[] Pull = ["Older friends who give them money and cannabis", "A boyfriend several years older", "Wanted to see their mum",
        "Asked to carry a bag for someone"];
    private static readonly string[] Indicators = ["Unexplained money and a new phone", "Travelled to another town by train", "Injury they would not explain", "None seen"];
    private static readonly string[] DeclinedWords = ["I don't want to talk about it", "Nothing happened, I was just out", "I'm tired of being asked the same things",
        "I only talk to my key worker"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var windowStart = today.AddYears(-2);
        var episodes = new List<MissingEpisode>();
        foreach (var child in context.Plan.Children)
        {
            if (child.Dob is not { } dob) continue;
            var spells = child.Spans.Where(s => s.Span.Kind is InvolvementKind.InCare or InvolvementKind.ChildInNeed or InvolvementKind.ChildProtection)
                .Select(s => (s.Span.Kind, From: Dates.Max(Dates.Max(s.Start, windowStart), dob.AddYears(10)), To: Dates.Min(s.Span.End ?? today, dob.AddYears(18))))
                .Where(s => s.From < s.To).ToList();
            if (spells.Count == 0) continue;
            var inCare = spells.Any(s => s.Kind == InvolvementKind.InCare);
            var years = spells.Sum(s => s.To.DayNumber - s.From.DayNumber) / 365.0;
            if (!rng.Chance(Math.Min(0.9, (inCare ? InCareYearly : AtHomeYearly) * years))) continue;

            // Most children who go missing do so once or twice; a minority go again and again.
            var count = rng.NextDouble() switch { < 0.6 => 1, < 0.8 => 2, _ => rng.Between(3, inCare ? 24 : 10) };
            var times = Enumerable.Range(0, count).Select(_ =>
            {
                var spell = rng.Pick(spells);
                var day = rng.DateBetween(spell.From, spell.To.AddDays(-1));
                return (spell.Kind, At: day.ToDateTime(new TimeOnly(rng.Weighted(StartHours), rng.Between(0, 59)), DateTimeKind.Utc));
            }).OrderBy(t => t.At).ToList();
            var lastEnd = DateTime.MinValue;
            foreach (var (kind, at) in times)
            {
                if (at <= lastEnd) continue;
                var away = rng.Chance(0.25);
                var hours = away ? rng.Between(2, 10) : rng.Chance(0.8) ? rng.Between(3, 30) : rng.Between(30, 120);
                var returned = at.AddHours(hours).AddMinutes(rng.Between(0, 59));
                var now = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                var stillMissing = returned > now;
                lastEnd = returned;
                var e = new MissingEpisode
                {
                    ChildId = child.Person.Id, Type = away ? MissingType.Away : MissingType.Missing,
                    From = kind == InvolvementKind.InCare ? MissingFrom.Care : MissingFrom.Home,
                    StartedAt = at, ReturnedAt = stillMissing ? null : returned,
                    WhereFrom = kind == InvolvementKind.InCare ? "Placement" : "Family home",
                    WhereFound = stillMissing ? null : rng.Pick(WhereFound),
                    PoliceReference = away ? null : $"MP/{at:yy}/{rng.Between(1000, 99999)}",
                    Risk = rng.Weighted([(MissingRisk.NoApparentRisk, 10), (MissingRisk.Low, 35), (MissingRisk.Medium, 45), (MissingRisk.High, 10.0)]),
                    RecordedAt = at.AddHours(2), RecordedByWorkerId = child.RecordedBy?.Id,
                };
                if (!stillMissing) e.Interview = Interview(rng, e, returned, now);
                episodes.Add(e);
            }
        }
        await context.Writer.SaveAsync(episodes);
    }

    /// About 90% of returns are offered an interview, most within 72 hours; about half of those
    /// offered accept, and most accepted interviews are held.
    private static ReturnHomeInterview? Interview(Random rng, MissingEpisode e, DateTime returned, DateTime now)
    {
        if (!rng.Chance(0.9)) return null;
        var offeredAt = returned.AddHours(rng.Chance(0.8) ? rng.Between(2, 70) : rng.Between(73, 200));
        if (offeredAt > now) return null;
        var response = rng.NextDouble() switch { < 0.5 => InterviewResponse.Accepted, < 0.9 => InterviewResponse.Declined, _ => InterviewResponse.NotYetKnown };
        var i = new ReturnHomeInterview
        {
            OfferedAt = offeredAt, OfferedBy = rng.Chance(0.75) ? "Return home interview service" : "Allocated social worker",
            Response = response, RecordedAt = offeredAt, Version = Guid.NewGuid(),
        };
        i.Independent = i.OfferedBy.StartsWith("Return", StringComparison.Ordinal);
        if (response == InterviewResponse.Declined && rng.Chance(0.6)) i.DeclinedReason = rng.Pick(DeclinedWords);
        if (response == InterviewResponse.Accepted && rng.Chance(0.9))
        {
            var held = offeredAt.AddHours(rng.Between(4, 96));
            if (held <= now)
            {
                i.CompletedAt = held;
                i.PushFactors = rng.Pick(Push);
                i.PullFactors = rng.Pick(Pull);
                i.PeopleAndPlaces = e.WhereFound;
                i.ExploitationIndicators = rng.Pick(Indicators);
                if (rng.Chance(0.7)) i.SharedAt = held.AddHours(rng.Between(1, 48));
            }
        }
        return i;
    }
}
