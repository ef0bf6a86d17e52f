using Haven.Core.Lado;

namespace Haven.Core.Tests.Lado;

/// The LADO's initial consideration is due within 1 working day of receipt (timescales.md row 79),
/// worked by hand against the England and Wales bank holidays.
public class LadoTimescaleTests
{
    private static LadoCase Received(DateOnly on) => new() { Role = "r", EmployerName = "e", ReferrerName = "x", Allegation = "a", ReceivedOn = on };

    [Theory]
    [InlineData("2026-11-24", "2026-11-25")] // Tuesday -> Wednesday
    [InlineData("2026-11-27", "2026-11-30")] // Friday -> Monday
    [InlineData("2026-11-28", "2026-11-30")] // Saturday -> Monday (the first working day after)
    [InlineData("2026-12-24", "2026-12-29")] // Thursday before Christmas: Fri 25 and Mon 28 (Boxing Day substitute) are bank holidays
    [InlineData("2026-04-02", "2026-04-07")] // Thursday before Easter: Good Friday 3 April and Easter Monday 6 April
    [InlineData("2026-05-22", "2026-05-26")] // Friday before the spring bank holiday (Monday 25 May)
    [InlineData("2027-12-24", "2027-12-29")] // Friday 24 December 2027: Mon 27 and Tue 28 are substitute days
    public void InitialConsiderationDue_IsTheNextWorkingDay(string received, string due)
    {
        var c = Received(DateOnly.Parse(received));
        Assert.Equal(DateOnly.Parse(due), c.InitialConsiderationDue);
    }

    [Fact]
    public void ConsideredInTime_OnTheDueDateButNotTheDayAfter()
    {
        var c = Received(new DateOnly(2026, 12, 24));
        c.ConsideredOn = new DateOnly(2026, 12, 29);
        Assert.True(c.ConsideredInTime);
        c.ConsideredOn = new DateOnly(2026, 12, 30);
        Assert.False(c.ConsideredInTime);
        c.ConsideredOn = null;
        Assert.Null(c.ConsideredInTime);
    }

    [Fact]
    public void ClosedOn_NoFurtherActionClosesAtDecision_MeetingWaitsForOutcome()
    {
        var c = Received(new DateOnly(2026, 3, 2));
        c.ConsideredOn = new DateOnly(2026, 3, 3);
        c.Decision = LadoDecision.NoFurtherAction;
        Assert.Equal(new DateOnly(2026, 3, 3), c.ClosedOn);
        c.Decision = LadoDecision.AllegationManagementMeeting;
        Assert.Null(c.ClosedOn);
        c.OutcomeOn = new DateOnly(2026, 5, 1);
        Assert.Equal(new DateOnly(2026, 5, 1), c.ClosedOn);
    }

    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void ReportingYearOf_RunsAprilToMarch(string date, int year) =>
        Assert.Equal(year, LadoOversight.ReportingYearOf(DateOnly.Parse(date)));
}
