using Haven.Core.Calendar;
using Haven.Core.Chronology;
using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Health;

/// What is due for the health of children in care: the initial health assessment, then review
/// health assessments, dental checks and the SDQ, each from the last one recorded in this period of care.
public sealed class HealthDueWork(HavenDbContext db, DueWorkFacts facts) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var open = (await facts.CareSpansAsync(childIds, ct)).Where(s => s.End is null).GroupBy(s => s.ChildId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.Start));
        if (open.Count == 0) return [];
        var ids = open.Keys.ToList();
        var dobs = (await facts.ChildrenAsync(ids, ct)).Values.Where(p => p.DateOfBirth is not null).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var last = await db.HealthRecords.AsNoTracking().Where(r => ids.Contains(r.ChildId))
            .GroupBy(r => new { r.ChildId, r.Kind }).Select(g => new { g.Key.ChildId, g.Key.Kind, Last = g.Max(r => r.Date) })
            .ToListAsync(ct);
        DateOnly? Last(int child, DateOnly since, params HealthRecordKind[] kinds)
        {
            var dates = last.Where(l => l.ChildId == child && kinds.Contains(l.Kind) && l.Last >= since).Select(l => l.Last).ToList();
            return dates.Count == 0 ? null : dates.Max();
        }

        var items = new List<DueItem>();
        foreach (var (child, start) in open)
        {
            if (!dobs.TryGetValue(child, out var dob)) continue;
            var href = $"/children/{child}/health/add";
            var initial = Last(child, start, HealthRecordKind.InitialHealthAssessment);
            var assessed = Last(child, start, HealthRecordKind.InitialHealthAssessment, HealthRecordKind.ReviewHealthAssessment);
            if (initial is null && assessed is null)
                items.Add(new(child, "Initial health assessment", HealthRules.InitialAssessmentDue(start), Timescales.InitialHealthAssessment) { Href = href });
            else
            {
                var rule = HealthRules.ReviewRuleAfter(dob, assessed!.Value);
                items.Add(new(child, "Review health assessment", rule.DueFrom(assessed.Value), rule) { Href = href });
            }
            items.Add(new(child, "Dental check", HealthRules.DentalCheckDue(start, Last(child, start, HealthRecordKind.DentalCheck)), Timescales.DentalCheck) { Href = href });
            if (HealthRules.SdqDue(dob, start, Last(child, start, HealthRecordKind.StrengthsAndDifficulties)) is { } sdq)
                items.Add(new(child, "Strengths and difficulties questionnaire", sdq, Timescales.StrengthsAndDifficultiesQuestionnaire) { Href = href });
        }
        return items;
    }
}

public sealed class HealthChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Health";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.HealthRecords.Any(r => r.ChildId == id);

    private sealed record Row(HealthRecordKind Kind, DateOnly Date, string? Title, int? SdqScore, string? SdqReasonCode, bool? UpToDate, string? By, string? Outcome);

    private static readonly ChildRows<Row> Rows = new((d, id) => d.HealthRecords.Where(r => r.ChildId == id)
        .Select(r => new Row(r.Kind, r.Date, r.Title, r.SdqScore, r.SdqReasonCode, r.UpToDate, r.By, r.Outcome)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await Rows.ListAsync(db, childId, ct);
        return rows.Select(r => new ChronologyItem(r.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            r.Title is { } t ? $"{HealthRecord.Describe(r.Kind)}: {t}" : HealthRecord.Describe(r.Kind),
            r.Kind switch
            {
                HealthRecordKind.StrengthsAndDifficulties => r.SdqScore is { } s ? $"Score {s}" : $"No score ({r.SdqReasonCode})",
                HealthRecordKind.Immunisations => r.UpToDate == true ? "Up to date" : "Not up to date",
                _ => r.Outcome,
            }, r.By, "health")).ToList();
    }
}
