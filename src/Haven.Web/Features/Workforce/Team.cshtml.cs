using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Workforce;

/// One team's spells of employment and funded posts, with the forms to add a spell, record a
/// leaver's last day and change the funded posts. Every change is added; nothing is rewritten.
public class TeamModel(HavenDbContext db, EmploymentService employment) : PageModel
{
    public sealed record SpellRow(int Id, string Worker, ContractType Contract, bool Qualified, decimal Fte, DateOnly Start, DateOnly? Leave, Guid Version);
    public sealed record PostsRow(DateOnly From, decimal Posts, DateTime RecordedAt);

    [BindProperty(SupportsGet = true)] public int TeamId { get; set; }
    [BindProperty] public int? WorkerId { get; set; }
    [BindProperty] public ContractType? ContractType { get; set; }
    [BindProperty] public bool? IsQualified { get; set; }
    [BindProperty] public string? Fte { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? StartDate { get; set; }
    [BindProperty] public string? Posts { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the posts apply from")] public DateOnly? PostsFrom { get; set; }

    public string TeamName { get; private set; } = "";
    public string ServiceName { get; private set; } = "";
    public bool MayKeep { get; private set; }
    public IReadOnlyList<SpellRow> Spells { get; private set; } = [];
    public IReadOnlyList<PostsRow> PostsHistory { get; private set; } = [];
    public IEnumerable<SelectListItem> WorkerItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> ContractItems =>
        Enum.GetValues<ContractType>().Select(c => new SelectListItem(WorkforceSettings.Describe(c), c.ToString()));
    public static IEnumerable<SelectListItem> QualifiedItems => [new("Yes, a registered social worker", "true"), new("No", "false")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSpellAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!MayKeep) return Forbid();
        if (!ModelState.IsValid) return Page();
        try
        {
            await employment.AddSpellAsync(TeamId, new SpellDraft(WorkerId, ContractType, IsQualified, ParseDecimal(Fte, "Fte", "Full-time equivalent"), StartDate), ct);
        }
        catch (WorkforceValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        TempData["Notice"] = "Spell of employment added";
        return Redirect($"/workforce/teams/{TeamId}");
    }

    public async Task<IActionResult> OnPostPostsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!MayKeep) return Forbid();
        if (!ModelState.IsValid) return Page();
        try
        {
            await employment.SetPostsAsync(TeamId, ParseDecimal(Posts, "Posts", "Funded posts"), PostsFrom, CurrentWorker.From(User)!.WorkerId, ct);
        }
        catch (WorkforceValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        TempData["Notice"] = "Funded posts recorded";
        return Redirect($"/workforce/teams/{TeamId}");
    }

    /// A number typed in a text box: blank is missing (the service says so); anything else that is
    /// not a number gets its own message here.
    private decimal? ParseDecimal(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        throw new WorkforceValidationException(field, $"{label} must be a number, for example 1 or 0.6");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == TeamId).Select(t => new { t.Name, Service = t.Service.Name }).FirstOrDefaultAsync(ct);
        if (team is null) return false;
        (TeamName, ServiceName) = (team.Name, team.Service);
        MayKeep = EmploymentService.MayKeep(CurrentWorker.From(User)!, TeamId);
        Spells = await db.Employments.AsNoTracking().Where(e => e.TeamId == TeamId)
            .OrderBy(e => e.LeaveDate != null).ThenBy(e => e.Worker.DisplayName).ThenByDescending(e => e.StartDate)
            .Select(e => new SpellRow(e.Id, e.Worker.DisplayName, e.ContractType, e.IsQualified, e.Fte, e.StartDate, e.LeaveDate, e.Version)).ToListAsync(ct);
        PostsHistory = await db.TeamEstablishments.AsNoTracking().Where(e => e.TeamId == TeamId)
            .OrderByDescending(e => e.EffectiveFrom).ThenByDescending(e => e.Id).Select(e => new PostsRow(e.EffectiveFrom, e.Posts, e.RecordedAt)).ToListAsync(ct);
        if (MayKeep)
            WorkerItems = (await db.Workers.AsNoTracking().Where(w => w.TeamId == TeamId || db.Employments.Any(e => e.WorkerId == w.Id && e.TeamId == TeamId))
                    .OrderBy(w => w.DisplayName).Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct))
                .Select(w => new SelectListItem(w.DisplayName, w.Id.ToString()))
                .Prepend(new SelectListItem("Select a worker", ""));
        return true;
    }
}
