using System.ComponentModel.DataAnnotations;
using Haven.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Account;

/// Set up an authenticator app (TOTP) as a second factor for this account.
public class TwoFactorSetupModel(UserManager<HavenUser> users, SignInManager<HavenUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code!.Replace(" ", ""));
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct – enter the code your authenticator app shows now");
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "Two-factor authentication is now on for your account";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Not signed in.");
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Haven:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=Haven&digits=6";
    }
}
