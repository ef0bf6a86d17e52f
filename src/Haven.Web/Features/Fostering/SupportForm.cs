using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Fostering;

/// The fields of one piece of support to special guardians or, after the order, to adopters
/// (FosteringService.AddSupportAsync holds the rules). Added, never rewritten.
public abstract class SupportFormModel : PageModel
{
    [BindProperty] public SupportKind? Kind { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the support started")] public DateOnly? StartDate { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public static IEnumerable<SelectListItem> KindItems => Enum.GetValues<SupportKind>().Select(k => new SelectListItem(Describe(k), k.ToString()));

    public static string Describe(SupportKind k) => k switch
    {
        SupportKind.Financial => "Financial (allowance or one-off payment)", SupportKind.Therapeutic => "Therapeutic support", SupportKind.Training => "Training",
        SupportKind.Respite => "Short breaks (respite)", SupportKind.PeerSupport => "Peer support group", SupportKind.ContactSupport => "Help with family time (contact)", _ => "Other support",
    };

    protected SupportOptions ReadOptions()
    {
        if (ModelState.GetValueOrDefault(nameof(Kind)) is { Errors.Count: > 0 }) { ModelState.Remove(nameof(Kind)); Kind = null; }
        return new SupportOptions(Kind, StartDate, Description);
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    protected Guid? Submission => SubmissionId == Guid.Empty ? null : SubmissionId;
}
