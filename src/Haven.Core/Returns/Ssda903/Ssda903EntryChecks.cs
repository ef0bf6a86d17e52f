using Haven.Core.Returns.Ssda903.Rules;

namespace Haven.Core.Returns.Ssda903;

/// The 903 rules that can be checked when a legal status or a placement is recorded, so the error
/// never reaches the return: J-codes not for under-10s (358); youth custody 10+ (372), residential
/// school 4+ (373), residential employment 14+ (374); P1 not with V2 (378). The message is the rule's.
public static class Ssda903EntryChecks
{
    /// Each rule the combination breaks, and whether it is about the legal status (else the placement).
    public static IReadOnlyList<(Ssda903Rule Rule, bool AboutLegalStatus)> Check(string legalStatus, string placementType, DateOnly? dob, DateOnly date)
    {
        var data = new Ssda903Data(ReturnPeriod.CollectionYear(ReturnPeriod.CollectionYearOf(date)),
            [new("1", "U", dob, null, null, null, null)],
            [new("1", date, "S", legalStatus.ToUpperInvariant(), "", placementType.ToUpperInvariant(), null, null, null, null, null, null, null)],
            [], [], [], [], [], [], []);
        return Rules.Where(r => r.Rule.Check(data).Any()).ToList();
    }

    public static string Describe(Ssda903Rule rule) => $"{rule.Message} (SSDA903 rule {rule.Code})";

    private static readonly (Ssda903Rule Rule, bool AboutLegalStatus)[] Rules =
        [(new Rule358(), true), (new Rule372(), false), (new Rule373(), false), (new Rule374(), false), (new Rule378(), false)];
}
