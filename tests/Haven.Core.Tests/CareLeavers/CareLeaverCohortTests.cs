using Haven.Core.CareLeavers;

namespace Haven.Core.Tests.CareLeavers;

public class CareLeaverCohortTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void StatusOn_EarlierDates_SameAsWorkingEligibilityOutOnEachDate()
    {
        // The performance trend works eligibility out once, on the last month end, and reads each
        // earlier month end from its history: it must agree with working it out on that day.
        var rng = new Random(20261126);
        for (var n = 0; n < 1500; n++)
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
            var last = dob.AddDays(rng.Next(13 * 365, 27 * 365));
            var worked = Eligibility.On(dob, stays, last);
            for (var on = last; on > last.AddYears(-3); on = on.AddDays(-rng.Next(1, 40)))
            {
                var direct = Eligibility.On(dob, stays, on);
                Assert.Equal((direct.Status, direct.AppliesFrom), CareLeaverCohort.StatusOn(worked, on));
            }
        }
    }

    [Fact]
    public void LatestBirthday_OnADate_IsTheLatestBirthdayReachedByThen()
    {
        // Born 20 Jan 1994: 18 on 20 Jan 2012, 19 on 20 Jan 2013.
        var returns = new[] { new BirthdayReturn { Age = 19, InTouchCode = "NO" }, new BirthdayReturn { Age = 18, InTouchCode = "YES" } };
        Assert.Null(CareLeaverCohort.LatestBirthday(returns, D(1994, 1, 20), D(2012, 1, 19)));
        Assert.Equal(18, CareLeaverCohort.LatestBirthday(returns, D(1994, 1, 20), D(2013, 1, 19))!.Age);
        Assert.Equal(19, CareLeaverCohort.LatestBirthday(returns, D(1994, 1, 20), D(2013, 1, 20))!.Age);
    }
}
