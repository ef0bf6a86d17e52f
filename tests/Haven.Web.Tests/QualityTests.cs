using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Quality;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Case audits, moderation, feedback and workforce figures through HTTP, on SQLite and PostgreSQL.
public abstract class QualityTests(HavenApp app)
{
    private sealed record Setup(int ServiceId, int TeamId, TestWorker SocialWorker, TestWorker Manager, TestWorker Leader, int ChildId);

    private async Task<Setup> SetupAsync()
    {
        var (serviceId, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var leader = await app.Data.CreateWorkerAsync(HavenRole.SeniorLeader, teamId);
        var childId = await app.Data.CreateChildAsync(c => c.AllocatedTo = sw);
        return new(serviceId, teamId, sw, manager, leader, childId);
    }

    private static Dictionary<string, string> CompleteAudit(IHtmlFormElement form, string grade = "Good")
    {
        var values = new Dictionary<string, string>();
        foreach (var name in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name!.StartsWith("Grades[")).Select(i => i.Name!).Distinct())
            values[name] = "Good";
        values["Overall"] = grade;
        values["Findings"] = "The child's voice is clear; the plan needs sharper outcomes.";
        values["Learning"] = "Plans need measurable outcomes.";
        values["Actions[0].Text"] = "Rewrite the plan's outcomes with the family";
        values["Actions[0].For"] = "Worker";
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        values["Actions[0].DueOn.Day"] = due.Day.ToString();
        values["Actions[0].DueOn.Month"] = due.Month.ToString();
        values["Actions[0].DueOn.Year"] = due.Year.ToString();
        return values;
    }

    private async Task<int> AuditAsync(HttpClient client, int childId, string grade = "Good")
    {
        var doc = await client.GetPageAsync($"/quality/audits/new?child={childId}");
        var form = doc.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        var response = await client.PostFormAsync(form, CompleteAudit(form, grade));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task PostAudit_WithMissingGrades_ShowsClearMessages_ThenSaves_LogsTheView_AndPutsTheActionOnMyWork()
    {
        var s = await SetupAsync();
        var client = app.NewClient();
        await client.SignInAsync(s.Manager.UserName);

        var doc = await client.GetPageAsync($"/quality/audits/new?child={s.ChildId}");
        Assert.Contains("The child's voice and lived experience", doc.QuerySelector("main")!.TextContent);
        var form = doc.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        var bad = await client.PostFormAsync(form, new Dictionary<string, string> { ["Overall"] = "Splendid", ["AuditedOn.Day"] = "31", ["AuditedOn.Month"] = "2", ["AuditedOn.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = (await Pages.ParseAsync(bad)).ErrorMessages().ToList();
        Assert.Contains("Select a grade for this question", errors);
        Assert.Contains("Select the overall grade", errors);
        Assert.Contains("Enter the findings", errors);
        Assert.Contains(errors, e => e.StartsWith("Date of the audit must be a real date"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.CaseAudits.CountAsync(a => a.ChildId == s.ChildId)));

        var auditId = await AuditAsync(client, s.ChildId, "RequiresImprovement");
        var page = await client.GetPageAsync($"/quality/audits/{auditId}");
        Assert.Equal("Requires improvement", page.QuerySelector("#overall")!.TextContent.Trim());
        var audit = await app.Data.WithDbAsync(db => db.CaseAudits.Include(a => a.Actions).Include(a => a.Answers).AsSplitQuery().SingleAsync(a => a.Id == auditId));
        Assert.Equal(s.TeamId, audit.TeamId);
        Assert.Equal(s.SocialWorker.WorkerId, audit.WorkerId);
        Assert.Equal(s.SocialWorker.WorkerId, Assert.Single(audit.Actions).OwnerWorkerId);
        Assert.Equal(13, audit.Answers.Count); // the default tool's questions
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(l => l.ChildId == s.ChildId && l.WorkerId == s.Manager.WorkerId && l.Action == AccessAction.View && l.Resource.Contains("/quality/audits"))));

        // The worker's My work shows the action until it is done, linking to the audit, where the worker
        // (who may not open the other quality pages) marks it done.
        var sw = app.NewClient();
        await sw.SignInAsync(s.SocialWorker.UserName);
        var myWork = await sw.GetPageAsync("/");
        Assert.Contains("Rewrite the plan", myWork.QuerySelector("main")!.TextContent);
        Assert.NotNull(myWork.QuerySelector($"a[href='/quality/audits/{auditId}']"));
        var done = await sw.SubmitAsync($"/quality/audits/{auditId}", new Dictionary<string, string>(), handler: "Done");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("Rewrite the plan", await (await sw.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Moderation_BySecondAuditor_CountsAgreement_AndTheAuditorCannotModerateTheirOwn()
    {
        var s = await SetupAsync();
        var manager = app.NewClient();
        await manager.SignInAsync(s.Manager.UserName);
        var agreed = await AuditAsync(manager, s.ChildId, "Good");
        var child2 = await app.Data.CreateChildAsync(c => c.AllocatedTo = s.SocialWorker);
        var disagreed = await AuditAsync(manager, child2, "Outstanding");

        var ownPage = await manager.GetPageAsync($"/quality/audits/{agreed}");
        Assert.Null(ownPage.QuerySelector("form[action*='handler=Moderate']"));

        var leader = app.NewClient();
        await leader.SignInAsync(s.Leader.UserName);
        var bad = await leader.SubmitAsync($"/quality/audits/{agreed}", new Dictionary<string, string>(), handler: "Moderate");
        Assert.Contains("Select your overall grade for the case", (await Pages.ParseAsync(bad)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync($"/quality/audits/{agreed}", new Dictionary<string, string> { ["ModeratorGrade"] = "Good" }, handler: "Moderate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitAsync($"/quality/audits/{disagreed}", new Dictionary<string, string> { ["ModeratorGrade"] = "Good" }, handler: "Moderate")).StatusCode);

        // 1 of 2 moderated audits agreed = 50%, for this team on the overview.
        var overview = await leader.GetPageAsync("/quality");
        Assert.Contains("50%", overview.QuerySelector($"#team-{s.TeamId}")!.TextContent);
        var themes = await leader.GetPageAsync("/quality/themes");
        Assert.Contains("Timeliness", themes.QuerySelector($"#team-{s.TeamId}")!.TextContent);
    }

    [Fact]
    public async Task Audit_OfAChildOutsideTheAuditorsReach_IsRefusedAndLogged_AndSocialWorkersCannotOpenQuality()
    {
        var s = await SetupAsync();
        var (otherService, otherTeam) = await app.Data.CreateTeamAsync();
        var outsider = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, otherTeam);
        var manager = app.NewClient();
        await manager.SignInAsync(s.Manager.UserName);
        var auditId = await AuditAsync(manager, s.ChildId);

        var client = app.NewClient();
        await client.SignInAsync(outsider.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/quality/audits/new?child={s.ChildId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/quality/audits/{auditId}")).StatusCode);
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(l => l.ChildId == s.ChildId && l.WorkerId == outsider.WorkerId && l.Action == AccessAction.Denied)));
        // The outsider's overview counts the audit but its list does not name the child.
        Assert.DoesNotContain($"/quality/audits/{auditId}", await (await client.GetAsync("/quality/audits")).Content.ReadAsStringAsync());

        var sw = app.NewClient();
        await sw.SignInAsync(s.SocialWorker.UserName);
        var refused = await sw.GetAsync("/quality");
        Assert.Contains("/error/403", refused.Headers.Location!.OriginalString);
        Assert.DoesNotContain("href=\"/quality\"", await (await sw.GetAsync("/")).Content.ReadAsStringAsync());
        _ = otherService;
    }

    [Fact]
    public async Task MarkActionDone_WithAStaleForm_ShowsAConflict()
    {
        var s = await SetupAsync();
        var client = app.NewClient();
        await client.SignInAsync(s.Manager.UserName);
        var auditId = await AuditAsync(client, s.ChildId);
        var doc = await client.GetPageAsync($"/quality/audits/{auditId}");
        var form = doc.QuerySelectorAll<IHtmlFormElement>("form").First(f => (f.Action ?? "").Contains("handler=Done"));
        // Someone else changes the action (its version moves on) after the page was read.
        await app.Data.WithDbAsync(async db =>
        {
            var a = await db.AuditActions.SingleAsync(x => x.AuditId == auditId);
            a.Text += " (agreed with the family)";
            return await db.SaveChangesAsync();
        });
        var response = await client.PostFormAsync(form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Pages.ErrorMessages(await Pages.ParseAsync(response)), e => e.StartsWith("Someone else changed this action"));
        Assert.Null(await app.Data.WithDbAsync(db => db.AuditActions.Where(x => x.AuditId == auditId).Select(x => x.CompletedOn).SingleAsync()));
    }

    [Fact]
    public async Task Correction_ReplacesTheAuditInTheFigures_AndKeepsTheOld_RemovalNeedsAReason()
    {
        var s = await SetupAsync();
        var client = app.NewClient();
        await client.SignInAsync(s.Manager.UserName);
        var first = await AuditAsync(client, s.ChildId, "Inadequate");
        var doc = await client.GetPageAsync($"/quality/audits/new?child={s.ChildId}&corrects={first}");
        var form = doc.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Single();
        var response = await client.PostFormAsync(form, new Dictionary<string, string> { ["Overall"] = "Good" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var old = await app.Data.WithDbAsync(db => db.CaseAudits.SingleAsync(a => a.Id == first));
        Assert.NotNull(old.SupersededByAuditId);
        Assert.Equal(AuditGrade.Inadequate, old.OverallGrade);
        var figures = await app.Data.WithDbAsync(db => new QualityFigures(db).ByTeamAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)));
        Assert.Equal(new GradeSpread(0, 1, 0, 0), figures.Single(t => t.TeamId == s.TeamId).Overall);

        var second = old.SupersededByAuditId!.Value;
        var noReason = await client.SubmitAsync($"/quality/audits/{second}", new Dictionary<string, string>(), handler: "Remove");
        Assert.Contains("Enter why the audit is being removed", (await Pages.ParseAsync(noReason)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/quality/audits/{second}", new Dictionary<string, string> { ["Reason"] = "Wrong child" }, handler: "Remove")).StatusCode);
        Assert.Equal("Wrong child", await app.Data.WithDbAsync(db => db.CaseAudits.IgnoreQueryFilters().Where(a => a.Id == second).Select(a => a.DeletionReason).SingleAsync()));
    }

    [Fact]
    public async Task RecordFeedback_BadInputThenGood_IsReportedByTeam()
    {
        var s = await SetupAsync();
        var sw = app.NewClient();
        await sw.SignInAsync(s.SocialWorker.UserName);
        var bad = await sw.SubmitAsync($"/children/{s.ChildId}/feedback/add", new Dictionary<string, string> { ["Rating"] = "9", ["From"] = "Martian" });
        var errors = (await Pages.ParseAsync(bad)).ErrorMessages().ToList();
        Assert.Contains("Select who gave the feedback", errors);
        Assert.Contains("Select how helpful they found the service", errors);
        Assert.Contains("Enter the date the feedback was given", errors);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ok = await sw.SubmitAsync($"/children/{s.ChildId}/feedback/add", new Dictionary<string, string>
        {
            ["From"] = "Carer", ["Rating"] = "4", ["Comment"] = "Always rings back", ["ReceivedOn.Day"] = today.Day.ToString(), ["ReceivedOn.Month"] = today.Month.ToString(), ["ReceivedOn.Year"] = today.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var leader = app.NewClient();
        await leader.SignInAsync(s.Leader.UserName);
        var row = (await leader.GetPageAsync("/quality/feedback")).QuerySelector($"#feedback-team-{s.TeamId}")!.TextContent;
        Assert.Contains("4.0", row);
    }

    [Fact]
    public async Task Workforce_ChildWithThreeSocialWorkers_ShowsOnSummaryAndList_AndStabilityByTeam()
    {
        var s = await SetupAsync();
        var w2 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, s.TeamId);
        var w3 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, s.TeamId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var childId = await app.Data.CreateChildAsync();
        await app.Data.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Allocations.Add(new Allocation { ChildId = childId, Kind = AllocationKind.SocialWorker, WorkerId = s.SocialWorker.WorkerId, TeamId = s.TeamId, StartDate = today.AddMonths(-11), EndDate = today.AddMonths(-8), RecordedAt = now });
            db.Allocations.Add(new Allocation { ChildId = childId, Kind = AllocationKind.SocialWorker, WorkerId = w2.WorkerId, TeamId = s.TeamId, StartDate = today.AddMonths(-8).AddDays(1), EndDate = today.AddMonths(-3), RecordedAt = now });
            db.Allocations.Add(new Allocation { ChildId = childId, Kind = AllocationKind.SocialWorker, WorkerId = w3.WorkerId, TeamId = s.TeamId, StartDate = today.AddMonths(-3).AddDays(1), RecordedAt = now });
            db.Employments.Add(new Employment { WorkerId = s.SocialWorker.WorkerId, TeamId = s.TeamId, ContractType = ContractType.Permanent, StartDate = today.AddYears(-3), RecordedAt = now });
            db.Employments.Add(new Employment { WorkerId = w2.WorkerId, TeamId = s.TeamId, ContractType = ContractType.Agency, StartDate = today.AddYears(-1), RecordedAt = now });
            db.TeamEstablishments.Add(new TeamEstablishment { TeamId = s.TeamId, Posts = 4, EffectiveFrom = today.AddYears(-5), RecordedAt = now });
            return await db.SaveChangesAsync();
        });
        var manager = app.NewClient();
        await manager.SignInAsync(s.Manager.UserName);
        Assert.Contains("3", (await manager.GetPageAsync($"/children/{childId}")).QuerySelector("#social-workers-in-year")!.TextContent);
        Assert.Contains($"/children/{childId}", (await manager.GetPageAsync("/workforce/children")).QuerySelector("#children")!.InnerHtml);
        var stability = (await manager.GetPageAsync("/workforce")).QuerySelector($"#team-{s.TeamId}")!.TextContent;
        Assert.Contains("50%", stability); // 1 permanent + 1 agency; 3 of 4 posts vacant = 75%
        Assert.Contains("75%", stability);
        Assert.Contains(s.SocialWorker.UserName.Length > 0 ? "Permanent" : "", await (await manager.GetAsync("/workforce/caseloads")).Content.ReadAsStringAsync());
    }
}

public sealed class QualityTestsOnSqlite(SqliteApp app) : QualityTests(app), IClassFixture<SqliteApp>;
public sealed class QualityTestsOnPostgres(PostgresApp app) : QualityTests(app), IClassFixture<PostgresApp>;
