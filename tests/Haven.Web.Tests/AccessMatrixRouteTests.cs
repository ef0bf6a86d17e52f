using System.Security.Claims;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Permanence;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// The permission matrix, proven over every route the app maps: for each route about a child, each
/// role, and a child in the role's reach, one outside it, a restricted child and a sealed adoption
/// record, the answer must be what AccessMatrix/ChildAccess and the route's folder policy say; a
/// refusal never names the child; every view the gate lets through is logged, every refusal too.
/// The oracle is asked at the moment of each request (a POST that saved may change what follows).
public abstract class AccessMatrixRouteTests(HavenApp app)
{
    private sealed record Fixture(
        Dictionary<HavenRole, TestWorker> Workers,
        Dictionary<string, (int Id, string Name)> Children,
        Dictionary<HavenRole, HttpClient> Pages,
        Dictionary<HavenRole, HttpClient> Api);

    private sealed record Probe(HavenRole Role, string UserName, int ChildId, string Method, string Path, AccessAction? Logged);

    private static readonly HavenRole[] AllRoles = Enum.GetValues<HavenRole>();

    /// The roles each route is tried as. The whole matrix runs on SQLite; the same code over PostgreSQL
    /// only needs to show that the database answers alike, so it runs a role of each kind of reach
    /// in AccessMatrix (service, team, own, all, aggregate only, partner): half the requests, which
    /// keeps the suite inside CI's time.
    protected virtual IReadOnlyList<HavenRole> Roles => AllRoles;

    private async Task<Fixture> BuildAsync()
    {
        var (serviceA, teamA) = await app.Data.CreateTeamAsync();
        var (_, teamB) = await app.Data.CreateTeamAsync();
        var workers = new Dictionary<HavenRole, TestWorker>();
        foreach (var role in AllRoles) workers[role] = await app.Data.CreateWorkerAsync(role, teamA);
        var elsewhere = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamB);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var children = new Dictionary<string, (int, string)>();
        // In reach: allocated to the team's social worker, and granted to the roles whose reach is their own children.
        var name = $"Inreach{tag}";
        children["in reach"] = (await app.Data.CreateChildAsync(c =>
        {
            c.LastName = name; c.AllocatedTo = workers[HavenRole.SocialWorker];
            foreach (var r in AllRoles.Where(r => AccessMatrix.For(r).Read == AccessScope.Own)) c.AccessList.Add(workers[r]);
        }), name);
        name = $"Outreach{tag}";
        children["out of reach"] = (await app.Data.CreateChildAsync(c => { c.LastName = name; c.AllocatedTo = elsewhere; }), name);
        name = $"Restricted{tag}";
        children["restricted"] = (await app.Data.CreateChildAsync(c => { c.LastName = name; c.AllocatedTo = workers[HavenRole.SocialWorker]; c.Restricted = true; }), name);
        name = $"Sealed{tag}";
        var sealedId = await app.Data.CreateChildAsync(c => { c.LastName = name; c.AllocatedTo = workers[HavenRole.SocialWorker]; });
        children["sealed adoption"] = (sealedId, name);
        await app.Data.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.AdoptionCases.Add(new AdoptionCase
            {
                ChildId = sealedId, AdmDecisionDate = today.AddYears(-1), PlacementOrderDate = today.AddMonths(-10), MatchDate = today.AddMonths(-6),
                PlacedForAdoptionDate = today.AddMonths(-5), AdoptionOrderDate = today.AddMonths(-1), SealedAt = DateTime.UtcNow.AddMonths(-1),
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        var pages = new Dictionary<HavenRole, HttpClient>();
        var api = new Dictionary<HavenRole, HttpClient>();
        foreach (var role in AllRoles)
        {
            var client = app.NewClient();
            await client.SignInAsync(workers[role].UserName);
            pages[role] = client;
            var (_, output, _) = await app.RunCliAsync("users", "token", "create", "--user", workers[role].UserName, "--days", "1");
            var bearer = app.NewClient();
            bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
            api[role] = bearer;
        }
        return new Fixture(workers, children, pages, api);
    }

    private List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static ClaimsPrincipal Principal(TestWorker w, int? serviceId, string displayName)
    {
        var worker = new Worker { Id = w.WorkerId, Role = w.Role, TeamId = w.TeamId, DisplayName = displayName };
        var claims = CurrentWorker.ClaimsFor(worker, serviceId).Append(new Claim(ClaimTypes.Name, w.UserName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    /// What the route's own authorization (folder policy, endpoint policy) says for this role.
    private async Task<bool> PolicyAllowsAsync(RouteEndpoint endpoint, ClaimsPrincipal user)
    {
        using var scope = app.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>();
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, data, policies) ?? await provider.GetFallbackPolicyAsync();
        if (policy is null) return true;
        return (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, null, policy)).Succeeded;
    }

    private async Task<bool> GateAllowsAsync(RouteEndpoint endpoint, ClaimsPrincipal user, int childId, AccessLevel level)
    {
        using var scope = app.Services.CreateScope();
        var kind = endpoint.Metadata.GetMetadata<ChildRecordKindAttribute>()?.Kind ?? RecordKind.ChildRecord;
        var access = scope.ServiceProvider.GetRequiredService<ChildAccess>();
        var worker = CurrentWorker.From(user)!;
        return kind == RecordKind.ChildRecord ? await access.CanAsync(worker, childId, level) : await access.CanAsync(worker, childId, level, kind);
    }

    private static string Url(string route, int childId) =>
        "/" + Regex.Replace(
            Regex.Replace(route.Trim('/').Replace("{childId:int}", childId.ToString()).Replace("{childId}", childId.ToString()), @"/\{[A-Za-z]+(:int)?\?\}", ""),
            @"\{[A-Za-z]+(:int)?\}", "1");

    [Fact]
    public async Task EveryChildRoute_ForEveryRoleAndKindOfChild_AnswersAsTheMatrixSays_AndLogsEveryViewAndRefusal()
    {
        var f = await BuildAsync();
        var endpoints = Endpoints().Where(e => e.RoutePattern.RawText!.Contains("{childId")).ToList();
        Assert.True(endpoints.Count > 80, $"only {endpoints.Count} child routes found");
        var serviceOf = await app.Data.WithDbAsync(db => db.Teams.ToDictionaryAsync(t => t.Id, t => (int?)t.ServiceId));
        var principals = Roles.ToDictionary(r => r, r => Principal(f.Workers[r], serviceOf[f.Workers[r].TeamId!.Value], r.ToString()));
        var tokens = new Dictionary<HavenRole, string>();
        foreach (var role in Roles)
        {
            var home = await Pages.ParseAsync(await f.Pages[role].GetAsync("/"));
            tokens[role] = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"No anti-forgery token on the home page for {role}");
        }
        var probes = new List<Probe>();
        var failures = new List<string>();
        int requests = 0, posts = 0;
        var inReach = f.Children["in reach"].Id;

        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.Trim('/');
            var isApi = route.StartsWith("api/");
            var otherIds = Regex.Matches(route, @"\{([A-Za-z]+)").Select(m => m.Groups[1].Value).Any(p => p != "childId");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

            // The forms a page offers (read as the allocated social worker): each is posted back by every role.
            var formActions = new List<string>();
            if (!isApi && methods.Contains("GET"))
            {
                var discover = await f.Pages[HavenRole.SocialWorker].GetAsync(Url(route, inReach));
                if (discover.StatusCode == HttpStatusCode.OK)
                {
                    var doc = await Pages.ParseAsync(discover);
                    foreach (var form in doc.QuerySelectorAll<IHtmlFormElement>("main form"))
                    {
                        if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
                        var action = new Uri(new Uri("http://localhost/"), string.IsNullOrEmpty(form.GetAttribute("action")) ? Url(route, inReach) : form.GetAttribute("action")!).PathAndQuery;
                        if (action.Split('?')[0] == Url(route, inReach) && !formActions.Contains(action)) formActions.Add(action);
                    }
                }
            }

            foreach (var role in Roles)
            {
                var policy = await PolicyAllowsAsync(endpoint, principals[role]);
                foreach (var (label, (childId, childName)) in f.Children)
                {
                    foreach (var method in methods.Where(m => m is "GET" or "POST"))
                    {
                        var level = method == "GET" ? AccessLevel.Read : AccessLevel.Write;
                        var url = Url(route, childId);
                        List<HttpRequestMessage> requestsToSend = [];
                        if (method == "GET") requestsToSend.Add(new HttpRequestMessage(HttpMethod.Get, url));
                        else if (isApi) requestsToSend.Add(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { }) });
                        else
                            foreach (var action in formActions)
                                requestsToSend.Add(new HttpRequestMessage(HttpMethod.Post, action.Replace($"/children/{inReach}", $"/children/{childId}"))
                                {
                                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", tokens[role])]),
                                });
                        foreach (var request in requestsToSend)
                        {
                            var gate = await GateAllowsAsync(endpoint, principals[role], childId, level);
                            var path = request.RequestUri!.OriginalString.Split('?')[0];
                            var response = await (isApi ? f.Api[role] : f.Pages[role]).SendAsync(request);
                            requests++;
                            if (method == "POST") posts++;
                            var status = (int)response.StatusCode;
                            var body = await response.Content.ReadAsStringAsync();
                            var what = $"{role} {method} {request.RequestUri} ({label} child, policy {(policy ? "allows" : "refuses")}, gate {(gate ? "allows" : "refuses")}) returned {status}";
                            if (status >= 500) { failures.Add(what + ": a server error"); continue; }
                            if (!policy)
                            {
                                var refused = status == 403 || (status == 302 && response.Headers.Location?.OriginalString.Contains("/error/403") == true);
                                if (!refused) failures.Add(what + ": the route's policy refuses this role");
                                probes.Add(new Probe(role, f.Workers[role].UserName, childId, method, path, null));
                            }
                            else if (!gate)
                            {
                                if (status != 403) failures.Add(what + ": the child is out of this role's reach");
                                probes.Add(new Probe(role, f.Workers[role].UserName, childId, method, path, AccessAction.Denied));
                            }
                            else
                            {
                                // 404 is the answer for a sub-record that is not there (id 1 of another table, or an API
                                // resource such as the adoption the child does not have): the gate has let the request through.
                                // 428: an API change sent without the version of the record it changes (ApiProblems.NeedsVersion).
                                var ok = status is 200 or 302 or 303 || ((otherIds || isApi) && status == 404) || (method == "POST" && status is 400 or 428 && isApi);
                                if (!ok) failures.Add(what + ": the matrix allows it");
                                if (method == "GET") probes.Add(new Probe(role, f.Workers[role].UserName, childId, method, path, AccessAction.View));
                                else if (status is 302 or 303 || (isApi && status is >= 200 and < 300))
                                    probes.Add(new Probe(role, f.Workers[role].UserName, childId, method, path, AccessAction.Change));
                            }
                            if ((!policy || !gate) && body.Contains(childName))
                                failures.Add(what + ": the refusal names the child");
                        }
                    }
                }
            }
        }

        // Every request the gate saw is in the access log as what the gate decided; a policy refusal never reaches the gate.
        var users = f.Workers.Values.Select(w => w.UserName).ToList();
        var log = await app.Data.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => users.Contains(e.UserName) && e.ChildId != null)
            .Select(e => new { e.UserName, e.ChildId, e.Action, e.Resource }).ToListAsync());
        var logged = log.GroupBy(e => (e.UserName, e.ChildId!.Value, e.Resource)).ToDictionary(g => g.Key, g => g.Select(e => e.Action).ToList());
        foreach (var p in probes)
        {
            var actions = logged.GetValueOrDefault((p.UserName, p.ChildId, $"{p.Method} {p.Path}")) ?? [];
            if (p.Logged is null && actions.Count > 0) failures.Add($"{p.Role} {p.Method} {p.Path}: refused by policy, yet the gate logged {string.Join(",", actions)}");
            if (p.Logged is { } expected && !actions.Contains(expected)) failures.Add($"{p.Role} {p.Method} {p.Path}: no {expected} entry in the access log (found {string.Join(",", actions)})");
        }
        Assert.True(posts > 100, $"only {posts} form posts were tried");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests over {endpoints.Count} child routes went wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task EveryOtherPage_ForEveryRole_IsRefusedExactlyWhereItsPolicySays_AndNeverFails()
    {
        var f = await BuildAsync();
        var serviceOf = await app.Data.WithDbAsync(db => db.Teams.ToDictionaryAsync(t => t.Id, t => (int?)t.ServiceId));
        var endpoints = Endpoints().Where(e => !e.RoutePattern.RawText!.Contains('{') && e.Metadata.GetMetadata<IAllowAnonymous>() is null
            && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            && !e.RoutePattern.RawText!.Contains("sign-out")).ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} routes found");
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
            foreach (var role in Roles)
            {
                var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
                var policy = await PolicyAllowsAsync(endpoint, Principal(f.Workers[role], serviceOf[f.Workers[role].TeamId!.Value], role.ToString()));
                var response = await (route.StartsWith("/api/") ? f.Api[role] : f.Pages[role]).GetAsync(route);
                requests++;
                var status = (int)response.StatusCode;
                var refused = status == 403 || (status == 302 && response.Headers.Location?.OriginalString.Contains("/error/403") == true);
                if (status >= 500) failures.Add($"{role} GET {route}: {status}");
                else if (!policy && !refused) failures.Add($"{role} GET {route}: {status}, but its policy refuses this role");
                else if (policy && status == 403 && !route.StartsWith("/api/")) failures.Add($"{role} GET {route}: 403, but its policy allows this role");
            }
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests over {endpoints.Count} routes went wrong:\n" + string.Join("\n", failures.Take(60)));
    }
}

public sealed class AccessMatrixRouteTestsOnSqlite(SqliteApp app) : AccessMatrixRouteTests(app), IClassFixture<SqliteApp>;
public sealed class AccessMatrixRouteTestsOnPostgres(PostgresApp app) : AccessMatrixRouteTests(app), IClassFixture<PostgresApp>
{
    protected override IReadOnlyList<HavenRole> Roles =>
    [
        HavenRole.SocialWorker, HavenRole.MashWorker, HavenRole.EarlyHelpWorker, HavenRole.Iro,
        HavenRole.SeniorLeader, HavenRole.PartnerAgency, HavenRole.PerformanceAnalyst,
    ];
}
