namespace Haven.Core.Search;

/// <summary>Scores how well a search query matches a person's name, from 0 to 100, for ranking.</summary>
public static class NameMatchScorer
{
    public const int Exact = 100;
    public const int Nickname = 90;
    public const int Prefix = 80;
    public const int SoundsAlike = 70;
    public const int OneEdit = 60;
    public const int TwoEdits = 50;

    /// <summary>
    /// The average, over the query tokens, of each token's best match to a different part of the
    /// person's name, so "Smith John" scores the same as "John Smith".
    /// </summary>
    public static int Score(IEnumerable<string> queryTokens, string? firstName, string? lastName, string? otherNames)
    {
        var query = queryTokens.SelectMany(NameNormaliser.QueryTokens).ToList();
        var name = NameNormaliser.Tokens(firstName)
            .Concat(NameNormaliser.Tokens(lastName))
            .Concat(NameNormaliser.Tokens(otherNames))
            .Distinct()
            .ToList();
        if (query.Count == 0 || name.Count == 0)
        {
            return 0;
        }

        // Pair the strongest matches first so that two query tokens cannot both claim one name.
        var pairs = query.SelectMany((q, qi) => name.Select((n, ni) => (qi, ni, Score: TokenScore(q, n))))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score);
        var usedQuery = new HashSet<int>();
        var usedName = new HashSet<int>();
        var total = 0;
        foreach (var (qi, ni, score) in pairs)
        {
            if (!usedQuery.Contains(qi) && !usedName.Contains(ni))
            {
                usedQuery.Add(qi);
                usedName.Add(ni);
                total += score;
            }
        }

        return (int)Math.Round(total / (double)query.Count);
    }

    /// <summary>How well one normalised query token matches one normalised name token.</summary>
    public static int TokenScore(string query, string name)
    {
        if (query.Length == 0 || name.Length == 0)
        {
            return 0;
        }

        if (query == name)
        {
            return Exact;
        }

        if (Nicknames.AreRelated(query, name))
        {
            return Nickname;
        }

        if (query.Length >= SearchKeys.MinimumPrefixLength && name.StartsWith(query, StringComparison.Ordinal))
        {
            return Prefix;
        }

        var queryKey = query.Length >= SearchKeys.MinimumPrefixLength ? Phonetic.Key(query) : "";
        if (queryKey.Length > 0 && queryKey == Phonetic.Key(name))
        {
            return SoundsAlike;
        }

        // Short names are a few edits from many others, so allow fewer edits for them.
        var allowedEdits = query.Length switch { <= 2 => 0, <= 4 => 1, _ => 2 };
        return EditDistance(query, name) switch
        {
            var d when d > allowedEdits => 0,
            1 => OneEdit,
            _ => TwoEdits,
        };
    }

    /// <summary>
    /// Damerau–Levenshtein distance in its optimal string alignment form: insertions, deletions,
    /// substitutions and swaps of adjacent letters each cost 1.
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        // Three rows of b.Length + 1 (two back, previous, current) in one buffer, on the stack for a name.
        var width = b.Length + 1;
        var rows = width <= 64 ? stackalloc int[3 * width] : new int[3 * width];
        int twoBack = 0, previous = width, current = 2 * width;
        for (var j = 0; j <= b.Length; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                rows[current + j] = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    rows[current + j] = Math.Min(rows[current + j], rows[twoBack + j - 2] + 1);
                }
            }

            (twoBack, previous, current) = (previous, current, twoBack);
        }

        return rows[previous + b.Length];
    }
}
