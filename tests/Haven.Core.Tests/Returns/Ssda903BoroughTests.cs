using System.Diagnostics;
using Haven.Core.Allocations;
using Haven.Core.Returns;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Returns.Ssda903.Rules;
using Haven.Core.Synthetic;
using Haven.Core.Tests.Synthetic;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Build_WorkerChangedOnFirstApril_TheYearEndWorkerIsStillOpen()
    {
        // Arrange: a child in care through 31 March 2026 whose social worker changed on 1 April, as
        // AllocationService records a change (the old allocation ends the day before). In a 50,000-child
        // borough three children had such a change, and their 903 had no open episode at 31 March.
        using var database = new TestDatabase();
        await using var db = database.Open();
        await BoroughGenerator.GenerateAsync(db, new BoroughOptions { Children = 600, Seed = 5, Today = new DateOnly(2026, 11, 26) });
        var year = ReturnPeriod.CollectionYear(2026);
        var inCare = await db.PeriodsOfCare.Where(p => p.StartDate < year.End.AddDays(-30) && (p.EndDate == null || p.EndDate > year.End.AddDays(30)))
            .Select(p => p.ChildId).ToListAsync();
        var allocation = await db.Allocations.OrderBy(a => a.Id).FirstAsync(a => inCare.Contains(a.ChildId) && a.Kind == AllocationKind.SocialWorker
            && a.StartDate < year.End && (a.EndDate == null || a.EndDate > year.End.AddDays(1)));
        var next = await db.Workers.Where(w => w.TeamId == allocation.TeamId && w.Id != allocation.WorkerId && w.Role == HavenRole.SocialWorker).Select(w => w.Id).FirstAsync();
        db.Allocations.Add(new Allocation
        {
            ChildId = allocation.ChildId, Kind = AllocationKind.SocialWorker, WorkerId = next, TeamId = allocation.TeamId, StartDate = year.End.AddDays(1),
            EndDate = allocation.EndDate, RecordedAt = DateTime.UtcNow, ChangeReasonCode = "MANAGE", Version = Guid.NewGuid(),
        });
        allocation.EndDate = year.End;
        await db.SaveChangesAsync();

        // Act
        var data = await Ssda903Builder.BuildAsync(db, year, default);
        var failures = Ssda903Rules.Run(data).Where(f => f.ChildId == allocation.ChildId || f.ChildReference == allocation.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // Assert
        var episodes = data.SwEpisodes.Where(w => w.Child == allocation.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Single(episodes, w => w.SwDec is null);
        Assert.Empty(failures);
    }
}
