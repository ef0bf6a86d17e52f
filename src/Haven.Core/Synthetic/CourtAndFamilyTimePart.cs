using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Involvements;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Court and family time for the generated children, read from the periods of care that
/// ChildrenLookedAfterPart wrote, so they agree with the legal statuses:
/// - every period with an interim (C1) or full care order (C2) has care proceedings: the
///   application a few days before the interim order, an interim hearing on the order, a case
///   management hearing at about two to three weeks, an issues resolution hearing and a final
///   hearing on the day of the full care order (the final order); proceedings past 26 weeks carry
///   an extension (CA 1989 s32(5)), and those that ended with the child going home end with
///   another order. Most non-emergency applications follow pre-proceedings under the Public Law
///   Outline (letter before proceedings, meeting, 16 weeks for the parents' progress);
/// - some families of children on a protection plan are in pre-proceedings that did not lead to
///   care (concerns addressed, or still running);
/// - children in care (not unaccompanied, not living with their parents or adopters) have family
///   time with their mother, father and brothers or sisters, weekly while proceedings run and
///   monthly once settled, mostly supervised, with the last six months' sessions and how they went.
internal sealed class CourtAndFamilyTimePart : IBoroughPart
{
    public string Name => "Court and family time";

    private static readonly string[] Courts = ["Havenbridge Family Court", "Kelmsford Combined Court", "Central Family Court"];

    private static readonly string[] WentWell =
    [
        "Warm time together; played a board game and talked about school. Said goodbye without upset.",
        "Arrived on time and brought food to share. The child was relaxed and asked when the next session is.",
        "Good session. Parent followed the advice given last time and managed the end of the session calmly.",
        "Went to the park. The child enjoyed it and chatted about their friends on the way back.",
        "Read stories together; the child sat close and was settled throughout.",
    ];

    private static readonly string[] WentBadly =
    [
        "Parent arrived late and was distracted; the child was unsettled afterwards. Discussed with the carer.",
        "Difficult ending: the child cried when it was time to go. Carer reports they settled by bedtime.",
        "Parent raised the court case in front of the child; the supervisor redirected the conversation.",
    ];

    private static readonly string[] DidNotHappen =
    [
        "Parent did not attend and did not let us know.",
        "Cancelled: the child was unwell.",
        "Parent cancelled on the day.",
    ];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var db = context.Writer.Db;
        var today = context.Today;
        var children = context.Plan.Children.Where(c => c.Person.Id > 0).ToDictionary(c => c.Person.Id);
        var periods = await db.PeriodsOfCare.AsNoTracking()
            .Select(p => new { p.Id, p.ChildId, p.StartDate, p.EndDate, p.IsUnaccompaniedAsylumSeeker }).ToListAsync(context.CancellationToken);
        var episodes = (await db.Episodes.AsNoTracking().Where(e => e.SupersededAt == null)
                .Select(e => new { e.PeriodOfCareId, e.StartDate, e.EndDate, e.LegalStatusCode, Type = e.Placement.PlacementTypeCode }).ToListAsync(context.CancellationToken))
            .ToLookup(e => e.PeriodOfCareId);

        var pre = new List<PreProceedings>();
        var proceedings = new List<CareProceedings>();
        var arrangements = new List<ContactArrangement>();
        foreach (var period in periods.OrderBy(p => p.ChildId).ThenBy(p => p.StartDate))
        {
            if (!children.TryGetValue(period.ChildId, out var child)) continue;
            var eps = episodes[period.Id].OrderBy(e => e.StartDate).ToList();
            if (eps.Count == 0) continue;
            var until = period.EndDate ?? today;

            // Care proceedings wherever the legal statuses show an interim or full care order.
            if (eps.FirstOrDefault(e => e.LegalStatusCode is "C1" or "C2") is { } court)
            {
                var first = eps[0];
                var emergency = first.LegalStatusCode is "L1" or "L2" or "L3";
                var application = court.StartDate == period.StartDate
                    ? court.StartDate.AddDays(-rng.Between(1, 7))
                    : Dates.Max(period.StartDate, court.StartDate.AddDays(-rng.Between(0, 5)));
                // A newborn's application is made on the day of birth at the earliest.
                if (child.Dob is { } born) application = Dates.Max(application, born);
                var order = eps.FirstOrDefault(e => e.LegalStatusCode == "C2")?.StartDate;
                DateOnly? finalDate = order;
                string? finalOrder = order is null ? null : "C2";
                if (order is null && period.EndDate is { } ended)
                {
                    finalDate = ended;
                    finalOrder = rng.Weighted<string>([("Supervision order", 45), ("Child arrangements order", 30), ("Special guardianship order", 15), ("No order", 10)]);
                }
                var due = Calendar.Timescales.CareProceedings.DueFrom(application);
                var end = finalDate ?? today;
                var extension = end > due && (finalDate is not null || rng.Chance(0.7))
                    ? 8 * (int)Math.Ceiling((end.DayNumber - due.DayNumber) / 56.0) : 0;
                var p = new CareProceedings
                {
                    ChildId = period.ChildId, ApplicationDate = application, Court = rng.Pick(Courts), ExtensionWeeks = extension,
                    ParallelPlan = child.AgeOn(period.StartDate) < 5
                        ? "Assessment of the parents alongside family and friends; adoption considered in parallel if neither can care safely."
                        : "Assessment of the parents and of the wider family; long-term fostering if neither can care safely.",
                    ContingencyPlan = "If the parents' progress stalls, the local authority will ask the court for a full care order.",
                    FinalOrderDate = finalDate, FinalOrder = finalOrder,
                    RecordedAt = new DateTime(application, new TimeOnly(16, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                };
                void Hearing(DateOnly d, string kind, string outcome)
                {
                    if (d >= application && d <= end) p.Hearings.Add(new CourtHearing { Date = d, Kind = kind, Outcome = outcome });
                }
                if (court.LegalStatusCode == "C1") Hearing(court.StartDate, "Interim hearing", "Interim care order made.");
                Hearing(Dates.Weekday(application.AddDays(rng.Between(12, 20))), "Case management hearing", "Timetable set; assessments of the parents and the wider family directed.");
                if (end.DayNumber - application.DayNumber > 200 && rng.Chance(0.4))
                    Hearing(Dates.Weekday(application.AddDays(rng.Between(90, 150))), "Further case management hearing", "Timetable extended for a further assessment.");
                if (finalDate is { } fd)
                {
                    Hearing(Dates.Weekday(fd.AddDays(-rng.Between(28, 49))), "Issues resolution hearing", "Issues narrowed; final hearing listed.");
                    Hearing(fd, "Final hearing", finalOrder == "C2" ? "Full care order made." : $"{finalOrder} made; proceedings concluded.");
                }
                p.Hearings.Sort((a, b) => a.Date.CompareTo(b.Date));
                proceedings.Add(p);

                // Pre-proceedings before most planned applications (not the emergencies).
                if (!emergency && rng.Chance(0.65))
                {
                    var decision = Dates.Weekday(application.AddDays(-rng.Between(60, 170)));
                    var letter = Dates.Weekday(decision.AddDays(rng.Between(3, 10)));
                    var meeting = Dates.Weekday(letter.AddDays(rng.Between(5, 14)));
                    pre.Add(new PreProceedings
                    {
                        ChildId = period.ChildId, DecisionDate = decision, LetterBeforeProceedingsDate = letter, MeetingDate = meeting,
                        ProgressDueDate = meeting.AddDays(7 * 16), ParentsProgress = "Parents engaged at first but the changes asked of them were not made in time.",
                        EndDate = application, Outcome = "Proceedings issued",
                        RecordedAt = new DateTime(decision, new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                    });
                }
            }

            // Family time.
            if (period.IsUnaccompaniedAsylumSeeker) continue;
            var lastType = eps[^1].Type;
            if (lastType.StartsWith('A') || lastType == "P1") continue;
            var from = period.StartDate.AddDays(rng.Between(2, 10));
            if (from > until) continue;
            var settled = eps.FirstOrDefault(e => e.LegalStatusCode is "C2" or "V2" && e.StartDate.AddDays(60) < until)?.StartDate.AddDays(60);
            var others = child.Family.Children.Where(c => c != child && c.Person.Id > 0 && c.Dob is { } d && d < until).ToList();
            var with = new List<(FamilyMember With, string Name, bool Supervised)>();
            if (child.Family.Mother is { } mother && rng.Chance(0.85)) with.Add((FamilyMember.Mother, mother.Name, rng.Chance(0.8)));
            if ((child.Father ?? child.Family.Father) is { } father && rng.Chance(0.5)) with.Add((FamilyMember.Father, father.Name, rng.Chance(0.8)));
            if (others.Count > 0 && rng.Chance(0.6))
            {
                var sib = rng.Pick(others);
                with.Add((sib.Person.Sex == Sex.Male ? FamilyMember.Brother : sib.Person.Sex == Sex.Female ? FamilyMember.Sister : FamilyMember.Sibling,
                    $"{sib.Person.FirstName} {sib.Person.LastName}", rng.Chance(0.2)));
            }
            foreach (var (member, name, supervised) in with)
            {
                var weekly = settled is null || settled > today;
                var a = new ContactArrangement
                {
                    ChildId = period.ChildId, With = member, PersonName = name, Frequency = weekly ? "Weekly" : "Monthly", Supervised = supervised,
                    StartDate = from, EndDate = period.EndDate, RecordedAt = new DateTime(from, new TimeOnly(11, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                };
                var step = weekly ? 7 : 28;
                for (var d = Dates.Max(Dates.Weekday(Dates.Max(from, until.AddDays(-182))), from); d <= until && d <= today; d = Dates.Weekday(d.AddDays(step + rng.Between(-1, 1))))
                {
                    var tookPlace = rng.Chance(0.87);
                    a.Sessions.Add(new ContactSession
                    {
                        Date = d, TookPlace = tookPlace,
                        HowItWent = !tookPlace ? rng.Pick(DidNotHappen) : rng.Chance(0.8) ? rng.Pick(WentWell) : rng.Pick(WentBadly),
                        RecordedAt = new DateTime(d, new TimeOnly(18, 0), DateTimeKind.Utc),
                    });
                }
                arrangements.Add(a);
            }
        }

        // Pre-proceedings for some families with a child on a protection plan that lasted: most
        // concerns addressed, a few still running (the 16-week timescale shows on My work).
        var inProceedings = proceedings.Select(p => p.ChildId).ToHashSet();
        foreach (var child in children.Values)
        {
            if (inProceedings.Contains(child.Person.Id) || child.Dob is null) continue;
            foreach (var cs in child.Spans.Where(s => s.Span.Kind == InvolvementKind.ChildProtection && (s.Span.End ?? today).DayNumber - s.Start.DayNumber > 240))
            {
                if (!rng.Chance(0.15)) continue;
                var planEnd = cs.Span.End ?? today;
                var decision = Dates.Weekday(cs.Start.AddDays(rng.Between(120, 200)));
                if (decision > today || decision >= planEnd) continue;
                var letter = Dates.Weekday(decision.AddDays(rng.Between(3, 10)));
                var meeting = Dates.Weekday(letter.AddDays(rng.Between(5, 14)));
                var progressDue = meeting.AddDays(7 * 16);
                DateOnly? endDate = progressDue <= today ? Dates.Min(progressDue.AddDays(rng.Between(0, 21)), today) : null;
                pre.Add(new PreProceedings
                {
                    ChildId = child.Person.Id, DecisionDate = decision,
                    LetterBeforeProceedingsDate = letter <= today ? letter : null, MeetingDate = meeting <= today ? meeting : null,
                    ProgressDueDate = progressDue,
                    ParentsProgress = endDate is null ? "Parents attending the parenting programme; progress reviewed at the 8-week meeting." : "Parents made the changes asked of them; the plan continued without proceedings.",
                    EndDate = endDate, Outcome = endDate is null ? null : "Concerns addressed",
                    RecordedAt = new DateTime(decision, new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                });
            }
        }

        await context.Writer.SaveAsync(pre);
        await context.Writer.SaveAsync(proceedings);
        await context.Writer.SaveAsync(arrangements);
    }
}
