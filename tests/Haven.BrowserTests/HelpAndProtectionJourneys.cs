using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Haven.Core.Workforce;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// From a referral to a child protection plan in a real browser, with and without JavaScript: the
/// worker starts assessments for two siblings, a manager authorises one to a strategy discussion,
/// the worker records the discussion, the enquiry's outcome, the initial conference, and under the plan a
/// visit and a core group meeting. Every page passes axe.
public sealed class HelpAndProtectionJourneys(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static Task AssertAccessibleAsync(IPage page, string name) => Journeys.AssertAccessibleAsync(page, name);

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(HavenApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/");
    }

    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"[id='{field}_Day'], input[name='{field}.Day']").First.FillAsync(date.Day.ToString());
        await page.Locator($"[id='{field}_Month'], input[name='{field}.Month']").First.FillAsync(date.Month.ToString());
        await page.Locator($"[id='{field}_Year'], input[name='{field}.Year']").First.FillAsync(date.Year.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Referral_Assessment_Strategy_Section47_Conference_Plan_EachStepRecordedAndAccessible(bool javaScript)
    {
        var suffix = javaScript ? "" : "-nojs";
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Sam Okoro");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Morgan Teale");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sister = await app.Data.CreateChildAsync(c => { c.FirstName = "Kemi"; c.LastName = "Adebayo" + suffix; c.AllocatedTo = worker; c.Referrals.Add(today.AddDays(-6)); });
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.FirstName = "Tayo"; c.LastName = "Adebayo" + suffix; c.AllocatedTo = worker; c.Referrals.Add(today.AddDays(-6)); c.SiblingOf.Add(sister);
        });
        var page = await app.NewPageAsync(javaScript);
        await SignInAsync(page, worker.UserName);

        // Start assessments for Tayo and, together, his sister.
        await page.GotoAsync($"/children/{childId}/assessments");
        await AssertAccessibleAsync(page, "assessments" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start an assessment" }).ClickAsync();
        await AssertAccessibleAsync(page, "start-assessment" + suffix);
        await FillDateAsync(page, "StartDate", today.AddDays(-5));
        await page.GetByLabel("Kemi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("2 assessments started");
        await AssertAccessibleAsync(page, "assessment" + suffix);

        await page.GetByLabel("Wishes and feelings, in the child's own words").FillAsync("\"I don't like it when dad gets angry.\"");
        await page.GetByLabel("What you observed").FillAsync("Tayo went quiet and looked at the floor when his father was mentioned.");
        await FillDateAsync(page, "ChildSeenDate", today.AddDays(-3));
        await FillDateAsync(page, "ChildSeenAloneDate", today.AddDays(-3));
        await page.GetByLabel("Analysis", new() { Exact = true }).FillAsync("Physical chastisement and fear of the father.");
        await page.GetByLabel("18C: Physical abuse by an adult").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment saved");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the family's assessments side by side" }).ClickAsync();
        await Assertions.Expect(page.Locator("#family")).ToContainTextAsync("Kemi");
        await AssertAccessibleAsync(page, "family-assessments" + suffix);

        // A manager authorises it: the outcome is a strategy discussion.
        var managerPage = await app.NewPageAsync(javaScript);
        await SignInAsync(managerPage, manager.UserName);
        var assessmentUrl = $"/children/{childId}/assessments";
        await managerPage.GotoAsync(assessmentUrl);
        await managerPage.Locator("#assessments tbody a").First.ClickAsync();
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Authorise the assessment" }).ClickAsync();
        await AssertAccessibleAsync(managerPage, "authorise-assessment" + suffix);
        await managerPage.GetByLabel("Strategy discussion").CheckAsync();
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Authorise assessment" }).ClickAsync();
        await Assertions.Expect(managerPage.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment authorised");

        // The strategy discussion decides on a section 47 enquiry.
        await page.GotoAsync($"/children/{childId}/child-protection");
        await AssertAccessibleAsync(page, "child-protection" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a strategy discussion" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strategy discussion" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the concerns discussed");
        await AssertAccessibleAsync(page, "strategy-discussion-errors" + suffix);
        await FillDateAsync(page, "Date", today.AddDays(-1));
        await page.GetByLabel("Concerns discussed").FillAsync("Bruising to the upper arm seen at school.");
        await page.GetByLabel("Police", new() { Exact = true }).FillAsync("DC Sam Patel, child abuse investigation team");
        await page.GetByLabel("Health", new() { Exact = true }).FillAsync("Ruth Okafor, named nurse");
        await page.GetByLabel("Yes, start a section 47 enquiry").CheckAsync();
        await page.GetByLabel("Immediate safety plan (if needed)").FillAsync("Tayo and Kemi stay with their aunt until the enquiry is complete.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strategy discussion" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("section 47 enquiry started");

        // The enquiry substantiates the concerns: an initial conference is needed within 15 working days.
        await page.Locator("#section-47-enquiries tbody a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#enquiry-summary")).ToContainTextAsync("15 working days from the strategy discussion");
        await AssertAccessibleAsync(page, "section-47" + suffix);
        await page.GetByLabel("Concerns substantiated: initial child protection conference").CheckAsync();
        await FillDateAsync(page, "CompletedDate", today);
        await page.GetByLabel("Summary of the findings").FillAsync("Injuries consistent with Tayo's account of being hit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Section 47 enquiry completed");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync("Initial child protection conference");

        // The initial conference decides on a child protection plan (errors first).
        await page.GotoAsync($"/children/{childId}/child-protection");
        await page.Locator("#section-47-enquiries tbody a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the initial conference" }).ClickAsync();
        await AssertAccessibleAsync(page, "initial-conference" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save conference" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the name of the chair");
        await AssertAccessibleAsync(page, "initial-conference-errors" + suffix);
        await FillDateAsync(page, "Date", today);
        await page.GetByLabel("Chair", new() { Exact = true }).FillAsync("Pat Reid");
        await page.Locator("#Police").FillAsync("DC Sam Patel, child abuse investigation team");
        await page.Locator("#Health").FillAsync("Ruth Okafor, named nurse (report only)");
        await page.Locator("#Others").FillAsync("Bola Adebayo, mother");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Police" }).CheckAsync();
        await page.GetByLabel("Yes, the child will be the subject of a child protection plan").CheckAsync();
        await page.GetByLabel("Physical abuse").CheckAsync();
        await page.GetByLabel("Core group members (if there is a plan)").FillAsync("Bola Adebayo, mother\nRuth Okafor, named nurse");
        await page.GetByLabel("What the plan is meant to change for the child").FillAsync("Tayo is not hit at home");
        await page.Locator("input[name='Actions[0].What']").FillAsync("Attend a parenting course");
        await page.Locator("input[name='Actions[0].Who']").FillAsync("Mum");
        await FillDateAsync(page, "Actions[0].DueDate", today.AddDays(28));
        await page.GetByLabel("What happens if the plan does not work").FillAsync("A legal planning meeting decides whether to go to court.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save conference" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("child protection plan started");
        await Assertions.Expect(page.Locator("#attendees")).ToContainTextAsync("Sent a report");
        await AssertAccessibleAsync(page, "conference" + suffix);

        // The plan: a visit and the first core group meeting.
        await page.GetByRole(AriaRole.Link, new() { Name = "See the child protection plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-summary")).ToContainTextAsync("Physical abuse");
        await AssertAccessibleAsync(page, "child-protection-plan" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a visit" }).ClickAsync();
        await FillDateAsync(page, "Date", today);
        await page.Locator("#ChildSeen").CheckAsync();
        await page.Locator("#ChildSeenAlone").CheckAsync();
        await page.GetByLabel("Notes (optional)").FillAsync("Tayo showed me his drawings and said he feels safe at his aunt's.");
        await AssertAccessibleAsync(page, "child-protection-visit" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visits")).ToContainTextAsync("feels safe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a core group meeting" }).ClickAsync();
        await FillDateAsync(page, "Date", today);
        await page.GetByLabel("Who attended").FillAsync("Bola Adebayo (mother), Ruth Okafor (nurse), Sam Okoro (social worker)");
        await AssertAccessibleAsync(page, "core-group-meeting" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save core group meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#core-group-meetings")).ToContainTextAsync("Bola Adebayo (mother)");
        await AssertAccessibleAsync(page, "child-protection-plan-recorded" + suffix);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#due")).ToContainTextAsync("First child protection review conference");
        await Assertions.Expect(page.Locator("#due")).Not.ToContainTextAsync("Initial child protection conference");
        await page.GotoAsync($"/children/{childId}/chronology");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Strategy discussion");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Initial child protection conference");
    }
}
