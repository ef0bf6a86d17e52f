using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.People.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Search;

public sealed record ChildSearchQuery(IReadOnlyList<string> NameTokens, DateOnly? DateOfBirth, string? NhsNumber, string? Upn, int? HavenId)
{
    public bool IsEmpty => NameTokens.Count == 0 && DateOfBirth is null && NhsNumber is null && Upn is null && HavenId is null;

    private static readonly Regex NhsPattern = new(@"^\s*(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\s*$", RegexOptions.Compiled);
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "d M yyyy", "d MMM yyyy", "d MMMM yyyy"];

    /// Reads one free-text search box: an NHS number, a UPN, a Haven ID, a date of birth, names — or a mix
    /// of names and a date of birth ("Smith 3/5/2015").
    public static ChildSearchQuery Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length > 200) text = text[..200];
        if (NhsPattern.Match(text) is { Success: true } nhs)
            return new([], null, nhs.Groups[1].Value + nhs.Groups[2].Value + nhs.Groups[3].Value, null, null);
        var compact = text.Replace(" ", "").ToUpperInvariant();
        if (compact.Length == 13 && char.IsAsciiLetter(compact[0]) && compact[1..12].All(char.IsAsciiDigit))
            return new([], null, null, compact, null);
        if (HavenIds.TryParse(text, out var id) && (text.StartsWith('H') || text.StartsWith('h')))
            return new([], null, null, null, id);

        DateOnly? dob = null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Try to find a date: a single token (3/5/2015) or three tokens (3 May 2015).
        for (var n = 3; n >= 1 && dob is null; n--)
            for (var i = 0; i + n <= words.Count && dob is null; i++)
            {
                var candidate = string.Join(' ', words.Skip(i).Take(n));
                if (DateOnly.TryParseExact(candidate, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    dob = d;
                    words.RemoveRange(i, n);
                }
            }
        return new(NameNormaliser.QueryTokens(string.Join(' ', words)), dob, null, null, null);
    }
}

public sealed record ChildSearchResult(int Id, string FirstName, string LastName, string? KnownAs, DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth, Sex Sex, string? Postcode, string? AddressLine, string? AllocatedWorker, int Score)
{
    public string HavenId => HavenIds.Format(Id);
}

/// The best matches, at most <see cref="ChildSearch.MaxResults"/>, best first; MoreThanShown when more
/// children match than are shown, so the worker is asked to narrow the search.
public sealed record ChildSearchResults(IReadOnlyList<ChildSearchResult> Children, bool MoreThanShown);

/// Find a child: by name (tolerant of misspelling, reversed names, hyphenation and nicknames through
/// the search-key index and NameMatchScorer), date of birth, NHS number, UPN or Haven ID — only among
/// the children the worker may see, so a restricted record never shows itself to others.
public sealed class ChildSearch(HavenDbContext db, ChildAccess access, TimeProvider clock, ReachCache? reachCache = null, SearchKeyCache? keyCache = null)
{
    public const int MaxResults = 50;

    public async Task<ChildSearchResults> SearchAsync(CurrentWorker worker, ChildSearchQuery query, CancellationToken ct = default)
    {
        if (query.IsEmpty) return new([], false);
        var keyIndexFirst = db.Database.IsSqlite();
        var children = access.Children(worker);
        if (query.NhsNumber is { } nhs) children = children.Where(p => p.NhsNumber == nhs);
        if (query.Upn is { } upn) children = children.Where(p => p.Upn == upn || p.FormerUpn == upn);
        if (query.HavenId is { } id) children = children.Where(p => p.Id == id);
        // The date a worker sees for the child: the date of birth, or for an unborn child the expected
        // date. Both halves are looked up in the date-of-birth index (an unborn child's is null); an OR
        // with ExpectedDateOfBirth itself read every person (134,000 at 50,000 children: 65 ms of CPU).
        if (query.DateOfBirth is { } dob) children = children.Where(p => p.DateOfBirth == dob || (p.DateOfBirth == null && p.ExpectedDateOfBirth == dob));

        List<Candidate> found;
        if (query.NameTokens.Count == 0)
        {
            // Every one scores the same, so the page is the first by name (one more to know there are more).
            found = await Select(children.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Take(MaxResults + 1)).ToListAsync(ct);
        }
        else
        {
            // SQLite reads a single key's holders from the key index outwards (OneKey); PostgreSQL keeps the
            // IN (holders) lookup, which it already walks in person order and stops at a page, and plans the
            // reach test inside it as a hashed scan of every open allocation (region, "Cole": 2,466 buffers
            // to 14,800).
            // With the worker's reach kept in memory (ReachCache), SQLite is asked only about the holders in reach.
            var reach = keyIndexFirst ? access.Reach(worker) : null;
            var reachIds = keyIndexFirst && reach is not null && reachCache is not null ? await reachCache.GetAsync(access, worker, AccessLevel.Read, ct) : null;
            found = await ByNameAsync(children, keyIndexFirst, reach, reachIds, query.NameTokens, requireAll: true, ct);
            if (found.Count == 0 && query.NameTokens.Count > 1)
                // Nobody matched every word: widen to anyone matching some of them and let the score decide.
                found = await ByNameAsync(children, keyIndexFirst, reach, reachIds, query.NameTokens, requireAll: false, ct);
        }

        var matches = found
            .Select(c => (c, Score: query.NameTokens.Count == 0 ? 100 : NameMatchScorer.Score(query.NameTokens, c.FirstName, c.LastName, Join(c.OtherNames, c.KnownAs))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.c.LastName).ThenBy(x => x.c.FirstName).ThenBy(x => x.c.Id)
            .ToList();
        var ranked = matches.Take(MaxResults).ToList();

        var shown = ranked.Select(r => new ChildSearchResult(r.c.Id, r.c.FirstName, r.c.LastName, r.c.KnownAs, r.c.DateOfBirth, r.c.ExpectedDateOfBirth,
            r.c.Sex, r.c.Postcode, r.c.AddressLine, r.c.Worker, r.Score)).ToList();
        return new(shown, matches.Count > MaxResults);
    }

    // A name is looked up one kind of key at a time, strongest first (SearchKeys.KindsByStrength: the
    // exact name, then nicknames, then the start of a longer name, then sound-alikes), and widens to
    // the next kind only while a page has not been filled. A common surname is held by thousands of
    // people (at 500,000 children "Lewis" by 15,579 exactly and its sound-alike key by 33,650), and a
    // weaker kind can only add matches that score below the ones already found, so those thousands are
    // never gathered, access-checked and scored to show 50: each lookup stops at a page and one more.
    // For one word (or any word, when widening) a kind's new keys are looked up alone and the people
    // found are added to those before; for several words every word must hit a key of that kind or a
    // stronger one, so each lookup asks for all of them.
    private async Task<List<Candidate>> ByNameAsync(IQueryable<Person> children, bool keyIndexFirst, Expression<Func<int, bool>>? reach, ReachCache.Reach? reachIds, IReadOnlyList<string> tokens, bool requireAll, CancellationToken ct)
    {
        var keys = tokens.Select(t => SearchKeys.ForQuery(t).ToList()).ToList();
        var cumulative = requireAll && tokens.Count > 1;
        var found = new Dictionary<int, Candidate>();
        var holdersInReach = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var strength = 0; strength < SearchKeys.KindsByStrength.Count && found.Count <= MaxResults; strength++)
        {
            var level = strength;
            if (keys.All(k => !k.Any(key => SearchKeys.Strength(key) == level))) continue; // nothing of this kind to look up
            var lookup = keys.Select(k => k.Where(key => cumulative ? SearchKeys.Strength(key) <= level : SearchKeys.Strength(key) == level).ToList()).ToList();
            var examined = cumulative ? [] : keys.SelectMany(k => k).Where(key => SearchKeys.Strength(key) < level).ToList();
            // One word: everyone this lookup finds is new (the stronger keys' holders are taken out) and
            // scores below everyone found before, so it need only fill the page and find one more to say
            // so; not a page more (after 50 exact "Henry"s, one "Harry" is enough, not 51 of them, each
            // access-checked). Several words matched any-word may score above those found before, and the
            // all-words lookups find those found before again, so those still ask for a page more.
            var limit = tokens.Count == 1 ? MaxResults + 1 - found.Count : found.Count + MaxResults + 1;
            if (keyIndexFirst && reachIds is not null && lookup.Count == 1)
            {
                // One word, with the worker's reach in memory: every kind of its keys (the exact name, and the
                // weaker kinds less the holders of the stronger ones) is read from the key index as ids, and
                // only the rows of the holders in reach are read (InReachAsync).
                foreach (var c in await InReachAsync(children, reachIds, holdersInReach, lookup[0], examined, limit, ct)) found.TryAdd(c.Id, c);
                continue;
            }
            if (keyIndexFirst && examined.Count == 0 && lookup.Count == 1 && lookup[0].Count == 1)
            {
                // One word's one key (its exact name): read from the key index outwards (OneKey).
                foreach (var c in await Select(TakeWritten(OneKey(children, reach, lookup[0][0]), limit)).ToListAsync(ct)) found.TryAdd(c.Id, c);
                continue;
            }
            var candidates = Candidates(children, lookup, requireAll, examined);
            // When more match than a page holds, which ones are shown must not depend on the plan: a lookup
            // of one key per word (the exact name, where a common name stops) takes them lowest Haven ID
            // first, which both databases read straight off the key's index (PostgreSQL walks it in person
            // order with the equality below; SQLite visits the holders in id order), so the order costs no
            // sort and the lookup still stops at a page. They are shown by name (SearchAsync); choosing the
            // tied by name instead would need the name in the key index, or a sort of every holder.
            // (Not when any-word matching pools several words' keys into one list: PostgreSQL would sort
            // every visible holder of them all before taking a page.)
            if (examined.Count == 0 && (requireAll || lookup.Count == 1) && lookup.All(k => k.Count == 1)) candidates = candidates.OrderBy(p => p.Id);
            // The page's size is written into the SQL, not sent as a parameter: PostgreSQL then costs a
            // prepared lookup's generic plan (from the key index, each holder's access tested, stopping at
            // the page) as what it is and keeps it, instead of planning every search afresh (with LIMIT as a
            // parameter it assumes a tenth of the holders are read, finds the generic plan twice as dear as
            // a custom one, and plans each execution: ~1 ms of the region's CPU per search for "Cole").
            // A one-word search's first lookup always asks for 51, so it is one statement text.
            var batch = await Select(TakeWritten(candidates, limit)).ToListAsync(ct);
            foreach (var c in batch) found.TryAdd(c.Id, c);
        }
        return [.. found.Values];
    }

    // A name is looked up from the key index outwards: "Id IN (people with one of these keys)" lets
    // the database start from the people holding a key and check access for those only, stopping at
    // the page's worth. The same test written as EXISTS over the person's keys made SQLite scan every
    // person (134,000 at 50,000 children) and test each one's access and keys.
    // examined: the stronger keys already looked up (one word, or any word). Their holders were all found
    // or all refused then, so they are taken out of the key list before the access check: a surname's
    // sound-alike key is mostly held by the same people as the surname itself (all 1,223 "Clarke"s).
    private IQueryable<Person> Candidates(IQueryable<Person> children, IReadOnlyList<List<string>> keysPerToken, bool requireAll, List<string> examined)
    {
        if (examined.Count > 0)
        {
            var keys = keysPerToken.SelectMany(k => k).Distinct().ToList();
            var holders = Holders(keys).Except(db.PersonSearchKeys.Where(k => examined.Contains(k.Key)).Select(k => k.PersonId));
            return children.Where(p => holders.Contains(p.Id));
        }
        if (requireAll)
        {
            foreach (var keys in keysPerToken)
            {
                var holders = Holders(keys);
                children = children.Where(p => holders.Contains(p.Id));
            }
        }
        else
        {
            var holders = Holders(keysPerToken.SelectMany(k => k).Distinct().ToList());
            children = children.Where(p => holders.Contains(p.Id));
        }
        return children;
    }

    // One key's holders, lowest Haven ID first, from the key index outwards: whether the worker could see
    // a holder at all (ChildAccess.Reach: an allocation in the role's scope, a grant, a sealed adoption)
    // is judged from the index's person id, and only then is the person's row read and the full test
    // (children) applied, in the index's order, so the lookup stops at the page's worth. "Henry" at
    // 50,000 children is held by 736 people, 50 visible to a social worker: the IN (holders) form read
    // all 736 rows (905 pages; SQLite, the page cache emptied by the last write: 10.9 ms) where this reads
    // the rows of the ~90 in reach (418 pages, 2.3 ms); "Lewis" (1,482 holders, many visible) stops after
    // about as many as before. The order is the key index's own column (k.PersonId, the same value as
    // p.Id): ordered by p.Id, SQLite sorts every holder before taking a page.
    private IQueryable<Person> OneKey(IQueryable<Person> children, Expression<Func<int, bool>>? reach, string key)
    {
        var holders = db.PersonSearchKeys.Where(k => k.Key == key).Select(k => k.PersonId);
        if (reach is not null) holders = holders.Where(reach);
        return holders.Join(children, id => id, p => p.Id, (id, p) => new { id, p }).OrderBy(x => x.id).Select(x => x.p);
    }

    // One word's keys' holders in the worker's reach (ReachCache), lowest Haven ID first, at most limit.
    // Each key's holders are read from the key index alone, as ids ("Henry" at 50,000 children: 736 of
    // them in 3 pages), those out of reach dropped in memory and the rest kept for the search (holdersInReach);
    // the rows of the holders found are then read and given the full test (children) a page's worth at
    // a time, in id order, until the limit is reached. The same children in the same order as OneKey (the
    // reach is a necessary condition of the full test), without testing each holder for an open
    // allocation in SQL (about 370 pages of the allocations' index for "Henry", read afresh after every
    // write: on SQLite the log write of each view empties the page cache).
    // The weaker kinds (nicknames, prefixes, sound-alikes: "x:henry" after "n:henry") the same way: their
    // holders less those of the stronger keys already looked up (examined), whose holders in reach this
    // search has already read. Before, each weaker kind asked SQLite for its holders EXCEPT the stronger
    // keys' holders, reading those again and sorting both: a sound-alike key is mostly held by the same
    // people as the name itself ("Wilson": 963 holders of each), so "Wilson" read 3,852 ids where it now
    // reads 1,926, and sorted none. Each key's holders are kept across searches (SearchKeyCache), so a
    // name searched again reads none.
    private async Task<List<Candidate>> InReachAsync(IQueryable<Person> children, ReachCache.Reach reachIds, Dictionary<string, int[]> holdersInReach,
        List<string> keys, List<string> examined, int limit, CancellationToken ct)
    {
        int[] HoldersInReach(string key)
        {
            if (!holdersInReach.TryGetValue(key, out var ids))
                holdersInReach[key] = ids = [.. (keyCache is null ? ReadHolders(key) : keyCache.Holders(key, ReadHolders)).Where(reachIds.Contains)];
            return ids;
        }
        int[] ReadHolders(string key) => [.. OneKeyHolders.For(db)(db, key)];
        IEnumerable<int> candidates = keys.Count == 1 ? HoldersInReach(keys[0]) : keys.SelectMany(HoldersInReach).Distinct().Order();
        if (examined.Count > 0)
        {
            var before = examined.SelectMany(HoldersInReach).ToHashSet();
            candidates = candidates.Where(id => !before.Contains(id));
        }
        var inReach = candidates.ToList();
        var found = new List<Candidate>();
        for (var next = 0; next < inReach.Count && found.Count < limit;)
        {
            var batch = inReach.GetRange(next, Math.Min(limit - found.Count, inReach.Count - next));
            next += batch.Count;
            found.AddRange(await Select(children.Where(p => batch.Contains(p.Id)).OrderBy(p => p.Id)).ToListAsync(ct));
        }
        return found;
    }

    // One key's holders in id order, as ids only, compiled once per model and read synchronously (this
    // path is SQLite's, whose reads block whichever way they are asked): a common name's holders are a
    // thousand ids ("Wilson" at 50,000 children: 963), and EF's asynchronous reader costs more a row
    // than SQLite's read of it.
    private static readonly CompiledPerModel<Func<HavenDbContext, string, IEnumerable<int>>> OneKeyHolders =
        new(() => EF.CompileQuery<HavenDbContext, string, int>((db, key) => db.PersonSearchKeys.Where(k => k.Key == key).Select(k => k.PersonId).OrderBy(id => id)));

    // One key (the usual lookup: one word's exact name) is compared for equality, not as a list of one:
    // PostgreSQL then walks that key's index entries in person order and stops at the page's worth
    // (at 500,000 children "Lewis": 264 holders read, not all 15,548 gathered and de-duplicated first),
    // and both databases hand the holders out lowest Haven ID first, so a search shows the same children
    // each time on either of them.
    private IQueryable<int> Holders(List<string> keys)
    {
        if (keys.Count == 1)
        {
            var key = keys[0];
            return db.PersonSearchKeys.Where(k => k.Key == key).Select(k => k.PersonId);
        }
        return db.PersonSearchKeys.Where(k => keys.Contains(k.Key)).Select(k => k.PersonId);
    }

    /// Take(n) with n written into the SQL as a constant (LIMIT 51), not sent as a parameter (LIMIT @p): EF
    /// sends even a literal Take as a parameter unless it is wrapped in EF.Constant inside the query.
    private static IQueryable<T> TakeWritten<T>(IQueryable<T> query, int n) => query.Provider.CreateQuery<T>(
        Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression,
            Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(n))));

    // Each candidate with what its line of results shows besides the name: the current address and the
    // social worker holding the case (the newest running allocation), read with the candidate's row as
    // subqueries by the person's id (the address and allocation indexes, one probe each). They were one
    // more statement after the ranking, for the 50 shown: a UNION ALL with a parameter per id, about a
    // tenth of a search's CPU under load. A candidate read but not shown (a lookup reads a page and one
    // more) costs its three probes.
    private IQueryable<Candidate> Select(IQueryable<Person> people)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return people.AsNoTracking().Select(p => new Candidate(p.Id, p.FirstName, p.LastName, p.OtherNames, p.KnownAs, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex,
            db.PersonAddresses.Where(a => a.PersonId == p.Id && a.EndDate == null).OrderBy(a => a.Id).Select(a => a.Address.Line1).FirstOrDefault(),
            db.PersonAddresses.Where(a => a.PersonId == p.Id && a.EndDate == null).OrderBy(a => a.Id).Select(a => a.Address.Postcode).FirstOrDefault(),
            db.Allocations.Where(a => a.ChildId == p.Id && a.Kind == Allocations.AllocationKind.SocialWorker && (a.EndDate == null || a.EndDate >= today))
                .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).Select(a => a.Worker.DisplayName).FirstOrDefault()));
    }

    private static string? Join(string? a, string? b) => string.Join(' ', new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private sealed record Candidate(int Id, string FirstName, string LastName, string? OtherNames, string? KnownAs,
        DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, Sex Sex, string? AddressLine, string? Postcode, string? Worker);
}
