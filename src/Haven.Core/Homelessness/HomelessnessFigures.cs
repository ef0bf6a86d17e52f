using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Homelessness;

/// One assessment as the managers' figure sees it.
public sealed record HomelessnessFigureRow(int AssessmentId, int ChildId, DateOnly PresentedOn, bool OptionsStepDone, int BedAndBreakfastStays);

/// The managers' figures for a period: assessments of homeless 16- and 17-year-olds that
/// presented in it, the share with the options step completed, and bed and breakfast breaches
/// (stays in bed and breakfast on those assessments).
public sealed record HomelessnessFigure(DateOnly From, DateOnly To, IReadOnlyList<HomelessnessFigureRow> Rows)
{
    public int Assessments => Rows.Count;
    public int OptionsStepDone => Rows.Count(r => r.OptionsStepDone);
    /// Whole-number percentage, or null when there are no assessments.
    public int? OptionsStepPercent => Assessments == 0 ? null : (int)Math.Round(100.0 * OptionsStepDone / Assessments, MidpointRounding.AwayFromZero);
    public int BedAndBreakfastBreaches => Rows.Sum(r => r.BedAndBreakfastStays);
}

public sealed class HomelessnessFigures(ReportingDbContext db)
{
    /// Assessments presented between from and to inclusive.
    public async Task<HomelessnessFigure> ForAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await db.HomelessnessAssessments.AsNoTracking().Where(a => a.PresentedOn >= from && a.PresentedOn <= to)
            .Select(a => new
            {
                a.Id, a.ChildId, a.PresentedOn, a.OptionsExplainedOn, a.ExplainedHow, a.SaidTheyUnderstood, a.Decision,
                BandB = a.Stays.Count(s => s.Type == AccommodationType.BedAndBreakfast),
            })
            .OrderBy(a => a.PresentedOn).ToListAsync(ct);
        return new HomelessnessFigure(from, to, rows.Select(a => new HomelessnessFigureRow(a.Id, a.ChildId, a.PresentedOn,
            HomelessnessAssessment.IsOptionsStepDone(a.OptionsExplainedOn, a.ExplainedHow, a.SaidTheyUnderstood, a.Decision),
            a.BandB)).ToList());
    }
}
