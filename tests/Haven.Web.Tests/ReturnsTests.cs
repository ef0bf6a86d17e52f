using System.IO.Compression;
using Haven.Core.Returns;
using Haven.Core.Returns.Cin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// The Returns page, the Data quality page, My work's data quality items and the `returns cin` /
/// `validate cin` commands, on both databases.
public abstract class ReturnsTests(HavenApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static int Year => ReturnPeriod.CollectionYearOf(Today);

    private async Task<HttpClient> SignedInAsync(HavenRole role, int? teamId = null)
    {
        var worker = await app.Data.CreateWorkerAsync(role, teamId);
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        return client;
    }

    [Fact]
    public async Task Returns_AsSocialWorker_IsForbidden()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var client = await SignedInAsync(HavenRole.SocialWorker, team);
        // Refused: the app sends a signed-in user without the policy to its access denied page.
        foreach (var url in new[] { "/returns", $"/returns?handler=download&return=CinCensus&year={Year}", "/data-quality" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Found, $"{url}: {response.StatusCode}");
            Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
            if (response.StatusCode == HttpStatusCode.Found) Assert.StartsWith("/error/403", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        }
    }

    [Fact]
    public async Task Returns_AsPerformanceAnalyst_DownloadsCinCensusZipThatValidatesAgainstTheSchema()
    {
        await app.Data.CreateChildAsync(c => c.Referrals.Add(Today.AddDays(-3)));
        var client = await SignedInAsync(HavenRole.PerformanceAnalyst);
        var page = await client.GetPageAsync("/returns");
        Assert.NotNull(page.QuerySelector("#return-CinCensus form"));

        var response = await client.GetAsync($"/returns?handler=download&return=CinCensus&year={Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var entry = zip.GetEntry(CinCensusXml.FileName);
        Assert.NotNull(entry);
        await using var xml = entry.Open();
        var copy = new MemoryStream();
        await xml.CopyToAsync(copy);
        copy.Position = 0;
        // Test children have no ethnicity recorded (rule 4220): that is the only thing the schema may find.
        Assert.All(CinCensusXml.SchemaErrors(copy), e => Assert.Contains("Ethnicity", e));
        // The header carries the council's LA number from the setting Haven:Council:LaCode (998 in tests).
        copy.Position = 0;
        Assert.Equal("998", CinCensusXml.Read(copy).Header.Lea);
    }

    [Fact]
    public async Task CinCensus_WholeReturnAndFewChildren_GiveTheFactorsInTheirOrder()
    {
        // The whole return reads the factors apart from the assessments (on a second connection on
        // PostgreSQL); a few children's census reads them with each assessment. Both give them in the
        // order they were recorded (by id), here not the order of their codes.
        var child = await app.Data.CreateChildAsync(c => c.Referrals.Add(Today.AddDays(-3)));
        var (whole, few) = await app.Data.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == child);
            db.Assessments.Add(new Haven.Core.Assessments.Assessment { ChildId = child, ReferralId = referral.Id, StartDate = Today.AddDays(-2), DueDate = Today.AddDays(40),
                AuthorisedDate = Today.AddDays(-1), Outcome = Haven.Core.Assessments.AssessmentOutcome.ChildInNeedPlan, Factors = [new() { Code = "4B" }, new() { Code = "3B" }, new() { Code = "1C" }] });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var all = await CinCensusBuilder.BuildAsync(db, Year);
            var some = await CinCensusBuilder.BuildAsync(db, Year, onlyChildren: [child]);
            return (all.Children.Single(c => c.ChildId == child), some.Children.Single());
        });
        Assert.Equal(["4B", "3B", "1C"], whole.Episodes.Single().Assessments.Single().Factors);
        Assert.Equal(["4B", "3B", "1C"], few.Episodes.Single().Assessments.Single().Factors);
    }

    [Fact]
    public async Task Returns_BadYear_ShowsErrorAndNoDownload()
    {
        var client = await SignedInAsync(HavenRole.PerformanceAnalyst);
        var response = await client.GetAsync("/returns?handler=download&return=CinCensus&year=twenty");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("Enter the collection year as 4 digits, for example 2026 for April 2025 to March 2026", page.ErrorMessages());
    }

    /// Records what CIN census rule 4220 and its neighbours ask of a child: ethnicity, disability, why no UPN.
    private Task<int> PutRightAsync(int childId) => app.Data.WithDbAsync(async db =>
    {
        var child = await db.People.SingleAsync(p => p.Id == childId);
        child.EthnicityCode = "WBRI";
        child.DisabilityCodes = "NONE";
        child.UpnUnknownReason = "UN1";
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task DataQuality_RestrictedChild_CountedNotNamed_AndFixingClearsTheFailure()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        // Neither child has an ethnicity recorded: CIN census rule 4220.
        var open = await app.Data.CreateChildAsync(c => { c.FirstName = "Nameable"; c.AllocatedTo = social; c.Referrals.Add(Today.AddDays(-5)); });
        var restricted = await app.Data.CreateChildAsync(c => { c.FirstName = "Secretive"; c.Restricted = true; c.AllocatedTo = social; c.Referrals.Add(Today.AddDays(-5)); });
        var client = await SignedInAsync(HavenRole.TeamManager, team);

        var page = await client.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Nameable", text);
        Assert.DoesNotContain("Secretive", text);
        Assert.DoesNotContain($"H{restricted}", text);
        Assert.Contains("cannot open: counted here, not named", page.QuerySelector("#not-named")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#errors a[href='/children/{open}/details']"));

        await PutRightAsync(open);
        page = await client.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        Assert.DoesNotContain("Nameable", page.QuerySelector("main")!.TextContent);
    }

    /// The failures are worked out once for every viewer and filter (ReturnFailuresCache), and again
    /// as soon as a save changes the record; a case note, which no return reads, does not.
    [Fact]
    public async Task DataQuality_WorkedOutOnceForEveryone_AndAgainAfterTheRecordChanges()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        // No ethnicity recorded: CIN census rule 4220.
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Keptaway"; c.AllocatedTo = social; c.Referrals.Add(Today.AddDays(-5)); });
        var manager = await SignedInAsync(HavenRole.TeamManager, team);
        var analyst = await SignedInAsync(HavenRole.PerformanceAnalyst);
        var cache = app.Services.GetRequiredService<ReturnFailuresCache>();

        var first = await manager.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        var computed = cache.Computed;
        Assert.Contains("Keptaway", first.QuerySelector("#errors")!.TextContent);
        Assert.Matches(@"Worked out from the record at \d\d:\d\d on \d{1,2} \w+ \d{4}", first.QuerySelector("#worked-out")!.TextContent);
        // How soon another process's change shows: Haven:DataQuality:CacheSeconds, 60 by default.
        Assert.Contains("shows within a minute", first.QuerySelector("#worked-out")!.TextContent);

        // Another viewer, another filter: the same failures, not worked out again.
        var all = await analyst.GetPageAsync("/data-quality");
        var byRule = await manager.GetPageAsync("/data-quality?rule=CinCensus-4220");
        Assert.Contains("Keptaway", byRule.QuerySelector("#errors")!.TextContent);
        Assert.Equal(first.QuerySelector("#worked-out")!.TextContent, all.QuerySelector("#worked-out")!.TextContent);

        // A case note: no return reads notes, so the failures are still current.
        await app.Data.WithDbAsync(db =>
        {
            db.CaseNotes.Add(new Haven.Core.CaseNotes.CaseNote { ChildId = child, Type = Haven.Core.CaseNotes.CaseNoteType.PhoneCall, EventAt = DateTime.UtcNow.AddHours(-1),
                RecordedAt = DateTime.UtcNow, AuthorWorkerId = social.WorkerId, Subject = "Phone call", Body = "Spoke to mother." });
            return db.SaveChangesAsync();
        });
        await manager.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        Assert.Equal(computed, cache.Computed);

        // Putting the record right is seen at the next view.
        await PutRightAsync(child);
        var after = await manager.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        Assert.Equal(computed + 1, cache.Computed);
        Assert.DoesNotContain("Keptaway", after.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task MyWork_OwnChildWithCinError_ShowsTheFailureWithLinkToFix()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var child = await app.Data.CreateChildAsync(c => { c.AllocatedTo = social; c.Referrals.Add(Today.AddDays(-5)); });
        var client = app.NewClient();
        await client.SignInAsync(social.UserName);
        var page = await client.GetPageAsync("/");
        Assert.Contains("CIN census error 4220", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/children/{child}/details']"));
    }

    [Fact]
    public async Task DataQualityAndMyWork_ErrorAndQuery_CountedAndListedApart()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var social = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        // No ethnicity: error 4220. An assessment still open at the end of the census year, more than
        // 45 working days after it started: query 8670Q.
        var child = await app.Data.CreateChildAsync(c => { c.FirstName = "Querying"; c.AllocatedTo = social; c.Referrals.Add(Today.AddDays(-100)); });
        await app.Data.WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == child);
            db.Assessments.Add(new Haven.Core.Assessments.Assessment
            {
                ChildId = child, ReferralId = referral.Id, StartDate = Today.AddDays(-90), DueDate = Today.AddDays(-27),
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        var manager = await SignedInAsync(HavenRole.TeamManager, team);

        var page = await manager.GetPageAsync($"/data-quality?worker={social.WorkerId}");
        Assert.NotNull(page.QuerySelector("#errors-total"));
        Assert.NotNull(page.QuerySelector("#queries-total"));
        var errors = page.QuerySelector("#errors")!.TextContent;
        var queries = page.QuerySelector("#queries")!.TextContent;
        Assert.Contains("CIN census 4220", errors);
        Assert.DoesNotContain("8670Q", errors);
        Assert.Contains("CIN census 8670Q", queries);
        Assert.DoesNotContain("4220", queries);
        var rule = page.QuerySelectorAll("#by-rule tbody tr").Single(r => r.TextContent.Contains("8670Q"));
        Assert.Equal(["0", "1"], rule.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var worker = page.QuerySelectorAll("#by-worker tbody tr").Single(r => r.QuerySelector($"a[href='/data-quality?worker={social.WorkerId}']") is not null);
        Assert.Equal("1", worker.QuerySelectorAll("td")[1].TextContent.Trim());

        var client = app.NewClient();
        await client.SignInAsync(social.UserName);
        var mine = (await client.GetPageAsync("/")).QuerySelector("main")!.TextContent;
        Assert.Contains("CIN census error 4220", mine);
        Assert.Contains("CIN census query 8670Q (check; not an error)", mine);
    }

    [Fact]
    public async Task Cli_ReturnsAndValidateCin_WriteTheXmlAndCountErrors()
    {
        await app.Data.CreateChildAsync(c => c.Referrals.Add(Today.AddDays(-3)));
        var folder = Path.Combine(Path.GetTempPath(), $"haven-cin-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, _) = await app.RunCliAsync("returns", "cin", "--year", Year.ToString(), "--out", folder);
            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(folder, CinCensusXml.FileName)), output);
            // Without --lea the header has the setting's LA number (none configured here: the demo borough's 999);
            // --lea overrides it, and a number that is not three digits is refused.
            await using (var xml = File.OpenRead(Path.Combine(folder, CinCensusXml.FileName)))
                Assert.Equal("999", CinCensusXml.Read(xml).Header.Lea);
            Assert.Equal(0, (await app.RunCliAsync("returns", "cin", "--year", Year.ToString(), "--out", folder, "--lea", "123")).Exit);
            await using (var xml = File.OpenRead(Path.Combine(folder, CinCensusXml.FileName)))
                Assert.Equal("123", CinCensusXml.Read(xml).Header.Lea);
            Assert.Equal(2, (await app.RunCliAsync("returns", "cin", "--year", Year.ToString(), "--out", folder, "--lea", "12")).Exit);
            var (vexit, voutput, _) = await app.RunCliAsync("validate", "cin", folder);
            var last = voutput.TrimEnd().Split('\n').Last();
            Assert.StartsWith("errors: ", last);
            var errors = int.Parse(last["errors: ".Length..]);
            Assert.True(errors > 0, voutput); // the child has no ethnicity: rule 4220
            Assert.Contains("4220\t", voutput);
            Assert.Equal(1, vexit);
            var (missing, _, err) = await app.RunCliAsync("validate", "cin", Path.Combine(folder, "nowhere"));
            Assert.Equal(2, missing);
            Assert.Contains("There is no cin-census.xml", err);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class ReturnsTestsOnSqlite(SqliteApp app) : ReturnsTests(app), IClassFixture<SqliteApp>;
public sealed class ReturnsTestsOnPostgres(PostgresApp app) : ReturnsTests(app), IClassFixture<PostgresApp>;
