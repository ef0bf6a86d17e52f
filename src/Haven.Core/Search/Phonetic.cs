using System.Text;

namespace Haven.Core.Search;

/// <summary>
/// A sound-alike key for one name token, tuned for British names: Smith and Smyth, Catherine and
/// Kathryn, Stephen and Steven, Thompson and Thomson, Macdonald and McDonald share a key.
/// </summary>
public static class Phonetic
{
    private static readonly (string From, string To)[] startRules =
        [("mac", "mc"), ("kn", "n"), ("gn", "n"), ("pn", "n"), ("wr", "r"), ("ps", "s"), ("wh", "w"), ("x", "s")];

    /// <summary>
    /// The key: the first sound, then the consonant sounds in order with vowels, h, w and y
    /// dropped and repeats merged. Empty when the token has no letters a to z.
    /// </summary>
    public static string Key(string token)
    {
        var normal = NameNormaliser.Normalise(token);
        var name = normal.AsSpan().ContainsAnyExceptInRange('a', 'z') ? string.Concat(normal.Where(char.IsAsciiLetterLower)) : normal;
        if (name.Length == 0)
        {
            return "";
        }

        foreach (var (from, to) in startRules)
        {
            if (name.StartsWith(from, StringComparison.Ordinal) && name.Length > from.Length)
            {
                name = to + name[from.Length..];
                break;
            }
        }

        var sounds = Sounds(name);
        var key = new StringBuilder().Append(char.ToUpperInvariant(sounds[0]));
        for (var i = 1; i < sounds.Length; i++)
        {
            if (!IsVowelLike(sounds[i]) && sounds[i] != sounds[i - 1])
            {
                key.Append(char.ToUpperInvariant(sounds[i]));
            }
        }

        return key.ToString();
    }

    // Rewrites spellings into one letter per sound, with "x" standing for the "sh" sound.
    private static string Sounds(string name)
    {
        var sounds = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var next = i + 1 < name.Length ? name[i + 1] : '\0';
            var afterNext = i + 2 < name.Length ? name[i + 2] : '\0';
            switch (c)
            {
                case 'c' when next == 'h' && afterNext == 'r':
                    sounds.Append('k');
                    i++;
                    break;
                case 'c' when next == 'h':
                case 's' when next == 'h':
                    sounds.Append('x');
                    i++;
                    break;
                case 's' when next == 'c' && afterNext == 'h':
                    sounds.Append("sk");
                    i += 2;
                    break;
                case 'c' when next is 'e' or 'i' or 'y':
                    sounds.Append('s');
                    break;
                case 'c' or 'q':
                    sounds.Append('k');
                    break;
                case 'p' when next == 'h':
                    sounds.Append('f');
                    i++;
                    break;
                case 't' when next == 'h':
                    sounds.Append('t');
                    i++;
                    break;
                case 'g' when next == 'h':
                    // "gh" is silent (Leigh, Hugh) unless a vowel follows (Meghan) or it starts the name.
                    if (i == 0 || IsVowel(afterNext))
                    {
                        sounds.Append('g');
                    }

                    i++;
                    break;
                case 'd' when next == 'g':
                    sounds.Append('j');
                    i++;
                    break;
                case 'm' when next == 'p' && afterNext is 's' or 't':
                case 'm' when next == 'b' && afterNext == '\0':
                    sounds.Append('m');
                    i++;
                    break;
                case 'x':
                    sounds.Append("ks");
                    break;
                case 'z':
                    sounds.Append('s');
                    break;
                case 'v':
                    sounds.Append('f');
                    break;
                default:
                    sounds.Append(c);
                    break;
            }
        }

        return sounds.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsVowelLike(char c) => IsVowel(c) || c is 'h' or 'w';
}
