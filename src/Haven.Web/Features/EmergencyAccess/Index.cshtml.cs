using Haven.Core.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.EmergencyAccess;

/// Break-glass: a worker in a configured role opens a restricted record in an emergency, giving
/// a reason. Others get 403 here, as on the record itself.
public class IndexModel(BreakGlass breakGlass, BreakGlassSettings settings) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public int ChildId { get; private set; }
    public int Minutes => settings.Minutes;
    public string? Refusal { get; private set; }

    public IActionResult OnGet(int id)
    {
        ChildId = id;
        return Allowed() ? Page() : StatusCode(StatusCodes.Status403Forbidden);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ChildId = id;
        if (!Allowed()) return StatusCode(StatusCodes.Status403Forbidden);
        var result = await breakGlass.OpenAsync(CurrentWorker.From(User)!, id, Reason, ct);
        switch (result)
        {
            case BreakGlassResult.Opened opened:
                TempData["Notice"] = $"Emergency access until {opened.Until.ToLocalTime():HH:mm}. Your reason is recorded and the workers who hold this record have been told.";
                return Redirect($"/children/{id}");
            case BreakGlassResult.Refused { Field: "Reason" } r:
                ModelState.AddModelError(nameof(Reason), r.Message);
                return Page();
            case BreakGlassResult.Refused r:
                Refusal = r.Message;
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    private bool Allowed() => CurrentWorker.From(User) is { } w && settings.Allows(w.Role);
}
