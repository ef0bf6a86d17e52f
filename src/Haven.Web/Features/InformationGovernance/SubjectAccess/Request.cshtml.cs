using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.InformationGovernance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.InformationGovernance.SubjectAccess;

/// One request: what Haven holds about the person (gathered on every view, and logged), releasing
/// the bundle, the kept copies, and extending the deadline.
public sealed class RequestModel(HavenDbContext db, SubjectAccessService service) : PageModel
{
    [FromRoute] public int RequestId { get; set; }
    [BindProperty] public string? ExtensionReason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public SubjectAccessRequest? AccessRequest { get; private set; }
    public SubjectAccessBundle? Bundle { get; private set; }
    public IReadOnlyList<SubjectAccessRelease> Releases { get; private set; } = [];

    /// A record's or a column's code name as the officer reads it: "CaseNote" is "Case note",
    /// "RelatedPersonId" is "Related person". The bundle itself keeps the code names.
    public static string Label(string codeName)
    {
        var name = codeName.EndsWith("Id", StringComparison.Ordinal) && codeName.Length > 2 ? codeName[..^2] : codeName;
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else words.Append(name[i]);
        }
        return words.ToString();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        var released = await service.ReleaseAsync(RequestId, CurrentWorker.From(User)!, ct);
        if (released is null) return NotFound();
        return File(released.Release.Bundle, "application/json", $"subject-access-{RequestId}-{released.Release.ReleasedAt:yyyyMMddHHmmss}.json");
    }

    public async Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
    {
        if (await service.ExtendAsync(RequestId, ExtensionReason ?? "", Version, ct) is { } error)
        {
            ModelState.AddModelError(nameof(ExtensionReason), error);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        TempData["Notice"] = "Deadline extended";
        return Redirect($"/information-governance/subject-access/{RequestId}");
    }

    public async Task<IActionResult> OnGetCopyAsync(int releaseId, CancellationToken ct)
    {
        var release = await db.SubjectAccessReleases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == releaseId && x.RequestId == RequestId, ct);
        return release is null ? NotFound() : File(release.Bundle, "application/json", $"subject-access-{RequestId}-{release.ReleasedAt:yyyyMMddHHmmss}.json");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        AccessRequest = await db.SubjectAccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RequestId, ct);
        if (AccessRequest is null) return false;
        Releases = await db.SubjectAccessReleases.AsNoTracking().Where(x => x.RequestId == RequestId).OrderBy(x => x.Id).ToListAsync(ct);
        Bundle = await service.PreviewAsync(AccessRequest, CurrentWorker.From(User)!, ct);
        return true;
    }
}
