using Haven.Core.Data;
using Haven.Core.InformationGovernance;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.InformationGovernance;

/// The information governance officer's list of subject access requests, open ones first.
public sealed class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SubjectAccessRequest> Requests { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Requests = await db.SubjectAccessRequests.AsNoTracking()
            .OrderBy(r => r.Status).ThenBy(r => r.DueOn).ThenBy(r => r.Id).Take(500).ToListAsync(ct);
    }

    public static string Describe(RequesterKind kind) => kind switch
    {
        RequesterKind.DataSubject => "the person themselves",
        RequesterKind.ParentWithParentalResponsibility => "parent with parental responsibility",
        RequesterKind.RepresentativeWithConsent => "representative with consent",
        RequesterKind.Police => "police",
        RequesterKind.Court => "court",
        _ => kind.ToString(),
    };
}
