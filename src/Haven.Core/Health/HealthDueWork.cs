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

public sealed class HealthChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Health";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.HealthRecords.Any(r => r.ChildId == id);

    /// On: date, A: kind, B: title, C: by, D: the reason for no score (a strengths and difficulties
    /// questionnaire) or the outcome (any other kind), N: score, Flag: up to date.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.HealthRecords.Where(r => r.ChildId == id)
        .Select(r => new ChronologyRow(source, 0, r.Date, null, ChronologyRow.Text(r.Kind.ToString()), ChronologyRow.Text(r.Title), ChronologyRow.Text(r.By),
            r.SdqScore, null, r.UpToDate, null, null,
            r.Kind == HealthRecordKind.StrengthsAndDifficulties ? ChronologyRow.Text(r.SdqReasonCode) : ChronologyRow.Text(r.Outcome)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows) =>
        rows.Select(r =>
        {
            var kind = Enum.Parse<HealthRecordKind>(r.A!);
            return new ChronologyItem(r.On!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
                r.B is { } t ? $"{HealthRecord.Describe(kind)}: {t}" : HealthRecord.Describe(kind),
                kind switch
                {
                    HealthRecordKind.StrengthsAndDifficulties => r.N is { } s ? $"Score {s}" : $"No score ({r.D})",
                    HealthRecordKind.Immunisations => r.Flag == true ? "Up to date" : "Not up to date",
                    _ => r.D,
                }, r.C, "health");
        }).ToList();
}
