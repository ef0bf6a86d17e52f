using System.Security.Claims;
using Haven.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Account.SignIn;

/// Return from the council's identity provider: sign in the Haven account linked to that login,
/// linking it the first time by matching a confirmed email address.
public class ExternalModel(SignInManager<HavenUser> signIn, UserManager<HavenUser> users) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("Index");
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
            var user = email is null ? null : await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant() && u.EmailConfirmed);
            if (user is null || user.IsDemoAccount)
            {
                Problem = "Your council account is not linked to a Haven account. Ask your system administrator to set one up.";
                return Page();
            }
            await users.AddLoginAsync(user, info);
            await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
