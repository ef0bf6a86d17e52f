using Haven.Core.ChildInNeed;
using Haven.Core.Oversight;
using Haven.Core.Plans;

namespace Haven.Core.Tests.Plans;

/// Child in need review dates worked by hand on a calendar, the drift rule, and the diff between versions.
public sealed class PlanRulesTests
{
    private static readonly ChildInNeedSettings TwelveWeeks = new();

    [Theory]
    // Wed 7 Jan 2026 + 12 weeks = Wed 1 Apr 2026, a working day.
    [InlineData("2026-01-07", "2026-04-01")]
    // Fri 9 Jan 2026 + 12 weeks = Fri 3 Apr 2026, Good Friday: due the working day before, Thu 2 Apr.
    [InlineData("2026-01-09", "2026-04-02")]
    // Mon 12 Jan 2026 + 12 weeks = Mon 6 Apr 2026, Easter Monday: back over the weekend and Good Friday to Thu 2 Apr.
    [InlineData("2026-01-12", "2026-04-02")]
    // Mon 9 Feb 2026 + 12 weeks = Mon 4 May 2026, the early May bank holiday: Fri 1 May.
    [InlineData("2026-02-09", "2026-05-01")]
    // Mon 5 Oct 2026 + 12 weeks = Mon 28 Dec 2026, the Boxing Day substitute: back over the weekend and Christmas Day to Thu 24 Dec.
    [InlineData("2026-10-05", "2026-12-24")]
    public void NextReviewDue_TwelveWeeksOnOrBeforeAWorkingDay_MatchesHandWorkedDate(string from, string expected)
    {
        // Act
        var due = TwelveWeeks.NextReviewDue(DateOnly.Parse(from));

        // Assert
        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Fact]
    public void NextReviewDue_ConfiguredSixWeeks_UsesTheCouncilsFrequency()
    {
        // Arrange: Mon 23 Mar 2026 + 6 weeks = Mon 4 May 2026, a bank holiday.
        var sixWeeks = new ChildInNeedSettings(6);

        // Act
        var due = sixWeeks.NextReviewDue(new DateOnly(2026, 3, 23));

        // Assert
        Assert.Equal(new DateOnly(2026, 5, 1), due);
        Assert.Equal("6 weeks", sixWeeks.ReviewRule.Period.ToString());
    }

    private static PlanAction Action(DateOnly due, DateOnly lastProgress, bool done = false) =>
        new() { Key = Guid.NewGuid(), What = "Attend parenting course", Who = "Mum", DueDate = due, LastProgressOn = lastProgress, Done = done };

    [Theory]
    // Due 30 Jun; last progress 1 Apr; 4 weeks later is 29 Apr. On 29 Apr it is on track, on 30 Apr drifting.
    [InlineData("2026-04-29", PlanActionStatus.OnTrack)]
    [InlineData("2026-04-30", PlanActionStatus.Drifting)]
    // After its due date it is overdue, whatever the progress.
    [InlineData("2026-07-01", PlanActionStatus.Overdue)]
    public void StatusOf_NoProgressForFourWeeksOrPastDue_DriftsThenIsOverdue(string today, PlanActionStatus expected)
    {
        // Arrange
        var action = Action(new DateOnly(2026, 6, 30), new DateOnly(2026, 4, 1));

        // Act
        var status = PlanRules.StatusOf(action, DateOnly.Parse(today), new PlanSettings());

        // Assert
        Assert.Equal(expected, status);
    }

    [Fact]
    public void StatusOf_DoneAction_IsDoneEvenWhenPastDue()
    {
        var action = Action(new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 1), done: true);

        Assert.Equal(PlanActionStatus.Done, PlanRules.StatusOf(action, new DateOnly(2026, 6, 1), new PlanSettings()));
    }

    /// PlansDueWork selects the actions to look at by DriftingIfProgressBefore in its query: it must
    /// pick out exactly the unfinished, not yet overdue actions StatusOf calls drifting, for any drift period.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    public void DriftingIfProgressBefore_SelectsExactlyTheActionsStatusOfCallsDrifting(int weeks)
    {
        var settings = new PlanSettings(weeks);
        var today = new DateOnly(2026, 3, 30);
        for (var daysAgo = 0; daysAgo <= 7 * weeks + 14; daysAgo++)
        {
            var action = new PlanAction { What = "Action", DueDate = today.AddDays(10), LastProgressOn = today.AddDays(-daysAgo) };
            var drifting = PlanRules.StatusOf(action, today, settings) == PlanActionStatus.Drifting;
            Assert.Equal(drifting, action.LastProgressOn < PlanRules.DriftingIfProgressBefore(today, settings));
        }
    }

    [Fact]
    public void StatusOf_ConfiguredTwoWeeks_DriftsSooner()
    {
        // Last progress 1 Apr + 2 weeks = 15 Apr: drifting from 16 Apr.
        var action = Action(new DateOnly(2026, 6, 30), new DateOnly(2026, 4, 1));

        Assert.Equal(PlanActionStatus.OnTrack, PlanRules.StatusOf(action, new DateOnly(2026, 4, 15), new PlanSettings(2)));
        Assert.Equal(PlanActionStatus.Drifting, PlanRules.StatusOf(action, new DateOnly(2026, 4, 16), new PlanSettings(2)));
        Assert.Equal(new DateOnly(2026, 4, 15), PlanRules.AttentionDue(action, new PlanSettings(2)));
    }

    [Fact]
    public void Between_TwoVersions_ListsOutcomesActionsAndContingencyChanges()
    {
        // Arrange
        var kept = Guid.NewGuid();
        var dropped = Guid.NewGuid();
        var older = new PlanVersion
        {
            Number = 1, Contingency = "Strategy discussion if Mum drinks again.", FamilyAndNetwork = "Gran collects from school.",
            Outcomes = [new() { Order = 1, Text = "Amara goes to school every day" }, new() { Order = 2, Text = "Mum stops drinking" }],
            Actions =
            [
                new() { Key = kept, Order = 1, What = "Attend parenting course", Who = "Mum", DueDate = new DateOnly(2026, 5, 1) },
                new() { Key = dropped, Order = 2, What = "Refer to CAMHS", Who = "Social worker", DueDate = new DateOnly(2026, 4, 1) },
            ],
        };
        var newer = new PlanVersion
        {
            Number = 2, Contingency = "Strategy discussion if Mum drinks again.", FamilyAndNetwork = "Gran collects from school on weekdays.",
            Outcomes = [new() { Order = 1, Text = "Amara goes to school every day" }, new() { Order = 2, Text = "Amara sleeps in her own bed" }],
            Actions =
            [
                new() { Key = kept, Order = 1, What = "Attend parenting course", Who = "Mum", DueDate = new DateOnly(2026, 5, 1), Done = true, DoneDate = new DateOnly(2026, 4, 20) },
                new() { Key = Guid.NewGuid(), Order = 2, What = "School nurse drop-in", Who = "School nurse", DueDate = new DateOnly(2026, 6, 1) },
            ],
        };

        // Act
        var changes = PlanDiff.Between(older, newer);

        // Assert
        Assert.Contains(changes, c => c is { Section: "Outcomes", Kind: PlanDiff.Removed, Before: "Mum stops drinking" });
        Assert.Contains(changes, c => c is { Section: "Outcomes", Kind: PlanDiff.Added, After: "Amara sleeps in her own bed" });
        Assert.Contains(changes, c => c.Section == "Actions" && c.Kind == PlanDiff.Removed && c.Before!.StartsWith("Refer to CAMHS"));
        Assert.Contains(changes, c => c.Section == "Actions" && c.Kind == PlanDiff.Added && c.After!.StartsWith("School nurse drop-in"));
        Assert.Contains(changes, c => c.Section == "Actions" && c.Kind == PlanDiff.Changed && c.After!.Contains("(done 20 April 2026)"));
        Assert.Contains(changes, c => c is { Section: "The family's and network's part", Kind: PlanDiff.Changed, After: "Gran collects from school on weekdays." });
        Assert.DoesNotContain(changes, c => c.Section == "Contingency plan");
        Assert.Equal(6, changes.Count);
    }

    [Fact]
    public void Between_SameContent_HasNoChanges()
    {
        var key = Guid.NewGuid();
        PlanVersion V(int n) => new()
        {
            Number = n, Contingency = "C", Outcomes = [new() { Order = 1, Text = "O" }],
            Actions = [new() { Key = key, What = "W", Who = "X", DueDate = new DateOnly(2026, 1, 1) }],
        };

        Assert.Empty(PlanDiff.Between(V(1), V(2)));
    }

    [Theory]
    // Interval 30 days: last oversight 1 Mar 2026 is in time until 31 Mar, flagged from 1 Apr; none at all is flagged.
    [InlineData("2026-03-01", "2026-03-31", false)]
    [InlineData("2026-03-01", "2026-04-01", true)]
    [InlineData(null, "2026-04-01", true)]
    public void IsOverdue_NoOversightWithinThirtyDays_IsFlagged(string? last, string today, bool expected)
    {
        var settings = new OversightSettings();

        Assert.Equal(expected, settings.IsOverdue(last is null ? null : DateOnly.Parse(last), DateOnly.Parse(today)));
    }
}
