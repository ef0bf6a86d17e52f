namespace Haven.Core.People.Identifiers;

/// <summary>
/// The DfE unique pupil number (UPN): a check letter, the 3-digit DfE local authority number,
/// then 9 more digits. A temporary UPN ends in a letter instead of a digit.
/// </summary>
public static class UniquePupilNumber
{
    public const string MissingMessage = "Enter a UPN";
    public const string FormatMessage = "Enter a UPN in the correct format: a letter followed by 12 characters";
    public const string CheckLetterMessage = "Enter a valid UPN – the check letter does not match";

    // DfE UPN guidance: I, O and S are never used, so they cannot be confused with 1, 0 and 5.
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>Checks a typed UPN; case and spaces are ignored.</summary>
    public static IdentifierCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierCheck.Invalid(MissingMessage);
        }

        var upn = string.Concat(input.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!HasUpnShape(upn))
        {
            return IdentifierCheck.Invalid(FormatMessage);
        }

        return upn[0] == CheckLetterFor(upn.AsSpan(1))
            ? IdentifierCheck.Valid(upn)
            : IdentifierCheck.Invalid(CheckLetterMessage);
    }

    /// <summary>
    /// A valid synthetic UPN for the given DfE local authority number. It could match a real
    /// pupil's UPN, so use it only for test and demonstration data.
    /// </summary>
    public static string Generate(Random rng, int laNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(laNumber, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(laNumber, 999);

        var rest = $"{laNumber:D3}{rng.Next(1_000_000_000):D9}";
        return $"{CheckLetterFor(rest)}{rest}";
    }

    private static bool HasUpnShape(string upn) =>
        upn.Length == 13
        && char.IsAsciiLetterUpper(upn[0])
        && upn.AsSpan(1, 11).IndexOfAnyExceptInRange('0', '9') < 0
        && (char.IsAsciiDigit(upn[12]) || Letters.Contains(upn[12]));

    // DfE UPN guidance: weight characters 2 to 13 by their position, take the sum modulo 23 and
    // look it up in the letter table; a final letter counts as its place in that same table.
    private static char CheckLetterFor(ReadOnlySpan<char> lastTwelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = lastTwelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : Letters.IndexOf(c);
            sum += value * (i + 2);
        }

        return Letters[sum % 23];
    }
}
