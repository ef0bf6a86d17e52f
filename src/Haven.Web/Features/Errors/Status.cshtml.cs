using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Errors;

[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
    public void OnPost(int code) => Code = code;

    public (string Title, string Message) Text => Code switch
    {
        403 => ("You cannot view this page", "This record does not exist or you do not have access to it. If you need access, ask your team manager."),
        404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."),
        429 => ("Too many attempts", "Wait a minute, then try again."),
        400 => ("There is a problem with the request", "Go back and try again."),
        _ => ("Sorry, there is a problem with the service", "Try again later. Nothing you saved before this message has been lost."),
    };
}
