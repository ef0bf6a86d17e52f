using Haven.Core.ChildrenLookedAfter;

namespace Haven.Core.Tests.ChildrenLookedAfter;

/// Hand-worked SSDA903 histories. Placement keys: 1, 2, 3 are three foster placements with
/// different carers; 4 is a new placement with carer 2 (same carer, new placement: RNE T or U).
public class EpisodeRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly EpisodeLine Start = new(D(2024, 1, 3), null, "S", "V2", 1, 1, null);

    /// Section 20 on 3 Jan 2024; interim care order 14 Feb; move to new carers 1 May (carer asked,
    /// because of behaviour); full care order and a move on the same day, 10 Oct.
    private static IReadOnlyList<EpisodeLine> Worked()
    {
        IReadOnlyList<EpisodeLine> h = [Start];
        h = Ok(EpisodeRules.Apply(h, new EpisodeChange(D(2024, 2, 14), "C1", null, null)));
        h = Ok(EpisodeRules.Apply(h, new EpisodeChange(D(2024, 5, 1), null, 2, 2, "CREQB")));
        h = Ok(EpisodeRules.Apply(h, new EpisodeChange(D(2024, 10, 10), "C2", 3, 3, "CARPL")));
        return h;
    }

    private static IReadOnlyList<EpisodeLine> Ok((IReadOnlyList<EpisodeLine> Episodes, IReadOnlyList<EpisodeProblem> Problems) r)
    {
        Assert.Empty(r.Problems);
        return r.Episodes;
    }

    [Fact]
    public void Apply_ChangesOfLegalStatusAndPlacement_StartEpisodesWithTheirReason()
    {
        // Act
        var h = Worked();

        // Assert
        EpisodeLine[] expected =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "X1"),
            new(D(2024, 2, 14), D(2024, 5, 1), "L", "C1", 1, 1, "X1", "CREQB"),
            new(D(2024, 5, 1), D(2024, 10, 10), "P", "C1", 2, 2, "X1", "CARPL"),
            new(D(2024, 10, 10), null, "B", "C2", 3, 3, null),
        ];
        Assert.Equal(expected, h);
        Assert.Empty(EpisodeRules.Check(h));
    }

    [Fact]
    public void Apply_NewPlacementWithTheSameCarer_IsT_AndWithALegalChangeIsU()
    {
        // Arrange
        IReadOnlyList<EpisodeLine> h = [Start with { PlacementKey = 2, CarerKey = 2 }];

        // Act
        h = Ok(EpisodeRules.Apply(h, new EpisodeChange(D(2024, 3, 1), null, 4, 2, "PLACE")));
        h = Ok(EpisodeRules.Apply(h, new EpisodeChange(D(2024, 6, 1), "C2", 5, 2, "PLACE")));

        // Assert
        Assert.Equal(["S", "T", "U"], h.Select(e => e.ReasonForNewEpisode));
    }

    [Fact]
    public void Apply_BackdatedLegalStatusInsideAnEpisode_SplitsItAndRecomputesTheNextReason()
    {
        // Arrange: found later that the full care order was made on 1 Aug, while the child was with carer 2.
        var h = Worked();

        // Act
        var (after, problems) = EpisodeRules.Apply(h, new EpisodeChange(D(2024, 8, 1), "C2", null, null));

        // Assert: the 1 May episode now ends on 1 Aug; the 10 Oct move changes only the placement (P, not B).
        Assert.Empty(problems);
        EpisodeLine[] expected =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "X1"),
            new(D(2024, 2, 14), D(2024, 5, 1), "L", "C1", 1, 1, "X1", "CREQB"),
            new(D(2024, 5, 1), D(2024, 8, 1), "P", "C1", 2, 2, "X1"),
            new(D(2024, 8, 1), D(2024, 10, 10), "L", "C2", 2, 2, "X1", "CARPL"),
            new(D(2024, 10, 10), null, "P", "C2", 3, 3, null),
        ];
        Assert.Equal(expected, after);
    }

    [Fact]
    public void Apply_BackdatedPlacementChange_RunsUntilTheNextRecordedMove()
    {
        // Arrange: the child actually moved to carer 2 on 1 Apr, not 1 May, in the interim care order episode.
        var h = Worked();

        // Act: correct the start of the 1 May episode back to 1 Apr.
        var (after, problems) = EpisodeRules.MoveStart(h, 2, D(2024, 4, 1));

        // Assert
        Assert.Empty(problems);
        Assert.Equal(D(2024, 4, 1), after[1].End);
        Assert.Equal(D(2024, 4, 1), after[2].Start);
        Assert.Equal(D(2024, 10, 10), after[2].End);
    }

    [Fact]
    public void MoveStart_BeforeThePreviousEpisodeStarted_SaysWhyItWouldOverlap()
    {
        // Act
        var (after, problems) = EpisodeRules.MoveStart(Worked(), 1, D(2024, 1, 2));

        // Assert
        var p = Assert.Single(problems);
        Assert.Equal("Episode 2 must start after episode 1 started on 3 January 2024; to go back further, correct episode 1 as well", p.Message);
        Assert.Equal(Worked(), after);
    }

    [Fact]
    public void MoveStart_OnOrAfterItsOwnEnd_IsRefused()
    {
        var (_, problems) = EpisodeRules.MoveStart(Worked(), 2, D(2024, 10, 10));

        Assert.Equal("Episode 3 must start before it ends on 10 October 2024", Assert.Single(problems).Message);
    }

    [Fact]
    public void Apply_OnOrBeforeThePeriodStarted_IsRefused()
    {
        var (_, problems) = EpisodeRules.Apply(Worked(), new EpisodeChange(D(2024, 1, 3), "C1", null, null));

        Assert.Equal("The change must be after the period of care started on 3 January 2024", Assert.Single(problems).Message);
    }

    [Fact]
    public void Apply_ThatChangesNothing_IsAProblem()
    {
        var (_, problems) = EpisodeRules.Apply(Worked(), new EpisodeChange(D(2024, 3, 1), "C1", null, null));

        Assert.Contains(problems, p => p.Message.StartsWith("Nothing changes on 1 March 2024"));
    }

    [Fact]
    public void Check_GapAndOverlap_AreReportedWithDates()
    {
        // Arrange
        EpisodeLine[] gap =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "X1"),
            new(D(2024, 2, 20), null, "L", "C1", 1, 1, null),
        ];
        EpisodeLine[] overlap =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "X1"),
            new(D(2024, 2, 10), null, "L", "C1", 1, 1, null),
        ];

        // Act / Assert
        Assert.Equal("There is a gap between 14 February 2024 and 20 February 2024: episode 2 must start the day episode 1 ends",
            Assert.Single(EpisodeRules.Check(gap)).Message);
        Assert.Equal("Episode 2 starts on 10 February 2024, before episode 1 ends on 14 February 2024: episodes cannot overlap",
            Assert.Single(EpisodeRules.Check(overlap)).Message);
    }

    [Fact]
    public void Check_WrongReasonForNewEpisodeAndNoChange_AreReported()
    {
        EpisodeLine[] h =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "X1"),
            new(D(2024, 2, 14), D(2024, 3, 1), "P", "C1", 1, 1, "X1"),
            new(D(2024, 3, 1), null, "L", "C1", 1, 1, null),
        ];

        var problems = EpisodeRules.Check(h).Select(p => p.Message).ToList();

        Assert.Contains("Episode 2 has reason for new episode P, but what changed means L", problems);
        Assert.Contains("Episode 3 changes neither the legal status, the placement nor the carer, so it is not a new episode", problems);
    }

    [Fact]
    public void Check_EpisodeAfterAnEndingReason_AndLastEndingX1_AreReported()
    {
        EpisodeLine[] h =
        [
            new(D(2024, 1, 3), D(2024, 2, 14), "S", "V2", 1, 1, "E4A"),
            new(D(2024, 2, 14), D(2024, 3, 1), "L", "C1", 1, 1, "X1"),
        ];

        var problems = EpisodeRules.Check(h).Select(p => p.Message).ToList();

        Assert.Contains("Episode 1 ends the period of care (E4A), so no episode can follow it in the same period", problems);
        Assert.Contains(problems, m => m.StartsWith("The last episode ends with X1"));
    }

    [Fact]
    public void End_WithAReasonThatIsNotX1_ClosesTheLastEpisode()
    {
        var (after, problems) = EpisodeRules.End(Worked(), D(2025, 3, 31), "E41");

        Assert.Empty(problems);
        Assert.Equal((D(2025, 3, 31), "E41"), (after[^1].End!.Value, after[^1].ReasonEpisodeCeased!));
    }

    [Theory]
    [InlineData("X1", 2025, 3, 31, "Select the reason the child stopped being looked after")]
    [InlineData("E41", 2024, 10, 9, "The period of care cannot end before the current episode started on 10 October 2024")]
    public void End_WithX1OrBeforeTheEpisodeStarted_IsRefused(string reason, int y, int m, int d, string message)
    {
        var (_, problems) = EpisodeRules.End(Worked(), D(y, m, d), reason);

        Assert.Equal(message, Assert.Single(problems).Message);
    }

    [Fact]
    public void Apply_AfterThePeriodEnded_IsRefused()
    {
        var ended = EpisodeRules.End(Worked(), D(2025, 3, 31), "E41").Episodes;

        var (_, problems) = EpisodeRules.Apply(ended, new EpisodeChange(D(2025, 4, 2), "E1", null, null));

        Assert.Equal("The change must be before the period of care ended on 31 March 2025", Assert.Single(problems).Message);
    }
}
