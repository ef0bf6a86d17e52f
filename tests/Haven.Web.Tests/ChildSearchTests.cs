using System.Data.Common;
using System.Net.Http.Json;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Search;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Child search through HTTP at the size where it used to fall over: a surname held by more children
/// than a page shows. The search must show a page of the best (exact) matches, say that there are more,
/// never show a restricted record, and find them without gathering the sound-alikes' holders (at 500,000
/// children "Lewis" took 3.7 s gathering and access-checking 33,650 people holding its sound-alike key).
/// Each test runs on SQLite and on PostgreSQL.
public abstract class ChildSearchTests(HavenApp app)
{
    private async Task<TestWorker> SocialWorkerAsync()
    {
        var (_, teamId) = await app.Data.CreateTeamAsync();
        return await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
    }

    [Fact]
    public async Task Get_FindAChild_TwoLetters_FindsOnlyThatWholeNameAndSaysToTypeMore()
    {
        // "Ch" shares its one-consonant sound key with Shah; the worker typing the start of Chloe must
        // not be shown a page of Shahs.
        var worker = await SocialWorkerAsync();
        var shah = await app.Data.CreateChildAsync(c => { c.FirstName = "Amira"; c.LastName = "Shah"; c.AllocatedTo = worker; });
        var chloe = await app.Data.CreateChildAsync(c => { c.FirstName = "Chloe"; c.LastName = "Brannigan"; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var twoLetters = await client.GetPageAsync("/children?q=Ch");
        Assert.DoesNotContain(twoLetters.QuerySelectorAll("tbody tr a"), a => a.GetAttribute("href") == $"/children/{shah}");
        Assert.Contains("Type at least 3 letters", twoLetters.QuerySelector("#short-name")?.TextContent ?? "");

        var threeLetters = await client.GetPageAsync("/children?q=Chl");
        Assert.Contains(threeLetters.QuerySelectorAll("tbody tr a"), a => a.GetAttribute("href") == $"/children/{chloe}");
        Assert.Null(threeLetters.QuerySelector("#short-name"));
    }

    [Fact]
    public async Task Get_FindAChild_CommonSurname_ShowsAPageOfExactMatchesAsksToRefineAndNeverLooksUpSoundAlikes()
    {
        Assert.Equal(Phonetic.Key("Hollowell"), Phonetic.Key("Holowell")); // the sound-alike really is one
        var worker = await SocialWorkerAsync();
        var colleague = await SocialWorkerAsync();
        // Restricted first, so the lowest ids (the order an index may hand them out in) are the ones to hide.
        var restricted = new List<int>();
        for (var i = 0; i < 3; i++)
            restricted.Add(await app.Data.CreateChildAsync(c => { c.FirstName = "Aaron"; c.LastName = "Hollowell"; c.Restricted = true; c.AllocatedTo = colleague; c.AccessList.Add(colleague); }));
        var soundAlike = await app.Data.CreateChildAsync(c => { c.FirstName = "Abel"; c.LastName = "Holowell"; c.AllocatedTo = worker; });
        var exact = new List<int>();
        for (var i = 0; i < ChildSearch.MaxResults + 5; i++)
            exact.Add(await app.Data.CreateChildAsync(c => { c.FirstName = $"Child{i:00}"; c.LastName = "Hollowell"; c.AllocatedTo = worker; }));
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        List<Lookup> lookups;
        AngleSharp.Dom.IDocument doc;
        using (var capture = KeyLookups("n:hollowell"))
        {
            doc = await client.GetPageAsync("/children?q=Hollowell");
            lookups = capture.Commands;
        }

        var shown = doc.QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        Assert.Equal(ChildSearch.MaxResults, shown.Count);
        // Of the 55 equally good matches, the same 50 every time on either database: the lowest Haven IDs.
        Assert.Equal(exact.Order().Take(ChildSearch.MaxResults), shown.Order());
        Assert.DoesNotContain(soundAlike, shown);
        Assert.Empty(shown.Intersect(restricted));
        Assert.Equal($"More than {ChildSearch.MaxResults} children found", doc.QuerySelector("#results-heading")!.TextContent.Trim());
        Assert.Contains("refine your search", doc.QuerySelector("#more-results")!.TextContent);
        // Ordered by first name among equally good matches.
        var names = doc.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);

        // The row bound: one lookup, of the exact name only, that stops at a page and one more. Widening
        // to the sound-alike key (or dropping the limit) gathers every holder of it, as before.
        var lookup = Assert.Single(lookups);
        var values = lookup.Values;
        Assert.DoesNotContain(values, v => v is string s && s.Contains("p:", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v is IEnumerable<string> keys && v is not string && keys.Any(k => !k.StartsWith("n:", StringComparison.Ordinal)));
        if (app.Provider == DatabaseProvider.Sqlite)
            // With the worker's reach in memory (ReachCache), the key index is read for the holders' ids
            // alone; their rows are read a page's worth at a time (InReachAsync).
            AssertIdsOnly(lookup.Sql);
        else
        {
            Assert.Contains("LIMIT", lookup.Sql, StringComparison.Ordinal);
            Assert.Equal(ChildSearch.MaxResults + 1, lookup.Limit);
            // The page's size is written into the SQL (LIMIT 51), not a parameter: PostgreSQL then keeps the
            // prepared lookup's generic plan instead of planning every search (ChildSearch.TakeWritten).
            Assert.Matches(@"LIMIT \d+\s*$", lookup.Sql);
            // On PostgreSQL the access test reads a child's running allocations with one comparison
            // (ChildAccess.Running): the OR form was planned as a BitmapOr for every holder.
            Assert.Contains("COALESCE(a.\"EndDate\"", lookup.Sql, StringComparison.Ordinal);
        }

        // The API returns the same page and says in a header that there are more.
        var api = await ApiClientAsync(worker);
        var response = await api.GetAsync("/api/v1/children?q=Hollowell");
        var listed = (await response.Content.ReadFromJsonAsync<List<Haven.Web.Api.ChildSearchResultDto>>())!.Select(r => r.Id).ToList();
        Assert.Equal(shown.Order(), listed.Order());
        Assert.Equal("true", Assert.Single(response.Headers.GetValues(Haven.Web.Api.ChildrenApi.MoreThanShownHeader)));

        // The colleague on the restricted records' access list finds them, still capped at a page.
        var other = app.NewClient();
        await other.SignInAsync(colleague.UserName);
        var theirs = await other.GetPageAsync("/children?q=Aaron+Hollowell");
        foreach (var id in restricted) Assert.NotNull(theirs.QuerySelector($"a[href='/children/{id}']"));
        Assert.Null(theirs.QuerySelector("#more-results"));
    }

    [Fact]
    public async Task Get_FindAChild_PageFullOfExactMatches_AsksTheWeakerKeyForOneMoreOnly()
    {
        // A page of exact "Madge"s: the nickname key (k:margaret, held by every Peggy too) can add only
        // worse matches, so it is asked for one, to say there are more, not for a page of Peggys each
        // access-checked (at 50,000 children, "Henry" then "Harry": 450 more checks for one line of text).
        var worker = await SocialWorkerAsync();
        var madges = new List<int>();
        for (var i = 0; i < ChildSearch.MaxResults; i++)
            madges.Add(await app.Data.CreateChildAsync(c => { c.FirstName = "Madge"; c.LastName = $"Quillfeather{i:00}"; c.AllocatedTo = worker; }));
        for (var i = 0; i < 3; i++)
            await app.Data.CreateChildAsync(c => { c.FirstName = "Peggy"; c.LastName = $"Quillfeather{i:00}"; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        List<Lookup> lookups;
        AngleSharp.Dom.IDocument doc;
        using (var capture = KeyLookups("k:margaret"))
        {
            doc = await client.GetPageAsync("/children?q=Madge");
            lookups = capture.Commands;
        }

        var shown = doc.QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        Assert.Equal(madges.Order(), shown.Order());
        Assert.Equal($"More than {ChildSearch.MaxResults} children found", doc.QuerySelector("#results-heading")!.TextContent.Trim());
        var lookup = Assert.Single(lookups);
        if (app.Provider == DatabaseProvider.Sqlite)
            // With the worker's reach in memory the weaker key's holders are read as ids, and the rows of at
            // most one of those in reach are read and tested (InReachAsync's limit).
            AssertIdsOnly(lookup.Sql);
        else
            Assert.Equal(1, lookup.Limit);
    }

    [Fact]
    public async Task Get_FindAChild_RareSurname_WidensToPrefixesAndSoundAlikesBestFirst()
    {
        var worker = await SocialWorkerAsync();
        var soundAlike = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Quarington"; c.AllocatedTo = worker; });
        var prefix = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Quarringtonby"; c.AllocatedTo = worker; });
        var exactB = await app.Data.CreateChildAsync(c => { c.FirstName = "Bea"; c.LastName = "Quarrington"; c.AllocatedTo = worker; });
        var exactA = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Quarrington"; c.AllocatedTo = worker; });
        var hidden = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Quarrington"; c.Restricted = true; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync("/children?q=Quarrington");

        var shown = doc.QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        Assert.Equal(new[] { exactA, exactB, prefix, soundAlike }, shown);
        Assert.DoesNotContain(hidden, shown);
        Assert.Equal("4 children found", doc.QuerySelector("#results-heading")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector("#more-results"));

        var api = await ApiClientAsync(worker);
        var response = await api.GetAsync("/api/v1/children?q=Quarrington");
        var listed = (await response.Content.ReadFromJsonAsync<List<Haven.Web.Api.ChildSearchResultDto>>())!.Select(r => r.Id).ToList();
        Assert.Equal(shown, listed);
        Assert.Equal("false", Assert.Single(response.Headers.GetValues(Haven.Web.Api.ChildrenApi.MoreThanShownHeader)));
    }

    [Fact]
    public async Task Get_FindAChild_ByDateOfBirth_FindsTheBornByTheirBirthAndTheUnbornByTheirDueDate()
    {
        var worker = await SocialWorkerAsync();
        var born = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Datewell"; c.DateOfBirth = new DateOnly(2013, 4, 7); c.AllocatedTo = worker; });
        var unborn = await app.Data.CreateChildAsync(c => { c.FirstName = "Baby"; c.LastName = "Datewell"; c.DateOfBirth = null; c.ExpectedDateOfBirth = new DateOnly(2013, 4, 7); c.AllocatedTo = worker; });
        var otherDay = await app.Data.CreateChildAsync(c => { c.FirstName = "Cal"; c.LastName = "Datewell"; c.DateOfBirth = new DateOnly(2013, 4, 8); c.AllocatedTo = worker; });
        var hidden = await app.Data.CreateChildAsync(c => { c.FirstName = "Dee"; c.LastName = "Datewell"; c.DateOfBirth = new DateOnly(2013, 4, 7); c.Restricted = true; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        async Task<List<int>> ShownAsync(string q) => (await client.GetPageAsync("/children?q=" + Uri.EscapeDataString(q)))
            .QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();

        Assert.Equal(new[] { born, unborn }.Order(), (await ShownAsync("7/4/2013")).Order());
        Assert.Equal(new[] { born }, await ShownAsync("Ada Datewell 7/4/2013"));
        Assert.Equal(new[] { otherDay }, await ShownAsync("8 April 2013"));
        Assert.DoesNotContain(hidden, await ShownAsync("Datewell"));
    }

    /// Search shows every child a worker may see and no other: each way a record opens (the service's
    /// allocations, a grant, a sealed adoption for the roles named to open one) and each way it stays
    /// shut, at the exact-name and the prefix level, for four roles. A faster lookup (one that narrows a
    /// key's holders before reading their rows) must keep this passing.
    [Fact]
    public async Task Get_FindAChild_ByName_ShowsExactlyTheChildrenEachWorkerMaySee()
    {
        var (serviceId, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var (_, colleagueTeam) = await app.Data.CreateTeamAsync(serviceId: serviceId);
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, colleagueTeam);
        var outsider = await SocialWorkerAsync(); // another service
        var own = await app.Data.CreateChildAsync(c => { c.FirstName = "Ann"; c.LastName = "Reachwell"; c.AllocatedTo = worker; });
        var sameService = await app.Data.CreateChildAsync(c => { c.FirstName = "Bob"; c.LastName = "Reachwell"; c.AllocatedTo = colleague; });
        var granted = await app.Data.CreateChildAsync(c => { c.FirstName = "Cat"; c.LastName = "Reachwell"; c.AllocatedTo = outsider; c.AccessList.Add(worker); });
        var restrictedGranted = await app.Data.CreateChildAsync(c => { c.FirstName = "Dan"; c.LastName = "Reachwell"; c.Restricted = true; c.AllocatedTo = outsider; c.AccessList.Add(worker); });
        var prefixGranted = await app.Data.CreateChildAsync(c => { c.FirstName = "Eve"; c.LastName = "Reachwellton"; c.AccessList.Add(worker); });
        var otherService = await app.Data.CreateChildAsync(c => { c.FirstName = "Fay"; c.LastName = "Reachwell"; c.AllocatedTo = outsider; });
        var restricted = await app.Data.CreateChildAsync(c => { c.FirstName = "Gus"; c.LastName = "Reachwell"; c.Restricted = true; c.AllocatedTo = worker; });
        var unallocated = await app.Data.CreateChildAsync(c => { c.FirstName = "Hal"; c.LastName = "Reachwell"; });
        var adoptee = await app.Data.CreateChildAsync(c => { c.FirstName = "Ivy"; c.LastName = "Reachwell"; c.AllocatedTo = worker; });
        var prefixOtherService = await app.Data.CreateChildAsync(c => { c.FirstName = "Jo"; c.LastName = "Reachwellton"; c.AllocatedTo = outsider; });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.WithDbAsync(async db =>
        {
            db.AdoptionCases.Add(new Haven.Core.Permanence.AdoptionCase { ChildId = adoptee, AdmDecisionDate = today.AddYears(-2), PlacementOrderDate = today.AddYears(-1),
                AdoptionOrderDate = today.AddDays(-3), SealedAt = DateTime.UtcNow, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });

        async Task<List<int>> ShownAsync(TestWorker who)
        {
            var client = app.NewClient();
            await client.SignInAsync(who.UserName);
            return (await client.GetPageAsync("/children?q=Reachwell")).QuerySelectorAll("tbody tr a[href^='/children/']")
                .Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        }

        // The social worker (service scope): exact matches by name, then the prefix match.
        Assert.Equal(new[] { own, sameService, granted, restrictedGranted, prefixGranted }, await ShownAsync(worker));
        // Someone in the other service sees their own service's children, not the grants to another worker.
        Assert.Equal(new[] { granted, otherService, prefixOtherService }, await ShownAsync(outsider));
        // The fostering worker (no scope of their own; named to open sealed adoption records) finds the adoptee only.
        Assert.Equal(new[] { adoptee }, await ShownAsync(await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker)));
        // A senior leader reads every unrestricted child, never a sealed one.
        Assert.Equal(new[] { own, sameService, granted, otherService, unallocated, prefixGranted, prefixOtherService },
            await ShownAsync(await app.Data.CreateWorkerAsync(HavenRole.SeniorLeader)));
        _ = restricted;
    }

    [Fact]
    public async Task Get_FindAChild_AfterAGrantOrAllocationIsSavedOrRevoked_ShowsWhatTheWorkerMaySeeAtOnce()
    {
        // The worker's reach is kept in memory for search (ReachCache): a save that opens a record must
        // show it at the next search, and one that closes it must hide it.
        var worker = await SocialWorkerAsync();
        var outsider = await SocialWorkerAsync();
        var own = await app.Data.CreateChildAsync(c => { c.FirstName = "Amy"; c.LastName = "Staleworth"; c.AllocatedTo = worker; });
        var theirs = await app.Data.CreateChildAsync(c => { c.FirstName = "Ben"; c.LastName = "Staleworth"; c.AllocatedTo = outsider; });
        var unallocated = await app.Data.CreateChildAsync(c => { c.FirstName = "Col"; c.LastName = "Staleworth"; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        async Task<List<int>> ShownAsync() => (await client.GetPageAsync("/children?q=Staleworth")).QuerySelectorAll("tbody tr a[href^='/children/']")
            .Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();

        Assert.Equal(new[] { own }, await ShownAsync());
        Assert.Equal(new[] { own }, await ShownAsync()); // kept

        var grant = await app.Data.WithDbAsync(async db =>
        {
            var g = new RecordAccessGrant { ChildId = theirs, WorkerId = worker.WorkerId, Reason = "Joint work", GrantedAt = DateTime.UtcNow };
            db.RecordAccessGrants.Add(g);
            await db.SaveChangesAsync();
            return g.Id;
        });
        Assert.Equal(new[] { own, theirs }, await ShownAsync());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.WithDbAsync(db =>
        {
            db.Allocations.Add(new Haven.Core.Allocations.Allocation { ChildId = unallocated, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker,
                WorkerId = worker.WorkerId, TeamId = worker.TeamId!.Value, StartDate = today, RecordedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        Assert.Equal(new[] { own, theirs, unallocated }, await ShownAsync());

        await app.Data.WithDbAsync(async db =>
        {
            (await db.RecordAccessGrants.SingleAsync(g => g.Id == grant)).RevokedAt = DateTime.UtcNow;
            var allocation = await db.Allocations.SingleAsync(a => a.ChildId == unallocated);
            allocation.EndDate = today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(new[] { own }, await ShownAsync());
    }

    [Fact]
    public async Task Get_FindAChild_NameSavedOrChangedAfterASearch_IsFoundAtOnce()
    {
        // Each key's holders are kept in memory for search on SQLite (SearchKeyCache): a kept key is not
        // read again, but a child saved with the name, a name changed away, or a change made outside
        // SaveChanges shows at the next search; a newly registered child must never be missed.
        var worker = await SocialWorkerAsync();
        var first = await app.Data.CreateChildAsync(c => { c.FirstName = "Ann"; c.LastName = "Keepworth"; c.AllocatedTo = worker; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        async Task<List<int>> ShownAsync() => (await client.GetPageAsync("/children?q=Keepworth")).QuerySelectorAll("tbody tr a[href^='/children/']")
            .Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        var keys = app.Services.GetRequiredService<SearchKeyCache>();

        Assert.Equal(new[] { first }, await ShownAsync());
        var reads = keys.Reads;
        Assert.Equal(new[] { first }, await ShownAsync());
        if (app.Provider == DatabaseProvider.Sqlite) Assert.Equal(reads, keys.Reads); // kept

        var second = await app.Data.CreateChildAsync(c => { c.FirstName = "Ben"; c.LastName = "Keepworth"; c.AllocatedTo = worker; });
        Assert.Equal(new[] { first, second }, await ShownAsync());

        await app.Data.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == first)).LastName = "Otherworth";
            return await db.SaveChangesAsync();
        });
        Assert.Equal(new[] { second }, await ShownAsync());

        // A change of unknown extent (here a rename straight in SQL, as a script might) counts as a change to everything.
        var third = await app.Data.CreateChildAsync(c => { c.FirstName = "Col"; c.LastName = "Elsewhere"; c.AllocatedTo = worker; });
        Assert.Equal(new[] { second }, await ShownAsync());
        await app.Data.WithDbAsync(db => db.PersonSearchKeys.Where(k => k.PersonId == third && k.Key == "n:elsewhere")
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Key, "n:keepworth")));
        await app.Data.WithDbAsync(db => db.People.Where(p => p.Id == third).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastName, "Keepworth")));
        Assert.Equal(new[] { second, third }, await ShownAsync());
    }

    [Fact]
    public async Task Get_FindAChild_ShowsEachChildsCurrentAddressAndSocialWorkerOnly()
    {
        // Each line shows where the child lives now and who holds the case now: not a past address or a
        // social worker whose allocation has ended, and "Not allocated" / "–" when there is none.
        var (_, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, name: "Wendy Nowholder");
        var former = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId, name: "Frank Formerholder");
        var housed = await app.Data.CreateChildAsync(c => { c.FirstName = "Ada"; c.LastName = "Linewell"; c.AllocatedTo = worker; });
        var moved = await app.Data.CreateChildAsync(c => { c.FirstName = "Bea"; c.LastName = "Linewell"; c.AllocatedTo = worker; });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.WithDbAsync(async db =>
        {
            db.PersonAddresses.Add(new Haven.Core.People.PersonAddress { PersonId = housed, StartDate = today.AddYears(-2), EndDate = today.AddYears(-1),
                Address = new Haven.Core.People.Address { Line1 = "9 Old Lane", Town = "Havenbridge", Postcode = "HB9 9OL" } });
            db.PersonAddresses.Add(new Haven.Core.People.PersonAddress { PersonId = housed, StartDate = today.AddYears(-1),
                Address = new Haven.Core.People.Address { Line1 = "2 New Street", Town = "Havenbridge", Postcode = "HB2 2NS" } });
            db.PersonAddresses.Add(new Haven.Core.People.PersonAddress { PersonId = moved, StartDate = today.AddYears(-3), EndDate = today.AddMonths(-1),
                Address = new Haven.Core.People.Address { Line1 = "5 Gone Road", Town = "Havenbridge", Postcode = "HB5 5GR" } });
            // A colleague covered Bea's case for a few weeks, after Wendy's allocation began; the cover has ended.
            db.Allocations.Add(new Haven.Core.Allocations.Allocation { ChildId = moved, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker,
                WorkerId = former.WorkerId, TeamId = teamId, StartDate = today.AddMonths(-1), EndDate = today.AddDays(-10), RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);

        var doc = await client.GetPageAsync("/children?q=Linewell");
        string Row(int id) => doc.QuerySelector($"tbody tr:has(a[href='/children/{id}'])")!.TextContent;
        Assert.Contains("2 New Street, HB2 2NS", Row(housed));
        Assert.DoesNotContain("Old Lane", Row(housed));
        Assert.Contains("Wendy Nowholder", Row(housed));
        Assert.Contains("–", Row(moved));
        Assert.DoesNotContain("Gone Road", Row(moved));
        Assert.Contains("Wendy Nowholder", Row(moved));
        Assert.DoesNotContain("Formerholder", Row(moved));
    }

    [Fact]
    public async Task ReachIds_GivesExactlyTheChildrenReachAdmits_ForEveryKindOfOpener()
    {
        // ReachCache keeps ChildAccess.ReachIds, a list read from the rows that open a record; search
        // drops a name's holders outside it. It must be the same set as the Reach test of each id.
        var (serviceId, teamId) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, teamId);
        var (_, colleagueTeam) = await app.Data.CreateTeamAsync(serviceId: serviceId);
        var colleague = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, colleagueTeam);
        var outsider = await SocialWorkerAsync();
        var mine = new List<int>
        {
            await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.AllocatedTo = worker; }),
            await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.AllocatedTo = colleague; }),
            await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.AllocatedTo = outsider; c.AccessList.Add(worker); }),
            await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.Restricted = true; c.AllocatedTo = outsider; c.AccessList.Add(colleague); }),
            await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; }),
        };
        var adoptee = await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.AllocatedTo = worker; });
        var ended = await app.Data.CreateChildAsync(c => { c.LastName = "Reachids"; c.AllocatedTo = colleague; c.AccessList.Add(outsider); });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Data.WithDbAsync(async db =>
        {
            db.AdoptionCases.Add(new Haven.Core.Permanence.AdoptionCase { ChildId = adoptee, AdmDecisionDate = today.AddYears(-2), PlacementOrderDate = today.AddYears(-1),
                AdoptionOrderDate = today.AddDays(-3), SealedAt = DateTime.UtcNow, RecordedAt = DateTime.UtcNow, Version = Guid.NewGuid() });
            (await db.Allocations.SingleAsync(a => a.ChildId == ended)).EndDate = today.AddDays(-1);
            (await db.RecordAccessGrants.SingleAsync(g => g.ChildId == ended)).ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        mine.AddRange([adoptee, ended]);
        var workers = new List<CurrentWorker>();
        foreach (var w in new[] { worker, colleague, outsider, await app.Data.CreateWorkerAsync(HavenRole.FosteringWorker), await app.Data.CreateWorkerAsync(HavenRole.TeamManager, teamId) })
            workers.Add(await app.Data.WithDbAsync(async db =>
            {
                var row = await db.Workers.Include(x => x.Team).SingleAsync(x => x.Id == w.WorkerId);
                return new CurrentWorker(w.UserName, w.WorkerId, w.Role, row.TeamId, row.Team?.ServiceId, row.DisplayName);
            }));
        foreach (var w in workers)
            foreach (var level in new[] { AccessLevel.Read, AccessLevel.Write })
                await app.Data.WithDbAsync(async db =>
                {
                    var access = new ChildAccess(db, TimeProvider.System, new Haven.Core.ChildrenInCare.InvolvementCareSpans(db), app.Services.GetRequiredService<Haven.Core.Permanence.SealedAdoptionSettings>());
                    var reach = access.Reach(w, level);
                    var listed = access.ReachIds(w, level);
                    Assert.Equal(reach is null, listed is null);
                    if (reach is null || listed is null) return 0;
                    // Compared on this test's children only (other tests add sealed adoptions meanwhile).
                    var expected = await db.People.Select(p => p.Id).Where(reach).Where(id => mine.Contains(id)).OrderBy(id => id).ToListAsync();
                    var scoped = listed.Scoped is { } sc ? await sc.Children.ToListAsync() : [];
                    var actual = scoped.Concat(await listed.Personal.ToListAsync()).Where(mine.Contains).Distinct().Order().ToList();
                    Assert.True(expected.SequenceEqual(actual), $"{w.Role} {level}: Reach gives {expected.Count} children, ReachIds {actual.Count}");
                    return 0;
                });
    }

    [Fact]
    public async Task Get_FindAChild_ExactName_NeverTestsAHolderOutOfReachInSql()
    {
        // The guard on ReachCache's gain (SQLite): a name held mostly by children out of the worker's reach
        // is looked up as its holders' ids, and only those in reach are read and tested; no statement
        // tests each key holder for an open allocation, and a second search reads no reach again.
        var worker = await SocialWorkerAsync();
        var outsider = await SocialWorkerAsync();
        var mine = new List<int>();
        for (var i = 0; i < 3; i++) mine.Add(await app.Data.CreateChildAsync(c => { c.FirstName = $"Kid{i}"; c.LastName = "Guardwell"; c.AllocatedTo = worker; }));
        for (var i = 0; i < 12; i++) await app.Data.CreateChildAsync(c => { c.FirstName = $"Other{i}"; c.LastName = "Guardwell"; c.AllocatedTo = outsider; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        await client.GetPageAsync("/children?q=Guardwell");

        var cache = app.Services.GetRequiredService<ReachCache>();
        var reads = cache.Reads;
        // The key's holders are kept too (SearchKeyCache); forgotten here so that the lookup is seen.
        app.Services.GetRequiredService<SearchKeyCache>().Clear();
        List<string> sent;
        AngleSharp.Dom.IDocument doc;
        using (var capture = new EfCommands<string>(data => Mine(data) && data.Command.Parameters.Cast<DbParameter>().Any(p => p.Value is string s && s == "n:guardwell")
            ? data.Command.CommandText : null))
        {
            doc = await client.GetPageAsync("/children?q=Guardwell");
            sent = capture.Commands;
        }
        var shown = doc.QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        Assert.Equal(mine, shown);
        if (app.Provider != Haven.Core.Data.DatabaseProvider.Sqlite) return; // PostgreSQL keeps the IN (holders) lookup
        Assert.Equal(reads, cache.Reads);
        // The exact name's one lookup: the key index, for ids alone (the join form tested all 15 holders).
        AssertIdsOnly(Assert.Single(sent));
    }

    [Fact]
    public async Task Get_FindAChild_WeakerKey_NeverTestsAHolderOutOfReachInSql()
    {
        // The same for the weaker kinds of one word (here the start of a longer name, "x:prefixwell", less
        // the exact name's holders): their holders are read as ids and only those in reach are read and
        // tested; the old lookup gave all 12 outsiders the full access test in SQL. Same page as before:
        // the exact names first, then the longer names by name.
        var worker = await SocialWorkerAsync();
        var outsider = await SocialWorkerAsync();
        var exact = new List<int>();
        for (var i = 0; i < 2; i++) exact.Add(await app.Data.CreateChildAsync(c => { c.FirstName = $"Kid{i}"; c.LastName = "Prefixwell"; c.AllocatedTo = worker; }));
        var longer = await app.Data.CreateChildAsync(c => { c.FirstName = "Ann"; c.LastName = "Prefixwellby"; c.AllocatedTo = worker; });
        for (var i = 0; i < 12; i++) await app.Data.CreateChildAsync(c => { c.FirstName = $"Other{i}"; c.LastName = "Prefixwellton"; c.AllocatedTo = outsider; });
        var restricted = await app.Data.CreateChildAsync(c => { c.FirstName = "Rae"; c.LastName = "Prefixwellson"; c.AllocatedTo = worker; c.Restricted = true; });
        var client = app.NewClient();
        await client.SignInAsync(worker.UserName);
        await client.GetPageAsync("/children?q=Prefixwell");
        app.Services.GetRequiredService<SearchKeyCache>().Clear(); // so that the lookups are seen (SearchKeyCache)

        List<string> sent;
        AngleSharp.Dom.IDocument doc;
        using (var capture = new EfCommands<string>(data => Mine(data) && (data.Command.Parameters.Cast<DbParameter>().Any(p => p.Value is string s && s.Contains("x:prefixwell", StringComparison.Ordinal))
            || data.Command.CommandText.Contains("x:prefixwell", StringComparison.Ordinal)) ? data.Command.CommandText : null))
        {
            doc = await client.GetPageAsync("/children?q=Prefixwell");
            sent = capture.Commands;
        }
        var shown = doc.QuerySelectorAll("tbody tr a[href^='/children/']").Select(a => int.Parse(a.GetAttribute("href")!["/children/".Length..])).ToList();
        Assert.Equal([.. exact, longer], shown); // the restricted one (in reach: allocated to the worker) stays hidden
        Assert.DoesNotContain(restricted, shown);
        if (app.Provider != Haven.Core.Data.DatabaseProvider.Sqlite) return; // PostgreSQL keeps the IN (holders) lookup
        // The prefix lookup and the sound-alike one after it (whose stronger keys include x:prefixwell).
        Assert.NotEmpty(sent);
        Assert.All(sent, AssertIdsOnly);
    }

    /// The key index read for ids alone: no person's row, no allocation.
    /// A command sent to this test's database (the same test runs on the other provider at the same time).
    private bool Mine(Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data) =>
        data.Context is { } context && context.Database.IsSqlite() == (app.Provider == DatabaseProvider.Sqlite);

    private static void AssertIdsOnly(string sql)
    {
        Assert.DoesNotContain("\"People\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Allocations", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ApiClientAsync(TestWorker worker)
    {
        var (exit, output, _) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.Equal(0, exit);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        return client;
    }

    private sealed record Lookup(string Sql, List<object?> Values, object? Limit);

    /// The command's LIMIT, if it has one: written into the SQL (the name lookups: ChildSearch.TakeWritten) or sent as a parameter.
    /// The statement's own LIMIT: its last (the candidates' address and social worker are subqueries
    /// with a LIMIT 1 each, before it), written or a parameter's value.
    private static object? LimitOf(DbCommand command) =>
        System.Text.RegularExpressions.Regex.Matches(command.CommandText, @"LIMIT (\d+|@\w+)").LastOrDefault() is not { } last ? null
        : last.Groups[1].Value.StartsWith('@')
            ? command.Parameters.Cast<DbParameter>().FirstOrDefault(p => p.ParameterName.TrimStart('@') == last.Groups[1].Value.TrimStart('@'))?.Value
            : int.Parse(last.Groups[1].Value);

    /// The commands that look a name's keys up in the index (those sent with the given key among their
    /// parameters, by this test's database: other tests running at the same time search for other names,
    /// but this one runs on the other provider at the same time too).
    private EfCommands<Lookup> KeyLookups(string key) => new(data =>
    {
        if (!Mine(data) || !data.Command.CommandText.Contains("PersonSearchKeys", StringComparison.Ordinal)) return null;
        var values = data.Command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList();
        return values.Any(v => v is string s && s.Contains(key, StringComparison.Ordinal)
            || v is IEnumerable<string> keys && v is not string && keys.Contains(key))
            ? new Lookup(data.Command.CommandText, values, LimitOf(data.Command)) : null;
    });
}

public sealed class ChildSearchTestsOnSqlite(SqliteApp app) : ChildSearchTests(app), IClassFixture<SqliteApp>;
public sealed class ChildSearchTestsOnPostgres(PostgresApp app) : ChildSearchTests(app), IClassFixture<PostgresApp>;
