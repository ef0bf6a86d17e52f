using Haven.Core.DeprivationOfLiberty;

namespace Haven.Core.Tests.ChildrenLookedAfter;

/// DeprivationOfLibertyRules by hand. The child: foster care (U6) from 1 January 2025, a children's home
/// (K2) from 1 June 2025, a Z12 placement from 1 October 2025 until leaving care on 1 December 2025;
/// looked after again from 1 February 2026 in a secure children's home (K1). Today is 1 March 2026.
public sealed class DeprivationOfLibertyRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly DateOnly Today = D(2026, 3, 1);

    private static readonly CareEpisode[] Episodes =
    [
        new(D(2025, 1, 1), D(2025, 6, 1), "U6"),
        new(D(2025, 6, 1), D(2025, 10, 1), "K2"),
        new(D(2025, 10, 1), D(2025, 12, 1), "Z12"),
        new(D(2026, 2, 1), null, "K1"),
    ];

    private static Dictionary<string, string> Check(DateOnly start, DateOnly? end, params (DateOnly, DateOnly?)[] others) =>
        DeprivationOfLibertyRules.Validate(start, end, Today, Episodes, others);

    [Theory]
    // From the move to the children's home, through the change to Z12 on 1 October, to the day before care ended.
    [InlineData("2025-06-01", "2025-11-30")]
    // To the day the child left care: still looked after that day, in Z12.
    [InlineData("2025-06-01", "2025-12-01")]
    // Ending on the day the Z12 placement starts: that day the child's placement is Z12, not K2.
    [InlineData("2025-06-01", "2025-10-01")]
    // A single day.
    [InlineData("2025-08-15", "2025-08-15")]
    public void Validate_InsideCareInK2OrZ12_Passes(string start, string end) =>
        Assert.Empty(Check(DateOnly.Parse(start), DateOnly.Parse(end)));

    [Fact]
    public void Validate_StartsTheDayAfterAnotherOrderEnded_Passes() =>
        Assert.Empty(Check(D(2025, 7, 1), D(2025, 8, 1), (D(2025, 6, 1), D(2025, 6, 30))));

    [Theory]
    // The day before the move the child was still in foster care (U6).
    [InlineData("2025-05-31", "2025-08-01", "StartDate", "On 31 May 2025 the child's placement was")]
    // A secure children's home (K1) is not a placement a DoLO is recorded with.
    [InlineData("2026-02-05", null, "StartDate", "On 5 February 2026 the child's placement was Secure children's home (K1)")]
    // Not looked after between the two periods of care.
    [InlineData("2025-12-15", null, "StartDate", "The child was not looked after on 15 December 2025")]
    // Past the end of the period of care.
    [InlineData("2025-09-15", "2025-12-02", "EndDate", "The child was not looked after on 2 December 2025")]
    // Still in force by its dates, but the child left care on 1 December 2025.
    [InlineData("2025-09-15", null, "EndDate", "The child was not looked after on 2 December 2025: enter the date the order ended")]
    [InlineData("2025-08-01", "2025-07-31", "EndDate", "The date the order ended must be the same as or after the date it started")]
    [InlineData("2026-03-02", null, "StartDate", "The date the order started must be today or in the past")]
    [InlineData("2025-08-01", "2026-03-02", "EndDate", "The date the order ended must be today or in the past")]
    public void Validate_OutsideTheRules_FailsOnTheFieldWithTheMessage(string start, string? end, string field, string message)
    {
        var errors = Check(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));
        Assert.Equal([field], errors.Keys);
        Assert.StartsWith(message, errors[field]);
    }

    [Fact]
    public void Validate_OverlapsAnotherOrder_FailsOnStartDate()
    {
        var errors = Check(D(2025, 7, 1), D(2025, 8, 1), (D(2025, 6, 1), null));
        Assert.Equal("The child already has a deprivation of liberty order from 1 June 2025 (still in force): orders cannot overlap", errors["StartDate"]);
    }

    [Fact]
    public void FirstDayInWrongPlacement_EpisodeReplacedOnTheDayItEnds_CountsTheNewPlacementThatDay()
    {
        Assert.Equal((D(2025, 5, 31), "U6"), DeprivationOfLibertyRules.FirstDayInWrongPlacement(D(2025, 5, 31), D(2025, 6, 30), Episodes));
        Assert.Null(DeprivationOfLibertyRules.FirstDayInWrongPlacement(D(2025, 6, 1), D(2025, 12, 1), Episodes));
    }

    [Fact]
    public void FirstDayOutOfCare_GapBetweenPeriods_IsTheDayAfterCareEnded()
    {
        Assert.Equal(D(2025, 12, 2), DeprivationOfLibertyRules.FirstDayOutOfCare(D(2025, 11, 1), D(2026, 2, 10), Episodes));
        Assert.Null(DeprivationOfLibertyRules.FirstDayOutOfCare(D(2025, 1, 1), D(2025, 12, 1), Episodes));
        Assert.Null(DeprivationOfLibertyRules.FirstDayOutOfCare(D(2026, 2, 1), D(2027, 1, 1), Episodes));
    }

    [Fact]
    public void AllowedPlacementTypes_AreK2Z12Z13_FromThePlacementTypeList() =>
        Assert.Equal(["K2", "Z12", "Z13"], DeprivationOfLibertyRules.AllowedPlacementTypes);
}
