using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Core.Missing;
using Haven.Core.Permanence;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Permanence;

/// Records or updates a child's adoption record: the agency decision maker's decision, placement
/// order, family finding with early permanence considered, match with approved adopters, moving in,
/// placement for adoption, the order (which seals the record) and brothers and sisters. The rules are
/// PermanenceService's, as for the API; the child record guard checks access and logs the change.
public class AdoptionModel(HavenDbContext db, PermanenceService permanence, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the agency decision maker's decision")] public DateOnly? AdmDecisionDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The placement order date")] public DateOnly? PlacementOrderDate { get; set; }
    [BindProperty] public EarlyPermanence? EarlyPermanence { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date family finding started")] public DateOnly? FamilyFindingStarted { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The match date")] public DateOnly? MatchDate { get; set; }
    [BindProperty] public int? AdopterEnquiryId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the child moved in")] public DateOnly? MovedInDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date placed for adoption")] public DateOnly? PlacedForAdoptionDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The adoption order date")] public DateOnly? AdoptionOrderDate { get; set; }
    [BindProperty] public SiblingPlacement? Siblings { get; set; }
    [BindProperty] public string? SiblingsReason { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    /// The adopters at the match (903 AD1), as codes of their lists.
    [BindProperty] public string? FosterCareCode { get; set; }
    [BindProperty] public string? AdopterNumberCode { get; set; }
    [BindProperty] public string? AdopterSexCode { get; set; }
    [BindProperty] public string? AdopterLegalStatusCode { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public AdoptionCase? Saved { get; private set; }
    /// Set when another writer saved first: what is recorded now, shown beside the form.
    public AdoptionCase? TheirVersion { get; private set; }
    public IReadOnlyList<SelectListItem> AdopterItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> EarlyPermanenceItems =>
    [
        new("Considered: foster to adopt", nameof(Core.Permanence.EarlyPermanence.FosterToAdopt)),
        new("Considered: concurrent planning", nameof(Core.Permanence.EarlyPermanence.ConcurrentPlanning)),
        new("Considered, not suitable for this child", nameof(Core.Permanence.EarlyPermanence.ConsideredNotSuitable)),
        new("Considered, no early permanence carers available", nameof(Core.Permanence.EarlyPermanence.ConsideredNoCarers)),
        new("Not yet considered", nameof(Core.Permanence.EarlyPermanence.NotConsidered)),
    ];

    public static IEnumerable<SelectListItem> SiblingItems =>
    [
        new("No brothers or sisters in the plan", nameof(SiblingPlacement.NoSiblingsInPlan)), new("Placed together", nameof(SiblingPlacement.Together)),
        new("Some placed together", nameof(SiblingPlacement.SomeTogether)), new("Placed apart", nameof(SiblingPlacement.Apart)),
    ];

    private static IEnumerable<SelectListItem> Items(Haven.Core.Codes.CodeList list) =>
        [new("Not recorded yet", ""), .. list.All.Select(c => new SelectListItem(c.Description, c.Value))];
    public static IEnumerable<SelectListItem> FosterCareItems => Haven.Core.Codes.CodeLists.AdopterFosterCare.All.Select(c => new SelectListItem(c.Description, c.Value));
    public static IEnumerable<SelectListItem> AdopterNumberItems => Haven.Core.Codes.CodeLists.AdopterNumber.All.Select(c => new SelectListItem(c.Description, c.Value));
    public static IEnumerable<SelectListItem> AdopterSexItems => Items(Haven.Core.Codes.CodeLists.AdopterSex);
    public static IEnumerable<SelectListItem> AdopterLegalStatusItems => Items(Haven.Core.Codes.CodeLists.AdopterLegalStatus);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        if (Saved is { } a)
        {
            (AdmDecisionDate, PlacementOrderDate, EarlyPermanence, FamilyFindingStarted, MatchDate, AdopterEnquiryId) =
                (a.AdmDecisionDate, a.PlacementOrderDate, a.EarlyPermanence, a.FamilyFindingStarted, a.MatchDate, a.AdopterEnquiryId);
            (MovedInDate, PlacedForAdoptionDate, AdoptionOrderDate, Siblings, SiblingsReason, Version) =
                (a.MovedInDate, a.PlacedForAdoptionDate, a.AdoptionOrderDate, a.Siblings, a.SiblingsReason, a.Version);
            (FosterCareCode, AdopterNumberCode, AdopterSexCode, AdopterLegalStatusCode) = (a.FosterCareCode, a.AdopterNumberCode, a.AdopterSexCode, a.AdopterLegalStatusCode);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        if (Saved?.SealedAt is not null) return Page();
        // A value outside the lists (a tampered form) is the same as no answer: PermanenceService's rules,
        // shared with the API, give the message.
        foreach (var field in new[] { nameof(EarlyPermanence), nameof(Siblings), nameof(AdopterEnquiryId) })
            if (ModelState.GetValueOrDefault(field) is { Errors.Count: > 0 }) ModelState.Remove(field);
        var o = new AdoptionOptions(AdmDecisionDate, PlacementOrderDate, EarlyPermanence, FamilyFindingStarted, MatchDate, AdopterEnquiryId,
            MovedInDate, PlacedForAdoptionDate, AdoptionOrderDate, Siblings, SiblingsReason,
            FosterCareCode, AdopterNumberCode, AdopterSexCode, AdopterLegalStatusCode);
        foreach (var (field, message) in await permanence.ValidateAsync(childId, o, ct))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await permanence.SaveAdoptionAsync(childId, o, Saved is null ? null : Version, ct);
        }
        catch (Exception e) when (e is StaleRecordException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            TheirVersion = await db.AdoptionCases.AsNoTracking().FirstOrDefaultAsync(x => x.ChildId == childId, ct);
            Version = TheirVersion?.Version;
            ModelState.AddModelError(string.Empty, "Someone else changed this adoption record while you were editing it. Check what they saved (below), then save again if your change still applies");
            return Page();
        }
        TempData["Notice"] = AdoptionOrderDate is null ? "Adoption record saved" : "Adoption record saved and sealed";
        return Redirect($"/children/{childId}/permanence");
    }

    private async Task<bool> LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "permanence", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (Header is null) return false;
        Saved = await db.AdoptionCases.AsNoTracking().FirstOrDefaultAsync(x => x.ChildId == childId, ct);
        var adopters = await db.RecruitmentEnquiries.AsNoTracking()
            .Where(e => e.Kind == ApplicantKind.Adoption && e.ApprovalDate != null)
            .OrderBy(e => e.HouseholdName).Select(e => new { e.Id, e.HouseholdName, e.ApprovalDate }).ToListAsync(ct);
        AdopterItems = [new("Not matched yet", ""), .. adopters.Select(e => new SelectListItem($"{e.HouseholdName} (number {e.Id}, approved {e.ApprovalDate:d MMMM yyyy})", e.Id.ToString()))];
        return true;
    }
}
