using Haven.Core.Access;
using Haven.Core.Fostering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// The fostering service's own pages: a recruitment enquiry through each step to withdrawal or
/// approval, a household's approval terms, supervision visits, training, annual reviews and the
/// carers' feedback, recorded without JavaScript, on both databases.
public abstract class FosteringFormsTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly? d) => new()
    {
        [$"{field}.Day"] = d?.Day.ToString() ?? "", [$"{field}.Month"] = d?.Month.ToString() ?? "", [$"{field}.Year"] = d?.Year.ToString() ?? "",
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(TestWorker Worker, HttpClient Client)> FosteringWorkerAsync()
    {
        var worker = await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return (worker, client);
    }

    /// A page refused by policy redirects to the 403 page; a child record refused by the guard answers 403.
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");

    private static int IdFrom(HttpResponseMessage response) => int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

    [Fact]
    public async Task EnquiryForms_StepsWithdrawalAndCorrection_SavedOnceWithHistory()
    {
        var (_, client) = await FosteringWorkerAsync();
        var name = $"Ash Family {Guid.NewGuid():N}"[..24];

        // A new enquiry; the same form sent twice (double click) records one enquiry.
        var page = await client.GetPageAsync("/fostering/enquiries/add?kind=Fostering");
        var form = ((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!);
        var values = With(new() { ["Kind"] = "Fostering", ["HouseholdName"] = name, ["Source"] = "WordOfMouth" }, Date("EnquiryDate", Today.AddDays(-40)));
        var first = await client.PostFormAsync(form, values);
        var second = await client.PostFormAsync(form, values);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = IdFrom(first);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync(e => e.HouseholdName == name)));

        // The initial visit and the application, recorded as they happen: no reason needed.
        var steps = await client.SubmitAsync($"/fostering/enquiries/{id}", With(Date("InitialVisitDate", Today.AddDays(-30)), Date("ApplicationDate", Today.AddDays(-20))));
        Assert.Equal(HttpStatusCode.Redirect, steps.StatusCode);

        // Correcting the initial visit date needs a reason; with one, it is saved and the old date kept in the history.
        var noReason = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/enquiries/{id}", Date("InitialVisitDate", Today.AddDays(-31))));
        Assert.Contains("Enter why you are changing what was already recorded", noReason.ErrorMessages());
        var corrected = await client.SubmitAsync($"/fostering/enquiries/{id}", With(Date("InitialVisitDate", Today.AddDays(-31)), new() { ["Reason"] = "Typed the wrong day" }));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        // They withdraw after the application, with the reason.
        var left = await client.SubmitAsync($"/fostering/enquiries/{id}", With(Date("LeftDate", Today.AddDays(-5)), new() { ["LeftReason"] = "ChoseAnotherAgency" }));
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);

        var saved = await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.AsNoTracking().FirstAsync(e => e.Id == id));
        Assert.Equal((Today.AddDays(-31), Today.AddDays(-20), Today.AddDays(-5), LeavingReason.ChoseAnotherAgency),
            (saved.InitialVisitDate, saved.ApplicationDate, saved.LeftDate, saved.LeftReason));
        var view = await client.GetPageAsync($"/fostering/enquiries/{id}");
        var history = view.QuerySelector("#history")!.TextContent;
        Assert.Contains("Typed the wrong day", history);
        Assert.Contains(Today.AddDays(-30).ToString("d MMMM yyyy"), history); // the date before the correction
        Assert.Contains("Application", view.QuerySelector("#furthest")!.TextContent);
    }

    [Fact]
    public async Task EnquiryForms_BadInputOrStaleVersion_MessagesAndNothingSaved()
    {
        var (_, client) = await FosteringWorkerAsync();
        var before = await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync());

        // Steps out of order, a withdrawal without a reason, an unknown source.
        var bad = await client.SubmitAsync("/fostering/enquiries/add", With(new() { ["Kind"] = "Fostering", ["HouseholdName"] = "Out Of Order", ["Source"] = "Carrier pigeon" },
            Date("EnquiryDate", Today.AddDays(-10)), Date("ApplicationDate", Today.AddDays(-20)), Date("LeftDate", Today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Pages.ParseAsync(bad);
        Assert.Contains("Select where the enquiry came from", doc.ErrorMessages());
        Assert.NotNull(doc.QuerySelector(".govuk-error-message"));
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync()));
        var bad2 = await Pages.ParseAsync(await client.SubmitAsync("/fostering/enquiries/add", With(new() { ["Kind"] = "Fostering", ["HouseholdName"] = "Out Of Order", ["Source"] = "Web" },
            Date("EnquiryDate", Today.AddDays(-10)), Date("ApplicationDate", Today.AddDays(-20)), Date("LeftDate", Today.AddDays(-1)))));
        Assert.Contains(bad2.ErrorMessages(), m => m.StartsWith("Enter the date of assessment", StringComparison.Ordinal) || m.Contains("initial visit", StringComparison.Ordinal));
        Assert.Contains("Select why they left", bad2.ErrorMessages());
        Assert.Equal(before, await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.CountAsync()));

        // Two people open the same enquiry; the second to save is told and shown what the first saved.
        var created = await client.SubmitAsync("/fostering/enquiries/add", With(new() { ["Kind"] = "Adoption", ["HouseholdName"] = "Two Editors", ["Source"] = "Web" }, Date("EnquiryDate", Today.AddDays(-10))));
        var id = IdFrom(created);
        var stale = await client.GetPageAsync($"/fostering/enquiries/{id}");
        await client.SubmitAsync($"/fostering/enquiries/{id}", Date("InitialVisitDate", Today.AddDays(-8)));
        var conflict = await Pages.ParseAsync(await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)stale.QuerySelector("main form[method=post]")!,
            Date("InitialVisitDate", Today.AddDays(-7))));
        Assert.Contains(conflict.ErrorMessages(), m => m.StartsWith("Someone else changed this enquiry", StringComparison.Ordinal));
        Assert.Contains(Today.AddDays(-8).ToString("d MMMM yyyy"), conflict.QuerySelector("#their-version")!.TextContent);
        Assert.Equal(Today.AddDays(-8), await app.Data.WithDbAsync(db => db.RecruitmentEnquiries.Where(e => e.Id == id).Select(e => e.InitialVisitDate).FirstAsync()));
    }

    [Fact]
    public async Task HouseholdForms_ConnectedPersonThroughApproval_TermsVisitsTrainingReviewFeedbackRecorded()
    {
        var (worker, client) = await FosteringWorkerAsync();
        var name = $"Gran Okoro {Guid.NewGuid():N}"[..24];

        // A connected person temporarily approved three weeks ago: the 16-week limit shows.
        var created = await client.SubmitAsync("/fostering/carers/add", With(new()
        {
            ["Kind"] = "ConnectedPerson", ["Name"] = name, ["Postcode"] = "br1 3cc", ["MaxChildren"] = "1", ["AgeFrom"] = "0", ["AgeTo"] = "17",
            ["CareType"] = "LongTerm", ["SupervisingWorkerId"] = worker.WorkerId.ToString(),
        }, Date("TemporaryApprovalDate", Today.AddDays(-21))));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var page = await client.GetPageAsync($"/fostering/carers/{id}");
        Assert.Contains(Today.AddDays(-21 + 16 * 7).ToString("d MMMM yyyy"), page.QuerySelector("#temporary-approval")!.TextContent);

        // Visit, training, review and feedback; the feedback form sent twice records it once.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/visits/add",
            With(Date("VisitDate", Today.AddDays(-3)), new() { ["Unannounced"] = "yes", ["Notes"] = "All well" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/training/add",
            With(new() { ["Course"] = "Safer caring" }, Date("CompletedDate", Today.AddDays(-2))))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/reviews/add",
            With(Date("ReviewDate", Today.AddDays(-1)), new() { ["ToPanel"] = "no", ["ApprovalContinues"] = "yes", ["Summary"] = "Going well" }))).StatusCode);
        var feedbackForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync($"/fostering/carers/{id}/feedback/add")).QuerySelector("main form[method=post]")!;
        var feedback = With(Date("GivenDate", Today), new() { ["SupportRating"] = "4", ["TrainingRating"] = "2", ["Comments"] = "More training on trauma please" });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(feedbackForm, feedback)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(feedbackForm, feedback)).StatusCode);

        // Full approval at panel: a change of terms with its reason.
        var noReason = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/terms", Date("ApprovalDate", Today)));
        Assert.Contains("Enter why the approval terms are changing", noReason.ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/terms",
            With(Date("ApprovalDate", Today), new() { ["MaxChildren"] = "2", ["Reason"] = "Fully approved at panel for both brothers" }))).StatusCode);

        page = await client.GetPageAsync($"/fostering/carers/{id}");
        Assert.Null(page.QuerySelector("#temporary-approval"));
        Assert.Contains("Up to 2", page.QuerySelector("#terms")!.TextContent);
        Assert.Contains("All well", page.QuerySelector("#visits")!.TextContent);
        Assert.Contains("Safer caring", page.QuerySelector("#training")!.TextContent);
        Assert.Contains("Going well", page.QuerySelector("#reviews")!.TextContent);
        Assert.Single(page.QuerySelectorAll("#feedback tbody tr"));
        Assert.Contains("Fully approved at panel for both brothers", page.QuerySelector("#history")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("#history tbody tr").Length); // approval date and number of children
    }

    [Fact]
    public async Task HouseholdForms_BadInputOrOutsider_MessagesOrRefusedAndNothingSaved()
    {
        var (worker, client) = await FosteringWorkerAsync();
        var id = IdFrom(await client.SubmitAsync("/fostering/carers/add", With(new()
        {
            ["Kind"] = "Mainstream", ["Name"] = "Lee Household", ["Postcode"] = "BR2 2AA", ["MaxChildren"] = "2", ["AgeFrom"] = "5", ["AgeTo"] = "11",
            ["CareType"] = "ShortTerm", ["SupervisingWorkerId"] = worker.WorkerId.ToString(),
        }, Date("ApprovalDate", Today.AddYears(-1)))));
        var counts = () => app.Data.WithDbAsync(async db => (await db.SupervisionVisits.CountAsync(v => v.HouseholdId == id), await db.CarerFeedback.CountAsync(f => f.HouseholdId == id),
            await db.FosterHouseholds.CountAsync()));
        var before = await counts();

        var visit = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/visits/add", With(Date("VisitDate", Today.AddDays(5)), new() { ["Unannounced"] = "maybe" })));
        Assert.Contains("The visit date must be today or in the past", visit.ErrorMessages());
        Assert.Contains("Select whether the visit was unannounced", visit.ErrorMessages());
        var feedback = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/feedback/add", With(Date("GivenDate", Today), new() { ["SupportRating"] = "9", ["TrainingRating"] = "x" })));
        Assert.Contains("Rate the support from 1 to 5", feedback.ErrorMessages());
        Assert.Contains("Rate the training from 1 to 5", feedback.ErrorMessages());
        var household = await Pages.ParseAsync(await client.SubmitAsync("/fostering/carers/add", new Dictionary<string, string>
        {
            ["Kind"] = "Mainstream", ["Name"] = "", ["Postcode"] = "BR2 2AA", ["MaxChildren"] = "two", ["AgeFrom"] = "12", ["AgeTo"] = "4", ["CareType"] = "ShortTerm",
            ["SupervisingWorkerId"] = worker.WorkerId.ToString(),
        }));
        Assert.Contains("Enter the household's name", household.ErrorMessages());
        Assert.Contains("Number of children must be a whole number, like 2", household.ErrorMessages());
        Assert.Contains("Enter the date the household was approved", household.ErrorMessages());

        // A social worker reads the fostering pages but may not record on them.
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var outsider = app.NewClient();
        await outsider.SignInAsync(sw.UserName);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/fostering/carers/{id}")).StatusCode);
        AssertRefused(await outsider.GetAsync("/fostering/enquiries/add"));
        AssertRefused(await outsider.GetAsync($"/fostering/carers/{id}/terms"));
        var posted = await outsider.PostAsync($"/fostering/carers/{id}/visits/add", new FormUrlEncodedContent(With(Date("VisitDate", Today), new() { ["Unannounced"] = "no" })));
        AssertRefused(posted);

        Assert.Equal(before, await counts());
    }

    [Fact]
    public async Task SupportForms_SpecialGuardiansAndAdopters_RecordedShownAndRefusedToOthers()
    {
        // A child under a special guardianship order, allocated to a social worker.
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Kinsey"; c.AllocatedTo = sw; });
        var orderId = await app.Data.WithDbAsync(async db =>
        {
            var sgo = new SpecialGuardianship { ChildId = childId, GuardianNames = "Rose and Tom Kinsey", OrderDate = Today.AddMonths(-8) };
            db.SpecialGuardianships.Add(sgo);
            await db.SaveChangesAsync();
            return sgo.Id;
        });
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var url = $"/children/{childId}/permanence/special-guardianship/{orderId}/support/add";

        var bad = await Pages.ParseAsync(await client.SubmitAsync(url, With(Date("StartDate", Today.AddDays(3)), new() { ["Kind"] = "Holiday" })));
        Assert.Contains("Select the kind of support", bad.ErrorMessages());
        Assert.Contains("The date the support started must be today or in the past", bad.ErrorMessages());
        Assert.Contains("Describe the support", bad.ErrorMessages());
        var saved = await client.SubmitAsync(url, With(Date("StartDate", Today.AddDays(-10)), new() { ["Kind"] = "Therapeutic", ["Description"] = "Therapeutic parenting, 12 weeks" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tab = await client.GetPageAsync($"/children/{childId}/permanence");
        Assert.Contains("Therapeutic parenting, 12 weeks", tab.QuerySelector($"#guardian-support-{orderId}")!.TextContent);

        // A social worker in another team may read the child's record but not record on it.
        var other = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var outsider = app.NewClient();
        await outsider.SignInAsync(other.UserName);
        var refusedPage = await outsider.GetAsync(url);
        if (refusedPage.StatusCode == HttpStatusCode.OK)
        {
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await Pages.ParseAsync(refusedPage)).QuerySelector("main form[method=post]")!;
            var refused = await outsider.PostFormAsync(form, With(Date("StartDate", Today), new() { ["Kind"] = "Financial", ["Description"] = "Allowance" }));
            AssertRefused(refused);
        }
        else AssertRefused(refusedPage);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.GuardianSupport.CountAsync(g => g.SpecialGuardianshipId == orderId)));

        // Adopters approved through the funnel get support after the order, recorded against them.
        var (_, fostering) = await FosteringWorkerAsync();
        var adopters = IdFrom(await fostering.SubmitAsync("/fostering/enquiries/add", With(new() { ["Kind"] = "Adoption", ["HouseholdName"] = "Ade and Kim Bello", ["Source"] = "Web" },
            Date("EnquiryDate", Today.AddMonths(-14)), Date("InitialVisitDate", Today.AddMonths(-13)), Date("ApplicationDate", Today.AddMonths(-12)), Date("Stage1Date", Today.AddMonths(-12)),
            Date("Stage2Date", Today.AddMonths(-10)), Date("PanelDate", Today.AddMonths(-7)), Date("ApprovalDate", Today.AddMonths(-7)))));
        Assert.Equal(HttpStatusCode.Redirect, (await fostering.SubmitAsync($"/fostering/enquiries/{adopters}/support/add",
            With(Date("StartDate", Today.AddDays(-2)), new() { ["Kind"] = "PeerSupport", ["Description"] = "Adopters' peer group, monthly" }))).StatusCode);
        Assert.Contains("Adopters' peer group, monthly", (await fostering.GetPageAsync($"/fostering/enquiries/{adopters}")).QuerySelector("#adopter-support")!.TextContent);
        AssertRefused(await outsider.GetAsync($"/fostering/enquiries/{adopters}/support/add"));
    }

    [Fact]
    public async Task PlanLinks_PathwayPlanAndPermanenceDecision_LinkToTheSharedPlanWhenItStarts()
    {
        // A care leaver (19, in care from 15 to 18) whose pathway plan dimensions are recorded, and a child in care with a permanence decision.
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var dob = Today.AddYears(-19).AddDays(-40);
        var leaver = await app.Data.CreateChildAsync(c => { c.FirstName = "Pathfinder"; c.AllocatedTo = sw; c.DateOfBirth = dob; c.Involvements.Add((Haven.Core.Involvements.InvolvementKind.CareLeaver, dob.AddYears(18))); });
        var inCare = await app.Data.CreateChildAsync(c => { c.FirstName = "Settle"; c.AllocatedTo = sw; c.DateOfBirth = Today.AddYears(-6); });
        await app.Data.WithDbAsync(async db =>
        {
            db.Involvements.Add(new Haven.Core.Involvements.Involvement { ChildId = leaver, Kind = Haven.Core.Involvements.InvolvementKind.InCare, StartDate = dob.AddYears(15), EndDate = dob.AddYears(18), RecordedAt = DateTime.UtcNow });
            db.PathwayPlans.Add(new Haven.Core.CareLeavers.PathwayPlan { ChildId = leaver, NeedsAssessmentDate = Today.AddDays(-20), Accommodation = "Supported lodgings", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            db.PeriodsOfCare.Add(new Haven.Core.ChildrenLookedAfter.PeriodOfCare { ChildId = inCare, DecisionDate = Today.AddDays(-60), AuthorisedByWorkerId = sw.WorkerId, StartDate = Today.AddDays(-60),
                CategoryOfNeedCode = "N1", HomePostcode = "BR1 1AA", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            db.PermanencePlans.Add(new Haven.Core.Permanence.PermanencePlan { ChildId = inCare, Type = Haven.Core.Permanence.PermanencePlanType.LongTermFostering, SetAtReview = Today.AddDays(-30),
                OnTrack = true, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        Assert.Equal($"/children/{leaver}/plans/start?kind=Pathway", (await client.GetPageAsync($"/children/{leaver}/care-leaver")).QuerySelector("#plan-content a")!.GetAttribute("href"));

        foreach (var (child, kind) in new[] { (leaver, "Pathway"), (inCare, "Care") })
        {
            var started = await client.SubmitAsync($"/children/{child}/plans/start?kind={kind}", With(new()
            {
                ["Kind"] = kind, ["Outcomes"] = "Has a settled home", ["Actions[0].What"] = "Visit the flat", ["Actions[0].Who"] = "Personal adviser",
                ["Contingency"] = "Supported lodgings if the move falls through",
            }, Date("StartDate", Today), Date("Actions[0].DueDate", Today.AddDays(14))));
            Assert.True(started.StatusCode == HttpStatusCode.Redirect, $"{kind}: {string.Join("; ", (await Pages.ParseAsync(started)).ErrorMessages())}");
        }

        var pathwayPlanId = await app.Data.WithDbAsync(db => db.Plans.Where(p => p.ChildId == leaver && p.Kind == Haven.Core.Plans.PlanKind.Pathway).Select(p => p.Id).SingleAsync());
        var carePlanId = await app.Data.WithDbAsync(db => db.Plans.Where(p => p.ChildId == inCare && p.Kind == Haven.Core.Plans.PlanKind.Care).Select(p => p.Id).SingleAsync());
        Assert.Equal(pathwayPlanId, await app.Data.WithDbAsync(db => db.PathwayPlans.Where(p => p.ChildId == leaver).Select(p => p.PlanId).SingleAsync()));
        Assert.Equal(carePlanId, await app.Data.WithDbAsync(db => db.PermanencePlans.Where(p => p.ChildId == inCare).Select(p => p.PlanId).SingleAsync()));
        Assert.Equal($"/children/{leaver}/plans/{pathwayPlanId}", (await client.GetPageAsync($"/children/{leaver}/care-leaver")).QuerySelector("#plan-content a")!.GetAttribute("href"));
        Assert.Equal($"/children/{inCare}/plans/{carePlanId}", (await client.GetPageAsync($"/children/{inCare}/permanence")).QuerySelector("#permanence-care-plan a")!.GetAttribute("href"));
    }
}

public sealed class FosteringFormsTestsOnSqlite(SqliteApp app) : FosteringFormsTests(app), IClassFixture<SqliteApp>;
public sealed class FosteringFormsTestsOnPostgres(PostgresApp app) : FosteringFormsTests(app), IClassFixture<PostgresApp>;
