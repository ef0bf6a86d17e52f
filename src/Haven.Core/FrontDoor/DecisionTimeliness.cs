using Haven.Core.Calendar;

namespace Haven.Core.FrontDoor;

public enum TimelinessStatus { DueToday, DueLater, Overdue, DecidedInTime, DecidedLate }

/// How a contact's decision stands against the 1-working-day rule (Timescales.ReferralDecision):
/// the clock starts on the local date the contact was received; the decision is in time if it is
/// signed off by the end of the next working day after that date. A contact received on Friday, on
/// Saturday or on Sunday is due on Monday (Tuesday when Monday is a bank holiday).
public sealed record DecisionTimeliness(DateOnly Received, DateOnly Due, DateOnly? Decided, TimelinessStatus Status)
{
    public static DecisionTimeliness For(DateOnly received, DateOnly? decided, DateOnly today, WorkingDayCalendar? calendar = null)
    {
        var due = Timescales.ReferralDecision.DueFrom(received, calendar);
        var status = decided is { } d
            ? d <= due ? TimelinessStatus.DecidedInTime : TimelinessStatus.DecidedLate
            : today > due ? TimelinessStatus.Overdue : today == due ? TimelinessStatus.DueToday : TimelinessStatus.DueLater;
        return new DecisionTimeliness(received, due, decided, status);
    }

    public static DecisionTimeliness For(DateTime receivedUtc, DateTime? decidedUtc, DateTime nowUtc, TimeZoneInfo zone, WorkingDayCalendar? calendar = null) =>
        For(LocalDate(receivedUtc, zone), decidedUtc is { } d ? LocalDate(d, zone) : null, LocalDate(nowUtc, zone), calendar);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public bool IsLate => Status is TimelinessStatus.Overdue or TimelinessStatus.DecidedLate;

    public string Describe() => Status switch
    {
        TimelinessStatus.DueToday => "Decision due today",
        TimelinessStatus.DueLater => $"Decision due {Due:d MMM yyyy}",
        TimelinessStatus.Overdue => $"Decision overdue (was due {Due:d MMM yyyy})",
        TimelinessStatus.DecidedInTime => "Decided within 1 working day",
        TimelinessStatus.DecidedLate => $"Decided late (was due {Due:d MMM yyyy})",
        _ => Status.ToString(),
    };
}

/// Re-referrals (CIN census measure C1): a referral within 12 months of a previous referral for
/// the same child.
public static class ReReferrals
{
    /// The previous referrals that make a referral on <paramref name="referralDate"/> a re-referral, latest first.
    public static IReadOnlyList<DateOnly> Within12Months(IEnumerable<DateOnly> previousReferralDates, DateOnly referralDate) =>
        previousReferralDates.Where(p => Referrals.Referral.IsWithinTwelveMonths(p, referralDate)).OrderDescending().ToList();

    public static bool IsReReferral(IEnumerable<DateOnly> previousReferralDates, DateOnly referralDate) =>
        Within12Months(previousReferralDates, referralDate).Count > 0;
}
