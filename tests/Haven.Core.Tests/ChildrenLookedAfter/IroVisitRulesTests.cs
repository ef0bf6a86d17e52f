using Haven.Core.ChildrenLookedAfter;

namespace Haven.Core.Tests.ChildrenLookedAfter;

/// The rules on an IRO visit between reviews, against hand-worked dates: in care from 1 March 2025
/// to 30 September 2025, and again from 1 January 2026; today is 31 March 2026.
public class IroVisitRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static readonly IReadOnlyList<(DateOnly, DateOnly?)> Periods = [(new(2025, 3, 1), new DateOnly(2025, 9, 30)), (new(2026, 1, 1), null)];

    private static RecordIroVisitOptions Visit(DateOnly date, string purpose = "Before the review", string? notes = null) =>
        new(1, date, 7, SeenAlone: true, purpose, notes, null);

    [Theory]
    [InlineData(2025, 3, 1)]   // the day the child came into care
    [InlineData(2025, 9, 30)]  // the day the first period ended
    [InlineData(2026, 3, 31)]  // today
    public void ValidateIroVisit_OnADayInCare_HasNoErrors(int y, int m, int d) =>
        Assert.Empty(LookedAfterService.ValidateIroVisit(Visit(new DateOnly(y, m, d)), Today, Periods));

    [Fact]
    public void ValidateIroVisit_Tomorrow_IsRefused() =>
        Assert.Equal("Date of the visit must be today or in the past", LookedAfterService.ValidateIroVisit(Visit(Today.AddDays(1)), Today, Periods)["VisitDate"]);

    [Fact]
    public void ValidateIroVisit_TheDayBeforeComingIntoCare_NamesTheDate() =>
        Assert.Equal("Date of the visit must be on or after the child came into care on 1 March 2025",
            LookedAfterService.ValidateIroVisit(Visit(new DateOnly(2025, 2, 28)), Today, Periods)["VisitDate"]);

    [Fact]
    public void ValidateIroVisit_BetweenTwoPeriodsOfCare_IsRefused() =>
        Assert.Equal("The child was not looked after on that date", LookedAfterService.ValidateIroVisit(Visit(new DateOnly(2025, 10, 1)), Today, Periods)["VisitDate"]);

    [Fact]
    public void ValidateIroVisit_ChildNeverInCare_IsRefused() =>
        Assert.True(LookedAfterService.ValidateIroVisit(Visit(new DateOnly(2026, 3, 1)), Today, []).ContainsKey("VisitDate"));

    [Fact]
    public void ValidateIroVisit_BlankOrLongPurposeAndLongNotes_AreRefused()
    {
        Assert.Equal("Enter why the IRO saw the child", LookedAfterService.ValidateIroVisit(Visit(Today, "   "), Today, Periods)["Purpose"]);
        Assert.Equal("Purpose must be 500 characters or fewer", LookedAfterService.ValidateIroVisit(Visit(Today, new string('p', 501)), Today, Periods)["Purpose"]);
        Assert.Empty(LookedAfterService.ValidateIroVisit(Visit(Today, new string('p', 500), new string('n', 8000)), Today, Periods));
        Assert.True(LookedAfterService.ValidateIroVisit(Visit(Today, notes: new string('n', 8001)), Today, Periods).ContainsKey("Notes"));
    }
}
