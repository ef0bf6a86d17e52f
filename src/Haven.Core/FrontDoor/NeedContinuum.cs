namespace Haven.Core.FrontDoor;

/// One level on the council's continuum of need (its "threshold document").
public sealed record NeedLevel(string Code, string Name);

/// The council's continuum of need, lowest level first. Councils name their levels differently,
/// so it comes from configuration (Haven:FrontDoor:LevelsOfNeed); the default is the common
/// four-level model.
public sealed class NeedContinuum
{
    public static readonly IReadOnlyList<NeedLevel> DefaultLevels =
    [
        new("universal", "Universal"),
        new("early-help", "Early help"),
        new("child-in-need", "Child in need"),
        new("child-protection", "Child protection"),
    ];

    public NeedContinuum(IEnumerable<NeedLevel>? levels = null)
    {
        var list = (levels ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Code) && !string.IsNullOrWhiteSpace(l.Name)).ToList();
        Levels = list.Count > 0 ? list : DefaultLevels;
    }

    public IReadOnlyList<NeedLevel> Levels { get; }

    public NeedLevel? Find(string? code) => Levels.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    public string Describe(string? code) => Find(code)?.Name ?? code ?? "";
}
