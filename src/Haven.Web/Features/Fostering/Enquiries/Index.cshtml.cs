using Haven.Core.Data;
using Haven.Core.Fostering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Enquiries;

/// Households in the recruitment funnel, latest enquiry first, with the furthest step reached.
public class IndexModel(HavenDbContext db) : PageModel
{
    public ApplicantKind Kind { get; private set; }
    public IReadOnlyList<RecruitmentEnquiry> Rows { get; private set; } = [];
    /// Fostering workers and team managers open and record enquiries (FosteringWork); the others who
    /// see the figures see the list only.
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(ApplicantKind? kind, CancellationToken ct)
    {
        MayRecord = Haven.Core.Access.CurrentWorker.From(User) is { } w && Haven.Web.Infrastructure.Policies.DoesFosteringWork(w.Role);
        Kind = kind is { } k && Enum.IsDefined(k) ? k : ApplicantKind.Fostering;
        Rows = await db.RecruitmentEnquiries.AsNoTracking().Where(e => e.Kind == Kind)
            .OrderByDescending(e => e.EnquiryDate).ThenByDescending(e => e.Id).Take(300).ToListAsync(ct);
    }
}
