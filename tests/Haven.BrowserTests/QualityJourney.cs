using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// Quality assurance in a real browser: a team manager audits a case from the child's record,
/// grades it and sets an action for the worker; the action is on the worker's My work. Then the
/// quality and workforce pages (with the workforce forms' team pages). Every page passes the axe scan.
public sealed class QualityJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TeamManager_AuditsCase_ActionAppearsOnWorkersMyWork_PagesAreAccessible()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Ade Quayle");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Mo Quinlan");
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Tia"; c.AllocatedTo = worker; });
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        var page = await app.NewPageAsync();

        await Journeys.SignInAsync(page, manager.UserName);
        await page.GotoAsync($"{app.BaseUrl}/children/{childId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit this case" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit this case");
        await Journeys.AssertAccessibleAsync(page, "quality-audit-new");

        var goods = page.Locator("input[type=radio][name^='Grades['][value='Good']");
        for (var i = 0; i < await goods.CountAsync(); i++) await goods.Nth(i).CheckAsync();
        await page.Locator("input[name='Overall'][value='RequiresImprovement']").CheckAsync();
        await page.Locator("#Findings").FillAsync("Visits are regular; the plan's outcomes are vague.");
        await page.Locator("[id='Actions_0__Text']").FillAsync("Rewrite the plan outcomes with the family");
        await page.Locator("input[name='Actions[0].For'][value='Worker']").CheckAsync();
        await page.Locator("[id='Actions_0__DueOn_Day']").FillAsync(due.Day.ToString());
        await page.Locator("[id='Actions_0__DueOn_Month']").FillAsync(due.Month.ToString());
        await page.Locator("[id='Actions_0__DueOn_Year']").FillAsync(due.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save audit" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rewrite the plan outcomes with the family");
        await Journeys.AssertAccessibleAsync(page, "quality-audit");

        // The quality and workforce pages a manager uses.
        foreach (var (path, name) in new[] { ("/quality", "quality"), ("/quality/audits", "quality-audits"), ("/quality/themes", "quality-themes"), ("/workforce", "workforce"), ("/workforce/caseloads", "workforce-caseloads"),
                     ("/workforce/teams", "workforce-teams"), ($"/workforce/teams/{teamId}", "workforce-team") })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await Journeys.AssertAccessibleAsync(page, name);
        }

        // The worker sees the action on My work.
        var workerPage = await app.NewPageAsync();
        await Journeys.SignInAsync(workerPage, worker.UserName);
        await Assertions.Expect(workerPage.Locator("main")).ToContainTextAsync("Rewrite the plan outcomes with the family");
        await Journeys.AssertAccessibleAsync(workerPage, "quality-my-work");
    }
}
