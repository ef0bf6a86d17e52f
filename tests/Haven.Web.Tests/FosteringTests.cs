using System.Net.Http.Headers;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Fostering;
using Haven.Core.Involvements;
using Haven.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Fostering recruitment, carer households, permanence plans, adoption and sealed adoption records,
/// through the API and the pages, on both databases.
public abstract class FosteringTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "30");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private async Task<TestWorker> SocialWorkerAsync() =>
        await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);

    private async Task<int> ApprovedAdoptersAsync(HttpClient fostering)
    {
        var response = await fostering.PostAsJsonAsync("/api/v1/fostering/enquiries", new
        {
            kind = "Adoption", householdName = $"Adopters {Guid.NewGuid():N}", source = "Web", enquiryDate = Today.AddMonths(-14), initialVisitDate = Today.AddMonths(-13),
            applicationDate = Today.AddMonths(-12), stage1Date = Today.AddMonths(-12), stage2Date = Today.AddMonths(-10), panelDate = Today.AddMonths(-6),
            approvalDate = Today.AddMonths(-6), secondTimeAdopter = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<EnquiryDto>())!.Id;
    }

    [Fact]
    public async Task Post_FunnelViaApi_FiguresAndPageShowConversionByStageAndCampaign()
    {
        // Arrange
        var worker = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var api = await ApiClientAsync(worker);
        var campaign = await (await api.PostAsJsonAsync("/api/v1/fostering/campaigns", new { kind = "Fostering", name = "Lift 2026", startDate = Today.AddMonths(-6) }))
            .Content.ReadFromJsonAsync<CampaignDto>();

        // Act: two campaign enquiries (one approved, one left after the initial visit), one from the web still open.
        var approved = await api.PostAsJsonAsync("/api/v1/fostering/enquiries", new
        {
            kind = "Fostering", householdName = "Pat and Lee Okafor", source = "Campaign", campaignId = campaign!.Id, enquiryDate = Today.AddMonths(-5),
            initialVisitDate = Today.AddMonths(-5), applicationDate = Today.AddMonths(-4), stage1Date = Today.AddMonths(-4), stage2Date = Today.AddMonths(-3),
            panelDate = Today.AddDays(-20), approvalDate = Today.AddDays(-10),
        });
        var left = await (await api.PostAsJsonAsync("/api/v1/fostering/enquiries", new
        {
            kind = "Fostering", householdName = "Sam Reid", source = "Campaign", campaignId = campaign.Id, enquiryDate = Today.AddMonths(-4),
        })).Content.ReadFromJsonAsync<EnquiryDto>();
        var update = await api.PutAsJsonAsync($"/api/v1/fostering/enquiries/{left!.Id}", new
        {
            kind = "Fostering", householdName = "Sam Reid", source = "Campaign", campaignId = campaign.Id, enquiryDate = Today.AddMonths(-4),
            initialVisitDate = Today.AddMonths(-4).AddDays(7), leftDate = Today.AddMonths(-3), leftReason = "ChangedCircumstances", version = left.Version,
        });
        var web = await api.PostAsJsonAsync("/api/v1/fostering/enquiries", new { kind = "Fostering", householdName = "Jo Smith", source = "Web", enquiryDate = Today.AddDays(-3) });

        // Assert
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.Created, web.StatusCode);
        var figures = await api.GetFromJsonAsync<FunnelFigures>("/api/v1/fostering/figures?kind=Fostering");
        Assert.Equal([3, 2, 1, 1, 1, 1, 1], figures!.ByStage.Select(s => s.Reached));
        var row = Assert.Single(figures.ByCampaign, c => c.Label.StartsWith("Lift 2026"));
        Assert.Equal((2, 1, 50.0m, 0), (row.Enquiries, row.Approvals, row.ApprovalRate!.Value, row.StillInProgress));
        var leaving = Assert.Single(figures.Leaving);
        Assert.Equal((RecruitmentStage.InitialVisit, LeavingReason.ChangedCircumstances), (leaving.LeftAfter, leaving.Reason));

        var browser = app.NewClient();
        await browser.SignInAsync(worker.UserName);
        var page = await browser.GetPageAsync("/fostering");
        Assert.Contains("33.3%", page.QuerySelector("#headline")!.TextContent); // 1 application of 3 enquiries
        Assert.Contains("50.0%", page.QuerySelector("#by-campaign")!.TextContent);
        Assert.Contains("Circumstances changed", page.QuerySelector("#leaving")!.TextContent);
    }

    [Fact]
    public async Task Post_EnquiryWithStepsOutOfOrder_Returns400WithFieldErrorsAndSavesNothing()
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var api = await ApiClientAsync(worker);
        var before = await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync());

        var response = await api.PostAsJsonAsync("/api/v1/fostering/enquiries", new
        {
            kind = "Fostering", householdName = "Out Of Order", source = "Web", enquiryDate = Today.AddDays(-10), applicationDate = Today.AddDays(-20),
            leftDate = Today.AddDays(-1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("applicationDate", problem!.Errors.Keys);
        Assert.Contains("leftReason", problem.Errors.Keys);
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync()));
    }

    [Fact]
    public async Task Post_EnquiryAsSocialWorker_IsRefused()
    {
        var api = await ApiClientAsync(await SocialWorkerAsync());

        var response = await api.PostAsJsonAsync("/api/v1/fostering/enquiries", new { kind = "Fostering", householdName = "X", source = "Web", enquiryDate = Today });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_SpecialGuardianshipAndDeregistration_SameRulesAsThePages()
    {
        var sw = await SocialWorkerAsync();
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = sw; c.DateOfBirth = Today.AddYears(-3); });
        var api = await ApiClientAsync(sw);
        var bad = await api.PostAsJsonAsync($"/api/v1/children/{childId}/special-guardianships", new { orderDate = Today.AddDays(3) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("guardianNames", problem);
        Assert.Contains("The date of the order must be today or in the past", problem);
        var sid = Guid.NewGuid();
        var body = new { guardianNames = "Ama Owusu", orderDate = Today.AddDays(-7), supportPlan = "Allowance and peer group", agreedSupport = new[] { "Financial", "PeerSupport" }, submissionId = sid };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/children/{childId}/special-guardianships", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/children/{childId}/special-guardianships", body)).StatusCode);
        var orders = await api.GetFromJsonAsync<List<SpecialGuardianshipDto>>($"/api/v1/children/{childId}/special-guardianships");
        Assert.Equal(2, Assert.Single(orders!).Support.Count);

        var fostering = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var carers = await ApiClientAsync(fostering);
        var household = await (await carers.PostAsJsonAsync("/api/v1/fostering/households", new
        {
            kind = "Mainstream", name = "Ola Ade", postcode = "BR1 2BB", approvalDate = Today.AddYears(-3), maxChildren = 1, ageFrom = 0, ageTo = 17, careType = "LongTerm", supervisingWorkerId = fostering.WorkerId,
        })).Content.ReadFromJsonAsync<HouseholdDto>();
        var noReason = await carers.PostAsJsonAsync($"/api/v1/fostering/households/{household!.Id}/deregistration", new { date = Today, version = household.Version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("details", await noReason.Content.ReadAsStringAsync());
        var stale = await carers.PostAsJsonAsync($"/api/v1/fostering/households/{household.Id}/deregistration", new { date = Today, reason = "Resigned", details = "Letter", version = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await carers.PostAsJsonAsync($"/api/v1/fostering/households/{household.Id}/deregistration",
            new { date = Today, reason = "Resigned", details = "Letter", version = household.Version })).StatusCode);
        Assert.Equal(Today, await app.Data.WithDbAsync(db => db.FosterHouseholds.Where(h => h.Id == household.Id).Select(h => h.DeregisteredDate).SingleAsync()));
    }

    [Fact]
    public async Task Post_ConnectedPersonWithLinkedPlacement_TemporaryApprovalDeadlineOnSocialWorkersMyWork()
    {
        // Arrange: a child in care placed with their aunt under temporary approval three weeks ago.
        var sw = await SocialWorkerAsync();
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = sw; c.Involvements.Add((InvolvementKind.InCare, Today.AddDays(-21))); });
        var placementId = await app.Data.WithDbAsync(async db =>
        {
            var period = new PeriodOfCare { ChildId = childId, DecisionDate = Today.AddDays(-21), AuthorisedByWorkerId = sw.WorkerId, StartDate = Today.AddDays(-21),
                CategoryOfNeedCode = "N1", HomePostcode = "BR1 1AA", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.PeriodsOfCare.Add(period);
            await db.SaveChangesAsync();
            var placement = new Placement { ChildId = childId, PeriodOfCareId = period.Id, PlacementTypeCode = "U1", CarerName = "Aunt May", AddressLine1 = "1 High St",
                Town = "Bromley", Postcode = "BR1 2BB", StartDate = Today.AddDays(-21), RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.Add(placement);
            await db.SaveChangesAsync();
            return placement.Id;
        });
        var fostering = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var api = await ApiClientAsync(fostering);

        // Act
        var created = await api.PostAsJsonAsync("/api/v1/fostering/households", new
        {
            kind = "ConnectedPerson", name = "May Parker", postcode = "BR1 2BB", temporaryApprovalDate = Today.AddDays(-21), maxChildren = 1, ageFrom = 0, ageTo = 17,
            careType = "LongTerm", supervisingWorkerId = fostering.WorkerId,
        });
        var household = await created.Content.ReadFromJsonAsync<HouseholdDto>();
        var link = await api.PostAsJsonAsync($"/api/v1/fostering/households/{household!.Id}/placements", new { placementId });
        var again = await api.PostAsJsonAsync($"/api/v1/fostering/households/{household.Id}/placements", new { placementId });

        // Assert
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(Today.AddDays(-21).AddDays(16 * 7), household.TemporaryApprovalEnds);
        var browser = app.NewClient();
        await browser.SignInAsync(sw.UserName);
        var myWork = await browser.GetPageAsync("/");
        Assert.Contains("Finish the connected person assessment of May Parker", myWork.Body!.TextContent);
        var carers = app.NewClient();
        await carers.SignInAsync(fostering.UserName);
        var list = await carers.GetPageAsync("/fostering/carers?mine=true");
        Assert.Contains("May Parker", list.QuerySelector("#households")!.TextContent);
        Assert.Contains("temporary approval", list.QuerySelector("#households")!.TextContent);
    }

    [Fact]
    public async Task Put_AdoptionThroughToOrder_ShowsTimelinessThenSealsTheRecord()
    {
        // Arrange: in care since 10 January two years ago.
        var sw = await SocialWorkerAsync();
        var entered = new DateOnly(Today.Year - 2, 1, 10);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Sealable"; c.LastName = $"Child{Guid.NewGuid():N}"[..12]; c.AllocatedTo = sw; c.Involvements.Add((InvolvementKind.InCare, entered)); });
        var fostering = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var adopters = await ApprovedAdoptersAsync(await ApiClientAsync(fostering));
        var api = await ApiClientAsync(sw);

        // Act 1: plan, decision, order, match, placement.
        var plan = await api.PostAsJsonAsync($"/api/v1/children/{childId}/permanence-plans", new { type = "Adoption", setAtReview = entered.AddMonths(4), onTrack = true });
        var body = new
        {
            admDecisionDate = entered.AddMonths(5), placementOrderDate = entered.AddMonths(8), earlyPermanence = "ConsideredNoCarers",
            matchDate = entered.AddMonths(8).AddDays(100), adopterEnquiryId = adopters, placedForAdoptionDate = entered.AddMonths(8).AddDays(130),
            siblings = "Apart", siblingsReason = "Older brother's plan is long-term fostering with his current carers", version = (Guid?)null,
        };
        var saved = await api.PutAsJsonAsync($"/api/v1/children/{childId}/adoption", body);

        // Assert 1
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var dto = await saved.Content.ReadFromJsonAsync<AdoptionDto>();
        Assert.Equal(100, dto!.Timeliness!.PlacementOrderToMatch);
        Assert.Equal(entered.AddMonths(8).AddDays(130).DayNumber - entered.DayNumber, dto.Timeliness.EntryToMovedIn);
        Assert.False(dto.Sealed);
        var browser = app.NewClient();
        await browser.SignInAsync(sw.UserName);
        Assert.Contains("100 days", (await browser.GetPageAsync($"/children/{childId}/permanence")).QuerySelector("#adoption")!.TextContent);

        // Act 2: the adoption order seals the record.
        var order = await api.PutAsJsonAsync($"/api/v1/children/{childId}/adoption", body with { version = dto.Version } is var b ? new
        {
            b.admDecisionDate, b.placementOrderDate, b.earlyPermanence, b.matchDate, b.adopterEnquiryId, b.placedForAdoptionDate,
            adoptionOrderDate = (DateOnly?)Today.AddDays(-1), b.siblings, b.siblingsReason, version = (Guid?)dto.Version,
        } : null);

        // Assert 2: the social worker who held the case no longer finds the child anywhere.
        Assert.True(order.StatusCode == HttpStatusCode.OK, $"{(int)order.StatusCode} {await order.Content.ReadAsStringAsync()}");
        Assert.True((await order.Content.ReadFromJsonAsync<AdoptionDto>())!.Sealed);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/children/{childId}/permanence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/children/{childId}/adoption")).StatusCode);
        Assert.Equal("No children found", (await browser.GetPageAsync("/children?q=Sealable")).QuerySelector("#results-heading")!.TextContent.Trim());

        // The named role opens it, read only, and the view is logged.
        var opener = app.NewClient();
        await opener.SignInAsync(fostering.UserName);
        var sealedPage = await opener.GetAsync($"/children/{childId}/permanence");
        Assert.Equal(HttpStatusCode.OK, sealedPage.StatusCode);
        Assert.Contains("record sealed", await sealedPage.Content.ReadAsStringAsync());
        Assert.True(await app.Data.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.ChildId == childId && e.WorkerId == fostering.WorkerId && e.Action == AccessAction.View)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClientAsync(fostering)).PutAsJsonAsync($"/api/v1/children/{childId}/adoption", new { })).StatusCode);
    }

    [Fact]
    public async Task SealedChild_OnEveryChildRouteSearchAndList_IsRefusedToEveryoneElse()
    {
        // Arrange: an adopted child, once allocated; a senior leader who reads every unrestricted record; a worker granted the record.
        var sw = await SocialWorkerAsync();
        var leader = await app.Data.CreateWorkerAsync(HavenRole.SeniorLeader);
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, sw.TeamId);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Hiddenadopted"; c.AllocatedTo = sw; c.AccessList.Add(manager); c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-2))); c.WithNote("Life story work"); });
        var noteId = await app.Data.WithDbAsync(db => db.CaseNotes.Where(n => n.ChildId == childId).Select(n => n.Id).FirstAsync());
        await app.Data.WithDbAsync(async db =>
        {
            db.AdoptionCases.Add(new Haven.Core.Permanence.AdoptionCase { ChildId = childId, AdmDecisionDate = Today.AddYears(-2).AddMonths(4), EarlyPermanence = Haven.Core.Permanence.EarlyPermanence.ConsideredNotSuitable,
                AdoptionOrderDate = Today.AddDays(-5), SealedAt = DateTime.UtcNow, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            // As PermanenceService does when the order is recorded: the case's allocations close on the order date.
            foreach (var a in db.Allocations.Where(x => x.ChildId == childId)) a.EndDate = Today.AddDays(-5);
            return await db.SaveChangesAsync();
        });
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.Contains("{childId")).ToList();

        foreach (var worker in new[] { sw, leader, manager })
        {
            var client = app.NewClient();
            await client.SignInAsync(worker.UserName);
            var api = await ApiClientAsync(worker);
            foreach (var e in endpoints)
            {
                var route = e.RoutePattern.RawText!.Trim('/');
                var url = "/" + route.Replace("{childId:int}", childId.ToString()).Replace("{noteId:int}", noteId.ToString());
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[A-Za-z]+(:int\??)?\}", "1");
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                if (!methods.Contains("GET")) continue;
                var response = await (route.StartsWith("api/") ? api : client).GetAsync(url);
                // A page whose policy the role lacks answers with the sign-in scheme's access-denied redirect
                // to /error/403: refused just the same, before the page (and the child) is looked at.
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
                        && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/error/403"));
                Assert.True(refused, $"{worker.Role} GET {url} returned {(int)response.StatusCode} {response.Headers.Location}");
                Assert.DoesNotContain("Hiddenadopted", await response.Content.ReadAsStringAsync());
            }
            foreach (var search in new[] { "/children?q=Hiddenadopted", "/children?q=H" + childId })
                Assert.Equal("No children found", (await client.GetPageAsync(search)).QuerySelector("#results-heading")!.TextContent.Trim());
            foreach (var list in new[] { "/", "/fostering/permanence", "/team" })
            {
                var response = await client.GetAsync(list);
                Assert.False((await response.Content.ReadAsStringAsync()).Contains("Hiddenadopted"), $"{worker.Role} {list}");
            }
            Assert.DoesNotContain($"\"id\":{childId},", await (await api.GetAsync("/api/v1/children?q=Hiddenadopted")).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Put_AdoptionWithMatchBeforeOrderAndNoEarlyPermanence_Returns400AndSavesNothing()
    {
        var sw = await SocialWorkerAsync();
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = sw; c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-1))); });
        var api = await ApiClientAsync(sw);

        var response = await api.PutAsJsonAsync($"/api/v1/children/{childId}/adoption", new
        {
            admDecisionDate = Today.AddMonths(-6), placementOrderDate = Today.AddMonths(-3), earlyPermanence = "NotConsidered", matchDate = Today.AddMonths(-4), siblings = "Apart",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("earlyPermanence", problem!.Errors.Keys);
        Assert.Contains("matchDate", problem.Errors.Keys);
        Assert.Contains("siblingsReason", problem.Errors.Keys);
        Assert.False(await app.Data.WithDbAsync(db => db.AdoptionCases.AnyAsync(a => a.ChildId == childId)));
    }

    [Fact]
    public async Task Put_AdoptionWithAdopters_SavesTheAd1Details_AndDetailsThatDisagreeAre400OnApiAndPage()
    {
        var sw = await SocialWorkerAsync();
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = sw; c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-2))); });
        var adopters = await ApprovedAdoptersAsync(await ApiClientAsync(await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker)));
        var api = await ApiClientAsync(sw);
        object Body(string number) => new
        {
            admDecisionDate = Today.AddMonths(-12), placementOrderDate = Today.AddMonths(-10), earlyPermanence = "ConsideredNoCarers", matchDate = Today.AddMonths(-6),
            adopterEnquiryId = adopters, siblings = "NoSiblingsInPlan", fosterCareCode = "0", adopterNumberCode = number, adopterSexCode = "MF", adopterLegalStatusCode = "L11",
        };

        // One adopter cannot be a male and female couple.
        var bad = await api.PutAsJsonAsync($"/api/v1/children/{childId}/adoption", Body("1"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("adopterSexCode", (await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.Keys);
        Assert.False(await app.Data.WithDbAsync(db => db.AdoptionCases.AnyAsync(a => a.ChildId == childId)));

        var good = await api.PutAsJsonAsync($"/api/v1/children/{childId}/adoption", Body("2"));
        Assert.True(good.StatusCode == HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var dto = (await good.Content.ReadFromJsonAsync<AdoptionDto>())!;
        Assert.Equal(("0", "2", "MF", "L11"), (dto.FosterCareCode, dto.AdopterNumberCode, dto.AdopterSexCode, dto.AdopterLegalStatusCode));

        var browser = app.NewClient();
        await browser.SignInAsync(sw.UserName);
        Assert.Contains("Male and female couple", (await browser.GetPageAsync($"/children/{childId}/permanence")).QuerySelector("#adopters")!.TextContent);
        var page = await Pages.ParseAsync(await browser.SubmitAsync($"/children/{childId}/permanence/adoption", new Dictionary<string, string> { ["AdopterLegalStatusCode"] = "L0" }));
        Assert.Contains("Two adopters are a couple: select their legal status as a couple", page.ErrorMessages());
        Assert.Equal("L11", await app.Data.WithDbAsync(db => db.AdoptionCases.Where(a => a.ChildId == childId).Select(a => a.AdopterLegalStatusCode).SingleAsync()));
    }

    [Fact]
    public async Task Get_PermanenceList_ShowsChildInCareWithoutPlanUntilOneIsSet()
    {
        var sw = await SocialWorkerAsync();
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Noplanyet"; c.AllocatedTo = sw; c.Involvements.Add((InvolvementKind.InCare, Today.AddMonths(-5))); });
        var browser = app.NewClient();
        await browser.SignInAsync(sw.UserName);
        Assert.Contains("Noplanyet", (await browser.GetPageAsync("/fostering/permanence")).QuerySelector("#without-plan")!.TextContent);

        var plan = await (await ApiClientAsync(sw)).PostAsJsonAsync($"/api/v1/children/{childId}/permanence-plans", new { type = "LongTermFostering", setAtReview = Today.AddMonths(-1), onTrack = false });

        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Noplanyet", (await browser.GetPageAsync("/fostering/permanence")).Body!.TextContent);
        Assert.Contains("LongTermFostering", (await browser.GetPageAsync($"/children/{childId}/permanence")).QuerySelector("#current-plan")!.TextContent);
    }
}

public sealed class FosteringTestsOnSqlite(SqliteApp app) : FosteringTests(app), IClassFixture<SqliteApp>;
public sealed class FosteringTestsOnPostgres(PostgresApp app) : FosteringTests(app), IClassFixture<PostgresApp>;
