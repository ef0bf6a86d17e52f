using Haven.Core.Codes;

namespace Haven.Core.Permanence;

/// The adopters' details the 903 AD1 table carries (FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR)
/// must agree with each other: one adopter is a single male or female adopter (M1, F1) with legal
/// status L0; two adopters are a couple (MM, FF, MF) with a couple's legal status (L11, L12, L2, L3,
/// L4), a different-sex status (L11, L3) only for MF and a same-sex one (L12, L4) only for MM or FF.
/// Civil partners (L2) may be either. Checked when the match is recorded and again over the return.
public static class AdopterRules
{
    /// Why the number, sex make-up and legal status cannot all be true, or null when they agree
    /// (or one of them is not recorded yet, or not a code of its list).
    public static string? Mismatch(string? number, string? sex, string? legalStatus)
    {
        if (number is "1")
        {
            if (sex is not (null or "M1" or "F1")) return "One adopter is a single male or single female adopter (M1 or F1)";
            if (legalStatus is not (null or "L0")) return "One adopter has the legal status single adopter (L0)";
        }
        else if (number is "2")
        {
            if (sex is "M1" or "F1") return "Two adopters are a couple: MM, FF or MF";
            if (legalStatus is "L0") return "Two adopters are a couple: select their legal status as a couple";
        }
        if (sex is "M1" or "F1" && legalStatus is not (null or "L0")) return "A single adopter has the legal status single adopter (L0)";
        if (sex is "MM" or "FF" or "MF" && legalStatus is "L0") return "A couple cannot have the legal status single adopter (L0)";
        if (sex is "MM" or "FF" && legalStatus is "L11" or "L3") return "A same-sex couple cannot have a different-sex legal status (L11 or L3)";
        if (sex is "MF" && legalStatus is "L12" or "L4") return "A male and female couple cannot have a same-sex legal status (L12 or L4)";
        return null;
    }

    /// Field errors keyed by the option name: each code in its list, then the three agreeing.
    public static Dictionary<string, string> Validate(string? fosterCare, string? number, string? sex, string? legalStatus)
    {
        var e = new Dictionary<string, string>();
        if (fosterCare is not null && !CodeLists.AdopterFosterCare.Contains(fosterCare)) e["FosterCareCode"] = "Select whether the adopters are the child's former foster carers";
        if (number is not null && !CodeLists.AdopterNumber.Contains(number)) e["AdopterNumberCode"] = "Select one adopter or two adopters";
        if (sex is not null && !CodeLists.AdopterSex.Contains(sex)) e["AdopterSexCode"] = "Select the adopters' sex from the list";
        if (legalStatus is not null && !CodeLists.AdopterLegalStatus.Contains(legalStatus)) e["AdopterLegalStatusCode"] = "Select the adopters' legal status from the list";
        if (e.Count == 0 && Mismatch(number, sex, legalStatus) is { } m) e[sex is null ? "AdopterLegalStatusCode" : "AdopterSexCode"] = m;
        return e;
    }
}
