using System.Security.Cryptography;

namespace Haven.Web.Infrastructure;

/// Security headers on every response. Scripts run only from our own origin or with the
/// per-request nonce the layout puts on its one inline script; no inline styles, no framing.
public static class SecurityHeaders
{
    public const string NonceKey = "csp-nonce";

    public static IApplicationBuilder UseHavenSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                                      "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/static") && !context.Request.Path.StartsWithSegments("/assets"))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
