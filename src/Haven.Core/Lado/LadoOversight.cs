using Haven.Core.Calendar;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Lado;

public sealed record LadoDueItem(int CaseId, string PersonName, string What, DateOnly Due, string? Owner)
{
    public bool IsOverdueOn(DateOnly today) => Due < today;
}

public sealed record LadoFigureRow(string Sector, IReadOnlyDictionary<LadoOutcome, int> ByOutcome, int NoFurtherAction, int Open, int Total);

/// One year of LADO work: referrals received in the year, by employer sector and outcome, and timeliness.
public sealed record LadoYearFigures(int Year, DateOnly From, DateOnly To, IReadOnlyList<LadoFigureRow> Rows, LadoFigureRow Totals,
    int Considered, int ConsideredInTime, int Resolved, int ResolvedWithinOneMonth, int ResolvedWithinThreeMonths, int ReferredToDbs, int ReferredToRegulator);

/// What the LADO must do next and the annual figures, computed from the LADO records.
public sealed class LadoOversight(ReportingDbContext db)
{
    /// Initial considerations awaiting a decision and actions not done, soonest due first.
    public async Task<IReadOnlyList<LadoDueItem>> DueAsync(CancellationToken ct = default)
    {
        var awaiting = await db.LadoCases.AsNoTracking().Where(c => c.ConsideredOn == null)
            .Select(c => new { c.Id, c.ReceivedOn, c.Person.FirstName, c.Person.LastName }).ToListAsync(ct);
        var actions = await db.LadoActions.AsNoTracking().Where(a => a.CompletedOn == null)
            .Join(db.LadoCases, a => a.LadoCaseId, c => c.Id, (a, c) => new { a.LadoCaseId, a.Description, a.Owner, a.DueOn, c.OutcomeOn, c.Person.FirstName, c.Person.LastName })
            .Where(x => x.OutcomeOn == null).ToListAsync(ct);
        var items = awaiting.Select(c => new LadoDueItem(c.Id, $"{c.FirstName} {c.LastName}", "Initial consideration",
                Timescales.LadoInitialConsideration.DueFrom(c.ReceivedOn), null))
            .Concat(actions.Select(a => new LadoDueItem(a.LadoCaseId, $"{a.FirstName} {a.LastName}", a.Description, a.DueOn, a.Owner)));
        return items.OrderBy(i => i.Due).ThenBy(i => i.CaseId).ToList();
    }

    /// The council's year runs April to March, as the LADO annual report does: year 2025 is 1 April 2025 to 31 March 2026.
    public static (DateOnly From, DateOnly To) ReportingYear(int year) => (new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

    public static int ReportingYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public async Task<LadoYearFigures> FiguresAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = ReportingYear(year);
        var cases = await db.LadoCases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to).ToListAsync(ct);
        LadoFigureRow Row(string name, IEnumerable<LadoCase> set)
        {
            var list = set.ToList();
            return new(name, Enum.GetValues<LadoOutcome>().ToDictionary(o => o, o => list.Count(c => c.Outcome == o)),
                list.Count(c => c.Outcome is null && c.ClosedOn is not null), list.Count(c => c.ClosedOn is null), list.Count);
        }
        var rows = Enum.GetValues<EmployerSector>().Select(s => Row(LadoCase.Describe(s), cases.Where(c => c.EmployerSector == s)))
            .Where(r => r.Total > 0).ToList();
        var resolved = cases.Where(c => c.ClosedOn is not null).ToList();
        return new LadoYearFigures(year, from, to, rows, Row("All sectors", cases),
            cases.Count(c => c.ConsideredOn is not null), cases.Count(c => c.ConsideredInTime == true),
            resolved.Count,
            resolved.Count(c => c.ClosedOn <= Timescales.LadoResolution.DueFrom(c.ReceivedOn)),
            resolved.Count(c => c.ClosedOn <= CalendarPeriods.AddMonths(c.ReceivedOn, 3)),
            cases.Count(c => c.ReferredToDbs), cases.Count(c => c.ReferredToRegulator));
    }
}
