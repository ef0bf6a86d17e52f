using System.Text.RegularExpressions;
using Haven.Core.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Errors;

[IgnoreAntiforgeryToken]
public partial class StatusModel(BreakGlassSettings breakGlass) : PageModel
{
    public int Code { get; private set; }

    /// For a refused child record, and a worker whose role may use emergency access: where to ask.
    /// Shown for every refused child address, existing or not, so it reveals nothing.
    public int? EmergencyAccessChildId { get; private set; }

    public void OnGet(int code) => Load(code);
    public void OnPost(int code) => Load(code);

    private void Load(int code)
    {
        Code = code;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (code == 403 && original is not null && ChildPath().Match(original) is { Success: true } m
            && CurrentWorker.From(User) is { } w && breakGlass.Allows(w.Role) && int.TryParse(m.Groups[1].Value, out var id))
            EmergencyAccessChildId = id;
    }

    [GeneratedRegex(@"^/children/(\d{1,9})(/|$)")]
    private static partial Regex ChildPath();

    public (string Title, string Message) Text => Code switch
    {
        403 => ("You cannot view this page", "This record does not exist or you do not have access to it. If you need access, ask your team manager."),
        404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."),
        429 => ("Too many attempts", "You have tried too many times. Wait, then try again later."),
        400 => ("There is a problem with the request", "Go back and try again."),
        409 => ("Someone else changed this record", Haven.Web.Infrastructure.ConcurrencyConflicts.Message + "."),
        _ => ("Sorry, there is a problem with the service", "Try again later. Nothing you saved before this message has been lost."),
    };
}
