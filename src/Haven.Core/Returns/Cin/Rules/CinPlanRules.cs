namespace Haven.Core.Returns.Cin.Rules;

/// A rule about each CIN plan of each episode.
public abstract class CinPlanRule : CinRule
{
    protected abstract bool Fails(CinPlanDates p, CinEpisode e, ReturnPeriod year);
    protected virtual string Field => "CINPlanStartDate";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            foreach (var p in e.CINPlanDates)
                if (Fails(p, e, year)) yield return Fail(c, Field, CinFix.CinPlan(c, p));
    }
}

public sealed class Rule4013 : CinPlanRule
{
    public override string Code => "4013";
    public override string Message => "CIN Plan start date must be present and on or before the end of the census year";
    protected override bool Fails(CinPlanDates p, CinEpisode e, ReturnPeriod year) => p.CINPlanStartDate == default || p.CINPlanStartDate > year.End;
}

public sealed class Rule4017 : CinPlanRule
{
    public override string Code => "4017";
    public override string Message => "CIN Plan end date must be on or after the CIN Plan start date";
    protected override string Field => "CINPlanEndDate";
    protected override bool Fails(CinPlanDates p, CinEpisode e, ReturnPeriod year) => p.CINPlanEndDate < p.CINPlanStartDate;
}

public sealed class Rule4004 : CinPlanRule
{
    public override string Code => "4004";
    public override string Message => "CIN Plan end date must fall within the census year";
    protected override string Field => "CINPlanEndDate";
    protected override bool Fails(CinPlanDates p, CinEpisode e, ReturnPeriod year) => p.CINPlanEndDate is { } d && !d.In(year);
}

public sealed class Rule4016 : CinRule
{
    public override string Code => "4016";
    public override string Message => "A CIN Plan has been reported as open at the same time as another CIN Plan for the same child";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Episodes.SelectMany(e => e.CINPlanDates).Count(p => p.CINPlanEndDate is null) > 1) yield return Fail(c, "CINPlanEndDate", CinFix.Referral(c));
    }
}

public sealed class Rule4010 : CinRule
{
    public override string Code => "4010";
    public override string Message => "The child has two or more CIN Plans whose dates overlap";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var plans = c.Episodes.SelectMany(e => e.CINPlanDates).ToList();
        if (CinDates.Pairs(plans).Any(x => CinDates.Overlap(x.A.CINPlanStartDate, x.A.CINPlanEndDate, x.B.CINPlanStartDate, x.B.CINPlanEndDate)))
            yield return Fail(c, "CINPlanStartDate", CinFix.Referral(c));
    }
}

public sealed class Rule4001 : CinRule
{
    public override string Code => "4001";
    public override string Message => "A CIN Plan cannot run concurrently with a Child Protection Plan";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var cpps = c.Episodes.SelectMany(e => e.ChildProtectionPlans).ToList();
        foreach (var p in c.Episodes.SelectMany(e => e.CINPlanDates))
            if (cpps.Any(x => CinDates.Overlap(p.CINPlanStartDate, p.CINPlanEndDate, x.CPPstartDate, x.CPPendDate)))
                yield return Fail(c, "CINPlanStartDate", CinFix.CinPlan(c, p));
    }
}
