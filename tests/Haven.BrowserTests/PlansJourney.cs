using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A child in need plan in a real browser, with and without JavaScript: start it (errors first),
/// review it with a change, see what changed, and print it for the family without the service's
/// menus. Every page passes axe.
public sealed class PlansJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static Task AssertAccessibleAsync(IPage page, string name) => Journeys.AssertAccessibleAsync(page, name);

    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"input[name='{field}.Day']").FillAsync(date.Day.ToString());
        await page.Locator($"input[name='{field}.Month']").FillAsync(date.Month.ToString());
        await page.Locator($"input[name='{field}.Year']").FillAsync(date.Year.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChildInNeedPlan_StartReviewCompareAndPrint_EachStepRecordedAndAccessible(bool javaScript)
    {
        var suffix = javaScript ? "" : "-nojs";
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Sam Okoro");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Tayo"; c.LastName = "Adebayo" + suffix; c.AllocatedTo = worker; });
        var page = await app.NewPageAsync(javaScript);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Username").FillAsync(worker.UserName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");

        await page.GotoAsync($"/children/{childId}/plans");
        await AssertAccessibleAsync(page, "plans" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a child in need plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter at least one outcome");
        await AssertAccessibleAsync(page, "start-plan-errors" + suffix);

        await page.GetByLabel("What the plan is meant to change for the child").FillAsync("Tayo goes to school every day\nTayo feels safe at home");
        await page.Locator("input[name='Actions[0].What']").FillAsync("Walk Tayo to school each morning");
        await page.Locator("input[name='Actions[0].Who']").FillAsync("Grandmother");
        await FillDateAsync(page, "Actions[0].DueDate", today.AddDays(21));
        await page.GetByLabel("What the family and their network will do").FillAsync("Grandmother and Uncle Femi share the school run.");
        await page.GetByLabel("What happens if the plan does not work").FillAsync("If attendance falls, we meet within a week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Child in need plan started");
        await AssertAccessibleAsync(page, "plan" + suffix);

        await page.GetByRole(AriaRole.Button, new() { Name = "Record a review" }).ClickAsync();
        await page.GetByLabel("What the review found").FillAsync("Attendance is up to 97%.");
        await page.GetByLabel("Yes, save the changes below as a new version of the plan").CheckAsync();
        await page.Locator("input[name='Actions[0].Done']").First.CheckAsync();
        await page.Locator("input[name='Actions[1].What']").FillAsync("Book a school nurse drop-in");
        await page.Locator("input[name='Actions[1].Who']").FillAsync("School nurse");
        await FillDateAsync(page, "Actions[1].DueDate", today.AddDays(30));
        await AssertAccessibleAsync(page, "review-plan" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("version 2 of the plan saved");
        await Assertions.Expect(page.Locator("#reviews")).ToContainTextAsync("Attendance is up to 97%.");

        await page.GetByRole(AriaRole.Link, new() { Name = "What changed in the last version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#changes")).ToContainTextAsync("Book a school nurse drop-in");
        await AssertAccessibleAsync(page, "compare-plan" + suffix);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page, "plan-history" + suffix);

        await page.GotoAsync($"/children/{childId}/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Child in need plan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Print this plan for the family" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Our plan to help Tayo");
        await AssertAccessibleAsync(page, "print-plan" + suffix);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".govuk-service-navigation").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#print-actions")).ToContainTextAsync("School nurse will book a school nurse drop-in");
    }
}
