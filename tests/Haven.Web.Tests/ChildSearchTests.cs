using System.Data.Common;
using Haven.Core.Access;
using Haven.Core.Search;

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
        Assert.All(shown, id => Assert.Contains(id, exact));
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
        Assert.Contains("LIMIT", lookup.Sql, StringComparison.Ordinal);
        Assert.Contains(values, v => v is int limit && limit == ChildSearch.MaxResults + 1);

        // The colleague on the restricted records' access list finds them, still capped at a page.
        var other = app.NewClient();
        await other.SignInAsync(colleague.UserName);
        var theirs = await other.GetPageAsync("/children?q=Aaron+Hollowell");
        foreach (var id in restricted) Assert.NotNull(theirs.QuerySelector($"a[href='/children/{id}']"));
        Assert.Null(theirs.QuerySelector("#more-results"));
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
    }

    private sealed record Lookup(string Sql, List<object?> Values);

    /// The commands that look a name's keys up in the index (those sent with the given key among their
    /// parameters; other tests running at the same time search for other names).
    private static EfCommands<Lookup> KeyLookups(string key) => new(data =>
    {
        if (!data.Command.CommandText.Contains("PersonSearchKeys", StringComparison.Ordinal)) return null;
        var values = data.Command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList();
        return values.Any(v => v is string s && s.Contains(key, StringComparison.Ordinal)
            || v is IEnumerable<string> keys && v is not string && keys.Contains(key))
            ? new Lookup(data.Command.CommandText, values) : null;
    });
}

public sealed class ChildSearchTestsOnSqlite(SqliteApp app) : ChildSearchTests(app), IClassFixture<SqliteApp>;
public sealed class ChildSearchTestsOnPostgres(PostgresApp app) : ChildSearchTests(app), IClassFixture<PostgresApp>;
