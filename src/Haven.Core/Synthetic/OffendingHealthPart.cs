using Haven.Core.Health;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// The OC2 facts the health part does not write, for every period in care in the timelines, by
/// financial year (the 903's April to March): health surveillance (development) checks of children
/// under 5, a substance misuse problem identified with the intervention received or offered and
/// refused, convictions and youth cautions from the age of 10; and a reason for no SDQ for a child of
/// SDQ age in care all year who has neither a score nor a reason (903 rule 186 asks for one).
/// Calibrated to national-statistics.md "Health" (CLA25 outcomes, England 2025, children looked after
/// 12 months or more at 31 March): development assessments up to date (ages 0–4) 88%; identified
/// substance misuse problem 3%; convicted or youth caution (ages 10–17) 2%. What it has no figure for
/// is a stated assumption below.
internal sealed class OffendingHealthPart : IBoroughPart
{
    public string Name => "Children in care: offending, health checks and substance misuse";

    public const double HealthCheckUpToDate = 0.88;
    // 3% of the whole cohort. Assumption: problems are identified from 12, and about half the cohort
    // is 12 or over (CLA25 ages at 31 March: 10–15 38%, 16+ 27%), so 6% a year of those aged 12 or over.
    public const int SubstanceMisuseFromAge = 12;
    public const double SubstanceMisuseInYear = 0.06;
    // Assumptions (no figure in shared/reference): 70% receive an intervention; of the rest, 60% were
    // offered one and refused it.
    public const double InterventionReceived = 0.70;
    public const double OfferedAndRefused = 0.60;
    // 2% of children aged 10–17; the kind is an assumption: 40% convictions, 45% youth cautions, 15% conditional.
    public const double ConvictedInYear = 0.02;
    private static readonly (OffenceOutcome, double)[] Outcomes = [(OffenceOutcome.Conviction, 40), (OffenceOutcome.YouthCaution, 45), (OffenceOutcome.YouthConditionalCaution, 15)];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var sdqYears = (await context.Writer.Db.HealthRecords.AsNoTracking().Where(h => h.Kind == HealthRecordKind.StrengthsAndDifficulties)
                .Select(h => new { h.ChildId, h.Date }).ToListAsync(context.CancellationToken))
            .Select(h => (h.ChildId, Year: FinancialYear(h.Date))).ToHashSet();
        var rows = new List<HealthRecord>();
        foreach (var child in context.Plan.Children)
        {
            if (child.Dob is not { } dob) continue;
            foreach (var cs in child.Spans.Where(s => s.Span.Kind == InvolvementKind.InCare))
            {
                var start = cs.Start;
                var end = cs.Span.End is { } e && e < today ? e : today;
                if (end <= start) continue;
                for (var year = FinancialYear(start); new DateOnly(year, 4, 1) <= end; year++)
                {
                    var (yearStart, yearEnd) = (new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));
                    var from = start > yearStart ? start : yearStart;
                    var to = end < yearEnd ? end : yearEnd;
                    if (to < from) continue;
                    HealthRecord Row(HealthRecordKind kind, DateOnly date) => new() { ChildId = child.Person.Id, Kind = kind, Date = date, RecordedByWorkerId = child.RecordedBy?.Id };

                    // One development check a year while under 5.
                    var fifth = dob.AddYears(HealthRules.HealthSurveillanceMaximumAge).AddDays(-1);
                    var checkFrom = from > dob ? from : dob;
                    var checkTo = to < fifth ? to : fifth;
                    if (checkFrom <= checkTo)
                    {
                        var r = Row(HealthRecordKind.HealthSurveillanceCheck, rng.DateBetween(checkFrom, checkTo));
                        r.UpToDate = rng.Chance(HealthCheckUpToDate);
                        r.By = "Health visitor";
                        rows.Add(r);
                    }

                    var misuseFrom = dob.AddYears(SubstanceMisuseFromAge);
                    if (misuseFrom <= to && rng.Chance(SubstanceMisuseInYear))
                    {
                        var r = Row(HealthRecordKind.SubstanceMisuse, rng.DateBetween(misuseFrom > from ? misuseFrom : from, to));
                        r.InterventionReceived = rng.Chance(InterventionReceived);
                        if (r.InterventionReceived == false) r.InterventionOfferedRefused = rng.Chance(OfferedAndRefused);
                        rows.Add(r);
                    }

                    var tenth = dob.AddYears(HealthRules.AgeOfCriminalResponsibility);
                    var eighteenth = dob.AddYears(18).AddDays(-1);
                    if (tenth <= to && (eighteenth < to ? eighteenth : to) >= (tenth > from ? tenth : from) && rng.Chance(ConvictedInYear))
                    {
                        var r = Row(HealthRecordKind.ConvictionOrCaution, rng.DateBetween(tenth > from ? tenth : from, eighteenth < to ? eighteenth : to));
                        r.OffenceOutcome = rng.Weighted(Outcomes);
                        rows.Add(r);
                    }

                    // A child in care all year, 4 or over on 1 April and under 17 on 31 March, with no SDQ
                    // recorded: the reason is recorded (SDQ4, other reason; or SDQ5, the young person refused).
                    if (start <= yearStart && to == yearEnd && HealthRules.AgeOn(dob, yearStart) >= HealthRules.SdqMinimumAge
                        && HealthRules.AgeOn(dob, yearEnd) <= HealthRules.SdqMaximumAge && !sdqYears.Contains((child.Person.Id, year)))
                    {
                        var r = Row(HealthRecordKind.StrengthsAndDifficulties, rng.DateBetween(yearStart.AddMonths(6), yearEnd));
                        r.SdqReasonCode = HealthRules.AgeOn(dob, r.Date) >= 13 && rng.Chance(0.5) ? "SDQ5" : "SDQ4";
                        rows.Add(r);
                    }
                }
            }
        }
        var stamp = new DateTime(today, new TimeOnly(9, 0), DateTimeKind.Utc);
        foreach (var r in rows)
        {
            r.Version = Guid.NewGuid();
            var at = new DateTime(r.Date.AddDays(2), new TimeOnly(11, 30), DateTimeKind.Utc);
            r.RecordedAt = at < stamp ? at : stamp;
        }
        await context.Writer.BulkAsync(rows);
    }

    private static int FinancialYear(DateOnly d) => d.Month >= 4 ? d.Year : d.Year - 1;
}
