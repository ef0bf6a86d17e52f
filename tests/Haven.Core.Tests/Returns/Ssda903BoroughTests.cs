using System.Diagnostics;
using Haven.Core.Returns;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Returns.Ssda903.Rules;
using Haven.Core.Tests.Synthetic;
using Xunit.Abstractions;

namespace Haven.Core.Tests.Returns;

/// The 903 of the generated 3,000-child borough: Haven's own rules find nothing wrong with it, and the
/// files read back into the same return.
public sealed class Ssda903BoroughTests(GeneratedBorough borough, ITestOutputHelper output) : IClassFixture<GeneratedBorough>
{
    private static readonly ReturnPeriod Year = ReturnPeriod.CollectionYear(ReturnPeriod.CollectionYearOf(GeneratedBorough.Today));

    [Fact]
    public async Task Build_GeneratedBorough_HasZeroErrorsFromHavensRules()
    {
        await using var db = borough.Open();
        var clock = Stopwatch.StartNew();
        var data = await Ssda903Builder.BuildAsync(db, Year, default);
        var built = clock.Elapsed;
        var failures = Ssda903Rules.Run(data);
        output.WriteLine($"{data.Header.Count} children, {data.Episodes.Count} episodes, {data.Reviews.Count} reviews, {data.Missing.Count} missing, "
            + $"{data.Oc2.Count} OC2, {data.Oc3.Count} OC3, {data.Ad1.Count} AD1, {data.PlacedAdoption.Count} placed, {data.Uasc.Count} UASC; "
            + $"built in {built.TotalSeconds:0.00}s, validated in {(clock.Elapsed - built).TotalSeconds:0.00}s");
        foreach (var g in failures.GroupBy(f => f.RuleCode))
            output.WriteLine($"{g.Key}: {g.Count()} e.g. child {g.First().ChildReference} {g.First().Field}");
        Assert.True(data.Episodes.Count > 100, "the borough has looked-after children");
        Assert.NotEmpty(data.Oc2);
        Assert.NotEmpty(data.Oc3);
        Assert.NotEmpty(data.Reviews);
        Assert.NotEmpty(data.SwEpisodes);
        output.WriteLine($"{data.DoLo.Count} DoLo rows");
        output.WriteLine($"{data.SwEpisodes.Count} SW episodes: " + string.Join(", ", data.SwEpisodes.GroupBy(w => w.SwReason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task WriteThenRead_GeneratedBorough_GivesTheSameReturn()
    {
        await using var db = borough.Open();
        var data = await Ssda903Builder.BuildAsync(db, Year, default);
        var folder = Path.Combine(Path.GetTempPath(), $"haven-903-{Guid.NewGuid():N}");
        try
        {
            var files = Ssda903Files.Write(data, folder);
            Assert.Equal(Ssda903Files.FileNames.Count, files.Count);
            var back = Ssda903Files.Read(folder);
            Assert.Equal(data.Period, back.Period);
            Assert.Equal(data.Header, back.Header);
            Assert.Equal(data.Episodes, back.Episodes);
            Assert.Equal(data.Uasc, back.Uasc);
            Assert.Equal(data.Reviews, back.Reviews);
            Assert.Equal(data.Missing, back.Missing);
            Assert.Equal(data.Oc2, back.Oc2);
            Assert.Equal(data.Oc3, back.Oc3);
            Assert.Equal(data.Ad1, back.Ad1);
            Assert.Equal(data.PlacedAdoption, back.PlacedAdoption);
            Assert.Equal(data.SwEpisodes, back.SwEpisodes);
            Assert.Equal(data.DoLo, back.DoLo);
        }
        finally { Directory.Delete(folder, true); }
    }
}
