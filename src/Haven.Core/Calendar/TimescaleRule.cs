namespace Haven.Core.Calendar;

/// <summary>How binding a timescale is: the S, SG, NG and L codes of timescales.md.</summary>
public enum TimescaleStatus
{
    /// <summary>An Act or Regulations: a fixed rule, and a breach is a compliance failure.</summary>
    Statutory,

    /// <summary>Statutory guidance: followed unless there is an exceptional, recorded reason.</summary>
    StatutoryGuidance,

    /// <summary>A national measure or best practice: reported against, configurable.</summary>
    NationalGuidance,

    /// <summary>Common local practice: the value is a typical default for each council to set.</summary>
    LocalPractice,
}

/// <summary>One statutory or practice timescale. <see cref="Timescales"/> holds them all.</summary>
public sealed record TimescaleRule(
    string Code,
    string Name,
    string ClockStarts,
    Period Period,
    TimescaleStatus Status,
    string Source)
{
    public DateOnly DueFrom(DateOnly start, WorkingDayCalendar? calendar = null) =>
        Period.DueFrom(start, calendar ?? WorkingDayCalendar.EnglandAndWales);

    public DateTime DueFrom(DateTime start) => Period.DueFrom(start);

    /// <summary>True when <paramref name="actual"/> falls on or before the due date.</summary>
    public bool IsInTime(DateOnly start, DateOnly actual, WorkingDayCalendar? calendar = null) =>
        actual <= DueFrom(start, calendar);
}
