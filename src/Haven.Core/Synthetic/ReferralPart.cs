using Haven.Core.Involvements;
using Haven.Core.Referrals;

namespace Haven.Core.Synthetic;

/// Referrals: one at the start of each chain of social care involvement in a child's timeline
/// (the assessment that opens it, or the earliest span when the history is clipped), closed when
/// the last span of that chain ends. Siblings referred together each get their own referral.
internal sealed class ReferralPart : IBoroughPart
{
    public string Name => "Referrals";

    // Shares of referrals by source, England 2025 (national-statistics.md: police ~28%, schools ~21%;
    // the rest spread in proportion to the CIN census's usual pattern).
    private static readonly (string Code, double Weight)[] Sources =
    [
        ("6", 28), ("2A", 21), ("3A", 3), ("3B", 3), ("3D", 3), ("3E", 3), ("3F", 2), ("5A", 5), ("5B", 3), ("5C", 2), ("5D", 4),
        ("1A", 6), ("1B", 1), ("1C", 1), ("1D", 0.5), ("2B", 1), ("4", 3), ("7", 4), ("8", 4), ("9", 2), ("10", 0.5),
    ];

    // Primary need of children in need, England (CIN census): abuse or neglect the large majority.
    private static readonly (string Code, double Weight)[] Needs =
    [
        ("N1", 57), ("N2", 10), ("N3", 3), ("N4", 8), ("N5", 14), ("N6", 3), ("N7", 0.5), ("N8", 4), ("N9", 0.5),
    ];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var referrals = new List<Referral>();
        foreach (var child in context.Plan.Children)
        {
            DateOnly? previous = null;
            foreach (var chain in Chains(child.Spans))
            {
                var start = chain[0].Start;
                var end = chain.Any(s => s.Span.End is null) ? null : chain[^1].Span.End;
                var kinds = chain.Select(s => s.Span.Kind).ToList();
                var assessmentOnly = kinds.All(k => k == InvolvementKind.Assessment);
                referrals.Add(new Referral
                {
                    ChildId = child.Person.Id,
                    ReferralDate = start,
                    SourceCode = rng.Weighted(Sources),
                    PrimaryNeedCode = kinds.Contains(InvolvementKind.ChildProtection) ? "N1" : assessmentOnly && end is not null ? "N9" : rng.Weighted(Needs),
                    IsReReferral = previous is { } p && Referral.IsWithinTwelveMonths(p, start),
                    ClosureDate = end,
                    ReasonForClosureCode = end is null ? null : assessmentOnly ? (rng.Chance(0.3) ? "RC9" : "RC8") : "RC7",
                    RecordedAt = new DateTime(start, new TimeOnly(10, 30), DateTimeKind.Utc),
                    RecordedByWorkerId = child.RecordedBy?.Id,
                });
                previous = start;
            }
        }
        await context.Writer.SaveAsync(referrals);
    }

    /// Splits a child's spans into chains of social care involvement: each assessment starts a new
    /// one; early help and care-leaver spans belong to none.
    internal static List<List<ChildSpan>> Chains(IEnumerable<ChildSpan> spans)
    {
        var chains = new List<List<ChildSpan>>();
        List<ChildSpan>? current = null;
        foreach (var s in spans)
        {
            if (s.Span.Kind is InvolvementKind.EarlyHelp or InvolvementKind.CareLeaver) { current = null; continue; }
            if (s.Span.Kind == InvolvementKind.Assessment || current is null)
            {
                current = [];
                chains.Add(current);
            }
            current.Add(s);
        }
        return chains;
    }
}
