using Haven.Core.Access;
using Haven.Core.Fostering;
using Haven.Core.Permanence;
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

    /// The parts' fields together; a later part's value for the same field wins.
    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts)
    {
        var all = new Dictionary<string, string>();
        foreach (var (key, value) in parts.SelectMany(p => p)) all[key] = value;
        return all;
    }

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

    private async Task<int> MainstreamHouseholdAsync(HttpClient client, TestWorker worker, string name, DateOnly approved) =>
        IdFrom(await client.SubmitAsync("/fostering/carers/add", With(new()
        {
            ["Kind"] = "Mainstream", ["Name"] = name, ["Postcode"] = "BR3 3AA", ["MaxChildren"] = "2", ["AgeFrom"] = "0", ["AgeTo"] = "17",
            ["CareType"] = "LongTerm", ["SupervisingWorkerId"] = worker.WorkerId.ToString(),
        }, Date("ApprovalDate", approved))));

    [Fact]
    public async Task RowCorrections_VisitTrainingReviewFeedback_CorrectedWithReasonAndHistoryStaleRefused()
    {
        var (worker, client) = await FosteringWorkerAsync();
        var id = await MainstreamHouseholdAsync(client, worker, $"Correct {Guid.NewGuid():N}"[..20], Today.AddYears(-2));
        await client.SubmitAsync($"/fostering/carers/{id}/visits/add", With(Date("VisitDate", Today.AddDays(-3)), new() { ["Unannounced"] = "no", ["Notes"] = "Fine" }));
        await client.SubmitAsync($"/fostering/carers/{id}/training/add", With(new() { ["Course"] = "Safer caring" }, Date("RequiredBy", Today.AddMonths(2))));
        await client.SubmitAsync($"/fostering/carers/{id}/reviews/add", With(Date("ReviewDate", Today.AddDays(-9)), new() { ["ToPanel"] = "no", ["ApprovalContinues"] = "yes" }));
        await client.SubmitAsync($"/fostering/carers/{id}/feedback/add", With(Date("GivenDate", Today.AddDays(-2)), new() { ["SupportRating"] = "3", ["TrainingRating"] = "3" }));
        var (visitId, trainingId, reviewId, feedbackId) = await app.Data.WithDbAsync(async db => (
            await db.SupervisionVisits.Where(v => v.HouseholdId == id).Select(v => v.Id).SingleAsync(), await db.CarerTraining.Where(v => v.HouseholdId == id).Select(v => v.Id).SingleAsync(),
            await db.CarerReviews.Where(v => v.HouseholdId == id).Select(v => v.Id).SingleAsync(), await db.CarerFeedback.Where(v => v.HouseholdId == id).Select(v => v.Id).SingleAsync()));

        // The household page links each row to its correction form, which opens filled in.
        var household = await client.GetPageAsync($"/fostering/carers/{id}");
        Assert.NotNull(household.QuerySelector($"#visits a[href='/fostering/carers/{id}/visits/{visitId}/correct']"));
        var stale = await client.GetPageAsync($"/fostering/carers/{id}/visits/{visitId}/correct");
        Assert.Equal("Fine", stale.QuerySelector("textarea[name=Notes]")!.TextContent.Trim());

        // Changing what was recorded needs a reason; bad input gets its message; with a reason the row is corrected and the old value kept.
        var noReason = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/visits/{visitId}/correct", new Dictionary<string, string> { ["Unannounced"] = "yes" }));
        Assert.Contains("Enter why you are changing what was already recorded", noReason.ErrorMessages());
        var future = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/visits/{visitId}/correct", With(Date("VisitDate", Today.AddDays(4)), new() { ["Reason"] = "x" })));
        Assert.Contains("The visit date must be today or in the past", future.ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/visits/{visitId}/correct",
            new Dictionary<string, string> { ["Unannounced"] = "yes", ["Reason"] = "It was unannounced: recorded wrongly" })).StatusCode);

        // The form read before that correction is refused, and shows what is saved now; nothing is overwritten.
        var conflict = await Pages.ParseAsync(await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)stale.QuerySelector("main form[method=post]")!,
            new Dictionary<string, string> { ["Notes"] = "Overwrite", ["Reason"] = "Mine" }));
        Assert.Contains(conflict.ErrorMessages(), m => m.StartsWith("Someone else corrected this record", StringComparison.Ordinal));
        Assert.Contains("Yes", conflict.QuerySelector("#their-version")!.TextContent);

        // A course still required is completed without a reason; review and feedback corrected with one.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/training/{trainingId}/correct", Date("CompletedDate", Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/reviews/{reviewId}/correct",
            new Dictionary<string, string> { ["ToPanel"] = "yes", ["Reason"] = "It went to panel" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/feedback/{feedbackId}/correct",
            new Dictionary<string, string> { ["SupportRating"] = "4", ["Reason"] = "Misheard" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fostering/carers/{id}/visits/{visitId + 100000}/correct")).StatusCode);

        var saved = await app.Data.WithDbAsync(async db => (await db.SupervisionVisits.SingleAsync(v => v.Id == visitId), await db.CarerTraining.SingleAsync(t => t.Id == trainingId),
            await db.CarerReviews.SingleAsync(r => r.Id == reviewId), await db.CarerFeedback.SingleAsync(f => f.Id == feedbackId)));
        Assert.Equal((true, "Fine", Today, true, 4), (saved.Item1.Unannounced, saved.Item1.Notes, saved.Item2.CompletedDate, saved.Item3.ToPanel, saved.Item4.SupportRating));
        var history = (await client.GetPageAsync($"/fostering/carers/{id}")).QuerySelector("#history")!.TextContent;
        Assert.Contains("It was unannounced: recorded wrongly", history);
        Assert.Contains("Supervision visit of", history);
        Assert.Contains("Misheard", history);
        Assert.Equal(4, await app.Data.WithDbAsync(db => db.FosteringCorrections.CountAsync(c => c.HouseholdId == id)));
    }

    [Fact]
    public async Task HouseholdLifecycle_ReviewDueOnMyWorkPlacementLinkedDeregistered_SoftWithReason()
    {
        var (worker, client) = await FosteringWorkerAsync();
        var name = $"Yusuf {Guid.NewGuid():N}"[..16];
        var id = await MainstreamHouseholdAsync(client, worker, name, Today.AddYears(-1).AddDays(-3));

        // The supervising social worker's My work shows the annual review, overdue, linking to the form.
        var myWork = await client.GetPageAsync("/");
        var due = myWork.QuerySelector("#worker-due")!;
        Assert.Contains($"Annual review of {name}", due.TextContent);
        Assert.Contains("Overdue", due.TextContent);
        Assert.NotNull(due.QuerySelector($"a[href='/fostering/carers/{id}/reviews/add']"));

        // A child's placement with these carers, found by the carers' name, linked from the page (once).
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, (await app.Data.CreateTeamAsync()).TeamId);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Placed"; c.AllocatedTo = sw; });
        var placementId = await app.Data.WithDbAsync(async db =>
        {
            var period = new Haven.Core.ChildrenLookedAfter.PeriodOfCare { ChildId = childId, DecisionDate = Today.AddDays(-30), AuthorisedByWorkerId = sw.WorkerId, StartDate = Today.AddDays(-30),
                CategoryOfNeedCode = "N1", HomePostcode = "BR1 1AA", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.PeriodsOfCare.Add(period);
            await db.SaveChangesAsync();
            var placement = new Haven.Core.ChildrenLookedAfter.Placement { ChildId = childId, PeriodOfCareId = period.Id, PlacementTypeCode = "U4", CarerName = name, AddressLine1 = "2 Low St",
                Town = "Bromley", Postcode = "BR3 3AA", StartDate = Today.AddDays(-30), RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.Add(placement);
            await db.SaveChangesAsync();
            return placement.Id;
        });
        var find = await client.GetPageAsync($"/fostering/carers/{id}/placements/add?search={Uri.EscapeDataString(name)}");
        Assert.DoesNotContain("Placed", find.QuerySelector("main")!.TextContent); // a fostering worker does not open children's records
        var linkForm = (AngleSharp.Html.Dom.IHtmlFormElement)find.QuerySelector("main form[method=post]")!;
        var linked = await client.PostFormAsync(linkForm, new Dictionary<string, string> { ["PlacementId"] = placementId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var again = await Pages.ParseAsync(await client.PostFormAsync(linkForm, new Dictionary<string, string> { ["PlacementId"] = placementId.ToString() }));
        Assert.Contains("Select the placement with this household", again.ErrorMessages());
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.HouseholdPlacements.CountAsync(l => l.PlacementId == placementId)));
        Assert.Contains("A child whose record you cannot open", (await client.GetPageAsync($"/fostering/carers/{id}")).QuerySelector("#placed")!.TextContent);

        // Deregistration: refused while the child is placed, and without a date, reason or details.
        var bad = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/deregister", new Dictionary<string, string> { ["Reason"] = "Bored" }));
        Assert.Contains("Enter the date the household was deregistered", bad.ErrorMessages());
        Assert.Contains("Select why the household is deregistered", bad.ErrorMessages());
        Assert.Contains("Give the reason for deregistration in your own words", bad.ErrorMessages());
        var stale = await client.GetPageAsync($"/fostering/carers/{id}/deregister");
        var placed = await Pages.ParseAsync(await client.SubmitAsync($"/fostering/carers/{id}/deregister",
            With(Date("Date", Today), new() { ["Reason"] = "Retired", ["Details"] = "Retiring to the coast" })));
        Assert.Contains("A child is still placed with this household on that date: end the placement first", placed.ErrorMessages());
        await app.Data.WithDbAsync(db => db.Set<Haven.Core.ChildrenLookedAfter.Placement>().Where(p => p.Id == placementId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.EndDate, Today.AddDays(-1))));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/fostering/carers/{id}/deregister",
            With(Date("Date", Today), new() { ["Reason"] = "Retired", ["Details"] = "Retiring to the coast" }))).StatusCode);

        // The stale form is told it was already deregistered; the household stays, with its reason, and nothing is due.
        var twice = await Pages.ParseAsync(await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)stale.QuerySelector("main form[method=post]")!,
            With(Date("Date", Today), new() { ["Reason"] = "Resigned", ["Details"] = "Other reason" })));
        Assert.Contains($"This household was deregistered on {Today:d MMMM yyyy}", twice.ErrorMessages());
        var page = await client.GetPageAsync($"/fostering/carers/{id}");
        Assert.Contains("Retiring to the coast", page.QuerySelector("#deregistered")!.TextContent);
        Assert.Null(page.QuerySelector("a[href$='/deregister']"));
        Assert.DoesNotContain(name, (await client.GetPageAsync("/")).Body!.TextContent);
        Assert.Equal(HouseholdKind.Mainstream, await app.Data.WithDbAsync(db => db.FosterHouseholds.Where(h => h.Id == id).Select(h => h.Kind).SingleAsync()));
    }

    [Fact]
    public async Task AdoptionRecordForm_StepsRecordedStaleRefusedOrderSeals()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Adie"; c.AllocatedTo = sw; c.DateOfBirth = Today.AddYears(-2); });
        var adoptersName = $"Approved {Guid.NewGuid():N}"[..18];
        var adopters = await app.Data.WithDbAsync(async db =>
        {
            var e = new RecruitmentEnquiry { Kind = ApplicantKind.Adoption, HouseholdName = adoptersName, Source = EnquirySource.Web, EnquiryDate = Today.AddYears(-1),
                ApprovalDate = Today.AddMonths(-4), RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() };
            db.RecruitmentEnquiries.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var url = $"/children/{childId}/permanence/adoption";

        // Bad input: every message the API gives, on the page; nothing saved.
        var bad = await Pages.ParseAsync(await client.SubmitAsync(url, With(Date("AdmDecisionDate", Today.AddDays(3)), Date("MatchDate", Today.AddDays(-1)),
            new() { ["EarlyPermanence"] = "Sideways", ["Siblings"] = "Apart" })));
        Assert.Contains("Record whether early permanence (foster to adopt or concurrent planning) was considered, and the outcome", bad.ErrorMessages());
        bad = await Pages.ParseAsync(await client.SubmitAsync(url, With(Date("AdmDecisionDate", Today.AddDays(3)), Date("MatchDate", Today.AddDays(-1)),
            new() { ["EarlyPermanence"] = "ConsideredNoCarers", ["Siblings"] = "Apart" })));
        Assert.Contains("The decision date must be today or in the past", bad.ErrorMessages());
        Assert.Contains("Enter why brothers and sisters are placed apart", bad.ErrorMessages());
        Assert.Contains("Enter the placement order date first", bad.ErrorMessages());
        Assert.Contains("Select the adopters the child is matched with", bad.ErrorMessages());
        Assert.Equal(0, await app.Data.WithDbAsync(db => db.AdoptionCases.CountAsync(a => a.ChildId == childId)));

        // The decision and the placement order; the form then opens filled with what is saved.
        var steps = With(Date("AdmDecisionDate", Today.AddMonths(-5)), Date("PlacementOrderDate", Today.AddMonths(-3)),
            new() { ["EarlyPermanence"] = "ConsideredNoCarers", ["Siblings"] = "NoSiblingsInPlan" });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, steps)).StatusCode);
        Assert.Contains("Update the adoption record", (await client.GetPageAsync($"/children/{childId}/permanence")).QuerySelector("#update-adoption")!.TextContent);
        var readFirst = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        Assert.Equal((Today.AddMonths(-3)).Year.ToString(), ((AngleSharp.Html.Dom.IHtmlInputElement)readFirst.QuerySelector("input[name='PlacementOrderDate.Year']")!).Value);

        // The match, from a second form read at the same time; the first form is then stale and refused with what is saved.
        var readSecond = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        var matched = With(steps, Date("MatchDate", Today.AddMonths(-1)), new() { ["AdopterEnquiryId"] = adopters.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(readSecond, matched)).StatusCode);
        var stale = await Pages.ParseAsync(await client.PostFormAsync(readFirst, With(steps, new() { ["Siblings"] = "Together" })));
        Assert.NotNull(stale.QuerySelector("#their-version"));
        var saved = await app.Data.WithDbAsync(db => db.AdoptionCases.SingleAsync(a => a.ChildId == childId));
        Assert.Equal(SiblingPlacement.NoSiblingsInPlan, saved.Siblings);
        Assert.Equal(adopters, saved.AdopterEnquiryId);

        // Placed, then the order: the record is sealed.
        var placed = With(matched, Date("PlacedForAdoptionDate", Today.AddDays(-20)), Date("AdoptionOrderDate", Today.AddDays(-1)));
        var current = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(current, placed)).StatusCode);
        saved = await app.Data.WithDbAsync(db => db.AdoptionCases.SingleAsync(a => a.ChildId == childId));
        Assert.NotNull(saved.SealedAt);
        Assert.Equal(Today.AddDays(-20), saved.MovedInDate);
    }

    [Fact]
    public async Task SpecialGuardianshipAndAdopterTraining_RecordedOnceListedOnBothSides()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var sw = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var childId = await app.Data.CreateChildAsync(c => { c.FirstName = "Guardie"; c.AllocatedTo = sw; c.DateOfBirth = Today.AddYears(-4); });
        var client = app.NewClient();
        await client.SignInAsync(sw.UserName);
        var url = $"/children/{childId}/permanence/special-guardianship/add";

        var bad = await Pages.ParseAsync(await client.SubmitAsync(url, With(Date("OrderDate", Today.AddYears(-5)), new() { ["AgreedSupport"] = "Holiday" })));
        Assert.Contains("Enter the special guardians' names", bad.ErrorMessages());
        Assert.Contains("Describe the support plan agreed with the special guardians", bad.ErrorMessages());
        Assert.Contains("Select the support agreed from the list", bad.ErrorMessages());
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        var values = With(Date("OrderDate", Today.AddDays(-14)), new() { ["GuardianNames"] = "Ruth and David Mensah", ["SupportPlan"] = "Allowance reviewed yearly; therapeutic parenting for 6 months" });
        var agreed = new[] { "Financial", "Therapeutic" };
        // Checkboxes send one value each: the hidden fields (anti-forgery token, submission id) plus the values.
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Concat(values).Concat(agreed.Select(a => new KeyValuePair<string, string>("AgreedSupport", a))).ToList();
        var first = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        var second = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var order = await app.Data.WithDbAsync(db => db.SpecialGuardianships.Include(s => s.Support).SingleAsync(s => s.ChildId == childId));
        Assert.Equal(2, order.Support.Count);
        var tab = await client.GetPageAsync($"/children/{childId}/permanence");
        Assert.Contains("therapeutic parenting for 6 months", tab.QuerySelector($"#support-plan-{order.Id}")!.TextContent);
        var list = (await client.GetPageAsync("/fostering/special-guardians")).QuerySelector("#special-guardians")!;
        Assert.Contains("Ruth and David Mensah", list.TextContent);
        Assert.NotNull(list.QuerySelector($"a[href^='/children/{childId}/permanence']"));

        // The permanence plan set at a review, from the tab: bad input gets messages; the same form twice records one plan.
        var planUrl = $"/children/{childId}/permanence/plan";
        var badPlan = await Pages.ParseAsync(await client.SubmitAsync(planUrl, With(Date("SetAtReview", Today.AddDays(2)), new() { ["Type"] = "Elsewhere" })));
        Assert.Contains("Select the permanence plan", badPlan.ErrorMessages());
        Assert.Contains("Select whether the plan is on track", badPlan.ErrorMessages());
        Assert.Contains("The review date must be today or in the past", badPlan.ErrorMessages());
        var planForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(planUrl)).QuerySelector("main form[method=post]")!;
        var planValues = With(Date("SetAtReview", Today.AddDays(-20)), new() { ["Type"] = "SpecialGuardianship", ["OnTrack"] = "yes", ["Notes"] = "Assessment of the grandparents done" });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(planForm, planValues)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(planForm, planValues)).StatusCode);
        Assert.Equal(1, await app.Data.WithDbAsync(db => db.PermanencePlans.CountAsync(p => p.ChildId == childId)));
        Assert.Contains("SpecialGuardianship", (await client.GetPageAsync($"/children/{childId}/permanence")).QuerySelector("#current-plan")!.TextContent);

        // Second-time adopters' training, on the adopters' side.
        var (_, fostering) = await FosteringWorkerAsync();
        var name = $"Twice {Guid.NewGuid():N}"[..16];
        var adopters = IdFrom(await fostering.SubmitAsync("/fostering/enquiries/add", With(new() { ["Kind"] = "Adoption", ["HouseholdName"] = name, ["Source"] = "Web", ["SecondTimeAdopter"] = "yes" },
            Date("EnquiryDate", Today.AddMonths(-3)), Date("InitialVisitDate", Today.AddMonths(-2)), Date("ApplicationDate", Today.AddMonths(-2)))));
        var noCourse = await Pages.ParseAsync(await fostering.SubmitAsync($"/fostering/enquiries/{adopters}/training/add", Date("CompletedDate", Today.AddDays(2))));
        Assert.Contains("Enter the course", noCourse.ErrorMessages());
        Assert.Contains("The date completed must be today or in the past", noCourse.ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await fostering.SubmitAsync($"/fostering/enquiries/{adopters}/training/add",
            With(new() { ["Course"] = "Preparation for second-time adopters" }, Date("CompletedDate", Today.AddDays(-1))))).StatusCode);
        Assert.Contains("Preparation for second-time adopters", (await fostering.GetPageAsync($"/fostering/enquiries/{adopters}")).QuerySelector("#adopter-training")!.TextContent);
        var secondTime = (await fostering.GetPageAsync("/fostering/adopter-training?secondTime=true")).QuerySelector("#adopter-training")!.TextContent;
        Assert.Contains(name, secondTime);
        Assert.Contains("Second-time", secondTime);
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
