using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Haven.Web.Infrastructure;

/// Councils that use Entra ID (or another OpenID Connect provider) configure Haven:OpenIdConnect
/// (Authority, ClientId, ClientSecret). The provider proves who the person is; Haven still decides
/// what they may do, from the worker their Haven account is linked to (matched by email).
public static class ExternalSignIn
{
    public const string Scheme = "oidc";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Haven:OpenIdConnect:Authority"]);

    public static void AddOpenIdConnectIfConfigured(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return;
        var section = configuration.GetSection("Haven:OpenIdConnect");
        authentication.AddOpenIdConnect(Scheme, section["DisplayName"] ?? "Council account", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "preferred_username";
        });
    }
}
