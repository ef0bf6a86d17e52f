using Haven.Core.Assessments;
using Haven.Core.Codes;

namespace Haven.Core.Returns.Cin.Rules;

/// A CIN census validation rule (statutory-returns.md §2.3): its DfE code, the DfE's message, and
/// a check over one child (most rules) or the whole return. Codes ending in Q are queries: shown
/// and counted separately, not errors.
public abstract class CinRule : IReturnRule<CinCensus>
{
    public abstract string Code { get; }
    public abstract string Message { get; }
    public bool IsQuery => Code.EndsWith('Q');

    /// Whether the rule judges each child on its own (CheckChild) rather than the whole return (a rule
    /// that overrides Check, e.g. one comparing children with each other). CinRules runs every rule of the
    /// first kind over one child before going on to the next child.
    internal bool ChecksEachChild { get; }

    protected CinRule() => ChecksEachChild = GetType().GetMethod(nameof(Check), [typeof(CinCensus)])!.DeclaringType == typeof(CinRule);

    /// This rule's failures for one child of a return covering the given year: what Check gives for that child.
    internal IEnumerable<ReturnFailure> CheckOne(CinChild child, ReturnPeriod year) => CheckChild(child, year);

    public virtual IEnumerable<ReturnFailure> Check(CinCensus data)
    {
        var year = data.Period;
        foreach (var child in data.Children)
            foreach (var failure in CheckChild(child, year))
                yield return failure;
    }

    protected virtual IEnumerable<ReturnFailure> CheckChild(CinChild child, ReturnPeriod year) => [];

    protected ReturnFailure Fail(CinChild child, string field, string? fixPath) =>
        new(StatutoryReturn.CinCensus, Code, child.ChildId, child.LAchildID, field, Message, fixPath);
}

/// Where in the child's record each fact is put right.
public static class CinFix
{
    public static string? Details(CinChild c) => c.ChildId is { } id ? $"/children/{id}/details" : null;
    public static string? Referral(CinChild c) => c.ChildId is { } id ? $"/children/{id}/assessments" : null;
    public static string? Assessment(CinChild c, CinAssessment a) =>
        c.ChildId is not { } id ? null : a.Id is { } aid ? $"/children/{id}/assessments/{aid}" : $"/children/{id}/assessments";
    public static string? Section47(CinChild c, CinSection47 s) =>
        c.ChildId is not { } id ? null : s.Id is { } sid ? $"/children/{id}/child-protection/section-47/{sid}" : $"/children/{id}/child-protection";
    public static string? ProtectionPlan(CinChild c, CinChildProtectionPlan p) =>
        c.ChildId is not { } id ? null : p.Id is { } pid ? $"/children/{id}/child-protection/plans/{pid}" : $"/children/{id}/child-protection";
    public static string? ChildProtection(CinChild c) => c.ChildId is { } id ? $"/children/{id}/child-protection" : null;
    public static string? CinPlan(CinChild c, CinPlanDates p) =>
        c.ChildId is not { } id ? null : p.PlanId is { } pid ? $"/children/{id}/plans/{pid}" : $"/children/{id}/plans";
}

/// The CIN census code lists the rules check against (one mapping each, in src/Haven.Core/Codes).
public static class CinCodes
{
    public static readonly CodeList PrimaryNeed = CodeList.Load("cin_primary_need");
    public static readonly CodeList ReasonForClosure = CodeList.Load("cin_reason_for_closure");
    public static readonly CodeList Sex = CodeList.Load("cin_sex");
    public static CodeList Ethnicity => CodeLists.Ethnicity;
    public static CodeList Disability => CodeLists.Disability;
    public static CodeList ReferralSource => CodeLists.ReferralSource;
    public static CodeList AssessmentFactors => HelpAndProtectionCodes.AssessmentFactors;
    public static CodeList CategoryOfAbuse => HelpAndProtectionCodes.CategoryOfAbuse;
}

/// Small date helpers the rules share.
internal static class CinDates
{
    public static bool In(this DateOnly d, ReturnPeriod p) => d >= p.Start && d <= p.End;

    /// Two periods (end null = still open) share at least one day... or, with sameDayIsOverlap false, more than a boundary day.
    public static bool Overlap(DateOnly s1, DateOnly? e1, DateOnly s2, DateOnly? e2) =>
        s1 < (e2 ?? DateOnly.MaxValue) && s2 < (e1 ?? DateOnly.MaxValue);

    public static IEnumerable<(T A, T B)> Pairs<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
                yield return (items[i], items[j]);
    }
}
