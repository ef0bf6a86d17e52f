using Haven.Core.Allocations;
using Haven.Core.Quality;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Employment spells and team establishments, case audits (some moderated) and feedback.
/// Assumptions, from national-statistics.md §6 (CSWW 2025, England) where it has a figure:
/// - agency and locum share of social workers in post 13% (England 13.0%, of all FTE in post,
///   managers included): that many of the current social workers, chosen at random, are agency
///   (10 in 13) or locum; a quota rather than a draw per worker: a borough of 3,000 children has about
///   30 social workers, and a 13% draw for each came to 2.3% with ten years of history;
///   more among leavers (agency work churns);
/// - leavers are the generator's past case holders, leaving the day their last allocation ended
///   (turnover then follows the timelines; England 11.8%, Bromley 17.2%);
/// - establishment: each team's posts are its social workers in post today plus 2% (one row from
///   three years ago), so posts not filled by a permanent worker come near England's 14.2% vacancy;
/// - audits (no national figure): each council audits about 1 case in 10 a year; grades spread
///   outstanding 8%, good 47%, requires improvement 35%, inadequate 10% (a local assumption); 15%
///   moderated, with the moderator agreeing about 75% of the time, otherwise one grade apart;
/// - feedback (no national figure): about 1 in 20 children a year, mostly 4 or 5 of 5.
internal sealed class QualityWorkforcePart : IBoroughPart
{
    public string Name => "QualityWorkforce";

    private static readonly (AuditGrade Grade, double Weight)[] Grades =
        [(AuditGrade.Outstanding, 8), (AuditGrade.Good, 47), (AuditGrade.RequiresImprovement, 35), (AuditGrade.Inadequate, 10)];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var db = context.Writer.Db;
        var ct = context.CancellationToken;
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.Kind == AllocationKind.SocialWorker)
            .Select(a => new { a.ChildId, a.WorkerId, a.TeamId, a.StartDate, a.EndDate }).ToListAsync(ct);
        var byWorker = allocations.GroupBy(a => a.WorkerId).ToDictionary(g => g.Key, g => (First: g.Min(a => a.StartDate), Last: g.Max(a => a.EndDate ?? today), Open: g.Any(a => a.EndDate == null)));

        // Employment spells. Current agency and locum cover by quota (team managers are permanent).
        var staff = context.Plan.Workers.Where(w => w.TeamId is not null && w.Role is HavenRole.SocialWorker or HavenRole.TeamManager).ToList();
        var current = staff.Where(w => w.IsActive && w.Role == HavenRole.SocialWorker).ToList();
        rng.Shuffle(current);
        var covers = (int)Math.Round(staff.Count(w => w.IsActive) * 0.13);
        var locums = (int)Math.Round(covers * 3 / 13.0);
        var cover = current.Take(covers)
            .Select((w, i) => (Worker: w, Contract: i < locums ? ContractType.Locum : ContractType.Agency)).ToDictionary(x => x.Worker, x => x.Contract);
        var spells = new List<Employment>();
        foreach (var w in staff)
        {
            var known = byWorker.TryGetValue(w.Id, out var k) ? k : ((DateOnly First, DateOnly Last, bool Open)?)null;
            var contract = w.Role == HavenRole.TeamManager ? ContractType.Permanent
                : w.IsActive ? cover.GetValueOrDefault(w, ContractType.Permanent)
                : rng.Weighted<ContractType>([(ContractType.Permanent, 70), (ContractType.Agency, 24), (ContractType.Locum, 6)]);
            var tenureDays = contract == ContractType.Permanent ? rng.Between(120, 365 * 9) : rng.Between(60, 540);
            var start = today.AddDays(-tenureDays);
            if (known is { } kk && kk.First < start) start = kk.First.AddDays(-rng.Between(0, 60));
            DateOnly? leave = null;
            if (!w.IsActive) leave = known is { } kl ? (kl.Last > today ? today : kl.Last) : rng.DateBetween(today.AddYears(-3), today.AddDays(-1));
            if (leave < start) start = leave.Value.AddDays(-rng.Between(90, 900));
            spells.Add(new Employment
            {
                WorkerId = w.Id, TeamId = w.TeamId!.Value, ContractType = contract, IsQualified = true, Fte = rng.Chance(0.12) ? 0.6m : 1m,
                StartDate = start, LeaveDate = leave, RecordedAt = At(start), Version = Guid.NewGuid(),
            });
        }
        await context.Writer.SaveAsync(spells);

        // Posts: each team's social workers in post today (permanent and agency FTE) plus 2% unfilled,
        // in FTE to one decimal place (rounding a one-worker team up to whole posts would double it).
        // With agency cover (13%) counted as vacant, this gives a vacancy rate near England's 14.2%.
        var establishments = spells.GroupBy(s => s.TeamId).Select(g => new TeamEstablishment
        {
            TeamId = g.Key, EffectiveFrom = today.AddYears(-3), RecordedAt = At(today.AddYears(-3)),
            Posts = Math.Max(1, Math.Round(g.Where(s => s.InPostOn(today)).Sum(s => s.Fte) * 1.02m, 1)),
        }).ToList();
        await context.Writer.SaveAsync(establishments);

        // Audits.
        var tool = (await new AuditService(db, TimeProvider.System).ToolsAsync(activeOnly: true, ct)).First();
        var questions = tool.Themes.SelectMany(t => t.Questions).Select(q => q.Id).ToList();
        var auditors = context.Plan.ManagerOf.Values.Concat(context.Plan.SeniorLeaders).ToList();
        var managerOf = context.Plan.ManagerOf.ToDictionary(m => m.Key.Id, m => m.Value.Id);
        var from = today.AddYears(-2);
        var candidates = allocations.Where(a => (a.EndDate ?? today) >= from).ToList();
        var count = auditors.Count == 0 || candidates.Count == 0 ? 0 : (int)Math.Round(context.Plan.Children.Count * 0.1 * 2);
        var audits = new List<CaseAudit>();
        for (var i = 0; i < count; i++)
        {
            var a = rng.Pick(candidates);
            var on = rng.DateBetween(a.StartDate > from ? a.StartDate : from, a.EndDate is { } e && e < today ? e : today);
            var auditor = rng.Pick(auditors);
            var overall = rng.Weighted(Grades);
            var audit = new CaseAudit
            {
                ChildId = a.ChildId, ToolId = tool.Id, AuditorWorkerId = auditor.Id, WorkerId = a.WorkerId, TeamId = a.TeamId, AuditedOn = on, OverallGrade = overall,
                Findings = overall <= AuditGrade.Good ? "The child's experience is clear from the record and the plan is making a difference." : "The plan lacks measurable outcomes and visits have slipped; the child's voice is not always recorded.",
                Learning = rng.Chance(0.3) ? "Plans need measurable outcomes the family understands." : null,
                RecordedAt = At(on), Version = Guid.NewGuid(),
                Answers = questions.Select(q => new AuditAnswer { QuestionId = q, Grade = Near(rng, overall) }).ToList(),
            };
            if (overall >= AuditGrade.RequiresImprovement || rng.Chance(0.3))
            {
                var due = on.AddDays(28);
                audit.Actions.Add(new AuditAction
                {
                    ChildId = a.ChildId, For = AuditActionFor.Worker, OwnerWorkerId = a.WorkerId, Text = "Update the plan with measurable outcomes and agree it with the family",
                    DueOn = due, CompletedOn = due < today && rng.Chance(0.85) ? due.AddDays(-rng.Between(0, 20)) : null, Version = Guid.NewGuid(),
                });
                if (overall == AuditGrade.Inadequate)
                    audit.Actions.Add(new AuditAction
                    {
                        ChildId = a.ChildId, For = AuditActionFor.Manager, OwnerWorkerId = managerOf.GetValueOrDefault(a.TeamId), Text = "Record management oversight and a supervision direction",
                        DueOn = on.AddDays(14), CompletedOn = on.AddDays(14) < today && rng.Chance(0.9) ? on.AddDays(rng.Between(1, 14)) : null, Version = Guid.NewGuid(),
                    });
            }
            if (rng.Chance(0.15))
            {
                var moderator = auditors.Where(x => x.Id != auditor.Id).DefaultIfEmpty(auditor).ToList();
                var m = rng.Pick(moderator);
                if (m.Id != auditor.Id)
                {
                    var agreed = rng.Chance(0.75);
                    var grade = agreed ? overall : overall == AuditGrade.Outstanding ? AuditGrade.Good : overall == AuditGrade.Inadequate ? AuditGrade.RequiresImprovement
                        : rng.Chance(0.5) ? overall - 1 : overall + 1;
                    var mOn = on.AddDays(rng.Between(7, 30)) is var mo && mo > today ? today : mo;
                    audit.Moderations.Add(new AuditModeration { ModeratorWorkerId = m.Id, ModeratedOn = mOn, ModeratorGrade = grade, RecordedAt = At(mOn), Version = Guid.NewGuid() });
                }
            }
            audits.Add(audit);
        }
        await context.Writer.SaveAsync(audits);

        // Feedback on cases.
        var feedback = new List<CaseFeedback>();
        var fbCount = (int)Math.Round(context.Plan.Children.Count * 0.05 * 2);
        for (var i = 0; i < fbCount && candidates.Count > 0; i++)
        {
            var a = rng.Pick(candidates);
            var on = rng.DateBetween(a.StartDate > from ? a.StartDate : from, a.EndDate is { } e && e < today ? e : today);
            var rating = rng.Weighted<int>([(5, 40), (4, 33), (3, 15), (2, 7), (1, 5)]);
            feedback.Add(new CaseFeedback
            {
                ChildId = a.ChildId, TeamId = a.TeamId, ReceivedOn = on, Rating = rating, RecordedByWorkerId = a.WorkerId, RecordedAt = At(on),
                From = rng.Weighted<FeedbackFrom>([(FeedbackFrom.Child, 30), (FeedbackFrom.Family, 40), (FeedbackFrom.Carer, 15), (FeedbackFrom.Partner, 15)]),
                Comment = rating >= 4 ? "They listened and kept us informed." : "We had too many changes of worker.",
            });
        }
        await context.Writer.SaveAsync(feedback);
    }

    private static AuditGrade Near(Random rng, AuditGrade overall)
    {
        var g = (int)overall + (rng.Chance(0.6) ? 0 : rng.Chance(0.5) ? -1 : 1);
        return (AuditGrade)Math.Clamp(g, 1, 4);
    }

    private static DateTime At(DateOnly d) => d.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
