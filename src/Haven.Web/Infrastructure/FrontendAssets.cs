using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Haven.Web.Infrastructure;

public static class FrontendAssets
{
    // GOV.UK Frontend's compiled CSS refers to /assets/fonts and /assets/images by absolute path,
    // so its asset folder is served at /assets straight from the npm package; our own compiled
    // stylesheet and the GOV.UK script are served from Frontend/dist at /static.
    public static IApplicationBuilder UseFrontendAssets(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, "Frontend");
        var govukAssets = Path.Combine(root, "node_modules", "govuk-frontend", "dist", "govuk", "assets");
        var dist = Path.Combine(root, "dist");
        if (!Directory.Exists(govukAssets) || !Directory.Exists(dist))
            throw new InvalidOperationException(
                $"Front-end assets are missing under {root}. Build the web project (dotnet build runs 'npm ci' and 'npm run build' there).");
        Action<StaticFileResponseContext> cache = ctx =>
            ctx.Context.Response.Headers.CacheControl = "public,max-age=86400";
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(govukAssets), RequestPath = "/assets", OnPrepareResponse = cache });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(dist), RequestPath = "/static", OnPrepareResponse = cache });
        return app;
    }
}
