using System.ComponentModel.DataAnnotations;
using Haven.Core.Identity;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Web.Features.Account.SignIn;

[EnableRateLimiting(RateLimits.SignIn)]
public class TwoFactorModel(SignInManager<HavenUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Index");
        if (!ModelState.IsValid) return Page();
        var code = Code!.Replace(" ", "").Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes"
            : "The code is not correct – enter the code your authenticator app shows now");
        return Page();
    }
}
