using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Web.Features.Children.Record;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Quality;

/// Auditing a child's case is reading their record: every page about one audited child goes
/// through the same ChildRecordGuard as the child's own pages (a view is logged; no access, 403).
public static class AuditedChild
{
    public static async Task<ChildHeader?> OpenAsync(PageModel page, ChildRecordGuard guard, HavenDbContext db, int childId, DateOnly today, CancellationToken ct)
    {
        if (!await guard.AuthorizeAsync(page.HttpContext, childId, AccessLevel.Read, ct)) return null;
        return await ChildHeader.LoadAsync(db, childId, "summary", today, ct);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
