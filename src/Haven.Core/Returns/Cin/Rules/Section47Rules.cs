using Haven.Core.Calendar;

namespace Haven.Core.Returns.Cin.Rules;

/// A rule about each section 47 enquiry of each episode.
public abstract class Section47Rule : CinRule
{
    protected abstract bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year);
    protected virtual string Field => "S47ActualStartDate";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            foreach (var s in e.Section47s)
                if (Fails(s, e, year)) yield return Fail(c, Field, CinFix.Section47(c, s));
    }

    internal static bool IsOpen(CinSection47 s) => s.DateOfInitialCPC is null && !s.ICPCnotRequired;
}

public sealed class Rule8615 : Section47Rule
{
    public override string Code => "8615";
    public override string Message => "Section 47 Enquiry Start Date must be present and cannot be later than the date of the Initial Child Protection Conference";
    protected override string Field => "DateOfInitialCPC";
    protected override bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year) => s.S47ActualStartDate == default || s.DateOfInitialCPC < s.S47ActualStartDate;
}

public sealed class Rule8740 : Section47Rule
{
    public override string Code => "8740";
    public override string Message => "For a Section 47 Enquiry that has not resulted in an Initial Child Protection Conference, the start date must fall within the census year";
    protected override bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year) => IsOpen(s) && !s.S47ActualStartDate.In(year);
}

public sealed class Rule8875 : Section47Rule
{
    public override string Code => "8875";
    public override string Message => "Where a Section 47 Enquiry has an Initial Child Protection Conference date, ICPC not required must be 0 (false)";
    protected override string Field => "ICPCnotRequired";
    protected override bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year) => s.ICPCnotRequired && s.DateOfInitialCPC is not null;
}

public sealed class Rule8870Q : Section47Rule
{
    public override string Code => "8870Q";
    public override string Message => "Please check: the Initial Child Protection Conference is recorded on a Saturday or Sunday";
    protected override string Field => "DateOfInitialCPC";
    protected override bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year) => s.DateOfInitialCPC?.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

public sealed class Rule8675Q : Section47Rule
{
    public override string Code => "8675Q";
    public override string Message => "Please check: the Section 47 Enquiry has been open for more than 15 working days at the end of the census year without an Initial Child Protection Conference";
    protected override string Field => "DateOfInitialCPC";
    protected override bool Fails(CinSection47 s, CinEpisode e, ReturnPeriod year) =>
        IsOpen(s) && WorkingDayCalendar.EnglandAndWales.AddWorkingDays(s.S47ActualStartDate, 15) < year.End;
}

public sealed class Rule8839 : CinRule
{
    public override string Code => "8839";
    public override string Message => "Within one CIN episode there should not be more than one Section 47 Enquiry without an Initial Child Protection Conference or 'ICPC not required'";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.Section47s.Count(Section47Rule.IsOpen) > 1) yield return Fail(c, "DateOfInitialCPC", CinFix.ChildProtection(c));
    }
}

public sealed class Rule2884 : CinRule
{
    public override string Code => "2884";
    public override string Message => "An Initial Child Protection Conference is recorded at both the S47 and CIN details level; it should only be recorded once";

    protected override IEnumerable<ReturnFailure> CheckChild(CinChild c, ReturnPeriod year)
    {
        foreach (var e in c.Episodes)
            if (e.DateOfInitialCPC is { } d && e.Section47s.Any(s => s.DateOfInitialCPC == d)) yield return Fail(c, "DateOfInitialCPC", CinFix.ChildProtection(c));
    }
}
