using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using System.Net.Http.Headers;
using Haven.Core.Education;
using Haven.Core.Health;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Health, education, life story and the virtual school for children in care, through HTTP as
/// their users meet them. Each test runs on SQLite and on PostgreSQL.
public abstract class ChildrenInCareTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> DateFields(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    private async Task<(TestWorker Worker, HttpClient Client, int ChildId)> ChildInCareAsync(DateOnly? cameIntoCare = null, DateOnly? dob = null)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c =>
        {
            c.AllocatedTo = worker;
            c.DateOfBirth = dob ?? Today.AddYears(-13);
            c.Involvements.Add((InvolvementKind.InCare, cameIntoCare ?? Today.AddDays(-10)));
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (worker, client, childId);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    [Fact]
    public async Task Post_HealthAssessment_Saves_AndInitialAssessmentNoLongerDue()
    {
        var (_, client, childId) = await ChildInCareAsync(cameIntoCare: Today.AddDays(-10));
        var before = await client.GetPageAsync($"/children/{childId}/health");
        Assert.Contains("Initial health assessment", before.QuerySelector("#health-due")!.TextContent);

        var values = new Dictionary<string, string> { ["Kind"] = "InitialHealthAssessment", ["By"] = "Dr Okafor" };
        foreach (var kv in DateFields("Date", Today.AddDays(-2))) values[kv.Key] = kv.Value;
        var response = await client.SubmitAsync($"/children/{childId}/health/add", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync($"/children/{childId}/health");
        Assert.Contains("Dr Okafor", after.QuerySelector("#health-history")!.TextContent);
        var due = after.QuerySelector("#health-due")!.TextContent;
        Assert.DoesNotContain("Initial health assessment", due);
        // Aged 13 at the assessment: the next is due in 12 months.
        Assert.Contains($"Review health assessment: due {Today.AddDays(-2).AddMonths(12):d MMMM yyyy}", due);
    }

    [Fact]
    public async Task Post_SdqWithScoreOutOfRange_ShowsErrorAndSavesNothing()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var values = new Dictionary<string, string> { ["Kind"] = "StrengthsAndDifficulties", ["SdqScore"] = "41" };
        foreach (var kv in DateFields("Date", Today)) values[kv.Key] = kv.Value;

        var response = await client.SubmitAsync($"/children/{childId}/health/add", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Pages.ParseAsync(response);
        Assert.Contains("Total score must be a whole number from 0 to 40", doc.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HealthRecords.CountAsync(r => r.ChildId == childId)));
    }

    [Fact]
    public async Task Post_SameHealthFormTwice_SavesOnce()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var doc = await client.GetPageAsync($"/children/{childId}/health/add");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)doc.QuerySelector("main form[method=post]")!;
        var values = new Dictionary<string, string> { ["Kind"] = "DentalCheck" };
        foreach (var kv in DateFields("Date", Today)) values[kv.Key] = kv.Value;

        await client.PostFormAsync(form, values);
        await client.PostFormAsync(form, values);

        Assert.Equal(1, await app.Data.WithDbAsync(db => db.HealthRecords.CountAsync(r => r.ChildId == childId)));
    }

    [Fact]
    public async Task HealthSummary_ShowsPlainHistory_AndRecordsWhenGiven()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var values = new Dictionary<string, string> { ["Kind"] = "Condition", ["Title"] = "Asthma", ["Notes"] = "Uses a blue inhaler when needed." };
        foreach (var kv in DateFields("Date", Today.AddYears(-2))) values[kv.Key] = kv.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/children/{childId}/health/add", values)).StatusCode);

        var summary = await client.GetPageAsync($"/children/{childId}/health/summary");
        Assert.Equal("Your health history", summary.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Asthma", summary.QuerySelector("#health-conditions")!.ParentElement!.TextContent);
        Assert.Contains("Not yet recorded as given", summary.QuerySelector("#summary-given")!.TextContent);

        var response = await client.SubmitAsync($"/children/{childId}/health/summary", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await client.GetPageAsync($"/children/{childId}/health/summary");
        Assert.Contains($"Given on {Today:d MMMM yyyy}", again.QuerySelector("#summary-given")!.TextContent);
    }

    [Fact]
    public async Task Post_PepAndAttendance_ShowOnEducation_AndPepDueMovesToTermly()
    {
        var (_, client, childId) = await ChildInCareAsync(cameIntoCare: Today.AddDays(-30));
        var pep = new Dictionary<string, string> { ["Kind"] = "PersonalEducationPlan", ["SchoolName"] = "Hillside Academy", ["Link"] = "https://epep.example.org/plans/1" };
        foreach (var kv in DateFields("Date", Today.AddDays(-1))) pep[kv.Key] = kv.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/children/{childId}/education/add", pep)).StatusCode);
        var attendance = new Dictionary<string, string> { ["Kind"] = "TermAttendance", ["Term"] = "Autumn", ["AttendancePercent"] = "86.5" };
        foreach (var kv in DateFields("Date", Today)) attendance[kv.Key] = kv.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/children/{childId}/education/add", attendance)).StatusCode);

        var doc = await client.GetPageAsync($"/children/{childId}/education");
        Assert.Contains("86.5%", doc.QuerySelector("#attendance")!.TextContent);
        Assert.Contains("Persistent absence", doc.QuerySelector("#attendance")!.TextContent);
        Assert.Contains($"Personal education plan review: due {Today.AddDays(-1).AddMonths(4):d MMMM yyyy}", doc.QuerySelector("#education-due")!.TextContent);
    }

    [Fact]
    public async Task Post_AttendanceOver100_ShowsErrorAndSavesNothing()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var values = new Dictionary<string, string> { ["Kind"] = "TermAttendance", ["Term"] = "Autumn", ["AttendancePercent"] = "101" };
        foreach (var kv in DateFields("Date", Today)) values[kv.Key] = kv.Value;

        var doc = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/education/add", values));

        Assert.Contains("Attendance must be from 0 to 100", doc.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.EducationRecords.CountAsync(r => r.ChildId == childId)));
    }

    [Fact]
    public async Task MyWork_ChildInCare_ShowsHealthAndPepItems()
    {
        var (_, client, _) = await ChildInCareAsync(cameIntoCare: Today.AddMonths(-2));
        var doc = await client.GetPageAsync("/");
        var text = doc.Body!.TextContent;
        Assert.Contains("Initial health assessment", text);
        Assert.Contains("First personal education plan", text);
    }

    [Fact]
    public async Task VirtualSchoolOfficer_SeesEducationOfEveryChildInCare_ButNotTheRestOfTheRecord()
    {
        var (_, client, childId) = await ChildInCareAsync(dob: Today.AddYears(-14));
        var attendance = new Dictionary<string, string> { ["Kind"] = "TermAttendance", ["Term"] = "Autumn", ["AttendancePercent"] = "80" };
        foreach (var kv in DateFields("Date", Today)) attendance[kv.Key] = kv.Value;
        await client.SubmitAsync($"/children/{childId}/education/add", attendance);
        var notInCare = await app.Data.CreateChildAsync(c => c.DateOfBirth = Today.AddYears(-14));
        var restricted = await app.Data.CreateChildAsync(c => { c.Restricted = true; c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-1))); });
        var vsh = await app.Data.CreateWorkerAsync(HavenRole.VirtualSchoolOfficer, (await app.Data.CreateTeamAsync()).TeamId);
        var vs = app.NewClient();
        await vs.SignInAsync(vsh.UserName);

        var view = await vs.GetPageAsync("/virtual-school");
        var link = view.QuerySelector("#phase-secondary a[href*='measure=PersistentAbsence']")!;
        var list = await vs.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains(list.QuerySelectorAll("#pupils a"), a => a.GetAttribute("href") == $"/children/{childId}/education");

        Assert.Equal(HttpStatusCode.OK, (await vs.GetAsync($"/children/{childId}/education")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vs.GetAsync($"/children/{childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vs.GetAsync($"/children/{childId}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vs.GetAsync($"/children/{childId}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vs.GetAsync($"/children/{notInCare}/education")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vs.GetAsync($"/children/{restricted}/education")).StatusCode);
    }

    [Fact]
    public async Task Api_AddHealthRecord_BadInput_Returns400WithFieldErrorsAndSavesNothing()
    {
        var (worker, _, childId) = await ChildInCareAsync();
        var api = await ApiClientAsync(worker);

        var response = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health",
            new { kind = "StrengthsAndDifficulties", date = Today, sdqScore = 12, sdqReasonCode = "SDQ2" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey("sdqReasonCode"));
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HealthRecords.CountAsync(r => r.ChildId == childId)));
    }

    [Fact]
    public async Task Api_AddAndReadHealthAndEducation_RoundTrips()
    {
        var (worker, _, childId) = await ChildInCareAsync();
        var api = await ApiClientAsync(worker);

        var health = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "StrengthsAndDifficulties", date = Today, sdqScore = 18, by = "Foster carer" });
        var education = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education", new { kind = "TermAttendance", date = Today, term = "Autumn", attendancePercent = 95.5 });
        var bad = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education", new { kind = "TermAttendance", date = Today, term = "Winter", attendancePercent = 95.5 });

        Assert.Equal(HttpStatusCode.Created, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, education.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var records = await api.GetFromJsonAsync<List<Haven.Web.Api.HealthRecordDto>>($"/api/v1/children/{childId}/health");
        Assert.Equal("CauseForConcern", Assert.Single(records!).SdqBand);
        var edu = await api.GetFromJsonAsync<List<Haven.Web.Api.EducationRecordDto>>($"/api/v1/children/{childId}/education");
        Assert.False(Assert.Single(edu!).PersistentlyAbsent);
    }

    [Fact]
    public async Task Post_HealthCheckMisuseAndConviction_OC2RulesCheckedAtEntry_AndSavedWhenRight()
    {
        // A 13-year-old: health surveillance checks are for under-5s (903 rule 545); no intervention
        // received needs whether one was offered and refused (159).
        var (_, client, childId) = await ChildInCareAsync();
        Dictionary<string, string> Form(params (string, string)[] fields)
        {
            var values = fields.ToDictionary(f => f.Item1, f => f.Item2);
            foreach (var kv in DateFields("Date", Today.AddDays(-3))) values[kv.Key] = kv.Value;
            return values;
        }

        var check = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/health/add", Form(("Kind", "HealthSurveillanceCheck"), ("UpToDate", "yes"))));
        var misuse = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/health/add", Form(("Kind", "SubstanceMisuse"), ("InterventionReceived", "no"))));
        var caution = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/health/add", Form(("Kind", "ConvictionOrCaution"))));

        Assert.Contains("Health surveillance checks are recorded for a child under 5 on the date", check.ErrorMessages());
        Assert.Contains("Select whether an intervention was offered and refused", misuse.ErrorMessages());
        Assert.Contains("Select whether it was a conviction, a youth caution or a youth conditional caution", caution.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.HealthRecords.CountAsync(r => r.ChildId == childId)));

        var savedMisuse = await client.SubmitAsync($"/children/{childId}/health/add", Form(("Kind", "SubstanceMisuse"), ("InterventionReceived", "no"), ("InterventionOfferedRefused", "yes")));
        var savedCaution = await client.SubmitAsync($"/children/{childId}/health/add", Form(("Kind", "ConvictionOrCaution"), ("OffenceOutcome", "YouthCaution")));

        Assert.Equal(HttpStatusCode.Redirect, savedMisuse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, savedCaution.StatusCode);
        var history = (await client.GetPageAsync($"/children/{childId}/health")).QuerySelector("#health-history")!.TextContent;
        Assert.Contains("Intervention offered and refused", history);
        Assert.Contains("Youth caution", history);
    }

    [Fact]
    public async Task Api_AddOffendingAndSubstanceMisuse_BadInputIs400WithFieldErrors_AndGoodInputRoundTrips()
    {
        var (worker, _, childId) = await ChildInCareAsync();
        var api = await ApiClientAsync(worker);

        var unknown = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "ConvictionOrCaution", date = Today, offenceOutcome = "Arrest" });
        var both = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "SubstanceMisuse", date = Today, interventionReceived = true, interventionOfferedRefused = false });
        var conviction = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "ConvictionOrCaution", date = Today, offenceOutcome = "Conviction" });
        var misuse = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "SubstanceMisuse", date = Today, interventionReceived = true });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ContainsKey("offenceOutcome"));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.True((await both.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ContainsKey("interventionOfferedRefused"));
        Assert.Equal(HttpStatusCode.Created, conviction.StatusCode);
        Assert.Equal(HttpStatusCode.Created, misuse.StatusCode);
        var records = await api.GetFromJsonAsync<List<Haven.Web.Api.HealthRecordDto>>($"/api/v1/children/{childId}/health");
        Assert.Equal(2, records!.Count);
        Assert.Contains(records, r => r.OffenceOutcome == "Conviction");
        Assert.Contains(records, r => r.Kind == "SubstanceMisuse" && r.InterventionReceived == true && r.InterventionOfferedRefused is null);
    }

    [Fact]
    public async Task Chronology_IncludesHealthEducationAndLifeStory()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var entry = new Dictionary<string, string> { ["Kind"] = "HistoryLog", ["Title"] = "Moved to live with her aunt", ["Text"] = "She chose the blue bedroom." };
        foreach (var kv in DateFields("Date", Today.AddYears(-3))) entry[kv.Key] = kv.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/children/{childId}/life-story", entry)).StatusCode);
        var dental = new Dictionary<string, string> { ["Kind"] = "DentalCheck" };
        foreach (var kv in DateFields("Date", Today)) dental[kv.Key] = kv.Value;
        await client.SubmitAsync($"/children/{childId}/health/add", dental);

        var story = await client.GetPageAsync($"/children/{childId}/life-story");
        Assert.Contains("She chose the blue bedroom.", story.Body!.TextContent);
        var chronology = await client.GetPageAsync($"/children/{childId}/chronology");
        Assert.Contains("History log entry: Moved to live with her aunt", chronology.Body!.TextContent);
        Assert.Contains("Dental check", chronology.Body!.TextContent);
    }

    private async Task<int> AttendanceAsync(HttpClient client, int childId, string percent)
    {
        var values = new Dictionary<string, string> { ["Kind"] = "TermAttendance", ["Term"] = "Autumn", ["AttendancePercent"] = percent };
        foreach (var kv in DateFields("Date", Today)) values[kv.Key] = kv.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/children/{childId}/education/add", values)).StatusCode);
        return await app.Data.WithDbAsync(db => db.EducationRecords.Where(r => r.ChildId == childId).MaxAsync(r => r.Id));
    }

    [Fact]
    public async Task Post_CorrectEducationRecordTwice_AddsOneCorrection_AndKeepsTheEarlierVersionWithTheReason()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var id = await AttendanceAsync(client, childId, "68.5");
        var page = await client.GetPageAsync($"/children/{childId}/education/{id}/correct");
        Assert.Equal("68.5", page.QuerySelector<IHtmlInputElement>("input[name=AttendancePercent]")!.Value);
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var values = new Dictionary<string, string> { ["AttendancePercent"] = "96.5", ["Reason"] = "Typed the wrong figure from the school's return" };

        var first = await client.PostFormAsync(form, values);
        var second = await client.PostFormAsync(form, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var doc = await client.GetPageAsync($"/children/{childId}/education");
        Assert.Contains("96.5%", doc.QuerySelector("#attendance")!.TextContent);
        Assert.DoesNotContain("68.5%", doc.QuerySelector("#attendance")!.TextContent);
        Assert.Contains("Corrected: Typed the wrong figure from the school's return", doc.QuerySelector("#education-replaced")!.TextContent);
        var rows = await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().Where(r => r.ChildId == childId).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(68.5m, rows[0].AttendancePercent);
        Assert.NotNull(rows[0].DeletedAt);
        Assert.Null(rows[1].DeletedAt);
        Assert.Equal(96.5m, rows[1].AttendancePercent);
    }

    [Fact]
    public async Task Post_CorrectEducationRecordChangedByAnother_ShowsConflictWithBothVersions_AndSavesNothing()
    {
        var (worker, client, childId) = await ChildInCareAsync();
        var id = await AttendanceAsync(client, childId, "70");
        var mine = (await client.GetPageAsync($"/children/{childId}/education/{id}/correct")).QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var other = app.NewClient();
        await other.SignInAsync(worker.UserName);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/children/{childId}/education/{id}/correct",
            new Dictionary<string, string> { ["AttendancePercent"] = "75", ["Reason"] = "Wrong term" })).StatusCode);

        var response = await client.PostFormAsync(mine, new Dictionary<string, string> { ["AttendancePercent"] = "80", ["Reason"] = "Wrong figure" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Pages.ParseAsync(response);
        Assert.Contains(EducationRecordService.ConflictMessage, doc.ErrorMessages());
        Assert.Contains("Corrected: Wrong term", doc.QuerySelector("#their-version")!.TextContent);
        Assert.Equal("80", doc.QuerySelector<IHtmlInputElement>("input[name=AttendancePercent]")!.Value);
        var live = await app.Data.WithDbAsync(db => db.EducationRecords.Where(r => r.ChildId == childId).Select(r => r.AttendancePercent).ToListAsync());
        Assert.Equal(75m, Assert.Single(live));
    }

    [Fact]
    public async Task Post_CorrectOrRemoveEducationRecordWithoutReason_ShowsErrorAndChangesNothing()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var id = await AttendanceAsync(client, childId, "91");

        var correct = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/education/{id}/correct", new Dictionary<string, string> { ["AttendancePercent"] = "101" }));
        var remove = await Pages.ParseAsync(await client.SubmitAsync($"/children/{childId}/education/{id}/remove", new Dictionary<string, string>()));

        Assert.Contains("Enter why you are correcting this record", correct.ErrorMessages());
        Assert.Contains("Attendance must be from 0 to 100", correct.ErrorMessages());
        Assert.Contains("Enter why you are removing this record", remove.ErrorMessages());
        var rows = await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().Where(r => r.ChildId == childId).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Null(row.DeletedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/children/{childId}/education/{id + 1000}/correct")).StatusCode);
    }

    [Fact]
    public async Task Post_RemoveEducationRecord_SoftDeletesWithReason_AndOutsiderIsForbidden()
    {
        var (_, client, childId) = await ChildInCareAsync();
        var id = await AttendanceAsync(client, childId, "55");
        var outsider = app.NewClient();
        await outsider.SignInAsync((await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId)).UserName);

        var response = await client.SubmitAsync($"/children/{childId}/education/{id}/remove", new Dictionary<string, string> { ["Reason"] = "Recorded on the wrong child" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await client.GetPageAsync($"/children/{childId}/education");
        Assert.Null(doc.QuerySelector("#attendance"));
        Assert.Contains("Recorded on the wrong child", doc.QuerySelector("#education-replaced")!.TextContent);
        var row = await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == id));
        Assert.NotNull(row.DeletedAt);
        Assert.Equal("Recorded on the wrong child", row.DeletionReason);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/children/{childId}/education/{id}/correct")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/children/{childId}/education/{id}/remove")).StatusCode);
    }

    private async Task<(HttpClient Api, int ChildId, Haven.Web.Api.EducationRecordDto Record)> ApiAttendanceAsync(decimal percent)
    {
        var (worker, _, childId) = await ChildInCareAsync();
        var api = await ApiClientAsync(worker);
        var created = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education", new { kind = "TermAttendance", date = Today, term = "Autumn", attendancePercent = percent });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = (await created.Content.ReadFromJsonAsync<Haven.Web.Api.EducationRecordDto>())!;
        Assert.NotEqual(Guid.Empty, record.Version);
        return (api, childId, record);
    }

    [Fact]
    public async Task Api_CorrectEducationRecord_AddsTheCorrectionKeepsTheEarlier_AndAStaleSecondIs409WithBothVersions()
    {
        var (api, childId, record) = await ApiAttendanceAsync(68.5m);
        var correction = new { date = Today, term = "Autumn", attendancePercent = 96.5, version = record.Version, reason = "Typed the wrong figure", submissionId = Guid.NewGuid() };

        var first = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{record.Id}/corrections", correction);
        var again = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{record.Id}/corrections", correction);
        var stale = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{record.Id}/corrections",
            correction with { attendancePercent = 80.0, submissionId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var saved = (await first.Content.ReadFromJsonAsync<Haven.Web.Api.EducationRecordDto>())!;
        Assert.Equal("TermAttendance", saved.Kind);
        Assert.Equal(96.5m, saved.AttendancePercent);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(saved.Id, (await again.Content.ReadFromJsonAsync<Haven.Web.Api.EducationRecordDto>())!.Id);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("Corrected: Typed the wrong figure", problem.RootElement.GetProperty("current").GetProperty("removalReason").GetString());
        Assert.Equal(80.0m, problem.RootElement.GetProperty("yours").GetProperty("attendancePercent").GetDecimal());
        var live = await api.GetFromJsonAsync<List<Haven.Web.Api.EducationRecordDto>>($"/api/v1/children/{childId}/education");
        Assert.Equal(96.5m, Assert.Single(live!).AttendancePercent);
        var earlier = await api.GetFromJsonAsync<Haven.Web.Api.EducationRecordDto>($"/api/v1/children/{childId}/education/{record.Id}");
        Assert.Equal(68.5m, earlier!.AttendancePercent);
        Assert.NotNull(earlier.RemovedAt);
        Assert.Equal(2, await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().CountAsync(r => r.ChildId == childId)));
    }

    [Fact]
    public async Task Api_CorrectOrRemoveEducationRecord_BadInputIs400WithFieldErrors_MissingVersionIs428_AndSavesNothing()
    {
        var (api, childId, record) = await ApiAttendanceAsync(91m);
        var (_, _, othersRecord) = await ApiAttendanceAsync(50m);
        var url = $"/api/v1/children/{childId}/education/{record.Id}";

        var badCorrection = await api.PostAsJsonAsync($"{url}/corrections", new { date = Today.AddDays(3), term = "Winter", attendancePercent = 101, version = record.Version });
        var outOfRange = await api.PostAsJsonAsync($"{url}/corrections", new { date = Today, term = "Autumn", attendancePercent = 101, version = record.Version, reason = "Wrong" });
        var noVersion = await api.PostAsJsonAsync($"{url}/removal", new { reason = new string('x', 901) });
        var longReason = await api.PostAsJsonAsync($"{url}/removal", new { version = record.Version, reason = new string('x', 901) });
        var correctionNoVersion = await api.PostAsJsonAsync($"{url}/corrections", new { date = Today, term = "Autumn", attendancePercent = 90, reason = "Wrong term" });
        var notThisChilds = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{othersRecord.Id}/removal", new { version = othersRecord.Version, reason = "Wrong child" });

        Assert.Equal(HttpStatusCode.BadRequest, badCorrection.StatusCode);
        var errors = (await badCorrection.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;
        Assert.True(errors.ContainsKey("term"));
        Assert.True(errors.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("Attendance must be from 0 to 100", (await outOfRange.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors["attendancePercent"].Single());
        // A missing version is 428 with code 1005 (the API's convention), before the other checks.
        foreach (var response in new[] { noVersion, correctionNoVersion })
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
            using var needs = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(1005, needs.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("version", needs.RootElement.GetProperty("field").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, longReason.StatusCode);
        Assert.True((await longReason.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.NotFound, notThisChilds.StatusCode);
        var rows = await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().Where(r => r.ChildId == childId).ToListAsync());
        Assert.Null(Assert.Single(rows).DeletedAt);
    }

    [Fact]
    public async Task Api_RemoveEducationRecord_SoftRemovesWithReason_AndAStaleRemovalIs409()
    {
        var (api, childId, record) = await ApiAttendanceAsync(55m);

        var removed = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{record.Id}/removal", new { version = record.Version, reason = "Recorded on the wrong child" });
        var stale = await api.PostAsJsonAsync($"/api/v1/children/{childId}/education/{record.Id}/removal", new { version = record.Version, reason = "Duplicate" });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("Recorded on the wrong child", (await removed.Content.ReadFromJsonAsync<Haven.Web.Api.EducationRecordDto>())!.RemovalReason);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("Recorded on the wrong child", problem.RootElement.GetProperty("current").GetProperty("removalReason").GetString());
        Assert.Equal("Duplicate", problem.RootElement.GetProperty("yours").GetProperty("reason").GetString());
        Assert.Empty((await api.GetFromJsonAsync<List<Haven.Web.Api.EducationRecordDto>>($"/api/v1/children/{childId}/education"))!);
        var row = await app.Data.WithDbAsync(db => db.EducationRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == record.Id));
        Assert.Equal("Recorded on the wrong child", row.DeletionReason);
    }

    [Fact]
    public async Task Api_CorrectHealthRecord_KeepsTheEarlierWithTheReason_BadInputIs400_MissingVersionIs428_AndStaleIs409()
    {
        var (worker, _, childId) = await ChildInCareAsync();
        var api = await ApiClientAsync(worker);
        var created = await api.PostAsJsonAsync($"/api/v1/children/{childId}/health", new { kind = "StrengthsAndDifficulties", date = Today, sdqScore = 12 });
        var record = (await created.Content.ReadFromJsonAsync<Haven.Web.Api.HealthRecordDto>())!;
        var url = $"/api/v1/children/{childId}/health/{record.Id}/corrections";

        var bad = await api.PostAsJsonAsync(url, new { date = Today, sdqScore = 41, version = record.Version });
        var noVersion = await api.PostAsJsonAsync(url, new { date = Today, sdqScore = 20, reason = "Score added up wrongly" });
        var corrected = await api.PostAsJsonAsync(url, new { date = Today, sdqScore = 21, version = record.Version, reason = "Score added up wrongly" });
        var stale = await api.PostAsJsonAsync(url, new { date = Today, sdqScore = 22, version = record.Version, reason = "Again" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors;
        Assert.True(errors.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal("CauseForConcern", (await corrected.Content.ReadFromJsonAsync<Haven.Web.Api.HealthRecordDto>())!.SdqBand);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("Corrected: Score added up wrongly", problem.RootElement.GetProperty("current").GetProperty("removalReason").GetString());
        Assert.Equal(22, problem.RootElement.GetProperty("yours").GetProperty("sdqScore").GetInt32());
        var live = await api.GetFromJsonAsync<List<Haven.Web.Api.HealthRecordDto>>($"/api/v1/children/{childId}/health");
        Assert.Equal(21, Assert.Single(live!).SdqScore);
        Assert.Equal(12, (await api.GetFromJsonAsync<Haven.Web.Api.HealthRecordDto>($"/api/v1/children/{childId}/health/{record.Id}"))!.SdqScore);
    }
}

public sealed class ChildrenInCareTestsOnSqlite(SqliteApp app) : ChildrenInCareTests(app), IClassFixture<SqliteApp>;
public sealed class ChildrenInCareTestsOnPostgres(PostgresApp app) : ChildrenInCareTests(app), IClassFixture<PostgresApp>;
