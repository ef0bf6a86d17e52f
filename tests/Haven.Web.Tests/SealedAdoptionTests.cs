using Haven.Core.Access;
using Haven.Core.InformationGovernance;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Permanence;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Tests;

/// Sealed adoption records beyond the child's own routes: a relative's relationship lists, and
/// subject access (the gatherer, the page and the CLI release), on both databases.
public abstract class SealedAdoptionTests(HavenApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// Two siblings with one social worker; the younger has an adoption record, sealed if asked.
    private async Task<(TestWorker Worker, int Sibling, int Adoptee)> SiblingsAsync(string adopteeName)
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var adoptee = await app.Data.CreateChildAsync(c => { c.FirstName = adopteeName; c.AllocatedTo = worker; c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-2))); });
        var sibling = await app.Data.CreateChildAsync(c => { c.FirstName = "Olderbrother"; c.AllocatedTo = worker; c.SiblingOf.Add(adoptee); c.Involvements.Add((InvolvementKind.InCare, Today.AddYears(-2))); });
        await app.Data.WithDbAsync(async db =>
        {
            db.AdoptionCases.Add(new AdoptionCase { ChildId = adoptee, AdmDecisionDate = Today.AddYears(-2).AddMonths(4), PlacementOrderDate = Today.AddYears(-1),
                EarlyPermanence = EarlyPermanence.ConsideredNotSuitable, Siblings = SiblingPlacement.Apart, SiblingsReason = "Older brother's plan is long-term fostering",
                RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        return (worker, sibling, adoptee);
    }

    private Task<int> SealAsync(int adoptee) => app.Data.WithDbAsync(async db =>
    {
        var a = await db.AdoptionCases.SingleAsync(x => x.ChildId == adoptee);
        a.AdoptionOrderDate = Today.AddDays(-3); a.SealedAt = DateTime.UtcNow; a.Version = Guid.NewGuid();
        foreach (var open in db.Allocations.Where(x => x.ChildId == adoptee)) open.EndDate = Today.AddDays(-3);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Get_RelativesSummaryAndRelationships_SealedAdopteeIsNotListedToWorkerWithoutSealedRole()
    {
        // Arrange: before the order the brother's pages name his sister (so the check below can fail).
        var (worker, sibling, adoptee) = await SiblingsAsync("Sistersealed");
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        Assert.Contains("Sistersealed", await client.GetStringAsync($"/children/{sibling}/relationships"));
        Assert.Contains("Sistersealed", await client.GetStringAsync($"/children/{sibling}"));

        // Act
        await SealAsync(adoptee);

        // Assert: gone from both lists for the social worker, and for a senior leader who reads every record.
        var leader = app.NewClient();
        await leader.SignInAsync((await app.Data.CreateWorkerAsync(HavenRole.SeniorLeader)).UserName);
        foreach (var c in new[] { client, leader })
            foreach (var url in new[] { $"/children/{sibling}/relationships", $"/children/{sibling}" })
            {
                var response = await c.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("Olderbrother", html);
                Assert.DoesNotContain("Sistersealed", html);
                Assert.DoesNotContain($"/children/{adoptee}\"", html);
            }
    }

    /// The summary's "who they live with" names household members who are no relation from one read
    /// that leaves out the sealed: a sealed adoptee at the address is not named, someone else there still is.
    [Fact]
    public async Task Get_Summary_SealedAdopteeLivingAtTheAddressWithoutARelationship_IsNotListed()
    {
        var (worker, sibling, adoptee) = await SiblingsAsync("Housesealed");
        var lodger = await app.Data.CreateChildAsync(c => c.FirstName = "Lodgerchild");
        await app.Data.WithDbAsync(async db =>
        {
            // No longer a relation on the record: they are only household members.
            foreach (var r in db.Relationships.Where(r => (r.PersonId == sibling && r.RelatedPersonId == adoptee) || (r.PersonId == adoptee && r.RelatedPersonId == sibling)))
                r.EndDate = Today.AddDays(-1);
            var address = new Address { Line1 = "1 Test Row", Town = "Haventown", Postcode = "HV1 1AA" };
            db.Addresses.Add(address);
            foreach (var id in new[] { sibling, adoptee, lodger })
                db.PersonAddresses.Add(new PersonAddress { PersonId = id, Address = address, StartDate = Today.AddYears(-1) });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        string LivesWith(string html) => html[html.IndexOf("Who they live with", StringComparison.Ordinal)..];
        var before = LivesWith(await client.GetStringAsync($"/children/{sibling}"));
        Assert.Contains("Housesealed", before);
        Assert.Contains("Lodgerchild", before);

        await SealAsync(adoptee);

        var after = LivesWith(await client.GetStringAsync($"/children/{sibling}"));
        Assert.DoesNotContain("Housesealed", after);
        Assert.DoesNotContain($"/children/{adoptee}\"", after);
        Assert.Contains("Lodgerchild", after);
    }

    /// Who they live with (SummaryModel): a relation living there is listed as the relation, each
    /// member who is no relation once (in the order of their record ids), a restricted member
    /// without their name, and a deleted member not at all.
    [Fact]
    public async Task Get_Summary_Household_ListsRelationsThenOthersOnceEach()
    {
        var (worker, sibling, adoptee) = await SiblingsAsync("Housebrother");
        var lodger = await app.Data.CreateChildAsync(c => c.FirstName = "Lodgerfirst");
        var hidden = await app.Data.CreateChildAsync(c => c.FirstName = "Lodgerhidden");
        var gone = await app.Data.CreateChildAsync(c => c.FirstName = "Lodgergone");
        await app.Data.WithDbAsync(async db =>
        {
            var address = new Address { Line1 = "2 Test Row", Town = "Haventown", Postcode = "HV1 1AB" };
            db.Addresses.Add(address);
            foreach (var id in new[] { sibling, adoptee, gone, hidden, lodger })
                db.PersonAddresses.Add(new PersonAddress { PersonId = id, Address = address, StartDate = Today.AddYears(-1) });
            // Two open rows for the same lodger at the address: still one line.
            db.PersonAddresses.Add(new PersonAddress { PersonId = lodger, Address = address, StartDate = Today.AddMonths(-1) });
            var restricted = await db.People.SingleAsync(p => p.Id == hidden);
            restricted.IsRestricted = true; restricted.RestrictionReason = "Test";
            var deleted = await db.People.SingleAsync(p => p.Id == gone);
            deleted.DeletedAt = DateTime.UtcNow; deleted.DeletionReason = "Created in error";
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        var html = await client.GetStringAsync($"/children/{sibling}");
        var livesWith = html[html.IndexOf("id=\"lives-with\"", StringComparison.Ordinal)..];
        livesWith = livesWith[..livesWith.IndexOf("</ul>", StringComparison.Ordinal)];
        var items = System.Text.RegularExpressions.Regex.Matches(livesWith, "<li>(.*?)</li>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
        var shown = string.Join(" | ", items);
        // The relation first (as the relation), then the others in the order of their record ids.
        var others = new[] { (Id: lodger, Shown: "Lodgerfirst"), (Id: hidden, Shown: "Restricted record") }.OrderBy(o => o.Id).Select(o => o.Shown).ToList();
        Assert.True(items.Count == 3, shown);
        Assert.True(items[0].Contains("Housebrother", StringComparison.Ordinal) && !items[0].Contains("Household member", StringComparison.Ordinal), shown);
        Assert.True(items[1].Contains(others[0], StringComparison.Ordinal) && items[1].EndsWith("Household member", StringComparison.Ordinal), shown);
        Assert.True(items[2].Contains(others[1], StringComparison.Ordinal) && items[2].EndsWith("Household member", StringComparison.Ordinal), shown);
        Assert.DoesNotContain("Lodgergone", html);
        Assert.DoesNotContain("Lodgerhidden", html);
    }

    [Fact]
    public async Task Gather_ForSealedAdoptee_WithholdsTheAdoptionRecordAndSaysSo()
    {
        // Arrange: before the order the adoption record is gathered like any other.
        var (_, _, adoptee) = await SiblingsAsync("Gatheredsealed");
        var before = await app.Data.WithDbAsync(db => SubjectAccessGatherer.GatherAsync(db, adoptee, DateTime.UtcNow));
        Assert.Contains(before!.Sections, s => s.Record == nameof(AdoptionCase));
        Assert.Empty(before.Withheld);

        // Act
        await SealAsync(adoptee);
        var after = await app.Data.WithDbAsync(db => SubjectAccessGatherer.GatherAsync(db, adoptee, DateTime.UtcNow));

        // Assert: the rest of the child's record is still gathered; the adoption record is named as withheld.
        Assert.DoesNotContain(after!.Sections, s => s.Record == nameof(AdoptionCase));
        Assert.Contains(after.Sections, s => s.Record == "Relationship");
        var withheld = Assert.Single(after.Withheld);
        Assert.Equal((nameof(AdoptionCase), 1), (withheld.Record, withheld.Rows));
        Assert.Contains("Adoption and Children Act 2002", withheld.Reason);
    }

    [Fact]
    public async Task CliRelease_ForSealedAdoptee_BundleHasNoAdoptionRowsAndNamesTheWithheldRecord()
    {
        var (_, _, adoptee) = await SiblingsAsync("Clisealed");
        await SealAsync(adoptee);
        var officer = await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance);
        var requestId = await app.Data.WithDbAsync(async db =>
        {
            var r = new SubjectAccessRequest { SubjectPersonId = adoptee, RequesterName = "Clisealed", RequesterKind = RequesterKind.DataSubject, IdentityCheck = "Passport",
                Scope = "Everything", ReceivedOn = Today, DueOn = SubjectAccessRequest.DueFrom(Today), RecordedAt = DateTime.UtcNow, RecordedByWorkerId = officer.WorkerId, Version = Guid.NewGuid() };
            db.SubjectAccessRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var file = Path.Combine(Path.GetTempPath(), $"sar-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await app.RunCliAsync("subject-access", "release", "--request", requestId.ToString(), "--user", officer.UserName, "--out", file);

            Assert.True(exit == 0, error);
            Assert.Contains("Withheld 1 AdoptionCase rows", output);
            var json = await File.ReadAllTextAsync(file);
            Assert.Contains("\"Withheld\"", json);
            Assert.DoesNotContain("Older brother's plan is long-term fostering", json);
        }
        finally { File.Delete(file); }
    }
}

public sealed class SealedAdoptionTestsOnSqlite(SqliteApp app) : SealedAdoptionTests(app), IClassFixture<SqliteApp>;
public sealed class SealedAdoptionTestsOnPostgres(PostgresApp app) : SealedAdoptionTests(app), IClassFixture<PostgresApp>;
