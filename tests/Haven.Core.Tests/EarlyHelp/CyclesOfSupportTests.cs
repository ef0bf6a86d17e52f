using Haven.Core.EarlyHelp;

namespace Haven.Core.Tests.EarlyHelp;

public class CyclesOfSupportTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void PerFamily_SiblingsOverlapping_IsOneCycle_AGapStartsAnother()
    {
        // Children 1 and 2 are siblings; 3 is in another family.
        var episodes = new[]
        {
            new EpisodeSpan(1, D("2024-01-10"), D("2024-05-01")),
            new EpisodeSpan(2, D("2024-03-01"), D("2024-06-30")), // overlaps child 1's: same cycle
            new EpisodeSpan(1, D("2025-02-01"), D("2025-04-01")), // after both closed: second cycle
            new EpisodeSpan(3, D("2024-01-01"), null),
        };
        var perFamily = CyclesOfSupport.PerFamily(episodes, [(1, 2)]);
        Assert.Equal(2, perFamily[1]);
        Assert.Equal(1, perFamily[3]);
        Assert.Equal((1, 1, 0), CyclesOfSupport.Distribution(perFamily));
    }

    [Fact]
    public void PerFamily_EpisodeStartingTheDayAnotherCloses_ContinuesTheCycle_OpenEpisodeCoversTheRest()
    {
        var episodes = new[]
        {
            new EpisodeSpan(5, D("2024-01-01"), D("2024-02-01")),
            new EpisodeSpan(6, D("2024-02-01"), null),
            new EpisodeSpan(7, D("2024-09-01"), D("2024-10-01")),
        };
        var perFamily = CyclesOfSupport.PerFamily(episodes, [(5, 6), (6, 7)]);
        Assert.Equal(1, perFamily[5]);
    }

    [Fact]
    public void PerFamily_ThreeSeparateEpisodes_CountsThreeOrMore()
    {
        var episodes = new[]
        {
            new EpisodeSpan(9, D("2022-01-01"), D("2022-03-01")),
            new EpisodeSpan(9, D("2023-01-01"), D("2023-03-01")),
            new EpisodeSpan(9, D("2024-01-01"), D("2024-03-01")),
        };
        Assert.Equal((0, 0, 1), CyclesOfSupport.Distribution(CyclesOfSupport.PerFamily(episodes, [])));
    }
}
