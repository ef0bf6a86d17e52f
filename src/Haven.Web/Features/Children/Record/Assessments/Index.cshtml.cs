using Haven.Core.Assessments;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Assessments;

public class IndexModel(HavenDbContext db, AssessmentService assessments, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateOnly ReferralDate, DateOnly StartDate, DateOnly DueDate, DateOnly? AuthorisedDate, AssessmentOutcome? Outcome, int Factors);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanStart { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "assessments", Today, ct))!;
        Rows = await db.Assessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.StartDate)
            .Select(a => new Row(a.Id, a.Referral.ReferralDate, a.StartDate, a.DueDate, a.AuthorisedDate, a.Outcome, a.Factors.Count)).ToListAsync(ct);
        CanStart = await assessments.OpenReferrals(childId).AnyAsync(ct) && Rows.All(r => r.AuthorisedDate is not null);
    }
}
