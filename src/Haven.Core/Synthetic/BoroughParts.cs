namespace Haven.Core.Synthetic;

/// What a part of the generator is given: the planned borough (people, families, their timelines
/// of involvement, workers and teams, already written and with their ids), the writer, and the
/// options. A part derives its own records from the plan, so that, for example, a child's
/// referrals, assessments and periods of care agree with the same timeline.
internal sealed record BoroughPartContext(BoroughBuilder Plan, BoroughWriter Writer, BoroughOptions Options, CancellationToken CancellationToken)
{
    public DateOnly Today => Plan.Today;

    /// Each part draws from its own random sequence, so adding or changing one part does not
    /// reshuffle what the others generate for the same seed.
    /// (Not HashCode.Combine: it is salted per process, so the same seed would give another borough
    /// on every run.)
    public Random RandomFor(string part) => new(BoroughSeeds.For(Options.Seed, part));
}

/// The seed of each generator part's random sequence: the same on every run and machine.
public static class BoroughSeeds
{
    public static int For(int seed, string part) => unchecked(seed * 486_187_739 + StableHash(part));

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}

/// One service's records in the synthetic borough (front door, help and protection, children in
/// care…). Parts run in the order listed, after people, relationships, involvements and
/// allocations are written; a part may read what earlier parts wrote.
internal interface IBoroughPart
{
    string Name { get; }
    Task WriteAsync(BoroughPartContext context);
}

internal static class BoroughParts
{
    public static readonly IBoroughPart[] All =
    [
        new ReferralPart(),
        new FrontDoorPart(),
        new ChildrenLookedAfterPart(),
        new ChildrenInCareHealthEducationPart(),
        new HelpAndProtectionPart(),
        new EarlyHelpPart(),
        new LadoPart(),
        new MissingPart(),
        new NetworkPart(),
        new HomelessnessPart(),
        new ChildProtectionPlansPart(),
        new PlansPart(),
        new ExploitationPart(),
        new InclusionPart(),
        new FosteringPart(),
        new CareLeaversPart(),
        new QualityWorkforcePart(),
        new CourtAndFamilyTimePart(),
        new OffendingHealthPart(),
        new DeprivationOfLibertyPart(),
    ];
}
