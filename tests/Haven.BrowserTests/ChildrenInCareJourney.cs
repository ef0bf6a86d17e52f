using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// A social worker records a health assessment and a personal education plan for a child in care;
/// the virtual school then sees the child's secondary attendance in its view and opens the child's
/// education record from the figure. With and without JavaScript; axe on every page with script.
public sealed class ChildrenInCareJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SocialWorker_RecordsHealthAssessmentAndPep_VirtualSchoolSeesTheChild(bool javaScript)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Priya Shah");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastName = javaScript ? "Okonkwo" : "Okafor";
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Tayo"; c.LastName = lastName; c.AllocatedTo = worker; c.DateOfBirth = today.AddYears(-14);
            c.Involvements.Add((InvolvementKind.InCare, today.AddDays(-12)));
        });
        var suffix = javaScript ? "" : "-nojs";
        var page = await app.NewPageAsync(javaScript);
        await Journeys.SignInAsync(page, worker.UserName, suffix);

        await page.GotoAsync($"/children/{childId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Health", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#health-due")).ToContainTextAsync("Initial health assessment");
        await Journeys.AssertAccessibleAsync(page, "health" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record health information" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "health-add" + suffix);

        // Empty first: the error summary names the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select what you are recording");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date");
        await Journeys.AssertAccessibleAsync(page, "health-add-errors" + suffix);

        var assessed = today.AddDays(-2);
        await page.GetByLabel("What are you recording?").SelectOptionAsync(new SelectOptionValue { Label = "Initial health assessment" });
        await page.Locator("#Date_Day").FillAsync(assessed.Day.ToString());
        await page.Locator("#Date_Month").FillAsync(assessed.Month.ToString());
        await page.Locator("#Date_Year").FillAsync(assessed.Year.ToString());
        await page.GetByLabel("Who carried it out (optional)").FillAsync("Dr Mensah, looked after children's health team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Initial health assessment recorded");
        await Assertions.Expect(page.Locator("#health-history")).ToContainTextAsync("Dr Mensah");

        await page.GetByRole(AriaRole.Link, new() { Name = "Education", Exact = true }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "education" + suffix);
        await RecordEducationAsync(page, "Personal education plan", today.AddDays(-1), p => p.GetByLabel("School or setting").FillAsync("Riverside Secondary School"));
        await Assertions.Expect(page.Locator("#education-history")).ToContainTextAsync("Personal education plan");
        await RecordEducationAsync(page, "Attendance for a term", today, async p =>
        {
            await p.GetByLabel("Autumn term").CheckAsync();
            await p.GetByLabel("Attendance (%)").FillAsync("84.5");
        });
        await Assertions.Expect(page.Locator("#attendance")).ToContainTextAsync("Persistent absence");

        // The virtual school: sees every child in care's education, by phase.
        var officer = await app.Data.CreateWorkerAsync(HavenRole.VirtualSchoolOfficer, teamId, javaScript ? "Val Ellis" : "Vic Ellis");
        var vs = await app.NewPageAsync(javaScript);
        await Journeys.SignInAsync(vs, officer.UserName, "-vs" + suffix);
        await vs.GetByRole(AriaRole.Link, new() { Name = "Virtual school" }).First.ClickAsync();
        await Assertions.Expect(vs.Locator("#phase-secondary")).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(vs, "virtual-school" + suffix);
        await vs.Locator("#phase-secondary a[href*='measure=PersistentAbsence']").ClickAsync();
        await Journeys.AssertAccessibleAsync(vs, "virtual-school-children" + suffix);
        await vs.GetByRole(AriaRole.Link, new() { Name = $"Tayo {lastName}" }).ClickAsync();
        await Assertions.Expect(vs.Locator("#attendance")).ToContainTextAsync("84.5%");
        // Education only: no case notes or health tab for the virtual school.
        await Assertions.Expect(vs.GetByRole(AriaRole.Link, new() { Name = "Case notes" })).ToHaveCountAsync(0);
        await Journeys.AssertAccessibleAsync(vs, "virtual-school-education" + suffix);
    }

    private static async Task RecordEducationAsync(IPage page, string kind, DateOnly date, Func<IPage, Task> fill)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Record education information" }).ClickAsync();
        await page.GetByLabel("What are you recording?").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.Locator("#Date_Day").FillAsync(date.Day.ToString());
        await page.Locator("#Date_Month").FillAsync(date.Month.ToString());
        await page.Locator("#Date_Year").FillAsync(date.Year.ToString());
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recorded");
    }
}
