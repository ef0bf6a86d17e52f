using System.Net.Http.Headers;
using Haven.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The JSON API with tokens issued by the CLI, and the CLI's own commands. Runs on both databases.
public abstract class ApiAndCliTests(HavenApp app)
{
    private async Task<(TestWorker Worker, HttpClient Client)> ApiClientAsync(HavenRole role = HavenRole.SocialWorker, int? teamId = null)
    {
        teamId ??= (await app.Data.CreateTeamAsync()).TeamId;
        var worker = await app.Data.CreateWorkerAsync(role, teamId);
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var token = output.TrimEnd().Split('\n').Last().Trim();
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (worker, client);
    }

    [Fact]
    public async Task Get_Child_WithTokenFromCli_ReturnsTheRecord()
    {
        var (worker, client) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Zara"; c.AllocatedTo = worker; });

        var child = await client.GetFromJsonAsync<Haven.Web.Api.ChildDto>($"/api/v1/children/{id}");

        Assert.Equal("Zara", child!.FirstName);
        Assert.Equal($"H{id}", child.HavenId);
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.ChildId == id && e.Action == AccessAction.View && e.Resource.Contains("/api/v1/"))));
    }

    [Fact]
    public async Task Get_EveryChildApiRoute_WithoutAccess_Returns403WithNoData()
    {
        var (owner, _) = await ApiClientAsync();
        var (_, outsider) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => { c.FirstName = "Secretive"; c.AllocatedTo = owner; c.WithNote("Hidden note"); });

        foreach (var route in new[] { "", "/notes", "/chronology" })
        {
            var response = await outsider.GetAsync($"/api/v1/children/{id}{route}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Secretive", body);
            Assert.DoesNotContain("Hidden note", body);
        }
        var post = await outsider.PostAsJsonAsync($"/api/v1/children/{id}/notes", new { type = "CaseNote", eventAt = DateTime.UtcNow.AddHours(-1), subject = "x", body = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/api/v1/children/987654321")).StatusCode);
    }

    [Fact]
    public async Task Get_Search_Api_HidesRestrictedRecords()
    {
        var (worker, client) = await ApiClientAsync();
        var (other, otherClient) = await ApiClientAsync(teamId: worker.TeamId);
        await app.Data.CreateChildAsync(c => { c.LastName = "Apiquery"; c.Restricted = true; c.AllocatedTo = worker; c.AccessList.Add(worker); });

        var mine = await client.GetFromJsonAsync<List<Haven.Web.Api.ChildSearchResultDto>>("/api/v1/children?q=Apiquery");
        var theirs = await otherClient.GetFromJsonAsync<List<Haven.Web.Api.ChildSearchResultDto>>("/api/v1/children?q=Apiquery");

        Assert.Single(mine!);
        Assert.Empty(theirs!);
    }

    [Fact]
    public async Task Post_Note_Api_ValidatesAndSavesOncePerSubmission()
    {
        var (worker, client) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);

        var bad = await client.PostAsJsonAsync($"/api/v1/children/{id}/notes", new { type = "Nonsense", eventAt = DateTime.UtcNow.AddDays(2), subject = "", body = new string('x', 30000) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":1001", problem);
        Assert.Contains("type", problem);

        var submission = Guid.NewGuid();
        var note = new { type = "PhoneCall", eventAt = DateTime.UtcNow.AddHours(-2), subject = "Call with school", body = "Attendance is improving.", submissionId = submission };
        var first = await client.PostAsJsonAsync($"/api/v1/children/{id}/notes", note);
        var again = await client.PostAsJsonAsync($"/api/v1/children/{id}/notes", note);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var notes = await client.GetFromJsonAsync<List<Haven.Web.Api.CaseNoteDto>>($"/api/v1/children/{id}/notes");
        Assert.Single(notes!);
        // The note a save answers with (built from what was saved) and the one a repeated submission
        // answers with (read back) are the note as stored, field for field.
        Assert.Equal(notes![0], await first.Content.ReadFromJsonAsync<Haven.Web.Api.CaseNoteDto>());
        Assert.Equal(notes[0], await again.Content.ReadFromJsonAsync<Haven.Web.Api.CaseNoteDto>());
        Assert.Equal(await app.Data.WithDbAsync(db => db.Workers.Where(w => w.Id == worker.WorkerId).Select(w => w.DisplayName).SingleAsync()), notes[0].Author);
        var changes = await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.Action == AccessAction.Change));
        Assert.Equal(2, changes); // the two accepted requests; the rejected one is not a change
        var chronology = await client.GetFromJsonAsync<List<Haven.Web.Api.ChronologyItemDto>>($"/api/v1/children/{id}/chronology");
        Assert.Contains(chronology!, i => i.Title.Contains("Call with school"));
    }

    [Fact]
    public async Task Post_Note_Api_ManyAtOnce_EveryNoteLandsWithOneChangeEntryEach()
    {
        // Arrange: a note and its Change entry are saved in one transaction (the access log's group
        // commit), so the endpoint filter must not log the change a second time.
        var (worker, client) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var submissions = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();

        // Act
        var answers = await Task.WhenAll(submissions.Select((s, i) => client.PostAsJsonAsync($"/api/v1/children/{id}/notes",
            new { type = "PhoneCall", eventAt = DateTime.UtcNow.AddHours(-1), subject = $"Call {i}", body = "Written at once.", submissionId = s })));

        // Assert
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = (await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<Haven.Web.Api.CaseNoteDto>()))).Select(n => n!.Id).ToList();
        var saved = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == id).Select(n => new { n.Id, n.SubmissionId }).ToListAsync());
        Assert.Equal(ids.Order(), saved.Select(n => n.Id).Order());
        Assert.Equal(submissions.Order(), saved.Select(n => n.SubmissionId!.Value).Order());
        Assert.Equal(24, await app.Data.WithDbAsync(db => db.AccessLog.CountAsync(e => e.ChildId == id && e.Action == AccessAction.Change
            && e.Resource == $"POST /api/v1/children/{id}/notes" && e.WorkerId == worker.WorkerId)));
        var chain = await app.Data.WithDbAsync(db => AccessLogVerifier.VerifyAsync(db));
        Assert.True(chain.IsValid, chain.Problem);
    }

    [Fact]
    public async Task Post_Note_Api_WithMalformedJson_Returns400()
    {
        var (worker, client) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var response = await client.PostAsync($"/api/v1/children/{id}/notes", new StringContent("{\"eventAt\": 12, ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithRevokedMissingOrBadToken_Returns401_AndCookiesAreNotEnough()
    {
        var (worker, client) = await ApiClientAsync();
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{id}")).StatusCode);

        var (exit, _, _) = await app.RunCliAsync("users", "token", "revoke", "--user", worker.UserName);
        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/children/{id}")).StatusCode);

        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/children/{id}")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hvn_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/children/{id}")).StatusCode);

        var browser = app.NewClient();
        await browser.SignInAsync(worker.UserName);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/v1/children/{id}")).StatusCode);
    }

    [Fact]
    public async Task Get_OpenApiDocument_DescribesTheApi()
    {
        var doc = await app.NewClient().GetStringAsync("/api/openapi/v1.json");
        Assert.Contains("/api/v1/children/{childId}", doc);
        Assert.Contains("/api/v1/children/{childId}/notes", doc);
        Assert.Contains("/api/v1/people", doc);
    }

    [Fact]
    public async Task Post_Person_Api_CreatesChildAllocatedToTheCreator()
    {
        var (_, client) = await ApiClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Child", firstName = "Ada", lastName = "Newrecord", dateOfBirth = "2019-05-04", sex = "Female", nhsNumber = "943 476 5919", allocationReason = "OTHERS" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Haven.Web.Api.PersonCreatedDto>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{created!.Id}")).StatusCode);

        var bad = await client.PostAsJsonAsync("/api/v1/people", new { kind = "Child", firstName = "", lastName = "X", nhsNumber = "1234567890", dateOfBirth = "2090-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AuditVerify_DetectsEditDeletionAndReorderingOfTheAccessLog()
    {
        var (worker, _, _) = (await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId), 0, 0);
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        for (var i = 0; i < 4; i++) await client.GetAsync($"/children/{id}");

        var (ok, okOut, _) = await app.RunCliAsync("audit", "verify");
        Assert.Equal(0, ok);
        Assert.Contains("intact", okOut);

        var last = await app.Data.WithDbAsync(db => db.AccessLog.MaxAsync(e => e.Sequence));
        var target = last - 2;
        await Tamper($"UPDATE \"AccessLog\" SET \"Detail\" = 'edited' WHERE \"Sequence\" = {target}", "altered");
        await Tamper($"DELETE FROM \"AccessLog\" WHERE \"Sequence\" = {target}", "missing");
        await Tamper($"UPDATE \"AccessLog\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {target};" +
                     $"UPDATE \"AccessLog\" SET \"Sequence\" = {target} WHERE \"Sequence\" = {target + 1};" +
                     $"UPDATE \"AccessLog\" SET \"Sequence\" = {target + 1} WHERE \"Sequence\" = -1;", "does not follow");

        async Task Tamper(string sql, string expected)
        {
            // Work on a copy of the log: tamper, verify, then put the original rows back.
            var original = await app.Data.WithDbAsync(db => db.AccessLog.AsNoTracking().ToListAsync());
            await app.Data.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
            var (exit, _, error) = await app.RunCliAsync("audit", "verify");
            Assert.Equal(1, exit);
            Assert.Contains(expected, error);
            Assert.Contains($"First bad entry: {target}", error);
            await app.Data.WithDbAsync(async db =>
            {
                await db.AccessLog.ExecuteDeleteAsync();
                db.AccessLog.AddRange(original);
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task AuditVerify_DetectsTheTailCutOffOrTheChainRebuilt_ByItsAnchor()
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var id = await app.Data.CreateChildAsync(c => c.AllocatedTo = worker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        for (var i = 0; i < 3; i++) await client.GetAsync($"/children/{id}");
        var last = await app.Data.WithDbAsync(db => db.AccessLog.MaxAsync(e => e.Sequence));
        var original = await app.Data.WithDbAsync(db => db.AccessLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

        // Cutting the newest entries leaves a valid chain; only the anchor shows they are gone.
        var cutTail = $"DELETE FROM \"AccessLog\" WHERE \"Sequence\" >= {last - 1}";
        await app.Data.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(cutTail));
        var (cut, _, cutError) = await app.RunCliAsync("audit", "verify");
        Assert.Equal(1, cut);
        Assert.Contains($"entries after {last - 2} are missing: the log was anchored at entry {last}", cutError);

        // Rebuilding the chain from an edited entry onwards, with every hash recomputed, is caught too.
        await app.Data.WithDbAsync(async db =>
        {
            await db.AccessLog.ExecuteDeleteAsync();
            var previous = AccessLog.GenesisHash;
            foreach (var e in original.Select(e => new AccessLogEntry
                     {
                         Sequence = e.Sequence, At = e.At, UserName = e.UserName, WorkerId = e.WorkerId, Action = e.Action, ChildId = e.ChildId,
                         Resource = e.Resource, Detail = e.Sequence == last - 1 ? "rewritten" : e.Detail, PreviousHash = "", Hash = "",
                     }))
            {
                e.PreviousHash = previous;
                e.Hash = AccessLog.ComputeHash(e);
                previous = e.Hash;
                db.AccessLog.Add(e);
            }
            return await db.SaveChangesAsync();
        });
        var (rebuilt, _, rebuiltError) = await app.RunCliAsync("audit", "verify");
        Assert.Equal(1, rebuilt);
        Assert.Contains($"the log has been rebuilt: entry {last} is not the entry that was anchored", rebuiltError);

        // Put the original back: intact again.
        await app.Data.WithDbAsync(async db =>
        {
            await db.AccessLog.ExecuteDeleteAsync();
            db.AccessLog.AddRange(original);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await app.RunCliAsync("audit", "verify")).Exit);
    }

    [Fact]
    public async Task AccessLog_CannotBeChangedThroughTheApp()
    {
        await app.Data.CreateWorkerAsync(HavenRole.SocialWorker);
        var client = app.NewClient();
        await client.GetAsync("/health");
        await app.Data.WithDbAsync(async db =>
        {
            db.AccessLog.Add(new AccessLogEntry { Sequence = 999999, UserName = "x", Resource = "x", PreviousHash = "x", Hash = "x" });
            await db.SaveChangesAsync();
            var entry = await db.AccessLog.FirstAsync(e => e.Sequence == 999999);
            entry.Detail = "changed";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AccessLog.Remove(await db.AccessLog.FirstAsync(e => e.Sequence == 999999));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            return await db.AccessLog.Where(e => e.Sequence == 999999).ExecuteDeleteAsync();
        });
    }
}

public sealed class ApiAndCliTestsOnSqlite(SqliteApp app) : ApiAndCliTests(app), IClassFixture<SqliteApp>;
public sealed class ApiAndCliTestsOnPostgres(PostgresApp app) : ApiAndCliTests(app), IClassFixture<PostgresApp>;
