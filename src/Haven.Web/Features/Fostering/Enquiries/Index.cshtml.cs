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

    public async Task OnGetAsync(ApplicantKind? kind, CancellationToken ct)
    {
        Kind = kind is { } k && Enum.IsDefined(k) ? k : ApplicantKind.Fostering;
        Rows = await db.RecruitmentEnquiries.AsNoTracking().Where(e => e.Kind == Kind)
            .OrderByDescending(e => e.EnquiryDate).ThenByDescending(e => e.Id).Take(300).ToListAsync(ct);
    }
}
