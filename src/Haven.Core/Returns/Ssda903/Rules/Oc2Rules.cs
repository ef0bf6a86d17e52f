using static Haven.Core.Returns.Ssda903.Rules.Ssda903FixPaths;

namespace Haven.Core.Returns.Ssda903.Rules;

// OC2 (statutory-returns.md §1.4 item 22) beyond 185, 188, 190, 542 and 545 (OtherRules.cs). The
// reference groups the numbers (186/188/189 SDQ ages, 542/543 convictions, 545/546 health checks,
// 191 with 185/190, 192/193/158/159 substance misuse) without the wording of each; Haven pairs them
// with the checks by the DfE's messages, as for MOTHER (docs/ssda903.md): to be confirmed against the
// published rules. Every fact is put right on the child's Health page.

/// 186: a child in the OC2 cohort aged 4 or over on 1 April and under 17 on 31 March has an SDQ score or a reason for none.
public sealed class Rule186 : Ssda903Rule
{
    public override string Code => "186";
    public override string Message => "Children aged 4 or over at the start of the year and under 17 at the end of the year who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score or a reason for no score.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.Start) >= 4 && AgeOn(d, o.Child, d.Period.End) < 17 && o.SdqScore is null && o.SdqReason is null)
            .Select(o => Fail(o.Child, "SDQ_SCORE", HealthPage));
}

/// 189: a child aged 17 or over on 1 April has no SDQ score (SDQs are for ages 4 to 16).
public sealed class Rule189 : Ssda903Rule
{
    public override string Code => "189";
    public override string Message => "Child is aged 17 years or over at the beginning of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.Start) >= 17 && (o.SdqScore is not null || o.SdqReason is not null))
            .Select(o => Fail(o.Child, "SDQ_SCORE", HealthPage));
}

/// 191: the OC2 items every child in the cohort has (IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE) are not blank.
public sealed class Rule191 : Ssda903Rule
{
    public override string Code => "191";
    public override string Message => "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => o.Immunisations is null || o.TeethCheck is null || o.HealthAssessment is null || o.SubstanceMisuse is null)
            .Select(o => Fail(o.Child, o.Immunisations is null ? "IMMUNISATIONS" : o.TeethCheck is null ? "TEETH_CHECK"
                : o.HealthAssessment is null ? "HEALTH_ASSESSMENT" : "SUBSTANCE_MISUSE", HealthPage));
}

/// 543: CONVICTED is given for every child in OC2 aged 10 or over at 31 March.
public sealed class Rule543 : Ssda903Rule
{
    public override string Code => "543";
    public override string Message => "Child aged 10 or over at 31 March and has been looked after continuously for at least 12 months at 31 March but conviction information is not completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.End) >= 10 && o.Convicted is null).Select(o => Fail(o.Child, "CONVICTED", HealthPage));
}

/// 546: HEALTH_CHECK is given for every child in OC2 under 5 at 31 March.
public sealed class Rule546 : Ssda903Rule
{
    public override string Code => "546";
    public override string Message => "Children aged under 5 at 31 March who have been looked after continuously for at least 12 months at 31 March should have health surveillance check information completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => AgeOn(d, o.Child, d.Period.End) < 5 && o.HealthCheck is null).Select(o => Fail(o.Child, "HEALTH_CHECK", HealthPage));
}

/// 192: a substance misuse problem (SUBSTANCE_MISUSE 1) says whether an intervention was received.
public sealed class Rule192 : Ssda903Rule
{
    public override string Code => "192";
    public override string Message => "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => o.SubstanceMisuse == true && o.InterventionReceived is null).Select(o => Fail(o.Child, "INTERVENTION_RECEIVED", HealthPage));
}

/// 193: without a substance misuse problem, INTERVENTION_RECEIVED and INTERVENTION_OFFERED are blank.
public sealed class Rule193 : Ssda903Rule
{
    public override string Code => "193";
    public override string Message => "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention was offered and received has been completed.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => o.SubstanceMisuse != true && (o.InterventionReceived is not null || o.InterventionOffered is not null))
            .Select(o => Fail(o.Child, o.InterventionReceived is not null ? "INTERVENTION_RECEIVED" : "INTERVENTION_OFFERED", HealthPage));
}

/// 158: an intervention received (INTERVENTION_RECEIVED 1) leaves INTERVENTION_OFFERED blank.
public sealed class Rule158 : Ssda903Rule
{
    public override string Code => "158";
    public override string Message => "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => o.InterventionReceived == true && o.InterventionOffered is not null).Select(o => Fail(o.Child, "INTERVENTION_OFFERED", HealthPage));
}

/// 159: no intervention received (INTERVENTION_RECEIVED 0) says whether one was offered and refused.
public sealed class Rule159 : Ssda903Rule
{
    public override string Code => "159";
    public override string Message => "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.";
    public override IEnumerable<ReturnFailure> Check(Ssda903Data d) =>
        d.Oc2.Where(o => o.InterventionReceived == false && o.InterventionOffered is null).Select(o => Fail(o.Child, "INTERVENTION_OFFERED", HealthPage));
}
