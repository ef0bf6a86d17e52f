using System.ComponentModel.DataAnnotations;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.People.Identifiers;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record;

/// Change a child's details. The form carries the version it was loaded at: if someone else saved
/// in the meantime, nothing is overwritten and both versions are shown.
public class DetailsModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Conflict(string Field, string Theirs, string Yours);

    [BindProperty, Required(ErrorMessage = "Enter the first name"), StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? FirstName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the last name"), StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? LastName { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "Middle names must be 200 characters or fewer")]
    public string? OtherNames { get; set; }

    [BindProperty, StringLength(100, ErrorMessage = "Known as must be 100 characters or fewer")]
    public string? KnownAs { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty, Required(ErrorMessage = "Select the child's sex")]
    public Sex? Sex { get; set; }

    [BindProperty]
    public string? EthnicityCode { get; set; }

    [BindProperty]
    public string? NhsNumber { get; set; }

    [BindProperty]
    public string? Upn { get; set; }

    [BindProperty, StringLength(50, ErrorMessage = "First language must be 50 characters or fewer")]
    public string? FirstLanguage { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Conflict> Conflicts { get; private set; } = [];

    public IEnumerable<SelectListItem> SexItems => Enum.GetValues<Sex>().Select(s => new SelectListItem(s.Describe(), s.ToString()));
    public IEnumerable<SelectListItem> EthnicityItems => new[] { new SelectListItem("Not recorded", "") }
        .Concat(CodeLists.Ethnicity.All.Select(c => new SelectListItem(c.Description, c.Value)));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().FirstAsync(p => p.Id == childId, ct);
        Fill(child);
        await LoadHeaderAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (DateOfBirth is { } dob && dob > today) ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be today or in the past");
        if (DateOfBirth is { } old && old.Year < 1900) ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be after 1900");
        if (EthnicityCode is { Length: > 0 } && !CodeLists.Ethnicity.Contains(EthnicityCode)) ModelState.AddModelError(nameof(EthnicityCode), "Select an ethnicity from the list");
        string? nhs = null, upn = null;
        if (!string.IsNullOrWhiteSpace(NhsNumber))
        {
            var check = Haven.Core.People.Identifiers.NhsNumber.Check(NhsNumber);
            if (check.IsValid) nhs = check.Value; else ModelState.AddModelError(nameof(NhsNumber), check.ErrorMessage!);
        }
        if (!string.IsNullOrWhiteSpace(Upn))
        {
            var check = UniquePupilNumber.Check(Upn);
            if (check.IsValid) upn = check.Value; else ModelState.AddModelError(nameof(Upn), check.ErrorMessage!);
        }
        if (!ModelState.IsValid)
        {
            await LoadHeaderAsync(childId, ct);
            return Page();
        }

        var child = await db.People.FirstAsync(p => p.Id == childId, ct);
        // The version the user's form was based on: EF compares it with the row's current one on save.
        db.Entry(child).Property(p => p.Version).OriginalValue = Version;
        child.FirstName = FirstName!.Trim();
        child.LastName = LastName!.Trim();
        child.OtherNames = Blank(OtherNames);
        child.KnownAs = Blank(KnownAs);
        child.DateOfBirth = DateOfBirth ?? child.DateOfBirth;
        child.Sex = Sex!.Value;
        child.EthnicityCode = Blank(EthnicityCode);
        child.NhsNumber = nhs;
        child.Upn = upn;
        child.FirstLanguage = Blank(FirstLanguage);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.People.AsNoTracking().FirstAsync(p => p.Id == childId, ct);
            Conflicts = Compare(current);
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this record while you were editing it. Check their changes below, then save again to keep yours");
            await LoadHeaderAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "Details updated";
        return Redirect($"/children/{childId}");
    }

    private IReadOnlyList<Conflict> Compare(Person theirs)
    {
        var list = new List<Conflict>();
        void Add(string field, string? a, string? b) { if ((a ?? "") != (b ?? "")) list.Add(new(field, a ?? "–", b ?? "–")); }
        Add("First name", theirs.FirstName, FirstName?.Trim());
        Add("Last name", theirs.LastName, LastName?.Trim());
        Add("Middle names", theirs.OtherNames, Blank(OtherNames));
        Add("Known as", theirs.KnownAs, Blank(KnownAs));
        Add("Date of birth", theirs.DateOfBirth?.ToString("d MMMM yyyy"), DateOfBirth?.ToString("d MMMM yyyy"));
        Add("Sex", theirs.Sex.Describe(), Sex?.Describe());
        Add("Ethnicity", theirs.EthnicityCode, Blank(EthnicityCode));
        Add("NHS number", theirs.NhsNumber, Blank(NhsNumber)?.Replace(" ", ""));
        Add("UPN", theirs.Upn, Blank(Upn)?.ToUpperInvariant());
        Add("First language", theirs.FirstLanguage, Blank(FirstLanguage));
        return list;
    }

    private void Fill(Person p)
    {
        FirstName = p.FirstName; LastName = p.LastName; OtherNames = p.OtherNames; KnownAs = p.KnownAs;
        DateOfBirth = p.DateOfBirth; Sex = p.Sex; EthnicityCode = p.EthnicityCode;
        NhsNumber = p.NhsNumber is null ? null : Haven.Core.People.Identifiers.NhsNumber.Format(p.NhsNumber);
        Upn = p.Upn; FirstLanguage = p.FirstLanguage; Version = p.Version;
    }

    private async Task LoadHeaderAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "summary", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
