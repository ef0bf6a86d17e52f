using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.FrontDoor;
using Haven.Core.Involvements;
using Haven.Core.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The front door through HTTP: contact → MASH checks → decision → sign-off → referral, the daily
/// MASH meeting, out-of-hours handovers, and two people on the same contact. SQLite and PostgreSQL.
public abstract class FrontDoorTests(HavenApp app)
{
    private async Task<(TestWorker Mash, TestWorker Manager)> FrontDoorTeamAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync("MASH");
        var mash = await app.Data.CreateWorkerAsync(HavenRole.MashWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        await app.Data.WithDbAsync(async db =>
        {
            var w = await db.Workers.FirstAsync(x => x.Id == mash.WorkerId);
            w.SweNumber = "SW" + mash.WorkerId;
            return await db.SaveChangesAsync();
        });
        return (mash, manager);
    }

    private static Dictionary<string, string> ContactForm(string childIds, string worry = "Child arrived at school with bruising to the arm.") => new()
    {
        ["SourceCode"] = "2A", ["Channel"] = "Phone", ["ContactorName"] = "Ms Patel", ["ContactorRole"] = "Designated safeguarding lead",
        ["Worry"] = worry, ["Consent"] = "Overridden", ["ConsentReason"] = "Asking the parents could put the child at risk", ["ChildIds"] = childIds,
    };

    private async Task<int> RecordContactAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.SubmitAsync("/front-door/contacts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task Contact_ThroughChecksDecisionAndSignOff_OpensReReferralAndAssessment()
    {
        var (mash, manager) = await FrontDoorTeamAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var amy = await app.Data.CreateChildAsync(c => { c.FirstName = "Amy"; c.LastName = "Frontdoor"; });
        var ben = await app.Data.CreateChildAsync(c => { c.FirstName = "Ben"; c.LastName = "Frontdoor"; });
        await app.Data.WithDbAsync(async db =>
        {
            db.Referrals.Add(new Referral { ChildId = amy, ReferralDate = today.AddMonths(-5), SourceCode = "6", ClosureDate = today.AddMonths(-3), ReasonForClosureCode = "RC8", RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);

        var contactId = await RecordContactAsync(client, ContactForm($"H{amy}, H{ben}"));
        var page = await client.GetPageAsync($"/front-door/contacts/{contactId}");
        Assert.Contains("Re-referral", page.QuerySelector($"#child-{amy}")!.TextContent);
        Assert.DoesNotContain("Re-referral", page.QuerySelector($"#child-{ben}")!.TextContent);

        var check = await client.SubmitAsync($"/front-door/contacts/{contactId}/checks/new",
            new Dictionary<string, string> { ["Agency"] = "Police", ["Rag"] = "Red", ["Question"] = "Any callouts to the address?" });
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        var checkId = await app.Data.WithDbAsync(db => db.MashChecks.Where(k => k.ContactId == contactId).Select(k => k.Id).SingleAsync());
        var meeting = await client.GetPageAsync("/front-door");
        var row = meeting.QuerySelectorAll("#awaiting tbody tr").Single(r => r.TextContent.Contains("Amy Frontdoor"));
        Assert.Contains("Red", row.TextContent);
        Assert.Contains("0 of 1 responded", row.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/front-door/contacts/{contactId}/checks/{checkId}",
            new Dictionary<string, string> { ["AgencyResponse"] = "Two domestic abuse callouts in the last month." })).StatusCode);

        var items = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ContactId == contactId).ToDictionaryAsync(c => c.ChildId, c => c.Id));
        foreach (var (child, outcome) in new[] { (amy, "SocialCareAssessment"), (ben, "InformationAndAdvice") })
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/front-door/contacts/{contactId}/children/{items[child]}/decision",
                new Dictionary<string, string> { ["LevelOfNeed"] = "child-in-need", ["Outcome"] = outcome, ["Rationale"] = "Police information raises concern." })).StatusCode);

        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);
        var signOff = await managerClient.GetPageAsync($"/front-door/contacts/{contactId}/children/{items[amy]}/sign-off");
        Assert.NotNull(signOff.QuerySelector("#re-referral"));
        foreach (var child in new[] { amy, ben })
            Assert.Equal(HttpStatusCode.Redirect, (await managerClient.SubmitAsync($"/front-door/contacts/{contactId}/children/{items[child]}/sign-off", new Dictionary<string, string>())).StatusCode);

        var referral = await app.Data.WithDbAsync(db => db.Referrals.SingleAsync(r => r.ContactId == contactId));
        Assert.Equal(amy, referral.ChildId);
        Assert.True(referral.IsReReferral);
        Assert.Equal("2A", referral.SourceCode);
        Assert.True(await app.Data.WithDbAsync(db => db.Involvements.AnyAsync(i => i.ChildId == amy && i.Kind == InvolvementKind.Assessment && i.EndDate == null)));
        Assert.False(await app.Data.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ChildId == ben)));
        var after = await client.GetPageAsync($"/front-door/contacts/{contactId}");
        Assert.Contains("Decided within 1 working day", after.QuerySelector($"#child-{amy}")!.TextContent);
        Assert.DoesNotContain((await client.GetPageAsync("/front-door")).QuerySelectorAll("#awaiting tbody tr"), r => r.TextContent.Contains("Amy Frontdoor"));
    }

    [Fact]
    public async Task RecordContact_WithMissingAnswers_ShowsEachErrorAndSavesNothing()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var before = await app.Data.WithDbAsync(db => db.Contacts.CountAsync());

        var response = await client.SubmitAsync("/front-door/contacts/new", new Dictionary<string, string>
            { ["SourceCode"] = "", ["Consent"] = "Given", ["ChildIds"] = "H999999", ["Worry"] = "" });
        var doc = await Pages.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Select who the contact is from", errors);
        Assert.Contains("Enter what the contactor is worried about", errors);
        Assert.Contains("Enter who gave consent", errors);
        Assert.Contains("No child found with Haven ID H999999", errors);
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task RecordContact_ForAnUnbornChild_AddsTheChildWithExpectedDate()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var edd = DateOnly.FromDateTime(DateTime.Now).AddMonths(3);
        var form = ContactForm("");
        form["SourceCode"] = "3B";
        form["NewChildFirstName"] = "Unborn";
        form["NewChildLastName"] = "Nightingale";
        form["NewChildExpectedDateOfBirth.Day"] = edd.Day.ToString();
        form["NewChildExpectedDateOfBirth.Month"] = edd.Month.ToString();
        form["NewChildExpectedDateOfBirth.Year"] = edd.Year.ToString();

        var contactId = await RecordContactAsync(client, form);

        var child = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.Child).SingleAsync());
        Assert.Equal(edd, child.ExpectedDateOfBirth);
        Assert.Null(child.DateOfBirth);
    }

    [Fact]
    public async Task Decision_ByUnqualifiedWorker_IsRefused_AndSignOffNeedsAManager()
    {
        var (mash, manager) = await FrontDoorTeamAsync();
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var unqualified = await app.Data.CreateWorkerAsync(HavenRole.MashWorker, teamId);
        var child = await app.Data.CreateChildAsync();
        var client = app.NewClient();
        await client.SignInAsync(unqualified.UserName);
        var contactId = await RecordContactAsync(client, ContactForm($"H{child}"));
        var itemId = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.Id).SingleAsync());
        var decision = new Dictionary<string, string> { ["LevelOfNeed"] = "early-help", ["Outcome"] = "EarlyHelp", ["Rationale"] = "Needs support with routines." };

        var refused = await Pages.ParseAsync(await client.SubmitAsync($"/front-door/contacts/{contactId}/children/{itemId}/decision", decision));
        Assert.Contains(refused.ErrorMessages(), m => m.Contains("qualified social worker"));

        var qualified = app.NewClient();
        await qualified.SignInAsync(mash.UserName);
        Assert.Equal(HttpStatusCode.Redirect, (await qualified.SubmitAsync($"/front-door/contacts/{contactId}/children/{itemId}/decision", decision)).StatusCode);
        var selfSignOff = await Pages.ParseAsync(await qualified.SubmitAsync($"/front-door/contacts/{contactId}/children/{itemId}/sign-off", new Dictionary<string, string>()));
        Assert.Contains(selfSignOff.ErrorMessages(), m => m.Contains("Only a manager"));
        Assert.Null(await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.Id == itemId).Select(c => c.SignedOffAt).SingleAsync()));
    }

    [Fact]
    public async Task Decision_TwoWorkersOnTheSameChild_SecondIsToldAndNothingIsLost()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var child = await app.Data.CreateChildAsync();
        var first = app.NewClient();
        await first.SignInAsync(mash.UserName);
        var contactId = await RecordContactAsync(first, ContactForm($"H{child}"));
        var itemId = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.Id).SingleAsync());
        var url = $"/front-door/contacts/{contactId}/children/{itemId}/decision";
        var second = app.NewClient();
        await second.SignInAsync(mash.UserName);
        var secondForm = (await second.GetPageAsync(url)).QuerySelector<IHtmlFormElement>("main form[method=post]")!;

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(url, new Dictionary<string, string> { ["LevelOfNeed"] = "universal", ["Outcome"] = "NoFurtherAction", ["Rationale"] = "First worker's view." })).StatusCode);
        var clash = await Pages.ParseAsync(await second.PostFormAsync(secondForm, new Dictionary<string, string> { ["LevelOfNeed"] = "child-protection", ["Outcome"] = "StrategyDiscussion", ["Rationale"] = "Second worker's view." }));

        Assert.Contains(clash.ErrorMessages(), m => m.Contains("Someone else changed"));
        Assert.Contains("First worker's view.", clash.QuerySelector("#their-decision")!.TextContent);
        Assert.Equal("Second worker's view.", clash.QuerySelector("textarea[name=Rationale]")!.TextContent);
        Assert.Equal("First worker's view.", await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.Id == itemId).Select(c => c.Rationale).SingleAsync()));
    }

    [Fact]
    public async Task OutOfHoursContact_BecomesHandover_StaysVisibleUntilAcknowledged()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Olive"; c.LastName = "Overnight"; });
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var form = ContactForm($"H{child}");
        form["Channel"] = "OutOfHours";
        form["SourceCode"] = "6";
        form["OutOfHoursActions"] = "Police protection used at 02:10; child placed with grandmother.";
        await RecordContactAsync(client, form);

        var meeting = await client.GetPageAsync("/front-door");
        Assert.Contains(meeting.QuerySelectorAll("#handovers tbody tr"), r => r.TextContent.Contains("Olive Overnight") && r.TextContent.Contains("Police protection"));
        var ackForm = meeting.QuerySelectorAll<IHtmlFormElement>("#handovers form").Single(f => f.ParentElement!.ParentElement!.TextContent.Contains("Olive Overnight"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(ackForm, new Dictionary<string, string>())).StatusCode);

        var after = await client.GetPageAsync("/front-door");
        Assert.DoesNotContain(after.QuerySelectorAll("#handovers tbody tr"), r => r.TextContent.Contains("Olive Overnight"));
    }

    [Fact]
    public async Task MashMeeting_ListsOldestFirst_AndHidesRestrictedChildren()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var older = await app.Data.CreateChildAsync(c => { c.FirstName = "Older"; c.LastName = "Meeting"; });
        var newer = await app.Data.CreateChildAsync(c => { c.FirstName = "Newer"; c.LastName = "Meeting"; });
        var secret = await app.Data.CreateChildAsync(c => { c.FirstName = "Secret"; c.LastName = "Meeting"; c.Restricted = true; });
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        await RecordContactAsync(client, ContactForm($"H{newer}"));
        var olderId = await RecordContactAsync(client, ContactForm($"H{older}"));
        await app.Data.WithDbAsync(async db =>
        {
            var c = await db.Contacts.FirstAsync(x => x.Id == olderId);
            c.ReceivedAt = DateTime.UtcNow.AddDays(-3);
            db.Contacts.Add(new Contact { ReceivedAt = DateTime.UtcNow.AddDays(-4), SourceCode = "6", ContactorName = "PC", Worry = "x", Consent = ConsentToShare.NotSought, ConsentReason = "Risk", RecordedAt = DateTime.UtcNow,
                Children = [new ContactChild { ChildId = secret }] });
            return await db.SaveChangesAsync();
        });

        var rows = (await client.GetPageAsync("/front-door")).QuerySelectorAll("#awaiting tbody tr").Select(r => r.TextContent).ToList();

        Assert.True(rows.FindIndex(r => r.Contains("Older Meeting")) < rows.FindIndex(r => r.Contains("Newer Meeting")));
        Assert.Contains(rows, r => r.Contains("Older Meeting") && r.Contains("overdue"));
        Assert.DoesNotContain(rows, r => r.Contains("Secret"));
        var secretContact = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ChildId == secret).Select(c => c.ContactId).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/front-door/contacts/{secretContact}")).StatusCode);
    }

    [Fact]
    public async Task MyWork_ForAChildOnAContact_ShowsTheDecisionAndCheckDue()
    {
        var (mash, _) = await FrontDoorTeamAsync();
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Duework"; c.AllocatedTo = sw; });
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var contactId = await RecordContactAsync(client, ContactForm($"H{child}"));
        await client.SubmitAsync($"/front-door/contacts/{contactId}/checks/new", new Dictionary<string, string> { ["Agency"] = "Health", ["Rag"] = "Green", ["Question"] = "Known to health visiting?" });

        var swClient = app.NewClient();
        await swClient.SignInAsync(sw.UserName);
        var rows = (await swClient.GetPageAsync("/")).QuerySelectorAll("#due tbody tr").Where(r => r.TextContent.Contains("Duework")).ToList();

        Assert.Contains(rows, r => r.TextContent.Contains("Threshold decision on a contact") && r.QuerySelector($"a[href='/front-door/contacts/{contactId}']") is not null);
        Assert.Contains(rows, r => r.TextContent.Contains("MASH check: Health to respond"));
    }

    [Fact]
    public async Task Chronology_AfterContactAndSignOff_ShowsContactReceivedAndThresholdDecision()
    {
        var (mash, manager) = await FrontDoorTeamAsync();
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Chrono"; c.LastName = "Frontdoor"; });
        var client = app.NewClient();
        await client.SignInAsync(mash.UserName);
        var contactId = await RecordContactAsync(client, ContactForm($"H{child}"));
        var itemId = await app.Data.WithDbAsync(db => db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.Id).SingleAsync());

        var before = (await client.GetPageAsync($"/children/{child}/chronology")).QuerySelector("#chronology")!.TextContent;
        Assert.Contains("Contact received (source 2A: Schools)", before);
        Assert.DoesNotContain("Threshold decision", before);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/front-door/contacts/{contactId}/children/{itemId}/decision",
            new Dictionary<string, string> { ["LevelOfNeed"] = "child-in-need", ["Outcome"] = "SocialCareAssessment", ["Rationale"] = "Needs an assessment." })).StatusCode);
        var managerClient = app.NewClient();
        await managerClient.SignInAsync(manager.UserName);
        Assert.Equal(HttpStatusCode.Redirect, (await managerClient.SubmitAsync($"/front-door/contacts/{contactId}/children/{itemId}/sign-off", new Dictionary<string, string>())).StatusCode);

        var rows = (await client.GetPageAsync($"/children/{child}/chronology")).QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Threshold decision: Referral to children's social care for assessment") && r.Contains("Level of need: Child in need") && r.Contains("referral opened"));
        Assert.Contains(rows, r => r.Contains("Contact received (source 2A: Schools)") && r.Contains("Front door"));
        var filtered = (await client.GetPageAsync($"/children/{child}/chronology?type=Case+notes")).QuerySelector("#chronology")!.TextContent;
        Assert.DoesNotContain("Contact received", filtered);
    }

    [Fact]
    public async Task Chronology_OfRestrictedChildOnAContact_StaysForbiddenToOthers()
    {
        var (mash, manager) = await FrontDoorTeamAsync();
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var owner = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var secret = await app.Data.CreateChildAsync(c => { c.FirstName = "Sealed"; c.LastName = "Chronology"; c.Restricted = true; c.AllocatedTo = owner; c.AccessList.Add(owner); });
        await app.Data.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { ReceivedAt = DateTime.UtcNow.AddHours(-5), SourceCode = "1B", ContactorName = "Dr Hale", Worry = "Concern", Consent = ConsentToShare.NotSought, ConsentReason = "Risk",
                RecordedAt = DateTime.UtcNow, Children = [new ContactChild { ChildId = secret, LevelOfNeed = "early-help", Outcome = ContactOutcome.EarlyHelp, Rationale = "Support",
                    DecidedAt = DateTime.UtcNow.AddHours(-2), DecidedByWorkerId = mash.WorkerId, SignedOffAt = DateTime.UtcNow.AddHours(-1), SignedOffByWorkerId = manager.WorkerId }] });
            return await db.SaveChangesAsync();
        });

        var ownerClient = app.NewClient();
        await ownerClient.SignInAsync(owner.UserName);
        var chronology = (await ownerClient.GetPageAsync($"/children/{secret}/chronology")).QuerySelector("#chronology")!.TextContent;
        Assert.Contains("Contact received (source 1B", chronology);
        Assert.Contains("Threshold decision: Early help", chronology);

        foreach (var other in new[] { colleague, mash, manager })
        {
            var client = app.NewClient();
            await client.SignInAsync(other.UserName);
            var response = await client.GetAsync($"/children/{secret}/chronology");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Threshold decision", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task FrontDoor_AsSocialWorker_IsForbidden()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var response = await client.GetAsync("/front-door");
        Assert.Contains("/error/403", response.Headers.Location!.ToString());
    }
}

public sealed class FrontDoorTestsOnSqlite(SqliteApp app) : FrontDoorTests(app), IClassFixture<SqliteApp>;
public sealed class FrontDoorTestsOnPostgres(PostgresApp app) : FrontDoorTests(app), IClassFixture<PostgresApp>;
