using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

public sealed class Rule101 : Ssda903Rule
{
    public override string Code => "101";
    public override string Message => "Gender code is not valid.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Header, h => h.Child, h => h.Sex, Ssda903Codes.Sex, "SEX", DetailsPage, false);
}

public sealed class Rule103 : Ssda903Rule
{
    public override string Code => "103";
    public override string Message => "The ethnicity code is either not valid or has not been entered.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Header, h => h.Child, h => h.Ethnic, Ssda903Codes.Ethnicity, "ETHNIC", DetailsPage, false);
}

public sealed class Rule143 : Ssda903Rule
{
    public override string Code => "143";
    public override string Message => "The reason for new episode code is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.Rne, Ssda903Codes.ReasonForNewEpisode, "RNE", CarePage, false);
}

public sealed class Rule144 : Ssda903Rule
{
    public override string Code => "144";
    public override string Message => "The legal status code is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.Ls, Ssda903Codes.LegalStatus, "LS", CarePage, false);
}

public sealed class Rule145 : Ssda903Rule
{
    public override string Code => "145";
    public override string Message => "Category of need code is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.Cin, Ssda903Codes.CategoryOfNeed, "CIN", CarePage, false);
}

public sealed class Rule146 : Ssda903Rule
{
    public override string Code => "146";
    public override string Message => "Placement type is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.Place, Ssda903Codes.PlacementType, "PLACE", CarePage, false);
}

public sealed class Rule149 : Ssda903Rule
{
    public override string Code => "149";
    public override string Message => "Reason episode ceased is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.Rec, Ssda903Codes.ReasonEpisodeCeased, "REC", CarePage, true);
}

public sealed class Rule178 : Ssda903Rule
{
    public override string Code => "178";
    public override string Message => "Placement provider code is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.PlaceProvider, Ssda903Codes.PlacementProvider, "PLACE_PROVIDER", CarePage, true);
}

public sealed class Rule1009 : Ssda903Rule
{
    public override string Code => "1009";
    public override string Message => "Reason for placement change is not a valid code.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Episodes, e => e.Child, e => e.ReasonPlaceChange, Ssda903Codes.ReasonPlaceChange, "REASON_PLACE_CHANGE", CarePage, true);
}

public sealed class Rule167 : Ssda903Rule
{
    public override string Code => "167";
    public override string Message => "Data entry for participation is invalid or blank.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Reviews, r => r.Child, r => r.ReviewCode, Ssda903Codes.ReviewParticipation, "REVIEW_CODE", ReviewsPage, false);
}

public sealed class Rule131 : Ssda903Rule
{
    public override string Code => "131";
    public override string Message => "Data entry for being in touch after leaving care is invalid or missing.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Oc3, o => o.Child, o => o.InTouch, Ssda903Codes.InTouch, "IN_TOUCH", CareLeaverPage, false);
}

public sealed class Rule132 : Ssda903Rule
{
    public override string Code => "132";
    public override string Message => "Data entry for activity after leaving care is invalid or missing.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Oc3, o => o.Child, o => o.Activ, Ssda903Codes.Activity, "ACTIV", CareLeaverPage, false);
}

public sealed class Rule133 : Ssda903Rule
{
    public override string Code => "133";
    public override string Message => "Data entry for accommodation after leaving care is invalid or missing.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) => Codes(d.Oc3, o => o.Child, o => o.Accom, Ssda903Codes.Accommodation, "ACCOM", CareLeaverPage, false);
}

/// UPN: a letter and 12 digits (the last may be a letter for a temporary UPN), or a reason it is unknown.
public sealed class Rule168 : Ssda903Rule
{
    public override string Code => "168";
    public override string Message => "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Header.Where(h => !IsValid(h.Upn)).Select(h => Fail(h.Child, "UPN", DetailsPage));

    public static bool IsValid(string? upn) =>
        upn is not null && (Ssda903Codes.UpnUnknown.Contains(upn)
            || (upn.Length == 13 && char.IsAsciiLetterUpper(upn[0]) && upn[1..12].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upn[12]) || char.IsAsciiLetterUpper(upn[12]))));
}
