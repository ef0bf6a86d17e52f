using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A care leaver goes into custody: the worker records the change on the leaving-care tab, the
/// prompt to review the pathway plan appears on the tab and on My work, and recording the review
/// clears it. In a real browser with and without JavaScript; every page passes an axe scan.
public sealed class CareLeaverJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static Task AssertAccessibleAsync(IPage page, string name) => Journeys.AssertAccessibleAsync(page, name);

    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"#{field}_Day").FillAsync(date.Day.ToString());
        await page.Locator($"#{field}_Month").FillAsync(date.Month.ToString());
        await page.Locator($"#{field}_Year").FillAsync(date.Year.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_RecordsEntryIntoCustody_PathwayPlanReviewIsPromptedThenReviewed(bool javaScript)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, javaScript ? "Pat Adeyemi" : "Pat Adeyemo");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dob = today.AddYears(-19).AddDays(-60);
        var name = javaScript ? "Kai" : "Kaiden";
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = name; c.AllocatedTo = worker; c.DateOfBirth = dob;
            c.Involvements.Add((InvolvementKind.InCare, dob.AddYears(15)));
            c.Involvements.Add((InvolvementKind.CareLeaver, dob.AddYears(18)));
        });
        await app.Data.WithDbAsync(async db =>
        {
            var inCare = db.Involvements.Single(i => i.ChildId == childId && i.Kind == InvolvementKind.InCare);
            inCare.EndDate = dob.AddYears(18);
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync(javaScript);
        var suffix = javaScript ? "" : "-nojs";
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Username").FillAsync(worker.UserName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");

        await page.GotoAsync($"/children/{childId}/care-leaver");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Former relevant");
        await AssertAccessibleAsync(page, "care-leaver" + suffix);

        // The change, with a mistake first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a significant change" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the change");
        await AssertAccessibleAsync(page, "care-leaver-change-errors" + suffix);
        await page.GetByLabel("Entered custody").CheckAsync();
        await FillDateAsync(page, "EventDate", today.AddDays(-1));
        await page.GetByLabel("Details").FillAsync("Remanded to HMYOI Cookham Wood.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("the pathway plan review is now due");
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync("Review the pathway plan: entered custody");
        await Assertions.Expect(page.Locator("#changes")).ToContainTextAsync("Review needed");
        await AssertAccessibleAsync(page, "care-leaver-prompted" + suffix);

        // My work shows the prompt, linked to where the review is recorded.
        await page.GotoAsync("/");
        var row = page.Locator("#due tbody tr", new() { HasText = "Review the pathway plan: entered custody" });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await AssertAccessibleAsync(page, "my-work-prompted" + suffix);
        await row.GetByRole(AriaRole.Link, new() { Name = "Review the pathway plan: entered custody" }).ClickAsync();
        // My work asks every due-work source; under a loaded CI machine this page can take a while.
        await page.WaitForURLAsync($"**/children/{childId}/care-leaver/reviews/add", new() { Timeout = 60_000 });

        await FillDateAsync(page, "ReviewDate", today);
        await page.GetByLabel("What the review found and what changed in the plan").FillAsync("Reviewed after remand: PA visits monthly, tenancy protected.");
        await AssertAccessibleAsync(page, "care-leaver-review" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#changes")).ToContainTextAsync("Reviewed");
        await Assertions.Expect(page.Locator("#due")).Not.ToContainTextAsync("entered custody");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#due")).Not.ToContainTextAsync("entered custody");
    }
}
