using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Generated bad input over every form the app shows and every API payload it accepts: oversized
/// strings, control characters, mixed scripts, script tags, empty values, impossible and far-future
/// dates, negative and huge numbers, values of the wrong type and the same submission twice. The
/// answer is never a server error; a refusal is a clear message (the form again with an error
/// summary, or a 400 ValidationProblem from the API) and saves nothing; what is saved is shown inert.
public abstract class HostileInputTests(HavenApp app)
{
    public const string Script = "<script>alert('haven-xss')</script>";
    private static readonly string Oversized = new('x', 70_000);
    private static readonly string Weird = $"\u0000\u0007\u001b[31m {Script} \"'><img src=x onerror=alert(1)> Ελληνικά кириллица 中文 \u202Eevil\u202C \uFEFF";

    private sealed record Variant(string Name, Func<string, string, string?> Value);

    /// For a field (name, type) the hostile value; null leaves the field as the page rendered it.
    private static readonly Variant[] FormVariants =
    [
        new("oversized", (name, type) => type is "text" or "textarea" or "search" or "email" or "tel" ? Oversized : null),
        new("control characters, mixed scripts and script tags", (name, type) => type is "text" or "textarea" or "search" ? Weird : null),
        new("impossible dates and wrong types", (name, type) => name.EndsWith(".Day") ? "31" : name.EndsWith(".Month") ? "2" : name.EndsWith(".Year") ? "20x6"
            : type is "number" ? "abc" : type is "radio" or "select" or "checkbox" ? "NotAValue" : type is "hidden" && name != "__RequestVerificationToken" ? "not-a-guid" : null),
        new("far future, negative and huge numbers", (name, type) => name.EndsWith(".Day") ? "1" : name.EndsWith(".Month") ? "1" : name.EndsWith(".Year") ? "9999"
            : type is "number" or "text" && Regex.IsMatch(name, "(Count|Number|Hours|Minutes|Age|Max|Min|Children|Score|Grade|Amount|Weeks|Days)", RegexOptions.IgnoreCase) ? "-99999999999999999999" : null),
        new("everything empty", (name, type) => name == "__RequestVerificationToken" ? null : ""),
    ];

    private List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        return await app.Data.WithDbAsync(async db =>
        {
            var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
            var tables = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(AccessLogEntry))
                .Select(t => (t.GetTableName()!, t.GetSchema())).Distinct().ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", tables.Select((t, i) => $"(SELECT COUNT(*) FROM {sql.DelimitIdentifier(t.Item1, t.Item2)}) AS c{i}"));
            var counts = new Dictionary<string, long>();
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            for (var i = 0; i < tables.Count; i++) counts[tables[i].Item1] = Convert.ToInt64(reader.GetValue(i));
            return counts;
        });
    }

    private static string Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key} {before.GetValueOrDefault(kv.Key)}→{kv.Value}"));

    /// Tables that any request may add to whatever the form says (sign-in bookkeeping and the like).
    private static readonly string[] Incidental = ["DataProtectionKeys"];

    private static string Url(string route, int childId) =>
        "/" + Regex.Replace(
            Regex.Replace(route.Trim('/').Replace("{childId:int}", childId.ToString()).Replace("{childId}", childId.ToString()), @"/\{[A-Za-z]+(:int)?\?\}", ""),
            @"\{[A-Za-z]+(:[a-z]+)?\}", "1");

    private async Task<(int ChildId, HttpClient Worker, HttpClient Manager, HttpClient Api, TestWorker Allocated, int TeamId)> FixtureAsync()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team);
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker; c.Referrals.Add(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20));
            c.Involvements.Add((Haven.Core.Involvements.InvolvementKind.ChildInNeed, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20)));
            c.WithNote("A first note");
        });
        var w = app.NewClient(); await w.SignInAsync(worker.UserName);
        var m = app.NewClient(); await m.SignInAsync(manager.UserName);
        var (_, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return (childId, w, m, api, worker, team);
    }

    [Fact]
    public async Task EveryForm_WithHostileValues_NeverFails_RefusesClearly_SavesNothingHalf_AndShowsWhatItSavedInert()
    {
        var (childId, worker, manager, _, allocated, team) = await FixtureAsync();
        var failures = new List<string>();
        int forms = 0, posts = 0;
        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is null || e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => !r.StartsWith("api/") && !r.StartsWith("/api/") && !r.Contains("account") && !r.Contains("sign-out") && !r.Contains("error"))
            .Distinct().OrderBy(r => r).ToList();
        var reached = new HashSet<string>();
        foreach (var route in pages)
        {
            var url = Url(route, childId);
            reached.Add(url);
            await FormsAtAsync(url, [worker, manager]);
        }

        // Forms behind a second id (an episode, an action, a check, a request), which the routes
        // above reach only with id 1 (mostly a 404): one record of each kind, made the way the
        // concurrency table makes it, on this test's child, posted to as the role that edits it.
        var byRole = new Dictionary<HavenRole, HttpClient> { [HavenRole.SocialWorker] = worker, [HavenRole.TeamManager] = manager };
        var formsBefore = forms;
        foreach (var (_, coverage) in ConcurrencyTests.Table)
        {
            if (coverage is not ConcurrencyTests.PageEdit edit) continue;
            var target = await edit.Setup(new ConcurrencyTests.Context(childId, allocated, app.Services));
            if (!reached.Add(target.Url)) continue;
            if (!byRole.TryGetValue(target.Role, out var client))
            {
                var someone = await app.Data.CreateWorkerAsync(target.Role, team);
                byRole[target.Role] = client = app.NewClient();
                await client.SignInAsync(someone.UserName);
            }
            await FormsAtAsync(target.Url, [client]);
        }
        var behindASecondId = forms - formsBefore;

        async Task FormsAtAsync(string url, HttpClient[] clients)
        {
            foreach (var client in clients)
            {
                var get = await client.GetAsync(url);
                if ((int)get.StatusCode >= 500) { failures.Add($"GET {url}: {(int)get.StatusCode}"); break; }
                if (get.StatusCode != HttpStatusCode.OK) continue;
                var doc = await Pages.ParseAsync(get);
                var found = doc.QuerySelectorAll<IHtmlFormElement>("main form").Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count == 0) break;
                forms += found.Count;
                for (var fi = 0; fi < found.Count; fi++)
                {
                    foreach (var variant in FormVariants)
                    {
                        // Each variant on a freshly read form (a saved post may change the page).
                        var fresh = (await Pages.ParseAsync(await client.GetAsync(url))).QuerySelectorAll<IHtmlFormElement>("main form")
                            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(fi);
                        if (fresh is null) break;
                        var values = new Dictionary<string, string>();
                        foreach (var element in fresh.Elements)
                        {
                            var (name, type) = element switch
                            {
                                IHtmlInputElement i => (i.Name, i.Type),
                                IHtmlTextAreaElement t => (t.Name, "textarea"),
                                IHtmlSelectElement s => (s.Name, "select"),
                                _ => (null, null),
                            };
                            if (string.IsNullOrEmpty(name) || type is "submit" || name == "__RequestVerificationToken") continue;
                            if (variant.Value(name, type!) is { } v) values[name] = v;
                        }
                        var before = await CountsAsync();
                        var response = await client.PostFormAsync(fresh, values);
                        posts++;
                        var status = (int)response.StatusCode;
                        var what = $"POST {fresh.GetAttribute("action") ?? url} ({variant.Name})";
                        if (status >= 500) { failures.Add($"{what}: {status}"); continue; }
                        if (status == 200)
                        {
                            var after = await CountsAsync();
                            var changed = Changed(before, after);
                            var answer = await Pages.ParseAsync(response);
                            if (changed.Length > 0 && !Incidental.Any(changed.Contains))
                                failures.Add($"{what}: refused (200) but saved: {changed}");
                            if (!answer.ErrorMessages().Any() && answer.QuerySelector(".govuk-error-summary, .govuk-error-message") is null)
                                failures.Add($"{what}: answered 200 without an error message");
                            var html = await response.Content.ReadAsStringAsync();
                            if (html.Contains(Script)) failures.Add($"{what}: the script tag came back unescaped");
                        }
                        else if (status is 302 or 303 && response.Headers.Location is { } location && variant.Name.StartsWith("control"))
                        {
                            var shown = await client.GetAsync(new Uri(new Uri("http://localhost" + url), location).PathAndQuery);
                            var html = await shown.Content.ReadAsStringAsync();
                            if ((int)shown.StatusCode >= 500) failures.Add($"{what}: the page it saved to ({location}) then fails with {(int)shown.StatusCode}");
                            if (html.Contains(Script)) failures.Add($"{what}: the page it saved to ({location}) shows the script tag unescaped");
                        }
                    }
                    // The same submission twice: the second is harmless (never a server error).
                    var twice = (await Pages.ParseAsync(await client.GetAsync(url))).QuerySelectorAll<IHtmlFormElement>("main form")
                        .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(fi);
                    if (twice is null) continue;
                    for (var k = 0; k < 2; k++)
                    {
                        var r = await client.PostFormAsync(twice, new Dictionary<string, string>());
                        posts++;
                        if ((int)r.StatusCode >= 500) failures.Add($"POST {twice.GetAttribute("action") ?? url} (the same form twice, #{k + 1}): {(int)r.StatusCode}");
                    }
                }
                break;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {posts} posts to {forms} forms:\n" + string.Join("\n", failures.Distinct().Take(80)));
        Assert.True(forms > 30, $"only {forms} forms found");
        // 5 on the first run (SQLite): the rest of the concurrency table's edit pages are reached
        // by the routes above already, or answer that role with no form (see the closing note).
        Assert.True(behindASecondId >= 5, $"only {behindASecondId} forms behind a second id were reached");
    }

    private static readonly string[] Hostile = ["oversized", "weird", "wrong types", "out of range", "nulls"];

    private static JsonElement? ValueFor(Type type, string variant, int depth = 0)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        object? v = variant switch
        {
            "nulls" => null,
            "wrong types" => t == typeof(string) ? 12345 : t == typeof(bool) ? "perhaps" : "not-a-" + t.Name,
            _ when t == typeof(string) => variant == "oversized" ? Oversized : Weird,
            _ when t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) => variant == "out of range" ? -2147483648L : 99999999999L,
            _ when t == typeof(DateOnly) => variant == "out of range" ? "9999-12-31" : "0001-01-01",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => variant == "out of range" ? "9999-12-31T23:59:59Z" : "0001-01-01T00:00:00Z",
            _ when t == typeof(Guid) => "00000000-0000-0000-0000-000000000000",
            _ when t == typeof(bool) => true,
            _ when t.IsEnum => variant == "out of range" ? 999 : "NotAValue",
            _ when t != typeof(string) && t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => new object?[] { variant == "out of range" ? -1 : Weird, null },
            _ when t.IsClass && depth < 2 => Body(t, variant, depth + 1),
            _ => null,
        };
        return JsonSerializer.SerializeToElement(v);
    }

    private static Dictionary<string, JsonElement?> Body(Type type, string variant, int depth = 0) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(x => x.Name == p.Name)))
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => ValueFor(p.PropertyType, variant, depth));

    [Fact]
    public async Task EveryApiPayload_WithHostileValues_Gets400ValidationProblemOrSucceeds_NeverA5xx_AndARefusalSavesNothing()
    {
        var (childId, _, _, api, _, _) = await FixtureAsync();
        var failures = new List<string>();
        var sent = 0;
        var endpoints = Endpoints().Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/")
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true).ToList();
        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} API writes found");
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.First(m => m is "POST" or "PUT");
            var url = Url(endpoint.RoutePattern.RawText!, childId);
            var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var bodies = new List<(string Name, HttpContent Content)>
            {
                ("not JSON", new StringContent("{\"unterminated\": ", System.Text.Encoding.UTF8, "application/json")),
                ("a JSON array", new StringContent("[1,2,3]", System.Text.Encoding.UTF8, "application/json")),
            };
            if (bodyType is not null)
                foreach (var variant in Hostile) bodies.Add((variant, JsonContent.Create(Body(bodyType, variant))));
            foreach (var (name, content) in bodies)
            {
                var before = await CountsAsync();
                var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
                sent++;
                var status = (int)response.StatusCode;
                var what = $"{method} {url} ({name})";
                if (status >= 500) { failures.Add($"{what}: {status}"); continue; }
                if (status is 200 or 201 or 202 or 204) continue;
                var changed = Changed(before, await CountsAsync());
                if (changed.Length > 0) failures.Add($"{what}: refused ({status}) but saved: {changed}");
                if (status == 400)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains("\"errors\"") && !text.Contains("\"detail\""))
                        failures.Add($"{what}: 400 without a validation problem ({text[..Math.Min(200, text.Length)]})");
                }
                else if (status is not (403 or 404 or 409 or 415 or 422))
                    failures.Add($"{what}: {status}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {sent} requests to {endpoints.Count} API writes:\n" + string.Join("\n", failures.Distinct().Take(80)));
    }
}

public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;
public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
