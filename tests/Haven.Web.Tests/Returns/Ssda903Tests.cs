using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.People;
using Haven.Core.Returns;
using Haven.Core.Returns.Ssda903;
using Haven.Core.Workforce;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests.Returns;

/// The SSDA903 of a small hand-built borough, on each database: the registered producer writes exactly
/// the files worked out by hand below, the registered validator finds nothing wrong, and the CLI
/// writes and validates the same folder.
public abstract class Ssda903Tests(HavenApp app)
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // Worked out by hand from the borough in BuildBoroughAsync. {A} {B} {C} are the three children's ids.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["header.csv"] = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            {A},F,10/03/2012,WBRI,A12345678901Z,1,05/01/2026
            {B},M,01/06/2015,WBRI,UN3,,
            {C},M,20/08/2007,WIRI,C123456789012,,
            {E},M,15/01/2022,WBRI,UN1,,
            """,
        ["episodes.csv"] = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            {A},01/02/2024,S,C2,N1,U4,PR1,15/09/2025,X1,CARPL,HB1 1AA,HB2 2BB,XXXXXXX
            {A},15/09/2025,P,C2,N1,K2,PR4,,,,HB1 1AA,HB3 3CC,SC654321
            {B},10/06/2025,S,V2,N2,U6,PR1,01/12/2025,E4A,,HB1 2AB,HB4 4DD,XXXXXXX
            {C},01/01/2020,S,C2,N1,K2,PR4,20/08/2025,E17,,HB5 5EE,HB6 6FF,SC111222
            {E},01/06/2024,S,E1,N1,U1,PR1,01/05/2025,X1,CARPL,HB8 8HH,HB9 9JJ,XXXXXXX
            {E},01/05/2025,P,E1,N1,A6,PR1,01/11/2025,E11,,HB8 8HH,HB1 9KK,SC999999
            """,
        ["uasc.csv"] = "CHILD,SEX,DOB,DUC",
        ["reviews.csv"] = """
            CHILD,DOB,REVIEW,REVIEW_CODE
            {A},10/03/2012,20/05/2025,PN1
            """,
        ["ad1.csv"] = """
            CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
            {E},15/01/2022,20/01/2025,01/04/2025,0,2,FF,L12
            """,
        ["placed_for_adoption.csv"] = """
            CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
            {E},15/01/2022,20/01/2025,,
            """,
        ["previous_permanence.csv"] = """
            CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM
            {B},01/06/2015,Z1,,
            """,
        ["missing.csv"] = """
            CHILD,DOB,MISSING,MIS_START,MIS_END
            {A},10/03/2012,M,01/10/2025,02/10/2025
            """,
        ["oc2.csv"] = """
            CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
            {A},10/03/2012,14,,1,,1,1,1,1,0,1
            """,
        ["oc3.csv"] = """
            CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
            {C},20/08/2007,YES,F2,D1
            """,
        ["sw_episodes.csv"] = """
            CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
            {A},10/03/2012,SW100001,01/04/2025,31/07/2025,TSPROC
            {A},10/03/2012,SW100002,01/08/2025,,LEFTRL
            {B},01/06/2015,SW100001,10/06/2025,01/12/2025,OTHERS
            {C},20/08/2007,SW100002,01/04/2025,20/08/2025,OTHERS
            {E},15/01/2022,SW100001,01/04/2025,01/11/2025,OTHERS
            """,
        // Ada's order from 1 October 2025 in the children's home, still in force at 31 March; Cal's from 1 March
        // 2025 to the day he left care (20 August 2025). Not here: Cal's order of 2023 (before the year) and
        // Ada's order recorded in error and removed.
        ["dolo.csv"] = """
            CHILD,DOB,DOLO_START,DOLO_END
            {A},10/03/2012,01/10/2025,
            {C},20/08/2007,01/03/2025,20/08/2025
            """,
    };

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<HavenApp, (int A, int B, int C, int E)> Built = [];

    /// A: a girl in care since February 2024 who moved from foster care to a children's home in the
    /// year, with a review, a missing spell and health records (OC2). B: a boy accommodated (V2) for
    /// six months in the year. C: a young man who left care on his 18th birthday in August 2025 (OC3).
    /// D: looked after only in 2022 (not in the return). E: a boy in foster care from June 2024, placed
    /// for adoption (A6, placement order) in May 2025 and adopted in November 2025 by two women in a
    /// same-sex marriage who had not fostered him (AD1).
    private async Task<(int A, int B, int C, int E)> BuildBoroughAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Built.TryGetValue(app, out var done)) return done;
            var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager);
            var a = await Child("Ada", Sex.Female, D(2012, 3, 10), "WBRI", "A12345678901Z", null);
            var b = await Child("Ben", Sex.Male, D(2015, 6, 1), "WBRI", null, "UN3");
            var c = await Child("Cal", Sex.Male, D(2007, 8, 20), "WIRI", "C123456789012", null);
            var d = await Child("Dee", Sex.Female, D(2010, 1, 1), "WBRI", null, "UN1");
            // Ada is recorded as the mother of a baby born in January 2026 (MOTHER 1, MC_DOB), and of one born
            // after 31 March (not counted: the return is as at 31 March).
            var baby = await Child("Bea", Sex.Female, D(2026, 1, 5), "WBRI", null, "UN1");
            var later = await Child("Bo", Sex.Male, D(2026, 4, 20), "WBRI", null, "UN1");
            var e = await Child("Eli", Sex.Male, D(2022, 1, 15), "WBRI", null, "UN1");
            await app.Data.WithDbAsync(async db =>
            {
                foreach (var child in new[] { baby, later })
                    db.Relationships.Add(new Relationship { PersonId = a, RelatedPersonId = child, Type = RelationshipType.Mother, HasParentalResponsibility = true, RecordedAt = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });
            await app.Data.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                PeriodOfCare Period(int child, DateOnly start, DateOnly? end, string? rec, string cin, string home) => new()
                {
                    ChildId = child, DecisionDate = start, AuthorisedByWorkerId = manager.WorkerId, DecisionReason = "Test", StartDate = start, EndDate = end,
                    ReasonCeasedCode = rec, CategoryOfNeedCode = cin, HomePostcode = home, RecordedAt = now, Version = Guid.NewGuid(),
                };
                Placement Place(PeriodOfCare p, string type, string provider, string postcode, string urn, DateOnly start, DateOnly? end) => new()
                {
                    ChildId = p.ChildId, PeriodOfCareId = p.Id, PlacementTypeCode = type, ProviderCode = provider, CarerName = "Carer", AddressLine1 = "1 Road",
                    Town = "Haven", Postcode = postcode, Urn = urn, StartDate = start, EndDate = end, RecordedAt = now, Version = Guid.NewGuid(),
                };
                Episode Ep(PeriodOfCare p, Placement pl, DateOnly start, string rne, string ls, DateOnly? end, string? rec, string? rpc) => new()
                {
                    PeriodOfCareId = p.Id, ChildId = p.ChildId, Revision = 1, StartDate = start, ReasonForNewEpisodeCode = rne, LegalStatusCode = ls,
                    PlacementId = pl.Id, EndDate = end, ReasonEpisodeCeasedCode = rec, ReasonPlaceChangeCode = rpc, RecordedAt = now,
                };
                var pa = Period(a, D(2024, 2, 1), null, null, "N1", "HB1 1AA");
                var pb = Period(b, D(2025, 6, 10), D(2025, 12, 1), "E4A", "N2", "HB1 2AB");
                pb.PreviousPermanenceCode = "Z1";
                var pc = Period(c, D(2020, 1, 1), D(2025, 8, 20), "E17", "N1", "HB5 5EE");
                var pd = Period(d, D(2022, 1, 1), D(2023, 1, 1), "E13", "N1", "HB1 3AB");
                var pe = Period(e, D(2024, 6, 1), D(2025, 11, 1), "E11", "N1", "HB8 8HH");
                db.PeriodsOfCare.AddRange(pa, pb, pc, pd, pe);
                await db.SaveChangesAsync();
                var a1 = Place(pa, "U4", "PR1", "HB2 2BB", "XXXXXXX", D(2024, 2, 1), D(2025, 9, 15));
                var a2 = Place(pa, "K2", "PR4", "HB3 3CC", "SC654321", D(2025, 9, 15), null);
                var b1 = Place(pb, "U6", "PR1", "HB4 4DD", "XXXXXXX", D(2025, 6, 10), D(2025, 12, 1));
                var c1 = Place(pc, "K2", "PR4", "HB6 6FF", "SC111222", D(2020, 1, 1), D(2025, 8, 20));
                var d1 = Place(pd, "U6", "PR1", "HB7 7GG", "XXXXXXX", D(2022, 1, 1), D(2023, 1, 1));
                var e1 = Place(pe, "U1", "PR1", "HB9 9JJ", "XXXXXXX", D(2024, 6, 1), D(2025, 5, 1));
                var e2 = Place(pe, "A6", "PR1", "HB1 9KK", "SC999999", D(2025, 5, 1), D(2025, 11, 1));
                db.Placements.AddRange(a1, a2, b1, c1, d1, e1, e2);
                await db.SaveChangesAsync();
                db.Episodes.AddRange(
                    Ep(pa, a1, D(2024, 2, 1), "S", "C2", D(2025, 9, 15), "X1", "CARPL"),
                    Ep(pa, a2, D(2025, 9, 15), "P", "C2", null, null, null),
                    Ep(pb, b1, D(2025, 6, 10), "S", "V2", D(2025, 12, 1), "E4A", null),
                    Ep(pc, c1, D(2020, 1, 1), "S", "C2", D(2025, 8, 20), "E17", null),
                    Ep(pd, d1, D(2022, 1, 1), "S", "V2", D(2023, 1, 1), "E13", null),
                    Ep(pe, e1, D(2024, 6, 1), "S", "E1", D(2025, 5, 1), "X1", "CARPL"),
                    Ep(pe, e2, D(2025, 5, 1), "P", "E1", D(2025, 11, 1), "E11", null));
                db.AdoptionCases.Add(new Haven.Core.Permanence.AdoptionCase
                {
                    ChildId = e, AdmDecisionDate = D(2025, 1, 20), PlacementOrderDate = D(2025, 3, 1), EarlyPermanence = Haven.Core.Permanence.EarlyPermanence.ConsideredNotSuitable,
                    MatchDate = D(2025, 4, 1), PlacedForAdoptionDate = D(2025, 5, 1), MovedInDate = D(2025, 5, 1), AdoptionOrderDate = D(2025, 11, 1),
                    FosterCareCode = "0", AdopterNumberCode = "2", AdopterSexCode = "FF", AdopterLegalStatusCode = "L12", RecordedAt = now, Version = Guid.NewGuid(),
                });
                db.LookedAfterReviews.Add(new LookedAfterReview { ChildId = a, PeriodOfCareId = pa.Id, ReviewDate = D(2025, 5, 20), ChairWorkerId = manager.WorkerId, ParticipationCode = "PN1", RecordedAt = now, Version = Guid.NewGuid() });
                db.LookedAfterReviews.Add(new LookedAfterReview { ChildId = a, PeriodOfCareId = pa.Id, ReviewDate = D(2025, 2, 20), ChairWorkerId = manager.WorkerId, ParticipationCode = "PN1", RecordedAt = now, Version = Guid.NewGuid() });
                db.MissingEpisodes.Add(new MissingEpisode { ChildId = a, Type = MissingType.Missing, From = MissingFrom.Care, StartedAt = new DateTime(2025, 10, 1, 22, 0, 0, DateTimeKind.Utc), ReturnedAt = new DateTime(2025, 10, 2, 9, 0, 0, DateTimeKind.Utc), RecordedAt = now, Version = Guid.NewGuid() });
                db.HealthRecords.AddRange(
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.StrengthsAndDifficulties, Date = D(2025, 6, 1), SdqScore = 14, RecordedAt = now, Version = Guid.NewGuid() },
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.Immunisations, Date = D(2025, 4, 10), UpToDate = true, RecordedAt = now, Version = Guid.NewGuid() },
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.DentalCheck, Date = D(2025, 7, 1), RecordedAt = now, Version = Guid.NewGuid() },
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.ReviewHealthAssessment, Date = D(2025, 8, 1), RecordedAt = now, Version = Guid.NewGuid() },
                    // A substance misuse problem identified in the year, an intervention offered and refused; a youth caution.
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.SubstanceMisuse, Date = D(2025, 9, 1), InterventionReceived = false, InterventionOfferedRefused = true, RecordedAt = now, Version = Guid.NewGuid() },
                    new HealthRecord { ChildId = a, Kind = HealthRecordKind.ConvictionOrCaution, Date = D(2025, 11, 1), OffenceOutcome = OffenceOutcome.YouthCaution, RecordedAt = now, Version = Guid.NewGuid() });
                // Ada's social workers: the first since before the year (clipped to 1 April), a change on 1 August.
                var (_, team) = await app.Data.CreateTeamAsync();
                var sw1 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
                var sw2 = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
                (await db.Workers.FindAsync(sw1.WorkerId))!.SweNumber = "SW100001";
                (await db.Workers.FindAsync(sw2.WorkerId))!.SweNumber = "SW100002";
                db.Allocations.AddRange(
                    new Haven.Core.Allocations.Allocation { ChildId = a, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = sw1.WorkerId, TeamId = team, StartDate = D(2023, 6, 1), EndDate = D(2025, 7, 31), ChangeReasonCode = "TSPROC", RecordedAt = now },
                    new Haven.Core.Allocations.Allocation { ChildId = a, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = sw2.WorkerId, TeamId = team, StartDate = D(2025, 8, 1), ChangeReasonCode = "LEFTRL", RecordedAt = now });
                // Ben's and Cal's only social workers were allocated before reasons were kept (none recorded): a
                // first allocation is reported as OTHERS, clipped to the period of care and the year.
                db.Allocations.AddRange(
                    new Haven.Core.Allocations.Allocation { ChildId = b, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = sw1.WorkerId, TeamId = team, StartDate = D(2025, 5, 2), RecordedAt = now },
                    new Haven.Core.Allocations.Allocation { ChildId = c, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = sw2.WorkerId, TeamId = team, StartDate = D(2019, 11, 1), EndDate = D(2025, 8, 20), RecordedAt = now },
                    new Haven.Core.Allocations.Allocation { ChildId = e, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = sw1.WorkerId, TeamId = team, StartDate = D(2024, 6, 1), EndDate = D(2025, 11, 1), RecordedAt = now });
                // Deprivation of liberty orders while in children's homes (K2).
                db.DeprivationOfLibertyOrders.AddRange(
                    new Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder { ChildId = a, StartDate = D(2025, 10, 1), AuthorisedBy = "High Court", RecordedAt = now, Version = Guid.NewGuid() },
                    new Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder { ChildId = a, StartDate = D(2025, 9, 15), EndDate = D(2025, 9, 30), AuthorisedBy = "High Court", RecordedAt = now, Version = Guid.NewGuid(), DeletedAt = now, DeletionReason = "Wrong child" },
                    new Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder { ChildId = c, StartDate = D(2025, 3, 1), EndDate = D(2025, 8, 20), AuthorisedBy = "High Court", RecordedAt = now, Version = Guid.NewGuid() },
                    new Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder { ChildId = c, StartDate = D(2023, 1, 1), EndDate = D(2023, 6, 30), AuthorisedBy = "High Court", RecordedAt = now, Version = Guid.NewGuid() });
                db.BirthdayReturns.Add(new BirthdayReturn { ChildId = c, Age = 18, InTouchCode = "YES", ActivityCode = "F2", AccommodationCode = "D1", RecordedAt = now, Version = Guid.NewGuid() });
                db.BirthdayReturns.Add(new BirthdayReturn { ChildId = c, Age = 17, InTouchCode = "YES", ActivityCode = "F2", AccommodationCode = "C1", RecordedAt = now, Version = Guid.NewGuid() });
                await db.SaveChangesAsync();
                return 0;
            });
            return Built[app] = (a, b, c, e);
        }
        finally { Once.Release(); }
    }

    private Task<int> Child(string name, Sex sex, DateOnly dob, string ethnicity, string? upn, string? upnUnknown) =>
        app.Data.WithDbAsync(async db =>
        {
            var p = new Person { Kind = PersonKind.Child, FirstName = name, LastName = "Returns", Sex = sex, DateOfBirth = dob, EthnicityCode = ethnicity, Upn = upn, UpnUnknownReason = upnUnknown, RecordedAt = DateTime.UtcNow };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    private static string Fill(string text, (int A, int B, int C, int E) ids) =>
        text.Replace("{A}", ids.A.ToString()).Replace("{B}", ids.B.ToString()).Replace("{C}", ids.C.ToString()).Replace("{E}", ids.E.ToString()).ReplaceLineEndings("\r\n") + "\r\n";

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"haven-903-{Guid.NewGuid():N}");

    [Fact]
    public async Task WriteAsync_HandBuiltBorough_WritesTheFilesWorkedOutByHand()
    {
        var ids = await BuildBoroughAsync();
        var producer = app.Services.GetServices<IStatutoryReturnProducer>().Single(p => p.Return == StatutoryReturn.Ssda903);
        var folder = NewFolder();
        using var scope = app.Services.CreateScope();
        var files = await producer.WriteAsync(scope.ServiceProvider.GetRequiredService<HavenDbContext>(), ReturnPeriod.CollectionYear(2026), folder, default);
        try
        {
            Assert.Equal(Expected.Keys.Order(), files.Select(Path.GetFileName).Order()!);
            foreach (var (file, text) in Expected)
                Assert.Equal(Fill(text, ids), await File.ReadAllTextAsync(Path.Combine(folder, file)));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public async Task ValidateAsync_HandBuiltBorough_HasNoFailures()
    {
        await BuildBoroughAsync();
        var validator = app.Services.GetServices<IReturnValidator>().Single(p => p.Return == StatutoryReturn.Ssda903);
        using var scope = app.Services.CreateScope();
        var failures = await validator.ValidateAsync(scope.ServiceProvider.GetRequiredService<HavenDbContext>(), ReturnPeriod.CollectionYear(2026), default);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Cli_ReturnsThenValidate903_WritesTheFilesAndReportsErrorsWithRuleChildAndField()
    {
        var ids = await BuildBoroughAsync();
        var folder = NewFolder();
        try
        {
            var (exit, output, error) = await app.RunCliAsync("returns", "903", "--year", "2026", "--out", folder);
            Assert.True(exit == 0, error);
            Assert.Contains("episodes.csv", output);
            var (ok, okOutput, _) = await app.RunCliAsync("validate", "903", folder);
            Assert.Equal(0, ok);
            Assert.EndsWith("errors: 0", okOutput.TrimEnd());

            // Break one fact by hand: B's sex is no longer a 903 code.
            var header = Path.Combine(folder, "header.csv");
            await File.WriteAllTextAsync(header, (await File.ReadAllTextAsync(header)).Replace($"{ids.B},M,", $"{ids.B},1,"));
            var (bad, badOutput, _) = await app.RunCliAsync("validate", "903", folder);
            Assert.Equal(1, bad);
            Assert.Contains($"101\tchild {ids.B}\tSEX\tGender code is not valid.", badOutput);
            Assert.EndsWith("errors: 1", badOutput.TrimEnd());
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
    }

    [Fact]
    public async Task StartAsync_PlacementAgainstA903Rule_IsRefusedWithTheDfeMessage()
    {
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager);
        var child = await Child("Eve", Sex.Female, D(2019, 5, 1), "WBRI", null, "UN1");
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<LookedAfterService>();
        var by = new CurrentWorker(manager.UserName, manager.WorkerId, HavenRole.TeamManager, manager.TeamId, null, "Manager");
        PlacementOptions Placement(string type, string provider) => new(type, provider, "Carer", "1 Road", null, "Haven", "HB1 1AA", null, "Matching");
        StartPeriodOptions Start(string ls, PlacementOptions p) => new(child, D(2026, 5, 1), manager.WorkerId, "Test", D(2026, 5, 1), ls, "N1", false, "HB1 1AA", p);

        var withParents = await service.StartAsync(Start("V2", Placement("P1", "PR0")), by);
        Assert.Equal("A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989. (SSDA903 rule 378)",
            withParents.Errors["Placement.PlacementTypeCode"]);
        var custody = await service.StartAsync(Start("J2", Placement("U6", "PR1")), by);
        Assert.Equal("Child with this legal status should not be under 10. (SSDA903 rule 358)", custody.Errors["LegalStatusCode"]);
        Assert.Equal(0, await app.Data.WithDbAsync(db => Task.FromResult(db.PeriodsOfCare.Count(p => p.ChildId == child))));
    }
}

public sealed class Ssda903TestsOnSqlite(SqliteApp app) : Ssda903Tests(app), IClassFixture<SqliteApp>;
public sealed class Ssda903TestsOnPostgres(PostgresApp app) : Ssda903Tests(app), IClassFixture<PostgresApp>;
