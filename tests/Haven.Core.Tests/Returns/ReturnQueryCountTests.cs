using Haven.Bench;
using Haven.Core.Returns;
using Haven.Core.Returns.AnnexA;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Tests.Synthetic;
using Xunit.Abstractions;

namespace Haven.Core.Tests.Returns;

/// The statutory returns read the record with a fixed number of queries, whatever the size of the
/// borough: a query per child (or per chunk of children) made the region's returns grow faster than
/// its children (Annex A sent 104 queries at 500,000 children, 41 at 50,000). Counted, not timed.
public sealed class ReturnQueryCountTests(GeneratedBorough borough, ITestOutputHelper output) : IClassFixture<GeneratedBorough>
{
    private static readonly ReturnPeriod Year = ReturnPeriod.CollectionYear(ReturnPeriod.CollectionYearOf(GeneratedBorough.Today) - 1);

    [Fact]
    public async Task AnnexA_SendsAsManyQueriesForTheBoroughAsForAnEmptyRecord()
    {
        var window = AnnexAReturn.WindowEnding(GeneratedBorough.Today);
        var counter = new QueryCounter();
        int rows;
        await using (var db = borough.Open(counter))
            rows = (await AnnexAReturn.BuildAsync(db, window, CancellationToken.None)).Sum(s => s.Rows.Count);
        var onBorough = counter.Count;

        using var empty = new TestDatabase();
        var emptyCounter = new QueryCounter();
        await using (var db = empty.Open(emptyCounter))
            await AnnexAReturn.BuildAsync(db, window, CancellationToken.None);
        output.WriteLine($"Annex A: {onBorough} queries for {rows:N0} rows; {emptyCounter.Count} on an empty record");
        Assert.True(rows > 1000, $"the borough should fill the lists, got {rows} rows");
        Assert.Equal(emptyCounter.Count, onBorough);
    }

    [Fact]
    public async Task CinCensusAndSsda903_SendAFixedNumberOfQueries()
    {
        var counter = new QueryCounter();
        int children;
        await using (var db = borough.Open(counter))
            children = (await CinCensusBuilder.BuildAsync(db, Year.End.Year, ct: CancellationToken.None)).Children.Count;
        output.WriteLine($"CIN census: {counter.Count} queries for {children:N0} children");
        Assert.True(children > 100, $"the census should hold the borough's children in need, got {children}");
        Assert.Equal(8, counter.Count);

        var ssda = new QueryCounter();
        int episodes;
        await using (var db = borough.Open(ssda))
            episodes = (await Ssda903Builder.BuildAsync(db, Year, CancellationToken.None)).Episodes.Count;
        output.WriteLine($"SSDA903: {ssda.Count} queries for {episodes:N0} episodes");
        Assert.True(episodes > 50, $"the 903 should hold the borough's episodes, got {episodes}");
        Assert.Equal(14, ssda.Count);
    }
}
