using Haven.Core.Referrals;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// The front door in a real browser, with and without JavaScript: a MASH worker records a contact,
/// asks the police and records their answer, and recommends a referral; a team manager signs it off,
/// warned that the child was referred within the last 12 months, and the referral opens. Every page
/// on the way passes axe in the JavaScript run.
public sealed class FrontDoorJourney(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MashWorker_ContactCheckDecision_ManagerSignsOff_OpensReReferral(bool javaScript)
    {
        var suffix = javaScript ? "" : "-nojs";
        var (_, teamId) = await app.Data.CreateTeamAsync("MASH");
        var mash = await app.Data.CreateWorkerAsync(HavenRole.MashWorker, teamId, "Priya Shah");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId, "Morgan Teale");
        var lastName = javaScript ? "Fairweather" : "Fairbrook";
        var childName = $"Rae {lastName}";
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Rae"; c.LastName = lastName; });
        var today = DateOnly.FromDateTime(DateTime.Now);
        await app.Data.WithDbAsync(async db =>
        {
            // A qualified social worker (Social Work England number) may record threshold decisions.
            var w = await db.Workers.FirstAsync(x => x.Id == mash.WorkerId);
            w.SweNumber = "SW" + mash.WorkerId;
            // Referred five months ago, closed two months later: a new referral is a re-referral.
            db.Referrals.Add(new Referral { ChildId = childId, ReferralDate = today.AddMonths(-5), SourceCode = "6", ClosureDate = today.AddMonths(-3), ReasonForClosureCode = "RC8", RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        // The MASH worker records the contact.
        var page = await app.NewPageAsync(javaScript);
        await Journeys.SignInAsync(page, mash.UserName, suffix);
        await page.GotoAsync("/front-door");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Journeys.AssertAccessibleAsync(page, "front-door" + suffix);
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a contact" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "record-contact" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select who the contact is from");
        await Journeys.AssertAccessibleAsync(page, "record-contact-errors" + suffix);

        await page.Locator("#SourceCode").SelectOptionAsync(new SelectOptionValue { Value = "2A" });
        await page.Locator("#ContactorName").FillAsync("Ms Patel");
        await page.Locator("#ContactorRole").FillAsync("Designated safeguarding lead, Havenbridge Primary");
        await page.Locator("#Worry").FillAsync("Rae arrived at school with bruising to the arm and said she was scared to go home.");
        await page.GetByLabel("Overridden", new() { Exact = true }).CheckAsync();
        await page.Locator("#ConsentReason").FillAsync("Asking the parents could put Rae at risk.");
        await page.Locator("#ChildIds").FillAsync($"H{childId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();

        var card = page.Locator($"#child-{childId}");
        await Assertions.Expect(card).ToContainTextAsync("Re-referral");
        var contactUrl = new Uri(page.Url).AbsolutePath;
        Assert.Matches(@"^/front-door/contacts/\d+$", contactUrl);
        await Journeys.AssertAccessibleAsync(page, "contact" + suffix);

        // A MASH check to the police, and their answer.
        await page.GetByRole(AriaRole.Link, new() { Name = "Request information from a partner agency" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "request-check" + suffix);
        await page.GetByLabel("Police", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Red: answer within 4 hours").CheckAsync();
        await page.Locator("#Question").FillAsync("Any callouts to the family's address?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(page.Locator("#checks")).ToContainTextAsync("Any callouts to the family's address?");

        await page.Locator("#checks").GetByRole(AriaRole.Link, new() { Name = "Record response from Police" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "check-response" + suffix);
        await page.Locator("#AgencyResponse").FillAsync("Two domestic abuse callouts in the last month.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(page.Locator("#checks")).ToContainTextAsync("Two domestic abuse callouts in the last month.");

        // The threshold decision.
        await card.GetByRole(AriaRole.Link, new() { Name = $"Record decision for {childName}" }).ClickAsync();
        await Journeys.AssertAccessibleAsync(page, "decision" + suffix);
        await page.GetByLabel("Child in need", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Referral to children's social care for assessment").CheckAsync();
        await page.Locator("#Rationale").FillAsync("Police information and the bruising together need a social work assessment.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Referral to children's social care for assessment");
        await Assertions.Expect(card).ToContainTextAsync("Not signed off");

        // The team manager signs it off, warned of the earlier referral.
        var managerPage = await app.NewPageAsync(javaScript);
        await Journeys.SignInAsync(managerPage, manager.UserName, suffix);
        await managerPage.GotoAsync("/front-door");
        await managerPage.Locator("#awaiting").GetByRole(AriaRole.Link, new() { Name = childName }).ClickAsync();
        await managerPage.Locator($"#child-{childId}").GetByRole(AriaRole.Link, new() { Name = $"Sign off the decision for {childName}" }).ClickAsync();
        await Assertions.Expect(managerPage.Locator("#re-referral")).ToContainTextAsync("This will be a re-referral");
        await Journeys.AssertAccessibleAsync(managerPage, "sign-off" + suffix);
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Sign off decision" }).ClickAsync();
        await Assertions.Expect(managerPage.Locator(".govuk-notification-banner")).ToContainTextAsync("referral opened (a re-referral)");
        var signedOff = managerPage.Locator($"#child-{childId}");
        await Assertions.Expect(signedOff).ToContainTextAsync($"Opened {today:d MMM yyyy} (re-referral)");
        await Assertions.Expect(signedOff).ToContainTextAsync("Morgan Teale");
        await Journeys.AssertAccessibleAsync(managerPage, "contact-signed-off" + suffix);

        // The child's record shows the referral and the assessment it started.
        await page.GotoAsync($"/children/{childId}/chronology");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Threshold decision: Referral to children's social care for assessment");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("referral opened (a re-referral)");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Contact received (source 2A: Schools)");
        await Journeys.AssertAccessibleAsync(page, "chronology-front-door" + suffix);
        await page.GotoAsync($"/children/{childId}");
        await Assertions.Expect(page.GetByText($"Assessment since {today:d MMMM yyyy}")).ToBeVisibleAsync();

        var referral = await app.Data.WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId && r.ContactId != null));
        Assert.True(referral.IsReReferral);
        Assert.Equal("2A", referral.SourceCode);
    }
}
