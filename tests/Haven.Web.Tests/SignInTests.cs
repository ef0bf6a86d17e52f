using System.Security.Cryptography;
using Haven.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

public sealed class OidcApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Haven:OpenIdConnect:Authority"] = "https://login.example.invalid/tenant/v2.0";
        settings["Haven:OpenIdConnect:ClientId"] = "haven";
        settings["Haven:OpenIdConnect:DisplayName"] = "Council account";
    }
}

/// Two-factor sign-in with an authenticator app, accounts made by the CLI, and single sign-on configuration.
public sealed class SignInTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheAuthenticatorCode()
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
            var user = (await users.FindByNameAsync(worker.UserName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var client = app.NewClient();

        var first = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["UserName"] = worker.UserName, ["Password"] = HavenApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/sign-in/two-factor", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var wrong = await client.SubmitAsync("/account/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Contains((await Pages.ParseAsync(wrong)).ErrorMessages(), m => m.Contains("not correct"));

        var right = await client.SubmitAsync("/account/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Cli_UsersCreateAndReset_GiveAnAccountThatCanSignIn()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync("Cli team");
        var (exit, output, error) = await app.RunCliAsync("users", "create", "--username", "p.adviser", "--role", "personaladviser",
            "--name", "Pat Adviser", "--team", "Cli team", "--password", "First-password-123");
        Assert.True(exit == 0, error);
        Assert.Contains("Personal adviser", output);
        await app.NewClient().SignInAsync("p.adviser", "First-password-123");

        var (resetExit, resetOutput, _) = await app.RunCliAsync("users", "reset", "--username", "p.adviser");
        Assert.Equal(0, resetExit);
        var password = resetOutput.Split("Password (shown once): ")[1].Trim();
        await app.NewClient().SignInAsync("p.adviser", password);

        var (badRole, _, roleError) = await app.RunCliAsync("users", "create", "--username", "x", "--role", "wizard", "--name", "X");
        Assert.Equal(2, badRole);
        Assert.Contains("Unknown role", roleError);
    }

    [Fact]
    public async Task Cli_GeneratedPasswords_AlwaysMeetThePasswordPolicy()
    {
        // A random string lacks a digit about one time in 60; every generated password must be accepted
        // by the password policy the accounts are held to.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
        for (var i = 0; i < 2000; i++)
        {
            var password = Haven.Cli.Commands.UsersCommand.NewPassword();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new HavenUser(), password);
                Assert.True(result.Succeeded, $"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    /// RFC 6238 with the parameters authenticator apps use (SHA-1, 30 seconds, 6 digits).
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0; var value = 0; var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = value << 5 | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(value >> (bits - 8))); bits -= 8; }
        }
        return bytes.ToArray();
    }
}

public sealed class SingleSignOnTests(OidcApp app) : IClassFixture<OidcApp>
{
    [Fact]
    public async Task SignInPage_WhenOpenIdConnectConfigured_OffersTheCouncilAccount()
    {
        var doc = await app.NewClient().GetPageAsync("/account/sign-in");
        Assert.Contains(doc.QuerySelectorAll("button"), b => b.TextContent.Contains("Sign in with your council account"));
        var schemes = app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync("oidc"));
    }
}
