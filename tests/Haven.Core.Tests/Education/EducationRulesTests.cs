using Haven.Core.Education;

namespace Haven.Core.Tests.Education;

/// Hand-worked examples for the virtual school's rules.
public class EducationRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void InitialPepDue_TwentySchoolDaysCountedAsWorkingDays_SkipsBankHoliday()
    {
        // As the initial health assessment: in care Monday 20 April 2026, early May bank holiday on 4 May.
        Assert.Equal(D(2026, 5, 19), EducationRules.InitialPepDue(D(2026, 4, 20)));
    }

    [Fact]
    public void PepReviewDue_Termly_IsFourMonthsAfterTheLast()
    {
        Assert.Equal(D(2026, 5, 15), EducationRules.PepReviewDue(D(2026, 1, 15)));
        Assert.Equal(D(2027, 1, 10), EducationRules.PepReviewDue(D(2026, 9, 10)));
    }

    [Theory]
    [InlineData(2014, 9, 1, 6)]   // oldest in the year: 10 on 31 August 2025
    [InlineData(2015, 8, 31, 6)]  // youngest in the same year
    [InlineData(2014, 8, 31, 7)]  // a day older: the year above
    [InlineData(2021, 5, 1, 0)]   // Reception
    public void YearGroupOn_AgeOnThirtyFirstAugustLessFour(int y, int m, int d, int yearGroup) =>
        Assert.Equal(yearGroup, EducationRules.YearGroupOn(D(y, m, d), D(2025, 10, 1)));

    [Theory]
    [InlineData(0, EducationPhase.EarlyYears)]
    [InlineData(1, EducationPhase.Primary)]
    [InlineData(6, EducationPhase.Primary)]
    [InlineData(7, EducationPhase.Secondary)]
    [InlineData(11, EducationPhase.Secondary)]
    [InlineData(12, EducationPhase.Post16)]
    public void PhaseOf_YearGroup(int yearGroup, EducationPhase phase) => Assert.Equal(phase, EducationRules.PhaseOf(yearGroup));

    [Theory]
    [InlineData(89.9, true)]
    [InlineData(90.0, false)]
    public void IsPersistentlyAbsent_BelowNinetyPercent(double percent, bool expected) =>
        Assert.Equal(expected, EducationRules.IsPersistentlyAbsent((decimal)percent));

    [Theory]
    [InlineData(9, SchoolTerm.Autumn)]
    [InlineData(12, SchoolTerm.Autumn)]
    [InlineData(1, SchoolTerm.Spring)]
    [InlineData(3, SchoolTerm.Spring)]
    [InlineData(4, SchoolTerm.Summer)]
    [InlineData(7, SchoolTerm.Summer)]
    public void TermOf_Month(int month, SchoolTerm term) => Assert.Equal(term, EducationRules.TermOf(D(2026, month, 10)));
}
