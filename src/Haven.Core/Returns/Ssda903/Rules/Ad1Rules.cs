using Haven.Core.Permanence;
using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

// AD1 adopters' details (statutory-returns.md §1.2 AD1). The reference gives the columns and their
// code lists but no rule numbers for them (only 601/602, whether the row exists), so these run under
// Haven's own codes (AD1-…), as the SWEpisodes checks do. The details are recorded with the match on
// the child's Permanence page.

/// AD1-FIELDS: every AD1 row has DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR.
public sealed class RuleAd1Fields : Ssda903Rule
{
    public override string Code => "AD1-FIELDS";
    public override string Message => "The child was adopted in the year but the decision date, match date or adopters' details (former foster carers, number, sex, legal status) are missing.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Ad1.Select(a => (a, Field: a.DateInt is null ? "DATE_INT" : a.DateMatch is null ? "DATE_MATCH" : a.FosterCare is null ? "FOSTER_CARE"
                : a.NbAdoptr is null ? "NB_ADOPTR" : a.SexAdoptr is null ? "SEX_ADOPTR" : a.LsAdoptr is null ? "LS_ADOPTR" : null))
            .Where(x => x.Field is not null).Select(x => Fail(x.a.Child, x.Field!, PermanencePage));
}

/// AD1-CODES: FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR, where given, are codes of their lists.
public sealed class RuleAd1Codes : Ssda903Rule
{
    public override string Code => "AD1-CODES";
    public override string Message => "FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR or LS_ADOPTR is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Codes(d.Ad1, a => a.Child, a => a.FosterCare, Ssda903Codes.FosterCare, "FOSTER_CARE", PermanencePage, true)
            .Concat(Codes(d.Ad1, a => a.Child, a => a.NbAdoptr, Ssda903Codes.AdopterNumber, "NB_ADOPTR", PermanencePage, true))
            .Concat(Codes(d.Ad1, a => a.Child, a => a.SexAdoptr, Ssda903Codes.AdopterSex, "SEX_ADOPTR", PermanencePage, true))
            .Concat(Codes(d.Ad1, a => a.Child, a => a.LsAdoptr, Ssda903Codes.AdopterLegalStatus, "LS_ADOPTR", PermanencePage, true));
}

/// AD1-ADOPTERS: NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR agree (AdopterRules): one adopter is M1 or F1 and L0;
/// two are MM, FF or MF with a couple's status, different-sex statuses only for MF, same-sex only for MM/FF.
public sealed class RuleAd1Adopters : Ssda903Rule
{
    public override string Code => "AD1-ADOPTERS";
    public override string Message => "The number of adopters, their sex and their legal status do not agree.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Ad1.Where(a => AdopterRules.Mismatch(a.NbAdoptr, a.SexAdoptr, a.LsAdoptr) is not null).Select(a => Fail(a.Child, "SEX_ADOPTR", PermanencePage));
}
