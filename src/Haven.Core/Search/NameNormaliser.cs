using System.Globalization;
using System.Text;

namespace Haven.Core.Search;

/// <summary>Turns names as typed into lower-case, unaccented, letters-only tokens.</summary>
public static class NameNormaliser
{
    // Haven runs with invariant globalization, where string.Normalize cannot decompose accented
    // letters, so the Latin letters found in names are folded by this table instead.
    private static readonly Dictionary<char, string> folds = BuildFolds(
        ("a", "àáâãäåāăąǎạảấầẩẫậắằẳẵặ"), ("ae", "æ"), ("c", "çćĉċč"), ("d", "ďđð"),
        ("e", "èéêëēĕėęěẹẻẽếềểễệ"), ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįıỉị"), ("j", "ĵ"),
        ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏőơọỏốồổỗộớờởỡợ"), ("oe", "œ"),
        ("r", "ŕŗř"), ("s", "śŝşšș"), ("ss", "ß"), ("t", "ţťŧț"), ("th", "þ"),
        ("u", "ùúûüũūŭůűųưụủứừửữự"), ("w", "ŵ"), ("y", "ýÿŷỳỵỷỹ"), ("z", "źżž"));

    /// <summary>One token: "O'Brien" → "obrien", "Zoë" → "zoe", "Smith-Jones" → "smithjones".</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Already normal (a token normalised before, as search scores each candidate against them): as it is.
        if (!text.AsSpan().ContainsAnyExceptInRange('a', 'z'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            AppendFolded(result, c);
        }

        return result.ToString();
    }

    /// <summary>
    /// The tokens to index for a name. Words split on spaces; a word joined by hyphens or
    /// apostrophes gives each part of two or more letters and the joined whole:
    /// "Smith-Jones" → smith, jones, smithjones; "O'Brien" → brien, obrien.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? name)
    {
        var tokens = new List<string>();
        foreach (var word in Words(name))
        {
            var parts = SplitWhere(word, IsJoiner).Select(Normalise).Where(p => p.Length > 0).ToList();
            if (parts.Count == 1)
            {
                tokens.Add(parts[0]);
            }
            else if (parts.Count > 1)
            {
                tokens.AddRange(parts.Where(p => p.Length >= 2));
                tokens.Add(string.Concat(parts));
            }
        }

        return tokens.Distinct().ToList();
    }

    /// <summary>The tokens of a search query: one per word, hyphens and apostrophes joined.</summary>
    public static IReadOnlyList<string> QueryTokens(string? query) =>
        Words(query).Select(Normalise).Where(t => t.Length > 0).Distinct().ToList();

    private static IEnumerable<string> Words(string? text) =>
        SplitWhere(text ?? "", c => !char.IsLetter(c) && !IsJoiner(c) && !IsMark(c));

    private static IEnumerable<string> SplitWhere(string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }

    private static bool IsJoiner(char c) => c is '-' or '\'' or '‘' or '’' or 'ʼ' or '‐' or '–';

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static void AppendFolded(StringBuilder result, char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (folds.TryGetValue(lower, out var folded))
        {
            result.Append(folded);
        }
        else if (char.IsLetter(lower))
        {
            result.Append(lower);
        }
    }

    private static Dictionary<char, string> BuildFolds(params (string To, string From)[] groups) =>
        groups.SelectMany(g => g.From.Select(c => (c, g.To))).ToDictionary(p => p.c, p => p.To);
}
