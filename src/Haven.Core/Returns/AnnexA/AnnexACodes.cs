using Haven.Core.CareLeavers;
using Haven.Core.Codes;
using Haven.Core.People;
using Haven.Core.Permanence;

namespace Haven.Core.Returns.AnnexA;

/// The Annex A picklist values ("a) Male", "b) No" …), read from the code lists in Codes/ so no
/// second copy of a list is kept here: Haven's own codes are mapped onto the picklists.
public static class AnnexACodes
{
    public static readonly CodeList SexList = CodeList.Load("annexa_sex");
    public static readonly CodeList ContactSourceList = CodeList.Load("annexa_contact_source");
    public static readonly CodeList CaseStatusList = CodeList.Load("annexa_case_status");
    public static readonly CodeList PermanencePlanList = CodeList.Load("annexa_permanence_plan");
    public static readonly CodeList EligibilityList = CodeList.Load("annexa_care_leaver_eligibility");

    public const string Yes = "a) Yes";
    public const string No = "b) No";

    public static string YesNo(bool value) => value ? Yes : No;

    public static string Sex(Sex sex) => Pick(SexList, sex switch { People.Sex.Male => 'a', People.Sex.Female => 'b', _ => 'c' });

    /// Ethnicity as the template writes it: a letter for the code's place in the DfE list, then the
    /// code, e.g. "a) WBRI" (confirm against the current template: reference §4).
    public static string? Ethnicity(string? code)
    {
        if (code is null) return null;
        var all = CodeLists.Ethnicity.All;
        for (var i = 0; i < all.Count; i++)
            if (string.Equals(all[i].Value, code, StringComparison.OrdinalIgnoreCase)) return $"{(char)('a' + i)}) {all[i].Value}";
        return null;
    }

    /// A CIN referral source code (1A … 10) in the Annex A contact source groups. The groups' CSV
    /// names the CIN codes each covers ("CIN referral source 1A-1D", "2A", "3A-3F", "4" …).
    public static string? ContactSource(string? cinCode)
    {
        if (string.IsNullOrWhiteSpace(cinCode)) return null;
        foreach (var group in ContactSourceList.All)
        {
            var covers = group.Description.Split(' ')[^1];
            var dash = covers.IndexOf('-');
            if (dash < 0 ? string.Equals(covers, cinCode, StringComparison.OrdinalIgnoreCase) : InRange(cinCode, covers[..dash], covers[(dash + 1)..]))
                return group.Value;
        }
        return null;
    }

    private static bool InRange(string code, string from, string to) =>
        code.Length == from.Length && code[..^1] == from[..^1] && char.ToUpperInvariant(code[^1]) >= from[^1] && char.ToUpperInvariant(code[^1]) <= to[^1];

    public static string CaseStatus(char letter) => Pick(CaseStatusList, letter);

    public static string PermanencePlan(PermanencePlanType type) => Pick(PermanencePlanList, type switch
    {
        PermanencePlanType.ReturnHome => 'a',
        PermanencePlanType.Adoption => 'b',
        PermanencePlanType.SpecialGuardianship or PermanencePlanType.Kinship => 'c',
        PermanencePlanType.LongTermFostering => 'f',
        _ => 'g',
    });

    public static string? Eligibility(CareLeaverStatus status) => status switch
    {
        CareLeaverStatus.Relevant => Pick(EligibilityList, 'a'),
        CareLeaverStatus.FormerRelevant => Pick(EligibilityList, 'b'),
        CareLeaverStatus.Qualifying => Pick(EligibilityList, 'c'),
        CareLeaverStatus.Eligible => Pick(EligibilityList, 'd'),
        _ => null,
    };

    private static readonly CodeList Abuse = CodeList.Load("cin_category_of_abuse");

    public static string? CategoryOfAbuse(string? cinCode) => Abuse.Describe(cinCode) ?? cinCode;

    private static string Pick(CodeList list, char letter) => list.All.First(c => c.Value[0] == letter).Value;
}
