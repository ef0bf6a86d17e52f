using Haven.Core.People;

namespace Haven.Core.Synthetic;

/// The fictional borough of Havenbridge and the fictional towns around it. Postcode areas are ones
/// Royal Mail does not use (HB for Havenbridge), so no generated address can be a real one.
internal sealed class Places(Random rng)
{
    internal sealed record Locality(string Name, string District);
    internal sealed record Town(string Name, string Area);
    internal sealed class Street
    {
        public required string Name { get; init; }
        public required string Locality { get; init; }
        public required string Town { get; init; }
        public required string District { get; init; }
        public int Sector { get; init; }
        public int NextNumber { get; set; } = 1;
        public string Unit { get; set; } = "";
    }

    public const string BoroughName = "Havenbridge";

    public static readonly Locality[] Localities =
    [
        new("Havenbridge Central", "HB1"), new("Northfold", "HB2"), new("Eastwick Green", "HB3"), new("Southmere Park", "HB4"),
        new("Westcote Vale", "HB5"), new("Harrowmead", "HB6"), new("Kilnbrook", "HB7"), new("Fernlow", "HB8"),
        new("Ashdown Rise", "HB9"), new("Tannery Wharf", "HB10"),
    ];

    /// Towns outside the borough: far-away relatives, out-of-area placements, where families moved from.
    public static readonly Town[] OtherTowns =
    [
        new("Kelmsford", "KF"), new("Farrowby", "FX"), new("Dunmarsh", "DU"), new("Marrowvale", "MV"), new("Pellingham", "PX"),
    ];

    private static readonly string[] StreetWords =
    [
        "Acorn", "Alder", "Ash", "Aspen", "Badger", "Barley", "Beacon", "Beech", "Birch", "Bluebell", "Bramble", "Briar",
        "Brook", "Buttercup", "Cedar", "Chalk", "Cherry", "Chestnut", "Clover", "Copper", "Cowslip", "Dove", "Elder",
        "Elm", "Falcon", "Fern", "Finch", "Flint", "Foxglove", "Furze", "Gorse", "Hawthorn", "Hazel", "Heather", "Heron",
        "Holly", "Honeysuckle", "Juniper", "Kestrel", "Kingfisher", "Lark", "Larch", "Laurel", "Lavender", "Lime",
        "Linden", "Linnet", "Maple", "Marigold", "Meadow", "Mill", "Mulberry", "Nightingale", "Oak", "Orchard", "Osier",
        "Otter", "Partridge", "Pear", "Pebble", "Pine", "Plover", "Poplar", "Primrose", "Quarry", "Quince", "Raven",
        "Reed", "Robin", "Rowan", "Rush", "Saffron", "Sandpiper", "Sedge", "Sorrel", "Sparrow", "Spinney", "Starling",
        "Swallow", "Swan", "Sycamore", "Teasel", "Thistle", "Thrush", "Tern", "Violet", "Walnut", "Warren", "Willow",
        "Wren", "Yarrow", "Yew", "Tanner", "Cooper", "Weaver", "Cobbler", "Potter", "Ropewalk", "Brewer", "Chandler",
        "Glover", "Saddler", "Ferry", "Lock", "Wharf", "Quay", "Mariner", "Anchor", "Harbour", "Tide", "Gull",
    ];

    private static readonly string[] StreetKinds =
    [
        "Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Gardens", "Crescent", "Grove", "Place", "Rise",
        "Terrace", "Walk", "Mews", "Row", "Hill", "Park", "View", "Court",
    ];

    private static readonly string[] BlockWords = ["House", "Court", "Point", "Lodge", "Tower", "Heights", "Mansions"];
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private readonly List<Street> _boroughStreets = [];
    private readonly List<Street> _otherStreets = [];
    private readonly HashSet<string> _streetNames = [];
    private readonly HashSet<string> _addressKeys = [];

    public List<Address> Addresses { get; } = [];

    public void PlanStreets(int boroughStreets, int otherTownStreets)
    {
        for (var i = 0; i < boroughStreets; i++)
        {
            var locality = Localities[i % Localities.Length];
            _boroughStreets.Add(NewStreet(locality.Name, BoroughName, locality.District));
        }
        for (var i = 0; i < otherTownStreets; i++)
        {
            var town = OtherTowns[i % OtherTowns.Length];
            _otherStreets.Add(NewStreet(null, town.Name, $"{town.Area}{rng.Between(1, 14)}"));
        }
    }

    private Street NewStreet(string? locality, string town, string district)
    {
        string name;
        var tries = 0;
        do
        {
            name = $"{rng.Pick(StreetWords)} {rng.Pick(StreetKinds)}";
            if (++tries > 20) name = $"{rng.Pick(StreetWords)} {rng.Pick(StreetWords)} {rng.Pick(StreetKinds)}";
        }
        while (!_streetNames.Add($"{town}|{name}"));
        return new Street
        {
            Name = name, Locality = locality ?? "", Town = town, District = district, Sector = rng.Between(1, 9),
            Unit = NewUnit(), NextNumber = rng.Between(1, 60),
        };
    }

    private string NewUnit() => $"{UnitLetters[rng.Next(UnitLetters.Length)]}{UnitLetters[rng.Next(UnitLetters.Length)]}";

    /// A new home address: in the borough, or in one of the other towns.
    public Address NewHome(bool inBorough, bool flat = false) => NewHomeOn(rng.Pick(inBorough ? _boroughStreets : _otherStreets), flat);

    /// How far a placement is from Havenbridge: in the borough, in another town well under 20 miles
    /// away, or in one well over 20 miles away (on SyntheticPostcodeLocator's grid, measured from the
    /// middle of the borough; the streets of towns near the 20-mile line are used for neither).
    public enum Reach { Borough, NearTown, FarTown }

    public Address NewHome(Reach reach, bool flat = false) => NewHomeOn(rng.Pick(StreetsIn(reach)), flat);

    public Address NewNamedBuilding(string name, Reach reach) => NewNamedBuildingOn(name, rng.Pick(StreetsIn(reach)));

    /// Whether an address is more than 20 miles from the middle of the borough.
    public static bool IsFar(Address address) => MilesFromBorough(address.Postcode) > 20;

    private static double MilesFromBorough(string postcode) =>
        new ChildrenLookedAfter.SyntheticPostcodeLocator().Locate(postcode) is { } at
            ? Math.Sqrt(at.EastKm * at.EastKm + at.NorthKm * at.NorthKm) / ChildrenLookedAfter.PlacementDistance.KmPerMile : 0;

    private List<Street>? _nearTown, _farTown;

    private List<Street> StreetsIn(Reach reach)
    {
        double Miles(Street s) => MilesFromBorough($"{s.District} {s.Sector}AA");
        return reach switch
        {
            Reach.Borough => _boroughStreets,
            Reach.NearTown => _nearTown ??= OrAll(_otherStreets.Where(s => Miles(s) < 15).ToList()),
            _ => _farTown ??= OrAll(_otherStreets.Where(s => Miles(s) > 26).ToList()),
        };
    }

    private List<Street> OrAll(List<Street> streets) => streets.Count > 0 ? streets : _otherStreets;

    private Address NewHomeOn(Street street, bool flat)
    {
        for (var attempt = 0; ; attempt++)
        {
            string line1;
            if (flat || rng.Chance(0.22))
            {
                var block = $"{rng.Pick(StreetWords)} {rng.Pick(BlockWords)}";
                line1 = $"Flat {rng.Between(1, 48)}, {block}, {street.Name}";
            }
            else
            {
                var number = street.NextNumber;
                street.NextNumber += rng.Between(1, 3);
                line1 = $"{number} {street.Name}";
            }
            // Postcode units cover a dozen or so addresses along a street.
            if (rng.Chance(0.12)) street.Unit = NewUnit();
            var postcode = $"{street.District} {street.Sector}{street.Unit}";
            if (_addressKeys.Add($"{line1}|{street.Town}") || attempt > 20)
                return Add(line1, street.Locality.Length > 0 ? street.Locality : null, street.Town, postcode);
        }
    }

    /// A named building (children's home, supported accommodation) with its own address.
    public Address NewNamedBuilding(string name, bool inBorough) => NewNamedBuildingOn(name, rng.Pick(inBorough ? _boroughStreets : _otherStreets));

    private Address NewNamedBuildingOn(string name, Street street)
    {
        var number = street.NextNumber;
        street.NextNumber += rng.Between(2, 6);
        _addressKeys.Add($"{name}|{street.Town}");
        return Add(name, $"{number} {street.Name}", street.Town, $"{street.District} {street.Sector}{NewUnit()}");
    }

    private Address Add(string line1, string? line2, string town, string postcode)
    {
        var address = new Address { Line1 = line1, Line2 = line2, Town = town, Postcode = postcode };
        Addresses.Add(address);
        return address;
    }

    public string NewBuildingName(string kind) => $"{rng.Pick(StreetWords)}{rng.Pick(["wood", "field", "brook", "croft", "ley", "mead", "hurst", "dene"])} {kind}";

    /// Numbers from Ofcom's ranges reserved for drama, so none can ring a real phone.
    public string LandlineNumber() => $"020 7946 0{rng.Next(1000):000}";
    public string MobileNumber() => $"07700 900{rng.Next(1000):000}";

    public static readonly string[] Saints = ["Aidan", "Bede", "Columba", "Hilda", "Cuthbert", "Swithun", "Wilfrid", "Chad", "Alban", "Brendan", "Oswald", "Etheldreda"];
}
