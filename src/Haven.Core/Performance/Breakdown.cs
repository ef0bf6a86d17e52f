namespace Haven.Core.Performance;

public enum BreakdownLevel { Service, Team, Worker, Children }

public sealed record BreakdownRow(int Key, string Label, MeasureValue Value);

/// The drill-down of one measure: service → team → worker → the items (children) behind it.
/// Every item belongs to exactly one row at each level (items with no allocated social worker to
/// the row keyed <see cref="NotAllocated"/>), so the rows always add up to the figure above them.
public static class Breakdown
{
    public const int NotAllocated = 0;
    public const string NotAllocatedLabel = "No allocated social worker";
    /// For measures not about children (households, allegations): the item names no worker.
    public const string NoWorkerLabel = "No worker recorded";

    public static int ServiceOf(MeasureItem i, Organisation org) =>
        i.TeamId is { } t && org.Teams.TryGetValue(t, out var team) && team.ParentId is { } s ? s : NotAllocated;

    /// The level the filter leads to: none → services; a service → its teams; a team → its
    /// workers; a worker, or the not-allocated service, → the children.
    public static BreakdownLevel LevelFor(int? service, int? team, int? worker) =>
        worker is not null || service == NotAllocated ? BreakdownLevel.Children
        : team is not null ? BreakdownLevel.Worker
        : service is not null ? BreakdownLevel.Team
        : BreakdownLevel.Service;

    public static IReadOnlyList<MeasureItem> Filter(IEnumerable<MeasureItem> items, Organisation org, int? service, int? team, int? worker) =>
        items.Where(i => (service is null || ServiceOf(i, org) == service)
            && (team is null || (i.TeamId ?? NotAllocated) == team)
            && (worker is null || (i.WorkerId ?? NotAllocated) == worker)).ToList();

    public static IReadOnlyList<BreakdownRow> Rows(MeasureDefinition m, IReadOnlyList<MeasureItem> filtered, Organisation org, BreakdownLevel level)
    {
        Func<MeasureItem, int> key = level switch
        {
            BreakdownLevel.Service => i => ServiceOf(i, org),
            BreakdownLevel.Team => i => i.TeamId ?? NotAllocated,
            _ => i => i.WorkerId ?? NotAllocated,
        };
        var names = level switch { BreakdownLevel.Service => org.Services, BreakdownLevel.Team => org.Teams, _ => org.Workers };
        return filtered.GroupBy(key)
            .Select(g => new BreakdownRow(g.Key, g.Key == NotAllocated ? (m.AboutChildren ? NotAllocatedLabel : NoWorkerLabel) : names.TryGetValue(g.Key, out var u) ? u.Name : $"#{g.Key}",
                MeasureValue.Of(m, g.ToList(), null)))
            .OrderBy(r => r.Key == NotAllocated).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
    }
}
