namespace Haven.Core.Search;

/// <summary>
/// Short keys stored in a search index for each person, and the keys to look up for each query
/// token. A person matches a query when every query token hits at least one of their keys, in
/// any order, so "Smith John" finds John Smith.
/// </summary>
/// <remarks>
/// Keys catch: exact tokens ("n:smith"); either part of a hyphenated or apostrophe name and the
/// joined whole; typing the start of a name of 3 letters or more ("x:jon" finds Jonathan);
/// nicknames of given names ("k:william" links Bill and William); and, through the phonetic key
/// ("p:SMT"), wrong vowels, doubled or missing doubles, stray or missing h, and spellings that
/// sound the same (Jonh, Smiht, Smyth, Kathryn). Keys miss typos that change the consonants or
/// their order ("Msith", "Smitj"): only <see cref="NameMatchScorer"/> catches those, so a search
/// that finds nobody can widen to people matching some of the tokens and rank them by score.
/// </remarks>
public static class SearchKeys
{
    public const int MinimumPrefixLength = 3;

    /// <summary>
    /// The kinds of key, strongest match first, in the order of <see cref="NameMatchScorer"/>'s scores:
    /// the exact name (100), a nickname's full form (90), the start of a longer name (80), a name that
    /// sounds the same (70). Search looks the strong kinds up first and widens only when they find too few.
    /// </summary>
    public static readonly IReadOnlyList<string> KindsByStrength = ["n:", "k:", "x:", "p:"];

    /// <summary>The key's place in <see cref="KindsByStrength"/> (0 for an exact name).</summary>
    public static int Strength(string key)
    {
        for (var i = 0; i < KindsByStrength.Count; i++)
        {
            if (key.StartsWith(KindsByStrength[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Not a search key: {key}", nameof(key));
    }

    public static IReadOnlySet<string> For(string? firstName, string? lastName, string? otherNames)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in NameNormaliser.Tokens(firstName).Concat(NameNormaliser.Tokens(otherNames)))
        {
            AddTokenKeys(keys, token);
            keys.UnionWith(Nicknames.CanonicalFormsOf(token).Select(c => $"k:{c}"));
        }

        foreach (var token in NameNormaliser.Tokens(lastName))
        {
            AddTokenKeys(keys, token);
        }

        return keys;
    }

    /// <summary>The keys to look up for one query token; a person needs to have any one of them.</summary>
    public static IReadOnlySet<string> ForQuery(string token)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var normalised = NameNormaliser.Normalise(token);
        if (normalised.Length == 0)
        {
            return keys;
        }

        keys.Add($"n:{normalised}");
        // One or two letters are matched only as a whole name (or a known nickname): as the start of
        // a name they would match most of the borough, and their sound-alike key is a single
        // consonant ("Ch" sounds like Shah and Shaw).
        if (normalised.Length >= MinimumPrefixLength)
        {
            keys.Add($"x:{normalised}");
            var phonetic = Phonetic.Key(normalised);
            if (phonetic.Length > 0)
            {
                keys.Add($"p:{phonetic}");
            }
        }

        keys.UnionWith(Nicknames.CanonicalFormsOf(normalised).Select(c => $"k:{c}"));
        return keys;
    }

    /// <summary>True when every token of the query hits at least one of the person's keys.</summary>
    public static bool Matches(IReadOnlySet<string> personKeys, string? query)
    {
        var tokens = NameNormaliser.QueryTokens(query);
        return tokens.Count > 0 && tokens.All(t => ForQuery(t).Overlaps(personKeys));
    }

    private static void AddTokenKeys(HashSet<string> keys, string token)
    {
        keys.Add($"n:{token}");
        for (var length = MinimumPrefixLength; length < token.Length; length++)
        {
            keys.Add($"x:{token[..length]}");
        }

        var phonetic = Phonetic.Key(token);
        if (phonetic.Length > 0)
        {
            keys.Add($"p:{phonetic}");
        }
    }
}
