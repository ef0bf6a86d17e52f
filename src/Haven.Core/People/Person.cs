using Haven.Core.Data;

namespace Haven.Core.People;

public enum PersonKind { Child, Adult }

/// Sex as the CIN census and SSDA903 record it (codes M, F, U; U includes unborn children).
public enum Sex { Male, Female, Unknown }

public static class SexCodes
{
    public static string ToCode(this Sex sex) => sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" };
    public static string Describe(this Sex sex) => sex switch { Sex.Male => "Male", Sex.Female => "Female", _ => "Not known" };
}

/// A person Haven holds a record of: a child (the subject of social care work) or an adult
/// (parent, carer, relative). Restricted records open only to their explicit access list.
public class Person : IVersioned, ISoftDeletable
{
    public int Id { get; set; }
    public PersonKind Kind { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? OtherNames { get; set; }
    public string? KnownAs { get; set; }
    public Sex Sex { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// For an unborn child: exactly one of DateOfBirth and ExpectedDateOfBirth is set (CIN rule 8525).
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public DateOnly? DateOfDeath { get; set; }
    /// Code from the DfE ethnicity list (codes/ethnicity.csv).
    public string? EthnicityCode { get; set; }
    /// Disability codes (codes/cin_disability.csv), space separated; "NONE" alone when none.
    public string? DisabilityCodes { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    public string? FormerUpn { get; set; }
    public string? UpnUnknownReason { get; set; }
    public bool IsUnaccompaniedAsylumSeeker { get; set; }
    public DateOnly? UascCeasedDate { get; set; }
    public string? FirstLanguage { get; set; }
    public string? Religion { get; set; }

    public bool IsRestricted { get; set; }
    public string? RestrictionReason { get; set; }

    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }

    public Guid Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public int? DeletedByWorkerId { get; set; }
    public string? DeletionReason { get; set; }

    public List<PersonAddress> Addresses { get; set; } = [];
    public List<PersonSearchKey> SearchKeys { get; set; } = [];

    public string HavenId => HavenIds.Format(Id);
    public string FullName => string.IsNullOrWhiteSpace(OtherNames) ? $"{FirstName} {LastName}" : $"{FirstName} {OtherNames} {LastName}";
    public string DisplayName => KnownAs is { Length: > 0 } ? $"{FirstName} ({KnownAs}) {LastName}" : $"{FirstName} {LastName}";
    public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;

    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob || date < dob) return null;
        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }
}

/// Haven IDs are the council's stable reference for a person ("H" and a number); the number is the
/// record's key, never reused. The same value is the LAchildID in the statutory returns.
public static class HavenIds
{
    public static string Format(int id) => $"H{id}";

    public static bool TryParse(string? text, out int id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.StartsWith('H') || t.StartsWith('h')) t = t[1..];
        return t.Length is > 0 and <= 9 && t.All(char.IsAsciiDigit) && int.TryParse(t, out id) && id > 0;
    }
}

/// One key in the name-search index (see Haven.Core.Search.SearchKeys): maintained on save.
public class PersonSearchKey
{
    public int PersonId { get; set; }
    public required string Key { get; set; }
}
