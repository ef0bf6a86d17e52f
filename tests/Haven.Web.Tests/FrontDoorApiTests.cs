using System.Net.Http.Headers;
using System.Text.Json;
using Haven.Core.FrontDoor;
using Haven.Core.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Contacts and referrals over /api/v1: a partner system (the police) submits with a token; bad
/// submissions get 400 with field errors and nothing half-saved. SQLite and PostgreSQL.
public abstract class FrontDoorApiTests(HavenApp app)
{
    private async Task<(TestWorker Worker, HttpClient Client)> ApiClientAsync(HavenRole role)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(role, teamId);
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return (worker, client);
    }

    [Fact]
    public async Task PostContact_AsPolice_Returns201_OnceForTheSameSubmission_AndMashCanReadIt()
    {
        var (_, police) = await ApiClientAsync(HavenRole.PartnerAgency);
        var submission = Guid.NewGuid();
        var body = new
        {
            sourceCode = "6", contactorName = "PC 4412 Jones", contactorRole = "Havenbridge Police", worry = "Domestic incident at 01:30; two children present.",
            consent = "NotSought", consentReason = "Police notification of a domestic incident", submissionId = submission,
            children = new[] { new { firstName = "Kai", lastName = "Apitest", dateOfBirth = "2016-02-03" }, new { firstName = "Lou", lastName = "Apitest", dateOfBirth = "2019-07-09" } },
        };

        var first = await police.PostAsJsonAsync("/api/v1/contacts", body);
        var again = await police.PostAsJsonAsync("/api/v1/contacts", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.Contacts.CountAsync(c => c.SubmissionId == submission)));
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/contacts/{id}")).StatusCode);

        var (_, mash) = await ApiClientAsync(HavenRole.MashWorker);
        var contact = await mash.GetFromJsonAsync<Haven.Web.Api.ContactDto>($"/api/v1/contacts/{id}");
        Assert.Equal("PartnerSystem", contact!.Channel);
        Assert.Equal(2, contact.Children.Count);
        Assert.All(contact.Children, c => Assert.Contains(c.Timeliness, new[] { "DueLater", "DueToday" }));
    }

    [Fact]
    public async Task PostContact_WithBadFields_Returns400WithEachFieldAndSavesNothing()
    {
        var (_, police) = await ApiClientAsync(HavenRole.PartnerAgency);
        var before = await app.Data.WithDbAsync(async db => (await db.Contacts.CountAsync(), await db.People.CountAsync()));

        var response = await police.PostAsJsonAsync("/api/v1/contacts", new
        {
            sourceCode = "99", contactorName = "", consent = "Maybe", havenIds = new[] { "H1" },
            children = new[] { new { firstName = "Ok", lastName = "", dateOfBirth = "2016-02-03" }, new { firstName = "Also", lastName = "Fine", dateOfBirth = "2999-01-01" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "sourceCode", "contactorName", "worry", "consent", "havenIds", "children[0].lastName", "children[1].dateOfBirth" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(before, await app.Data.WithDbAsync(async db => (await db.Contacts.CountAsync(), await db.People.CountAsync())));
    }

    [Fact]
    public async Task PostContact_WithMalformedJson_Returns400()
    {
        var (_, police) = await ApiClientAsync(HavenRole.PartnerAgency);
        var response = await police.PostAsync("/api/v1/contacts", new StringContent("{\"sourceCode\": [1,2", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetReferrals_ThroughTheChildGuard_ListsNewestFirstWithReReferralFlag()
    {
        var (_, mash) = await ApiClientAsync(HavenRole.MashWorker);
        var (_, stranger) = await ApiClientAsync(HavenRole.EarlyHelpWorker);
        var child = await app.Data.CreateChildAsync();
        await app.Data.WithDbAsync(async db =>
        {
            db.Referrals.AddRange(
                new Referral { ChildId = child, ReferralDate = new DateOnly(2025, 1, 10), SourceCode = "6", ClosureDate = new DateOnly(2025, 3, 1), RecordedAt = DateTime.UtcNow },
                new Referral { ChildId = child, ReferralDate = new DateOnly(2025, 9, 1), SourceCode = "2A", IsReReferral = true, RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var referrals = (await mash.GetFromJsonAsync<List<Haven.Web.Api.ReferralDto>>($"/api/v1/children/{child}/referrals"))!;

        Assert.Equal([new DateOnly(2025, 9, 1), new DateOnly(2025, 1, 10)], referrals.Select(r => r.ReferralDate));
        Assert.True(referrals[0].IsReReferral);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/children/{child}/referrals")).StatusCode);
    }
}

public sealed class FrontDoorApiTestsOnSqlite(SqliteApp app) : FrontDoorApiTests(app), IClassFixture<SqliteApp>;
public sealed class FrontDoorApiTestsOnPostgres(PostgresApp app) : FrontDoorApiTests(app), IClassFixture<PostgresApp>;
