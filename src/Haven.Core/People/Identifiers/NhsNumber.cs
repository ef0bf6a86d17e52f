namespace Haven.Core.People.Identifiers;

/// <summary>The 10-digit NHS number, which ends in a modulus 11 check digit.</summary>
public static class NhsNumber
{
    public const string MissingMessage = "Enter an NHS number";
    public const string FormatMessage = "Enter an NHS number in the correct format, like 485 777 3456";
    public const string CheckDigitMessage = "Enter a valid NHS number – the check digit does not match";

    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>Checks a typed NHS number; spaces and hyphens are allowed between the digits.</summary>
    public static IdentifierCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierCheck.Invalid(MissingMessage);
        }

        var digits = string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return IdentifierCheck.Invalid(FormatMessage);
        }

        return CheckDigit(digits) == digits[9] - '0'
            ? IdentifierCheck.Valid(digits)
            : IdentifierCheck.Invalid(CheckDigitMessage);
    }

    /// <summary>Formats a normalised NHS number as 3, 3 and 4 digits: "943 476 5919".</summary>
    public static string Format(string normalised)
    {
        if (normalised is not { Length: 10 } || !normalised.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An NHS number must be 10 digits.", nameof(normalised));
        }

        return $"{normalised[..3]} {normalised[3..6]} {normalised[6..]}";
    }

    /// <summary>
    /// A valid synthetic NHS number. Numbers beginning 999 are kept for testing and never issued to
    /// patients, so synthetic children can never share a real person's number.
    /// </summary>
    public static string Generate(Random rng)
    {
        while (true)
        {
            var firstNine = $"999{rng.Next(1_000_000):D6}";
            var check = CheckDigit(firstNine);
            if (check < 10)
            {
                return $"{firstNine}{check}";
            }
        }
    }

    // Weights 10 down to 2 on the first nine digits; 11 becomes 0, and 10 means no number exists.
    private static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
