using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A child goes missing and comes back: the worker records the episode, the return home interview
/// and shares what it found; the figures and the panel's network view follow. With and without
/// JavaScript; axe on every page in the JavaScript run.
public sealed class MissingJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static Task AssertAccessibleAsync(IPage page, string name) => Journeys.AssertAccessibleAsync(page, name);

    private static async Task FillDateAsync(IPage page, string field, DateTime when)
    {
        await page.Locator($"#{field}_Day").FillAsync(when.Day.ToString());
        await page.Locator($"#{field}_Month").FillAsync(when.Month.ToString());
        await page.Locator($"#{field}_Year").FillAsync(when.Year.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SocialWorker_RecordsEpisode_ThenInterview_SharesWithPanel_ThenPanelMeets(bool javaScript)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Ola Bright");
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Jay"; c.LastName = javaScript ? "Runner" : "Rambler"; c.AllocatedTo = worker; });
        var page = await app.NewPageAsync(javaScript);
        var suffix = javaScript ? "" : "-nojs";
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Username").FillAsync(worker.UserName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");

        await page.GotoAsync($"/children/{childId}/missing");
        await AssertAccessibleAsync(page, "missing" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a missing episode" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save missing episode" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the child was missing or away");
        await AssertAccessibleAsync(page, "record-episode-errors" + suffix);

        var back = DateTime.Now.AddDays(-1);
        var went = back.AddHours(-20);
        await page.GetByLabel("Missing: whereabouts unknown").CheckAsync();
        await page.GetByLabel("Care (placement)").CheckAsync();
        await FillDateAsync(page, "StartDate", went);
        await page.Locator("#StartTime").FillAsync(went.ToString("HH:mm"));
        await FillDateAsync(page, "ReturnDate", back);
        await page.Locator("#ReturnTime").FillAsync(back.ToString("HH:mm"));
        await page.Locator("#WhereFound").FillAsync("The bus station");
        await page.GetByLabel("High").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save missing episode" }).ClickAsync();
        await Assertions.Expect(page.Locator("#episode")).ToContainTextAsync("The bus station");
        await AssertAccessibleAsync(page, "episode" + suffix);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the offer of an interview" }).ClickAsync();
        await AssertAccessibleAsync(page, "interview" + suffix);
        var offered = back.AddHours(3);
        var held = back.AddHours(6);
        await FillDateAsync(page, "OfferedDate", offered);
        await page.Locator("#OfferedTime").FillAsync(offered.ToString("HH:mm"));
        await page.Locator("#OfferedBy").FillAsync("Safe Return service");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Accepted").CheckAsync();
        await FillDateAsync(page, "CompletedDate", held);
        await page.Locator("#CompletedTime").FillAsync(held.ToString("HH:mm"));
        await page.Locator("#PullFactors").FillAsync("Older boys at the bus station");
        await page.Locator("#Share").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save return home interview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#interview")).ToContainTextAsync("Shared with the child's worker and the MEGA panel");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "reports" + suffix);
        await page.GetByRole(AriaRole.Link, new() { Name = "Missing from home and care", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Return home interview take-up");
        await AssertAccessibleAsync(page, "take-up" + suffix);
        await page.GotoAsync("/network");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Networks and associations");
        await AssertAccessibleAsync(page, "network" + suffix);

        // What the interview found goes to the panel: screen the child, then the panel meets.
        await page.GotoAsync($"/children/{childId}/exploitation");
        await AssertAccessibleAsync(page, "exploitation" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a screening" }).ClickAsync();
        await page.GetByLabel("Criminal exploitation: county lines").CheckAsync();
        await FillDateAsync(page, "ScreenedOn", DateTime.Now);
        await page.GetByLabel("Medium").CheckAsync();
        await page.Locator("#Reason").FillAsync("Older boys at the bus station; travelled out of the area");
        await AssertAccessibleAsync(page, "screen" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card").First).ToContainTextAsync("Medium");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "MEGA panel", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#candidates")).ToContainTextAsync($"Jay {(javaScript ? "Runner" : "Rambler")}");
        await AssertAccessibleAsync(page, "panel" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a panel meeting" }).ClickAsync();
        await page.Locator("#Chair").FillAsync("Head of service");
        await AssertAccessibleAsync(page, "panel-new" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        var card = page.Locator($"#child-{childId}");
        await Assertions.Expect(card).ToContainTextAsync("Older boys at the bus station");
        await Assertions.Expect(card).ToContainTextAsync("Medium");
        await page.Locator("#ActionChildId").SelectOptionAsync(childId.ToString());
        await page.Locator("#ActionText").FillAsync("Disruption visit to the bus station with the police");
        await page.Locator("#OwnerWorkerId").SelectOptionAsync(worker.WorkerId.ToString());
        await FillDateAsync(page, "DueOn", DateTime.Now.AddDays(7));
        await AssertAccessibleAsync(page, "panel-meeting" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#actions + table, #actions ~ table").First).ToContainTextAsync("Disruption visit to the bus station");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#panel-actions")).ToContainTextAsync("Disruption visit to the bus station");
        await AssertAccessibleAsync(page, "my-work" + suffix);
    }
}
