using Haven.Core.Data;
using Haven.Core.Fostering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering;

/// Adopters' training on the adopters' side: every household in the adoption funnel (not left) with
/// the courses done and still required; second-time adopters marked and listable on their own.
public class AdopterTrainingModel(HavenDbContext db) : PageModel
{
    public sealed record Row(RecruitmentEnquiry Adopters, int Completed, int StillRequired, DateOnly? LastCompleted);

    [BindProperty(SupportsGet = true)] public bool SecondTime { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var adopters = await db.RecruitmentEnquiries.AsNoTracking()
            .Where(e => e.Kind == ApplicantKind.Adoption && e.LeftDate == null && e.ApplicationDate != null && (!SecondTime || e.SecondTimeAdopter))
            .OrderByDescending(e => e.ApplicationDate).ThenBy(e => e.Id).Take(500).ToListAsync(ct);
        var ids = adopters.Select(a => a.Id).ToList();
        var training = (await db.CarerTraining.AsNoTracking().Where(t => t.EnquiryId != null && ids.Contains(t.EnquiryId.Value))
            .Select(t => new { EnquiryId = t.EnquiryId!.Value, t.CompletedDate }).ToListAsync(ct)).ToLookup(t => t.EnquiryId);
        Rows = adopters.Select(a => new Row(a, training[a.Id].Count(t => t.CompletedDate != null), training[a.Id].Count(t => t.CompletedDate == null),
            training[a.Id].Max(t => t.CompletedDate))).ToList();
    }
}
