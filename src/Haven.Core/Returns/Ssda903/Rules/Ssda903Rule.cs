using System.Globalization;
using Haven.Core.Codes;

namespace Haven.Core.Returns.Ssda903.Rules;

/// A DfE SSDA903 validation rule (statutory-returns.md §1.4). Each rule is its own small class with the
/// DfE rule number and the message as the DfE words its intent; failures point at the page of the
/// child's record where the fact is put right.
public abstract class Ssda903Rule : IReturnRule<Ssda903Data>
{
    public abstract string Code { get; }
    public abstract string Message { get; }
    public abstract IEnumerable<ReturnFailure> Check(Ssda903Data data);

    protected ReturnFailure Fail(string child, string field, string section)
    {
        int? id = int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new ReturnFailure(StatutoryReturn.Ssda903, Code, id, child, field, Message, id is { } i ? Ssda903FixPaths.For(i, section) : null);
    }

    /// A rule that a code is one of a DfE list (blank allowed where the column may be blank).
    protected IEnumerable<ReturnFailure> Codes<T>(IEnumerable<T> rows, Func<T, string> child, Func<T, string?> value, CodeList list, string field, string section, bool blankAllowed) =>
        rows.Where(r => value(r) is { } v ? !list.Contains(v) : !blankAllowed).Select(r => Fail(child(r), field, section));

    protected static int? AgeOn(Ssda903Data data, string child, DateOnly day) =>
        data.HeaderByChild.TryGetValue(child, out var h) && h.Dob is { } dob ? Ssda903Builder.Age(dob, day) : null;

    /// Pairs of consecutive episodes of each child (in date order).
    protected static IEnumerable<(Ssda903Episode Previous, Ssda903Episode Next)> Consecutive(Ssda903Data data) =>
        data.EpisodesByChild.SelectMany(g => g.Zip(g.Skip(1)));

    /// Runs of back-to-back episodes of each child (each starts the day the one before ended) that all match.
    protected static IEnumerable<List<Ssda903Episode>> Runs(Ssda903Data data, Func<Ssda903Episode, bool> match)
    {
        foreach (var g in data.EpisodesByChild)
        {
            List<Ssda903Episode>? run = null;
            foreach (var e in g)
            {
                if (!match(e)) { if (run is not null) yield return run; run = null; continue; }
                if (run is not null && run[^1].Dec != e.Decom) { yield return run; run = null; }
                (run ??= []).Add(e);
            }
            if (run is not null) yield return run;
        }
    }

    /// Days from a run's first DECOM to its last DEC; an open episode runs to the end of the year.
    protected static int Days(Ssda903Data data, IReadOnlyList<Ssda903Episode> run) =>
        (run[^1].Dec ?? data.Period.End).DayNumber - run[0].Decom.DayNumber;

    protected static bool IsTemporary(string place) => ChildrenLookedAfter.LookedAfterCodes.IsTemporary(place);
}

/// Where in the child's record each part of the return is put right.
public static class Ssda903FixPaths
{
    public const string DetailsPage = "details", CarePage = "care", ReviewsPage = "care", MissingPage = "missing", HealthPage = "health", CareLeaverPage = "care-leaver", PermanencePage = "permanence";

    public static string For(int childId, string section) => section == DetailsPage
        ? $"/children/{childId}/details"
        : $"/children/{childId}/{section}";
}

/// Every 903 rule Haven implements, in DfE number order.
public static class Ssda903Rules
{
    public static IReadOnlyList<Ssda903Rule> All { get; } = typeof(Ssda903Rule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Ssda903Rule)) && !t.IsAbstract)
        .Select(t => (Ssda903Rule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Code.Length).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<ReturnFailure> Run(Ssda903Data data) =>
        All.SelectMany(r => r.Check(data)).OrderBy(f => f.ChildId).ThenBy(f => f.RuleCode, StringComparer.Ordinal).ToList();
}
