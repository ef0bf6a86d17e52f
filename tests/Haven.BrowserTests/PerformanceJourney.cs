using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A team manager opens the performance dashboard from the top navigation, changes nothing, opens
/// one measure and drills down to a service; both pages pass the axe scan.
public sealed class PerformanceJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamManager_OpensDashboard_AndDrillsDown_PagesAreAccessible()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Robin Ashby");
        await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.Referrals.Add(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10)); });
        var page = await app.NewPageAsync();

        await Journeys.SignInAsync(page, manager.UserName);
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Performance", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Performance");
        await Assertions.Expect(page.Locator("#measure-re-referrals")).ToContainTextAsync("Re-referrals within 12 months");
        await Journeys.AssertAccessibleAsync(page, "performance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Re-referrals within 12 months" }).ClickAsync();
        await Assertions.Expect(page.Locator("#breakdown")).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(page, "performance-measure");
        await page.Locator("#breakdown tbody tr th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-down")).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(page, "performance-drill-down");
    }
}
