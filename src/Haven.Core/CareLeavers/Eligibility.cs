namespace Haven.Core.CareLeavers;

/// The leaving-care categories of the Children Act 1989 (glossary §9), as Annex A list 9 names them.
public enum CareLeaverStatus { None, Eligible, Relevant, FormerRelevant, Qualifying }

/// One stretch of being looked after: [Start, End) — End is the day the child stopped being looked
/// after (903 DEC), null while still looked after. A stretch under an agreed series of short breaks
/// (903 legal status V3 or V4) is marked; EndedBySpecialGuardianship is a 903 REC of E45–E48.
public sealed record CareStay(DateOnly Start, DateOnly? End, bool IsShortBreak = false, bool EndedBySpecialGuardianship = false);

/// A status and the date it applies from.
public sealed record StatusFrom(CareLeaverStatus Status, DateOnly From);

public sealed record EligibilityResult(CareLeaverStatus Status, DateOnly? AppliesFrom, DateOnly? EligibleFrom, int DaysLookedAfterSince14,
    IReadOnlyList<StatusFrom> History)
{
    public bool IsCareLeaver => Status is not CareLeaverStatus.None;
}

/// <summary>
/// Which leaving-care category a young person is in on a date, worked out only from their date of
/// birth and care history. The rule implemented (glossary §9; CA 1989 Sch 2 para 19B, s23A, s23C,
/// s24; CPPCR reg 40):
/// <list type="bullet">
/// <item>Days looked after are counted as nights: a stay from Start to End counts End − Start days,
/// each day from the 14th birthday up to the day before the 18th. Days under a series of agreed short
/// breaks (legal status V3/V4) do not count (CPPCR reg 40(2) excludes pre-planned short breaks).</item>
/// <item><b>Eligible</b> from the first day D, on or after the 16th birthday and before the 18th,
/// on which the child is looked after and the days counted up to and including D reach 13 weeks (91).
/// So a child who comes into care on their 16th birthday is eligible on its 91st day in care.</item>
/// <item><b>Relevant</b>: aged 16–17, was eligible, no longer looked after — from the day they left
/// care. Coming back into care makes them eligible again.</item>
/// <item><b>Former relevant</b>: was eligible (or relevant) — from the 18th birthday, whether they
/// turned 18 in care or after leaving, to the 25th birthday (support to 21, to 25 on request).</item>
/// <item><b>Qualifying</b>: looked after at some time on or after the 16th birthday without ever
/// becoming eligible, or left care under a special guardianship order — from the day they stopped
/// being looked after (or their 16th birthday, if the order came earlier) to the 21st birthday.</item>
/// </list>
/// Not modelled: a relevant child who returns home for 6 months stops being relevant; qualifying
/// support to 25 while in education or training.
/// </summary>
public static class Eligibility
{
    public const int QualifyingDays = 13 * 7;

    /// Works through the days from the 14th birthday to the as-of day (or the 25th birthday) in
    /// stretches over which nothing changes: a status can only change at a birthday (14, 16, 18, 21,
    /// 25), where a stay starts or ends, where a special guardianship order ends one, and on the day
    /// the 13 weeks are reached. The result is the same as stepping day by day (EligibilityTests
    /// compares the two), with a few dozen steps per young person instead of up to 4,000.
    public static EligibilityResult On(DateOnly dateOfBirth, IReadOnlyCollection<CareStay> stays, DateOnly asOf)
    {
        var b14 = dateOfBirth.AddYears(14);
        var b16 = dateOfBirth.AddYears(16);
        var b18 = dateOfBirth.AddYears(18);
        var b21 = dateOfBirth.AddYears(21);
        var b25 = dateOfBirth.AddYears(25);
        var counted = stays.Where(s => !s.IsShortBreak).ToList();
        var sgoEnd = stays.Where(s => s.EndedBySpecialGuardianship && s.End is not null).Select(s => s.End!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();

        bool InCare(DateOnly d) => counted.Any(s => s.Start <= d && (s.End is null || d < s.End.Value));

        // The last day looked at: the as-of day, or the 25th birthday, after which nothing changes.
        var last = asOf < b25 ? asOf : b25;
        var history = new List<StatusFrom>();
        var days = 0;
        DateOnly? eligibleFrom = null;
        var lookedAfterAfter16 = false;
        var current = CareLeaverStatus.None;
        if (last >= b14)
        {
            var stop = last.AddDays(1);
            var points = new SortedSet<DateOnly> { b14, stop };
            foreach (var p in new[] { b16, b18, b21, b25, sgoEnd }) points.Add(p);
            foreach (var s in counted)
            {
                points.Add(s.Start);
                if (s.End is { } e) points.Add(e);
            }
            var bounds = points.Where(p => p >= b14 && p <= stop).ToList();
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                var from = bounds[i];
                var next = bounds[i + 1];
                var inCare = InCare(from);
                var counts = inCare && from < b18;
                var after16 = inCare && from >= b16 && from < b18;
                if (after16) lookedAfterAfter16 = true;
                if (after16 && eligibleFrom is null)
                {
                    // The day the count reaches 13 weeks, counting that day itself.
                    var reached = from.AddDays(Math.Max(QualifyingDays - days, 1) - 1);
                    if (reached < next)
                    {
                        if (reached > from) Note(from);
                        days += reached.DayNumber - from.DayNumber;
                        eligibleFrom = reached;
                        from = reached;
                    }
                }
                if (counts) days += next.DayNumber - from.DayNumber;
                Note(from);

                void Note(DateOnly d)
                {
                    var status = d < b16 ? CareLeaverStatus.None
                        : d < b18 ? (eligibleFrom is not null ? (inCare ? CareLeaverStatus.Eligible : CareLeaverStatus.Relevant)
                            : !inCare && (lookedAfterAfter16 || sgoEnd <= d) ? CareLeaverStatus.Qualifying : CareLeaverStatus.None)
                        : eligibleFrom is not null ? (d < b25 ? CareLeaverStatus.FormerRelevant : CareLeaverStatus.None)
                        : (lookedAfterAfter16 || sgoEnd <= d) && d < b21 ? CareLeaverStatus.Qualifying : CareLeaverStatus.None;
                    if (status == current) return;
                    history.Add(new StatusFrom(status, d));
                    current = status;
                }
            }
        }
        if (history.Count > 0 && history[0].Status == CareLeaverStatus.None) history.RemoveAt(0);
        return new EligibilityResult(current, history.LastOrDefault(h => h.Status == current)?.From is { } applies && current != CareLeaverStatus.None ? applies : null,
            eligibleFrom, days, history);
    }

    public static string Describe(CareLeaverStatus status) => status switch
    {
        CareLeaverStatus.Eligible => "Eligible",
        CareLeaverStatus.Relevant => "Relevant",
        CareLeaverStatus.FormerRelevant => "Former relevant",
        CareLeaverStatus.Qualifying => "Qualifying",
        _ => "Not a care leaver",
    };

    /// The Annex A list 9 eligibility category (annexa_care_leaver_eligibility.csv).
    public static string AnnexACode(CareLeaverStatus status) => status switch
    {
        CareLeaverStatus.Relevant => "a) Relevant",
        CareLeaverStatus.FormerRelevant => "b) Former relevant",
        CareLeaverStatus.Qualifying => "c) Qualifying",
        CareLeaverStatus.Eligible => "d) Eligible",
        _ => "e) Other",
    };

    public static string Explain(CareLeaverStatus status) => status switch
    {
        CareLeaverStatus.Eligible => "Aged 16 or 17, looked after, and looked after for at least 13 weeks since turning 14, some of it after 16.",
        CareLeaverStatus.Relevant => "Aged 16 or 17, was eligible and has left care.",
        CareLeaverStatus.FormerRelevant => "Aged 18 to 25, was eligible or relevant. Support to 21, and to 25 on request.",
        CareLeaverStatus.Qualifying => "Looked after at or after 16 without becoming eligible, or left care under a special guardianship order: advice and assistance up to 21.",
        _ => "Not in a leaving-care category.",
    };
}
