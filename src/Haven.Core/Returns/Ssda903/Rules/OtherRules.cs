using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

/// OC3: when the LA is not in touch, the young person has died or went home, activity and accommodation are 0.
public sealed class Rule344 : Ssda903Rule
{
    public override string Code => "344";
    public override string Message => "The information about the activity or accommodation of this care leaver should be 0 as the local authority is not in touch with them.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc3.Where(o => o.InTouch is "NO" or "DIED" or "RHOM" && (o.Activ != "0" || o.Accom != "0"))
            .Select(o => Fail(o.Child, o.Activ != "0" ? "ACTIV" : "ACCOM", CareLeaverPage));
}

public sealed class Rule345 : Ssda903Rule
{
    public override string Code => "345";
    public override string Message => "The data collection record shows the local authority is in touch with this care leaver, but activity and/or accommodation data items are zero.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc3.Where(o => o.InTouch == "YES" && (o.Activ == "0" || o.Accom == "0"))
            .Select(o => Fail(o.Child, o.Activ == "0" ? "ACTIV" : "ACCOM", CareLeaverPage));
}

/// OC2 is only for children looked after continuously for 12 months at 31 March: in the year's
/// episodes, one running on 31 March in a period of care that started on or before 1 April.
public sealed class Rule185 : Ssda903Rule
{
    public override string Code => "185";
    public override string Message => "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score or an SDQ score has been completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var cohort = Oc2Cohort(d);
        return d.Oc2.Where(o => !cohort.Contains(o.Child) && (o.SdqScore is not null || o.SdqReason is not null)).Select(o => Fail(o.Child, "SDQ_SCORE", HealthPage));
    }

    public static HashSet<string> Oc2Cohort(Ssda903Data d) =>
        d.EpisodesByChild.Where(g =>
        {
            var list = g.ToList();
            var last = list[^1];
            if (last.Dec is not null) return false;
            var i = list.Count - 1;
            while (i > 0 && list[i - 1].Rec == "X1" && list[i - 1].Dec == list[i].Decom) i--;
            return list[i].Decom <= d.Period.Start && list.Skip(i).Any(e => e.Ls is not ("V3" or "V4"));
        }).Select(g => g.Key).ToHashSet();
}

public sealed class Rule190 : Ssda903Rule
{
    public override string Code => "190";
    public override string Message => "Child has been looked after continuously for at least 12 months at 31 March but one or more OC2 data items have not been provided.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var rows = d.Oc2.Select(o => o.Child).ToHashSet();
        return Rule185.Oc2Cohort(d).Where(c => !rows.Contains(c)).Order().Select(c => Fail(c, "CHILD", HealthPage));
    }
}

public sealed class Rule188 : Ssda903Rule
{
    public override string Code => "188";
    public override string Message => "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.End) < 4 && (o.SdqScore is not null || o.SdqReason is not null)).Select(o => Fail(o.Child, "SDQ_SCORE", HealthPage));
}

public sealed class Rule545 : Ssda903Rule
{
    public override string Code => "545";
    public override string Message => "Child is aged 5 or over at 31 March but has a health surveillance check recorded.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.End) >= 5 && o.HealthCheck is not null).Select(o => Fail(o.Child, "HEALTH_CHECK", HealthPage));
}

public sealed class Rule542 : Ssda903Rule
{
    public override string Code => "542";
    public override string Message => "A conviction may only be recorded for children aged 10 or over at the end of the year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.End) < 10 && o.Convicted is not null).Select(o => Fail(o.Child, "CONVICTED", HealthPage));
}

public sealed class Rule601 : Ssda903Rule
{
    public override string Code => "601";
    public override string Message => "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var ad1 = d.Ad1.Select(a => a.Child).ToHashSet();
        return d.Episodes.Where(e => e.Rec is "E11" or "E12" && e.Dec >= d.Period.Start && !ad1.Contains(e.Child))
            .Select(e => e.Child).Distinct().Select(c => Fail(c, "DATE_INT", PermanencePage));
    }
}

public sealed class Rule602 : Ssda903Rule
{
    public override string Code => "602";
    public override string Message => "The episode data confirms that the child was not adopted during the year, but adoption data has been provided.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d)
    {
        var adopted = d.Episodes.Where(e => e.Rec is "E11" or "E12").Select(e => e.Child).ToHashSet();
        return d.Ad1.Where(a => !adopted.Contains(a.Child)).Select(a => Fail(a.Child, "CHILD", PermanencePage));
    }
}

/// Missing: a spell cannot end before it started.
public sealed class Rule566 : Ssda903Rule
{
    public override string Code => "566";
    public override string Message => "The date that the child returned from missing or away from placement without authorisation is before the start of the missing episode.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Missing.Where(m => m.MisEnd is { } end && end < m.MisStart).Select(m => Fail(m.Child, "MIS_END", MissingPage));
}
