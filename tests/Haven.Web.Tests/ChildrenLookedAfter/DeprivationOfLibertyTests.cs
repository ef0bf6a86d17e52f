using AngleSharp.Dom;
using System.Net.Http.Headers;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.DeprivationOfLiberty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests.ChildrenLookedAfter;

/// A period of care written straight to the database (cheaper than the care forms): one episode per
/// placement type, back to back, the last open unless the period ends.
public static class CareForTests
{
    public static async Task AddPeriodAsync(IServiceProvider services, int childId, int authorisedBy, DateOnly? end, params (DateOnly Start, string Type)[] placements)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
        var now = DateTime.UtcNow;
        var period = new PeriodOfCare
        {
            ChildId = childId, DecisionDate = placements[0].Start, AuthorisedByWorkerId = authorisedBy, DecisionReason = "Test", StartDate = placements[0].Start,
            EndDate = end, ReasonCeasedCode = end is null ? null : "E13", CategoryOfNeedCode = "N1", HomePostcode = "HB1 1AA", RecordedAt = now,
        };
        db.PeriodsOfCare.Add(period);
        await db.SaveChangesAsync();
        for (var i = 0; i < placements.Length; i++)
        {
            var until = i + 1 < placements.Length ? placements[i + 1].Start : end;
            var placement = new Placement
            {
                ChildId = childId, PeriodOfCareId = period.Id, PlacementTypeCode = placements[i].Type, ProviderCode = "PR4", CarerName = $"Home {i + 1}",
                AddressLine1 = "1 Road", Town = "Haven", Postcode = "HB2 2BB", StartDate = placements[i].Start, EndDate = until, RecordedAt = now,
            };
            db.Placements.Add(placement);
            await db.SaveChangesAsync();
            db.Episodes.Add(new Episode
            {
                PeriodOfCareId = period.Id, ChildId = childId, Revision = 1, StartDate = placements[i].Start, ReasonForNewEpisodeCode = i == 0 ? "S" : "P",
                LegalStatusCode = "C2", PlacementId = placement.Id, EndDate = until, ReasonEpisodeCeasedCode = until is null ? null : i + 1 < placements.Length ? "X1" : "E13",
                ReasonPlaceChangeCode = i + 1 < placements.Length ? "CARPL" : null, RecordedAt = now,
            });
            await db.SaveChangesAsync();
        }
    }
}

/// Recording, ending and removing deprivation of liberty orders on the care tab and through the API,
/// on both databases. The child: in foster care (U6) from 100 days ago, in a children's home (K2)
/// from 60 days ago, still looked after.
public abstract class DeprivationOfLibertyTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly? d) => new()
    {
        [$"{field}.Day"] = d?.Day.ToString() ?? "", [$"{field}.Month"] = d?.Month.ToString() ?? "", [$"{field}.Year"] = d?.Year.ToString() ?? "",
    };

    private async Task<(TestWorker Worker, TestWorker Manager, int TeamId, int ChildId)> ChildInCareAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = Today.AddYears(-14); });
        await CareForTests.AddPeriodAsync(app.Services, childId, manager.WorkerId, null, (Today.AddDays(-100), "U6"), (Today.AddDays(-60), "K2"));
        return (worker, manager, teamId, childId);
    }

    [Fact]
    public async Task CareTab_SocialWorkerRecordsEndsAndRemovesAnOrder_WithTheRulesCheckedAsEntered()
    {
        // Arrange
        var (worker, _, teamId, childId) = await ChildInCareAsync();
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var add = $"/children/{childId}/care/deprivation-of-liberty/add";

        // Act: an order from a day the child was still in foster care is refused with the rule's message.
        var care = await client.GetPageAsync($"/children/{childId}/care");
        Assert.NotNull(care.QuerySelector($"a[href='{add}']"));
        var wrong = await client.SubmitAsync(add, new Dictionary<string, string>(Date("StartDate", Today.AddDays(-70))) { ["AuthorisedBy"] = "High Court (Family Division)" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var errors = (await Pages.ParseAsync(wrong)).ErrorMessages().ToList();
        Assert.Contains(errors, e => e.Contains("placement was") && e.Contains("(U6)") && e.Contains("K2"));

        // Act: the same form, in the children's home: saved, listed, in the chronology.
        var form = (await client.GetPageAsync(add)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;
        var saved = await client.PostFormAsync(form, new Dictionary<string, string>(Date("StartDate", Today.AddDays(-50))) { ["AuthorisedBy"] = "High Court (Family Division)", ["Notes"] = "No secure bed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(form, new Dictionary<string, string>(Date("StartDate", Today.AddDays(-50))) { ["AuthorisedBy"] = "High Court (Family Division)" })).StatusCode);
        var order = await app.Data.WithDbAsync(db => db.DeprivationOfLibertyOrders.AsNoTracking().SingleAsync(o => o.ChildId == childId));
        Assert.Equal((Today.AddDays(-50), (DateOnly?)null, "High Court (Family Division)", worker.WorkerId), (order.StartDate, order.EndDate, order.AuthorisedBy, order.RecordedByWorkerId!.Value));
        care = await client.GetPageAsync($"/children/{childId}/care");
        Assert.Contains("In force", care.QuerySelector("#deprivation-of-liberty-orders")!.TextContent);
        Assert.Contains("Deprivation of liberty order made", (await client.GetPageAsync($"/children/{childId}/chronology")).Body!.TextContent);

        // Act: end it; an end date after today is refused first.
        var edit = $"/children/{childId}/care/deprivation-of-liberty/{order.Id}";
        var future = await client.SubmitAsync(edit, Date("EndDate", Today.AddDays(1)));
        Assert.Contains("The date the order ended must be today or in the past", (await Pages.ParseAsync(future)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(edit, Date("EndDate", Today.AddDays(-5)))).StatusCode);
        Assert.Equal(Today.AddDays(-5), await app.Data.WithDbAsync(db => db.DeprivationOfLibertyOrders.AsNoTracking().Where(o => o.Id == order.Id).Select(o => o.EndDate).SingleAsync()));

        // Act: remove it (recorded in error): a reason is needed; then it is hidden but kept.
        var noReason = await client.SubmitAsync(edit, new Dictionary<string, string>(), handler: "Remove");
        Assert.Contains("Enter why the order is being removed", (await Pages.ParseAsync(noReason)).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(edit, new Dictionary<string, string> { ["Reason"] = "Recorded on the wrong child" }, handler: "Remove")).StatusCode);
        var removed = await app.Data.WithDbAsync(db => db.DeprivationOfLibertyOrders.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(("Recorded on the wrong child", (int?)worker.WorkerId), (removed.DeletionReason, removed.DeletedByWorkerId));
        Assert.Null((await client.GetPageAsync($"/children/{childId}/care")).QuerySelector("#deprivation-of-liberty-orders"));

        // Assert: another social worker on the team, not the child's, may not record one; nor may an IRO.
        var other = app.NewClient();
        await other.SignInAsync((await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId)).UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(add)).StatusCode);
        var iro = app.NewClient();
        await iro.SignInAsync((await app.Data.CreateWorkerAsync(HavenRole.Iro, teamId)).UserName);
        Assert.NotEqual(HttpStatusCode.OK, (await iro.GetAsync(add)).StatusCode);
    }

    [Fact]
    public async Task Api_RecordChangeAndRemove_400FieldErrors_428WithoutVersion_409WithBothVersions()
    {
        // Arrange
        var (_, manager, _, childId) = await ChildInCareAsync();
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", manager.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        var url = $"/api/v1/children/{childId}/care/deprivation-of-liberty";

        // Act / Assert: bad input is 400 with field errors, and nothing is saved.
        var missing = await api.PostAsJsonAsync(url, new { authorisedBy = "High Court" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("startDate", await missing.Content.ReadAsStringAsync());
        var fostered = await api.PostAsJsonAsync(url, new { startDate = Today.AddDays(-80), authorisedBy = "High Court" });
        Assert.Equal(HttpStatusCode.BadRequest, fostered.StatusCode);
        var problem = await fostered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("(U6)", problem.GetProperty("errors").GetProperty("startDate")[0].GetString());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.DeprivationOfLibertyOrders.CountAsync(o => o.ChildId == childId)));

        // Recorded.
        var created = await api.PostAsJsonAsync(url, new { startDate = Today.AddDays(-40), authorisedBy = "High Court", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = (await created.Content.ReadFromJsonAsync<Haven.Web.Api.DeprivationOfLibertyOrderDto>())!;

        // A change without the version read: 428; with it: saved; again from the same version: 409 with both.
        var blind = await api.PutAsJsonAsync($"{url}/{order.Id}", new { startDate = order.StartDate, endDate = Today.AddDays(-2), authorisedBy = "High Court" });
        Assert.Equal((HttpStatusCode)428, blind.StatusCode);
        var ended = await api.PutAsJsonAsync($"{url}/{order.Id}", new { startDate = order.StartDate, endDate = Today.AddDays(-2), authorisedBy = "High Court", version = order.Version });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var stale = await api.PutAsJsonAsync($"{url}/{order.Id}", new { startDate = order.StartDate, endDate = Today.AddDays(-3), authorisedBy = "Family Court", version = order.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains(Today.AddDays(-2).ToString("yyyy-MM-dd"), conflict.GetProperty("current").GetRawText());
        Assert.Contains("Family Court", conflict.GetProperty("yours").GetRawText());
        var list = await api.GetFromJsonAsync<List<Haven.Web.Api.DeprivationOfLibertyOrderDto>>(url);
        Assert.Equal(Today.AddDays(-2), Assert.Single(list!).EndDate);

        // Removed with the version read.
        Assert.Equal((HttpStatusCode)428, (await api.PostAsJsonAsync($"{url}/{order.Id}/remove", new { reason = "Wrong child" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"{url}/{order.Id}/remove", new { reason = "Wrong child", version = list![0].Version })).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<List<Haven.Web.Api.DeprivationOfLibertyOrderDto>>(url))!);
    }
}

public sealed class DeprivationOfLibertyTestsOnSqlite(SqliteApp app) : DeprivationOfLibertyTests(app), IClassFixture<SqliteApp>;
public sealed class DeprivationOfLibertyTestsOnPostgres(PostgresApp app) : DeprivationOfLibertyTests(app), IClassFixture<PostgresApp>;
