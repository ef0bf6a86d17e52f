using Haven.Core.Calendar;
using Haven.Core.ChildProtection;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Child protection conferences, plans, core groups and visits, derived from the timelines: every
/// ChildProtection span gets an initial conference on its start (linked to the section 47 that
/// HelpAndProtectionPart wrote), a plan with the group's category of abuse (England's split,
/// national-statistics.md), review conferences on the span's review dates, an ending conference,
/// visits on the span's visit dates, and core group meetings (the first within 10 working days,
/// then about every 6 weeks, mostly on time). A plan's number of earlier plans comes from the
/// child's earlier ChildProtection spans, so repeat plans follow the timelines' national rate.
internal sealed class ChildProtectionPlansPart : IBoroughPart
{
    public string Name => "Child protection plans";

    private static readonly Dictionary<string, string> CategoryCode = new()
    {
        ["neglect"] = "NEG", ["emotional abuse"] = "EMO", ["physical abuse"] = "PHY", ["sexual abuse"] = "SAB", ["multiple categories"] = "MUL",
    };

    private static readonly string[] Chairs = ["Pat Reid", "Hannah Cole", "Imran Qureshi", "Gillian Marsh"];
    private static readonly string[] PoliceNames = ["DC Sam Patel", "DS Ruth Adeyemi", "DC Owen Hughes", "DS Priya Shah"];
    private static readonly string[] HealthNames = ["Grace Oduya", "Dr Helen Marsh", "Jo Bright", "Amy Lin"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var today = context.Today;
        var enquiries = await context.Writer.Db.Section47Enquiries.AsNoTracking().Where(e => e.InitialConferenceDate != null)
            .Select(e => new { e.Id, e.ChildId, e.InitialConferenceDate }).ToListAsync(context.CancellationToken);
        var enquiryFor = enquiries.GroupBy(e => (e.ChildId, e.InitialConferenceDate!.Value)).ToDictionary(g => g.Key, g => g.First().Id);

        var plans = new List<(ChildProtectionPlan Plan, ChildPlan Child, ChildSpan Span, int? Worker)>();
        foreach (var child in context.Plan.Children)
        {
            var cpSpans = child.Spans.Where(s => s.Span.Kind == InvolvementKind.ChildProtection && s.Start <= today).OrderBy(s => s.Start).ToList();
            for (var i = 0; i < cpSpans.Count; i++)
            {
                var span = cpSpans[i];
                var worker = child.Group.Social.LastOrDefault(s => s.Start <= span.Start)?.Worker?.Id;
                var category = child.Group.CategoryOfAbuse is { } c && CategoryCode.TryGetValue(c, out var code) ? code : "NEG";
                var initial = new ChildProtectionConference
                {
                    ChildId = child.Person.Id, Kind = ConferenceKind.Initial, Date = span.Start, Chair = rng.Pick(Chairs), PlanNeeded = true, CategoryOfAbuse = category,
                    Section47EnquiryId = enquiryFor.TryGetValue((child.Person.Id, span.Start), out var eid) ? eid : null,
                    Attendees = Attendees(rng), Decision = "The child is at continuing risk of significant harm and needs a child protection plan.",
                    RecordedAt = At(span.Start, 16), RecordedByWorkerId = worker, Version = Guid.NewGuid(),
                };
                var plan = new ChildProtectionPlan
                {
                    ChildId = child.Person.Id, StartDate = span.Start, CategoryOfAbuse = category, StartConference = initial, PreviousPlans = i,
                    EndDate = span.Span.End is { } e && e <= today ? e : null, RecordedAt = At(span.Start, 16), Version = Guid.NewGuid(),
                    CoreGroup =
                    [
                        new CoreGroupMember { Agency = PartnerAgency.Other, Name = child.Family.Mother?.Name ?? "Parent", Role = "Parent" },
                        new CoreGroupMember { Agency = PartnerAgency.Health, Name = child.HealthVisitor ?? rng.Pick(HealthNames), Role = "Health" },
                        new CoreGroupMember { Agency = PartnerAgency.Education, Name = child.School?.Contact ?? "Designated safeguarding lead", Role = child.School?.Name ?? "School" },
                    ],
                };
                if (plan.EndDate is { } end)
                {
                    var next = child.Spans.FirstOrDefault(s => s.Start >= end && s.Start <= end.AddDays(7) && s.Span.Kind == InvolvementKind.InCare);
                    plan.EndReason = next is not null ? PlanEndReason.BecameLookedAfter
                        : child.Dob is { } dob && end >= dob.AddYears(18) ? PlanEndReason.Reached18
                        : rng.Chance(0.04) ? PlanEndReason.MovedToAnotherCouncil : PlanEndReason.NoLongerAtRisk;
                }
                plans.Add((plan, child, span, worker));
            }
        }
        // Saving a plan saves its initial conference, attendees and core group with it.
        await context.Writer.SaveAsync(plans.Select(p => p.Plan));

        var reviews = new List<ChildProtectionConference>();
        var endings = new List<(int PlanId, ChildProtectionConference Conference)>();
        var visits = new List<ChildProtectionVisit>();
        var meetings = new List<CoreGroupMeeting>();
        foreach (var (plan, child, span, worker) in plans)
        {
            var last = plan.EndDate ?? today;
            var ended = false;
            foreach (var date in span.Span.Reviews.Where(d => d > plan.StartDate && d <= last).Distinct().Order())
            {
                var ends = plan.EndDate == date && plan.EndReason is PlanEndReason.NoLongerAtRisk or PlanEndReason.BecameLookedAfter;
                var review = Review(rng, plan, date, ends, worker);
                reviews.Add(review);
                if (ends)
                {
                    endings.Add((plan.Id, review));
                    ended = true;
                }
            }
            if (plan.EndDate is { } end && plan.EndReason is PlanEndReason.NoLongerAtRisk or PlanEndReason.BecameLookedAfter && !ended && end > plan.StartDate)
            {
                var review = Review(rng, plan, end, true, worker);
                reviews.Add(review);
                endings.Add((plan.Id, review));
            }
            if (child.Person.DateOfBirth is not null)
                foreach (var date in span.Span.Visits.Where(d => d >= plan.StartDate && d <= last).Distinct())
                {
                    var seen = rng.Chance(0.95);
                    visits.Add(new ChildProtectionVisit
                    {
                        ChildId = child.Person.Id, ChildProtectionPlanId = plan.Id, Date = date, ChildSeen = seen,
                        ChildSeenAlone = seen && child.AgeOn(date) >= 5 && rng.Chance(0.7), RecordedAt = At(date, 17), RecordedByWorkerId = worker, Version = Guid.NewGuid(),
                    });
                }
            // Core groups: the first within 10 working days of the conference, then about every 6 weeks; about one in eight is late.
            var meeting = calendar.AddWorkingDays(plan.StartDate, rng.Chance(0.88) ? rng.Between(5, 10) : rng.Between(11, 16));
            while (meeting <= last)
            {
                meetings.Add(new CoreGroupMeeting
                {
                    ChildId = child.Person.Id, ChildProtectionPlanId = plan.Id, Date = meeting, Attendees = "Parent, social worker, health, school",
                    Notes = "Progress against the plan reviewed; actions updated.", RecordedAt = At(meeting, 15), RecordedByWorkerId = worker, Version = Guid.NewGuid(),
                });
                meeting = meeting.AddDays(rng.Chance(0.88) ? rng.Between(28, 42) : rng.Between(43, 56));
            }
        }
        await context.Writer.SaveAsync(reviews);
        await context.Writer.UpdateAsync<ChildProtectionPlan, int?>(nameof(ChildProtectionPlan.EndConferenceId), endings.Select(e => (e.PlanId, (int?)e.Conference.Id)));
        await context.Writer.BulkAsync(visits);
        await context.Writer.BulkAsync(meetings);
    }

    private static ChildProtectionConference Review(Random rng, ChildProtectionPlan plan, DateOnly date, bool ends, int? worker) => new()
    {
        ChildId = plan.ChildId, Kind = ConferenceKind.Review, ChildProtectionPlanId = plan.Id, Date = date, Chair = rng.Pick(Chairs), PlanNeeded = !ends,
        CategoryOfAbuse = ends ? null : plan.CategoryOfAbuse, EndReason = ends ? plan.EndReason : null, Attendees = Attendees(rng),
        Decision = ends ? "The child is no longer at continuing risk of significant harm; the plan ends." : "The plan continues.",
        RecordedAt = At(date, 16), RecordedByWorkerId = worker, Version = Guid.NewGuid(),
    };

    private static List<ConferenceAttendee> Attendees(Random rng)
    {
        var list = new List<ConferenceAttendee>
        {
            new() { Agency = PartnerAgency.SocialCare, Name = "Allocated social worker", Role = "Social worker", Attendance = ConferenceAttendance.Attended, ReportReceived = true },
            new() { Agency = PartnerAgency.Health, Name = rng.Pick(HealthNames), Role = "Health", Attendance = rng.Chance(0.8) ? ConferenceAttendance.Attended : ConferenceAttendance.SentReport, ReportReceived = rng.Chance(0.85) },
            new() { Agency = PartnerAgency.Other, Name = "Parent", Role = "Parent", Attendance = rng.Chance(0.85) ? ConferenceAttendance.Attended : ConferenceAttendance.Apologies },
        };
        var police = rng.Chance(0.7);
        list.Add(new() { Agency = PartnerAgency.Police, Name = rng.Pick(PoliceNames), Role = "Police", Attendance = police ? ConferenceAttendance.Attended : ConferenceAttendance.SentReport, ReportReceived = !police || rng.Chance(0.5) });
        if (rng.Chance(0.75)) list.Add(new() { Agency = PartnerAgency.Education, Name = "Designated safeguarding lead", Role = "School", Attendance = ConferenceAttendance.Attended, ReportReceived = rng.Chance(0.8) });
        return list;
    }

    private static DateTime At(DateOnly d, int hour) => new(d, new TimeOnly(hour, 0), DateTimeKind.Utc);
}
