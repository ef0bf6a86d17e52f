using System.Security.Claims;
using System.Text.Encodings.Web;
using Haven.Core.Access;
using Haven.Core.Api;
using Haven.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Haven.Web.Infrastructure;

/// Bearer tokens for partner systems: the token is hashed and looked up; an expired or revoked
/// token fails. The principal carries the same claims as the user's interactive sign-in.
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HavenDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        var hash = ApiToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        // The token with its user, worker and team in one query: every API request pays for it.
        var found = await (
                from t in db.ApiTokens.AsNoTracking()
                where t.TokenHash == hash
                join u in db.Users.AsNoTracking() on t.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                select new
                {
                    Token = t,
                    User = u == null ? null : new { u.Id, u.UserName, u.LockoutEnd, u.Worker, ServiceId = u.Worker!.Team != null ? u.Worker.Team.ServiceId : (int?)null },
                })
            .FirstOrDefaultAsync();
        if (found is null || !found.Token.IsValidAt(now)) return AuthenticateResult.Fail("The token is not valid.");

        var user = found.User;
        if (user?.Worker is null || !user.Worker.IsActive || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
            return AuthenticateResult.Fail("The token's user cannot use the API.");

        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName ?? ""), new(ClaimTypes.NameIdentifier, user.Id) };
        claims.AddRange(CurrentWorker.ClaimsFor(user.Worker, user.ServiceId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
