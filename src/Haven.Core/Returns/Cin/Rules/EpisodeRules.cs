namespace Haven.Core.Returns.Cin.Rules;

public sealed class Rule8600 : CinRule
{
    public override string Code => "8600";
    public override string Message => "Referral date is missing or after the end of the census year";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.CINreferralDate is not { } d || d > year.End) yield return Fail(c, "CINreferralDate", CinFix.Referral(c));
    }
}

public sealed class Rule8606 : CinRule
{
    public override string Code => "8606";
    public override string Message => "Child referral date is more than 40 weeks before DOB or expected DOB";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if ((c.PersonBirthDate ?? c.ExpectedPersonBirthDate) is not { } birth) yield break;
        foreach (var e in c.Episodes)
            if (e.CINreferralDate is { } d && d < birth.AddDays(-7 * 40)) yield return Fail(c, "CINreferralDate", CinFix.Referral(c));
    }
}

public sealed class Rule8866 : CinRule
{
    public override string Code => "8866";
    public override string Message => "Source of Referral is missing or an invalid code";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (!CinCodes.ReferralSource.Contains(e.ReferralSource)) yield return Fail(c, "ReferralSource", CinFix.Referral(c));
    }
}

public sealed class Rule8610 : CinRule
{
    public override string Code => "8610";
    public override string Message => "Primary Need code is missing for a referral which led to further action";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (!e.IsNfa && string.IsNullOrWhiteSpace(e.PrimaryNeedCode)) yield return Fail(c, "PrimaryNeedCode", CinFix.Referral(c));
    }
}

public sealed class Rule8650 : CinRule
{
    public override string Code => "8650";
    public override string Message => "Primary Need Code invalid (see Primary Need table)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (!string.IsNullOrWhiteSpace(e.PrimaryNeedCode) && !CinCodes.PrimaryNeed.Contains(e.PrimaryNeedCode)) yield return Fail(c, "PrimaryNeedCode", CinFix.Referral(c));
    }
}

public sealed class Rule8620 : CinRule
{
    public override string Code => "8620";
    public override string Message => "CIN Closure Date present and does not fall within the Census year";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.CINclosureDate is { } d && !d.In(year)) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
    }
}

public sealed class Rule8630 : CinRule
{
    public override string Code => "8630";
    public override string Message => "Check that the CIN Closure Date is on or after the CIN Referral Date";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.CINclosureDate is { } d && e.CINreferralDate is { } r && d < r) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
    }
}

public sealed class Rule8805 : CinRule
{
    public override string Code => "8805";
    public override string Message => "A CIN case cannot have a CIN Closure Date without a Reason for Closure";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.CINclosureDate is not null && string.IsNullOrWhiteSpace(e.ReasonForClosure)) yield return Fail(c, "ReasonForClosure", CinFix.Referral(c));
    }
}

public sealed class Rule8810 : CinRule
{
    public override string Code => "8810";
    public override string Message => "A CIN case cannot have a Reason for Closure without a CIN Closure Date";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.CINclosureDate is null && !string.IsNullOrWhiteSpace(e.ReasonForClosure)) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
    }
}

public sealed class Rule8640 : CinRule
{
    public override string Code => "8640";
    public override string Message => "CIN Reason for closure code invalid (see Reason for Closure table)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (!string.IsNullOrWhiteSpace(e.ReasonForClosure) && !CinCodes.ReasonForClosure.Contains(e.ReasonForClosure)) yield return Fail(c, "ReasonForClosure", CinFix.Referral(c));
    }
}

public sealed class Rule8815 : CinRule
{
    public override string Code => "8815";
    public override string Message => "More than one CIN Details episode has been provided without a CIN Closure Date (other than NFA referrals)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Episodes.Count(e => e.CINclosureDate is null && !e.IsNfa) > 1) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
    }
}

public sealed class Rule8816 : CinRule
{
    public override string Code => "8816";
    public override string Message => "An open CIN episode is shown and it is not the latest episode";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var open = c.Episodes.Where(e => e.CINclosureDate is null && !e.IsNfa && e.CINreferralDate is not null).ToList();
        if (open.Count != 1) yield break;
        if (c.Episodes.Any(e => e != open[0] && e.CINreferralDate > open[0].CINreferralDate)) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
    }
}

public sealed class Rule8820 : CinRule
{
    public override string Code => "8820";
    public override string Message => "The dates on the CIN episodes for this child overlap";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        var dated = c.Episodes.Where(e => e.CINreferralDate is not null && !e.IsNfa).ToList();
        if (CinDates.Pairs(dated).Any(p => CinDates.Overlap(p.A.CINreferralDate!.Value, p.A.CINclosureDate, p.B.CINreferralDate!.Value, p.B.CINclosureDate)))
            yield return Fail(c, "CINreferralDate", CinFix.Referral(c));
    }
}

public sealed class Rule8568 : CinRule
{
    public override string Code => "8568";
    public override string Message => "ReferralNFA is missing or not a valid value (0 or 1)";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.ReferralNFA is not ("0" or "1" or "true" or "false")) yield return Fail(c, "ReferralNFA", CinFix.Referral(c));
    }
}

public sealed class Rule8831 : CinRule
{
    public override string Code => "8831";
    public override string Message => "A referral that led to no further action cannot have an assessment, CIN plan, Section 47 enquiry or child protection plan";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.IsNfa && (e.Assessments.Count + e.CINPlanDates.Count + e.Section47s.Count + e.ChildProtectionPlans.Count) > 0)
                yield return Fail(c, "ReferralNFA", CinFix.Referral(c));
    }
}

public sealed class Rule8565 : CinRule
{
    public override string Code => "8565";
    public override string Message => "Activity is recorded against a case that was closed before the start of the activity";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
        {
            if (e.CINclosureDate is not { } closed) continue;
            var starts = e.Assessments.Select(a => a.AssessmentActualStartDate)
                .Concat(e.CINPlanDates.Select(p => p.CINPlanStartDate))
                .Concat(e.Section47s.Select(s => s.S47ActualStartDate))
                .Concat(e.ChildProtectionPlans.Select(p => p.CPPstartDate));
            if (starts.Any(s => s > closed)) yield return Fail(c, "CINclosureDate", CinFix.Referral(c));
        }
    }
}

public sealed class Rule8867 : CinRule
{
    public override string Code => "8867";
    public override string Message => "A closed CIN episode has an assessment that has not been completed";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes.Where(e => e.CINclosureDate is not null))
            foreach (var a in e.Assessments.Where(a => a.AssessmentAuthorisationDate is null))
                yield return Fail(c, "AssessmentAuthorisationDate", CinFix.Assessment(c, a));
    }
}

public sealed class Rule8868 : CinRule
{
    public override string Code => "8868";
    public override string Message => "A closed CIN episode has a Section 47 enquiry with neither an initial conference date nor 'ICPC not required'";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes.Where(e => e.CINclosureDate is not null))
            foreach (var s in e.Section47s.Where(s => s.DateOfInitialCPC is null && !s.ICPCnotRequired))
                yield return Fail(c, "DateOfInitialCPC", CinFix.Section47(c, s));
    }
}

public sealed class Rule2990 : CinRule
{
    public override string Code => "2990";
    public override string Message => "A case closed with reason RC8 or RC9 (after assessment) cannot have a CIN plan, Section 47 enquiry or child protection plan";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.ReasonForClosure is "RC8" or "RC9" && (e.CINPlanDates.Count + e.Section47s.Count + e.ChildProtectionPlans.Count) > 0)
                yield return Fail(c, "ReasonForClosure", CinFix.Referral(c));
    }
}

public sealed class Rule8825Q : CinRule
{
    public override string Code => "8825Q";
    public override string Message => "Please check: a case closed with reason RC8 or RC9 (after assessment) should have an assessment";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.ReasonForClosure is "RC8" or "RC9" && e.Assessments.Count == 0) yield return Fail(c, "ReasonForClosure", CinFix.Referral(c));
    }
}

/// 1103, 1104, 1105, 2889, 4015: nothing in an episode starts before its referral.
public abstract class StartsAfterReferralRule : CinRule
{
    protected abstract IEnumerable<(DateOnly Start, string Field, string? Fix)> Starts(CinChild c, CinEpisode e);

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
        {
            if (e.CINreferralDate is not { } referral) continue;
            foreach (var (start, field, fix) in Starts(c, e))
                if (start < referral) yield return Fail(c, field, fix);
        }
    }
}

public sealed class Rule1103 : StartsAfterReferralRule
{
    public override string Code => "1103";
    public override string Message => "The assessment start date cannot be before the referral date";
    protected override IEnumerable<(DateOnly, string, string?)> Starts(CinChild c, CinEpisode e) =>
        e.Assessments.Select(a => (a.AssessmentActualStartDate, "AssessmentActualStartDate", CinFix.Assessment(c, a)));
}

public sealed class Rule1104 : StartsAfterReferralRule
{
    public override string Code => "1104";
    public override string Message => "The date of the initial child protection conference cannot be before the referral date";
    protected override IEnumerable<(DateOnly, string, string?)> Starts(CinChild c, CinEpisode e) =>
        e.Section47s.Where(s => s.DateOfInitialCPC is not null).Select(s => (s.DateOfInitialCPC!.Value, "DateOfInitialCPC", CinFix.Section47(c, s)))
            .Concat(e.DateOfInitialCPC is { } d ? [(d, "DateOfInitialCPC", CinFix.ChildProtection(c))] : []);
}

public sealed class Rule1105 : StartsAfterReferralRule
{
    public override string Code => "1105";
    public override string Message => "The child protection plan start date cannot be before the referral date";
    protected override IEnumerable<(DateOnly, string, string?)> Starts(CinChild c, CinEpisode e) =>
        e.ChildProtectionPlans.Select(p => (p.CPPstartDate, "CPPstartDate", CinFix.ProtectionPlan(c, p)));
}

public sealed class Rule2889 : StartsAfterReferralRule
{
    public override string Code => "2889";
    public override string Message => "The S47 enquiry start date cannot be before the referral date";
    protected override IEnumerable<(DateOnly, string, string?)> Starts(CinChild c, CinEpisode e) =>
        e.Section47s.Select(s => (s.S47ActualStartDate, "S47ActualStartDate", CinFix.Section47(c, s)));
}

public sealed class Rule4015 : StartsAfterReferralRule
{
    public override string Code => "4015";
    public override string Message => "The CIN plan start date cannot be before the referral date";
    protected override IEnumerable<(DateOnly, string, string?)> Starts(CinChild c, CinEpisode e) =>
        e.CINPlanDates.Select(p => (p.CINPlanStartDate, "CINPlanStartDate", CinFix.CinPlan(c, p)));
}
