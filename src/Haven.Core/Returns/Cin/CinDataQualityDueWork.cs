using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Haven.Core.Returns.Cin.Rules;

namespace Haven.Core.Returns.Cin;

/// A worker's own CIN census errors and queries on My work: each failure of a CIN rule for their
/// children in the current collection year, linking to where it is put right. Errors and queries
/// (codes ending in Q: something unusual to check, not an error) are told apart in the wording and
/// by their rule. Worked out child by child and kept (DueWorkCache) until the child's record
/// changes, so an item goes the moment the record is fixed.
public sealed class CinDataQualityDueWork(HavenDbContext db, TimeProvider clock) : IDueWorkSource
{
    /// Not a statutory timescale: an error in the record is due to be put right now.
    public static readonly TimescaleRule PutRight = new(
        "cin-census-data-quality", "Put right what the CIN census rules find in the record",
        "The rule fails on the record", Period.WorkingDays(0), TimescaleStatus.LocalPractice,
        "DfE CIN census validation rules (statutory-returns.md §2.3)");

    /// A query is checked, and put right only if the record is wrong; due now like an error.
    public static readonly TimescaleRule CheckQuery = new(
        "cin-census-data-quality-query", "Check what the CIN census queries find in the record",
        "The query fires on the record", Period.WorkingDays(0), TimescaleStatus.LocalPractice,
        "DfE CIN census validation rules (statutory-returns.md §2.3): codes ending in Q are queries");

    /// Every item is due today: the team view, which shows only overdue work, does not run the check.
    public bool DueTodayOnly => true;

    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        // The local date, as the pages that show the item use (the team view counts an item due before
        // its own "today" as overdue).
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var census = await CinCensusBuilder.BuildAsync(db, ReturnPeriod.CollectionYearOf(today), ct: ct, onlyChildren: childIds);
        // Each child's census checked on its own, so a child's items are the same whichever other
        // children are asked about with them (DueWorkCache keeps them child by child). The rules that
        // compare children with each other (1520: a UPN shared by two children; 8510: an LA child ID
        // shared) judge the whole return: the data quality page and the return itself show those.
        return census.Children.SelectMany(c => CinRules.Check(census with { Children = [c] }))
            .Where(f => f.ChildId is not null)
            .OrderBy(f => f.ChildReference, StringComparer.Ordinal).ThenBy(f => f.RuleCode, StringComparer.Ordinal)
            .OrderBy(f => f.IsQuery)
            .Select(f => f.IsQuery
                ? new DueItem(f.ChildId!.Value, $"CIN census query {f.RuleCode} (check; not an error): {f.Message}", today, CheckQuery) { Href = f.FixPath }
                : new DueItem(f.ChildId!.Value, $"CIN census error {f.RuleCode}: {f.Message}", today, PutRight) { Href = f.FixPath })
            .ToList();
    }
}
