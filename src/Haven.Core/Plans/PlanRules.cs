using Haven.Core.Calendar;

namespace Haven.Core.Plans;

/// How often progress on a plan's actions should be recorded before they count as drifting
/// (Haven:Plans:DriftWeeks, default 4).
public sealed record PlanSettings(int DriftWeeks = 4)
{
    /// Local practice with no row in timescales.md (so not in the statutory Timescales registry):
    /// Ofsted's inspections look for plans whose actions drift.
    public TimescaleRule DriftRule => new("plan-action-progress", "Record progress on a plan's action (it is drifting after this without any)",
        "Action added to the plan, then the last progress recorded on it", Period.Weeks(DriftWeeks),
        TimescaleStatus.LocalPractice, "Local practice (Haven:Plans:DriftWeeks)");
}

/// The rules of a plan's actions, and what changed between two versions.
public static class PlanRules
{
    /// An action is overdue when it is not done and its due date has passed. It is drifting when it
    /// is not done, not yet overdue, and no progress has been recorded for the drift period
    /// (DriftWeeks) since it was added or last moved on.
    public static PlanActionStatus StatusOf(PlanAction a, DateOnly today, PlanSettings settings)
    {
        if (a.Done) return PlanActionStatus.Done;
        if (a.DueDate < today) return PlanActionStatus.Overdue;
        return settings.DriftRule.DueFrom(a.LastProgressOn) < today ? PlanActionStatus.Drifting : PlanActionStatus.OnTrack;
    }

    /// The day before which an unfinished action's last progress makes it drifting on today (StatusOf:
    /// drifting when DriftRule.DueFrom(LastProgressOn) is before today), for a query to select by.
    /// The drift period is in weeks, so this is exact: DueFrom(d) &lt; today exactly when d &lt; today - weeks.
    public static DateOnly DriftingIfProgressBefore(DateOnly today, PlanSettings settings) => today.AddDays(-7 * settings.DriftWeeks);

    /// When an unfinished action next needs attention: its due date, or sooner if progress is due first.
    public static DateOnly AttentionDue(PlanAction a, PlanSettings settings)
    {
        var progressDue = settings.DriftRule.DueFrom(a.LastProgressOn);
        return progressDue < a.DueDate ? progressDue : a.DueDate;
    }

    public static string Describe(PlanActionStatus s) => s switch
    {
        PlanActionStatus.OnTrack => "On track",
        PlanActionStatus.Drifting => "Drifting",
        PlanActionStatus.Overdue => "Overdue",
        PlanActionStatus.Done => "Done",
        _ => s.ToString(),
    };

    public static string Colour(PlanActionStatus s) => s switch
    {
        PlanActionStatus.Done => "green",
        PlanActionStatus.Drifting => "orange",
        PlanActionStatus.Overdue => "red",
        _ => "blue",
    };
}

/// One difference between two versions of a plan, in words a reader can follow.
public sealed record PlanChange(string Section, string Kind, string? Before, string? After);

/// What changed between two versions: outcomes added or removed, actions added, removed or changed
/// (matched by their Key), and changes to the family's part, the contingency and the child's words.
public static class PlanDiff
{
    public const string Added = "Added", Removed = "Removed", Changed = "Changed";

    public static IReadOnlyList<PlanChange> Between(PlanVersion older, PlanVersion newer)
    {
        var changes = new List<PlanChange>();
        var before = older.Outcomes.OrderBy(o => o.Order).Select(o => o.Text.Trim()).ToList();
        var after = newer.Outcomes.OrderBy(o => o.Order).Select(o => o.Text.Trim()).ToList();
        changes.AddRange(before.Where(t => !after.Contains(t, StringComparer.Ordinal)).Select(t => new PlanChange("Outcomes", Removed, t, null)));
        changes.AddRange(after.Where(t => !before.Contains(t, StringComparer.Ordinal)).Select(t => new PlanChange("Outcomes", Added, null, t)));

        var oldActions = older.Actions.ToDictionary(a => a.Key);
        var newActions = newer.Actions.ToDictionary(a => a.Key);
        foreach (var a in older.Actions.OrderBy(a => a.Order).Where(a => !newActions.ContainsKey(a.Key)))
            changes.Add(new("Actions", Removed, Line(a), null));
        foreach (var a in newer.Actions.OrderBy(a => a.Order))
        {
            if (!oldActions.TryGetValue(a.Key, out var was)) changes.Add(new("Actions", Added, null, Line(a)));
            else if (Line(was) != Line(a) || (was.Progress ?? "") != (a.Progress ?? ""))
                changes.Add(new("Actions", Changed, Line(was) + Progress(was), Line(a) + Progress(a)));
        }

        Text(changes, "The family's and network's part", older.FamilyAndNetwork, newer.FamilyAndNetwork);
        Text(changes, "Contingency plan", older.Contingency, newer.Contingency);
        Text(changes, "Written to the child", older.ToTheChild, newer.ToTheChild);
        return changes;
    }

    private static string Line(PlanAction a) =>
        $"{a.What.Trim()} – {a.Who.Trim()} by {a.DueDate:d MMMM yyyy}" + (a.Done ? $" (done{(a.DoneDate is { } d ? $" {d:d MMMM yyyy}" : "")})" : "");

    private static string Progress(PlanAction a) => string.IsNullOrWhiteSpace(a.Progress) ? "" : $". Progress: {a.Progress.Trim()}";

    private static void Text(List<PlanChange> changes, string section, string? before, string? after)
    {
        var b = string.IsNullOrWhiteSpace(before) ? null : before.Trim();
        var a = string.IsNullOrWhiteSpace(after) ? null : after.Trim();
        if (b == a) return;
        changes.Add(new(section, b is null ? Added : a is null ? Removed : Changed, b, a));
    }
}
