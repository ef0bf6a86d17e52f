using Haven.Core.Calendar;

namespace Haven.Core.Education;

public enum EducationPhase { EarlyYears, Primary, Secondary, Post16 }

/// The virtual school's rules, pure (hand-worked examples in tests/Haven.Core.Tests/Education).
public static class EducationRules
{
    /// Persistent absence: attendance below 90% of possible sessions (DfE definition).
    public const decimal PersistentAbsenceBelow = 90m;

    public static bool IsPersistentlyAbsent(decimal attendancePercent) => attendancePercent < PersistentAbsenceBelow;

    /// The academic year (by the calendar year it starts) that a date falls in: from 1 September.
    public static int AcademicYearOf(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    /// The school term a date falls in. Term dates vary by school; Haven uses Autumn =
    /// September–December, Spring = January–March, Summer = April–August.
    public static SchoolTerm TermOf(DateOnly date) => date.Month switch
    {
        >= 9 => SchoolTerm.Autumn,
        <= 3 => SchoolTerm.Spring,
        _ => SchoolTerm.Summer,
    };

    /// The national curriculum year group for a child's age: their age on 31 August at the start
    /// of the academic year, less four (Reception = 0, Year 7 = 11 on 31 August).
    public static int YearGroupOn(DateOnly dob, DateOnly date)
    {
        var august31 = new DateOnly(AcademicYearOf(date), 8, 31);
        var age = august31.Year - dob.Year;
        if (august31 < dob.AddYears(age)) age--;
        return age - 4;
    }

    /// The year group on a date from one recorded at school on an earlier date: it moves up one
    /// each academic year (a child held back or moved up keeps the school's year, not their age's).
    public static int YearGroupOn(int recordedYearGroup, DateOnly recordedOn, DateOnly date) =>
        recordedYearGroup + AcademicYearOf(date) - AcademicYearOf(recordedOn);

    public static EducationPhase PhaseOf(int yearGroup) => yearGroup switch
    {
        <= 0 => EducationPhase.EarlyYears,
        <= 6 => EducationPhase.Primary,
        <= 11 => EducationPhase.Secondary,
        _ => EducationPhase.Post16,
    };

    public static string Describe(EducationPhase phase) => phase switch
    {
        EducationPhase.EarlyYears => "Early years",
        EducationPhase.Primary => "Primary",
        EducationPhase.Secondary => "Secondary",
        _ => "Post-16",
    };

    /// A child has a PEP from nursery (age 3) to Year 13.
    public static bool HasPepAge(DateOnly dob, DateOnly date) => YearGroupOn(dob, date) is >= -1 and <= 13;

    /// The first PEP: 20 school days from coming into care, counted as working days (see the rule).
    public static DateOnly InitialPepDue(DateOnly cameIntoCare, WorkingDayCalendar? calendar = null) =>
        Timescales.InitialPersonalEducationPlan.DueFrom(cameIntoCare, calendar);

    /// The next PEP review: once a term, so at most four months after the last PEP.
    public static DateOnly PepReviewDue(DateOnly lastPep) => Timescales.PersonalEducationPlanReview.DueFrom(lastPep);
}
