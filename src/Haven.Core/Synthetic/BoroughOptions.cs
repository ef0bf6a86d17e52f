namespace Haven.Core.Synthetic;

/// What synthetic borough to generate. The same options, including Seed and Today, always give
/// the same people, dates and text.
public sealed record BoroughOptions
{
    /// About how many children (and care leavers) have a record, open or closed.
    public int Children { get; init; } = 3000;

    public int Seed { get; init; } = 1;

    /// The clock Today is read from when it is not set.
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    private readonly DateOnly? _today;

    /// The "as at" date: nothing is dated after it, and what is due or overdue is judged on it.
    public DateOnly Today
    {
        get => _today ?? DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
        init => _today = value;
    }

    /// How many years of history the record holds.
    public int Years { get; init; } = 6;

    /// The local authority number used in unique pupil numbers. 999 is not a real authority.
    public int LaNumber { get; init; } = 999;

    /// Scales the routine case notes (calls, emails, supervision, oversight). Statutory visits and
    /// review meetings are always written; 0 writes only those.
    public double CaseNoteDensity { get; init; } = 1.0;

    /// Share of children with a record who are children in need today (open assessments, child in
    /// need, child protection and children in care). The split between those follows the England
    /// rates per 10,000 children: 330 children in need, 41 on a protection plan, 67 in care.
    public double OpenChildInNeedShare { get; init; } = 0.12;

    /// Whether to write the access-log history the borough's staff would have left (about five
    /// entries per case note; see AccessLogHistory). Off for a region-sized borough, where it would
    /// be some 90 million entries and hours of writing that no return or page measure reads.
    /// The rest of the borough is the same either way: the history draws on its own random stream.
    public bool AccessLogHistory { get; init; } = true;

    /// Rows per SaveChanges.
    public int BatchSize { get; init; } = 2000;
}
