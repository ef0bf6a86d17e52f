using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// A fact about the child in Header that must agree with last year's return (statutory-returns.md §1.4
/// item 28): checked for every child in both years' Header.
public abstract class AgreesWithLastYearRule : Ssda903Rule
{
    protected abstract string Field { get; }
    protected abstract bool Agrees(Ssda903Header now, Ssda903Header before);

    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Previous is not { } last ? [] :
        d.Header.Where(h => last.HeaderByChild.TryGetValue(h.Child, out var before) && !Agrees(h, before)).Select(h => Fail(h.Child, Field, DetailsPage));
}

public sealed class Rule202 : AgreesWithLastYearRule
{
    public override string Code => "202";
    public override string Message => "The gender code conflicts with the gender already recorded for this child.";
    protected override string Field => "SEX";
    protected override bool Agrees(Ssda903Header now, Ssda903Header before) => now.Sex == before.Sex;
}

public sealed class Rule203 : AgreesWithLastYearRule
{
    public override string Code => "203";
    public override string Message => "Date of birth disagrees with the date of birth already recorded for this child.";
    protected override string Field => "DOB";
    protected override bool Agrees(Ssda903Header now, Ssda903Header before) => now.Dob == before.Dob;
}

public sealed class Rule204 : AgreesWithLastYearRule
{
    public override string Code => "204";
    public override string Message => "Ethnic origin code disagrees with the ethnic origin already recorded for this child.";
    protected override string Field => "ETHNIC";
    protected override bool Agrees(Ssda903Header now, Ssda903Header before) => string.Equals(now.Ethnic, before.Ethnic, StringComparison.OrdinalIgnoreCase);
}

/// UPN agrees with last year's, except that an unknown UPN may become known, UN1 (or blank) may become
/// another reason it is unknown, and blank may become UN1.
public sealed class Rule208 : AgreesWithLastYearRule
{
    public override string Code => "208";
    public override string Message => "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.";
    protected override string Field => "UPN";
    protected override bool Agrees(Ssda903Header now, Ssda903Header before)
    {
        var (n, b) = (now.Upn?.ToUpperInvariant(), before.Upn?.ToUpperInvariant());
        if (n == b) return true;
        var unknownBefore = b is null || Ssda903Codes.UpnUnknown.Contains(b);
        var unknownNow = n is null || Ssda903Codes.UpnUnknown.Contains(n);
        return (unknownBefore && !unknownNow) || ((b is null or "UN1") && n is not null && unknownNow);
    }
}

/// Last year's return ended with an open episode: this year's first episode is that same episode.
public sealed class Rule502 : Ssda903Rule
{
    public override string Code => "502";
    public override string Message => "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year's record.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        ContinuingFromLastYear(d).Where(x => x.First.Decom != x.LastYear.Decom).Select(x => Fail(x.First.Child, "DECOM", CarePage));

    /// Each child whose latest episode last year was open, with this year's first episode.
    public static IEnumerable<(Ssda903Episode First, Ssda903Episode LastYear)> ContinuingFromLastYear(Ssda903Data d)
    {
        if (d.Previous is not { } last) yield break;
        foreach (var g in d.EpisodesByChild)
            if (last.EpisodesByChild[g.Key].LastOrDefault() is { Dec: null } open)
                yield return (g.First(), open);
    }
}

/// The first episode of this year repeats a field of last year's open episode (503A–F; 503G–J are about
/// PL_DISTANCE, PL_LA and PL_LOCATION, which the DfE derives itself and an LA's files do not carry).
public abstract class RepeatsLastYearsOpenEpisodeRule : Ssda903Rule
{
    protected abstract string Field { get; }
    protected abstract string? Value(Ssda903Episode e);
    protected virtual bool Agrees(string? now, string? before) => now == before;

    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Rule502.ContinuingFromLastYear(d).Where(x => !Agrees(Value(x.First), Value(x.LastYear))).Select(x => Fail(x.First.Child, Field, CarePage));
}

public sealed class Rule503A : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503A";
    public override string Message => "The reason for new episode in the first episode does not match open episode at end of last year.";
    protected override string Field => "RNE";
    protected override string? Value(Ssda903Episode e) => e.Rne;
}

public sealed class Rule503B : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503B";
    public override string Message => "The legal status in the first episode does not match open episode at end of last year.";
    protected override string Field => "LS";
    protected override string? Value(Ssda903Episode e) => e.Ls;
}

public sealed class Rule503C : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503C";
    public override string Message => "The category of need in the first episode does not match open episode at end of last year.";
    protected override string Field => "CIN";
    protected override string? Value(Ssda903Episode e) => e.Cin;
}

/// Placement type; the retired codes' successors across the year boundary are tolerated (H5 → K3 from
/// 2024-25, Z1 → Z11–Z14 from 2025-26).
public sealed class Rule503D : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503D";
    public override string Message => "The placement type in the first episode does not match open episode at end of last year.";
    protected override string Field => "PLACE";
    protected override string? Value(Ssda903Episode e) => e.Place;
    protected override bool Agrees(string? now, string? before) =>
        now == before || (before == "H5" && now == "K3") || (before == "Z1" && now is "Z11" or "Z12" or "Z13" or "Z14");
}

public sealed class Rule503E : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503E";
    public override string Message => "The placement provider in the first episode does not match open episode at end of last year.";
    protected override string Field => "PLACE_PROVIDER";
    protected override string? Value(Ssda903Episode e) => e.PlaceProvider;
}

public sealed class Rule503F : RepeatsLastYearsOpenEpisodeRule
{
    public override string Code => "503F";
    public override string Message => "The Ofsted URN in the first episode does not match open episode at end of last year.";
    protected override string Field => "URN";
    protected override string? Value(Ssda903Episode e) => e.Urn;
}
