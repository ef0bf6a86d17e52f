using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Networks;

public enum PlaceKind { Address, School, Park, TransportHub, Shop, Other }

/// A place that matters to young people's safety: an address, a school, a park, a station.
/// IsOfConcern marks a known risk (for example a flat used for dealing).
public class Place : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public PlaceKind Kind { get; set; }
    public string? Postcode { get; set; }
    public bool IsOfConcern { get; set; }
    public Guid Version { get; set; }

    public static string Describe(PlaceKind k) => k switch
    {
        PlaceKind.TransportHub => "Transport hub",
        _ => k.ToString(),
    };
}

public enum AssociationKind { YoungPerson, AdultOfConcern, Place }

/// A link in a young person's network: with another young person, with an adult of concern, or
/// with a place, from when to when and on whose information. A link is kept when it ends, so past
/// associations stay known.
public class Association : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public AssociationKind Kind { get; set; }
    /// The other young person or the adult of concern.
    public int? OtherPersonId { get; set; }
    public Person? OtherPerson { get; set; }
    public int? PlaceId { get; set; }
    public Place? Place { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// Where the information came from: a return home interview, police intelligence, a school.
    public string Source { get; set; } = "";
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}
