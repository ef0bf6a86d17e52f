using AngleSharp.Dom;
using Haven.Core.EarlyHelp;
using Haven.Core.Involvements;
using Haven.Core.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Early help through the child's record: start, assess, plan, review, close; step up to social
/// care and step down from it. Each test runs on SQLite and on PostgreSQL.
public abstract class EarlyHelpTests(HavenApp app)
{
    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(HttpClient Client, int ChildId)> EarlyHelpWorkerWithChildAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.EarlyHelpWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (client, childId);
    }

    private static async Task<string> StartAsync(HttpClient client, int childId, DateOnly start, string? steppedDownFrom = null)
    {
        var values = With(new() { ["LeadPractitioner"] = "Sam Lead", ["LeadAgency"] = "Hill Primary School", ["LeadIsPartnerAgency"] = "yes" }, Date("StartDate", start));
        if (steppedDownFrom is not null) values["SteppedDownFromReferralId"] = steppedDownFrom;
        var response = await client.SubmitAsync($"/children/{childId}/early-help", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task EarlyHelp_StartAssessPlanReviewAndStepUp_OpensAndClosesTheInvolvementAndMakesAReferral()
    {
        var (client, childId) = await EarlyHelpWorkerWithChildAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = await StartAsync(client, childId, today.AddDays(-40));
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == childId && i.Kind == InvolvementKind.EarlyHelp && i.EndDate == null)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["AssessmentCompletedBy"] = "Hill Primary School", ["AssessmentSummary"] = "Routines and school attendance." },
            Date("AssessmentCompletedOn", today.AddDays(-30))), "main form[method=post]", "assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["ActionDescription"] = "Morning routine chart", ["ActionOwner"] = "Mum" },
            Date("ActionDueOn", today.AddDays(-2))), "main form[method=post]", "action")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["ReviewSummary"] = "Attendance up to 91%." },
            Date("ReviewHeldOn", today.AddDays(-1))), "main form[method=post]", "review")).StatusCode);

        var page = await client.GetPageAsync(url);
        Assert.Contains("Hill Primary School", page.QuerySelector("#assessment")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#actions tbody tr"), r => r.TextContent.Contains("Morning routine chart") && r.TextContent.Contains("Overdue"));
        Assert.Contains("Attendance up to 91%", page.QuerySelector("#reviews")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, With(new() { ["Outcome"] = "SteppedUpToSocialCare" }, Date("ClosedOn", today)),
            "main form[method=post]", "close")).StatusCode);

        var (episode, involvementOpen, referral) = await app.Data.WithDbAsync(async db => (
            await db.EarlyHelpEpisodes.SingleAsync(e => e.ChildId == childId),
            await db.Involvements.AnyAsync(i => i.ChildId == childId && i.Kind == InvolvementKind.EarlyHelp && i.EndDate == null),
            await db.Referrals.SingleAsync(r => r.ChildId == childId)));
        Assert.Equal(today, episode.ClosedOn);
        Assert.False(involvementOpen);
        Assert.Equal("5D", referral.SourceCode);
        Assert.Equal(today, referral.ReferralDate);
        Assert.Equal(referral.Id, episode.SteppedUpReferralId);

        var chronology = (await client.GetPageAsync($"/children/{childId}/chronology")).Body!.TextContent;
        Assert.Contains("Early help started", chronology);
        Assert.Contains("Early help closed: Stepped up to social care", chronology);
    }

    [Fact]
    public async Task EarlyHelp_StepDownFromAReferral_IsLinkedAndShown()
    {
        var (client, childId) = await EarlyHelpWorkerWithChildAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var referralId = await app.Data.WithDbAsync(async db =>
        {
            var r = new Referral { ChildId = childId, ReferralDate = today.AddMonths(-4), SourceCode = "1B", ClosureDate = today.AddDays(-3), ReasonForClosureCode = "RC8", RecordedAt = DateTime.UtcNow };
            db.Referrals.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var url = await StartAsync(client, childId, today.AddDays(-2), referralId.ToString());
        var page = await client.GetPageAsync(url);
        Assert.Contains("A step down from children's social care", page.QuerySelector("#episode")!.TextContent);
        Assert.Contains("stepped down from social care", (await client.GetPageAsync($"/children/{childId}/chronology")).Body!.TextContent);
    }

    [Fact]
    public async Task Post_StartEarlyHelp_WithErrorsOrWhileOneIsOpen_SavesNothingAndSaysWhy()
    {
        var (client, childId) = await EarlyHelpWorkerWithChildAsync();
        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/early-help", new Dictionary<string, string> { ["LeadPractitioner"] = new string('x', 201) }));
        var errors = doc.ErrorMessages().ToList();
        Assert.Contains("Enter the date early help started", errors);
        Assert.Contains("Lead practitioner must be 200 characters or fewer", errors);
        Assert.Contains("Select who the lead practitioner works for", errors);
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.ChildId == childId)));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == childId && i.Kind == InvolvementKind.EarlyHelp)));

        await StartAsync(client, childId, DateOnly.FromDateTime(DateTime.UtcNow));
        var again = await client.PostAsync($"/children/{childId}/early-help", null);
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.Null((await client.GetPageAsync($"/children/{childId}/early-help")).QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task Post_CloseEarlyHelp_WithAStaleVersion_KeepsTheFirstClosure()
    {
        var (client, childId) = await EarlyHelpWorkerWithChildAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = await StartAsync(client, childId, today.AddDays(-5));
        var stale = await client.GetPageAsync(url);
        await client.SubmitAsync(url, With(new() { ["Outcome"] = "NeedsMet" }, Date("ClosedOn", today)), "main form[method=post]", "close");

        var form = stale.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]").First(f => (f.Action ?? "").Contains("handler=close"));
        var doc = await Pages.ParseAsync(await client.PostFormAsync(form, With(new() { ["Outcome"] = "MovedAway" }, Date("ClosedOn", today))));

        Assert.Contains(doc.ErrorMessages(), m => m.Contains("already closed") || m.Contains("Someone else changed"));
        Assert.Equal(EarlyHelpOutcome.NeedsMet, await app.Data.WithDbAsync(db => db.EarlyHelpEpisodes.Where(e => e.ChildId == childId).Select(e => e.Outcome).SingleAsync()));
    }
}

public sealed class EarlyHelpTestsOnSqlite(SqliteApp app) : EarlyHelpTests(app), IClassFixture<SqliteApp>;
public sealed class EarlyHelpTestsOnPostgres(PostgresApp app) : EarlyHelpTests(app), IClassFixture<PostgresApp>;
