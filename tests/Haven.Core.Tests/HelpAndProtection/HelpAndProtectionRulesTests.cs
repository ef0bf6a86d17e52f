using Haven.Core.Assessments;
using Haven.Core.Calendar;

namespace Haven.Core.Tests.HelpAndProtection;

/// Due dates worked by hand against the England and Wales bank holidays (day 0 is the start date).
public class HelpAndProtectionRulesTests
{
    [Fact]
    public void AssessmentDue_FromReferralBeforeChristmas_SkipsChristmasBoxingDayAndNewYear()
    {
        // Referral Mon 15 Dec 2025. Working days: 16–19 Dec (4), 22–24 (7), 29–31 (10), 2 Jan (11),
        // then five a week: 9 Jan (16), 16 (21), 23 (26), 30 (31), 6 Feb (36), 13 (41), 16–19 Feb (45).
        var due = Timescales.Assessment.DueFrom(new DateOnly(2025, 12, 15));

        Assert.Equal(new DateOnly(2026, 2, 19), due);
    }

    [Fact]
    public void AssessmentDue_WithoutBankHolidays_WouldBeThreeDaysEarlier()
    {
        // The same 45 working days over weekends only end on Mon 16 Feb 2026: the holidays add three.
        var weekendsOnly = new WorkingDayCalendar([]);

        Assert.Equal(new DateOnly(2026, 2, 16), Timescales.Assessment.DueFrom(new DateOnly(2025, 12, 15), weekendsOnly));
    }

    [Fact]
    public void InitialConferenceDue_FromStrategyDiscussionBeforeEaster_SkipsGoodFridayAndEasterMonday()
    {
        // Strategy discussion Thu 26 Mar 2026. 27 Mar (1), 30 Mar–2 Apr (5), [3 and 6 Apr are holidays],
        // 7–10 Apr (9), 13–17 Apr (14), Mon 20 Apr (15).
        var due = Timescales.InitialChildProtectionConference.DueFrom(new DateOnly(2026, 3, 26));

        Assert.Equal(new DateOnly(2026, 4, 20), due);
    }

    [Fact]
    public void InitialConferenceDue_FromAFridayStrategyDiscussion_CountsFromTheNextWorkingDay()
    {
        // Fri 24 Apr 2026; Mon 4 May is the early May bank holiday. 27 Apr–1 May (5), 5–8 May (9),
        // 11–15 May (14), Mon 18 May (15).
        Assert.Equal(new DateOnly(2026, 5, 18), Timescales.InitialChildProtectionConference.DueFrom(new DateOnly(2026, 4, 24)));
    }

    [Fact]
    public void Validate_NoFactorsWithOtherFactors_IsAnError()
    {
        var options = Options(factors: [HelpAndProtectionCodes.NoFactors, "16A"]);

        var errors = AssessmentService.Validate(options, new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1));

        Assert.Equal("Select 'No factors identified' on its own, or select the factors identified", errors["FactorCodes"]);
    }

    [Fact]
    public void Validate_UnknownFactorCode_IsAnError()
    {
        var errors = AssessmentService.Validate(Options(factors: ["99Z"]), new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1));

        Assert.Equal("Select factors from the list", errors["FactorCodes"]);
    }

    [Fact]
    public void Validate_SeenAloneWithoutSeen_AsksForTheSeenDate()
    {
        var errors = AssessmentService.Validate(Options(seenAlone: new DateOnly(2026, 1, 10)), new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1));

        Assert.True(errors.ContainsKey("ChildSeenDate"));
    }

    [Fact]
    public void Validate_SeenBeforeTheAssessmentStarted_IsAnError()
    {
        var errors = AssessmentService.Validate(Options(seen: new DateOnly(2026, 1, 2)), new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1));

        Assert.StartsWith("Date the child was seen must be on or after the start", errors["ChildSeenDate"]);
    }

    [Fact]
    public void Validate_FactorsFromTheCensusList_AreAccepted()
    {
        var errors = AssessmentService.Validate(Options(factors: ["3B", "16A", "4B"], seen: new DateOnly(2026, 1, 6), seenAlone: new DateOnly(2026, 1, 6)),
            new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1));

        Assert.Empty(errors);
    }

    private static RecordAssessmentOptions Options(string[]? factors = null, DateOnly? seen = null, DateOnly? seenAlone = null) =>
        new(1, Guid.NewGuid(), null, null, null, null, null, null, null, seen, seenAlone, factors ?? []);
}
