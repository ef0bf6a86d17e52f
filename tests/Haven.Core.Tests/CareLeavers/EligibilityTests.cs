using Haven.Core.CareLeavers;
using static Haven.Core.CareLeavers.CareLeaverStatus;

namespace Haven.Core.Tests.CareLeavers;

/// Hand-worked care histories for a young person born 1 January 2000: 14 on 1 Jan 2014, 16 on
/// 1 Jan 2016 (a leap year: January 31 + February 29 + March 31 = 91 days), 18 on 1 Jan 2018,
/// 21 on 1 Jan 2021, 25 on 1 Jan 2025.
public class EligibilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly DateOnly Dob = D(2000, 1, 1);

    [Fact]
    public void On_ExactlyThirteenWeeksFromSixteenthBirthday_EligibleOnDay91ThenRelevantThenFormerRelevant()
    {
        // In care 1 Jan to 1 Apr 2016: 91 days (1 Jan .. 31 Mar).
        CareStay[] stays = [new(D(2016, 1, 1), D(2016, 4, 1))];

        var inCare = Eligibility.On(Dob, stays, D(2016, 3, 31));
        Assert.Equal(Eligible, inCare.Status);
        Assert.Equal(D(2016, 3, 31), inCare.AppliesFrom);
        Assert.Equal(91, inCare.DaysLookedAfterSince14);
        Assert.Equal(None, Eligibility.On(Dob, stays, D(2016, 3, 30)).Status);

        var left = Eligibility.On(Dob, stays, D(2017, 6, 1));
        Assert.Equal(Relevant, left.Status);
        Assert.Equal(D(2016, 4, 1), left.AppliesFrom);

        var adult = Eligibility.On(Dob, stays, D(2019, 6, 1));
        Assert.Equal(FormerRelevant, adult.Status);
        Assert.Equal(D(2018, 1, 1), adult.AppliesFrom);
        Assert.Equal([new(Eligible, D(2016, 3, 31)), new(Relevant, D(2016, 4, 1)), new(FormerRelevant, D(2018, 1, 1))], adult.History);
        Assert.Equal(None, Eligibility.On(Dob, stays, D(2025, 1, 1)).Status);
    }

    [Fact]
    public void On_OneDayShortOfThirteenWeeks_QualifyingUntil21()
    {
        // 90 days: never eligible, but looked after after 16, so qualifying from the day care ended.
        CareStay[] stays = [new(D(2016, 1, 1), D(2016, 3, 31))];
        var r = Eligibility.On(Dob, stays, D(2019, 6, 1));
        Assert.Equal(Qualifying, r.Status);
        Assert.Equal(D(2016, 3, 31), r.AppliesFrom);
        Assert.Null(r.EligibleFrom);
        Assert.Equal(90, r.DaysLookedAfterSince14);
        Assert.Equal(None, Eligibility.On(Dob, stays, D(2021, 1, 1)).Status);
    }

    [Fact]
    public void On_WeeksBeforeFourteenDoNotCount_OnlyDaysFromThe14thBirthday()
    {
        // In care from 1 Dec 2013 to 1 Mar 2014: 31 days before 14 and 59 after — and all before 16.
        CareStay[] stays = [new(D(2013, 12, 1), D(2014, 3, 1))];
        var r = Eligibility.On(Dob, stays, D(2016, 6, 1));
        Assert.Equal(None, r.Status);
        Assert.Equal(59, r.DaysLookedAfterSince14);
    }

    [Fact]
    public void On_ThirteenWeeksAtFourteenThenBackInCareAfterSixteen_EligibleTheDayTheyReturn()
    {
        // 100 days at 14 (1 Mar to 9 Jun 2014), none after 16 until 10 days from 1 Jul 2016.
        CareStay[] stays = [new(D(2014, 3, 1), D(2014, 6, 9)), new(D(2016, 7, 1), D(2016, 7, 11))];
        var before = Eligibility.On(Dob, stays, D(2016, 6, 30));
        Assert.Equal(None, before.Status);
        var r = Eligibility.On(Dob, stays, D(2016, 9, 1));
        Assert.Equal(Relevant, r.Status);
        Assert.Equal(D(2016, 7, 11), r.AppliesFrom);
        Assert.Equal(D(2016, 7, 1), r.EligibleFrom);
    }

    [Fact]
    public void On_ShortBreaksOnly_NotACareLeaver()
    {
        // A series of agreed short breaks (V3) adding up to far more than 13 weeks after 16.
        var breaks = Enumerable.Range(0, 20).Select(i => new CareStay(D(2016, 1, 4).AddDays(i * 28), D(2016, 1, 4).AddDays(i * 28 + 7), IsShortBreak: true)).ToList();
        var r = Eligibility.On(Dob, breaks, D(2017, 6, 1));
        Assert.Equal(None, r.Status);
        Assert.Equal(0, r.DaysLookedAfterSince14);
    }

    [Fact]
    public void On_ShortBreaksDoNotAddToAFullPeriod_EligibleOnlyWhenTheFullPeriodReaches91Days()
    {
        // 30 days of short breaks, then a full period from 1 Feb 2016: eligible on its 91st day (1 May).
        CareStay[] stays = [new(D(2016, 1, 1), D(2016, 1, 31), IsShortBreak: true), new(D(2016, 2, 1), null)];
        var r = Eligibility.On(Dob, stays, D(2016, 6, 1));
        Assert.Equal(Eligible, r.Status);
        Assert.Equal(D(2016, 5, 1), r.AppliesFrom);
    }

    [Fact]
    public void On_TurnsEighteenInCare_EligibleFromSixteenThenFormerRelevantFromEighteen()
    {
        // In care since 12; the period ends on the 18th birthday.
        CareStay[] stays = [new(D(2012, 5, 1), D(2018, 1, 1))];
        var at17 = Eligibility.On(Dob, stays, D(2017, 6, 1));
        Assert.Equal(Eligible, at17.Status);
        Assert.Equal(D(2016, 1, 1), at17.AppliesFrom);
        var at19 = Eligibility.On(Dob, stays, D(2019, 1, 1));
        Assert.Equal(FormerRelevant, at19.Status);
        Assert.Equal(D(2018, 1, 1), at19.AppliesFrom);
        Assert.Equal([new(Eligible, D(2016, 1, 1)), new(FormerRelevant, D(2018, 1, 1))], at19.History);
    }

    [Fact]
    public void On_StillRecordedInCareAfterEighteen_FormerRelevantFromEighteen()
    {
        CareStay[] stays = [new(D(2015, 6, 1), null)];
        var r = Eligibility.On(Dob, stays, D(2018, 3, 1));
        Assert.Equal(FormerRelevant, r.Status);
        Assert.Equal(D(2018, 1, 1), r.AppliesFrom);
    }

    [Fact]
    public void On_LeftCareUnderSpecialGuardianshipAtTwelve_QualifyingFrom16To21()
    {
        CareStay[] stays = [new(D(2010, 1, 1), D(2012, 3, 1), EndedBySpecialGuardianship: true)];
        Assert.Equal(None, Eligibility.On(Dob, stays, D(2015, 12, 31)).Status);
        var r = Eligibility.On(Dob, stays, D(2017, 1, 1));
        Assert.Equal(Qualifying, r.Status);
        Assert.Equal(D(2016, 1, 1), r.AppliesFrom);
        Assert.Equal(None, Eligibility.On(Dob, stays, D(2021, 1, 1)).Status);
    }

    [Fact]
    public void On_SixteenInCareForFiftyDays_NotYetEligible()
    {
        CareStay[] stays = [new(D(2016, 4, 1), null)];
        var r = Eligibility.On(Dob, stays, D(2016, 5, 20));
        Assert.Equal(None, r.Status);
        Assert.Equal(50, r.DaysLookedAfterSince14);
        Assert.Empty(r.History);
    }

    [Fact]
    public void On_RandomCareHistories_SameAsSteppingDayByDay()
    {
        // Eligibility.On works in stretches between the days anything can change; the plain rule
        // steps through every day. They must agree on every field for any history and any day.
        var rng = new Random(20260331);
        TimeSpan byDay = default, inStretches = default;
        for (var n = 0; n < 3000; n++)
        {
            var dob = D(1995, 1, 1).AddDays(rng.Next(0, 3000));
            var stays = new List<CareStay>();
            var at = dob.AddDays(rng.Next(12 * 365, 17 * 365));
            for (var k = rng.Next(0, 4); k > 0; k--)
            {
                var start = at.AddDays(rng.Next(0, 400));
                DateOnly? end = rng.Next(6) == 0 ? null : start.AddDays(rng.Next(1, rng.Next(2) == 0 ? 120 : 900));
                stays.Add(new CareStay(start, end, IsShortBreak: rng.Next(8) == 0, EndedBySpecialGuardianship: end is not null && rng.Next(8) == 0));
                if (end is null) break;
                at = end.Value;
            }
            var asOf = dob.AddDays(rng.Next(13 * 365, 27 * 365));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var expected = ByDay(dob, stays, asOf);
            byDay += clock.Elapsed;
            clock.Restart();
            var actual = Eligibility.On(dob, stays, asOf);
            inStretches += clock.Elapsed;
            Assert.Equal((expected.Status, expected.AppliesFrom, expected.EligibleFrom, expected.DaysLookedAfterSince14),
                (actual.Status, actual.AppliesFrom, actual.EligibleFrom, actual.DaysLookedAfterSince14));
            Assert.Equal(expected.History, actual.History);
        }
        output.WriteLine($"3,000 histories: day by day {byDay.TotalMilliseconds:0} ms, in stretches {inStretches.TotalMilliseconds:0} ms");
    }

    /// The rule as first written: one step per day from the 14th birthday. Kept as the oracle.
    private static EligibilityResult ByDay(DateOnly dateOfBirth, IReadOnlyCollection<CareStay> stays, DateOnly asOf)
    {
        var b14 = dateOfBirth.AddYears(14);
        var b16 = dateOfBirth.AddYears(16);
        var b18 = dateOfBirth.AddYears(18);
        var b21 = dateOfBirth.AddYears(21);
        var b25 = dateOfBirth.AddYears(25);
        var counted = stays.Where(s => !s.IsShortBreak).ToList();
        var sgoEnd = stays.Where(s => s.EndedBySpecialGuardianship && s.End is not null).Select(s => s.End!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();

        bool InCare(DateOnly d) => counted.Any(s => s.Start <= d && (s.End is null || d < s.End.Value));

        var history = new List<StatusFrom>();
        var days = 0;
        DateOnly? eligibleFrom = null;
        var lookedAfterAfter16 = false;
        var current = CareLeaverStatus.None;
        for (var d = b14; d <= asOf; d = d.AddDays(1))
        {
            var inCare = InCare(d);
            if (inCare && d >= b14 && d < b18) days++;
            if (inCare && d >= b16 && d < b18)
            {
                lookedAfterAfter16 = true;
                if (eligibleFrom is null && days >= Eligibility.QualifyingDays) eligibleFrom = d;
            }
            var status = d < b16 ? CareLeaverStatus.None
                : d < b18 ? (eligibleFrom is not null ? (inCare ? CareLeaverStatus.Eligible : CareLeaverStatus.Relevant)
                    : !inCare && (lookedAfterAfter16 || sgoEnd <= d) ? CareLeaverStatus.Qualifying : CareLeaverStatus.None)
                : eligibleFrom is not null ? (d < b25 ? CareLeaverStatus.FormerRelevant : CareLeaverStatus.None)
                : (lookedAfterAfter16 || sgoEnd <= d) && d < b21 ? CareLeaverStatus.Qualifying : CareLeaverStatus.None;
            if (status != current)
            {
                history.Add(new StatusFrom(status, d));
                current = status;
            }
            // Nothing changes any more once every stay has ended and no birthday is left to pass.
            if (d >= b25) break;
        }
        if (history.Count > 0 && history[0].Status == CareLeaverStatus.None) history.RemoveAt(0);
        return new EligibilityResult(current, history.LastOrDefault(h => h.Status == current)?.From is { } from && current != CareLeaverStatus.None ? from : null,
            eligibleFrom, days, history);
    }
}
