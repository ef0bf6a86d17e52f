using Haven.Core.Codes;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Haven.Core.ChildrenLookedAfter;

namespace Haven.Web.Features.Children.Record.Care;

/// Choices for the care pages, from the SSDA903 code lists, and the mapping of service errors to fields.
public static class CareItems
{
    public static IEnumerable<SelectListItem> From(CodeList list, string prompt) =>
        new[] { new SelectListItem(prompt, "") }.Concat(list.All.Select(c => new SelectListItem($"{c.Description} ({c.Value})", c.Value)));

    public static readonly IReadOnlyList<SelectListItem> LegalStatuses = From(LookedAfterCodes.LegalStatus, "Select the legal status").ToList();
    public static readonly IReadOnlyList<SelectListItem> Needs = From(LookedAfterCodes.CategoryOfNeed, "Select the category of need").ToList();
    public static readonly IReadOnlyList<SelectListItem> PlacementTypes = From(LookedAfterCodes.PlacementType, "Select the placement type").ToList();
    public static readonly IReadOnlyList<SelectListItem> Providers = From(LookedAfterCodes.PlacementProvider, "Select the provider").ToList();
    public static readonly IReadOnlyList<SelectListItem> Participation = From(LookedAfterCodes.ReviewParticipation, "Select how the child took part").ToList();

    public static readonly IReadOnlyList<SelectListItem> PreviousPermanence = From(LookedAfterCodes.PreviousPermanence, "Select the previous order, or none").ToList();
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    /// Service errors whose keys are already the page's property names.
    public static readonly IReadOnlyDictionary<string, string> SameNames = new Dictionary<string, string>();

    public static void AddErrors(ModelStateDictionary state, IReadOnlyDictionary<string, string> errors, IReadOnlyDictionary<string, string>? rename = null)
    {
        foreach (var (key, message) in errors)
            state.AddModelError(rename is not null && rename.TryGetValue(key, out var to) ? to
                : ReferenceEquals(rename, SameNames) ? key : key.Replace("Placement.", "").Replace("Code", ""), message);
    }

    public static string Describe(CodeList list, string? code) => LookedAfterCodes.Describe(list, code);
}
