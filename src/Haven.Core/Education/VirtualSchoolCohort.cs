using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Education;

/// What the virtual school view counts, each one a list of children one click away.
public enum VirtualSchoolMeasure { All, PepOutOfDate, PersistentAbsence, NoAttendance, BelowExpected, Sen, Suspended, NotInEducation }

/// One child in care, as the virtual school sees them.
public sealed record VirtualSchoolPupil(int ChildId, string Name, DateOnly? DateOfBirth, int? YearGroup, EducationPhase? Phase,
    string? School, DateOnly? LastPep, bool PepInDate, decimal? LatestAttendance, string? LatestTerm, ProgressRating? Progress,
    SenStatus? Sen, int SuspensionsThisYear, bool PermanentlyExcludedThisYear, Post16Activity? Activity)
{
    public bool PersistentlyAbsent => LatestAttendance is { } a && EducationRules.IsPersistentlyAbsent(a);

    public bool Matches(VirtualSchoolMeasure m) => m switch
    {
        VirtualSchoolMeasure.All => true,
        VirtualSchoolMeasure.PepOutOfDate => !PepInDate,
        VirtualSchoolMeasure.PersistentAbsence => PersistentlyAbsent,
        VirtualSchoolMeasure.NoAttendance => LatestAttendance is null,
        VirtualSchoolMeasure.BelowExpected => Progress is ProgressRating.BelowExpected or ProgressRating.WellBelowExpected,
        VirtualSchoolMeasure.Sen => Sen is SenStatus.SenSupport or SenStatus.EducationHealthAndCarePlan,
        VirtualSchoolMeasure.Suspended => SuspensionsThisYear > 0 || PermanentlyExcludedThisYear,
        VirtualSchoolMeasure.NotInEducation => Activity == Post16Activity.NotInEducationEmploymentOrTraining,
        _ => false,
    };
}

/// The children in care a worker may see for education, with the facts the virtual school view
/// counts. Pass the children the worker may read education records of (ChildAccess with
/// RecordKind.Education); only those in care now are kept.
public sealed class VirtualSchoolCohort(HavenDbContext db, ICareSpans care)
{
    public async Task<IReadOnlyList<VirtualSchoolPupil>> LoadAsync(IQueryable<Person> visible, DateOnly today, CancellationToken ct = default)
    {
        var inCare = care.InCareNow();
        var children = await visible.Where(p => inCare.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.KnownAs, p.DateOfBirth }).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var spans = (await care.ForChildrenAsync(ids, ct)).Where(s => s.End is null).GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.Max(s => s.Start));
        var records = new List<EducationRecord>();
        // In chunks, so a large borough never exceeds a database's parameter limit.
        // Only the columns the figures read: the notes, links and audit columns (a timestamp parsed from
        // text on SQLite for every row) were most of the page's CPU at 50,000 children (142 ms a view).
        foreach (var chunk in ids.Chunk(1000))
            records.AddRange(await db.EducationRecords.AsNoTracking().Where(r => chunk.Contains(r.ChildId))
                .Select(r => new EducationRecord
                {
                    Id = r.Id, ChildId = r.ChildId, Kind = r.Kind, Date = r.Date, SchoolName = r.SchoolName, YearGroup = r.YearGroup,
                    AcademicYear = r.AcademicYear, Term = r.Term, AttendancePercent = r.AttendancePercent, Sen = r.Sen, Progress = r.Progress,
                    Activity = r.Activity, Exclusion = r.Exclusion,
                })
                .ToListAsync(ct));
        var byChild = records.GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToList());
        var academicYear = EducationRules.AcademicYearOf(today);
        var pupils = new List<VirtualSchoolPupil>();
        foreach (var c in children)
        {
            var rs = byChild.GetValueOrDefault(c.Id) ?? [];
            EducationRecord? Latest(EducationRecordKind k) => rs.FirstOrDefault(r => r.Kind == k);
            var school = Latest(EducationRecordKind.School);
            int? year = school?.YearGroup is { } y ? EducationRules.YearGroupOn(y, school.Date, today)
                : c.DateOfBirth is { } dob ? EducationRules.YearGroupOn(dob, today) : null;
            var pep = Latest(EducationRecordKind.PersonalEducationPlan);
            var start = spans.GetValueOrDefault(c.Id);
            var pepInDate = pep is not null && pep.Date >= start
                ? EducationRules.PepReviewDue(pep.Date) >= today
                : EducationRules.InitialPepDue(start) >= today;
            var attendance = rs.Where(r => r.Kind == EducationRecordKind.TermAttendance)
                .OrderByDescending(r => r.AcademicYear).ThenByDescending(r => r.Term).ThenByDescending(r => r.Date).FirstOrDefault();
            var exclusions = rs.Where(r => r.Kind == EducationRecordKind.Exclusion && EducationRules.AcademicYearOf(r.Date) == academicYear).ToList();
            var name = c.KnownAs is { Length: > 0 } ? $"{c.KnownAs} {c.LastName}" : $"{c.FirstName} {c.LastName}";
            pupils.Add(new VirtualSchoolPupil(c.Id, name, c.DateOfBirth, year, year is { } yy ? EducationRules.PhaseOf(yy) : null,
                school?.SchoolName, pep?.Date, pepInDate, attendance?.AttendancePercent,
                attendance is null ? null : $"{attendance.Term} {attendance.AcademicYear}/{(attendance.AcademicYear + 1) % 100:00}",
                Latest(EducationRecordKind.KeyStageProgress)?.Progress, Latest(EducationRecordKind.SpecialEducationalNeeds)?.Sen,
                exclusions.Count(x => x.Exclusion == ExclusionKind.Suspension), exclusions.Any(x => x.Exclusion == ExclusionKind.Permanent),
                Latest(EducationRecordKind.Post16)?.Activity));
        }
        return pupils.OrderBy(p => p.Name).ToList();
    }
}
