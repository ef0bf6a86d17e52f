using Haven.Core.Education;
using Haven.Core.Health;
using Haven.Core.Involvements;

namespace Haven.Core.Synthetic;

/// Health and education records of children in care, for every period in care in the timelines:
/// the initial and review health assessments, dental checks, immunisation status, SDQs, CAMHS
/// referrals and conditions; school, PEPs, termly attendance, SEN, key stage progress, exclusions
/// and post-16 activity. Calibrated to national-statistics.md "Health" (CLA25 outcomes, England
/// 2025) where it has a figure; the education shares it has no figure for are stated assumptions.
internal sealed class ChildrenInCareHealthEducationPart : IBoroughPart
{
    public string Name => "Children in care: health and education";

    // CLA25 outcomes, England 2025 (children looked after 12 months or more at 31 March).
    private const double AssessmentOnTime = 0.90;   // annual health assessment up to date: 90%
    private const double AssessmentLateChance = 0.86;
    private const double ImmunisationsUpToDate = 0.84;
    private const double DentalCheckInYear = 0.81;
    // SDQ received, ages 5–16: 78%. Drawn a little higher, as some years in care are too short for one.
    private const double SdqReceived = 0.80;
    // SDQ bands normal 0–13 45%, borderline 14–16 13%, concern 17+ 42%; mean 14.9. A normal score
    // is uniform 3–13 (mean 8) and a concerning one 17 plus an exponential tail of mean 5.7, which
    // together give a mean of about 14.9.
    private static readonly (SdqBand Band, double Weight)[] SdqBands = [(SdqBand.Normal, 45), (SdqBand.Borderline, 13), (SdqBand.CauseForConcern, 42)];

    // Assumptions (no national figure in shared/reference): persistent absence of children in care,
    // by phase, with secondary well above primary, as the inspection report describes.
    private const double PersistentAbsencePrimary = 0.10;
    private const double PersistentAbsenceSecondary = 0.28;
    private const double PepOnTime = 0.92;

    private static readonly string[] Conditions = ["Asthma", "Eczema", "ADHD", "Autism spectrum condition", "Speech and language delay", "Hay fever", "Epilepsy", "Foetal alcohol spectrum disorder"];
    private static readonly string[] CamhsReasons = ["Low mood", "Anxiety", "Self-harm", "Trauma symptoms", "Sleep problems", "Anger and behaviour"];
    private static readonly string[] CamhsOutcomes = ["Accepted for assessment", "Accepted for therapy", "Signposted to the community well-being service", "Not accepted: below threshold", "Seen by the mental health support team in school"];
    private static readonly string[] Schools = ["Hillside Primary School", "Oakfield Academy", "St Mary's CE Primary", "Riverside Secondary School", "Bromley Park Academy", "Elmwood School", "Kingswood College"];
    private static readonly string[] Doctors = ["Dr Patel, looked after children's health team", "Dr Okafor, community paediatrics", "Nurse Adeyemi, LAC nurse", "Dr Morgan, GP"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var health = new List<HealthRecord>();
        var education = new List<EducationRecord>();
        foreach (var child in context.Plan.Children)
        {
            if (child.Dob is not { } dob) continue;
            var by = child.RecordedBy?.Id;
            foreach (var cs in child.Spans.Where(s => s.Span.Kind == InvolvementKind.InCare))
            {
                var start = cs.Start;
                var end = cs.Span.End is { } e && e < today ? e : today;
                if (end <= start) continue;
                Health(rng, dob, start, end, by, child.Person.Id, health);
                Education(rng, child, dob, start, end, today, by, education);
            }
        }
        var stamp = new DateTime(today, new TimeOnly(9, 0), DateTimeKind.Utc);
        foreach (var r in health) { r.Version = Guid.NewGuid(); r.RecordedAt = Recorded(r.Date, stamp); }
        foreach (var r in education) { r.Version = Guid.NewGuid(); r.RecordedAt = Recorded(r.Date, stamp); }
        await context.Writer.BulkAsync(health);
        await context.Writer.BulkAsync(education);
    }

    private static DateTime Recorded(DateOnly date, DateTime latest)
    {
        var at = new DateTime(date.AddDays(2), new TimeOnly(11, 0), DateTimeKind.Utc);
        return at < latest ? at : latest;
    }

    private static void Health(Random rng, DateOnly dob, DateOnly start, DateOnly end, int? by, int childId, List<HealthRecord> rows)
    {
        HealthRecord Row(HealthRecordKind kind, DateOnly date) => new() { ChildId = childId, Kind = kind, Date = date, RecordedByWorkerId = by };

        // Initial assessment, mostly within 20 working days; then reviews, now and then late.
        var iha = Dates.AddWorkingDays(start, rng.Chance(AssessmentOnTime) ? rng.Between(5, 20) : rng.Between(21, 45));
        if (iha > end) return;
        var initial = Row(HealthRecordKind.InitialHealthAssessment, iha);
        initial.By = rng.Pick(Doctors);
        rows.Add(initial);
        AddImmunisations(iha);
        var last = iha;
        while (true)
        {
            var rule = HealthRules.ReviewRuleAfter(dob, last);
            var next = rule.DueFrom(last).AddDays(-rng.Between(0, 40));
            // A late review leaves some 903 years without an assessment (about 1 in 10 at 31 March).
            if (!rng.Chance(AssessmentLateChance)) next = next.AddDays(rng.Between(90, 270));
            if (next > end) break;
            var r = Row(HealthRecordKind.ReviewHealthAssessment, next);
            r.By = rng.Pick(Doctors);
            rows.Add(r);
            AddImmunisations(next);
            last = next;
        }

        // Dental checks and SDQs by financial year (April to March), the 903's year.
        for (var year = start.Month >= 4 ? start.Year : start.Year - 1; new DateOnly(year, 4, 1) <= end; year++)
        {
            var from = Max(start, new DateOnly(year, 4, 1));
            var to = Min(end, new DateOnly(year + 1, 3, 31));
            if (to < from) continue;
            if (rng.Chance(DentalCheckInYear)) rows.Add(Row(HealthRecordKind.DentalCheck, rng.DateBetween(from, to)));
            var sdqDate = rng.DateBetween(from, to);
            if (HealthRules.SdqAge(dob, sdqDate) && to.DayNumber - from.DayNumber > 60)
            {
                var sdq = Row(HealthRecordKind.StrengthsAndDifficulties, sdqDate);
                if (rng.Chance(SdqReceived)) { sdq.SdqScore = SdqScore(rng); sdq.By = "Foster carer"; rows.Add(sdq); }
                else if (rng.Chance(0.5)) { sdq.SdqReasonCode = rng.Pick(["SDQ2", "SDQ4", "SDQ5", "SDQ3"]); rows.Add(sdq); }
            }
        }

        var age = HealthRules.AgeOn(dob, start);
        if (age >= 5 && rng.Chance(0.22))
        {
            var date = rng.DateBetween(start, end);
            var r = Row(HealthRecordKind.CamhsReferral, date);
            r.Title = rng.Pick(CamhsReasons);
            var outcomeDate = date.AddDays(rng.Between(14, 90));
            if (outcomeDate <= end) { r.Outcome = rng.Pick(CamhsOutcomes); r.OutcomeDate = outcomeDate; }
            rows.Add(r);
        }
        if (rng.Chance(0.18))
        {
            var r = Row(HealthRecordKind.Condition, rng.DateBetween(Max(dob, start.AddYears(-3)), end));
            r.Title = rng.Pick(Conditions);
            rows.Add(r);
        }

        void AddImmunisations(DateOnly date)
        {
            var r = Row(HealthRecordKind.Immunisations, date);
            r.UpToDate = rng.Chance(ImmunisationsUpToDate);
            rows.Add(r);
        }
    }

    internal static int SdqScore(Random rng) => rng.Weighted(SdqBands) switch
    {
        SdqBand.Normal => rng.Between(3, 13),
        SdqBand.Borderline => rng.Between(14, 16),
        _ => Math.Min(HealthRules.SdqMaxScore, 17 + (int)(-5.7 * Math.Log(1 - rng.NextDouble()))),
    };

    private static void Education(Random rng, ChildPlan child, DateOnly dob, DateOnly start, DateOnly end, DateOnly today, int? by, List<EducationRecord> rows)
    {
        if (!EducationRules.HasPepAge(dob, start) && !EducationRules.HasPepAge(dob, end)) return;
        var id = child.Person.Id;
        EducationRecord Row(EducationRecordKind kind, DateOnly date) => new() { ChildId = id, Kind = kind, Date = date, RecordedByWorkerId = by };
        var school = child.School?.Name ?? rng.Pick(Schools);
        var startYear = EducationRules.YearGroupOn(dob, start);
        if (startYear is >= -1 and <= 13)
        {
            var s = Row(EducationRecordKind.School, start);
            s.SchoolName = school;
            s.YearGroup = startYear;
            rows.Add(s);
        }
        if (rng.Chance(0.55))
        {
            var sen = Row(EducationRecordKind.SpecialEducationalNeeds, start);
            sen.Sen = rng.Chance(0.5) ? SenStatus.EducationHealthAndCarePlan : SenStatus.SenSupport;
            rows.Add(sen);
        }

        // PEPs: the first within 20 school days (mostly), then once a term.
        var pep = Dates.AddWorkingDays(start, rng.Chance(PepOnTime) ? rng.Between(5, 20) : rng.Between(21, 40));
        while (pep <= end)
        {
            if (EducationRules.HasPepAge(dob, pep))
            {
                var p = Row(EducationRecordKind.PersonalEducationPlan, pep);
                p.SchoolName = school;
                rows.Add(p);
            }
            pep = pep.AddMonths(4).AddDays(-rng.Between(5, 35));
            if (!rng.Chance(PepOnTime)) pep = pep.AddDays(rng.Between(30, 80));
        }

        // Attendance for each whole term in care, from Reception to Year 11; a child's pattern holds.
        // Whether a child is persistently absent is drawn once for primary and once for secondary.
        var absentPrimary = rng.Chance(PersistentAbsencePrimary);
        var absentSecondary = rng.Chance(PersistentAbsenceSecondary);
        double Baseline(bool absent) => absent ? 70 + rng.NextDouble() * 18 : 91 + rng.NextDouble() * 8.5;
        var primaryBaseline = Baseline(absentPrimary);
        var secondaryBaseline = Baseline(absentSecondary);
        for (var year = EducationRules.AcademicYearOf(start); year <= EducationRules.AcademicYearOf(end); year++)
        {
            foreach (var (term, termStart, termEnd) in Terms(year))
            {
                if (termStart < start || termEnd > end || termEnd > today) continue;
                var yg = EducationRules.YearGroupOn(dob, termStart);
                if (yg is < 1 or > 11) continue;
                var absent = yg >= 7 ? absentSecondary : absentPrimary;
                var baseline = yg >= 7 ? secondaryBaseline : primaryBaseline;
                var a = Row(EducationRecordKind.TermAttendance, termEnd);
                a.AcademicYear = year;
                a.Term = term;
                a.AttendancePercent = (decimal)Math.Round(Math.Clamp(baseline + (rng.NextDouble() - 0.5) * 5, 40, 100), 1);
                rows.Add(a);
                if (yg >= 7 && rng.Chance(absent ? 0.15 : 0.04))
                {
                    var x = Row(EducationRecordKind.Exclusion, rng.DateBetween(termStart, termEnd));
                    x.Exclusion = rng.Chance(0.05) ? ExclusionKind.Permanent : ExclusionKind.Suspension;
                    x.DaysExcluded = rng.Between(1, 5);
                    rows.Add(x);
                }
            }
            // Key stage results at the end of Years 2, 6 and 11.
            var summer = new DateOnly(year + 1, 7, 15);
            if (summer >= start && summer <= end && summer <= today && EducationRules.YearGroupOn(dob, summer) is 2 or 6 or 11 && rng.Chance(0.8))
            {
                var yg = EducationRules.YearGroupOn(dob, summer);
                var k = Row(EducationRecordKind.KeyStageProgress, summer);
                k.KeyStage = yg == 2 ? 1 : yg == 6 ? 2 : 4;
                k.Progress = rng.Weighted<ProgressRating>((yg >= 7 ? absentSecondary : absentPrimary)
                    ? [(ProgressRating.AboveExpected, 3), (ProgressRating.Expected, 27), (ProgressRating.BelowExpected, 40), (ProgressRating.WellBelowExpected, 30)]
                    : [(ProgressRating.AboveExpected, 10), (ProgressRating.Expected, 45), (ProgressRating.BelowExpected, 30), (ProgressRating.WellBelowExpected, 15)]);
                rows.Add(k);
            }
            // Post-16: what a young person in Year 12 or 13 is doing, each September.
            var september = new DateOnly(year, 9, 15);
            if (september >= start && september <= end && EducationRules.YearGroupOn(dob, september) is 12 or 13)
            {
                var p = Row(EducationRecordKind.Post16, september);
                p.Activity = rng.Weighted<Post16Activity>([(Post16Activity.College, 45), (Post16Activity.SchoolSixthForm, 15), (Post16Activity.Apprenticeship, 6),
                    (Post16Activity.Training, 8), (Post16Activity.Employment, 4), (Post16Activity.NotInEducationEmploymentOrTraining, 22)]);
                rows.Add(p);
            }
        }
    }

    private static IEnumerable<(SchoolTerm, DateOnly, DateOnly)> Terms(int year) =>
    [
        (SchoolTerm.Autumn, new DateOnly(year, 9, 3), new DateOnly(year, 12, 19)),
        (SchoolTerm.Spring, new DateOnly(year + 1, 1, 6), new DateOnly(year + 1, 3, 27)),
        (SchoolTerm.Summer, new DateOnly(year + 1, 4, 14), new DateOnly(year + 1, 7, 21)),
    ];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
