using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Haven.Core.Returns.Cin.Rules;

namespace Haven.Core.Returns.Cin;

/// A worker's own CIN census errors on My work: each failure of a CIN rule (queries left out) for
/// their children in the current collection year, linking to where it is put right. Computed live,
/// so it goes the moment the record is fixed.
public sealed class CinDataQualityDueWork(HavenDbContext db, TimeProvider clock) : IDueWorkSource
{
    /// Not a statutory timescale: an error in the record is due to be put right now.
    public static readonly TimescaleRule PutRight = new(
        "cin-census-data-quality", "Put right what the CIN census rules find in the record",
        "The rule fails on the record", Period.WorkingDays(0), TimescaleStatus.LocalPractice,
        "DfE CIN census validation rules (statutory-returns.md §2.3)");

    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var census = await CinCensusBuilder.BuildAsync(db, ReturnPeriod.CollectionYearOf(today), ct: ct, onlyChildren: childIds);
        return CinRules.Check(census)
            .Where(f => f.ChildId is not null && !CinRules.IsQuery(f.RuleCode))
            .Select(f => new DueItem(f.ChildId!.Value, $"CIN census {f.RuleCode}: {f.Message}", today, PutRight) { Href = f.FixPath })
            .ToList();
    }
}
