namespace Haven.Core.People;

public class Address
{
    public int Id { get; set; }
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public required string Town { get; set; }
    public required string Postcode { get; set; }

    public string OneLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// Where a person lived, and when: the postcode history the returns need, and "who they live with"
/// (everyone whose current address is the same).
public class PersonAddress
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int AddressId { get; set; }
    public Address Address { get; set; } = null!;
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}
