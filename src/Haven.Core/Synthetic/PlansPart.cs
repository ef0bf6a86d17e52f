using Haven.Core.ChildInNeed;
using Haven.Core.Involvements;
using Haven.Core.Oversight;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Plans, child in need plans and their reviews, management oversight and supervision, derived
/// from the timelines. Every child in need, child protection and in-care span gets a Plan of the
/// matching kind with a version at the start and one at each review (the last few); a child in
/// need span also gets its ChildInNeedPlan with the span's reviews and, if it ended, a closure
/// reason. About one open action in eight is overdue and some have had no progress for weeks.
/// Management oversight: most open cases had some in the last 30 days (in supervision or as
/// direction on the record); about one in five had none, the minority inspections often find.
internal sealed class PlansPart : IBoroughPart
{
    public string Name => "Plans and oversight";

    private const int MaxVersions = 5;

    private static readonly Dictionary<PlanKind, string[]> OutcomePool = new()
    {
        [PlanKind.ChildInNeed] = ["{0} goes to school every day and on time", "{0}'s home is clean, warm and has food in it", "{0} sees the dentist and the doctor when needed",
            "{0}'s parents get help with their own mental health", "{0} has a settled bedtime and sleeps well", "{0} is not caught up in arguments at home"],
        [PlanKind.ChildProtection] = ["{0} is safe from domestic abuse at home", "{0} is not left alone with anyone who has hurt them", "{0}'s parents stop using drugs and alcohol when caring for them",
            "{0}'s injuries are seen by a doctor straight away", "{0} has a safe adult to talk to at school", "{0} is supervised by a sober adult at all times"],
        [PlanKind.Care] = ["{0} stays in a stable home where they feel they belong", "{0} sees their family as often as is safe and they wish", "{0} makes good progress at school",
            "{0}'s health needs are met", "{0} knows their life story", "{0} is ready for the next step when the time comes"],
        [PlanKind.Pathway] = ["{0} has a safe, settled place to live", "{0} is in education, training or work", "{0} can manage money and a tenancy"],
    };

    private static readonly (string What, string Who)[] ActionPool =
    [
        ("Attend a parenting course", "Mum"), ("Walk the children to school each morning", "Grandmother"), ("Refer to the child and adolescent mental health service", "Social worker"),
        ("Arrange a dental check", "Dad"), ("Complete the domestic abuse programme", "Dad"), ("Attend drug and alcohol service appointments", "Mum"),
        ("Run a weekly check-in at school", "Designated safeguarding lead"), ("Visit and see the child alone", "Social worker"), ("Offer a family group conference", "Family group conference service"),
        ("Help the family apply for housing", "Housing officer"), ("Collect the children from school on Fridays", "Aunt"), ("Health visitor home visit", "Health visitor"),
        ("Arrange direct work on worries and wishes", "Family support worker"), ("Send school attendance figures each month", "School attendance officer"),
    ];

    private static readonly (ChildInNeedPlanClosureReason Reason, double Weight)[] Closures =
    [
        (ChildInNeedPlanClosureReason.NeedsMet, 55), (ChildInNeedPlanClosureReason.SteppedDownToEarlyHelp, 20), (ChildInNeedPlanClosureReason.MovedAway, 8),
        (ChildInNeedPlanClosureReason.FamilyWithdrewConsent, 7), (ChildInNeedPlanClosureReason.Other, 10),
    ];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var plans = new List<(Plan Plan, List<DateOnly> VersionDates, ChildPlan Child, ChildSpan Span, ChildInNeedPlan? Cin)>();
        foreach (var child in context.Plan.Children)
        {
            for (var i = 0; i < child.Spans.Count; i++)
            {
                var cs = child.Spans[i];
                PlanKind? kind = cs.Span.Kind switch
                {
                    InvolvementKind.ChildInNeed => PlanKind.ChildInNeed,
                    InvolvementKind.ChildProtection => PlanKind.ChildProtection,
                    InvolvementKind.InCare => PlanKind.Care,
                    _ => null,
                };
                if (kind is null || cs.Start > today) continue;
                var end = cs.Span.End is { } e && e < cs.Start ? cs.Start : cs.Span.End;
                var reviews = cs.Span.Reviews.Where(r => r > cs.Start && r <= (end ?? today)).Order().ToList();
                var dates = new List<DateOnly> { cs.Start };
                dates.AddRange(reviews.TakeLast(MaxVersions - 1));
                var plan = new Plan
                {
                    ChildId = child.Person.Id, Kind = kind.Value, StartDate = cs.Start, EndDate = end, CurrentVersionNumber = dates.Count,
                    RecordedAt = At(cs.Start), RecordedByWorkerId = Worker(child, cs.Start)?.Id, Version = Guid.NewGuid(),
                };
                ChildInNeedPlan? cin = null;
                if (kind == PlanKind.ChildInNeed)
                {
                    var next = i + 1 < child.Spans.Count ? child.Spans[i + 1].Span.Kind : (InvolvementKind?)null;
                    cin = new ChildInNeedPlan
                    {
                        ChildId = child.Person.Id, StartDate = cs.Start, EndDate = end, RecordedAt = At(cs.Start), RecordedByWorkerId = plan.RecordedByWorkerId, Version = Guid.NewGuid(),
                        ClosureReason = end is null ? null : next switch
                        {
                            InvolvementKind.ChildProtection => ChildInNeedPlanClosureReason.ChildProtectionPlan,
                            InvolvementKind.InCare => ChildInNeedPlanClosureReason.BecameLookedAfter,
                            InvolvementKind.EarlyHelp => ChildInNeedPlanClosureReason.SteppedDownToEarlyHelp,
                            _ => rng.Weighted(Closures),
                        },
                    };
                    if (cin.ClosureReason == ChildInNeedPlanClosureReason.Other) cin.ClosureNote = "The family moved in with relatives who meet the children's needs.";
                    var settings = new ChildInNeedSettings();
                    foreach (var r in reviews)
                        cin.Reviews.Add(new ChildInNeedPlanReview
                        {
                            Date = r, Summary = rng.Chance(0.7) ? "Good progress on most outcomes; the plan continues." : "Some outcomes not yet met; actions updated.",
                            PlanVersionNumber = dates.IndexOf(r) is var n and >= 0 ? n + 1 : null, NextReviewDue = settings.NextReviewDue(r),
                            RecordedAt = At(r), RecordedByWorkerId = Worker(child, r)?.Id,
                        });
                }
                plans.Add((plan, dates, child, cs, cin));
            }
        }
        await context.Writer.SaveAsync(plans.Select(p => p.Plan));

        var versions = new List<(PlanVersion Version, int Index, (Plan Plan, List<DateOnly> Dates, ChildPlan Child, ChildSpan Span, ChildInNeedPlan? Cin) Of)>();
        foreach (var p in plans)
            for (var n = 0; n < p.VersionDates.Count; n++)
            {
                var d = p.VersionDates[n];
                versions.Add((new PlanVersion
                {
                    PlanId = p.Plan.Id, Number = n + 1, Reason = n == 0 ? "Plan started" : $"Review on {d:d MMMM yyyy}",
                    FamilyAndNetwork = $"{p.Child.Family.Grandparent?.Name ?? "A relative"} helps with the school run and is there after school on weekdays.",
                    Contingency = p.Plan.Kind switch
                    {
                        PlanKind.ChildInNeed => "If things do not improve by the next review, the social worker will talk to the family about a child protection conference.",
                        PlanKind.ChildProtection => "If the children are not safe at home, a legal planning meeting will decide whether to go to court.",
                        _ => "If the placement is at risk, a placement stability meeting is held within 5 working days.",
                    },
                    ToTheChild = p.Child.AgeOn(d) >= 11 && rng.Chance(0.5) ? $"{p.Child.Name}, this plan is about keeping you safe and happy. Tell your worker if anything here is wrong." : null,
                    RecordedAt = At(d), RecordedByWorkerId = Worker(p.Child, d)?.Id,
                }, n, p));
            }
        await context.Writer.SaveAsync(versions.Select(v => v.Version));

        var outcomes = new List<PlanOutcome>();
        var actions = new List<PlanAction>();
        foreach (var (v, index, of) in versions)
        {
            var pool = OutcomePool[of.Plan.Kind];
            var seed = of.Child.Person.Id + of.Span.Start.DayNumber;
            for (var k = 0; k < 3; k++) outcomes.Add(new PlanOutcome { PlanVersionId = v.Id, Order = k + 1, Text = string.Format(pool[(seed + k * 2 + (index > 1 ? 1 : 0)) % pool.Length], of.Child.Name) });
            var date = of.Dates[index];
            var nextDate = index + 1 < of.Dates.Count ? of.Dates[index + 1] : (DateOnly?)null;
            var current = index == of.Dates.Count - 1 && of.Plan.EndDate is null;
            for (var k = 0; k < 4; k++)
            {
                var (what, who) = ActionPool[(seed + k * 3 + index) % ActionPool.Length];
                var due = date.AddDays(14 + 21 * k);
                var done = nextDate is { } nd ? due <= nd && rng.Chance(0.8) : !current || (due < today && rng.Chance(0.85));
                var lastProgress = rng.DateBetween(date, Min(today, nextDate ?? today));
                if (current && !done)
                {
                    // A minority drift: no progress for five to ten weeks.
                    if (rng.Chance(0.12)) lastProgress = Max(date, today.AddDays(-rng.Between(35, 70)));
                    else if (today.DayNumber - lastProgress.DayNumber > 27) lastProgress = today.AddDays(-rng.Between(0, 20));
                    if (lastProgress < date) lastProgress = date;
                }
                actions.Add(new PlanAction
                {
                    PlanVersionId = v.Id, Key = new Guid(seed, (short)k, (short)0, new byte[8]), Order = k + 1, What = what, Who = who, DueDate = due,
                    Done = done, DoneDate = done ? Min(due, nextDate ?? today) : null, Progress = done ? "Done." : rng.Chance(0.6) ? "Started; going well." : null,
                    LastProgressOn = lastProgress,
                });
            }
        }
        await context.Writer.BulkAsync(outcomes);
        await context.Writer.BulkAsync(actions);

        var cins = plans.Where(p => p.Cin is not null).Select(p => { p.Cin!.PlanId = p.Plan.Id; return p.Cin; }).ToList();
        // Saving a child in need plan saves its reviews with it.
        await context.Writer.SaveAsync(cins);

        await LinkChildProtectionPlansAsync(context, plans.Where(p => p.Plan.Kind == PlanKind.ChildProtection).Select(p => p.Plan));

        await WriteOversightAsync(context, rng);
    }

    /// Each child protection plan registration (ChildProtectionPlansPart, one per ChildProtection
    /// span, starting on its first day) points at the Plan written for the same span, as the
    /// initial conference does when it starts a plan.
    private static async Task LinkChildProtectionPlansAsync(BoroughPartContext context, IEnumerable<Plan> plans)
    {
        var byStart = plans.GroupBy(p => (p.ChildId, p.StartDate)).ToDictionary(g => g.Key, g => g.First().Id);
        var db = context.Writer.Db;
        var registrations = await db.ChildProtectionPlans.Where(r => r.PlanId == null).ToListAsync(context.CancellationToken);
        foreach (var r in registrations)
            if (byStart.TryGetValue((r.ChildId, r.StartDate), out var id)) r.PlanId = id;
        db.ChangeTracker.DetectChanges(); // the writer turns automatic detection off
        await db.SaveChangesAsync(context.CancellationToken);
        db.ChangeTracker.Clear();
    }

    /// Oversight of each open case, and each case-holding worker's supervision every four to six weeks.
    private static async Task WriteOversightAsync(BoroughPartContext context, Random rng)
    {
        var today = context.Today;
        var open = context.Plan.Children
            .Where(c => c.Status is not (CaseStatus.None or CaseStatus.Closed) && c.Group.CurrentSocial is { Worker: not null, Team: not null })
            .ToList();
        var sessions = new List<SupervisionSession>();
        var direct = new List<OversightEntry>();
        foreach (var byWorker in open.GroupBy(c => c.Group.CurrentSocial!.Worker!))
        {
            var seg = byWorker.First().Group.CurrentSocial!;
            if (!context.Plan.ManagerOf.TryGetValue(seg.Team!, out var manager) || manager.Id == byWorker.Key.Id) continue;
            var s0 = today.AddDays(-rng.Between(2, 33));
            var dates = new[] { s0, s0.AddDays(-rng.Between(28, 42)), s0.AddDays(-rng.Between(70, 84)) };
            var bySession = dates.Select(d => new SupervisionSession { WorkerId = byWorker.Key.Id, SupervisorWorkerId = manager.Id, Date = d, RecordedAt = At(d),
                Notes = rng.Chance(0.3) ? "Caseload discussed; time protected for direct work." : null }).ToList();
            foreach (var child in byWorker)
            {
                var since = Max(seg.Start, child.Spans.Count > 0 ? child.Spans[^1].Start : seg.Start);
                if (since > today) continue;
                var roll = rng.NextDouble();
                // 78% recent, 14% older than the interval only, 8% none at all.
                if (roll < 0.78)
                {
                    if (rng.Chance(0.5) && s0 >= since) bySession[0].Cases.Add(Entry(rng, child.Person.Id, manager.Id, s0, OversightKind.Supervision, today));
                    else
                    {
                        var d = rng.DateBetween(Max(since, today.AddDays(-29)), today);
                        direct.Add(Entry(rng, child.Person.Id, manager.Id, d, OversightKind.Direction, today));
                    }
                }
                else if (roll < 0.92)
                {
                    var older = dates.Skip(1).Where(d => d >= since && d < today.AddDays(-30)).ToList();
                    if (older.Count > 0)
                    {
                        var when = rng.Pick(older);
                        bySession[Array.IndexOf(dates, when)].Cases.Add(Entry(rng, child.Person.Id, manager.Id, when, OversightKind.Supervision, today));
                    }
                    else if (since < today.AddDays(-31)) direct.Add(Entry(rng, child.Person.Id, manager.Id, rng.DateBetween(since, today.AddDays(-31)), OversightKind.Direction, today));
                }
            }
            sessions.AddRange(bySession.Where(s => s.Cases.Count > 0));
        }
        // Supervision first, so each case's entries and actions follow their session's id.
        await context.Writer.SaveAsync(sessions);
        await context.Writer.SaveAsync(direct);
    }

    private static OversightEntry Entry(Random rng, int childId, int managerId, DateOnly date, OversightKind kind, DateOnly today)
    {
        var entry = new OversightEntry
        {
            ChildId = childId, ManagerWorkerId = managerId, Date = date, Kind = kind, RecordedAt = At(date),
            Direction = kind == OversightKind.Supervision ? "Case discussed in supervision: progress against the plan reviewed; continue the plan." : "Reviewed the record: the plan is being followed. Visit within the timescale and see the child alone.",
        };
        if (rng.Chance(0.4))
        {
            var due = date.AddDays(rng.Between(5, 28));
            entry.Actions.Add(new OversightAction
            {
                ChildId = childId, What = rng.Chance(0.5) ? "See the child alone and record their views" : "Update the chronology and the plan's actions",
                Who = "Allocated social worker", DueDate = due, CompletedOn = due < today && rng.Chance(0.85) ? due : null, Version = Guid.NewGuid(),
            });
        }
        return entry;
    }

    private static Workforce.Worker? Worker(ChildPlan child, DateOnly on) =>
        child.Group.Social.LastOrDefault(s => s.Start <= on && (s.End is null || s.End >= on))?.Worker ?? child.RecordedBy;

    private static DateTime At(DateOnly d) => new(d, new TimeOnly(10, 30), DateTimeKind.Utc);
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
