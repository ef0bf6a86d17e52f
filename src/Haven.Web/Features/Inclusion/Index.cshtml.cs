using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Inclusion;

/// The council's school inclusion registers: children on the elective home education register
/// (with checks overdue), open children missing education referrals, and the exclusions trend by
/// phase. Counts cover every child; names only the children the viewer may read.
public class IndexModel(HavenDbContext db, InclusionService inclusion, ChildAccess access, TimeProvider clock) : PageModel
{
    public sealed record HomeEducationRow(int ChildId, string? Name, DateOnly NotifiedOn, DateOnly NextCheck, bool Concern);
    public sealed record MissingEducationRow(int ChildId, string? Name, DateOnly ReferredOn, string ReferredBy, int Actions);

    public IReadOnlyList<HomeEducationRow> HomeEducation { get; private set; } = [];
    public IReadOnlyList<MissingEducationRow> MissingEducation { get; private set; } = [];
    public IReadOnlyList<ExclusionTrendRow> Trend { get; private set; } = [];
    public int HomeEducationTotal { get; private set; }
    public int HomeEducationOverdue { get; private set; }
    public int MissingEducationTotal { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var viewer = CurrentWorker.From(User)!;
        var ehe = await db.HomeEducations.AsNoTracking().Include(h => h.Checks).Where(h => h.EndedOn == null).ToListAsync(ct);
        HomeEducationTotal = ehe.Count;
        HomeEducationOverdue = ehe.Count(h => InclusionService.NextCheck(h).Due < Today);
        var cme = await db.MissingEducations.AsNoTracking().Where(m => m.ClosedOn == null)
            .Select(m => new { m.ChildId, m.ReferredOn, m.ReferredBy, Actions = m.Actions.Count }).ToListAsync(ct);
        MissingEducationTotal = cme.Count;
        // Names only of the children on the registers whom the viewer may read: the access test asked of
        // those few hundred, not of every person (at 50,000 children that scan was about 90 ms).
        var onRegisters = ehe.Select(h => h.ChildId).Concat(cme.Select(m => m.ChildId)).Distinct().ToList();
        var names = await access.Children(viewer).AsNoTracking().Where(p => onRegisters.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, p => $"{p.FirstName} {p.LastName}", ct);
        HomeEducation = ehe.Where(h => names.ContainsKey(h.ChildId))
            .Select(h => new HomeEducationRow(h.ChildId, names[h.ChildId], h.NotifiedOn, InclusionService.NextCheck(h).Due, h.Checks.Any(c => c.SafeguardingConcern)))
            .OrderBy(r => r.NextCheck).ToList();
        MissingEducation = cme.Where(m => names.ContainsKey(m.ChildId))
            .Select(m => new MissingEducationRow(m.ChildId, names[m.ChildId], m.ReferredOn, m.ReferredBy, m.Actions)).OrderBy(m => m.ReferredOn).ToList();
        var from = new DateOnly(Today.Month >= 9 ? Today.Year - 4 : Today.Year - 5, 9, 1);
        Trend = await inclusion.TrendAsync(from, ct);
    }
}
