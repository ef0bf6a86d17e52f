namespace Haven.Core.Quality;

/// The pure rules of case auditing: grades, validation, agreement between auditor and moderator,
/// and how grades add up across audits. Worked by hand in tests/Haven.Core.Tests/Quality.
public static class QualityRules
{
    public const int MaxName = 200;
    public const int MaxQuestion = 500;
    public const int MaxText = 10_000;
    public const int MaxComment = 2_000;
    public const int MaxActions = 3;

    public static string Describe(AuditGrade grade) => grade switch
    {
        AuditGrade.Outstanding => "Outstanding",
        AuditGrade.Good => "Good",
        AuditGrade.RequiresImprovement => "Requires improvement",
        AuditGrade.Inadequate => "Inadequate",
        _ => grade.ToString(),
    };

    public static string Colour(AuditGrade grade) => grade switch
    {
        AuditGrade.Outstanding => "green",
        AuditGrade.Good => "turquoise",
        AuditGrade.RequiresImprovement => "orange",
        _ => "red",
    };

    public static string Describe(AuditActionFor who) => who == AuditActionFor.Worker ? "Social worker" : "Team manager";

    public static string Describe(FeedbackFrom from) => from switch
    {
        FeedbackFrom.Child => "Child or young person",
        FeedbackFrom.Family => "Parent or family member",
        FeedbackFrom.Carer => "Carer",
        FeedbackFrom.Partner => "Partner agency",
        _ => from.ToString(),
    };

    /// Agreement rate: of the audits moderated, the share whose moderator gave the same overall
    /// grade as the auditor. Each audit counts once, by its latest moderation. Null when none.
    public static AgreementFigures Agreement(IEnumerable<(AuditGrade Auditor, AuditGrade Moderator)> pairs)
    {
        var list = pairs.ToList();
        var same = list.Count(p => p.Auditor == p.Moderator);
        var withinOne = list.Count(p => Math.Abs((int)p.Auditor - (int)p.Moderator) <= 1);
        var harsher = list.Count(p => p.Moderator > p.Auditor);
        return new AgreementFigures(list.Count, same, withinOne, harsher,
            list.Count == 0 ? null : Math.Round(100.0 * same / list.Count, 1));
    }

    /// Grades across audits, by theme: how many answers at each grade, the share good or better
    /// and the average score (1 = outstanding … 4 = inadequate). Themes are matched by name so the
    /// same theme in two versions of a tool adds up.
    public static IReadOnlyList<ThemeFigures> ByTheme(IEnumerable<(string Theme, AuditGrade Grade)> answers) =>
        answers.GroupBy(a => a.Theme.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => ThemeFigures.From(g.First().Theme.Trim(), g.Select(x => x.Grade)))
            .OrderBy(t => t.Theme, StringComparer.Ordinal).ToList();

    public static GradeSpread Spread(IEnumerable<AuditGrade> grades) => GradeSpread.From(grades);

    public static IEnumerable<(string Field, string Message)> ValidateAudit(AuditDraft d, DateOnly today)
    {
        if (d.AuditedOn is null) yield return ("AuditedOn", "Enter the date of the audit");
        else if (d.AuditedOn > today) yield return ("AuditedOn", "Date of the audit must be today or in the past");
        foreach (var q in d.QuestionIds)
            if (!d.Grades.TryGetValue(q, out var g) || g is null) yield return ($"Grades[{q}]", "Select a grade for this question");
        foreach (var (q, c) in d.Comments)
            if (c is { Length: > MaxComment }) yield return ($"Comments[{q}]", "Comment must be 2,000 characters or fewer");
        if (d.Overall is null) yield return ("Overall", "Select the overall grade");
        if (string.IsNullOrWhiteSpace(d.Findings)) yield return ("Findings", "Enter the findings");
        else if (d.Findings.Length > MaxText) yield return ("Findings", "Findings must be 10,000 characters or fewer");
        if (d.Learning is { Length: > MaxText }) yield return ("Learning", "Learning must be 10,000 characters or fewer");
        for (var i = 0; i < d.Actions.Count; i++)
        {
            var a = d.Actions[i];
            if (string.IsNullOrWhiteSpace(a.Text)) { if (a.DueOn is not null) yield return ($"Actions[{i}].Text", "Enter the action, or leave its due date blank"); continue; }
            if (a.Text.Length > MaxComment) yield return ($"Actions[{i}].Text", "Action must be 2,000 characters or fewer");
            if (a.DueOn is null) yield return ($"Actions[{i}].DueOn", "Enter the date the action is due");
            else if (d.AuditedOn is { } on && a.DueOn < on) yield return ($"Actions[{i}].DueOn", "The action's due date must be on or after the date of the audit");
        }
    }
}

public sealed record AuditDraft(DateOnly? AuditedOn, IReadOnlyCollection<int> QuestionIds, IReadOnlyDictionary<int, AuditGrade?> Grades,
    IReadOnlyDictionary<int, string?> Comments, AuditGrade? Overall, string? Findings, string? Learning, IReadOnlyList<ActionDraft> Actions);

public sealed record ActionDraft(string? Text, AuditActionFor For, DateOnly? DueOn);

public sealed record AgreementFigures(int Moderated, int Agreed, int WithinOneGrade, int ModeratorHarsher, double? RatePercent);

public sealed record GradeSpread(int Outstanding, int Good, int RequiresImprovement, int Inadequate)
{
    public int Total => Outstanding + Good + RequiresImprovement + Inadequate;
    public double? GoodOrBetterPercent => Total == 0 ? null : Math.Round(100.0 * (Outstanding + Good) / Total, 1);
    public int Count(AuditGrade g) => g switch
    {
        AuditGrade.Outstanding => Outstanding, AuditGrade.Good => Good, AuditGrade.RequiresImprovement => RequiresImprovement, _ => Inadequate,
    };

    public static GradeSpread From(IEnumerable<AuditGrade> grades)
    {
        var list = grades.ToList();
        return new(list.Count(g => g == AuditGrade.Outstanding), list.Count(g => g == AuditGrade.Good),
            list.Count(g => g == AuditGrade.RequiresImprovement), list.Count(g => g == AuditGrade.Inadequate));
    }
}

public sealed record ThemeFigures(string Theme, GradeSpread Spread, double? AverageScore)
{
    public static ThemeFigures From(string theme, IEnumerable<AuditGrade> grades)
    {
        var list = grades.ToList();
        return new(theme, GradeSpread.From(list), list.Count == 0 ? null : Math.Round(list.Average(g => (int)g), 2));
    }
}

/// The tool Haven starts with, from what inspectors look for in case files (the child's voice,
/// management oversight, plans, timeliness). A council edits or replaces it at /quality/tools.
public static class DefaultAuditTool
{
    public const string Name = "Practice quality audit";

    public static readonly IReadOnlyList<(string Theme, string[] Questions)> Themes =
    [
        ("The child's voice and lived experience", [
            "The child has been seen, and seen alone where appropriate, as often as their plan requires",
            "The child's wishes and feelings are recorded in their own words and have shaped decisions",
            "The record shows the child's daily lived experience, including identity and diversity"]),
        ("Assessment and analysis of risk", [
            "The assessment is up to date and analyses risks and strengths, not only describes them",
            "Family history and the chronology have informed the analysis"]),
        ("Plans and outcomes", [
            "The plan is specific, with outcomes, actions, owners and timescales, and a contingency",
            "The plan is reviewed and progress for the child is evident"]),
        ("Timeliness", [
            "Visits, assessments, reviews and conferences happened within timescales",
            "Drift and delay are avoided and explained where they occurred"]),
        ("Management oversight and supervision", [
            "Management oversight is recorded at key decision points with clear reasons",
            "Supervision is regular, reflective and gives direction that is followed up"]),
        ("Working with family and partners", [
            "Parents and carers are engaged and understand the concerns and the plan",
            "Partner agencies contribute to assessment, planning and review"]),
    ];
}
