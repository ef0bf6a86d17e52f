using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Education;
using Haven.Core.FrontDoor;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.People;
using Haven.Core.Performance;
using Haven.Core.Referrals;
using Haven.Core.Workforce;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// The performance dashboard against a small hand-built borough in December 2020 and January
/// 2021, a period no other test writes to. Bank holidays in it: Fri 25 Dec, Mon 28 Dec (Boxing
/// Day substitute), Fri 1 Jan. Every expected figure below is worked out by hand in the comments.
public abstract class PerformanceTests(HavenApp app)
{
    private const string Period = "from=2020-12-01&to=2021-01-31";
    private static readonly DateOnly From = new(2020, 12, 1), To = new(2021, 1, 31);

    /// Two services: S1 with team T1 (workers W1, W2), S2 with team T2 (W3). Children A, B (W1),
    /// C (W2), D, E (W3) allocated from 1 Jan 2020; F never allocated. The T1 manager may open
    /// A, B and C (their service) but not D, E or F.
    public sealed record Borough(TestWorker Manager, TestWorker Analyst, TestWorker SocialWorker, int S1, int S2, int T1, int T2,
        TestWorker W1, TestWorker W2, TestWorker W3, Dictionary<char, int> Child, Dictionary<char, string> Name);

    private static readonly SemaphoreSlim gate = new(1, 1);
    private static readonly Dictionary<HavenApp, Borough> built = [];

    private async Task<Borough> BoroughAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (built.TryGetValue(app, out var b)) return b;
            return built[app] = await BuildAsync();
        }
        finally { gate.Release(); }
    }

    private async Task<Borough> BuildAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (s1, t1) = await app.Data.CreateTeamAsync($"Perf T1 {tag}");
        var (s2, t2) = await app.Data.CreateTeamAsync($"Perf T2 {tag}");
        await app.Data.WithDbAsync(async db =>
        {
            (await db.Services.FindAsync(s1))!.Name = $"Perf S1 {tag}";
            (await db.Services.FindAsync(s2))!.Name = $"Perf S2 {tag}";
            return await db.SaveChangesAsync();
        });
        var w1 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, t1, $"Perf W1 {tag}");
        var w2 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, t1, $"Perf W2 {tag}");
        var w3 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, t2, $"Perf W3 {tag}");
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, t1);
        var analyst = await app.Data.CreateWorkerAsync(HavenRole.PerformanceAnalyst);
        var ids = new Dictionary<char, int>();
        var names = new Dictionary<char, string>();
        // A-F born 1 Mar 2012 (Year 4 in 2020-21: primary). G: Year 8 (secondary), SDQ age. H: aged 2.
        // K, L: care leavers aged 18. M, N: adopted.
        // P-U: the trend test's children in 2012-13 (see BuildTrendsAsync).
        var born = new Dictionary<char, DateOnly> { ['G'] = new(2008, 5, 10), ['H'] = new(2018, 6, 1), ['K'] = new(2002, 6, 1), ['L'] = new(2002, 9, 1), ['M'] = new(2017, 1, 1), ['N'] = new(2017, 6, 1),
            ['P'] = new(2001, 1, 1), ['Q'] = new(2002, 1, 1), ['R'] = new(1994, 12, 15), ['S'] = new(1994, 1, 20), ['T'] = new(2001, 8, 15), ['U'] = new(2001, 8, 15) };
        foreach (var c in "ABCDEFGHKLMNPQRSTU")
        {
            var last = $"Perf{c}{tag}";
            var dob = born.GetValueOrDefault(c, new DateOnly(2012, 3, 1));
            ids[c] = await app.Data.CreateChildAsync(b => { b.FirstName = "Pat"; b.LastName = last; b.DateOfBirth = dob; });
            names[c] = "Pat " + last;
        }
        var now = DateTime.UtcNow;
        static DateTime At(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);
        await app.Data.WithDbAsync(async db =>
        {
            foreach (var (c, w) in new[] { ('A', w1), ('B', w1), ('C', w2), ('D', w3), ('E', w3) })
                db.Allocations.Add(new Allocation { ChildId = ids[c], Kind = AllocationKind.SocialWorker, WorkerId = w.WorkerId, TeamId = w.TeamId!.Value, StartDate = new DateOnly(2020, 1, 1), RecordedAt = now });

            // Referrals. Re-referrals in the period: A on 29 Dec (a re-referral), C on 29 Dec, B on
            // 10 Jan: 1 of 3 = 33.3%. A's referral of 1 Jun 2020 is before the period.
            Referral R(char c, DateOnly d, bool re = false)
            {
                var r = new Referral { ChildId = ids[c], ReferralDate = d, SourceCode = "6", IsReReferral = re, RecordedAt = now, Version = Guid.NewGuid() };
                db.Referrals.Add(r);
                return r;
            }
            R('A', new DateOnly(2020, 6, 1));
            var ra = R('A', new DateOnly(2020, 12, 29), re: true);
            var rc = R('C', new DateOnly(2020, 12, 29));
            R('B', new DateOnly(2021, 1, 10));
            var early = R('D', new DateOnly(2020, 11, 2));
            var early2 = R('E', new DateOnly(2020, 11, 2));
            var sameDay = R('F', new DateOnly(2020, 10, 1));
            await db.SaveChangesAsync();

            // Contacts (UTC = UK time in winter). Decision due the next working day after receipt.
            void Contact(char c, DateTime received, DateTime? signedOff, Referral? referral = null)
            {
                var contact = new Contact { ReceivedAt = received, SourceCode = "6", ContactorName = "Perf", Worry = "Worry", RecordedAt = now, Version = Guid.NewGuid() };
                contact.Children.Add(new ContactChild { ChildId = ids[c], Outcome = referral is null ? ContactOutcome.NoFurtherAction : ContactOutcome.SocialCareAssessment,
                    DecidedAt = signedOff, SignedOffAt = signedOff, ReferralId = referral?.Id, Version = Guid.NewGuid() });
                db.Contacts.Add(contact);
            }
            Contact('A', At(2020, 12, 24), At(2020, 12, 29, 9), ra); // Thu 24 Dec: due Tue 29 Dec (25, 28 holidays) → in time
            Contact('B', At(2020, 12, 23), At(2020, 12, 24));        // due Thu 24 Dec → in time
            Contact('C', At(2020, 12, 23), At(2020, 12, 29), rc);    // due Thu 24 Dec → late
            Contact('D', At(2020, 12, 31), At(2021, 1, 4));          // Thu 31 Dec: 1 Jan holiday → due Mon 4 Jan → in time
            Contact('E', At(2021, 1, 29), null);                     // Fri 29 Jan: due Mon 1 Feb, after the as-at date → not counted
            Contact('F', At(2021, 1, 25), null);                     // Mon 25 Jan: due 26 Jan, never decided → late

            // Assessments. Referral Mon 2 Nov 2020: the 45th working day is Thu 7 Jan 2021 (it would
            // be Mon 4 Jan without the three bank holidays).
            Assessment A(char c, Referral r, DateOnly authorised) => new()
            {
                ChildId = ids[c], ReferralId = r.Id, StartDate = r.ReferralDate, DueDate = r.ReferralDate.AddDays(60), AuthorisedDate = authorised,
                Outcome = AssessmentOutcome.ChildInNeedPlan, RecordedAt = now, Version = Guid.NewGuid(),
            };
            db.Assessments.Add(A('D', early, new DateOnly(2021, 1, 7)));   // day 45 → in time
            db.Assessments.Add(A('E', early2, new DateOnly(2021, 1, 8)));  // day 46 → late
            db.Assessments.Add(A('F', sameDay, new DateOnly(2020, 12, 1))); // referral 1 Oct, authorised 1 Dec: 43rd working day → in time

            // Strategy discussions on Thu 10 Dec: the 15th working day is Tue 5 Jan 2021.
            void Icpc(char c, Referral r, DateOnly held)
            {
                var sd = new StrategyDiscussion { ChildId = ids[c], ReferralId = r.Id, Date = new DateOnly(2020, 12, 10), Concerns = "x", StartSection47 = true, RecordedAt = now, Version = Guid.NewGuid() };
                db.StrategyDiscussions.Add(sd);
                db.Section47Enquiries.Add(new Section47Enquiry { ChildId = ids[c], ReferralId = r.Id, StrategyDiscussion = sd, StartDate = sd.Date, InitialConferenceDue = new DateOnly(2021, 1, 5), InitialConferenceDate = held, Version = Guid.NewGuid() });
            }
            Icpc('D', early, new DateOnly(2021, 1, 5)); // in time
            Icpc('E', early2, new DateOnly(2021, 1, 6)); // late

            // Child protection plans. A: open from 1 Nov 2020. B: 1 Dec 2018 to 1 Dec 2020 (exactly
            // 2 years), then a second plan from 15 Jan 2021 (leaves and returns). C: 20 Dec to 10 Jan.
            ChildProtectionPlan Plan(char c, DateOnly start, DateOnly? end, int previous)
            {
                var conf = new ChildProtectionConference { ChildId = ids[c], Kind = ConferenceKind.Initial, Date = start, Chair = "Chair", PlanNeeded = true, CategoryOfAbuse = "NEG", RecordedAt = now, Version = Guid.NewGuid() };
                db.ChildProtectionConferences.Add(conf);
                var plan = new ChildProtectionPlan { ChildId = ids[c], StartDate = start, EndDate = end, EndReason = end is null ? null : PlanEndReason.NoLongerAtRisk,
                    CategoryOfAbuse = "NEG", StartConference = conf, PreviousPlans = previous, RecordedAt = now, Version = Guid.NewGuid() };
                db.ChildProtectionPlans.Add(plan);
                return plan;
            }
            var planA = Plan('A', new DateOnly(2020, 11, 1), null, 0);
            Plan('B', new DateOnly(2018, 12, 1), new DateOnly(2020, 12, 1), 0);
            var planB2 = Plan('B', new DateOnly(2021, 1, 15), null, 1);
            Plan('C', new DateOnly(2020, 12, 20), new DateOnly(2021, 1, 10), 0);

            // Periods of care. D: 1 Jun to 15 Dec 2020, back from 20 Jan 2021. E: from 31 Dec 2020.
            // F: 1 Oct 2020 to 31 Jan 2021 (ends on the as-at date, so not in care on it).
            PeriodOfCare Care(char c, DateOnly start, DateOnly? end)
            {
                var p = new PeriodOfCare
                {
                    ChildId = ids[c], DecisionDate = start, AuthorisedByWorkerId = manager.WorkerId, DecisionReason = "x", StartDate = start, EndDate = end,
                    CategoryOfNeedCode = "N1", HomePostcode = "HB1 1AA", RecordedAt = now, Version = Guid.NewGuid(),
                };
                db.PeriodsOfCare.Add(p);
                return p;
            }
            Care('D', new DateOnly(2020, 6, 1), new DateOnly(2020, 12, 15));
            Care('D', new DateOnly(2021, 1, 20), null);
            var careE = Care('E', new DateOnly(2020, 12, 31), null);
            var careF = Care('F', new DateOnly(2020, 10, 1), new DateOnly(2021, 1, 31));
            // G and H: in care 12 months or more throughout the period (the health cohort).
            var careG = Care('G', new DateOnly(2019, 1, 1), null);
            var careH = Care('H', new DateOnly(2019, 11, 1), null);
            await db.SaveChangesAsync();
            // Child protection visits (10 working days). A: seen Wed 16 Dec (next due Mon 4 Jan,
            // over 25, 28 Dec and 1 Jan), seen 4 Jan (due 18 Jan), not seen 25 Jan → overdue on 31 Jan.
            // B's second plan: seen 29 Jan. C: none, due 6 Jan from the plan start.
            void CpVisit(char c, ChildProtectionPlan plan, DateOnly d, bool seen = true) =>
                db.ChildProtectionVisits.Add(new ChildProtectionVisit { ChildId = ids[c], ChildProtectionPlanId = plan.Id, Date = d, ChildSeen = seen, RecordedAt = now, Version = Guid.NewGuid() });
            CpVisit('A', planA, new DateOnly(2020, 12, 16));
            CpVisit('A', planA, new DateOnly(2021, 1, 4));
            CpVisit('A', planA, new DateOnly(2021, 1, 25), seen: false);
            CpVisit('B', planB2, new DateOnly(2021, 1, 29));
            await BuildMoreAsync(db, ids, manager, w1, w3, careE, careF, careG, careH, now);
            await BuildTrendsAsync(db, ids, manager, now);
            return await db.SaveChangesAsync();
        });
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, t1);
        return new Borough(manager, analyst, social, s1, s2, t1, t2, w1, w2, w3, ids, names);
    }

    /// The records behind the visit, review, health, education, missing, care leaver, adoption,
    /// fostering and LADO measures. The figures they give are worked out in
    /// Compute_HandBuiltBorough_VisitsHealthEducationAndServices.
    private static async Task BuildMoreAsync(Haven.Core.Data.HavenDbContext db, Dictionary<char, int> ids, TestWorker manager, TestWorker w1, TestWorker w3,
        PeriodOfCare careE, PeriodOfCare careF, PeriodOfCare careG, PeriodOfCare careH, DateTime now)
    {
        // Placements (through episodes, as the care record keeps them). E from 31 Dec, G from 1 Jan 2019, H from 1 Nov 2019.
        void Placed(char c, PeriodOfCare period, DateOnly start)
        {
            var placement = new Placement { ChildId = ids[c], PeriodOfCareId = period.Id, PlacementTypeCode = "U1", CarerName = "Carer", AddressLine1 = "1 Road", Town = "Haven", Postcode = "HB1 1AA",
                StartDate = start, Matching = "x", RecordedAt = now, Version = Guid.NewGuid() };
            db.Episodes.Add(new Episode { PeriodOfCareId = period.Id, ChildId = ids[c], Revision = 1, StartDate = start, ReasonForNewEpisodeCode = "S", LegalStatusCode = "C2", Placement = placement, RecordedAt = now });
        }
        Placed('E', careE, new DateOnly(2020, 12, 31));
        Placed('G', careG, new DateOnly(2019, 1, 1));
        Placed('H', careH, new DateOnly(2019, 11, 1));
        void Visit(char c, DateOnly d) => db.StatutoryVisits.Add(new StatutoryVisit { ChildId = ids[c], VisitDate = d, ChildSeen = true, VisitedByWorkerId = w1.WorkerId, Summary = "x", RecordedAt = now, Version = Guid.NewGuid() });
        Visit('G', new DateOnly(2020, 11, 20));
        Visit('G', new DateOnly(2021, 1, 4));
        Visit('H', new DateOnly(2020, 12, 1));
        void Review(char c, PeriodOfCare period, DateOnly d) => db.LookedAfterReviews.Add(new LookedAfterReview { ChildId = ids[c], PeriodOfCareId = period.Id, ReviewDate = d,
            ChairWorkerId = manager.WorkerId, ParticipationCode = "PN1", Decisions = "x", LetterToChild = "x", RecordedAt = now, Version = Guid.NewGuid() });
        Review('G', careG, new DateOnly(2020, 1, 20));
        Review('G', careG, new DateOnly(2020, 7, 10));
        Review('G', careG, new DateOnly(2021, 1, 8));
        Review('F', careF, new DateOnly(2020, 10, 20));
        Review('E', careE, new DateOnly(2021, 1, 29));

        void Health(char c, HealthRecordKind kind, DateOnly d, int? sdq = null) => db.HealthRecords.Add(new HealthRecord { ChildId = ids[c], Kind = kind, Date = d, SdqScore = sdq, RecordedAt = now, Version = Guid.NewGuid() });
        Health('G', HealthRecordKind.ReviewHealthAssessment, new DateOnly(2020, 2, 15));
        Health('G', HealthRecordKind.DentalCheck, new DateOnly(2020, 1, 30));
        Health('G', HealthRecordKind.StrengthsAndDifficulties, new DateOnly(2020, 1, 10), 18);
        Health('G', HealthRecordKind.StrengthsAndDifficulties, new DateOnly(2021, 1, 20), 12);
        Health('H', HealthRecordKind.InitialHealthAssessment, new DateOnly(2019, 11, 20));
        Health('H', HealthRecordKind.ReviewHealthAssessment, new DateOnly(2020, 5, 20));
        Health('H', HealthRecordKind.ReviewHealthAssessment, new DateOnly(2021, 1, 5));

        void Education(char c, EducationRecordKind kind, DateOnly d, int? year = null, SchoolTerm? term = null, decimal? attendance = null) => db.EducationRecords.Add(new EducationRecord
            { ChildId = ids[c], Kind = kind, Date = d, AcademicYear = year, Term = term, AttendancePercent = attendance, RecordedAt = now, Version = Guid.NewGuid() });
        Education('F', EducationRecordKind.PersonalEducationPlan, new DateOnly(2020, 10, 15));
        Education('G', EducationRecordKind.PersonalEducationPlan, new DateOnly(2020, 9, 1));
        Education('D', EducationRecordKind.TermAttendance, new DateOnly(2020, 12, 18), 2020, SchoolTerm.Autumn, 95.0m);
        Education('E', EducationRecordKind.TermAttendance, new DateOnly(2020, 12, 18), 2020, SchoolTerm.Autumn, 85.5m);
        Education('F', EducationRecordKind.TermAttendance, new DateOnly(2020, 7, 20), 2019, SchoolTerm.Summer, 92.0m);
        Education('G', EducationRecordKind.TermAttendance, new DateOnly(2020, 7, 20), 2019, SchoolTerm.Summer, 97.0m);
        Education('G', EducationRecordKind.TermAttendance, new DateOnly(2020, 12, 18), 2020, SchoolTerm.Autumn, 88.0m);

        // Missing (UTC = UK time in winter): A on 31 Dec 23:30, B on 1 Jan 00:30, C away (not missing), A on 30 Nov (before).
        void Missing(char c, DateTime at, MissingType type = MissingType.Missing) => db.MissingEpisodes.Add(new MissingEpisode
            { ChildId = ids[c], Type = type, From = MissingFrom.Home, StartedAt = at, Risk = MissingRisk.Low, RecordedAt = now, Version = Guid.NewGuid() });
        Missing('A', new DateTime(2020, 12, 31, 23, 30, 0, DateTimeKind.Utc));
        Missing('B', new DateTime(2021, 1, 1, 0, 30, 0, DateTimeKind.Utc));
        Missing('C', new DateTime(2021, 1, 10, 12, 0, 0, DateTimeKind.Utc), MissingType.Away);
        Missing('A', new DateTime(2020, 11, 30, 12, 0, 0, DateTimeKind.Utc));

        // Care leavers: K and L were in care from 13 until their 18th birthdays in 2020.
        void InCare(char c, DateOnly start, DateOnly end) => db.Involvements.Add(new Haven.Core.Involvements.Involvement { ChildId = ids[c], Kind = Haven.Core.Involvements.InvolvementKind.InCare, StartDate = start, EndDate = end, RecordedAt = now });
        InCare('K', new DateOnly(2016, 1, 1), new DateOnly(2020, 6, 1));
        InCare('L', new DateOnly(2016, 1, 1), new DateOnly(2020, 9, 1));
        db.BirthdayReturns.Add(new Haven.Core.CareLeavers.BirthdayReturn { ChildId = ids['K'], Age = 18, InTouchCode = "YES", ActivityCode = "F2", AccommodationCode = "B1", RecordedAt = now, Version = Guid.NewGuid() });
        db.BirthdayReturns.Add(new Haven.Core.CareLeavers.BirthdayReturn { ChildId = ids['L'], Age = 18, InTouchCode = "NO", ActivityCode = "0", AccommodationCode = "0", RecordedAt = now, Version = Guid.NewGuid() });

        // Adoption. M: entered care 1 Jan 2019, placement order 1 Oct 2019, matched 30 Jan 2020 (121
        // days: A2 met on the threshold), placed 3 Mar 2020 (427 days over 29 Feb 2020: A1 missed by
        // one), adopted 20 Jan 2021. N: entered 1 Mar 2019, placement order 1 Sep 2019, matched
        // 1 Feb 2020 (153 days), placed 1 Apr 2020 (397 days), adopted 15 Dec 2020.
        InCare('M', new DateOnly(2019, 1, 1), new DateOnly(2021, 1, 20));
        InCare('N', new DateOnly(2019, 3, 1), new DateOnly(2020, 12, 15));
        void Adopted(char c, DateOnly adm, DateOnly order, DateOnly match, DateOnly placed, DateOnly adopted) => db.AdoptionCases.Add(new Haven.Core.Permanence.AdoptionCase
            { ChildId = ids[c], AdmDecisionDate = adm, PlacementOrderDate = order, MatchDate = match, MovedInDate = placed, PlacedForAdoptionDate = placed, AdoptionOrderDate = adopted, RecordedAt = now, Version = Guid.NewGuid() });
        Adopted('M', new DateOnly(2019, 6, 1), new DateOnly(2019, 10, 1), new DateOnly(2020, 1, 30), new DateOnly(2020, 3, 3), new DateOnly(2021, 1, 20));
        Adopted('N', new DateOnly(2019, 8, 1), new DateOnly(2019, 9, 1), new DateOnly(2020, 2, 1), new DateOnly(2020, 4, 1), new DateOnly(2020, 12, 15));

        // Fostering enquiries: 5 Dec approved 20 Jan; 10 Dec not approved; 15 Jan approved 1 Feb
        // (after the "as at" date); an adopter's enquiry (not counted).
        void Enquiry(DateOnly d, DateOnly? approved, Haven.Core.Fostering.ApplicantKind kind = Haven.Core.Fostering.ApplicantKind.Fostering) => db.RecruitmentEnquiries.Add(new Haven.Core.Fostering.RecruitmentEnquiry
            { Kind = kind, HouseholdName = "Perf household", Source = Haven.Core.Fostering.EnquirySource.Web, EnquiryDate = d, ApprovalDate = approved, RecordedAt = now, Version = Guid.NewGuid() });
        Enquiry(new DateOnly(2020, 12, 5), new DateOnly(2021, 1, 20));
        Enquiry(new DateOnly(2020, 12, 10), null);
        Enquiry(new DateOnly(2021, 1, 15), new DateOnly(2021, 2, 1));
        Enquiry(new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 20), Haven.Core.Fostering.ApplicantKind.Adoption);

        // LADO: due the working day after receipt. Thu 24 Dec → Tue 29 Dec (in time, by W1); Thu 31 Dec →
        // Mon 4 Jan (in time, W1); Mon 11 Jan considered 13 Jan (late, W3); Mon 25 Jan never (late);
        // Fri 29 Jan never, due Mon 1 Feb (not yet due: not counted).
        var person = new Haven.Core.Lado.LadoPerson { FirstName = "Lee", LastName = "Perf", RecordedAt = now, Version = Guid.NewGuid() };
        void Lado(DateOnly received, DateOnly? considered, TestWorker? by) => db.LadoCases.Add(new Haven.Core.Lado.LadoCase
        {
            Person = person, Role = "Coach", EmployerName = "Club", ReferrerName = "Ref", Allegation = "x", ReceivedOn = received, ConsideredOn = considered,
            Decision = considered is null ? null : Haven.Core.Lado.LadoDecision.NoFurtherAction, ConsideredByWorkerId = by?.WorkerId, RecordedAt = now, Version = Guid.NewGuid(),
        });
        Lado(new DateOnly(2020, 12, 24), new DateOnly(2020, 12, 29), w1);
        Lado(new DateOnly(2020, 12, 31), new DateOnly(2021, 1, 4), w1);
        Lado(new DateOnly(2021, 1, 11), new DateOnly(2021, 1, 13), w3);
        Lado(new DateOnly(2021, 1, 25), null, null);
        Lado(new DateOnly(2021, 1, 29), null, null);
    }

    /// December 2012 and January 2013 (a period nothing else writes to; everyone here left care by
    /// June 2013 and is too old to be a care leaver in 2020-21 or now): the month-end trends of
    /// placement stability and care leavers, and attendance by recorded year group. The figures are
    /// worked out in Compute_HandBuiltBorough_StabilityAndCareLeaversHaveMonthlyTrends.
    private static async Task BuildTrendsAsync(Haven.Core.Data.HavenDbContext db, Dictionary<char, int> ids, TestWorker manager, DateTime now)
    {
        PeriodOfCare Care(char c, DateOnly start)
        {
            var p = new PeriodOfCare
            {
                ChildId = ids[c], DecisionDate = start, AuthorisedByWorkerId = manager.WorkerId, DecisionReason = "x", StartDate = start, EndDate = new DateOnly(2013, 6, 1),
                CategoryOfNeedCode = "N1", HomePostcode = "HB1 1AA", RecordedAt = now, Version = Guid.NewGuid(),
            };
            db.PeriodsOfCare.Add(p);
            return p;
        }
        void Placed(char c, PeriodOfCare period, DateOnly start, DateOnly end, decimal? miles = null)
        {
            var placement = new Placement { ChildId = ids[c], PeriodOfCareId = period.Id, PlacementTypeCode = "U1", CarerName = "Carer", AddressLine1 = "1 Road", Town = "Haven", Postcode = "HB1 1AA",
                StartDate = start, EndDate = end, DistanceFromHomeMiles = miles, Matching = "x", RecordedAt = now, Version = Guid.NewGuid() };
            db.Episodes.Add(new Episode { PeriodOfCareId = period.Id, ChildId = ids[c], Revision = 1, StartDate = start, EndDate = end, ReasonForNewEpisodeCode = "P", LegalStatusCode = "C2", Placement = placement, RecordedAt = now });
        }
        var careP = Care('P', new DateOnly(2012, 2, 1));
        var careQ = Care('Q', new DateOnly(2010, 1, 1));
        Care('T', new DateOnly(2012, 9, 1));
        Care('U', new DateOnly(2012, 9, 1));
        await db.SaveChangesAsync();
        // P (aged 11): three placements, the third from 10 Jan 2013, 5 then 25 miles from home.
        Placed('P', careP, new DateOnly(2012, 2, 1), new DateOnly(2012, 6, 1));
        Placed('P', careP, new DateOnly(2012, 6, 1), new DateOnly(2013, 1, 10), 5m);
        Placed('P', careP, new DateOnly(2013, 1, 10), new DateOnly(2013, 6, 1), 25m);
        // Q (aged 10): in care since 2010, in the same placement from 15 Jan 2011 (2 years on 15 Jan 2013).
        Placed('Q', careQ, new DateOnly(2010, 1, 1), new DateOnly(2011, 1, 15));
        Placed('Q', careQ, new DateOnly(2011, 1, 15), new DateOnly(2013, 6, 1));

        // R: in care from 2008 to the 18th birthday on 15 Dec 2012; at 18 in touch, in EET, suitably housed.
        // S: in care from 2008 to the 18th birthday on 20 Jan 2012; at 18 in touch, not in EET; at 19 (20 Jan 2013) not in touch.
        void InCare(char c, DateOnly start, DateOnly end) => db.Involvements.Add(new Haven.Core.Involvements.Involvement { ChildId = ids[c], Kind = Haven.Core.Involvements.InvolvementKind.InCare, StartDate = start, EndDate = end, RecordedAt = now });
        InCare('R', new DateOnly(2008, 1, 1), new DateOnly(2012, 12, 15));
        InCare('S', new DateOnly(2008, 1, 1), new DateOnly(2012, 1, 20));
        void Birthday(char c, int age, string inTouch, string activity, string accommodation) => db.BirthdayReturns.Add(new Haven.Core.CareLeavers.BirthdayReturn
            { ChildId = ids[c], Age = age, InTouchCode = inTouch, ActivityCode = activity, AccommodationCode = accommodation, RecordedAt = now, Version = Guid.NewGuid() });
        Birthday('R', 18, "YES", "F2", "B1");
        Birthday('S', 18, "YES", "G4", "B1");
        Birthday('S', 19, "NO", "0", "0");

        // T and U: both born 15 Aug 2001, so Year 7 (secondary) in 2012-13 by age. T's school
        // recorded Year 5 on 1 Jul 2012 (2011-12), so Year 6 (primary) in 2012-13; U has no school record.
        db.EducationRecords.Add(new EducationRecord { ChildId = ids['T'], Kind = EducationRecordKind.School, Date = new DateOnly(2012, 7, 1), SchoolName = "Haven Primary", YearGroup = 5, RecordedAt = now, Version = Guid.NewGuid() });
        void Attendance(char c, decimal percent) => db.EducationRecords.Add(new EducationRecord
            { ChildId = ids[c], Kind = EducationRecordKind.TermAttendance, Date = new DateOnly(2012, 12, 14), AcademicYear = 2012, Term = SchoolTerm.Autumn, AttendancePercent = percent, RecordedAt = now, Version = Guid.NewGuid() });
        Attendance('T', 93.5m);
        Attendance('U', 95.0m);
    }

    [Fact]
    public async Task Compute_HandBuiltBorough_StabilityAndCareLeaversHaveMonthlyTrends()
    {
        await BoroughAsync();
        IReadOnlyList<MeasureResult> results;
        using (var scope = app.Services.CreateScope())
            results = await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().ComputeAsync(new DateOnly(2012, 12, 1), new DateOnly(2013, 1, 31));
        var all = results.ToDictionary(r => r.Measure.Id);
        void Check(string id, (int Met, int Total) december, (int Met, int Total) january)
        {
            Assert.True(all[id].TrendAvailable);
            Assert.Equal([new DateOnly(2012, 12, 31), new DateOnly(2013, 1, 31)], all[id].Trend.Select(t => t.On));
            Assert.Equal([december, january], all[id].Trend.Select(t => (t.Value.Met, t.Value.Total)));
            Assert.Equal(january, (all[id].Latest.Met, all[id].Latest.Total));
        }
        // In care on both dates: P, Q, T, U. Placements lived in over the 12 months: on 31 Dec P 2
        // (the first ended 1 Jun 2012, after 31 Dec 2011), Q 1 (the first ended in 2011); on 31 Jan P 3.
        Check("three-placements", (0, 4), (1, 4));
        // Long-term cohort (under 16, in care 2.5 years): Q only; same placement 2 years from 15 Jan 2013.
        Check("long-term-stability", (0, 1), (1, 1));
        // Distance known: P only (Q's is not recorded); 5 miles on 31 Dec, 25 on 31 Jan (over 20).
        Check("distance-placements", (0, 1), (1, 1));
        // Care leavers with a birthday return: R (18 from 15 Dec) and S. On 31 Dec both use their 18th
        // birthday's return; on 31 Jan S has reached 19 (not in touch, so neither suitable nor in EET).
        Check("care-leavers-in-touch", (2, 2), (1, 2));
        Check("care-leavers-accommodation", (2, 2), (1, 2));
        Check("care-leavers-eet", (1, 2), (1, 2));
        // Attendance by the recorded year group: T primary (Year 6, 93.5), U secondary by age (95.0).
        Check("attendance-primary", (1, 1), (1, 1));
        Assert.Equal(93.5m, all["attendance-primary"].Latest.Value);
        Check("attendance-secondary", (1, 1), (1, 1));
        Assert.Equal(95.0m, all["attendance-secondary"].Latest.Value);
    }

    [Fact]
    public async Task Compute_HandBuiltBorough_VisitsHealthEducationAndServices()
    {
        var b = await BoroughAsync();
        var all = (await FiguresAsync()).ToDictionary(r => r.Measure.Id);
        // Each measure's months (31 Dec, 31 Jan for stock; December, January for flow) and headline.
        void Check(string id, (int Met, int Total) december, (int Met, int Total) january, (int Met, int Total) headline)
        {
            Assert.Equal([december, january], all[id].Trend.Select(t => (t.Value.Met, t.Value.Total)));
            Assert.Equal(headline, (all[id].Latest.Met, all[id].Latest.Total));
        }
        // CP visits. 31 Dec: A (due 4 Jan), C (due 6 Jan) → 2 of 2. 31 Jan: A overdue since 18 Jan
        // (25 Jan not seen), B seen 29 Jan → 1 of 2.
        Check("cp-visits-in-time", (2, 2), (1, 2), (1, 2));
        // CP reviews: A's first due 1 Feb, B's 15 Apr, C's 20 Mar: none overdue.
        Check("cp-reviews-in-time", (2, 2), (2, 2), (2, 2));
        // Statutory visits (in a placement). 31 Dec: E (first week, due 7 Jan), G (20 Nov + 6 weeks =
        // 1 Jan), H (1 Dec → 12 Jan) → 3 of 3. 31 Jan: E overdue, G (4 Jan → 15 Feb) met, H overdue → 1 of 3.
        Check("cla-visits-in-time", (3, 3), (1, 3), (1, 3));
        // Reviews. 31 Dec: E (first due 29 Jan: 20 working days over 1 Jan), F (second due 20 Jan),
        // G (third due 10 Jan) met; H never reviewed → 3 of 4. 31 Jan: D (first due 17 Feb), E (reviewed
        // 29 Jan), G (8 Jan → 8 Jul) met; H not → 3 of 4.
        Check("cla-reviews-in-time", (3, 4), (3, 4), (3, 4));
        // Health cohort (12 months or more): G and H. H is under five: 6-monthly, overdue from 20 Nov
        // until 5 Jan. G's dental check of 30 Jan 2020 was due again 30 Jan 2021, the day before.
        Check("health-assessments", (1, 2), (2, 2), (2, 2));
        Check("dental-checks", (1, 2), (0, 2), (0, 2));
        // SDQ: only G is of SDQ age (H is 2). 10 Jan 2020 (18) due 10 Jan 2021; then 20 Jan 2021 (12).
        Check("sdq-up-to-date", (1, 1), (1, 1), (1, 1));
        Check("sdq-average", (0, 1), (1, 1), (1, 1));
        Assert.Equal([18.0m, 12.0m], all["sdq-average"].Trend.Select(t => t.Value.Value));
        Check("sdq-concern", (1, 1), (0, 1), (0, 1));
        // PEPs (H is too young). 31 Dec: E (first due 29 Jan), F (15 Oct → 15 Feb), G (1 Sep → 1 Jan)
        // → 3 of 3. 31 Jan: D (first due 17 Feb) met; E and G overdue → 1 of 3.
        Check("peps-in-date", (3, 3), (1, 3), (1, 3));
        // Primary attendance. 31 Dec: E 85.5, F 92.0 → 88.75 → 88.8 (1 not persistently absent).
        // 31 Jan: D 95.0, E 85.5 → 90.25 → 90.3. Secondary: G's latest term (autumn, 88.0), not summer.
        Check("attendance-primary", (1, 2), (1, 2), (1, 2));
        Assert.Equal([88.8m, 90.3m], all["attendance-primary"].Trend.Select(t => t.Value.Value));
        Check("attendance-secondary", (0, 1), (0, 1), (0, 1));
        Assert.Equal(88.0m, all["attendance-secondary"].Latest.Value);
        // Missing: A on 31 Dec, B on 1 Jan; C was away; A's of 30 Nov is before the period.
        Assert.Equal([1, 1], all["missing-episodes"].Trend.Select(t => t.Value.Total));
        Assert.Equal(2, all["missing-episodes"].Latest.Value);
        // Care leavers on 31 Jan: K in touch, suitable, in EET; L not in touch → 1 of 2 each.
        foreach (var id in new[] { "care-leavers-in-touch", "care-leavers-accommodation", "care-leavers-eet" })
            Assert.Equal((1, 2), (all[id].Latest.Met, all[id].Latest.Total));
        // Adoption. A1: N 397 days (December, met), M 427 (January, missed) → average 412.0, 1 of 2.
        // A2: M 121 (met on the threshold), N 153 → 137.0, 1 of 2.
        Check("adoption-a1", (1, 1), (0, 1), (1, 2));
        Assert.Equal(412.0m, all["adoption-a1"].Latest.Value);
        Check("adoption-a2", (0, 1), (1, 1), (1, 2));
        Assert.Equal(137.0m, all["adoption-a2"].Latest.Value);
        // Fostering: of 3 households who enquired, 1 approved by 31 Jan.
        Check("foster-conversion", (1, 2), (0, 1), (1, 3));
        // LADO: 24 Dec and 31 Dec in time; 11 Jan and 25 Jan late; 29 Jan not yet due → 2 of 4,
        // placed with the worker who considered it: S1 2 of 2, S2 0 of 1, no worker 0 of 1.
        Check("lado-in-time", (2, 2), (0, 2), (2, 4));
        var lado = Breakdown.Rows(all["lado-in-time"].Measure, all["lado-in-time"].Items, await OrgAsync(), BreakdownLevel.Service).ToDictionary(r => r.Key, r => (r.Value.Met, r.Value.Total));
        Assert.Equal((2, 2), lado[b.S1]);
        Assert.Equal((0, 1), lado[b.S2]);
        Assert.Equal((0, 1), lado[Breakdown.NotAllocated]);
    }

    private async Task<IReadOnlyList<MeasureResult>> FiguresAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().ComputeAsync(From, To);
    }

    [Fact]
    public async Task Compute_HandBuiltBorough_GivesTheFiguresWorkedOutByHand()
    {
        await BoroughAsync();
        var all = (await FiguresAsync()).ToDictionary(r => r.Measure.Id);
        // Other tests in this class write only today's records; the period is 2020-21.
        (int Met, int Total) H(string id) => (all[id].Latest.Met, all[id].Latest.Total);

        Assert.Equal((3, 5), H("contacts-decided-in-time"));
        // By month of receipt: December A, B, C, D (31 Dec) = 3 of 4; January F = 0 of 1.
        Assert.Equal([(3, 4), (0, 1)], all["contacts-decided-in-time"].Trend.Select(t => (t.Value.Met, t.Value.Total)));
        Assert.Equal(60.0m, all["contacts-decided-in-time"].Latest.Value);
        Assert.Equal((2, 4), H("contact-conversion"));
        Assert.Equal((1, 3), H("re-referrals"));
        Assert.Equal(33.3m, all["re-referrals"].Latest.Value);
        Assert.Equal((2, 3), H("assessments-in-time"));
        Assert.Equal([(1, 1), (1, 2)], all["assessments-in-time"].Trend.Select(t => (t.Value.Met, t.Value.Total)));
        Assert.Equal((1, 2), H("icpc-in-time"));
        // Plans on 31 Dec: A and C; on 31 Jan: A and B. Population 10,000 → 2.0 per 10,000.
        Assert.Equal([2, 2], all["cp-plans"].Trend.Select(t => t.Value.Total));
        Assert.Equal(2, all["cp-plans"].Latest.Total);
        Assert.Equal(2.0m, all["cp-plans"].Latest.Rate);
        Assert.Equal((1, 2), H("cp-second-plans"));
        Assert.Equal((1, 2), H("cp-two-years"));
        // In care on 31 Dec: E, F, G and H; on 31 Jan: D (returned), E, G and H.
        Assert.Equal([4, 4], all["children-in-care"].Trend.Select(t => t.Value.Total));
        Assert.Equal(new[] { 'D', 'E', 'G', 'H' }.Select(c => _children![c]).Order(), all["children-in-care"].Items.Select(i => i.ChildId).Order());
        Assert.Equal((0, 4), H("three-placements"));
        Assert.Equal([(0, 4), (0, 4)], all["three-placements"].Trend.Select(t => (t.Value.Met, t.Value.Total)));
        // Caseloads on 31 Jan: the borough's 5 allocations over W1 (2), W2 (1), W3 (2), among any others.
        var caseload = Breakdown.Filter(all["caseloads"].Items, await OrgAsync(), null, null, _borough!.W1.WorkerId);
        Assert.Equal(2, caseload.Count);
        // Neighbours from configuration.
        Assert.Equal(80m, all["assessments-in-time"].Neighbour);
        Assert.Null(all["re-referrals"].Neighbour);
    }

    private Dictionary<char, int>? _children => _borough?.Child;
    private Borough? _borough => built.GetValueOrDefault(app);

    private async Task<Organisation> OrgAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PerformanceFigures>().OrganisationAsync();
    }

    [Fact]
    public async Task DrillDown_AddsUpToTheHeadline_AtEveryLevel()
    {
        var b = await BoroughAsync();
        var org = await OrgAsync();
        foreach (var r in await FiguresAsync())
        {
            var services = Breakdown.Rows(r.Measure, r.Items, org, BreakdownLevel.Service);
            Assert.Equal(r.Latest.Total, services.Sum(s => s.Value.Total));
            Assert.Equal(r.Latest.Met, services.Sum(s => s.Value.Met));
            foreach (var s in services.Where(s => s.Key != Breakdown.NotAllocated))
            {
                var teams = Breakdown.Rows(r.Measure, Breakdown.Filter(r.Items, org, s.Key, null, null), org, BreakdownLevel.Team);
                Assert.Equal(s.Value.Total, teams.Sum(t => t.Value.Total));
                foreach (var t in teams)
                {
                    var workers = Breakdown.Rows(r.Measure, Breakdown.Filter(r.Items, org, s.Key, t.Key, null), org, BreakdownLevel.Worker);
                    Assert.Equal(t.Value.Total, workers.Sum(w => w.Value.Total));
                    Assert.Equal(t.Value.Met, workers.Sum(w => w.Value.Met));
                }
            }
        }
        // By hand, contacts decided in time: S1 = A, B in time, C late (2 of 3); S2 = D in time (1 of 1);
        // not allocated = F late (0 of 1).
        var contacts = (await FiguresAsync()).Single(r => r.Measure == PerformanceMeasures.ContactsDecidedInTime);
        var rows = Breakdown.Rows(contacts.Measure, contacts.Items, org, BreakdownLevel.Service).ToDictionary(r => r.Key, r => (r.Value.Met, r.Value.Total));
        Assert.Equal((2, 3), rows[b.S1]);
        Assert.Equal((1, 1), rows[b.S2]);
        Assert.Equal((0, 1), rows[Breakdown.NotAllocated]);
    }

    [Fact]
    public async Task Dashboard_ManagerSeesEveryMeasure_WithChartTableAndReportsHub()
    {
        var b = await BoroughAsync();
        var client = app.NewClient();
        await client.SignInAsync(b.Manager.UserName);

        var page = await client.GetPageAsync("/performance?" + Period);

        foreach (var m in PerformanceMeasures.All)
        {
            var card = page.QuerySelector($"#measure-{m.Id}");
            Assert.NotNull(card);
            Assert.Contains(m.Definition, card!.TextContent);
        }
        Assert.Contains("60.0% (3 of 5)", page.QuerySelector("[data-headline=contacts-decided-in-time]")!.TextContent);
        Assert.Contains("2.0 per 10,000", page.QuerySelector("[data-headline=cp-plans]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#measure-assessments-in-time svg[role=img] title"));
        Assert.NotNull(page.QuerySelector("#measure-assessments-in-time details table"));
        Assert.NotNull(page.QuerySelector("a[href='/stability']"));
        // For a team manager the dashboard is one of the reports (Navigation), not in the top menu.
        Assert.NotNull(page.QuerySelector("nav a[href='/reports']"));
    }

    [Fact]
    public async Task Dashboard_AfterASave_ShowsTheNewFigureAtOnce()
    {
        // January 2011, which no other test looks at: Q is in care (from 2010), then R comes into care.
        var b = await BoroughAsync();
        var client = app.NewClient();
        await client.SignInAsync(b.Manager.UserName);
        const string url = "/performance?from=2011-01-01&to=2011-01-31";
        string InCare(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-headline=children-in-care]")!.TextContent.Trim();

        Assert.StartsWith("1 children", InCare(await client.GetPageAsync(url)));
        Assert.StartsWith("1 children", InCare(await client.GetPageAsync(url)));
        await app.Data.WithDbAsync(async db =>
        {
            db.PeriodsOfCare.Add(new PeriodOfCare
            {
                ChildId = b.Child['R'], DecisionDate = new DateOnly(2011, 1, 10), AuthorisedByWorkerId = b.Manager.WorkerId, DecisionReason = "x",
                StartDate = new DateOnly(2011, 1, 10), EndDate = new DateOnly(2011, 2, 1), CategoryOfNeedCode = "N1", HomePostcode = "HB1 1AA",
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        Assert.StartsWith("2 children", InCare(await client.GetPageAsync(url)));
    }

    [Fact]
    public async Task Dashboard_AfterAVisitIsSaved_RecomputesOnlyTheMeasuresThatReadVisits()
    {
        // February 2011, which no other test looks at. A statutory visit is read by one group of
        // measures (cla-visits); care leavers, contacts and the social worker allocations are not
        // worked out again.
        var b = await BoroughAsync();
        var client = app.NewClient();
        await client.SignInAsync(b.Manager.UserName);
        var cache = app.Services.GetRequiredService<PerformanceCache>();
        const string url = "/performance?from=2011-02-01&to=2011-02-28";
        await client.GetPageAsync(url);
        string[] parts = ["cla-visits", "care-leavers", "contacts", "health", "attribution"];
        var before = parts.Select(cache.Computed).ToList();

        await app.Data.WithDbAsync(async db =>
        {
            db.StatutoryVisits.Add(new StatutoryVisit { ChildId = b.Child['Q'], VisitDate = new DateOnly(2011, 2, 10), ChildSeen = true, VisitedByWorkerId = b.Manager.WorkerId, Summary = "x", RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        await client.GetPageAsync(url);
        var afterVisit = parts.Select(cache.Computed).ToList();

        Assert.Equal([before[0] + 1, .. before[1..]], afterVisit);
    }

    [Fact]
    public async Task MeasurePage_DrillToWorker_NamesOnlyChildrenTheViewerMayOpen()
    {
        var b = await BoroughAsync();
        var manager = app.NewClient();
        await manager.SignInAsync(b.Manager.UserName);
        var analyst = app.NewClient();
        await analyst.SignInAsync(b.Analyst.UserName);

        var services = await manager.GetPageAsync($"/performance/contacts-decided-in-time?{Period}");
        var ownWorker = await manager.GetPageAsync($"/performance/contacts-decided-in-time?{Period}&worker={b.W1.WorkerId}");
        var otherWorker = await manager.GetPageAsync($"/performance/contacts-decided-in-time?{Period}&worker={b.W3.WorkerId}");
        var analystView = await analyst.GetPageAsync($"/performance/contacts-decided-in-time?{Period}&worker={b.W1.WorkerId}");
        var missing = await manager.GetAsync($"/performance/no-such-measure?{Period}");

        Assert.Equal(["2", "3", "66.7%"], services.QuerySelectorAll($"#breakdown tr[data-key='{b.S1}'] td").Select(td => td.TextContent.Trim()));
        Assert.Contains("3", services.QuerySelector("#total")!.TextContent);
        Assert.Contains(b.Name['A'], ownWorker.QuerySelector("#children")!.TextContent);
        Assert.Contains(b.Name['B'], ownWorker.QuerySelector("#children")!.TextContent);
        Assert.Null(ownWorker.QuerySelector("#not-shown"));
        Assert.DoesNotContain(b.Name['D'], otherWorker.Body!.TextContent);
        Assert.Contains("1 more counted", otherWorker.QuerySelector("#not-shown")!.TextContent);
        Assert.Null(analystView.QuerySelector("#children"));
        Assert.Contains("2 more counted", analystView.QuerySelector("#not-shown")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SocialWorker_IsRefused_AndBadDatesGiveAnError()
    {
        var b = await BoroughAsync();
        var worker = app.NewClient();
        await worker.SignInAsync(b.SocialWorker.UserName);
        var manager = app.NewClient();
        await manager.SignInAsync(b.Manager.UserName);

        var refused = await worker.GetAsync("/performance");
        var bad = await manager.GetPageAsync("/performance?from=2021-02-30&to=nonsense");
        var reversed = await manager.GetPageAsync("/performance?from=2021-03-01&to=2021-01-31");

        // Refused: sent to the "you cannot view this page" page, not shown the dashboard.
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(bad.QuerySelector(".govuk-error-summary"));
        Assert.Contains("must be on or before", reversed.QuerySelector(".govuk-error-summary")!.TextContent);
        // The GOV.UK date inputs: an impossible date is an error message, never a server error; a
        // real one gives the same figures as the yyyy-MM-dd query.
        var impossible = await manager.GetPageAsync("/performance?From.Day=30&From.Month=2&From.Year=2021&To.Day=31&To.Month=1&To.Year=2021");
        Assert.Contains("Start of the period must be a real date", impossible.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.NotNull(impossible.QuerySelector("input[name='From.Day'][value='30']"));
        var parts = await manager.GetPageAsync("/performance?From.Day=1&From.Month=12&From.Year=2020&To.Day=31&To.Month=1&To.Year=2021");
        Assert.Null(parts.QuerySelector(".govuk-error-summary"));
        Assert.Contains("60.0% (3 of 5)", parts.QuerySelector("[data-headline=contacts-decided-in-time]")!.TextContent);
    }

    [Fact]
    public async Task CsvAndApi_GiveTheSameFigures_AndRefuseOtherRoles()
    {
        var b = await BoroughAsync();
        var manager = app.NewClient();
        await manager.SignInAsync(b.Manager.UserName);
        var api = await ApiClientAsync(b.Analyst);
        var refusedApi = await ApiClientAsync(b.SocialWorker);

        var csv = await manager.GetStringAsync("/performance?handler=csv&" + Period);
        var json = await api.GetStringAsync("/api/v1/performance?" + Period);
        var one = await api.GetAsync("/api/v1/performance/re-referrals?" + Period);
        var badDate = await api.GetAsync("/api/v1/performance?from=yesterday");
        var refused = await refusedApi.GetAsync("/api/v1/performance?" + Period);

        Assert.Contains("contacts-decided-in-time,Contacts decided within 1 working day,headline,2020-12-01,2021-01-31,60.0,3,5,", csv);
        Assert.Contains("re-referrals,Re-referrals within 12 months,month,2021-01-01,2021-01-31,0.0,0,1,", csv);
        using var doc = JsonDocument.Parse(json);
        var re = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "re-referrals");
        Assert.Equal(33.3m, re.GetProperty("latest").GetProperty("value").GetDecimal());
        Assert.Equal(22.6m, re.GetProperty("england").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }
}

public sealed class PerformanceSqliteApp : SqliteApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Haven:Performance:ChildPopulation"] = "10000";
        settings["Haven:Performance:Neighbours:assessments-in-time"] = "80";
    }
}

public sealed class PerformancePostgresApp : PostgresApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Haven:Performance:ChildPopulation"] = "10000";
        settings["Haven:Performance:Neighbours:assessments-in-time"] = "80";
    }
}

public sealed class PerformanceTestsOnSqlite(PerformanceSqliteApp app) : PerformanceTests(app), IClassFixture<PerformanceSqliteApp>;
public sealed class PerformanceTestsOnPostgres(PerformancePostgresApp app) : PerformanceTests(app), IClassFixture<PerformancePostgresApp>;
