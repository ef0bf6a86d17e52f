using Haven.Core.Quality;
using static Haven.Core.Quality.AuditGrade;

namespace Haven.Core.Tests.Quality;

public class QualityRulesTests
{
    [Fact]
    public void Agreement_FiveModeratedAudits_CountsExactMatchesOnly()
    {
        // Auditor/moderator: G/G agree, RI/RI agree, G/RI one apart, O/G one apart, G/I two apart.
        // Agreed 2 of 5 = 40.0%; within one grade 4 of 5; moderator harsher (a worse grade) in G/RI, O/G and G/I = 3.
        var f = QualityRules.Agreement([(Good, Good), (RequiresImprovement, RequiresImprovement), (Good, RequiresImprovement), (Outstanding, Good), (Good, Inadequate)]);
        Assert.Equal(5, f.Moderated);
        Assert.Equal(2, f.Agreed);
        Assert.Equal(4, f.WithinOneGrade);
        Assert.Equal(3, f.ModeratorHarsher);
        Assert.Equal(40.0, f.RatePercent);
    }

    [Fact]
    public void Agreement_NoneModerated_RateIsNull() => Assert.Null(QualityRules.Agreement([]).RatePercent);

    [Fact]
    public void ByTheme_SameThemeInTwoTools_AddsUpByNameIgnoringCase()
    {
        // Timeliness: G, RI, I (tool 1) and "timeliness " G (tool 2) = O0 G2 RI1 I1; good or better 2/4 = 50%;
        // average score (2+3+4+2)/4 = 2.75. Voice: O, G = 100% good or better, average 1.5.
        var themes = QualityRules.ByTheme([("Timeliness", Good), ("Timeliness", RequiresImprovement), ("Timeliness", Inadequate),
            ("timeliness ", Good), ("Voice", Outstanding), ("Voice", Good)]);
        Assert.Equal(2, themes.Count);
        var t = themes.Single(x => x.Theme == "Timeliness");
        Assert.Equal(new GradeSpread(0, 2, 1, 1), t.Spread);
        Assert.Equal(50.0, t.Spread.GoodOrBetterPercent);
        Assert.Equal(2.75, t.AverageScore);
        var v = themes.Single(x => x.Theme == "Voice");
        Assert.Equal(100.0, v.Spread.GoodOrBetterPercent);
        Assert.Equal(1.5, v.AverageScore);
    }

    [Fact]
    public void ByService_TwoTeams_ThemesAddUpFromTeamCounts()
    {
        var none = QualityRules.Agreement([]);
        var fb = new FeedbackRow(0, null, new Dictionary<FeedbackFrom, int>(), 0, null);
        var a = new TeamQuality(1, "A", "Safeguarding", new GradeSpread(1, 1, 0, 0), QualityRules.ByTheme([("Plans", Good), ("Plans", Inadequate)]), none, fb);
        var b = new TeamQuality(2, "B", "Safeguarding", new GradeSpread(0, 0, 1, 0), QualityRules.ByTheme([("Plans", RequiresImprovement)]), none, fb);
        var service = Assert.Single(QualityFigures.ByService([a, b]));
        Assert.Equal(new GradeSpread(1, 1, 1, 0), service.Overall);
        var plans = Assert.Single(service.Themes);
        Assert.Equal(new GradeSpread(0, 1, 1, 1), plans.Spread);
        Assert.Equal(3.0, plans.AverageScore); // (2 + 4 + 3) / 3
    }

    [Fact]
    public void ValidateAudit_MissingGradeAndFutureDateAndActionWithoutDate_GivesFieldMessages()
    {
        var today = new DateOnly(2026, 3, 10);
        var d = new AuditDraft(new DateOnly(2026, 3, 11), [1, 2], new Dictionary<int, AuditGrade?> { [1] = Good, [2] = null },
            new Dictionary<int, string?>(), null, " ", null, [new ActionDraft("Update the plan", AuditActionFor.Worker, null)]);
        var errors = QualityRules.ValidateAudit(d, today).ToList();
        Assert.Contains(("AuditedOn", "Date of the audit must be today or in the past"), errors);
        Assert.Contains(("Grades[2]", "Select a grade for this question"), errors);
        Assert.Contains(("Overall", "Select the overall grade"), errors);
        Assert.Contains(("Findings", "Enter the findings"), errors);
        Assert.Contains(("Actions[0].DueOn", "Enter the date the action is due"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == "Grades[1]");
    }

    [Fact]
    public void ParseQuestions_ThemeColonQuestionLines_GroupsByTheme()
    {
        var (themes, error) = AuditService.ParseQuestions("Voice: Seen alone\n\nPlans: SMART plan\nvoice: Wishes recorded\n");
        Assert.Null(error);
        Assert.Equal(2, themes.Count);
        Assert.Equal(["Seen alone", "Wishes recorded"], themes[0].Questions);
        Assert.NotNull(AuditService.ParseQuestions("no colon here").Error);
        Assert.NotNull(AuditService.ParseQuestions("  ").Error);
    }
}
