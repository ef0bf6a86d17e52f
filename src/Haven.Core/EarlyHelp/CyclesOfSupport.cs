namespace Haven.Core.EarlyHelp;

public sealed record EpisodeSpan(int ChildId, DateOnly Start, DateOnly? End);

/// How many cycles of early help each family has had. A family is a set of children joined by
/// sibling relationships; siblings' episodes that overlap in time are one cycle of support for the
/// family, and a new cycle starts when help begins again after every episode had closed.
public static class CyclesOfSupport
{
    /// Cycles per family (keyed by the family's lowest child id), for families with at least one episode.
    public static IReadOnlyDictionary<int, int> PerFamily(IEnumerable<EpisodeSpan> episodes, IEnumerable<(int A, int B)> siblingPairs)
    {
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            if (!parent.TryGetValue(x, out var p)) { parent[x] = x; return x; }
            if (p == x) return x;
            var root = Find(p);
            parent[x] = root;
            return root;
        }
        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        foreach (var (a, b) in siblingPairs) Union(a, b);

        var result = new Dictionary<int, int>();
        foreach (var family in episodes.GroupBy(e => Find(e.ChildId)))
        {
            var cycles = 0;
            DateOnly? coveredTo = null;
            var open = false;
            foreach (var e in family.OrderBy(e => e.Start))
            {
                if (cycles == 0 || (!open && e.Start > coveredTo)) cycles++;
                if (e.End is null) open = true;
                else if (coveredTo is null || e.End > coveredTo) coveredTo = e.End;
            }
            result[family.Key] = cycles;
        }
        return result;
    }

    /// Families by number of cycles: 1, 2, and "3 or more".
    public static (int One, int Two, int ThreeOrMore) Distribution(IReadOnlyDictionary<int, int> perFamily) =>
        (perFamily.Values.Count(v => v == 1), perFamily.Values.Count(v => v == 2), perFamily.Values.Count(v => v >= 3));
}

/// Cycles of support across the borough, from the recorded episodes and sibling relationships.
public static class EarlyHelpFigures
{
    public static async Task<(int Families, int One, int Two, int ThreeOrMore)> CyclesAsync(Haven.Core.Data.HavenDbContext db, CancellationToken ct = default)
    {
        var episodes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.EarlyHelpEpisodes.Select(e => new EpisodeSpan(e.ChildId, e.StartDate, e.ClosedOn)), ct);
        var siblings = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Relationships.Where(r => r.Type == Haven.Core.People.RelationshipType.Sibling || r.Type == Haven.Core.People.RelationshipType.HalfSibling
                || r.Type == Haven.Core.People.RelationshipType.StepSibling).Select(r => new { r.PersonId, r.RelatedPersonId }), ct);
        var perFamily = CyclesOfSupport.PerFamily(episodes, siblings.Select(s => (s.PersonId, s.RelatedPersonId)));
        var (one, two, more) = CyclesOfSupport.Distribution(perFamily);
        return (perFamily.Count, one, two, more);
    }
}
