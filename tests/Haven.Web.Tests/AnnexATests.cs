using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.CareLeavers;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Core.Fostering;
using Haven.Core.FrontDoor;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.People;
using Haven.Core.Permanence;
using Haven.Core.Referrals;
using Haven.Core.Returns.AnnexA;
using Haven.Core.Workforce;

namespace Haven.Web.Tests;

/// Ofsted Annex A on a small hand-built borough, as at 30 September 2019 (window 1 April to 30
/// September 2019; "last 12 months" from 1 October 2018). Every sheet is read back from the workbook
/// and compared row by row with what was worked out by hand, including the edges: a contact the day
/// before the window, a child who left care in the window and one who left before it, a care leaver
/// aged 21 who is still former relevant and one who stopped being qualifying at 21, and the
/// restricted-record policy (placement location withheld for a restricted child and a sealed adoption).
public abstract class AnnexATests(HavenApp app)
{
    private static readonly DateOnly AsAt = new(2019, 9, 30);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private sealed record Borough(string Team, string Worker, string Adviser, int A, int B, int C, int D2, int E, int F, int G, int H, int Adopters);

    private async Task<Borough> BuildAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync("Golden Team");
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, "Gwen Worker");
        var adviser = await app.Data.CreateWorkerAsync(HavenRole.PersonalAdviser, teamId, "Pat Adviser");
        return await app.Data.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            Person Child(DateOnly dob, Sex sex, string ethnicity, bool restricted = false, string disability = "NONE") => new()
            {
                Kind = PersonKind.Child, FirstName = "Golden", LastName = "Child", DateOfBirth = dob, Sex = sex, EthnicityCode = ethnicity,
                DisabilityCodes = disability, IsRestricted = restricted, RestrictionReason = restricted ? "Witness protection" : null, RecordedAt = now, Version = Guid.NewGuid(),
            };
            var a = Child(D(2012, 5, 10), Sex.Female, "WBRI");
            var b = Child(D(2009, 2, 20), Sex.Male, "WIRI", restricted: true, disability: "MOB");
            var c = Child(D(2010, 1, 1), Sex.Female, "WBRI");
            var d2 = Child(D(2011, 1, 1), Sex.Male, "WBRI");
            var e = Child(D(1998, 8, 1), Sex.Female, "WBRI");
            var f = Child(D(1998, 7, 1), Sex.Male, "WBRI");
            var g = Child(D(2014, 3, 3), Sex.Unknown, "WBRI");
            var h = Child(D(2016, 2, 2), Sex.Female, "WBRI");
            db.People.AddRange(a, b, c, d2, e, f, g, h);
            await db.SaveChangesAsync();
            foreach (var p in new[] { a, b, c, d2, g, h })
                db.Allocations.Add(new Allocation { ChildId = p.Id, Kind = AllocationKind.SocialWorker, WorkerId = worker.WorkerId, TeamId = teamId, StartDate = D(2017, 1, 1), RecordedAt = now });
            db.Allocations.Add(new Allocation { ChildId = e.Id, Kind = AllocationKind.PersonalAdviser, WorkerId = adviser.WorkerId, TeamId = teamId, StartDate = D(2016, 8, 1), RecordedAt = now });

            // Contacts about A: the day before the window (out), its first and last days (in).
            foreach (var (at, source) in new[] { (new DateTime(2019, 3, 31, 23, 0, 0, DateTimeKind.Utc), "2A"), (new DateTime(2019, 4, 1, 9, 0, 0, DateTimeKind.Utc), "6"), (new DateTime(2019, 9, 30, 10, 0, 0, DateTimeKind.Utc), "3A") })
            {
                var contact = new Contact { ReceivedAt = at, Channel = ContactChannel.Phone, SourceCode = source, ContactorName = "Caller", Worry = "Worry", Consent = ConsentToShare.Given, RecordedAt = now, Version = Guid.NewGuid() };
                contact.Children.Add(new ContactChild { ChildId = a.Id, Version = Guid.NewGuid() });
                db.Contacts.Add(contact);
            }
            // Early help for A: one completed before the window (out), one open (in).
            db.EarlyHelpEpisodes.Add(new EarlyHelpEpisode { ChildId = a.Id, StartDate = D(2019, 1, 10), AssessmentCompletedOn = D(2019, 2, 1), LeadPractitioner = "Lee", LeadAgency = "Old Agency", RecordedAt = now, Version = Guid.NewGuid() });
            db.EarlyHelpEpisodes.Add(new EarlyHelpEpisode { ChildId = a.Id, StartDate = D(2019, 8, 1), LeadPractitioner = "Lee", LeadAgency = "Oakfield Primary School", RecordedAt = now, Version = Guid.NewGuid() });
            // Referrals for A: one NFA in the last year but before the window, one in the window.
            db.Referrals.Add(new Referral { ChildId = a.Id, ReferralDate = D(2018, 11, 15), SourceCode = "6", NoFurtherAction = true, ClosureDate = D(2018, 11, 15), ReasonForClosureCode = "RC8", RecordedAt = now, Version = Guid.NewGuid() });
            var refA = new Referral { ChildId = a.Id, ReferralDate = D(2019, 5, 2), SourceCode = "2A", PrimaryNeedCode = "N2", RecordedAt = now, Version = Guid.NewGuid() };
            var refG = new Referral { ChildId = g.Id, ReferralDate = D(2019, 4, 8), SourceCode = "6", PrimaryNeedCode = "N1", RecordedAt = now, Version = Guid.NewGuid() };
            db.Referrals.AddRange(refA, refG);
            await db.SaveChangesAsync();
            db.Assessments.Add(new Assessment { ChildId = a.Id, ReferralId = refA.Id, StartDate = D(2019, 5, 3), DueDate = D(2019, 7, 1), ChildSeenDate = D(2019, 5, 10), AuthorisedDate = D(2019, 6, 1), Outcome = AssessmentOutcome.ChildInNeedPlan, RecordedAt = now, Version = Guid.NewGuid() });

            // G: strategy discussion, section 47, ICPC, plan, review conference and a visit.
            var strategy = new StrategyDiscussion { ChildId = g.Id, ReferralId = refG.Id, Date = D(2019, 4, 10), StartSection47 = true, RecordedAt = now, Version = Guid.NewGuid() };
            db.StrategyDiscussions.Add(strategy);
            await db.SaveChangesAsync();
            var s47 = new Section47Enquiry { ChildId = g.Id, ReferralId = refG.Id, StrategyDiscussionId = strategy.Id, StartDate = D(2019, 4, 10), InitialConferenceDue = D(2019, 5, 1), Outcome = Section47Outcome.ConferenceRequired, CompletedDate = D(2019, 4, 25), InitialConferenceDate = D(2019, 4, 30), Version = Guid.NewGuid() };
            db.Section47Enquiries.Add(s47);
            await db.SaveChangesAsync();
            var icpc = new ChildProtectionConference { ChildId = g.Id, Kind = ConferenceKind.Initial, Section47EnquiryId = s47.Id, Date = D(2019, 4, 30), Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "NEG", RecordedAt = now, Version = Guid.NewGuid() };
            db.ChildProtectionConferences.Add(icpc);
            await db.SaveChangesAsync();
            var plan = new ChildProtectionPlan { ChildId = g.Id, StartDate = D(2019, 4, 30), CategoryOfAbuse = "NEG", StartConferenceId = icpc.Id, PreviousPlans = 1, RecordedAt = now, Version = Guid.NewGuid() };
            db.ChildProtectionPlans.Add(plan);
            await db.SaveChangesAsync();
            db.ChildProtectionConferences.Add(new ChildProtectionConference { ChildId = g.Id, Kind = ConferenceKind.Review, ChildProtectionPlanId = plan.Id, Date = D(2019, 7, 30), Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "EMO", RecordedAt = now, Version = Guid.NewGuid() });
            db.ChildProtectionVisits.Add(new ChildProtectionVisit { ChildId = g.Id, ChildProtectionPlanId = plan.Id, Date = D(2019, 9, 20), ChildSeen = true, ChildSeenAlone = true, RecordedAt = now, Version = Guid.NewGuid() });
            db.ChildProtectionVisits.Add(new ChildProtectionVisit { ChildId = g.Id, ChildProtectionPlanId = plan.Id, Date = D(2019, 10, 2), ChildSeen = true, ChildSeenAlone = false, RecordedAt = now, Version = Guid.NewGuid() });

            // Periods of care: B (restricted, in care, two placements), C (left in the window),
            // D (left before the window), E (in care 14 to 18), F (30 days after 16), H (adopted).
            async Task<PeriodOfCare> Care(Person child, DateOnly start, DateOnly? end, string? reason, params (DateOnly Start, DateOnly? End, string Type, string Postcode, string Legal)[] placements)
            {
                var period = new PeriodOfCare { ChildId = child.Id, DecisionDate = start, AuthorisedByWorkerId = worker.WorkerId, DecisionReason = "Test", StartDate = start, EndDate = end, ReasonCeasedCode = reason, CategoryOfNeedCode = "N1", HomePostcode = "HO1 1ME", RecordedAt = now, Version = Guid.NewGuid() };
                db.PeriodsOfCare.Add(period);
                await db.SaveChangesAsync();
                foreach (var p in placements)
                {
                    var placement = new Placement { ChildId = child.Id, PeriodOfCareId = period.Id, PlacementTypeCode = p.Type, ProviderCode = "PR1", CarerName = "Carer", AddressLine1 = "1 Road", Town = "Town", Postcode = p.Postcode, Urn = "SC123456", InsideCouncilArea = true, StartDate = p.Start, EndDate = p.End, RecordedAt = now, Version = Guid.NewGuid() };
                    db.Placements.Add(placement);
                    await db.SaveChangesAsync();
                    db.Episodes.Add(new Episode { PeriodOfCareId = period.Id, ChildId = child.Id, Revision = 1, StartDate = p.Start, EndDate = p.End, ReasonForNewEpisodeCode = p.Start == start ? "S" : "P", LegalStatusCode = p.Legal, PlacementId = placement.Id, ReasonEpisodeCeasedCode = p.End is null ? null : p.End == end ? reason : "X1", RecordedAt = now });
                }
                await db.SaveChangesAsync();
                return period;
            }
            var careB = await Care(b, D(2018, 6, 1), null, null, (D(2018, 6, 1), D(2019, 7, 1), "U1", "AB1 2CD", "C2"), (D(2019, 7, 1), null, "U3", "ZZ9 9ZZ", "C2"));
            await Care(c, D(2018, 1, 10), D(2019, 5, 15), "E13", (D(2018, 1, 10), D(2019, 5, 15), "U4", "CC1 1CC", "V2"));
            await Care(d2, D(2018, 1, 10), D(2019, 3, 31), "E13", (D(2018, 1, 10), D(2019, 3, 31), "U4", "DD1 1DD", "V2"));
            await Care(e, D(2012, 1, 1), D(2016, 8, 1), "E8", (D(2012, 1, 1), D(2016, 8, 1), "U4", "EE1 1EE", "C2"));
            await Care(f, D(2014, 9, 1), D(2014, 10, 1), "E13", (D(2014, 9, 1), D(2014, 10, 1), "U4", "FF1 1FF", "V2"));
            await Care(h, D(2017, 1, 1), D(2019, 6, 30), "E11", (D(2017, 1, 1), D(2018, 10, 1), "U4", "HH1 1HH", "C2"), (D(2018, 10, 1), D(2019, 6, 30), "A4", "AD1 1AD", "E1"));
            db.LookedAfterReviews.Add(new LookedAfterReview { ChildId = b.Id, PeriodOfCareId = careB.Id, ReviewDate = D(2019, 8, 15), ChairWorkerId = worker.WorkerId, ParticipationCode = "PN1", RecordedAt = now, Version = Guid.NewGuid() });
            db.StatutoryVisits.Add(new StatutoryVisit { ChildId = b.Id, VisitDate = D(2019, 9, 1), ChildSeen = true, VisitedByWorkerId = worker.WorkerId, RecordedAt = now, Version = Guid.NewGuid() });
            db.IroVisits.Add(new IroVisit { ChildId = b.Id, VisitDate = D(2019, 8, 10), IroWorkerId = worker.WorkerId, RecordedAt = now });
            db.HealthRecords.Add(new HealthRecord { ChildId = b.Id, Kind = HealthRecordKind.ReviewHealthAssessment, Date = D(2019, 3, 1), RecordedAt = now, Version = Guid.NewGuid() });
            db.HealthRecords.Add(new HealthRecord { ChildId = b.Id, Kind = HealthRecordKind.DentalCheck, Date = D(2019, 4, 5), RecordedAt = now, Version = Guid.NewGuid() });
            db.PermanencePlans.Add(new PermanencePlan { ChildId = b.Id, Type = PermanencePlanType.LongTermFostering, SetAtReview = D(2019, 2, 1), OnTrack = true, RecordedAt = now, Version = Guid.NewGuid() });
            var missing = new MissingEpisode { ChildId = b.Id, Type = MissingType.Missing, From = MissingFrom.Care, StartedAt = new DateTime(2019, 8, 20, 20, 0, 0, DateTimeKind.Utc), ReturnedAt = new DateTime(2019, 8, 21, 8, 0, 0, DateTimeKind.Utc), RecordedAt = now, Version = Guid.NewGuid() };
            missing.Interview = new ReturnHomeInterview { OfferedAt = new DateTime(2019, 8, 21, 12, 0, 0, DateTimeKind.Utc), OfferedBy = "Worker", Response = InterviewResponse.Accepted };
            db.MissingEpisodes.Add(missing);

            // E: care leaver aged 21, former relevant; in touch at 21.
            db.PathwayReviews.Add(new PathwayReview { ChildId = e.Id, ReviewDate = D(2019, 7, 1), ReviewedByWorkerId = adviser.WorkerId, Summary = "Review", RecordedAt = now });
            db.CareLeaverContacts.Add(new CareLeaverContact { ChildId = e.Id, ContactDate = D(2019, 9, 15), Method = ContactMethod.InPerson, WorkerId = adviser.WorkerId, Summary = "Met", RecordedAt = now });
            db.BirthdayReturns.Add(new BirthdayReturn { ChildId = e.Id, Age = 21, InTouchCode = "YES", ActivityCode = "F2", AccommodationCode = "B1", RecordedAt = now, Version = Guid.NewGuid() });

            // H: adopted (order in the window, record sealed) by the adopters' household.
            var adopters = new RecruitmentEnquiry { Kind = ApplicantKind.Adoption, HouseholdName = "Household", EnquiryDate = D(2017, 3, 1), Stage1Date = D(2017, 4, 1), Stage2Date = D(2017, 6, 1), ApplicationDate = D(2017, 5, 20), PanelDate = D(2017, 9, 1), ApprovalDate = D(2017, 9, 15), RecordedAt = now, Version = Guid.NewGuid() };
            db.RecruitmentEnquiries.Add(adopters);
            await db.SaveChangesAsync();
            db.AdoptionCases.Add(new AdoptionCase { ChildId = h.Id, AdmDecisionDate = D(2017, 10, 1), PlacementOrderDate = D(2018, 1, 15), EarlyPermanence = EarlyPermanence.ConsideredNoCarers, MatchDate = D(2018, 9, 1), AdopterEnquiryId = adopters.Id, MovedInDate = D(2018, 10, 1), PlacedForAdoptionDate = D(2018, 10, 1), AdoptionOrderDate = D(2019, 6, 30), SealedAt = now, RecordedAt = now, Version = Guid.NewGuid() });
            await db.SaveChangesAsync();
            return new Borough("Golden Team", "Gwen Worker", "Pat Adviser", a.Id, b.Id, c.Id, d2.Id, e.Id, f.Id, g.Id, h.Id, adopters.Id);
        });
    }

    private async Task<Dictionary<string, AnnexASheet>> ProduceAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}");
        var path = await app.Data.WithDbAsync(db => AnnexAReturn.WriteAsync(db, AnnexAReturn.WindowEnding(AsAt), folder, CancellationToken.None));
        try { return AnnexAWorkbook.Read(path).ToDictionary(s => s.Name); }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static void Rows(AnnexASheet sheet, params object?[][] expected)
    {
        Assert.True(expected.Length == sheet.Rows.Count, $"{sheet.Name}: expected {expected.Length} rows, was {sheet.Rows.Count}:\n"
            + string.Join("\n", sheet.Rows.Select(r => string.Join(" | ", r.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "")))));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(sheet.Headers.Count, expected[i].Length);
            for (var c = 0; c < expected[i].Length; c++)
                Assert.True(Equals(expected[i][c], sheet.Rows[i][c]), $"{sheet.Name} row {i + 1} column '{sheet.Headers[c]}': expected {expected[i][c] ?? "(blank)"}, was {sheet.Rows[i][c] ?? "(blank)"}");
        }
    }

    [Fact]
    public async Task AnnexA_HandBuiltBorough_EverySheetMatchesTheHandWorkedLists()
    {
        var t = await BuildAsync();
        var sheets = await ProduceAsync();
        string H(int id) => HavenIds.Format(id);
        const string Y = "a) Yes", N = "b) No", Team = "Golden Team", Worker = "Gwen Worker";

        Assert.Equal(AnnexALists.All.Select(l => l.SheetName), sheets.Keys);
        Rows(sheets["List 1 Contacts"],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, D(2019, 4, 1), "g) Police"],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, D(2019, 9, 30), "d) Health services"]);
        Rows(sheets["List 2 Early help"],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, D(2019, 8, 1), null, "Oakfield Primary School"]);
        Rows(sheets["List 3 Referrals"],
            [H(t.G), "c) Not stated/recorded", "a) WBRI", D(2014, 3, 3), 5, D(2019, 4, 8), "g) Police", N, 1, Team, Worker],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, D(2019, 5, 2), "b) Schools", N, 2, Team, Worker]);
        Rows(sheets["List 4 Assessments"],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, N, D(2019, 5, 3), D(2019, 5, 10), D(2019, 6, 1), Y, Team, Worker]);
        Rows(sheets["List 5 Section 47s"],
            [H(t.G), "c) Not stated/recorded", "a) WBRI", D(2014, 3, 3), 5, N, D(2019, 4, 10), N, D(2019, 4, 30), Y, 1, 1, Team, Worker]);
        Rows(sheets["List 6 Children in need"],
            [H(t.G), "c) Not stated/recorded", "a) WBRI", D(2014, 3, 3), 5, N, D(2019, 4, 8), "N1", D(2019, 9, 20), null, null, "b) Child Protection plan", Team, Worker],
            [H(t.A), "b) Female", "a) WBRI", D(2012, 5, 10), 7, N, D(2019, 5, 2), "N2", D(2019, 5, 10), null, null, "c) Child in need plan", Team, Worker]);
        Rows(sheets["List 7 Child protection"],
            [H(t.G), "c) Not stated/recorded", "a) WBRI", D(2014, 3, 3), 5, N, D(2019, 4, 30), "Neglect", "Emotional abuse", D(2019, 9, 20), Y, D(2019, 7, 30), null, N, 1, Team, Worker]);
        Rows(sheets["List 8 Children in care"],
            // H: in care since 2017, left on adoption in the window; the adoptive placement's location withheld (sealed).
            [H(t.H), "b) Female", "a) WBRI", D(2016, 2, 2), 3, N, N, D(2017, 1, 1), "N1", N, D(2018, 10, 1), "E1", null, null, null, null, null, null, 2,
                D(2019, 6, 30), "E11", D(2018, 10, 1), "A4", "PR1", "Withheld", "Withheld", "a) In LA boundary", "Withheld", 0, 0, null, null, Team, Worker],
            // C: left care in the window.
            [H(t.C), "b) Female", "a) WBRI", D(2010, 1, 1), 9, N, N, D(2018, 1, 10), "N1", N, D(2018, 1, 10), "V2", null, null, null, null, null, null, 1,
                D(2019, 5, 15), "E13", D(2018, 1, 10), "U4", "PR1", "CC1 1CC", "SC123456", "a) In LA boundary", null, 0, 0, null, null, Team, Worker],
            // B: restricted; two placements in the year; location withheld.
            [H(t.B), "a) Male", "b) WIRI", D(2009, 2, 20), 10, N, Y, D(2018, 6, 1), "N1", N, D(2018, 6, 1), "C2", D(2019, 8, 15), D(2019, 9, 1), "f) Long-term fostering", D(2019, 8, 10), D(2019, 3, 1), D(2019, 4, 5), 2,
                null, null, D(2019, 7, 1), "U3", "PR1", "Withheld", "Withheld", "a) In LA boundary", "Withheld", 1, 0, Y, Y, Team, Worker]);
        Rows(sheets["List 9 Care leavers"],
            // E is 21 and former relevant; F stopped being qualifying at 21; D is 8.
            [H(t.E), "b) Female", "a) WBRI", D(1998, 8, 1), 21, N, N, null, null, "Pat Adviser", "b) Former relevant", D(2019, 7, 1), "YES", D(2019, 9, 15), "B", "a) Suitable", "F2"]);
        Rows(sheets["List 10 Adoption"],
            [H(t.H), $"A{t.Adopters}", "b) Female", "a) WBRI", D(2016, 2, 2), 3, N, D(2017, 1, 1), D(2017, 10, 1), D(2018, 1, 15), D(2018, 9, 1), D(2018, 10, 1), D(2019, 6, 30), null, null, null]);
        Rows(sheets["List 11 Adopters"],
            [$"A{t.Adopters}-1", $"A{t.Adopters}", null, null, null, N, D(2017, 3, 1), D(2017, 4, 1), D(2017, 6, 1), D(2017, 6, 1), D(2017, 9, 1), D(2017, 5, 20), D(2017, 9, 15), D(2018, 9, 1), D(2018, 10, 1), 1, D(2019, 6, 30), null, null]);
    }

    /// The returns read two halves of their histories at once on PostgreSQL (a second context, its
    /// own connection); the golden lists above are then read that way. On SQLite, or inside a
    /// transaction a second connection would not share, both halves are read through the one context.
    [Fact]
    public async Task ParallelReads_UseASecondContextOnPostgresOnly_AndNeverInATransaction()
    {
        var (postgres, apart, inTransactionApart) = await app.Data.WithDbAsync(async db =>
        {
            var (a, b) = await ParallelReads.BothAsync(db, c => Task.FromResult(c), c => Task.FromResult(c));
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (ta, tb) = await ParallelReads.BothAsync(db, c => Task.FromResult(c), c => Task.FromResult(c));
            return (Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions.IsNpgsql(db.Database), !ReferenceEquals(a, b), !ReferenceEquals(ta, tb));
        });
        Assert.Equal(postgres, apart);
        Assert.False(inTransactionApart);
    }

    [Fact]
    public async Task ReturnsAnnexA_Cli_WritesTheWorkbook_AndRefusesABadDate()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"annex-a-cli-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, _) = await app.RunCliAsync("returns", "annex-a", "--as-at", "2030-03-31", "--out", folder);
            Assert.Equal(0, exit);
            Assert.Contains("annex-a.xlsx", output);
            var sheets = AnnexAWorkbook.Read(Path.Combine(folder, AnnexAReturn.FileName));
            Assert.Equal(11, sheets.Count);
            Assert.Equal(["Child Unique ID", "Sex", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"], sheets[0].Headers);

            var (bad, _, error) = await app.RunCliAsync("returns", "annex-a", "--as-at", "31/03/2030", "--out", folder);
            Assert.Equal(2, bad);
            Assert.Contains("YYYY-MM-DD", error);
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }
}

public sealed class AnnexATestsOnSqlite(SqliteApp app) : AnnexATests(app), IClassFixture<SqliteApp>;
public sealed class AnnexATestsOnPostgres(PostgresApp app) : AnnexATests(app), IClassFixture<PostgresApp>;
