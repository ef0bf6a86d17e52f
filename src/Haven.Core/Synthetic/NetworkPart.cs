using Haven.Core.Involvements;
using Haven.Core.Networks;

namespace Haven.Core.Synthetic;

/// Networks and associations among the borough's adolescents: a small share of 11 to 17 year
/// olds known to social care are linked to each other (often through the same school), some to
/// adults of concern and to places, a few of which are known risks. Links begin and some end, so
/// both current and past associations exist.
internal sealed class NetworkPart : IBoroughPart
{
    public string Name => "Networks";

    private static readonly (PlaceKind Kind, string[] Names)[] PlaceNames =
    [
        (PlaceKind.Park, ["Recreation ground", "Riverside park", "Skate park", "Common"]),
        (PlaceKind.TransportHub, ["Bus station", "Railway station", "Tram stop", "Underground station"]),
        (PlaceKind.Shop, ["Chicken shop on the high street", "Late-night off licence", "Shopping centre food court"]),
        (PlaceKind.Address, ["Flat above the launderette", "Block on the estate", "House share near the ring road"]),
    ];
    private static readonly string[] Sources = ["Return home interview", "Police intelligence", "School", "Youth offending service", "Family", "Residential staff"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var adolescents = context.Plan.Children.Where(c => c.Dob is { } d && c.AgeOn(today) is >= 11 and <= 17
            && c.Spans.Any(s => s.Span.Kind is InvolvementKind.ChildInNeed or InvolvementKind.ChildProtection or InvolvementKind.InCare
                && (s.Span.End is null || s.Span.End >= today.AddYears(-2)))).ToList();
        if (adolescents.Count == 0) return;

        var places = new List<Place>();
        var placeCount = Math.Max(4, adolescents.Count / 15);
        for (var i = 0; i < placeCount; i++)
        {
            var (kind, names) = rng.Pick(PlaceNames);
            places.Add(new Place { Name = $"{rng.Pick(names)} {i + 1}", Kind = kind, IsOfConcern = rng.Chance(0.2) });
        }
        await context.Writer.SaveAsync(places);

        var adults = context.Plan.Adults.Where(a => a.Person.DateOfBirth is { } d && Dates.AgeOn(d, today) is >= 18 and <= 40).ToList();
        var adultsOfConcern = Enumerable.Range(0, Math.Max(2, adolescents.Count / 40)).Select(_ => rng.Pick(adults)).Distinct().ToList();
        var bySchool = adolescents.Where(c => c.School is not null).GroupBy(c => c.School!.Name).ToDictionary(g => g.Key, g => g.ToList());
        var links = new List<Association>();
        var now = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        foreach (var child in adolescents)
        {
            if (!rng.Chance(0.35)) continue;
            var pool = child.School is { } s && bySchool.TryGetValue(s.Name, out var mates) && mates.Count > 1 && rng.Chance(0.6) ? mates : adolescents;
            for (var n = rng.Between(1, 4); n > 0; n--)
            {
                var other = rng.Pick(pool);
                if (other == child) continue;
                links.Add(Link(rng, child, AssociationKind.YoungPerson, other.Person.Id, null, today, now));
            }
            if (rng.Chance(0.5)) links.Add(Link(rng, child, AssociationKind.Place, null, rng.Pick(places).Id, today, now));
            if (rng.Chance(0.15) && adultsOfConcern.Count > 0) links.Add(Link(rng, child, AssociationKind.AdultOfConcern, rng.Pick(adultsOfConcern).Person.Id, null, today, now));
        }
        await context.Writer.BulkAsync(links);
    }

    private static Association Link(Random rng, ChildPlan child, AssociationKind kind, int? personId, int? placeId, DateOnly today, DateTime now)
    {
        var start = rng.DateBetween(today.AddYears(-2), today);
        var ended = rng.Chance(0.35) ? rng.DateBetween(start, today) : (DateOnly?)null;
        return new Association
        {
            ChildId = child.Person.Id, Kind = kind, OtherPersonId = personId, PlaceId = placeId, StartDate = start, EndDate = ended,
            Source = rng.Pick(Sources), RecordedAt = now, RecordedByWorkerId = child.RecordedBy?.Id, Version = Guid.NewGuid(),
        };
    }
}
