using Haven.Core.Calendar;

namespace Haven.Core.Health;

/// The band of an SDQ total difficulties score.
public enum SdqBand { Normal, Borderline, CauseForConcern }

/// The health timescales for a child in care, as pure rules (hand-worked examples in
/// tests/Haven.Core.Tests/Health). Children placed out of the area count exactly the same.
public static class HealthRules
{
    public const int SdqMinimumAge = 4;
    public const int SdqMaximumAge = 16;
    public const int SdqMaxScore = 40;
    /// OC2 HEALTH_CHECK: health surveillance (developmental) checks are for children under 5.
    public const int HealthSurveillanceMaximumAge = 5;
    /// OC2 CONVICTED: from the age of criminal responsibility, 10.
    public const int AgeOfCriminalResponsibility = 10;

    /// The SDQ total difficulties bands DfE uses for looked-after children's outcomes: normal 0–13,
    /// borderline 14–16, cause for concern 17–40. Source: DfE, Children looked after in England
    /// including adoptions 2025, outcomes tables (shared/reference/national-statistics.md, "Health").
    public static SdqBand Band(int score) => score switch
    {
        < 0 or > SdqMaxScore => throw new ArgumentOutOfRangeException(nameof(score), "An SDQ total score is 0 to 40."),
        <= 13 => SdqBand.Normal,
        <= 16 => SdqBand.Borderline,
        _ => SdqBand.CauseForConcern,
    };

    public static string Describe(SdqBand band) => band switch
    {
        SdqBand.Normal => "Normal (0 to 13)",
        SdqBand.Borderline => "Borderline (14 to 16)",
        _ => "Cause for concern (17 to 40)",
    };

    public static int AgeOn(DateOnly dob, DateOnly date)
    {
        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }

    /// The initial health assessment: 20 working days from coming into care (in time for the first review).
    public static DateOnly InitialAssessmentDue(DateOnly cameIntoCare, WorkingDayCalendar? calendar = null) =>
        Timescales.InitialHealthAssessment.DueFrom(cameIntoCare, calendar);

    /// The rule for the next review health assessment: six-monthly for a child under five on the
    /// day of the last assessment, twelve-monthly once they are five.
    public static TimescaleRule ReviewRuleAfter(DateOnly dob, DateOnly lastAssessment) =>
        AgeOn(dob, lastAssessment) < 5 ? Timescales.ReviewHealthAssessmentUnderFive : Timescales.ReviewHealthAssessment;

    public static DateOnly ReviewAssessmentDue(DateOnly dob, DateOnly lastAssessment) =>
        ReviewRuleAfter(dob, lastAssessment).DueFrom(lastAssessment);

    /// A dental check every 12 months, the first within 12 months of coming into care.
    public static DateOnly DentalCheckDue(DateOnly cameIntoCare, DateOnly? lastCheck) =>
        Timescales.DentalCheck.DueFrom(lastCheck is { } l && l > cameIntoCare ? l : cameIntoCare);

    /// True when the child is of SDQ age (4 to 16) on the date.
    public static bool SdqAge(DateOnly dob, DateOnly date) => AgeOn(dob, date) is >= SdqMinimumAge and <= SdqMaximumAge;

    /// The next SDQ: 12 months after the last one, or, with none, 12 months after the child came
    /// into care or turned four, whichever is later. None is due once the child would be 17 by then.
    public static DateOnly? SdqDue(DateOnly dob, DateOnly cameIntoCare, DateOnly? lastSdq)
    {
        var fourth = dob.AddYears(SdqMinimumAge);
        var from = lastSdq is { } l && l >= cameIntoCare ? l : (cameIntoCare > fourth ? cameIntoCare : fourth);
        var due = Timescales.StrengthsAndDifficultiesQuestionnaire.DueFrom(from);
        return AgeOn(dob, due) > SdqMaximumAge ? null : due;
    }
}
