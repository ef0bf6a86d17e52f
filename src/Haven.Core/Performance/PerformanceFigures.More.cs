using Haven.Core.CareLeavers;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Education;
using Haven.Core.Fostering;
using Haven.Core.FrontDoor;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.Permanence;
using Microsoft.EntityFrameworkCore;
using Timescales = Haven.Core.Calendar.Timescales;

namespace Haven.Core.Performance;

/// The measures over visits, reviews, health, education, care leavers, adoption, fostering and
/// LADO. Each reuses the rule its own feature uses for My work or its report (ChildProtectionRules,
/// LookedAfterSchedule, HealthRules, EducationRules, CareLeaverCohort, AdoptionTimeliness, the
/// Timescales registry): never a second definition. Stock measures load each source once for the
/// whole period (a few set-based queries), then work out every month end in memory.
public sealed partial class PerformanceFigures
{
    private static readonly Dictionary<MeasureDefinition, Func<CareLeaverRow, bool>> CareLeaverMeasures = new()
    {
        [PerformanceMeasures.CareLeaversInTouch] = r => r.InTouch,
        [PerformanceMeasures.CareLeaversAccommodation] = r => r.SuitableAccommodation,
        [PerformanceMeasures.CareLeaversEet] = r => r.InEducationEmploymentOrTraining,
    };

    /// Care leavers with a birthday return recorded (the DfE's denominator; not known counts against).
    private static List<MeasureItem> CareLeavers(MeasureDefinition m, IReadOnlyList<CareLeaverRow> rows, DateOnly on) =>
        rows.Where(r => r.HasBirthday).Select(r => new MeasureItem(r.ChildId, on, CareLeaverMeasures[m](r))).ToList();

    private async Task<List<MeasureItem>> MoreFlowAsync(MeasureDefinition m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (m == PerformanceMeasures.MissingEpisodes)
        {
            var zone = clock.LocalTimeZone;
            var fromUtc = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var toUtc = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return (await db.MissingEpisodes.AsNoTracking().Where(e => e.Type == MissingType.Missing && e.StartedAt >= fromUtc && e.StartedAt < toUtc)
                    .Select(e => new { e.ChildId, e.StartedAt }).ToListAsync(ct))
                .Select(e => new MeasureItem(e.ChildId, DecisionTimeliness.LocalDate(e.StartedAt, zone), true))
                .Where(i => i.Date >= from && i.Date <= to).ToList();
        }
        if (m == PerformanceMeasures.AdoptionA1 || m == PerformanceMeasures.AdoptionA2)
        {
            // The rules of the adoption page (PermanenceFigures.TimelinessAsync): the period of care
            // the child was adopted from, then AdoptionTimeliness against the scorecard thresholds.
            var cases = await db.AdoptionCases.AsNoTracking().Where(a => a.AdoptionOrderDate >= from && a.AdoptionOrderDate <= to).ToListAsync(ct);
            var spans = (await careSpans.ForChildrenAsync(cases.Select(c => c.ChildId).Distinct().ToList(), ct)).ToLookup(s => s.ChildId, s => s.Start);
            var items = new List<MeasureItem>();
            foreach (var a in cases)
            {
                if (PermanenceService.EnteredCare(spans[a.ChildId], a.AdmDecisionDate) is not { } entered) continue;
                var t = PermanenceService.Timeliness(a, entered);
                var (days, met) = m == PerformanceMeasures.AdoptionA1 ? (t.EntryToMovedIn, t.A1Met) : (t.PlacementOrderToMatch, t.A2Met);
                if (days is { } d) items.Add(new MeasureItem(a.ChildId, a.AdoptionOrderDate!.Value, met == true, Score: d));
            }
            return items;
        }
        if (m == PerformanceMeasures.FosterConversion)
            return (await db.RecruitmentEnquiries.AsNoTracking().Where(e => e.Kind == ApplicantKind.Fostering && e.EnquiryDate >= from && e.EnquiryDate <= to)
                    .Select(e => new { e.EnquiryDate, e.ApprovalDate }).ToListAsync(ct))
                .Select(e => new MeasureItem(0, e.EnquiryDate, e.ApprovalDate is { } a && a <= to)).ToList();
        if (m == PerformanceMeasures.LadoInTime)
        {
            var rows = await db.LadoCases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to)
                .Select(c => new { c.ReceivedOn, c.ConsideredOn, c.ConsideredByWorkerId, TeamId = db.Workers.Where(w => w.Id == c.ConsideredByWorkerId).Select(w => w.TeamId).FirstOrDefault() })
                .ToListAsync(ct);
            var items = new List<MeasureItem>();
            foreach (var c in rows)
            {
                // LadoCase.InitialConsiderationDue: the working day after receipt.
                var due = Timescales.LadoInitialConsideration.DueFrom(c.ReceivedOn);
                var considered = c.ConsideredOn is { } d && d <= to ? d : (DateOnly?)null;
                if (considered is null && due >= to) continue; // not yet due on the "as at" date
                items.Add(new MeasureItem(0, c.ReceivedOn, considered is { } k && k <= due, c.ConsideredByWorkerId, c.TeamId));
            }
            return items;
        }
        throw new InvalidOperationException($"No flow rule for {m.Id}.");
    }

    private sealed record PlanRow(int Id, int ChildId, DateOnly Start, DateOnly? End, DateOnly? Dob);

    private async Task<Func<DateOnly, IReadOnlyCollection<MeasureItem>>> MoreStockAsync(MeasureDefinition m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        static DateOnly? LastOnOrBefore(IEnumerable<DateOnly> dates, DateOnly on, DateOnly since)
        {
            DateOnly? best = null;
            foreach (var d in dates)
                if (d <= on && d >= since && (best is null || d > best)) best = d;
            return best;
        }
        // A span counts on a date when it started on or before it and had not ended by it (as cp-plans and children-in-care).
        static bool Open(DateOnly start, DateOnly? end, DateOnly on) => start <= on && (end is null || end > on);

        if (m == PerformanceMeasures.ChildProtectionVisits || m == PerformanceMeasures.ChildProtectionReviews)
        {
            var plansQuery = db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate > from));
            var plans = await plansQuery.Select(p => new PlanRow(p.Id, p.ChildId, p.StartDate, p.EndDate, p.Child.DateOfBirth)).ToListAsync(ct);
            var planIds = plansQuery.Select(p => p.Id);
            if (m == PerformanceMeasures.ChildProtectionVisits)
            {
                // Every date asked about is on or after `from`: the last visit by then is one in the
                // period or the latest before it, so the older ones are not loaded.
                var seen = db.ChildProtectionVisits.AsNoTracking().Where(v => v.ChildSeen && v.Date <= to && planIds.Contains(v.ChildProtectionPlanId));
                var visits = (await seen.Where(v => v.Date >= from).Select(v => new { v.ChildProtectionPlanId, v.Date }).ToListAsync(ct))
                    .Concat(await seen.Where(v => v.Date < from).GroupBy(v => v.ChildProtectionPlanId)
                        .Select(g => new { ChildProtectionPlanId = g.Key, Date = g.Max(v => v.Date) }).ToListAsync(ct))
                    .ToLookup(v => v.ChildProtectionPlanId, v => v.Date);
                // An unborn child has no visits of their own (ChildProtectionDueWork).
                return on => plans.Where(p => Open(p.Start, p.End, on) && p.Dob is { } dob && dob <= on)
                    .Select(p => new MeasureItem(p.ChildId, on, ChildProtectionRules.NextVisit(p.Start, LastOnOrBefore(visits[p.Id], on, DateOnly.MinValue), cpSettings) >= on)).ToList();
            }
            var reviews = (await db.ChildProtectionConferences.AsNoTracking()
                    .Where(c => c.Kind == ConferenceKind.Review && c.Date <= to && c.ChildProtectionPlanId != null && planIds.Contains(c.ChildProtectionPlanId!.Value))
                    .Select(c => new { PlanId = c.ChildProtectionPlanId!.Value, c.Date }).ToListAsync(ct)).ToLookup(c => c.PlanId, c => c.Date);
            return on => plans.Where(p => Open(p.Start, p.End, on))
                .Select(p => new MeasureItem(p.ChildId, on, ChildProtectionRules.NextReview(p.Start, LastOnOrBefore(reviews[p.Id], on, DateOnly.MinValue)).Due >= on)).ToList();
        }

        var periodsQuery = db.PeriodsOfCare.AsNoTracking().Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate > from));
        // Loaded once for the group's measures (health: five of them).
        var periods = await (_periods ??= periodsQuery.Select(p => new PlanRow(p.Id, p.ChildId, p.StartDate, p.EndDate, p.Child.DateOfBirth)).ToListAsync(ct));
        var children = periodsQuery.Select(p => p.ChildId);
        IEnumerable<PlanRow> InCare(DateOnly on) => periods.Where(p => Open(p.Start, p.End, on));
        // DfE health outcomes count children looked after continuously for 12 months or more.
        IEnumerable<PlanRow> TwelveMonths(DateOnly on) => InCare(on).Where(p => p.Start <= on.AddYears(-1) && p.Dob is not null);

        if (m == PerformanceMeasures.StatutoryVisits)
        {
            // The placement of the episode open on the date (LookedAfterDueWork reads the same).
            var placements = (await db.Episodes.AsNoTracking().Where(e => e.SupersededAt == null && e.StartDate <= to && (e.EndDate == null || e.EndDate > from) && children.Contains(e.ChildId))
                .Select(e => new { e.ChildId, e.StartDate, e.EndDate, PlacementStart = e.Placement.StartDate, e.Placement.LongTermAgreedDate }).ToListAsync(ct)).ToLookup(x => x.ChildId);
            // As CP visits: the visits in the period and the latest one before it.
            var seen = db.StatutoryVisits.AsNoTracking().Where(v => v.ChildSeen && v.VisitDate <= to && children.Contains(v.ChildId));
            var visits = (await seen.Where(v => v.VisitDate >= from).Select(v => new { v.ChildId, v.VisitDate }).ToListAsync(ct))
                .Concat(await seen.Where(v => v.VisitDate < from).GroupBy(v => v.ChildId).Select(g => new { ChildId = g.Key, VisitDate = g.Max(v => v.VisitDate) }).ToListAsync(ct))
                .ToLookup(v => v.ChildId, v => v.VisitDate);
            return on => InCare(on).Select(p => (p, Placement: placements[p.ChildId].Where(x => Open(x.StartDate, x.EndDate, on)).MaxBy(x => x.StartDate)))
                .Where(x => x.Placement is not null)
                .Select(x => new MeasureItem(x.p.ChildId, on, LookedAfterSchedule.NextVisit(x.Placement!.PlacementStart,
                    x.Placement.LongTermAgreedDate is { } agreed && agreed <= on ? agreed : null, LastOnOrBefore(visits[x.p.ChildId], on, DateOnly.MinValue)).Due >= on)).ToList();
        }
        if (m == PerformanceMeasures.LookedAfterReviews)
        {
            var periodIds = periodsQuery.Select(p => p.Id);
            var reviews = (await db.LookedAfterReviews.AsNoTracking().Where(r => r.ReviewDate <= to && periodIds.Contains(r.PeriodOfCareId))
                .Select(r => new { r.PeriodOfCareId, r.ReviewDate }).ToListAsync(ct)).ToLookup(r => r.PeriodOfCareId, r => r.ReviewDate);
            return on => InCare(on).Select(p => new MeasureItem(p.ChildId, on,
                LookedAfterSchedule.NextReview(p.Start, reviews[p.Id].Where(d => d <= on).ToList()).Due >= on)).ToList();
        }
        if (m == PerformanceMeasures.HealthAssessments || m == PerformanceMeasures.DentalChecks || m == PerformanceMeasures.SdqCompleted
            || m == PerformanceMeasures.SdqAverage || m == PerformanceMeasures.SdqConcern)
        {
            HealthRecordKind[] kinds = m == PerformanceMeasures.HealthAssessments ? [HealthRecordKind.InitialHealthAssessment, HealthRecordKind.ReviewHealthAssessment]
                : m == PerformanceMeasures.DentalChecks ? [HealthRecordKind.DentalCheck] : [HealthRecordKind.StrengthsAndDifficulties];
            var records = (await db.HealthRecords.AsNoTracking().Where(r => kinds.Contains(r.Kind) && r.Date <= to && children.Contains(r.ChildId))
                .Select(r => new { r.ChildId, r.Date, r.SdqScore }).ToListAsync(ct)).ToLookup(r => r.ChildId);
            IEnumerable<DateOnly> Dates(int child) => records[child].Select(r => r.Date);
            if (m == PerformanceMeasures.HealthAssessments)
                // HealthDueWork: the initial assessment 20 working days from coming into care, then review assessments.
                return on => TwelveMonths(on).Select(p => new MeasureItem(p.ChildId, on,
                    (LastOnOrBefore(Dates(p.ChildId), on, p.Start) is { } last ? HealthRules.ReviewAssessmentDue(p.Dob!.Value, last) : HealthRules.InitialAssessmentDue(p.Start)) >= on)).ToList();
            if (m == PerformanceMeasures.DentalChecks)
                return on => TwelveMonths(on).Select(p => new MeasureItem(p.ChildId, on,
                    HealthRules.DentalCheckDue(p.Start, LastOnOrBefore(Dates(p.ChildId), on, p.Start)) >= on)).ToList();
            if (m == PerformanceMeasures.SdqCompleted)
                return on => TwelveMonths(on).Where(p => HealthRules.SdqAge(p.Dob!.Value, on)).Select(p => new MeasureItem(p.ChildId, on,
                    HealthRules.SdqDue(p.Dob!.Value, p.Start, LastOnOrBefore(records[p.ChildId].Where(r => r.SdqScore is not null).Select(r => r.Date), on, p.Start)) is not { } due || due >= on)).ToList();
            // The latest scored SDQ in the 12 months up to the date.
            return on => TwelveMonths(on).Select(p => records[p.ChildId].Where(r => r.SdqScore is not null && r.Date <= on && r.Date > on.AddYears(-1)).MaxBy(r => r.Date))
                .Where(r => r is not null).Select(r => new MeasureItem(r!.ChildId, on,
                    m == PerformanceMeasures.SdqConcern ? HealthRules.Band(r.SdqScore!.Value) == SdqBand.CauseForConcern : HealthRules.Band(r.SdqScore!.Value) == SdqBand.Normal,
                    Score: r.SdqScore!.Value)).ToList();
        }
        if (m == PerformanceMeasures.PepsInDate)
        {
            var peps = (await db.EducationRecords.AsNoTracking().Where(r => r.Kind == EducationRecordKind.PersonalEducationPlan && r.Date <= to && children.Contains(r.ChildId))
                .Select(r => new { r.ChildId, r.Date }).ToListAsync(ct)).ToLookup(r => r.ChildId, r => r.Date);
            // VirtualSchoolCohort: a PEP in this period of care is reviewed once a term; without one, the first is due 20 school days from coming into care.
            return on => InCare(on).Where(p => p.Dob is { } dob && EducationRules.HasPepAge(dob, on)).Select(p => new MeasureItem(p.ChildId, on,
                (LastOnOrBefore(peps[p.ChildId], on, p.Start) is { } last ? EducationRules.PepReviewDue(last) : EducationRules.InitialPepDue(p.Start)) >= on)).ToList();
        }
        if (m == PerformanceMeasures.AttendancePrimary || m == PerformanceMeasures.AttendanceSecondary)
        {
            var phase = m == PerformanceMeasures.AttendancePrimary ? EducationPhase.Primary : EducationPhase.Secondary;
            var terms = (await db.EducationRecords.AsNoTracking().Where(r => r.Kind == EducationRecordKind.TermAttendance && r.AttendancePercent != null && r.Date <= to && children.Contains(r.ChildId))
                .Select(r => new { r.ChildId, r.Date, r.AcademicYear, r.Term, Percent = r.AttendancePercent!.Value }).ToListAsync(ct)).ToLookup(r => r.ChildId);
            // The phase from the year group the school recorded (the latest school record by the
            // date, moved up each academic year, as the virtual school view), else from date of birth.
            var schools = (await db.EducationRecords.AsNoTracking().Where(r => r.Kind == EducationRecordKind.School && r.YearGroup != null && r.Date <= to && children.Contains(r.ChildId))
                .Select(r => new { r.Id, r.ChildId, r.Date, Year = r.YearGroup!.Value }).ToListAsync(ct)).ToLookup(r => r.ChildId);
            int? YearGroup(PlanRow p, DateOnly on) =>
                schools[p.ChildId].Where(r => r.Date <= on).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).FirstOrDefault() is { } school
                    ? EducationRules.YearGroupOn(school.Year, school.Date, on)
                    : p.Dob is { } dob ? EducationRules.YearGroupOn(dob, on) : null;
            return on => InCare(on).Where(p => YearGroup(p, on) is { } year && EducationRules.PhaseOf(year) == phase)
                .Select(p => terms[p.ChildId].Where(t => t.Date <= on && t.Date > on.AddYears(-1))
                    .OrderByDescending(t => t.AcademicYear).ThenByDescending(t => t.Term).ThenByDescending(t => t.Date).FirstOrDefault())
                .Where(t => t is not null)
                .Select(t => new MeasureItem(t!.ChildId, on, !EducationRules.IsPersistentlyAbsent(t.Percent), Score: t.Percent)).ToList();
        }
        throw new InvalidOperationException($"No stock rule for {m.Id}.");
    }
}
