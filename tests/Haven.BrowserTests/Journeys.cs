using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A social worker's day, in a real browser: sign in, find a child, open the record, add a note and
/// see it in the chronology; every page on the way passes an axe scan with no serious or critical issue.
public sealed class Journeys(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// Screenshots of every page scanned, for a person to look at, when HAVEN_SCREENSHOTS is set; a page
    /// that fails the scan is always captured.
    private static readonly bool TakeScreenshots = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HAVEN_SCREENSHOTS"));

    /// Pages every journey passes through (the sign-in page) are scanned once per run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ScannedOnce = new();

    internal static async Task AssertAccessibleAsync(IPage page, string name)
    {
        if (TakeScreenshots) await ScreenshotAsync(page, name);
        // axe runs as script inside the page, which a browser with JavaScript off cannot do; the
        // same pages are scanned in the JavaScript run.
        if (name.EndsWith("-nojs")) return;
        // Only violations are gathered in full: axe's passes and inapplicable lists are most of its time on a long page.
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
            ResultTypes = [ResultType.Violations],
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count > 0 && !TakeScreenshots) await ScreenshotAsync(page, name);
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{name}.png"), FullPage = true });
    }

    internal static async Task SignInAsync(IPage page, string userName, string suffix = "")
    {
        await page.GotoAsync("/account/sign-in");
        if (ScannedOnce.TryAdd("sign-in" + suffix, true)) await AssertAccessibleAsync(page, "sign-in" + suffix);
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SocialWorker_FindsChild_AddsNote_SeesItInChronology(bool javaScript)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Sam Okoro");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Amara"; c.LastName = javaScript ? "Whitfield" : "Whitcombe"; c.AllocatedTo = worker;
            c.Involvements.Add((InvolvementKind.ChildProtection, today.AddMonths(-2)));
            c.WithNote("Initial visit", "Met Amara and her mother at home.");
        });
        var page = await app.NewPageAsync(javaScript);
        var suffix = javaScript ? "" : "-nojs";

        await SignInAsync(page, worker.UserName, suffix);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "my-work" + suffix);

        await page.GetByRole(AriaRole.Link, new() { Name = "Find a child" }).First.ClickAsync();
        await page.GetByLabel("Name, date of birth, NHS number, UPN or Haven ID").FillAsync(javaScript ? "whitfeild amara" : "Amara Whitcomb");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await AssertAccessibleAsync(page, "search-results" + suffix);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Amara {(javaScript ? "Whitfield" : "Whitcombe")}" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Amara");
        await Assertions.Expect(page.GetByText("On a child protection plan")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "child-summary" + suffix);

        await page.GetByRole(AriaRole.Link, new() { Name = "Case notes" }).ClickAsync();
        await AssertAccessibleAsync(page, "case-notes" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a case note" }).ClickAsync();
        await AssertAccessibleAsync(page, "add-note" + suffix);

        // Submit empty first: the error summary must link to the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save case note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a subject");
        await AssertAccessibleAsync(page, "add-note-errors" + suffix);

        var yesterday = DateTime.Now.AddDays(-1);
        await page.GetByLabel("Type of note").SelectOptionAsync(new SelectOptionValue { Label = "Statutory visit" });
        await page.Locator("#EventDate_Day").FillAsync(yesterday.Day.ToString());
        await page.Locator("#EventDate_Month").FillAsync(yesterday.Month.ToString());
        await page.Locator("#EventDate_Year").FillAsync(yesterday.Year.ToString());
        await page.GetByLabel("Subject").FillAsync("Visit to see Amara");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync("Amara showed me her drawings and talked about school.");
        await page.GetByLabel("Yes, and seen alone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save case note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Case note added");

        await page.GetByRole(AriaRole.Link, new() { Name = "Visit to see Amara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#note-body")).ToContainTextAsync("drawings");
        await AssertAccessibleAsync(page, "case-note" + suffix);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Statutory visit: Visit to see Amara");
        await AssertAccessibleAsync(page, "chronology" + suffix);

        await page.GetByRole(AriaRole.Link, new() { Name = "Relationships" }).ClickAsync();
        await AssertAccessibleAsync(page, "relationships" + suffix);
        await page.GotoAsync($"/children/{childId}/details");
        await AssertAccessibleAsync(page, "details" + suffix);
        await page.GotoAsync("/people/add");
        await AssertAccessibleAsync(page, "add-person" + suffix);
        await page.GotoAsync("/children/999999");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("You cannot view this page");
        await AssertAccessibleAsync(page, "no-access" + suffix);
        await page.GotoAsync("/accessibility");
        await AssertAccessibleAsync(page, "accessibility" + suffix);
    }

    [Fact]
    public async Task TeamManager_SeesTeamCaseloads_PageIsAccessible()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Morgan Teale");
        await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.InCare, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-8))); });
        var page = await app.NewPageAsync();

        await SignInAsync(page, manager.UserName);
        await page.GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();

        await Assertions.Expect(page.Locator("#caseloads")).ToContainTextAsync(worker.UserName.Length > 0 ? "Social worker" : "");
        await AssertAccessibleAsync(page, "team");
        await page.GotoAsync("/account/two-factor");
        await AssertAccessibleAsync(page, "two-factor");
    }
}
