using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Quality;

public sealed record TeamQuality(int? TeamId, string Team, string Service, GradeSpread Overall, IReadOnlyList<ThemeFigures> Themes,
    AgreementFigures Agreement, FeedbackRow Feedback);

public sealed record FeedbackRow(int Count, double? Average, IReadOnlyDictionary<FeedbackFrom, int> ByWho, int EarlyHelpAnswers, double? EarlyHelpAverage);

/// Audit grades, themes, agreement and feedback across audits, by team and service, over a date
/// range. Counts only current audits (not removed, not superseded by a correction).
public sealed class QualityFigures(HavenDbContext db)
{
    public async Task<IReadOnlyList<TeamQuality>> ByTeamAsync(DateOnly start, DateOnly end, CancellationToken ct = default)
    {
        var audits = await db.CaseAudits.AsNoTracking()
            .Where(a => a.DeletedAt == null && a.SupersededByAuditId == null && a.AuditedOn >= start && a.AuditedOn <= end)
            .Select(a => new { a.Id, a.TeamId, a.OverallGrade }).ToListAsync(ct);
        var ids = audits.Select(a => a.Id).ToList();
        var answers = await (from x in db.AuditAnswers.AsNoTracking()
                             join q in db.AuditQuestions on x.QuestionId equals q.Id
                             join t in db.AuditThemes on q.ThemeId equals t.Id
                             join a in db.CaseAudits on x.AuditId equals a.Id
                             where a.DeletedAt == null && a.SupersededByAuditId == null && a.AuditedOn >= start && a.AuditedOn <= end
                             select new { a.TeamId, Theme = t.Name, x.Grade }).ToListAsync(ct);
        var moderations = await (from m in db.AuditModerations.AsNoTracking()
                                 join a in db.CaseAudits on m.AuditId equals a.Id
                                 where a.DeletedAt == null && a.SupersededByAuditId == null && a.AuditedOn >= start && a.AuditedOn <= end
                                 select new { m.AuditId, m.Id, a.TeamId, a.OverallGrade, m.ModeratorGrade }).ToListAsync(ct);
        var latest = moderations.GroupBy(m => m.AuditId).Select(g => g.OrderByDescending(m => m.Id).First()).ToList();
        var feedback = await db.CaseFeedback.AsNoTracking().Where(f => f.DeletedAt == null && f.ReceivedOn >= start && f.ReceivedOn <= end)
            .Select(f => new { f.TeamId, f.From, f.Rating }).ToListAsync(ct);
        var fromDt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toDt = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var earlyHelp = await (from f in db.EarlyHelpFeedback.AsNoTracking()
                               join w in db.Workers on f.CreatedByWorkerId equals (int?)w.Id
                               where f.SubmittedAt != null && f.SubmittedAt >= fromDt && f.SubmittedAt < toDt && f.Rating != null
                               select new { w.TeamId, Rating = f.Rating!.Value }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, Service = t.Service.Name }).ToDictionaryAsync(t => t.Id, ct);

        var teamIds = audits.Select(a => a.TeamId).Concat(feedback.Select(f => f.TeamId)).Concat(earlyHelp.Select(e => e.TeamId)).Distinct();
        // Each list split by team once: filtered again for every team, the year's audit answers (tens of
        // thousands at 50,000 children) took most of the quality pages' time.
        var auditsBy = audits.ToLookup(a => a.TeamId);
        var answersBy = answers.ToLookup(a => a.TeamId);
        var latestBy = latest.ToLookup(m => m.TeamId);
        var feedbackBy = feedback.ToLookup(f => f.TeamId);
        var earlyHelpBy = earlyHelp.ToLookup(e => e.TeamId);
        return teamIds.Select(id =>
        {
            var name = id is { } t && teams.TryGetValue(t, out var team) ? team.Name : "No allocated team";
            var service = id is { } s && teams.TryGetValue(s, out var st) ? st.Service : "";
            var fb = feedbackBy[id].ToList();
            var eh = earlyHelpBy[id].Select(e => e.Rating).ToList();
            return new TeamQuality(id, name, service,
                GradeSpread.From(auditsBy[id].Select(a => a.OverallGrade)),
                QualityRules.ByTheme(answersBy[id].Select(a => (a.Theme, a.Grade))),
                QualityRules.Agreement(latestBy[id].Select(m => (m.OverallGrade, m.ModeratorGrade))),
                new FeedbackRow(fb.Count, fb.Count == 0 ? null : Math.Round(fb.Average(f => f.Rating), 1),
                    fb.GroupBy(f => f.From).ToDictionary(g => g.Key, g => g.Count()), eh.Count, eh.Count == 0 ? null : Math.Round(eh.Average(), 1)));
        }).OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Team, StringComparer.Ordinal).ToList();
    }

    /// Service totals from the team rows (themes re-aggregated from the grade counts, so they add up).
    public static IReadOnlyList<(string Service, GradeSpread Overall, IReadOnlyList<ThemeFigures> Themes)> ByService(IEnumerable<TeamQuality> teams) =>
        teams.GroupBy(t => t.Service).Select(g => (g.Key, Sum(g.Select(t => t.Overall)),
            (IReadOnlyList<ThemeFigures>)g.SelectMany(t => t.Themes).GroupBy(t => t.Theme, StringComparer.OrdinalIgnoreCase)
                .Select(tg => ThemeFigures.From(tg.First().Theme, tg.SelectMany(Expand))).OrderBy(t => t.Theme, StringComparer.Ordinal).ToList()))
            .OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    public static GradeSpread Sum(IEnumerable<GradeSpread> spreads)
    {
        var l = spreads.ToList();
        return new(l.Sum(s => s.Outstanding), l.Sum(s => s.Good), l.Sum(s => s.RequiresImprovement), l.Sum(s => s.Inadequate));
    }

    private static IEnumerable<AuditGrade> Expand(ThemeFigures t) => Enum.GetValues<AuditGrade>().SelectMany(g => Enumerable.Repeat(g, t.Spread.Count(g)));
}

/// Audit actions not yet done, on My work for the child's worker and team until completed.
public sealed class AuditDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var actions = await (from x in db.AuditActions.AsNoTracking()
                             join a in db.CaseAudits on x.AuditId equals a.Id
                             where childIds.Contains(x.ChildId) && x.CompletedOn == null && a.DeletedAt == null && a.SupersededByAuditId == null
                             select new { x.ChildId, x.AuditId, x.For, x.Text, x.DueOn }).ToListAsync(ct);
        return actions.Select(x => new DueItem(x.ChildId,
                $"Audit action ({QualityRules.Describe(x.For).ToLowerInvariant()}): {(x.Text.Length > 80 ? x.Text[..80] + "…" : x.Text)}", x.DueOn, Timescales.CaseAuditAction)
            { Href = $"/quality/audits/{x.AuditId}" }).ToList();
    }
}
