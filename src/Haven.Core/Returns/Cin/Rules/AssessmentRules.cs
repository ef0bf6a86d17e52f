using Haven.Core.Assessments;
using Haven.Core.Calendar;

namespace Haven.Core.Returns.Cin.Rules;

/// A rule about each assessment of each episode.
public abstract class AssessmentRule : CinRule
{
    protected abstract bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year);
    protected virtual string Field => "AssessmentActualStartDate";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            foreach (var a in e.Assessments)
                if (Fails(a, e, year)) yield return Fail(c, Field, CinFix.Assessment(c, a));
    }
}

public sealed class Rule8608 : AssessmentRule
{
    public override string Code => "8608";
    public override string Message => "Assessment Start Date cannot be later than its Authorisation Date";
    protected override string Field => "AssessmentAuthorisationDate";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.AssessmentAuthorisationDate < a.AssessmentActualStartDate;
}

public sealed class Rule8696 : AssessmentRule
{
    public override string Code => "8696";
    public override string Message => "Assessment Authorisation Date must fall within the census year";
    protected override string Field => "AssessmentAuthorisationDate";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.AssessmentAuthorisationDate is { } d && !d.In(year);
}

public sealed class Rule8736 : AssessmentRule
{
    public override string Code => "8736";
    public override string Message => "For an assessment that has not been completed, the start date must fall within the census year";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.AssessmentAuthorisationDate is null && !a.AssessmentActualStartDate.In(year);
}

public sealed class Rule8896 : CinRule
{
    public override string Code => "8896";
    public override string Message => "The child has more than one assessment that has not been completed";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        if (c.Episodes.SelectMany(e => e.Assessments).Count(a => a.AssessmentAuthorisationDate is null) > 1)
            yield return Fail(c, "AssessmentAuthorisationDate", CinFix.Referral(c));
    }
}

public sealed class Rule8614 : AssessmentRule
{
    public override string Code => "8614";
    public override string Message => "Factors identified at the end of assessment can only be given for a completed (authorised) assessment";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.AssessmentAuthorisationDate is null && a.Factors.Count > 0;
}

public sealed class Rule8897Q : AssessmentRule
{
    public override string Code => "8897Q";
    public override string Message => "Please check: a completed assessment should have the factors identified at the end of assessment";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.AssessmentAuthorisationDate is not null && a.Factors.Count == 0;
}

public sealed class Rule8869 : AssessmentRule
{
    public override string Code => "8869";
    public override string Message => "If 'No factors identified' (21) is recorded at the end of assessment, no other factor may be recorded";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.Factors.Count > 1 && a.Factors.Contains(HelpAndProtectionCodes.NoFactors);
}

public sealed class Rule8898 : AssessmentRule
{
    public override string Code => "8898";
    public override string Message => "The factors identified at the end of assessment must be valid codes, each given only once";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) =>
        a.Factors.Distinct(StringComparer.OrdinalIgnoreCase).Count() != a.Factors.Count
        || a.Factors.Any(f => !CinCodes.AssessmentFactors.Contains(f) && f is not ("18A" or "19A"));
}

public sealed class Rule8945Q : AssessmentRule
{
    public override string Code => "8945Q";
    public override string Message => "Please check: factor 18A (physical abuse) has been replaced by 18B and 18C";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.Factors.Contains("18A");
}

public sealed class Rule8950Q : AssessmentRule
{
    public override string Code => "8950Q";
    public override string Message => "Please check: factor 19A (sexual abuse) has been replaced by 19B and 19C";
    protected override string Field => "AssessmentFactors";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) => a.Factors.Contains("19A");
}

public sealed class Rule8670Q : AssessmentRule
{
    public override string Code => "8670Q";
    public override string Message => "Please check: the assessment has been open for more than 45 working days at the end of the census year";
    protected override string Field => "AssessmentAuthorisationDate";
    protected override bool Fails(CinAssessment a, CinEpisode e, ReturnPeriod year) =>
        a.AssessmentAuthorisationDate is null && a.AssessmentActualStartDate <= year.End
        && WorkingDayCalendar.EnglandAndWales.AddWorkingDays(a.AssessmentActualStartDate, 45) < year.End;
}
