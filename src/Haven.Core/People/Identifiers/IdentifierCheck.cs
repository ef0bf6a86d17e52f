using System.Diagnostics.CodeAnalysis;

namespace Haven.Core.People.Identifiers;

/// <summary>
/// The result of checking an identifier typed by a user: either the normalised value or an error
/// message worded for the GOV.UK error summary.
/// </summary>
public sealed record IdentifierCheck
{
    private IdentifierCheck(string? value, string? errorMessage)
    {
        Value = value;
        ErrorMessage = errorMessage;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(ErrorMessage))]
    public bool IsValid => ErrorMessage is null;

    public string? Value { get; }

    public string? ErrorMessage { get; }

    public static IdentifierCheck Valid(string value) => new(value, null);

    public static IdentifierCheck Invalid(string errorMessage) => new(null, errorMessage);
}
