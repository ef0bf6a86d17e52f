using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Identity;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Web.Features.Account.SignIn;

[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(SignInManager<HavenUser> signIn, AccessLog log, IConfiguration configuration) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your username"), StringLength(256, ErrorMessage = "Username must be 256 characters or fewer")]
    public string? UserName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password"), StringLength(256, ErrorMessage = "Password must be 256 characters or fewer")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ExternalSignInAvailable => ExternalSignIn.IsConfigured(configuration);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(UserName), "This account is locked after too many failed attempts. Try again in 15 minutes or ask your system administrator");
            return Page();
        }
        if (!result.Succeeded)
        {
            // One message for an unknown user and a wrong password, so the page never confirms an account exists.
            ModelState.AddModelError(nameof(UserName), "Enter a correct username and password");
            return Page();
        }
        await log.WriteAsync(new AccessEvent(UserName.Trim(), null, AccessAction.SignIn, null, "sign-in"));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public IActionResult OnPostExternal()
    {
        if (!ExternalSignInAvailable) return NotFound();
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalSignIn.Scheme, Url.Page("External", new { ReturnUrl }));
        return Challenge(properties, ExternalSignIn.Scheme);
    }
}
