using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Haven.Core.Tests.Synthetic;

namespace Haven.Core.Tests.Returns;

/// The census reads the record two ways: for the whole return (the Returns page, the CLI, the Data
/// quality page) the assessments' factors are read apart from the assessments, on the other connection
/// on PostgreSQL; for a few children (My work, the DfE feed) each assessment comes with its factors in
/// one statement. Both must give every child the same census, factors in the same order.
public sealed class CinCensusReadsTests(GeneratedBorough borough) : IClassFixture<GeneratedBorough>
{
    private static readonly int Year = ReturnPeriod.CollectionYearOf(GeneratedBorough.Today) - 1;
    private static readonly DateTime Now = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task WholeReturn_GivesEachChildWhatTheFewChildrenReadGives()
    {
        CinCensus whole;
        await using (var db = borough.Open())
            whole = await CinCensusBuilder.BuildAsync(db, Year, now: Now);
        // Every child with an assessment that has factors, and some without.
        var withFactors = whole.Children.Where(c => c.Episodes.Any(e => e.Assessments.Any(a => a.Factors.Count > 0))).ToList();
        Assert.True(withFactors.Count > 50, $"the borough should have children with assessment factors, got {withFactors.Count}");
        Assert.Contains(withFactors, c => c.Episodes.Any(e => e.Assessments.Any(a => a.Factors.Count > 1)));
        var asked = withFactors.Concat(whole.Children.Except(withFactors).Take(50)).Select(c => c.ChildId!.Value).ToHashSet();

        CinCensus few;
        await using (var db = borough.Open())
            few = await CinCensusBuilder.BuildAsync(db, Year, now: Now, onlyChildren: asked);

        Assert.Equal(Xml(whole with { Children = whole.Children.Where(c => asked.Contains(c.ChildId!.Value)).ToList() }), Xml(few));
    }

    private static string Xml(CinCensus census)
    {
        using var stream = new MemoryStream();
        CinCensusXml.Write(census, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
