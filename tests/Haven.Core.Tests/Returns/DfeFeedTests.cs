using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.ChildInNeed;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.People;
using Haven.Core.Plans;
using Haven.Core.Referrals;
using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.DfeFeed;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Tests.Synthetic;
using Haven.Core.Workforce;

namespace Haven.Core.Tests.Returns;

/// The DfE daily feed's payload for a few hand-built children: the codes are the ones the CIN census
/// and SSDA903 builders give, the identifiers are Haven's keys, and every payload passes the schema.
public class DfeFeedTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    internal sealed record Seeded(int Ann, int Ben, int Cal, int Worker, int AnnReferral, int AnnAssessment, int AnnPlan, int AnnS47, int AnnCpp, int BenEpisode, int CalEpisode);

    /// Ann: referral, assessment with factors, CIN plan, section 47 with ICPC, CP plan, a social
    /// worker, an SDQ, a home postcode. Ben (restricted) and Cal: looked after in a U1 placement.
    internal static async Task<Seeded> SeedAsync(HavenDbContext db)
    {
        var service = new Service { Name = "Children's services" };
        db.Add(service);
        await db.SaveChangesAsync();
        var team = new Team { Name = "Assessment team", ServiceId = service.Id };
        db.Add(team);
        await db.SaveChangesAsync();
        var worker = new Worker { DisplayName = "Sam Worker", Role = HavenRole.SocialWorker, TeamId = team.Id, SweNumber = "SW123456" };
        db.Add(worker);
        await db.SaveChangesAsync();

        Person Child(string name, Sex sex, string dob, string ethnicity, bool restricted = false) =>
            new() { Kind = PersonKind.Child, FirstName = name, LastName = "Test", Sex = sex, DateOfBirth = D(dob), EthnicityCode = ethnicity, UpnUnknownReason = "UN5", DisabilityCodes = "NONE", IsRestricted = restricted };
        var ann = Child("Ann", Sex.Female, "2015-06-01", "WBRI");
        ann.Upn = "C999000000001";
        var ben = Child("Ben", Sex.Male, "2012-01-01", "AIND", restricted: true);
        var cal = Child("Cal", Sex.Male, "2013-02-01", "BAFR");
        db.People.AddRange(ann, ben, cal);
        await db.SaveChangesAsync();
        var home = new Address { Line1 = "1 High Street", Town = "Haven", Postcode = "AB1 2CD" };
        db.Add(home);
        await db.SaveChangesAsync();
        db.PersonAddresses.Add(new PersonAddress { PersonId = ann.Id, AddressId = home.Id, StartDate = D("2015-06-01") });

        var ra = new Referral { ChildId = ann.Id, ReferralDate = D("2025-05-01"), SourceCode = "2A", PrimaryNeedCode = "N1" };
        var rb = new Referral { ChildId = ben.Id, ReferralDate = D("2025-01-10"), SourceCode = "6", PrimaryNeedCode = "N1" };
        var rc = new Referral { ChildId = cal.Id, ReferralDate = D("2025-01-10"), SourceCode = "6", PrimaryNeedCode = "N1" };
        db.Referrals.AddRange(ra, rb, rc);
        await db.SaveChangesAsync();
        db.Allocations.Add(new Allocation { ChildId = ann.Id, Kind = AllocationKind.SocialWorker, WorkerId = worker.Id, TeamId = team.Id, StartDate = D("2025-05-01") });
        db.HealthRecords.Add(new HealthRecord { ChildId = ann.Id, Kind = HealthRecordKind.StrengthsAndDifficulties, Date = D("2025-10-01"), SdqScore = 14 });

        var assessment = new Assessment { ChildId = ann.Id, ReferralId = ra.Id, StartDate = D("2025-05-02"), DueDate = D("2025-07-03"), AuthorisedDate = D("2025-06-10"), Outcome = AssessmentOutcome.ChildInNeedPlan, Factors = [new() { Code = "3B" }, new() { Code = "4B" }] };
        db.Assessments.Add(assessment);
        var plan = new Plan { ChildId = ann.Id, Kind = PlanKind.ChildInNeed, StartDate = D("2025-06-11"), EndDate = D("2025-09-01"), CurrentVersionNumber = 1 };
        db.Add(plan);
        await db.SaveChangesAsync();
        db.ChildInNeedPlans.Add(new ChildInNeedPlan { ChildId = ann.Id, PlanId = plan.Id, StartDate = D("2025-06-11"), EndDate = D("2025-09-01"), ClosureReason = ChildInNeedPlanClosureReason.ChildProtectionPlan });
        var strategy = new StrategyDiscussion { ChildId = ann.Id, ReferralId = ra.Id, Date = D("2025-09-02"), Concerns = "Neglect", StartSection47 = true };
        db.Add(strategy);
        await db.SaveChangesAsync();
        var s47 = new Section47Enquiry { ChildId = ann.Id, ReferralId = ra.Id, StrategyDiscussionId = strategy.Id, StartDate = D("2025-09-02"), InitialConferenceDue = D("2025-09-23"), Outcome = Section47Outcome.ConferenceRequired, CompletedDate = D("2025-09-19"), InitialConferenceDate = D("2025-09-22") };
        db.Section47Enquiries.Add(s47);
        await db.SaveChangesAsync();
        var icpc = new ChildProtectionConference { ChildId = ann.Id, Kind = ConferenceKind.Initial, Section47EnquiryId = s47.Id, Date = D("2025-09-22"), Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "NEG" };
        db.ChildProtectionConferences.Add(icpc);
        await db.SaveChangesAsync();
        var cpp = new ChildProtectionPlan { ChildId = ann.Id, StartDate = D("2025-09-22"), CategoryOfAbuse = "NEG", StartConferenceId = icpc.Id, PreviousPlans = 0 };
        db.ChildProtectionPlans.Add(cpp);
        await db.SaveChangesAsync();

        async Task<int> LookAfter(Person child)
        {
            var period = new PeriodOfCare { ChildId = child.Id, DecisionDate = D("2025-02-01"), AuthorisedByWorkerId = worker.Id, StartDate = D("2025-02-01"), CategoryOfNeedCode = "N1", HomePostcode = "AB1 2CD" };
            db.PeriodsOfCare.Add(period);
            await db.SaveChangesAsync();
            var placement = new Placement { ChildId = child.Id, PeriodOfCareId = period.Id, PlacementTypeCode = "U1", ProviderCode = "PR1", CarerName = "Carers", Postcode = "ZZ9 9ZZ", StartDate = D("2025-02-01") };
            db.Add(placement);
            await db.SaveChangesAsync();
            var episode = new Episode { PeriodOfCareId = period.Id, ChildId = child.Id, Revision = 1, StartDate = D("2025-02-01"), ReasonForNewEpisodeCode = "S", LegalStatusCode = "C2", PlacementId = placement.Id };
            db.Episodes.Add(episode);
            await db.SaveChangesAsync();
            return episode.Id;
        }
        var benEpisode = await LookAfter(ben);
        var calEpisode = await LookAfter(cal);
        return new Seeded(ann.Id, ben.Id, cal.Id, worker.Id, ra.Id, assessment.Id, plan.Id, s47.Id, cpp.Id, benEpisode, calEpisode);
    }

    [Fact]
    public async Task Build_HandBuiltChildren_MapsCodesAsTheCinCensusAndSsda903Do()
    {
        using var database = new TestDatabase();
        Seeded s;
        await using (var db = database.Open()) s = await SeedAsync(db);
        await using var read = database.Open();

        var payloads = await DfeFeedBuilder.BuildAsync(read, Today);
        var census = await CinCensusBuilder.BuildAsync(read, 2026);
        var ssda = await Ssda903Builder.BuildAsync(read, ReturnPeriod.CollectionYear(2026), default);

        Assert.Equal([$"H{s.Ann}", $"H{s.Ben}", $"H{s.Cal}"], payloads.Select(p => p.LaChildId));
        var ann = payloads[0];
        var cinAnn = census.Children.Single(c => c.ChildId == s.Ann);
        Assert.Equal(cinAnn.Sex, ann.ChildDetails!.Sex);
        Assert.Equal("F", ann.ChildDetails.Sex);
        Assert.Equal("WBRI", ann.ChildDetails.Ethnicity);
        Assert.Equal("C999000000001", ann.ChildDetails.UniquePupilNumber);
        Assert.Null(ann.ChildDetails.UniquePupilNumberUnknownReason);
        Assert.Equal("AB1 2CD", ann.ChildDetails.Postcode);
        Assert.Equal(14, ann.HealthAndWellbeing!.SdqAssessments!.Single().Score);

        var episode = ann.SocialCareEpisodes!.Single();
        var cinEpisode = cinAnn.Episodes.Single();
        Assert.Equal($"R{s.AnnReferral}", episode.SocialCareEpisodeId);
        Assert.Equal(cinEpisode.ReferralSource, episode.ReferralSource);
        Assert.Equal("2A", episode.ReferralSource);
        Assert.False(episode.ReferralNoFurtherActionFlag);
        Assert.Null(episode.ClosureDate);
        Assert.Equal("SW123456", episode.CareWorkerDetails!.Single().WorkerId);
        var assessment = episode.ChildAndFamilyAssessments!.Single();
        Assert.Equal($"A{s.AnnAssessment}", assessment.ChildAndFamilyAssessmentId);
        Assert.Equal(cinEpisode.Assessments.Single().Factors, assessment.Factors);
        Assert.Equal(["3B", "4B"], assessment.Factors);
        Assert.Equal(D("2025-06-10"), assessment.AuthorisationDate);
        Assert.Equal($"P{s.AnnPlan}", episode.ChildInNeedPlans!.Single().ChildInNeedPlanId);
        var s47 = episode.Section47Assessments!.Single();
        Assert.Equal($"S{s.AnnS47}", s47.Section47AssessmentId);
        Assert.True(s47.IcpcRequiredFlag);
        Assert.Equal(D("2025-09-22"), s47.IcpcDate);
        Assert.Equal(D("2025-09-19"), s47.EndDate);
        Assert.Equal($"C{s.AnnCpp}", episode.ChildProtectionPlans!.Single().ChildProtectionPlanId);

        // Looked after: the 903 episode as a placement, with its codes; the restricted child's placement postcode is left out.
        var calPlacement = payloads[2].SocialCareEpisodes!.Single().ChildLookedAfterPlacements!.Single();
        var cal903 = ssda.Episodes.Single(e => e.Child == s.Cal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"E{s.CalEpisode}", calPlacement.ChildLookedAfterPlacementId);
        Assert.Equal(cal903.Place, calPlacement.PlacementType);
        Assert.Equal(cal903.Rne, calPlacement.StartReason);
        Assert.Equal("ZZ9 9ZZ", calPlacement.Postcode);
        var benPlacement = payloads[1].SocialCareEpisodes!.Single().ChildLookedAfterPlacements!.Single();
        Assert.Equal($"E{s.BenEpisode}", benPlacement.ChildLookedAfterPlacementId);
        Assert.Null(benPlacement.Postcode);
        Assert.Null(payloads[1].ChildDetails!.Postcode);

        foreach (var p in payloads)
        {
            Assert.Empty(DfeFeedJson.Validate(p));
            Assert.DoesNotContain("null", DfeFeedJson.Serialize(p), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Build_EpisodeClosedBeforeTheWindow_LeavesTheChildOut()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        var old = new Person { Kind = PersonKind.Child, FirstName = "Old", LastName = "Case", Sex = Sex.Female, DateOfBirth = D("2010-01-01"), EthnicityCode = "WBRI" };
        db.People.Add(old);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { ChildId = old.Id, ReferralDate = D("2022-01-01"), SourceCode = "6", ClosureDate = D("2023-06-01"), ReasonForClosureCode = "RC1" });
        await db.SaveChangesAsync();

        Assert.Empty(await DfeFeedBuilder.BuildAsync(db, Today, new DfeFeedOptions { CohortYears = 2 }));
        Assert.Single(await DfeFeedBuilder.BuildAsync(db, Today, new DfeFeedOptions { CohortYears = 3 }));
    }

    [Fact]
    public void Validate_IdentifierWithHyphenOrImpossibleDate_Fails()
    {
        Assert.NotEmpty(DfeFeedJson.Validate("""[{"la_child_id":"H-1"}]"""));
        Assert.NotEmpty(DfeFeedJson.Validate("""[{"la_child_id":"H1","child_details":{"date_of_birth":"2025-02-30"}}]"""));
        Assert.NotEmpty(DfeFeedJson.Validate("""[{"la_child_id":"H1","child_details":{"first_name":null}}]"""));
        Assert.NotEmpty(DfeFeedJson.Validate("""[{"la_child_id":"H1","unknown":1}]"""));
        Assert.Empty(DfeFeedJson.Validate("""[{"la_child_id":"H1","child_details":{"date_of_birth":"2025-02-28"}}]"""));
    }

    [Fact]
    public void Validate_MoreThanOneHundredChildren_Fails()
    {
        var batch = Enumerable.Range(1, 101).Select(i => new DfeChild { LaChildId = $"H{i}" }).ToList();
        Assert.NotEmpty(DfeFeedJson.Validate(DfeFeedJson.SerializeBatch(batch)));
        Assert.Empty(DfeFeedJson.Validate(DfeFeedJson.SerializeBatch(batch.Take(100).ToList())));
    }

    [Fact]
    public void StableEpisodeKeys_RevisionsOfAPeriod_KeepEachLinesFirstId()
    {
        static DfeFeedBuilder.EpisodeRow R(int id, int revision, string start, int placement, bool current = false) =>
            new(id, 1, 10, revision, D(start), placement, current);
        var keys = DfeFeedBuilder.StableEpisodeKeys(
        [
            // Revision 1: placed with carers 100 on 1 Feb; a legal status change on 1 Jun.
            R(1, 1, "2025-02-01", 100), R(2, 1, "2025-06-01", 100),
            // Revision 2: a move to placement 200 on 1 Sep (the earlier rows are written again).
            R(3, 2, "2025-02-01", 100), R(4, 2, "2025-06-01", 100), R(5, 2, "2025-09-01", 200),
            // Revision 3, a correction: the legal status changed on 5 Jun, not 1 Jun; the move was to placement 300.
            R(6, 3, "2025-02-01", 100, true), R(7, 3, "2025-06-05", 100, true), R(8, 3, "2025-09-01", 300, true),
            // Another period of the same child: its own line.
            new(9, 1, 11, 1, D("2026-01-10"), 400, true),
        ]);
        Assert.Equal((1, 2, 5, 9), (keys[6], keys[7], keys[8], keys[9]));
        Assert.Equal((1, 2, 5), (keys[3], keys[4], keys[5]));
    }
}
