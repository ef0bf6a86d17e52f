using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

public sealed class Rule148 : Ssda903Rule
{
    public override string Code => "148";
    public override string Message => "Date episode ceased and reason episode ceased must both be entered, or both left blank.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Dec is null != (e.Rec is null)).Select(e => Fail(e.Child, e.Dec is null ? "DEC" : "REC", CarePage));
}

public sealed class Rule142 : Ssda903Rule
{
    public override string Code => "142";
    public override string Message => "A new episode has started, but the previous episode has not ended.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Previous.Dec is null).Select(p => Fail(p.Previous.Child, "DEC", CarePage));
}

public sealed class Rule501 : Ssda903Rule
{
    public override string Code => "501";
    public override string Message => "A new episode has started before the end date of the previous episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Previous.Dec is { } dec && p.Next.Decom < dec).Select(p => Fail(p.Next.Child, "DECOM", CarePage));
}

public sealed class Rule433 : Ssda903Rule
{
    public override string Code => "433";
    public override string Message => "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Next.Rne is not "S" && p.Previous.Dec is { } dec && dec != p.Next.Decom).Select(p => Fail(p.Next.Child, "DECOM", CarePage));
}

/// REC X1 means the next episode starts the same day; nothing following (in the year) breaks that.
public sealed class Rule388 : Ssda903Rule
{
    public override string Code => "388";
    public override string Message => "Reason episode ceased is coded new episode begins, but there is no continuation episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.EpisodesByChild.SelectMany(g =>
        {
            var list = g.ToList();
            return list.Select((e, i) => (e, next: i + 1 < list.Count ? list[i + 1] : null))
                .Where(x => x.e.Rec == "X1" && (x.next is null || x.next.Decom != x.e.Dec))
                .Select(x => Fail(x.e.Child, "REC", CarePage));
        });
}

/// The first episode of a child that starts inside the year, with no episode before it, opens a period of care.
public sealed class Rule357 : Ssda903Rule
{
    public override string Code => "357";
    public override string Message => "If this is the first episode ever for this child, reason for new episode must be S. Check whether there should be an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.EpisodesByChild.Select(g => g.First()).Where(e => e.Decom >= d.Period.Start && e.Rne != "S").Select(e => Fail(e.Child, "RNE", CarePage));
}

public sealed class Rule432 : Ssda903Rule
{
    public override string Code => "432";
    public override string Message => "The child ceased to be looked after at the end of the previous episode, but the reason for the new episode is not started to be looked after.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Previous.Rec is { } rec && rec != "X1" && p.Next.Rne != "S").Select(p => Fail(p.Next.Child, "RNE", CarePage));
}

public sealed class Rule431 : Ssda903Rule
{
    public override string Code => "431";
    public override string Message => "The reason for new episode is started to be looked after, but the previous episode ended on the same day.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Next.Rne == "S" && p.Previous.Dec == p.Next.Decom).Select(p => Fail(p.Next.Child, "RNE", CarePage));
}

public sealed class Rule356 : Ssda903Rule
{
    public override string Code => "356";
    public override string Message => "The date the episode ceased is before the date the same episode started.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Dec is { } dec && dec < e.Decom).Select(e => Fail(e.Child, "DEC", CarePage));
}

public sealed class Rule354 : Ssda903Rule
{
    public override string Code => "354";
    public override string Message => "Date episode ceased must be on or before the end of the current collection year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Dec is { } dec && dec > d.Period.End).Select(e => Fail(e.Child, "DEC", CarePage));
}

public sealed class Rule385 : Ssda903Rule
{
    public override string Code => "385";
    public override string Message => "Date of commencement of episode must be on or before the end of the current collection year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Decom > d.Period.End).Select(e => Fail(e.Child, "DECOM", CarePage));
}

public sealed class Rule302 : Ssda903Rule
{
    public override string Code => "302";
    public override string Message => "First episode starts before child was born.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.EpisodesByChild.Select(g => g.First())
            .Where(e => d.HeaderByChild.TryGetValue(e.Child, out var h) && h.Dob is { } dob && e.Decom < dob)
            .Select(e => Fail(e.Child, "DECOM", CarePage));
}

public sealed class Rule352 : Ssda903Rule
{
    public override string Code => "352";
    public override string Message => "Child who started to be looked after was aged 18 or over.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Rne == "S" && AgeOn(d, e.Child, e.Decom) >= 18).Select(e => Fail(e.Child, "DECOM", CarePage));
}

public sealed class Rule504 : Ssda903Rule
{
    public override string Code => "504";
    public override string Message => "The category of need code is different for a continuation episode than for the previous episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        Consecutive(d).Where(p => p.Next.Rne != "S" && p.Previous.Cin != p.Next.Cin).Select(p => Fail(p.Next.Child, "CIN", CarePage));
}

public sealed class Rule358 : Ssda903Rule
{
    public override string Code => "358";
    public override string Message => "Child with this legal status should not be under 10.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Ls is "J1" or "J2" or "J3" && AgeOn(d, e.Child, e.Decom) < 10).Select(e => Fail(e.Child, "LS", CarePage));
}

public sealed class Rule213 : Ssda903Rule
{
    public override string Code => "213";
    public override string Message => "Placement provider information not required.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => !ChildrenLookedAfter.LookedAfterCodes.NeedsProvider(e.Place) && e.PlaceProvider is not null).Select(e => Fail(e.Child, "PLACE_PROVIDER", CarePage));
}

public sealed class Rule526 : Ssda903Rule
{
    public override string Code => "526";
    public override string Message => "Placement provider is missing.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => ChildrenLookedAfter.LookedAfterCodes.NeedsProvider(e.Place) && e.PlaceProvider is null).Select(e => Fail(e.Child, "PLACE_PROVIDER", CarePage));
}

public sealed class Rule218 : Ssda903Rule
{
    public override string Code => "218";
    public override string Message => "Ofsted Unique reference number (URN) is required.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => Ssda903Builder.TakesUrn(e.Place) && e.Urn is null).Select(e => Fail(e.Child, "URN", CarePage));
}

public sealed class Rule222 : Ssda903Rule
{
    public override string Code => "222";
    public override string Message => "Ofsted Unique reference number (URN) should not be recorded for this placement type.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => !Ssda903Builder.TakesUrn(e.Place) && e.Urn is not null).Select(e => Fail(e.Child, "URN", CarePage));
}

public sealed class Rule226 : Ssda903Rule
{
    public override string Code => "226";
    public override string Message => "Reason for placement change is not required for temporary placements.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => ChildrenLookedAfter.LookedAfterCodes.IsTemporary(e.Place) && e.ReasonPlaceChange is not null).Select(e => Fail(e.Child, "REASON_PLACE_CHANGE", CarePage));
}

public sealed class Rule372 : Ssda903Rule
{
    public override string Code => "372";
    public override string Message => "Child in youth custody or prison under the age of 10.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == "R5" && AgeOn(d, e.Child, e.Decom) < 10).Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule373 : Ssda903Rule
{
    public override string Code => "373";
    public override string Message => "Child in residential school under the age of 4.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == "S1" && AgeOn(d, e.Child, e.Decom) < 4).Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule374 : Ssda903Rule
{
    public override string Code => "374";
    public override string Message => "Child in residential employment placement under the age of 14.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == "P3" && AgeOn(d, e.Child, e.Decom) < 14).Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule378 : Ssda903Rule
{
    public override string Code => "378";
    public override string Message => "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Place == "P1" && e.Ls == "V2").Select(e => Fail(e.Child, "PLACE", CarePage));
}

public sealed class Rule233 : Ssda903Rule
{
    public override string Code => "233";
    public override string Message => "Reason for placement change is not required for an open episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.Dec is null && e.ReasonPlaceChange is not null).Select(e => Fail(e.Child, "REASON_PLACE_CHANGE", CarePage));
}

public sealed class Rule234 : Ssda903Rule
{
    public override string Code => "234";
    public override string Message => "Reason for placement change is custody, but the child is under 10.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Episodes.Where(e => e.ReasonPlaceChange == "CUSTOD" && e.Dec is { } dec && AgeOn(d, e.Child, dec) < 10).Select(e => Fail(e.Child, "REASON_PLACE_CHANGE", CarePage));
}
