using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Homelessness;

/// Homelessness on the child's chronology: presenting, temporary accommodation (bed and breakfast
/// marked as a breach), the options step with their decision, and closure.
public sealed class HomelessnessChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Homelessness";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.HomelessnessAssessments.Any(a => a.ChildId == id);

    private static readonly ChildRows<HomelessnessAssessment> Assessments = new((d, id) => d.HomelessnessAssessments.AsNoTracking().Where(a => a.ChildId == id).Include(a => a.Stays));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var assessments = await Assessments.ListAsync(db, childId, ct);
        var items = new List<ChronologyItem>();
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var a in assessments)
        {
            var link = $"homelessness/{a.Id}";
            items.Add(new(At(a.PresentedOn), false, Category, "Presented as homeless", $"Staying: {a.StayingNow}", null, link));
            foreach (var s in a.Stays)
                items.Add(new(At(s.From), false, Category, s.IsBreach ? "Placed in bed and breakfast (breach)" : $"Temporary accommodation: {HomelessnessAssessment.Describe(s.Type)}",
                    s.Address, null, link));
            if (a.OptionsExplainedOn is { } o && a.Decision is { } d)
                items.Add(new(At(o), false, Category, $"Options explained; decision: {HomelessnessAssessment.Describe(d)}",
                    a.SaidTheyUnderstood == true ? "Said they understood" : "Did not say they understood", null, link));
            if (a.ClosedOn is { } c)
                items.Add(new(At(c), false, Category, $"Homelessness assessment closed: {HomelessnessAssessment.Describe(a.Outcome ?? HomelessOutcome.Other)}", null, null, link));
        }
        return items;
    }
}
