namespace Haven.Core.Returns.Cin.Rules;

/// A rule about each child protection plan of each episode.
public abstract class ProtectionPlanRule : CinRule
{
    protected abstract bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year);
    protected virtual string Field => "CPPstartDate";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            foreach (var p in e.ChildProtectionPlans)
                if (Fails(p, e, year)) yield return Fail(c, Field, CinFix.ProtectionPlan(c, p));
    }
}

public sealed class Rule2883 : ProtectionPlanRule
{
    public override string Code => "2883";
    public override string Message => "A child protection plan starting in the year must have an Initial Child Protection Conference on the same day";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) =>
        p.CPPstartDate.In(year) && e.DateOfInitialCPC != p.CPPstartDate && e.Section47s.All(s => s.DateOfInitialCPC != p.CPPstartDate);
}

public sealed class Rule8720 : ProtectionPlanRule
{
    public override string Code => "8720";
    public override string Message => "Child Protection Plan Start Date must be present and on or before the end of the census year";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => p.CPPstartDate == default || p.CPPstartDate > year.End;
}

public sealed class Rule8925 : ProtectionPlanRule
{
    public override string Code => "8925";
    public override string Message => "Child Protection Plan End Date must be on or after the Child Protection Plan Start Date";
    protected override string Field => "CPPendDate";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => p.CPPendDate < p.CPPstartDate;
}

public sealed class Rule8930 : ProtectionPlanRule
{
    public override string Code => "8930";
    public override string Message => "Child Protection Plan End Date must fall within the census year";
    protected override string Field => "CPPendDate";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => p.CPPendDate is { } d && !d.In(year);
}

public sealed class Rule8905 : ProtectionPlanRule
{
    public override string Code => "8905";
    public override string Message => "Initial category of abuse code missing or not valid";
    protected override string Field => "InitialCategoryOfAbuse";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => !CinCodes.CategoryOfAbuse.Contains(p.InitialCategoryOfAbuse);
}

public sealed class Rule8910 : ProtectionPlanRule
{
    public override string Code => "8910";
    public override string Message => "Latest category of abuse code missing or not valid";
    protected override string Field => "LatestCategoryOfAbuse";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => !CinCodes.CategoryOfAbuse.Contains(p.LatestCategoryOfAbuse);
}

public sealed class Rule8730 : ProtectionPlanRule
{
    public override string Code => "8730";
    public override string Message => "Number of previous child protection plans is missing";
    protected override string Field => "NumberOfPreviousCPP";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) => p.NumberOfPreviousCPP is null;
}

public sealed class Rule8841 : ProtectionPlanRule
{
    public override string Code => "8841";
    public override string Message => "The review date cannot be on or before the Child Protection Plan start date, or after its end date";
    protected override string Field => "CPPreviewDate";
    protected override bool Fails(CinChildProtectionPlan p, CinEpisode e, ReturnPeriod year) =>
        p.Reviews.Any(r => r <= p.CPPstartDate || (p.CPPendDate is { } end && r > end));
}

public sealed class Rule8935 : CinRule
{
    public override string Code => "8935";
    public override string Message => "This child is showing more than one open Child Protection Plan, i.e. with no End Date";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Episodes.SelectMany(e => e.ChildProtectionPlans).Count(p => p.CPPendDate is null) > 1) yield return Fail(c, "CPPendDate", CinFix.ChildProtection(c));
    }
}

public sealed class Rule8940 : CinRule
{
    public override string Code => "8940";
    public override string Message => "The child has two or more Child Protection Plans whose dates overlap";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var plans = c.Episodes.SelectMany(e => e.ChildProtectionPlans).ToList();
        if (CinDates.Pairs(plans).Any(x => x.A.CPPstartDate != x.B.CPPstartDate && CinDates.Overlap(x.A.CPPstartDate, x.A.CPPendDate, x.B.CPPstartDate, x.B.CPPendDate)))
            yield return Fail(c, "CPPstartDate", CinFix.ChildProtection(c));
    }
}

public sealed class Rule8840 : CinRule
{
    public override string Code => "8840";
    public override string Message => "The child has two or more Child Protection Plans starting on the same day";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var plans = c.Episodes.SelectMany(e => e.ChildProtectionPlans).ToList();
        if (plans.GroupBy(p => p.CPPstartDate).Any(g => g.Count() > 1)) yield return Fail(c, "CPPstartDate", CinFix.ChildProtection(c));
    }
}

public sealed class Rule4003 : CinRule
{
    public override string Code => "4003";
    public override string Message => "A child protection review should not be held while a CIN plan is open";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var cinPlans = c.Episodes.SelectMany(e => e.CINPlanDates).ToList();
        foreach (var p in c.Episodes.SelectMany(e => e.ChildProtectionPlans))
            if (p.Reviews.Any(r => cinPlans.Any(x => x.CINPlanStartDate < r && (x.CINPlanEndDate is null || x.CINPlanEndDate > r))))
                yield return Fail(c, "CPPreviewDate", CinFix.ProtectionPlan(c, p));
    }
}
