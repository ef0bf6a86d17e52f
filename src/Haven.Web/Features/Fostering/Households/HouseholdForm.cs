using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// A household's approval: kind, terms (how many children, what ages, what care), supervising
/// social worker and, for connected persons, temporary approval (reg 24, 16 weeks). Shared by the
/// page that records a new household and the page that changes its terms; the rules are FosteringService's.
public abstract class HouseholdFormModel(HavenDbContext db) : PageModel
{
    [BindProperty] public HouseholdKind? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public int? EnquiryId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The approval date")] public DateOnly? ApprovalDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The temporary approval date")] public DateOnly? TemporaryApprovalDate { get; set; }
    [BindProperty] public int? MaxChildren { get; set; }
    [BindProperty] public int? AgeFrom { get; set; }
    [BindProperty] public int? AgeTo { get; set; }
    [BindProperty] public CareType? CareType { get; set; }
    [BindProperty] public int? SupervisingWorkerId { get; set; }

    public IReadOnlyList<SelectListItem> WorkerItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> KindItems =>
        [new("Mainstream foster carers", nameof(HouseholdKind.Mainstream)), new("Connected person (family or friends of a child)", nameof(HouseholdKind.ConnectedPerson))];
    public static IEnumerable<SelectListItem> CareTypeItems => Enum.GetValues<CareType>().Select(c => new SelectListItem(Describe(c), c.ToString()));

    public static string Describe(CareType c) => c switch
    {
        Haven.Core.Fostering.CareType.ShortTerm => "Short-term", Haven.Core.Fostering.CareType.LongTerm => "Long-term", Haven.Core.Fostering.CareType.Emergency => "Emergency",
        Haven.Core.Fostering.CareType.Respite => "Short breaks (respite)", Haven.Core.Fostering.CareType.ParentAndChild => "Parent and child", _ => "Foster to adopt",
    };

    public static IEnumerable<SelectListItem> DeregistrationItems => Enum.GetValues<DeregistrationReason>().Select(r => new SelectListItem(Describe(r), r.ToString()));

    public static string Describe(DeregistrationReason? r) => r switch
    {
        DeregistrationReason.Resigned => "The carers resigned", DeregistrationReason.Retired => "The carers retired",
        DeregistrationReason.ChangeOfCircumstances => "A change in the household's circumstances", DeregistrationReason.MovedToAnotherProvider => "They moved to another fostering service",
        DeregistrationReason.BecameSpecialGuardiansOrAdopters => "They became special guardians or adopters of a child they cared for",
        DeregistrationReason.ApprovalTerminated => "The council ended the approval (after review and panel)", DeregistrationReason.Other => "Another reason", _ => "Reason not recorded",
    };

    protected async Task LoadWorkersAsync(CancellationToken ct)
    {
        var workers = await db.Workers.AsNoTracking()
            .Where(w => w.Role == HavenRole.FosteringWorker || w.Role == HavenRole.SocialWorker || w.Role == HavenRole.TeamManager || w.Id == SupervisingWorkerId)
            .OrderBy(w => w.DisplayName).Take(500).Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct);
        WorkerItems = [new("Select a worker", ""), .. workers.Select(w => new SelectListItem(w.DisplayName, w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    protected HouseholdOptions? ReadOptions()
    {
        var unknown = new HashSet<string>();
        foreach (var field in new[] { nameof(Kind), nameof(CareType), nameof(SupervisingWorkerId), nameof(MaxChildren), nameof(AgeFrom), nameof(AgeTo), nameof(EnquiryId) })
            if (ModelState.GetValueOrDefault(field) is { Errors.Count: > 0 }) { ModelState.Remove(field); unknown.Add(field); }
        if (Kind is null || !Enum.IsDefined(Kind.Value)) ModelState.AddModelError(nameof(Kind), "Select mainstream or connected person");
        if (CareType is null || !Enum.IsDefined(CareType.Value)) ModelState.AddModelError(nameof(CareType), "Select the type of care the household is approved for");
        if (SupervisingWorkerId is null) ModelState.AddModelError(nameof(SupervisingWorkerId), "Select the supervising social worker");
        if (MaxChildren is null) ModelState.AddModelError(nameof(MaxChildren), unknown.Contains(nameof(MaxChildren)) ? "Number of children must be a whole number, like 2" : "Enter how many children the household is approved for");
        if (AgeFrom is null) ModelState.AddModelError(nameof(AgeFrom), unknown.Contains(nameof(AgeFrom)) ? "Youngest age must be a whole number, like 0" : "Enter the youngest age the household is approved for");
        if (AgeTo is null) ModelState.AddModelError(nameof(AgeTo), unknown.Contains(nameof(AgeTo)) ? "Oldest age must be a whole number, like 11" : "Enter the oldest age the household is approved for");
        if (unknown.Contains(nameof(EnquiryId))) ModelState.AddModelError(nameof(EnquiryId), "The enquiry number must be a whole number");
        // With both choices made, the rules still run so every message shows at once; the caller
        // saves only when ModelState is valid (missing numbers stand in as 0 for the checks).
        if (Kind is not { } kind || !Enum.IsDefined(kind) || CareType is not { } care || !Enum.IsDefined(care)) return null;
        return new HouseholdOptions(kind, Name, Postcode, EnquiryId, ApprovalDate, TemporaryApprovalDate, MaxChildren ?? 0, AgeFrom ?? 0, AgeTo ?? 0,
            care, SupervisingWorkerId ?? 0);
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    protected void Fill(FosterHousehold h)
    {
        Kind = h.Kind; Name = h.Name; Postcode = h.Postcode; EnquiryId = h.EnquiryId; ApprovalDate = h.ApprovalDate; TemporaryApprovalDate = h.TemporaryApprovalDate;
        MaxChildren = h.MaxChildren; AgeFrom = h.AgeFrom; AgeTo = h.AgeTo; CareType = h.CareType; SupervisingWorkerId = h.SupervisingWorkerId;
    }
}
