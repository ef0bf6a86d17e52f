using Haven.Core.Identity;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

public sealed class DemoApp : SqliteApp
{
    protected override bool DemoMode => true;
    protected override void Configure(IDictionary<string, string?> settings) => settings["Haven:Demo:Children"] = "600";
}

/// Demo mode: a synthetic borough in an empty database and one sign-in per role.
public sealed class DemoModeTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Start_InDemoMode_GeneratesBoroughAndOneAccountPerRole()
    {
        var users = await app.Data.WithDbAsync(db => db.Users.Where(u => u.IsDemoAccount).Select(u => u.UserName).ToListAsync());
        foreach (var role in Enum.GetValues<HavenRole>())
            Assert.Contains(DemoAccounts.UserNameFor(role), users);
        Assert.True(await app.Data.WithDbAsync(db => db.People.CountAsync()) > 200);
    }

    [Fact]
    public async Task DemoSocialWorker_SeesACaseloadWithWorkDue()
    {
        var client = app.NewClient();
        await client.SignInAsync("demo.socialworker");
        var doc = await client.GetPageAsync("/");
        Assert.True(doc.QuerySelectorAll("#children tbody tr").Length >= 5);
        Assert.True(doc.QuerySelectorAll("#due tbody tr").Length >= 5);
    }

    /// The top menu offers each role only its day's work (a short list), the Reports page the rest it
    /// may see, and every destination offered opens for that role: nothing offered is refused.
    [Fact]
    public async Task Navigation_ForEveryRole_IsShortAndEveryOfferedPageOpens()
    {
        foreach (var role in Enum.GetValues<HavenRole>())
        {
            var client = app.NewClient();
            await client.SignInAsync(DemoAccounts.UserNameFor(role));
            var home = await client.GetPageAsync("/");
            var menu = home.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.True(menu.Count <= 7, $"{role} has {menu.Count} menu items: {string.Join(", ", menu)}");
            Assert.Equal(Navigation.Menu(role).Select(d => d.Href), menu);
            var offered = menu.ToList();
            if (menu.Contains("/reports"))
            {
                var reports = await client.GetPageAsync("/reports");
                var links = reports.QuerySelectorAll("main a.govuk-link").Select(a => a.GetAttribute("href")!).ToList();
                Assert.NotEmpty(links);
                offered.AddRange(links);
            }
            foreach (var href in offered.Distinct())
            {
                var response = await client.GetAsync(href);
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{role} is offered {href} but it answers {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task DemoAccounts_AreRemovedWhenDemoModeIsOff()
    {
        using var scope = app.Services.CreateScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
        var removed = await demo.RemoveAllAsync();
        Assert.Equal(Enum.GetValues<HavenRole>().Length, removed);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HavenUser>>();
        Assert.Null(await users.FindByNameAsync("demo.socialworker"));
        await demo.EnsureAsync(HavenApp.Password);
    }

    [Fact]
    public async Task Seed_IntoADatabaseThatHoldsPeople_Refuses()
    {
        var (exit, output, _) = await app.RunCliAsync("seed", "--children", "50");
        Assert.Equal(2, exit);
        Assert.Contains("only fills an empty database", output);
    }

    /// Every link a page offers opens for the role it is offered to. Each demo role starts at My work
    /// and follows the links of the pages it reaches (two of each shape, numbers aside; at most 150
    /// pages a role): each answers 200, or redirects to a page that is then opened too. A chronology
    /// once linked each exploitation screening to a page that did not exist.
    [Fact]
    public async Task EveryLinkAPageOffers_OpensForTheRoleItIsOfferedTo()
    {
        var failures = new List<string>();
        var opened = 0;
        foreach (var role in Enum.GetValues<HavenRole>())
        {
            var client = app.NewClient();
            await client.SignInAsync(DemoAccounts.UserNameFor(role));
            var seen = new HashSet<string>();
            var shapes = new Dictionary<string, int>();
            var queue = new Queue<(string Href, string From)>([("/", "sign-in")]);
            while (queue.Count > 0 && seen.Count < 150)
            {
                var (href, from) = queue.Dequeue();
                if (!seen.Add(href)) continue;
                var shape = System.Text.RegularExpressions.Regex.Replace(href, @"\d+", "N");
                if ((shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > 2) continue;

                var response = await client.GetAsync(href);
                opened++;
                if ((int)response.StatusCode is 301 or 302 or 303 && response.Headers.Location is { } location)
                {
                    var to = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                    if (to.StartsWith("/error", StringComparison.Ordinal) || to.StartsWith("/account/sign-in", StringComparison.Ordinal))
                        failures.Add($"{role}: {href} (linked from {from}) sends them to {to}");
                    else queue.Enqueue((to, href));
                    continue;
                }
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    failures.Add($"{role}: {href} (linked from {from}) answers {(int)response.StatusCode}");
                    continue;
                }
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = await Pages.ParseAsync(response);
                foreach (var a in page.QuerySelectorAll("a[href]"))
                {
                    var link = a.GetAttribute("href")!.Split('#')[0];
                    if (link.Length == 0 || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)
                        || link.Contains("handler=download", StringComparison.OrdinalIgnoreCase) || System.IO.Path.HasExtension(link.Split('?')[0]))
                        continue;
                    queue.Enqueue((link, href));
                }
            }
        }
        Assert.True(opened > 500, $"only {opened} pages opened");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

public sealed class GeneratedDocsTests
{
    [Fact]
    public void Docs_GeneratedFromTheCode_AreUpToDate()
    {
        var docs = FindDocs();
        foreach (var (name, text) in Haven.Cli.Commands.DocsCommand.Generated())
            Assert.True(File.ReadAllText(Path.Combine(docs, name)) == text, $"docs/{name} is out of date: run `dotnet run --project src/Haven.Cli -- docs`");
    }

    private static string FindDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Haven.slnx"))) return Path.Combine(dir.FullName, "docs");
        throw new InvalidOperationException("Repository root not found");
    }
}
