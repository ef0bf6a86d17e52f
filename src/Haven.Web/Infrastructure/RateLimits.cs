using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Haven.Web.Infrastructure;

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicForm = "public-form";

    /// Sign-in attempts (POSTs) are limited per client address, on top of Identity's per-account
    /// lockout, so that guessing across many accounts is slowed too. Haven:RateLimits:SignInPerMinute.
    public static IServiceCollection AddHavenRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Haven:RateLimits:SignInPerMinute", 20);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            // Public forms (no sign-in): submissions per client address. Haven:RateLimits:PublicFormPerHour.
            var publicPerHour = configuration.GetValue("Haven:RateLimits:PublicFormPerHour", 10);
            o.AddPolicy(PublicForm, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("public:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = publicPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
