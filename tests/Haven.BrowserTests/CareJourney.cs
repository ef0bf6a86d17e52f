using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// Coming into care, in a real browser with and without JavaScript: the decision to look after and
/// the first placement, a statutory visit, then a review whose record to the child can be printed.
/// Every page passes an axe scan (in the JavaScript run).
public sealed class CareJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
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
    public async Task SocialWorker_BringsChildIntoCare_Places_Visits_IroReviews(bool javaScript)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Sam Okoro");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, javaScript ? "Morgan Teale" : "Morgan Tealby");
        _ = await app.Data.CreateWorkerAsync(HavenRole.Iro, teamId, javaScript ? "Ira Reeve" : "Ira Reeves");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Mia"; c.AllocatedTo = worker; c.DateOfBirth = today.AddYears(-9); });
        var page = await app.NewPageAsync(javaScript);
        var suffix = javaScript ? "" : "-nojs";
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Username").FillAsync(worker.UserName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");

        // Coming into care, with a mistake first.
        await page.GotoAsync($"/children/{childId}/care");
        await AssertAccessibleAsync(page, "care-empty" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision to look after" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for the decision to look after the child");
        await AssertAccessibleAsync(page, "care-start-errors" + suffix);
        await FillDateAsync(page, "DecisionDate", today.AddDays(-10));
        await page.GetByLabel("Manager who authorised it").SelectOptionAsync(new SelectOptionValue { Label = javaScript ? "Morgan Teale" : "Morgan Tealby" });
        await page.GetByLabel("Reason for the decision").FillAsync("Mother in hospital; no family able to care for Mia.");
        await FillDateAsync(page, "StartDate", today.AddDays(-10));
        await page.GetByLabel("Legal status").SelectOptionAsync("V2");
        await page.GetByLabel("Category of need").SelectOptionAsync("N4");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Permanence order the child had before").SelectOptionAsync("Z1");
        await page.GetByLabel("Placement type").SelectOptionAsync("U6");
        await page.GetByLabel("Provider", new() { Exact = true }).SelectOptionAsync("PR1");
        await page.GetByLabel("Carer or home").FillAsync("Jo and Chris Okafor");
        await page.GetByLabel("Address line 1", new() { Exact = true }).FillAsync("12 Rowan Close");
        await page.GetByLabel("Town", new() { Exact = true }).FillAsync("Havenbridge");
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("HB4 2AB");
        await page.GetByLabel("Matching").FillAsync("Near Mia's school; the carers have looked after children her age.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("Single period of voluntary accommodation under s20");
        await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("Statutory visit in the first week of the placement");
        await Assertions.Expect(page.Locator("table[id^=placements]")).ToContainTextAsync("Jo and Chris Okafor");
        await AssertAccessibleAsync(page, "care" + suffix);

        // A statutory visit, seen alone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a statutory visit" }).ClickAsync();
        await FillDateAsync(page, "VisitDate", today.AddDays(-5));
        await page.GetByLabel("Yes, and seen alone").CheckAsync();
        await page.GetByLabel("What happened").FillAsync("Saw Mia alone in her room; she likes the dog.");
        await AssertAccessibleAsync(page, "care-visit" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visits")).ToContainTextAsync("Seen alone");
        await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("Statutory visit by");

        // The IRO's review and the record to Mia.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a review" }).ClickAsync();
        await FillDateAsync(page, "ReviewDate", today.AddDays(-1));
        await page.GetByLabel("Chaired by").SelectOptionAsync(new SelectOptionValue { Label = javaScript ? "Ira Reeve" : "Ira Reeves" });
        await page.GetByLabel("How the child took part").SelectOptionAsync("PN1");
        await page.GetByLabel("Offered, not taken up").CheckAsync();
        await page.GetByLabel("Review record, written to the child").FillAsync("Dear Mia,\nThank you for telling us how you feel about living with Jo and Chris.");
        await AssertAccessibleAsync(page, "care-review" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(page.Locator("#letter")).ToContainTextAsync("Thank you for telling us how you feel");
        await AssertAccessibleAsync(page, "care-review-record" + suffix);
        await page.GotoAsync($"/children/{childId}/care");
        await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("Second looked-after review");

        // An IRO's visit between reviews: the form, and its error state.
        await page.GotoAsync($"/children/{childId}/care/iro-visits/add");
        await AssertAccessibleAsync(page, "care-iro-visit" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the IRO saw the child");
        await AssertAccessibleAsync(page, "care-iro-visit-errors" + suffix);

        // The adoption record's form, before anything is recorded.
        await page.GotoAsync($"/children/{childId}/permanence/adoption");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Record the adoption plan");
        await AssertAccessibleAsync(page, "adoption-record" + suffix);

        // The change of social worker, as the team manager who makes it.
        var managerPage = await app.NewPageAsync(javaScript);
        await Journeys.SignInAsync(managerPage, manager.UserName, suffix);
        await managerPage.GotoAsync($"/children/{childId}/allocation");
        await Assertions.Expect(managerPage.Locator("#allocations")).ToContainTextAsync("Sam Okoro");
        await Assertions.Expect(managerPage.Locator("form#reallocate")).ToBeVisibleAsync();
        await AssertAccessibleAsync(managerPage, "allocation" + suffix);
    }
}
