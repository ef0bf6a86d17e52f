using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Enquiries;

/// The fields of a recruitment enquiry, shared by the page that records a new enquiry and the page
/// that records its next steps (or that the household left). The rules are FosteringService's;
/// field names are the options' property names, so its errors land on the right fields.
public abstract class EnquiryFormModel(HavenDbContext db) : PageModel
{
    [BindProperty] public ApplicantKind? Kind { get; set; }
    [BindProperty] public string? HouseholdName { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public EnquirySource? Source { get; set; }
    [BindProperty] public int? CampaignId { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the enquiry")] public DateOnly? EnquiryDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The initial visit date")] public DateOnly? InitialVisitDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The application date")] public DateOnly? ApplicationDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The assessment stage 1 date")] public DateOnly? Stage1Date { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The assessment stage 2 date")] public DateOnly? Stage2Date { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The panel date")] public DateOnly? PanelDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The approval date")] public DateOnly? ApprovalDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date they left")] public DateOnly? LeftDate { get; set; }
    [BindProperty] public LeavingReason? LeftReason { get; set; }
    [BindProperty] public string? LeftNotes { get; set; }
    [BindProperty] public string? SecondTimeAdopter { get; set; }

    public IReadOnlyList<SelectListItem> CampaignItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> KindItems => [new("Foster carers", nameof(ApplicantKind.Fostering)), new("Adopters", nameof(ApplicantKind.Adoption))];
    public static IEnumerable<SelectListItem> SourceItems => Enum.GetValues<EnquirySource>().Select(s => new SelectListItem(Describe(s), s.ToString()));
    public static IEnumerable<SelectListItem> ReasonItems => Enum.GetValues<LeavingReason>().Select(r => new SelectListItem(Describe(r), r.ToString()));
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public static string Describe(EnquirySource s) => s switch
    {
        EnquirySource.Campaign => "A recruitment campaign", EnquirySource.WordOfMouth => "Word of mouth", EnquirySource.Web => "The council's website",
        EnquirySource.Event => "An event", EnquirySource.ExistingCarer => "An existing carer", _ => "Somewhere else",
    };

    public static string Describe(LeavingReason r) => r switch
    {
        LeavingReason.ChangedCircumstances => "Circumstances changed", LeavingReason.ChoseAnotherAgency => "Chose another agency",
        LeavingReason.NoLongerInterested => "No longer interested", LeavingReason.NoResponse => "Stopped responding", LeavingReason.NotSuitable => "Assessed as not suitable",
        LeavingReason.AccommodationUnsuitable => "Accommodation unsuitable", LeavingReason.PanelNotRecommended => "Panel did not recommend approval", _ => "Another reason",
    };

    protected async Task LoadCampaignsAsync(CancellationToken ct)
    {
        var campaigns = await db.RecruitmentCampaigns.AsNoTracking().OrderByDescending(c => c.StartDate).Take(100).ToListAsync(ct);
        CampaignItems = [new("No campaign", ""), .. campaigns.Select(c => new SelectListItem($"{c.Name} ({(c.Kind == ApplicantKind.Adoption ? "adopters" : "foster carers")}, from {c.StartDate:d MMM yyyy})", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// The options from the form, or null (with messages) when a choice is missing or not one offered.
    protected EnquiryOptions? ReadOptions()
    {
        // An unknown value gets the same message as none.
        var unknown = new HashSet<string>();
        foreach (var field in new[] { nameof(Kind), nameof(Source), nameof(LeftReason), nameof(CampaignId) })
            if (ModelState.GetValueOrDefault(field) is { Errors.Count: > 0 }) { ModelState.Remove(field); unknown.Add(field); }
        if (Kind is null || !Enum.IsDefined(Kind.Value)) ModelState.AddModelError(nameof(Kind), "Select whether the enquiry is to foster or to adopt");
        if (Source is null || !Enum.IsDefined(Source.Value)) ModelState.AddModelError(nameof(Source), "Select where the enquiry came from");
        if (unknown.Contains(nameof(LeftReason)) || LeftReason is { } r && !Enum.IsDefined(r)) ModelState.AddModelError(nameof(LeftReason), "Select why they left");
        if (unknown.Contains(nameof(CampaignId))) ModelState.AddModelError(nameof(CampaignId), "Select the campaign the enquiry came from");
        if (SecondTimeAdopter is not (null or "yes" or "no")) ModelState.AddModelError(nameof(SecondTimeAdopter), "Select yes or no");
        if (!ModelState.IsValid) return null;
        return new EnquiryOptions(Kind!.Value, HouseholdName, Postcode, Source!.Value, CampaignId, EnquiryDate, InitialVisitDate, ApplicationDate,
            Stage1Date, Stage2Date, PanelDate, ApprovalDate, LeftDate, LeftReason, LeftNotes, SecondTimeAdopter == "yes");
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    protected void Fill(RecruitmentEnquiry e)
    {
        Kind = e.Kind; HouseholdName = e.HouseholdName; Postcode = e.Postcode; Source = e.Source; CampaignId = e.CampaignId; EnquiryDate = e.EnquiryDate;
        InitialVisitDate = e.InitialVisitDate; ApplicationDate = e.ApplicationDate; Stage1Date = e.Stage1Date; Stage2Date = e.Stage2Date; PanelDate = e.PanelDate;
        ApprovalDate = e.ApprovalDate; LeftDate = e.LeftDate; LeftReason = e.LeftReason; LeftNotes = e.LeftNotes; SecondTimeAdopter = e.SecondTimeAdopter ? "yes" : "no";
    }
}
