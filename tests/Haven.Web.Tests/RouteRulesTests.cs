using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Deny by default, proven over what the app actually maps: every endpoint is either on the short
/// public list or needs a signed-in user, and every route about a specific child goes through the
/// child-record gate. A new endpoint that fits neither fails this test.
public sealed class RouteRulesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Public =
    [
        "account/sign-in", "account/sign-in/two-factor", "account/sign-in/external", "accessibility", "error/{code:int}",
        "health", "api/openapi/{documentname}.json", "dev/components", "self-assessment", "self-assessment/sent",
        "family-feedback/{token}", "family-feedback/thank-you",
    ];

    [Fact]
    public async Task EveryMappedEndpoint_IsPublicByNameOrNeedsSignIn_AndChildRoutesAreGated()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 15);

        foreach (var e in endpoints)
        {
            var route = e.RoutePattern.RawText!.Trim('/').ToLowerInvariant();
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == Public.Contains(route), $"{route}: public={anonymous}, but the public list says {Public.Contains(route)}");
            if (route.StartsWith("api/v1"))
                Assert.Contains(e.Metadata.OfType<IAuthorizeData>(), a => a.Policy == Haven.Web.Infrastructure.Policies.Api);
        }

        // The gate itself, for each child route: a signed-in worker with no access gets 403 on every one.
        var owner = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = owner; c.WithNote("x"); });
        var noteId = await app.Data.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.CaseNotes.Where(n => n.ChildId == childId).Select(n => n.Id)));
        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);
        var (_, output, _) = await app.RunCliAsync("users", "token", "create", "--user", outsider.UserName, "--days", "1");
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        var childRoutes = endpoints.Where(e => e.RoutePattern.RawText!.Contains("{childId")).ToList();
        Assert.NotEmpty(childRoutes);
        foreach (var e in childRoutes)
        {
            var route = e.RoutePattern.RawText!.Trim('/');
            var url = "/" + route.Replace("{childId:int}", childId.ToString()).Replace("{noteId:int}", noteId.ToString());
            // Any other id in the route (a period of care, a review…): the gate must refuse before it is looked up.
            url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[A-Za-z]+(:int\??)?\}", "1");
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var caller = route.StartsWith("api/") ? api : client;
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST") request.Content = JsonContent.Create(new { });
                var status = (await caller.SendAsync(request)).StatusCode;
                // Pages' POSTs fail anti-forgery first (400) before reaching the gate; both refuse.
                Assert.True(status is HttpStatusCode.Forbidden || (method == "POST" && status == HttpStatusCode.BadRequest && !route.StartsWith("api/")),
                    $"{method} {url} returned {(int)status}: it should be refused");
            }
        }
    }
}
