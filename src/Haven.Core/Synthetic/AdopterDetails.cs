using Haven.Core.Permanence;

namespace Haven.Core.Synthetic;

/// The adopters' details at the match (903 AD1), for FosteringPart's adoption records, from their own
/// random sequence so the rest of the fostering part is unchanged. national-statistics.md has no
/// figure for adopters' make-up, so these shares are assumptions: 85% couples; couples 87% male and
/// female, 7% two women, 6% two men; a male and female couple married 75%, unmarried 20%, civil
/// partners 5%; a same-sex couple married 50%, civil partners 35%, unmarried 15%; a single adopter a
/// woman 85%. Adopted by former foster carers (FOSTER_CARE 1) when the child was placed for adoption
/// with the current foster carer (A3, A5) or through foster to adopt or concurrent planning.
internal static class AdopterDetails
{
    public const string Name = "Adopters (903 AD1)";
    public const double Couple = 0.85;

    public static void Describe(AdoptionCase c, Random rng, string? adoptivePlacementType)
    {
        c.FosterCareCode = adoptivePlacementType is "A3" or "A5" || c.EarlyPermanence is EarlyPermanence.FosterToAdopt or EarlyPermanence.ConcurrentPlanning ? "1" : "0";
        if (rng.Chance(Couple))
        {
            c.AdopterNumberCode = "2";
            c.AdopterSexCode = rng.Weighted<string>([("MF", 87), ("FF", 7), ("MM", 6)]);
            c.AdopterLegalStatusCode = c.AdopterSexCode == "MF"
                ? rng.Weighted<string>([("L11", 75), ("L3", 20), ("L2", 5)])
                : rng.Weighted<string>([("L12", 50), ("L2", 35), ("L4", 15)]);
        }
        else
        {
            c.AdopterNumberCode = "1";
            c.AdopterSexCode = rng.Chance(0.85) ? "F1" : "M1";
            c.AdopterLegalStatusCode = "L0";
        }
    }
}
