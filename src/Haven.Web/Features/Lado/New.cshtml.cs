using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Haven.Core.Access;
using Haven.Core.Lado;
using Haven.Core.People;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Lado;

/// Record a new allegation: the person, their work, the referral and the children involved.
public partial class NewModel(LadoService lado, TimeProvider clock) : PageModel
{
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of birth")] public DateOnly? DateOfBirth { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the person is paid or a volunteer")] public string? WorkType { get; set; }
    [BindProperty] public string? EmployerName { get; set; }
    [BindProperty] public EmployerSector? EmployerSector { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date received")] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public string? ReferrerName { get; set; }
    [BindProperty] public string? ReferrerOrganisation { get; set; }
    [BindProperty] public string? Allegation { get; set; }
    [BindProperty] public string? Children { get; set; }

    public static readonly IReadOnlyList<SelectListItem> WorkTypeItems = [new("Paid (employed or self-employed)", "paid"), new("Volunteer", "volunteer")];

    public IEnumerable<SelectListItem> SectorItems => new[] { new SelectListItem("Select a sector", "") }
        .Concat(Enum.GetValues<EmployerSector>().Select(s => new SelectListItem(LadoCase.Describe(s), s.ToString())));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var children = ParseChildren(Children, out var childError);
        if (childError is not null) ModelState.AddModelError(nameof(Children), childError);
        var options = new RecordAllegationOptions(FirstName ?? "", LastName ?? "", DateOfBirth, Role ?? "", WorkType == "volunteer", EmployerName ?? "",
            EmployerSector, ReceivedOn, ReferrerName ?? "", ReferrerOrganisation, Allegation ?? "", children);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        ModelState.Remove(nameof(EmployerSector)); // an unknown value gets the same message as none
        foreach (var (field, message) in LadoRules.Validate(options, today))
            if (!ModelState.ContainsKey(field) || ModelState[field]!.Errors.Count == 0) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            var c = await lado.RecordAsync(options, CurrentWorker.From(User)!, ct);
            TempData["Notice"] = "Allegation recorded";
            return Redirect($"/lado/{c.Id}");
        }
        catch (LadoValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
    }

    /// One child a line: how the referrer described them, optionally followed by their Haven ID (H123).
    public static IReadOnlyList<LadoChildInput> ParseChildren(string? text, out string? error)
    {
        error = null;
        var list = new List<LadoChildInput>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            int? id = null;
            var m = HavenIdAtEnd().Match(line);
            if (m.Success && HavenIds.TryParse(m.Groups[1].Value, out var parsed))
            {
                id = parsed;
                line = line[..m.Index].TrimEnd(' ', ',', '-', '(');
            }
            if (line.Length == 0) line = "Child";
            list.Add(new(line, id));
        }
        if (list.Count > 50) error = "Enter 50 children or fewer";
        return list;
    }

    [GeneratedRegex(@"\(?\b([Hh]\d{1,9})\)?\s*$")]
    private static partial Regex HavenIdAtEnd();
}
