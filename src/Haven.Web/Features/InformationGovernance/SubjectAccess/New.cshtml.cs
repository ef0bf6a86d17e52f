using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.InformationGovernance;
using Haven.Core.People;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.InformationGovernance.SubjectAccess;

public sealed class NewModel(SubjectAccessService service, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty, Required(ErrorMessage = "Select who is asking")] public RequesterKind? RequesterKind { get; set; }
    [BindProperty] public List<string> ChildsOwnRequest { get; set; } = [];
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? IdentityCheck { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date received")] public DateOnly? ReceivedOn { get; set; }

    public static readonly IReadOnlyList<SelectListItem> KindItems = Enum.GetValues<RequesterKind>()
        .Select(k => new SelectListItem(k == Haven.Core.InformationGovernance.RequesterKind.DataSubject ? "The person themselves" : char.ToUpperInvariant(IndexModel.Describe(k)[0]) + IndexModel.Describe(k)[1..], k.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> ChildItems = [new("The child is asking for themselves", "yes")];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(RequesterKind));
        if (RequesterKind is null || !Enum.IsDefined(RequesterKind.Value)) ModelState.AddModelError(nameof(RequesterKind), "Select who is asking");
        if (!HavenIds.TryParse(Subject, out var personId)) ModelState.AddModelError(nameof(Subject), "Enter a Haven ID, like H1234");
        if (ReceivedOn is null && !ModelState.ContainsKey(nameof(ReceivedOn))) ModelState.AddModelError(nameof(ReceivedOn), "Enter the date received");
        var input = new NewSubjectAccessRequest(personId, RequesterName ?? "", RequesterKind ?? default, Authority, ChildsOwnRequest.Contains("yes"),
            IdentityCheck ?? "", Scope ?? "", ReceivedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        foreach (var (field, message) in SubjectAccessService.Validate(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            if (!ModelState.ContainsKey(field) || ModelState[field]!.Errors.Count == 0) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        var (request, errors) = await service.RecordAsync(input, CurrentWorker.From(User)!, ct);
        foreach (var (field, message) in errors) ModelState.AddModelError(field == nameof(NewSubjectAccessRequest.SubjectPersonId) ? nameof(Subject) : field, message);
        if (request is null) return Page();
        TempData["Notice"] = $"Request recorded: due {request.DueOn:d MMMM yyyy}";
        return Redirect($"/information-governance/subject-access/{request.Id}");
    }
}
