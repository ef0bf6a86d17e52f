using Haven.Core.Calendar;
using Haven.Core.Health;

namespace Haven.Core.Tests.Health;

/// Hand-worked examples for every health timescale for children in care.
public class HealthRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void InitialAssessmentDue_AcrossEarlyMayBankHoliday_IsTwentyWorkingDaysLater()
    {
        // Came into care Monday 20 April 2026 (day 0). Working days: 21–24 Apr (1–4), 27–30 Apr (5–8),
        // 1 May (9), Monday 4 May is the early May bank holiday, 5–8 May (10–13), 11–15 May (14–18),
        // 18 May (19), 19 May (20). Without the bank holiday it would be Monday 18 May.
        Assert.Equal(D(2026, 5, 19), HealthRules.InitialAssessmentDue(D(2026, 4, 20)));
    }

    [Fact]
    public void InitialAssessmentDue_OverChristmas_SkipsBothBankHolidays()
    {
        // Came into care Friday 11 December 2026: 14–18 Dec (1–5), 21–24 Dec (6–9), 25 and 28 Dec are
        // bank holidays, 29–31 Dec (10–12), 1 Jan 2027 is a bank holiday, 4–8 Jan (13–17), 11–13 Jan (18–20).
        Assert.Equal(D(2027, 1, 13), HealthRules.InitialAssessmentDue(D(2026, 12, 11)));
    }

    [Fact]
    public void ReviewAssessmentDue_LastAssessmentTheDayBeforeFifthBirthday_IsSixMonths()
    {
        var dob = D(2021, 6, 15);
        Assert.Equal(Timescales.ReviewHealthAssessmentUnderFive, HealthRules.ReviewRuleAfter(dob, D(2026, 6, 14)));
        Assert.Equal(D(2026, 12, 14), HealthRules.ReviewAssessmentDue(dob, D(2026, 6, 14)));
    }

    [Fact]
    public void ReviewAssessmentDue_LastAssessmentOnFifthBirthday_IsTwelveMonths()
    {
        var dob = D(2021, 6, 15);
        Assert.Equal(Timescales.ReviewHealthAssessment, HealthRules.ReviewRuleAfter(dob, D(2026, 6, 15)));
        Assert.Equal(D(2027, 6, 15), HealthRules.ReviewAssessmentDue(dob, D(2026, 6, 15)));
    }

    [Fact]
    public void DentalCheckDue_NoneYet_IsTwelveMonthsFromComingIntoCare()
    {
        Assert.Equal(D(2027, 4, 20), HealthRules.DentalCheckDue(D(2026, 4, 20), null));
        Assert.Equal(D(2027, 9, 1), HealthRules.DentalCheckDue(D(2026, 4, 20), D(2026, 9, 1)));
        // A check from before this period of care does not count.
        Assert.Equal(D(2027, 4, 20), HealthRules.DentalCheckDue(D(2026, 4, 20), D(2025, 9, 1)));
    }

    [Fact]
    public void SdqDue_ChildInCareBeforeFourthBirthday_FirstDueAYearAfterTurningFour()
    {
        // Born 10 March 2018, in care from 6 January 2020 (aged 1): turns 4 on 10 March 2022.
        Assert.Equal(D(2023, 3, 10), HealthRules.SdqDue(D(2018, 3, 10), D(2020, 1, 6), null));
    }

    [Fact]
    public void SdqDue_AfterLastQuestionnaire_IsTwelveMonthsLater()
    {
        Assert.Equal(D(2026, 5, 1), HealthRules.SdqDue(D(2018, 3, 10), D(2020, 1, 6), D(2025, 5, 1)));
    }

    [Fact]
    public void SdqDue_ChildWouldBeSeventeen_IsNotDue()
    {
        var dob = D(2009, 9, 1);
        // Due 31 August 2026, the last day the child is 16: still due.
        Assert.Equal(D(2026, 8, 31), HealthRules.SdqDue(dob, D(2020, 1, 6), D(2025, 8, 31)));
        // Due 1 October 2026, when the child is 17: none is due.
        Assert.Null(HealthRules.SdqDue(dob, D(2020, 1, 6), D(2025, 10, 1)));
    }

    [Theory]
    [InlineData(2022, 3, 9, false)]  // aged 3, the day before the 4th birthday
    [InlineData(2022, 3, 10, true)]  // 4th birthday
    [InlineData(2035, 3, 9, true)]   // the last day aged 16
    [InlineData(2035, 3, 10, false)] // 17th birthday
    public void SdqAge_FourToSixteen_Inclusive(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, HealthRules.SdqAge(D(2018, 3, 10), D(y, m, d)));

    [Theory]
    [InlineData(0, SdqBand.Normal)]
    [InlineData(13, SdqBand.Normal)]
    [InlineData(14, SdqBand.Borderline)]
    [InlineData(16, SdqBand.Borderline)]
    [InlineData(17, SdqBand.CauseForConcern)]
    [InlineData(40, SdqBand.CauseForConcern)]
    public void Band_DfeBands_NormalBorderlineConcern(int score, SdqBand band) => Assert.Equal(band, HealthRules.Band(score));

    [Fact]
    public void Band_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => HealthRules.Band(41));

    [Fact]
    public void Validate_SdqScoreForThreeYearOld_AsksForReasonInstead()
    {
        var o = new AddHealthRecordOptions(1, HealthRecordKind.StrengthsAndDifficulties, D(2022, 3, 9), null, null, 12, null, null, null, null, null, null);
        var errors = HealthRecordService.Validate(o, D(2026, 1, 1), D(2018, 3, 10));
        Assert.Contains("SDQ1", errors["SdqScore"]);
    }

    [Fact]
    public void Validate_SdqScoreAndReason_RejectsBoth()
    {
        var o = new AddHealthRecordOptions(1, HealthRecordKind.StrengthsAndDifficulties, D(2025, 3, 9), null, null, 12, "SDQ2", null, null, null, null, null);
        Assert.True(HealthRecordService.Validate(o, D(2026, 1, 1), D(2018, 3, 10)).ContainsKey("SdqReasonCode"));
        var noScore = o with { SdqScore = null, SdqReasonCode = "SDQ9" };
        Assert.True(HealthRecordService.Validate(noScore, D(2026, 1, 1), D(2018, 3, 10)).ContainsKey("SdqReasonCode"));
        var tooHigh = o with { SdqScore = 41, SdqReasonCode = null };
        Assert.True(HealthRecordService.Validate(tooHigh, D(2026, 1, 1), D(2018, 3, 10)).ContainsKey("SdqScore"));
    }
}
