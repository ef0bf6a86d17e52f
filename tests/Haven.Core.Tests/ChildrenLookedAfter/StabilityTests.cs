using Haven.Core.ChildrenLookedAfter;

namespace Haven.Core.Tests.ChildrenLookedAfter;

public class StabilityTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly DateOnly On = D(2025, 11, 25);

    private static readonly ChildPlacements Settled = new(1, D(2012, 5, 1), D(2022, 1, 10),
    [
        new(D(2022, 1, 10), D(2023, 6, 1), "U6", 3.0m),
        new(D(2023, 6, 1), null, "U4", 4.2m),
    ]);

    private static readonly ChildPlacements Moving = new(2, D(2010, 2, 1), D(2024, 6, 1),
    [
        new(D(2024, 6, 1), D(2025, 1, 15), "U6", 2.0m),
        new(D(2025, 3, 1), D(2025, 3, 8), "T3", 2.0m),
        new(D(2025, 1, 15), D(2025, 8, 1), "K2", 12.0m),
        new(D(2025, 8, 1), null, "K2", 32.5m),
    ]);

    [Fact]
    public void Settled_InCareOver30MonthsAndSamePlacement2Years_IsLongTermStable()
    {
        Assert.Equal(0, Stability.MovesInLastYear(Settled, On));
        Assert.Equal(1, Stability.PlacementsInLastYear(Settled, On));
        Assert.True(Stability.LongTermStable(Settled, On));
        Assert.False(Stability.AtADistance(Settled, On));
    }

    [Fact]
    public void Settled_OneDayBeforeTwoYearsInPlacement_IsNotYetStable()
    {
        Assert.False(Stability.LongTermStable(Settled, D(2025, 5, 31)));
    }

    [Fact]
    public void Moving_TwoMovesThreePlacements_TemporaryNotCounted_AndFarAway()
    {
        Assert.Equal(2, Stability.MovesInLastYear(Moving, On));
        Assert.Equal(3, Stability.PlacementsInLastYear(Moving, On));
        Assert.True(Stability.HasThreeOrMorePlacements(Moving, On));
        Assert.True(Stability.AtADistance(Moving, On));
        Assert.Null(Stability.LongTermStable(Moving, On)); // in care under 2.5 years: not in the cohort
    }

    [Fact]
    public void LongTermStable_At16OrOver_IsOutsideTheCohort()
    {
        Assert.Null(Stability.LongTermStable(Settled with { DateOfBirth = D(2009, 11, 25) }, On));
    }
}

public class PlacementDistanceTests
{
    private readonly SyntheticPostcodeLocator _locator = new();

    [Fact]
    public void Miles_SamePostcode_IsZero_AndInsideTheBorough()
    {
        Assert.Equal(0m, PlacementDistance.Miles(_locator, "HB3 4AB", "HB3 4AB"));
        Assert.True(_locator.IsInsideCouncilArea("HB3 4AB"));
        Assert.False(_locator.IsInsideCouncilArea("PX2 1AB"));
    }

    [Fact]
    public void Miles_AcrossTheBorough_IsUnderTenAndToTheFarTownOverTwenty()
    {
        Assert.InRange(PlacementDistance.Miles(_locator, "HB1 2AB", "HB10 7XY")!.Value, 0.5m, 10m);
        Assert.InRange(PlacementDistance.Miles(_locator, "HB1 2AB", "PX4 3CD")!.Value, 20.01m, 80m);
    }

    [Fact]
    public void Miles_UnknownPostcode_IsNull()
    {
        Assert.Null(PlacementDistance.Miles(_locator, "HB1 2AB", "SW1A 1AA"));
        Assert.Null(PlacementDistance.Miles(_locator, "", "HB1 2AB"));
    }
}
