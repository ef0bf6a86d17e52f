using AngleSharp.Dom;
using Haven.Core.Homelessness;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Homeless 16- and 17-year-olds through the child's record: start, temporary accommodation (bed
/// and breakfast is a breach), the options step and decision, the options leaflet, closure; and the
/// managers' figure. Each test runs on SQLite and on PostgreSQL.
public abstract class HomelessnessTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(HttpClient Client, int ChildId)> WorkerWithChildAsync(int age)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = Today.AddYears(-age).AddDays(-30); });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (client, childId);
    }

    private static async Task<string> StartAsync(HttpClient client, int childId, DateOnly presented)
    {
        var response = await client.SubmitAsync($"/children/{childId}/homelessness",
            With(new() { ["StayingNow"] = "Sofa surfing at a friend's flat" }, Date("PresentedOn", presented)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string> OptionsStep(string decision = "Section20", string words = "I want somewhere safe and a social worker.") =>
        With(new()
        {
            ["ExplainedHow"] = "EasyRead", ["SaidTheyUnderstood"] = "yes", ["AdvocateOffered"] = "yes", ["AdvocateTakenUp"] = "yes",
            ["AdvocateName"] = "Jo Bright, Voices advocacy", ["Decision"] = decision, ["InOwnWords"] = words,
        }, Date("ExplainedOn", Today.AddDays(-1)));

    [Fact]
    public async Task Homelessness_StartBedAndBreakfastOptionsDecision_FlagsTheBreachAndTheLeafletSaysTheDecisionInPlainWords()
    {
        var (client, childId) = await WorkerWithChildAsync(16);
        var url = await StartAsync(client, childId, Today.AddDays(-5));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["StayType"] = "BedAndBreakfast", ["StayAddress"] = "Station Hotel, 1 High Street" },
            Date("StayFrom", Today.AddDays(-4)), Date("StayTo", Today.AddDays(-2))), "main form[method=post]", "stay")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["StayType"] = "SupportedLodgings", ["StayAddress"] = "12 Elm Road" },
            Date("StayFrom", Today.AddDays(-2))), "main form[method=post]", "stay")).StatusCode);

        var page = await client.GetPageAsync(url);
        var bedAndBreakfast = page.QuerySelectorAll("#stays tbody tr").Single(r => r.TextContent.Contains("Station Hotel"));
        Assert.Contains("Breach", bedAndBreakfast.QuerySelector(".govuk-tag--red")!.TextContent);
        Assert.DoesNotContain("Breach", page.QuerySelectorAll("#stays tbody tr").Single(r => r.TextContent.Contains("Elm Road")).TextContent);
        Assert.Contains("1 breach", page.QuerySelector("#breaches")!.TextContent);
        Assert.Contains("Not done yet", page.QuerySelector("#options-status")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, OptionsStep(), "main form[method=post]", "options")).StatusCode);
        page = await client.GetPageAsync(url);
        Assert.Equal("Done", page.QuerySelector("#options-status")!.TextContent.Trim());
        Assert.Contains("To become looked after (section 20)", page.QuerySelector("#decision")!.TextContent);

        var leaflet = await client.GetPageAsync($"{url}/leaflet");
        Assert.Contains("You chose to be looked after by the council (section 20).", leaflet.QuerySelector("#leaflet-decision")!.TextContent);
        Assert.Contains("I want somewhere safe and a social worker.", leaflet.QuerySelector("#leaflet-decision")!.TextContent);
        Assert.Contains("Jo Bright, Voices advocacy", leaflet.QuerySelector("#leaflet-advocate")!.TextContent);
        Assert.Contains("Option 2: support as a child in need", leaflet.Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["Outcome"] = "LookedAfterSection20" }, Date("ClosedOn", Today)),
            "main form[method=post]", "close")).StatusCode);
        var saved = await app.Data.WithDbAsync(db => db.HomelessnessAssessments.Include(a => a.Stays).SingleAsync(a => a.ChildId == childId));
        Assert.Equal(HomelessOutcome.LookedAfterSection20, saved.Outcome);
        Assert.Equal(HomelessDecision.Section20, saved.Decision);
        Assert.True(saved.OptionsStepDone);
        Assert.Single(saved.Stays, s => s.IsBreach);

        var chronology = (await client.GetPageAsync($"/children/{childId}/chronology")).Body!.TextContent;
        Assert.Contains("Placed in bed and breakfast (breach)", chronology);
        Assert.Contains("Homelessness assessment closed: Looked after under section 20", chronology);
    }

    [Fact]
    public async Task Post_StartHomelessness_ForAFifteenYearOld_IsRefusedWithAClearMessage()
    {
        var (client, childId) = await WorkerWithChildAsync(15);
        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/homelessness",
            With(new() { ["StayingNow"] = "At a friend's" }, Date("PresentedOn", Today))));
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("only for young people aged 16 or 17") && m.Contains("was 15"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HomelessnessAssessments.CountAsync(a => a.ChildId == childId)));
    }

    [Fact]
    public async Task Post_HomelessnessForms_WithMissingAnswers_SaySoAndSaveNothing()
    {
        var (client, childId) = await WorkerWithChildAsync(17);
        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/homelessness", new Dictionary<string, string>()));
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter the date the young person presented as homeless", errors);
        Assert.Contains("Enter where the young person is staying now", errors);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HomelessnessAssessments.CountAsync(a => a.ChildId == childId)));

        var url = await StartAsync(client, childId, Today.AddDays(-3));
        doc = await Pages.ParseAsync(await client.SubmitAsync(url, new Dictionary<string, string>(), "main form[method=post]", "stay"));
        errors = doc.ErrorMessages().ToList();
        Assert.Contains("Select the type of accommodation", errors);
        Assert.Contains("Enter the address", errors);
        Assert.Contains("Enter the date the stay started", errors);

        var partial = OptionsStep();
        partial.Remove("SaidTheyUnderstood");
        partial.Remove("Decision");
        partial.Remove("InOwnWords");
        partial["AdvocateTakenUp"] = "";
        doc = await Pages.ParseAsync(await client.SubmitAsync(url, partial, "main form[method=post]", "options"));
        errors = doc.ErrorMessages().ToList();
        Assert.Contains("Select whether the young person said they understood their options", errors);
        Assert.Contains("Select whether the young person took up the offer of an advocate", errors);
        Assert.Contains("Select the young person's decision", errors);
        Assert.Contains("Enter the young person's decision in their own words", errors);

        var saved = await app.Data.WithDbAsync(db => db.HomelessnessAssessments.Include(a => a.Stays).SingleAsync(a => a.ChildId == childId));
        Assert.Empty(saved.Stays);
        Assert.Null(saved.OptionsExplainedOn);
        Assert.Null(saved.Decision);
    }

    [Fact]
    public async Task Post_OptionsStep_WithAStaleVersion_ShowsTheOtherVersionAndKeepsIt()
    {
        var (client, childId) = await WorkerWithChildAsync(17);
        var url = await StartAsync(client, childId, Today.AddDays(-3));
        var stale = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, OptionsStep("ChildInNeedSupport", "I want to stay at my nan's with help."),
            "main form[method=post]", "options")).StatusCode);

        var form = stale.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]").First(f => (f.Action ?? "").Contains("handler=options"));
        var response = await client.PostFormAsync(form, OptionsStep("Section20", "Somewhere safe please."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Pages.ParseAsync(response);
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("Someone else changed this assessment"));
        Assert.Contains("I want to stay at my nan's with help.", doc.QuerySelector("#their-version")!.TextContent);
        Assert.Equal(HomelessDecision.ChildInNeedSupport, await app.Data.WithDbAsync(db => db.HomelessnessAssessments.Where(a => a.ChildId == childId).Select(a => a.Decision).SingleAsync()));
    }

    [Fact]
    public async Task Get_HomelessnessFigures_OnAHandMadeExample_CountsEveryAssessmentAndListsOnlyVisibleChildren()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var dob = new DateOnly(1986, 3, 1);
        var visible = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = dob; c.FirstName = "Visible"; });
        var hidden = await app.Data.CreateChildAsync(c => { c.DateOfBirth = dob; c.FirstName = "Hidden"; });
        var later = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = dob; c.FirstName = "Later"; });
        await app.Data.WithDbAsync(async db =>
        {
            HomelessnessAssessment New(int child, DateOnly presented) => new() { ChildId = child, PresentedOn = presented, StayingNow = "Friend's sofa", RecordedAt = DateTime.UtcNow };
            var done = New(visible, new DateOnly(2003, 4, 1));
            done.OptionsExplainedOn = new DateOnly(2003, 4, 2);
            done.ExplainedHow = OptionsExplainedHow.InPerson;
            done.SaidTheyUnderstood = true;
            done.AdvocateOffered = false;
            done.Decision = HomelessDecision.ChildInNeedSupport;
            done.DecisionInOwnWords = "Help me stay at my aunt's";
            done.Stays.Add(new() { Type = AccommodationType.BedAndBreakfast, Address = "A", From = new DateOnly(2003, 4, 1) });
            done.Stays.Add(new() { Type = AccommodationType.BedAndBreakfast, Address = "B", From = new DateOnly(2003, 4, 3) });
            var notUnderstood = New(hidden, new DateOnly(2003, 9, 1));
            notUnderstood.OptionsExplainedOn = new DateOnly(2003, 9, 1);
            notUnderstood.ExplainedHow = OptionsExplainedHow.InPerson;
            notUnderstood.SaidTheyUnderstood = false;
            notUnderstood.Decision = HomelessDecision.Other;
            notUnderstood.Stays.Add(new() { Type = AccommodationType.BedAndBreakfast, Address = "C", From = new DateOnly(2003, 9, 1) });
            notUnderstood.Stays.Add(new() { Type = AccommodationType.SupportedLodgings, Address = "D", From = new DateOnly(2003, 9, 4) });
            var outside = New(later, new DateOnly(2004, 1, 5));
            outside.Stays.Add(new() { Type = AccommodationType.BedAndBreakfast, Address = "E", From = new DateOnly(2004, 1, 5) });
            db.HomelessnessAssessments.AddRange(done, notUnderstood, outside);
            return await db.SaveChangesAsync();
        });

        var client = app.NewClient();
        await client.SignInAsync(manager.UserName);
        var page = await client.GetPageAsync("/homelessness?From.Day=1&From.Month=1&From.Year=2003&To.Day=31&To.Month=12&To.Year=2003");
        Assert.Equal("2", page.QuerySelector("#assessments")!.TextContent.Trim());
        Assert.Equal("50% (1 of 2)", page.QuerySelector("#options-share")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("#breaches")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#children tbody tr");
        Assert.Single(rows);
        Assert.Contains("Visible", rows[0].TextContent);
        Assert.Contains("2 breaches", rows[0].TextContent);
        Assert.DoesNotContain("Hidden", page.Body!.TextContent);
        Assert.Contains("1 more assessment is counted but not listed", page.QuerySelector("#not-shown")!.TextContent);
    }

    [Fact]
    public async Task Get_Homelessness_WithoutAccess_IsForbidden()
    {
        var (_, childId) = await WorkerWithChildAsync(16);
        var (_, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, otherTeam);
        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/children/{childId}/homelessness")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.PostAsync($"/children/{childId}/homelessness", new FormUrlEncodedContent([]))).StatusCode);
        var figures = await client.GetAsync("/homelessness");
        Assert.Equal(HttpStatusCode.Redirect, figures.StatusCode);
        Assert.Contains("/error/403", figures.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HomelessnessAssessments.CountAsync(a => a.ChildId == childId)));
    }
}

public sealed class HomelessnessTestsOnSqlite(SqliteApp app) : HomelessnessTests(app), IClassFixture<SqliteApp>;
public sealed class HomelessnessTestsOnPostgres(PostgresApp app) : HomelessnessTests(app), IClassFixture<PostgresApp>;
