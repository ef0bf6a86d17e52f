using Haven.Core.Education.Inclusion;
using Haven.Core.Tests.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Tests.Education;

/// The Inclusion page's exclusions trend is counted in the database (grouped by school year and phase,
/// the children as a distinct count); on a generated borough it must equal the same counts worked out
/// here from every exclusion.
public sealed class InclusionTrendTests(GeneratedBorough borough) : IClassFixture<GeneratedBorough>
{
    [Fact]
    public async Task Trend_OnAGeneratedBorough_EqualsTheCountsOfEveryExclusion()
    {
        await using var db = borough.Open();
        var from = new DateOnly(GeneratedBorough.Today.Year - 5, 9, 1);
        var all = await db.Exclusions.AsNoTracking().Where(x => x.StartDate >= from).ToListAsync();
        Assert.True(all.Select(x => x.ChildId).Distinct().Count() < all.Count, "the borough should have children excluded more than once");

        var trend = await new InclusionService(db, TimeProvider.System).TrendAsync(from);

        var expected = all.GroupBy(x => (Year: Exclusion.AcademicYear(x.StartDate), x.Phase))
            .Select(g => new ExclusionTrendRow(g.Key.Year, g.Key.Phase, g.Count(x => x.Kind == ExclusionKind.Suspension),
                g.Count(x => x.Kind == ExclusionKind.Permanent), g.Select(x => x.ChildId).Distinct().Count()))
            .OrderBy(r => r.AcademicYear).ThenBy(r => r.Phase).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, trend);
    }
}
