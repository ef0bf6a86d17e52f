namespace Haven.Core.ChildrenLookedAfter;

/// Where a postcode is, to work out how far a placement is from the child's home (the DfE derives
/// PL_DISTANCE the same way, as a straight line between postcode centroids). A council plugs in a
/// real postcode directory (ONS Postcode Directory grid references); the synthetic borough's
/// postcodes are placed on a made-up grid so distances are stable and plausible.
public interface IPostcodeLocator
{
    /// Easting and northing in kilometres, or null for a postcode it does not know.
    (double EastKm, double NorthKm)? Locate(string postcode);
    bool IsInsideCouncilArea(string postcode);
}

public static class PlacementDistance
{
    public const double KmPerMile = 1.609344;

    public static decimal? Miles(IPostcodeLocator locator, string? from, string? to)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to)) return null;
        if (locator.Locate(from) is not { } a || locator.Locate(to) is not { } b) return null;
        var km = Math.Sqrt(Math.Pow(a.EastKm - b.EastKm, 2) + Math.Pow(a.NorthKm - b.NorthKm, 2));
        return Math.Round((decimal)(km / KmPerMile), 1);
    }

    /// The DfE's stability measures call a placement more than 20 miles from home "at a distance".
    public const decimal AtADistanceMiles = 20m;
}

/// Havenbridge (HB1–HB10) and the fictional towns around it (Places.cs): each postcode district has
/// a centre on a grid, and each sector a small offset from it, so two homes in one district are a
/// mile or so apart and the other towns are 8 to 45 miles away.
public sealed class SyntheticPostcodeLocator : IPostcodeLocator
{
    private static readonly Dictionary<string, (double E, double N)> Areas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HB"] = (0, 0), ["KF"] = (14, 6), ["MV"] = (-22, 18), ["FX"] = (30, -25), ["DU"] = (-45, -30), ["PX"] = (60, 40),
    };

    public (double EastKm, double NorthKm)? Locate(string postcode)
    {
        var p = postcode.Trim().ToUpperInvariant();
        var space = p.IndexOf(' ');
        if (space < 3) return null;
        var area = p[..2];
        if (!Areas.TryGetValue(area, out var centre) || !int.TryParse(p[2..space], out var district)) return null;
        var sector = p.Length > space + 1 && char.IsDigit(p[space + 1]) ? p[space + 1] - '0' : 0;
        // Districts sit on a ring around the area's centre; sectors step out from the district centre.
        var angle = district * 0.9;
        var radius = area == "HB" ? 1.5 + district * 0.35 : 2 + district * 0.5;
        return (centre.E + radius * Math.Cos(angle) + sector * 0.25, centre.N + radius * Math.Sin(angle) - sector * 0.2);
    }

    public bool IsInsideCouncilArea(string postcode) => postcode.Trim().StartsWith("HB", StringComparison.OrdinalIgnoreCase);
}
