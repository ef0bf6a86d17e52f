using Haven.Core.Returns;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// The statutory returns in a real browser: a performance analyst chooses a return and a year and
/// downloads it (a wrong year first, to see the error); a team manager opens Data quality and follows
/// a failure's link to the place in the child's record where it is put right; the analyst also checks
/// what the DfE data feed has waiting. Every page passes axe.
public sealed class ReturnsJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Returns_AnalystDownloads_ManagerFollowsFailureToTheRecord()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = ReturnPeriod.CollectionYearOf(today);
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Rhiannon Pryce");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Tomasz Nowak");
        var analyst = await app.Data.CreateWorkerAsync(HavenRole.PerformanceAnalyst, null, "Priya Shah");
        // No ethnicity recorded: CIN census rule 4220, put right on the child's details page.
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Kofi"; c.LastName = "Returnsby"; c.AllocatedTo = social; c.Referrals.Add(today.AddDays(-4)); });

        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, analyst.UserName);
        await page.GotoAsync("/returns");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statutory returns" })).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(page, "returns");

        var cin = page.Locator("#return-CinCensus");
        await cin.GetByLabel("Collection year").FillAsync("twenty");
        await cin.GetByRole(AriaRole.Button, new() { Name = "Download CIN census" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the collection year as 4 digits");
        await Journeys.AssertAccessibleAsync(page, "returns-error");

        cin = page.Locator("#return-CinCensus");
        await cin.GetByLabel("Collection year").FillAsync(year.ToString());
        var download = await page.RunAndWaitForDownloadAsync(() => cin.GetByRole(AriaRole.Button, new() { Name = "Download CIN census" }).ClickAsync());
        Assert.Equal($"cincensus-{year}.zip", download.SuggestedFilename);

        // The DfE data feed's on-demand check of what is waiting (nothing is sent).
        await page.GotoAsync("/data-feed?check=true");
        await Assertions.Expect(page.Locator("#waiting-summary")).ToContainTextAsync("Checked just now");
        await Journeys.AssertAccessibleAsync(page, "data-feed-check");

        var other = await app.NewPageAsync();
        await Journeys.SignInAsync(other, manager.UserName);
        await other.GotoAsync("/data-quality");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Data quality" })).ToBeVisibleAsync();
        await other.Locator("#by-worker").GetByRole(AriaRole.Link, new() { Name = "Rhiannon Pryce" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(other, "data-quality");
        var failure = other.Locator("#errors tr", new() { HasText = "CIN census 4220" }).Filter(new() { HasText = "Kofi Returnsby" });
        await failure.GetByRole(AriaRole.Link).First.ClickAsync();
        await other.WaitForURLAsync($"**/children/{child}/details");
        await Journeys.AssertAccessibleAsync(other, "data-quality-fix");
    }
}
