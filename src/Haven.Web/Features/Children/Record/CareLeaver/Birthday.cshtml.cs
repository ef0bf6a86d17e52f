using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Codes;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// What the SSDA903 (OC3) asks about one birthday: in touch, accommodation and activity.
public class BirthdayModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty] public string? InTouchCode { get; set; }
    [BindProperty] public string? AccommodationCode { get; set; }
    [BindProperty] public string? ActivityCode { get; set; }
    /// The saved answer the form was read at (empty when there was none).
    [BindProperty] public Guid Version { get; set; }
    public int Age { get; private set; }
    /// The answer someone else saved while this form was open.
    public BirthdayReturn? Theirs { get; private set; }

    private static IReadOnlyList<SelectListItem> From(CodeList list, string prompt) =>
        new[] { new SelectListItem(prompt, "") }.Concat(list.All.Select(c => new SelectListItem($"{c.Description} ({c.Value})", c.Value))).ToList();
    public static readonly IReadOnlyList<SelectListItem> InTouchItems = From(CareLeaverService.InTouch, "Select whether in touch");
    public static readonly IReadOnlyList<SelectListItem> AccommodationItems = From(CareLeaverService.Accommodation, "Select the accommodation");
    public static readonly IReadOnlyList<SelectListItem> ActivityItems = From(CareLeaverService.Activity, "Select the main activity");

    public async Task<IActionResult> OnGetAsync(int childId, int age, CancellationToken ct)
    {
        if (age is < 17 or > 25) return NotFound();
        Age = age;
        await LoadHeaderAsync(childId, ct);
        if (await Db.BirthdayReturns.AsNoTracking().FirstOrDefaultAsync(b => b.ChildId == childId && b.Age == age, ct) is { } row)
            (InTouchCode, AccommodationCode, ActivityCode, Version) = (row.InTouchCode, row.AccommodationCode, row.ActivityCode, row.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int age, CancellationToken ct)
    {
        if (age is < 17 or > 25) return NotFound();
        Age = age;
        var result = await service.RecordBirthdayAsync(new BirthdayOptions(childId, age, InTouchCode, ActivityCode, AccommodationCode, Version), CurrentWorker.From(User)!, ct);
        if (result.Errors.TryGetValue("InTouchCode", out var m) && m == CareLeaverService.BirthdayConflict)
        {
            Theirs = await Db.BirthdayReturns.AsNoTracking().FirstOrDefaultAsync(b => b.ChildId == childId && b.Age == age, ct);
            Version = Theirs?.Version ?? Guid.Empty;
            ModelState.Remove(nameof(Version));
        }
        return await DoneOrRedisplayAsync(childId, result, $"{age}th birthday recorded", ct);
    }
}
