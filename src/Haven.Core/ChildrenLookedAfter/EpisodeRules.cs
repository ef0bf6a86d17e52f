namespace Haven.Core.ChildrenLookedAfter;

/// One episode as the SSDA903 sees it: what the rules need, free of the database.
/// PlacementKey and CarerKey identify the placement and the carer (the same key = the same one).
public sealed record EpisodeLine(
    DateOnly Start,
    DateOnly? End,
    string ReasonForNewEpisode,
    string LegalStatus,
    int PlacementKey,
    int CarerKey,
    string? ReasonEpisodeCeased,
    string? ReasonPlaceChange = null);

/// What changes on a date: a new legal status, a new placement (with its carer), or both.
public sealed record EpisodeChange(DateOnly Date, string? LegalStatus, int? PlacementKey, int? CarerKey, string? ReasonPlaceChange = null);

/// A problem with a history of episodes, with the index of the episode it is about (or -1).
public sealed record EpisodeProblem(int Index, string Message);

/// The SSDA903 rules that keep a child's episodes consistent (statutory-returns.md §1.1): a period
/// of care is a run of episodes from one with RNE S to one whose REC is not X1; each episode starts
/// the day the previous one ended; a new episode starts only when the legal status, the placement
/// or the carer changes, and RNE records which. Every change and every correction goes through
/// here before it is saved, so a history that breaks a rule is never written.
public static class EpisodeRules
{
    public static IReadOnlyList<EpisodeProblem> Check(IReadOnlyList<EpisodeLine> episodes)
    {
        var problems = new List<EpisodeProblem>();
        if (episodes.Count == 0)
        {
            problems.Add(new(-1, "A period of care must have at least one episode"));
            return problems;
        }
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var last = i == episodes.Count - 1;
            if (!LookedAfterCodes.LegalStatus.Contains(e.LegalStatus))
                problems.Add(new(i, $"Episode {i + 1}: '{e.LegalStatus}' is not a legal status code"));
            if (e.End is { } end && end < e.Start)
                problems.Add(new(i, $"Episode {i + 1} cannot end ({Show(end)}) before it starts ({Show(e.Start)})"));
            if (e.End is null != (e.ReasonEpisodeCeased is null))
                problems.Add(new(i, e.End is null
                    ? $"Episode {i + 1} has a reason it ended but no end date"
                    : $"Episode {i + 1} ended on {Show(e.End.Value)}: give the reason it ended"));
            if (e.ReasonEpisodeCeased is { } rec && !LookedAfterCodes.ReasonEpisodeCeased.Contains(rec))
                problems.Add(new(i, $"Episode {i + 1}: '{rec}' is not a reason for an episode ending"));

            if (i == 0)
            {
                if (e.ReasonForNewEpisode != "S")
                    problems.Add(new(0, "The first episode of a period of care starts with reason S (started to be looked after)"));
            }
            else
            {
                var prev = episodes[i - 1];
                if (prev.End is null)
                    problems.Add(new(i - 1, $"Episode {i} is still open, but episode {i + 1} follows it"));
                else if (prev.End != e.Start)
                    problems.Add(new(i, prev.End < e.Start
                        ? $"There is a gap between {Show(prev.End.Value)} and {Show(e.Start)}: episode {i + 1} must start the day episode {i} ends"
                        : $"Episode {i + 1} starts on {Show(e.Start)}, before episode {i} ends on {Show(prev.End.Value)}: episodes cannot overlap"));
                if (prev.ReasonEpisodeCeased is { } r && r != LookedAfterCodes.EpisodeContinues)
                    problems.Add(new(i - 1, $"Episode {i} ends the period of care ({r}), so no episode can follow it in the same period"));
                if (prev.Start == e.Start)
                    problems.Add(new(i, $"Two episodes start on {Show(e.Start)}: record both changes as one episode"));
                var expected = ReasonFor(prev, e.LegalStatus, e.PlacementKey, e.CarerKey);
                if (expected is null)
                    problems.Add(new(i, $"Episode {i + 1} changes neither the legal status, the placement nor the carer, so it is not a new episode"));
                else if (expected != e.ReasonForNewEpisode)
                    problems.Add(new(i, $"Episode {i + 1} has reason for new episode {e.ReasonForNewEpisode}, but what changed means {expected}"));
                if (e.PlacementKey != prev.PlacementKey && episodes.Take(i - 1).Any(x => x.PlacementKey == e.PlacementKey))
                    problems.Add(new(i, $"Episode {i + 1} returns to an earlier placement: a return is recorded as a new placement"));
                if (prev.ReasonPlaceChange is not null && prev.PlacementKey == e.PlacementKey)
                    problems.Add(new(i - 1, $"Episode {i} has a reason for a placement change, but the placement did not change"));
            }
            if (last && e.End is not null && e.ReasonEpisodeCeased == LookedAfterCodes.EpisodeContinues)
                problems.Add(new(i, $"The last episode ends with X1, which means another episode starts on {Show(e.End.Value)}: add it or give the reason the child stopped being looked after"));
        }
        return problems;
    }

    /// RNE for an episode that follows <paramref name="previous"/> (null when nothing changed):
    /// L legal status only; P placement and carer; T placement but same carer; B all three; U legal
    /// status and placement but same carer. A change of carer always comes with a change of placement.
    public static string? ReasonFor(EpisodeLine previous, string legalStatus, int placementKey, int carerKey)
    {
        var legal = previous.LegalStatus != legalStatus;
        var placement = previous.PlacementKey != placementKey || previous.CarerKey != carerKey;
        var carer = previous.CarerKey != carerKey;
        return (legal, placement, carer) switch
        {
            (false, false, _) => null,
            (true, false, _) => "L",
            (false, true, true) => "P",
            (false, true, false) => "T",
            (true, true, true) => "B",
            (true, true, false) => "U",
        };
    }

    /// The history after a change on a date, which may be backdated: the episode running on that
    /// date is split there and the change applies from then until the next recorded change of the
    /// same kind. Returns the new history and any problems; an unchanged history is a problem too.
    public static (IReadOnlyList<EpisodeLine> Episodes, IReadOnlyList<EpisodeProblem> Problems) Apply(IReadOnlyList<EpisodeLine> episodes, EpisodeChange change)
    {
        if (episodes.Count == 0) return (episodes, [new(-1, "Start the period of care first")]);
        if (change.LegalStatus is null && change.PlacementKey is null)
            return (episodes, [new(-1, "Give the new legal status or the new placement")]);
        var first = episodes[0];
        if (change.Date <= first.Start)
            return (episodes, [new(0, $"The change must be after the period of care started on {Show(first.Start)}")]);
        var lastEpisode = episodes[^1];
        if (lastEpisode.End is { } periodEnd && change.Date >= periodEnd)
            return (episodes, [new(episodes.Count - 1, $"The change must be before the period of care ended on {Show(periodEnd)}")]);

        // Split the episode running on the date, so every episode is either wholly before or after it.
        var lines = new List<EpisodeLine>();
        foreach (var e in episodes)
        {
            if (e.Start < change.Date && (e.End is null || e.End > change.Date))
            {
                lines.Add(e with { End = change.Date, ReasonEpisodeCeased = LookedAfterCodes.EpisodeContinues, ReasonPlaceChange = null });
                lines.Add(e with { Start = change.Date });
            }
            else lines.Add(e);
        }

        // From the date, the new legal status holds until the next recorded change of legal status, and the
        // new placement until the next change of placement.
        var nextLegal = lines.FindIndex(e => e.Start > change.Date && change.LegalStatus is not null && IsLegalChange(lines, e));
        var nextPlacement = lines.FindIndex(e => e.Start > change.Date && change.PlacementKey is not null && IsPlacementChange(lines, e));
        for (var i = 0; i < lines.Count; i++)
        {
            var e = lines[i];
            if (e.Start < change.Date) continue;
            if (change.LegalStatus is { } ls && (nextLegal < 0 || i < nextLegal)) e = e with { LegalStatus = ls };
            if (change.PlacementKey is { } pk && (nextPlacement < 0 || i < nextPlacement)) e = e with { PlacementKey = pk, CarerKey = change.CarerKey ?? pk };
            lines[i] = e;
        }
        // The episode that ends on the date of a placement change carries the reason for the change.
        var before = lines.FindLastIndex(e => e.End == change.Date);
        if (before >= 0 && change.PlacementKey is not null)
            lines[before] = lines[before] with { ReasonPlaceChange = change.ReasonPlaceChange };

        var rebuilt = Normalise(lines);
        var problems = Check(rebuilt).ToList();
        if (rebuilt.SequenceEqual(episodes))
            problems.Add(new(-1, $"Nothing changes on {Show(change.Date)}: the legal status and placement are already those"));
        return (rebuilt, problems);
    }

    /// Moves the date an episode started (a correction): the previous episode then ends on the new
    /// date. The new date must fall after the previous episode's start and before this episode's end,
    /// or the correction would make the episodes overlap or leave one with no days.
    public static (IReadOnlyList<EpisodeLine> Episodes, IReadOnlyList<EpisodeProblem> Problems) MoveStart(IReadOnlyList<EpisodeLine> episodes, int index, DateOnly date)
    {
        if (index < 0 || index >= episodes.Count) return (episodes, [new(index, "There is no such episode")]);
        var e = episodes[index];
        if (index > 0 && date <= episodes[index - 1].Start)
            return (episodes, [new(index, $"Episode {index + 1} must start after episode {index} started on {Show(episodes[index - 1].Start)}; to go back further, correct episode {index} as well")]);
        if (e.End is { } end && date >= end)
            return (episodes, [new(index, $"Episode {index + 1} must start before it ends on {Show(end)}")]);
        var lines = episodes.ToList();
        lines[index] = e with { Start = date };
        if (index > 0) lines[index - 1] = lines[index - 1] with { End = date };
        return (lines, Check(lines));
    }

    /// Ends the period of care on a date with a reason that is not X1.
    public static (IReadOnlyList<EpisodeLine> Episodes, IReadOnlyList<EpisodeProblem> Problems) End(IReadOnlyList<EpisodeLine> episodes, DateOnly date, string reason)
    {
        if (episodes.Count == 0) return (episodes, [new(-1, "There is no period of care to end")]);
        if (reason == LookedAfterCodes.EpisodeContinues || !LookedAfterCodes.ReasonEpisodeCeased.Contains(reason))
            return (episodes, [new(episodes.Count - 1, "Select the reason the child stopped being looked after")]);
        var last = episodes[^1];
        if (last.End is not null) return (episodes, [new(episodes.Count - 1, $"The period of care already ended on {Show(last.End.Value)}")]);
        if (date < last.Start)
            return (episodes, [new(episodes.Count - 1, $"The period of care cannot end before the current episode started on {Show(last.Start)}")]);
        var lines = episodes.ToList();
        lines[^1] = last with { End = date, ReasonEpisodeCeased = reason };
        return (lines, Check(lines));
    }

    private static bool IsLegalChange(List<EpisodeLine> lines, EpisodeLine e)
    {
        var i = lines.IndexOf(e);
        return i > 0 && lines[i - 1].LegalStatus != e.LegalStatus;
    }

    private static bool IsPlacementChange(List<EpisodeLine> lines, EpisodeLine e)
    {
        var i = lines.IndexOf(e);
        return i > 0 && (lines[i - 1].PlacementKey != e.PlacementKey || lines[i - 1].CarerKey != e.CarerKey);
    }

    /// Joins neighbours that no longer differ and recomputes RNE from what changed.
    private static List<EpisodeLine> Normalise(List<EpisodeLine> lines)
    {
        var result = new List<EpisodeLine>();
        foreach (var e in lines)
        {
            if (result.Count == 0) { result.Add(e with { ReasonForNewEpisode = "S" }); continue; }
            var prev = result[^1];
            var rne = ReasonFor(prev, e.LegalStatus, e.PlacementKey, e.CarerKey);
            if (rne is null)
                result[^1] = prev with { End = e.End, ReasonEpisodeCeased = e.ReasonEpisodeCeased, ReasonPlaceChange = e.ReasonPlaceChange };
            else
            {
                if (prev.PlacementKey == e.PlacementKey && prev.CarerKey == e.CarerKey && prev.ReasonPlaceChange is not null)
                    result[^1] = prev with { ReasonPlaceChange = null };
                result.Add(e with { ReasonForNewEpisode = rne });
            }
        }
        return result;
    }

    private static string Show(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
