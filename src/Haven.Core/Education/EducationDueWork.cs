using Haven.Core.Calendar;
using Haven.Core.Chronology;
using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Education;

/// Personal education plans due for children in care of PEP age: the first within 20 school days
/// of coming into care, then one each term.
public sealed class EducationDueWork(HavenDbContext db, TimeProvider clock, DueWorkFacts facts) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var open = (await facts.CareSpansAsync(childIds, ct)).Where(s => s.End is null).GroupBy(s => s.ChildId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.Start));
        if (open.Count == 0) return [];
        var ids = open.Keys.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dobs = (await facts.ChildrenAsync(ids, ct)).Values.Where(p => p.DateOfBirth is not null).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var peps = await db.EducationRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ChildId) && r.Kind == EducationRecordKind.PersonalEducationPlan)
            .GroupBy(r => r.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(r => r.Date) })
            .ToDictionaryAsync(x => x.ChildId, x => x.Last, ct);
        var items = new List<DueItem>();
        foreach (var (child, start) in open)
        {
            if (!dobs.TryGetValue(child, out var dob) || !EducationRules.HasPepAge(dob, today)) continue;
            var href = $"/children/{child}/education/add?kind={EducationRecordKind.PersonalEducationPlan}";
            items.Add(peps.TryGetValue(child, out var last) && last >= start
                ? new DueItem(child, "Personal education plan review", EducationRules.PepReviewDue(last), Timescales.PersonalEducationPlanReview) { Href = href }
                : new DueItem(child, "First personal education plan", EducationRules.InitialPepDue(start), Timescales.InitialPersonalEducationPlan) { Href = href });
        }
        return items;
    }
}

public sealed class EducationChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Education";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.EducationRecords.Any(r => r.ChildId == id);

    private static readonly ChildRows<EducationRecord> Rows = new((d, id) => d.EducationRecords.AsNoTracking().Where(r => r.ChildId == id));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await Rows.ListAsync(db, childId, ct);
        return rows.Select(r => new ChronologyItem(r.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            EducationRecord.Describe(r.Kind), EducationSummary.Detail(r), null, "education")).ToList();
    }
}

public static class EducationSummary
{
    public static string? Detail(EducationRecord r) => r.Kind switch
    {
        EducationRecordKind.School => $"{r.SchoolName}, {EducationRecord.DescribeYearGroup(r.YearGroup ?? 0)}",
        EducationRecordKind.TermAttendance => $"{r.Term} {r.AcademicYear}/{(r.AcademicYear + 1) % 100:00}: {r.AttendancePercent:0.#}%",
        EducationRecordKind.SpecialEducationalNeeds => r.Sen is { } s ? EducationRecord.Describe(s) : null,
        EducationRecordKind.KeyStageProgress => r.Progress is { } p ? $"Key stage {r.KeyStage}: {EducationRecord.Describe(p)}" : null,
        EducationRecordKind.Post16 => r.Activity is { } a ? EducationRecord.Describe(a) : null,
        EducationRecordKind.Exclusion => r.Exclusion is { } x ? $"{x}{(r.DaysExcluded is { } d ? $", {d} days" : "")}" : null,
        _ => r.SchoolName ?? r.Notes,
    };
}
