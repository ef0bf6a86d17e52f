namespace Haven.Core.Returns.Cin.Rules;

public sealed class Rule8915 : CinRule
{
    public override string Code => "8915";
    public override string Message => "The referral date cannot be after the child's date of death";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.PersonDeathDate is not { } died) yield break;
        foreach (var e in c.Episodes)
            if (e.CINreferralDate > died) yield return Fail(c, "CINreferralDate", CinFix.Referral(c));
    }
}

public sealed class Rule8920 : CinRule
{
    public override string Code => "8920";
    public override string Message => "An assessment, Section 47 enquiry or child protection plan cannot start after the child's date of death";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.PersonDeathDate is not { } died) yield break;
        foreach (var e in c.Episodes)
            if (e.Assessments.Any(a => a.AssessmentActualStartDate > died) || e.Section47s.Any(s => s.S47ActualStartDate > died)
                || e.ChildProtectionPlans.Any(p => p.CPPstartDate > died))
                yield return Fail(c, "PersonDeathDate", CinFix.Details(c));
    }
}

public sealed class Rule4008 : CinRule
{
    public override string Code => "4008";
    public override string Message => "A CIN Plan cannot start after the child's date of death";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.PersonDeathDate is not { } died) yield break;
        foreach (var p in c.Episodes.SelectMany(e => e.CINPlanDates))
            if (p.CINPlanStartDate > died) yield return Fail(c, "CINPlanStartDate", CinFix.CinPlan(c, p));
    }
}
