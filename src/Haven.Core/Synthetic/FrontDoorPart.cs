using Haven.Core.Calendar;
using Haven.Core.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Front-door contacts: one for each referral ReferralPart wrote (decided "referral to social
/// care", linked to it), and about as many again that ended in no further action, advice or early
/// help, so there are about 1.9 contacts per referral (national-statistics.md). Each has MASH
/// checks, most decisions are signed off within 1 working day, and some came in out of hours.
internal sealed class FrontDoorPart : IBoroughPart
{
    public string Name => "FrontDoor";

    private static readonly (string Code, double Weight)[] Sources =
        [("6", 28), ("2A", 21), ("3A", 4), ("3B", 3), ("3E", 4), ("1A", 8), ("5D", 5), ("4", 3), ("7", 4), ("8", 5), ("9", 3)];
    private static readonly (ContactOutcome Item, double Weight)[] OtherOutcomes =
        [(ContactOutcome.NoFurtherAction, 35), (ContactOutcome.InformationAndAdvice, 35), (ContactOutcome.EarlyHelp, 30)];
    private static readonly string[] Worries =
    [
        "Child disclosed being hit at home.", "Police attended a domestic incident; children present.", "Concerns about home conditions and neglect.",
        "Child missing from home overnight.", "Parent's mental health has deteriorated.", "Repeated absence from school and appearing hungry.",
        "Concerns about exploitation: older associates, new phone.", "Bruising noticed at nursery.",
    ];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var db = context.Writer.Db;
        var today = context.Today;
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var referrals = await db.Referrals.AsNoTracking().Select(r => new { r.Id, r.ChildId, r.ReferralDate, r.SourceCode }).ToListAsync(context.CancellationToken);
        var deciders = context.Plan.Workers.Where(w => w.SweNumber != null).ToList();
        var managers = context.Plan.Workers.Where(w => w.Role == Workforce.HavenRole.TeamManager).ToList();
        var children = context.Plan.Children.Where(c => c.Person.Kind == People.PersonKind.Child).ToList();
        if (deciders.Count == 0 || managers.Count == 0 || children.Count == 0) return;

        var contacts = new List<(Contact Contact, int? ReferralId)>();
        Contact Make(int childId, DateOnly date, string source, ContactOutcome outcome, string level)
        {
            var received = new DateTime(date, new TimeOnly(rng.Next(0, 24), rng.Next(60)), DateTimeKind.Utc);
            var outOfHours = received.Hour is < 8 or >= 18 || !calendar.IsWorkingDay(date);
            var decisionDay = rng.NextDouble() switch { < 0.82 => date, < 0.95 => calendar.AddWorkingDays(date, 1), _ => calendar.AddWorkingDays(date, rng.Next(2, 5)) };
            if (!calendar.IsWorkingDay(decisionDay)) decisionDay = calendar.NextWorkingDay(decisionDay);
            var decided = new DateTime(decisionDay, new TimeOnly(rng.Next(11, 17), rng.Next(60)), DateTimeKind.Utc);
            if (decided < received) decided = received.AddHours(2);
            var pending = decisionDay >= today;
            var c = new Contact
            {
                ReceivedAt = received, Channel = outOfHours ? ContactChannel.OutOfHours : rng.Chance(0.6) ? ContactChannel.Phone : ContactChannel.Email,
                SourceCode = source, ContactorName = source == "9" ? "Anonymous" : "Synthetic contactor", Worry = rng.Pick(Worries),
                Consent = rng.Weighted([(ConsentToShare.Given, 60.0), (ConsentToShare.Overridden, 25.0), (ConsentToShare.NotSought, 15.0)]),
                RecordedAt = received, Version = Guid.NewGuid(),
            };
            if (c.Consent == ConsentToShare.Given) c.ConsentGivenBy = "Parent";
            else c.ConsentReason = "Seeking consent could place the child at risk of significant harm";
            var decider = rng.Pick(deciders);
            c.Children.Add(new ContactChild
            {
                ChildId = childId, Version = Guid.NewGuid(),
                LevelOfNeed = pending ? null : level, Outcome = pending ? null : outcome, Rationale = pending ? null : "Threshold applied using the continuum of need and partner information.",
                DecidedAt = pending ? null : decided, DecidedByWorkerId = pending ? null : decider.Id,
                SignedOffAt = pending ? null : decided.AddMinutes(40), SignedOffByWorkerId = pending ? null : rng.Pick(managers).Id,
            });
            foreach (var agency in Enum.GetValues<PartnerAgency>().Where(_ => rng.Chance(0.35)).Take(3))
            {
                var rag = rng.Weighted([(Rag.Red, 15.0), (Rag.Amber, 50.0), (Rag.Green, 35.0)]);
                var due = received + MashCheck.DefaultTimeFor(rag);
                var answered = due < new DateTime(today, TimeOnly.MinValue, DateTimeKind.Utc) ? rng.Chance(0.93) : rng.Chance(0.5);
                c.Checks.Add(new MashCheck
                {
                    Agency = agency, AgencyName = agency == PartnerAgency.Other ? "Voluntary sector provider" : null, Rag = rag, Question = "What do you know about this family?",
                    RequestedAt = received.AddMinutes(30), DueAt = due, RequestedByWorkerId = decider.Id, Version = Guid.NewGuid(),
                    RespondedAt = answered ? received.AddHours(rng.Next(1, (int)MashCheck.DefaultTimeFor(rag).TotalHours + 4)) : null,
                    Response = answered ? "Known to us; information shared with the MASH." : null,
                });
            }
            if (outOfHours && rng.Chance(0.5))
                c.Handover = new OutOfHoursHandover
                {
                    ActionsTaken = "Out-of-hours social worker spoke to police and the parent; child safe overnight.", RecordedAt = received.AddHours(1), Version = Guid.NewGuid(),
                    AcknowledgedAt = date < today.AddDays(-2) || rng.Chance(0.5) ? received.AddHours(10) : null,
                };
            return c;
        }

        foreach (var r in referrals)
        {
            var outcome = rng.Chance(0.15) ? ContactOutcome.StrategyDiscussion : ContactOutcome.SocialCareAssessment;
            var c = Make(r.ChildId, r.ReferralDate, r.SourceCode, outcome, outcome == ContactOutcome.StrategyDiscussion ? "child-protection" : "child-in-need");
            var item = c.Children[0];
            if (item.SignedOffAt is not null) item.ReferralId = r.Id;
            contacts.Add((c, item.ReferralId));
        }
        // Contacts that did not become referrals: about 0.9 for each referral, over the last three years.
        var extra = (int)Math.Round(referrals.Count * 0.9);
        for (var i = 0; i < extra; i++)
        {
            var child = rng.Pick(children);
            var date = today.AddDays(-rng.Next(0, 3 * 365));
            if (child.Dob is { } dob && date < dob) date = dob.AddDays(rng.Next(30, 400));
            if (date > today) date = today;
            var outcome = rng.Weighted(OtherOutcomes);
            contacts.Add((Make(child.Person.Id, date, rng.Weighted(Sources), outcome, outcome == ContactOutcome.EarlyHelp ? "early-help" : "universal"), null));
        }
        // Each table on its own, in the order SaveChanges wrote the graph (contacts, then each
        // contact's child, checks and handover, in contact order), so every row gets the id it had;
        // as plain rows they are written in bulk rather than one INSERT ... RETURNING each.
        var parts = contacts.Select(c => (c.Contact, Children: c.Contact.Children, Checks: c.Contact.Checks, c.Contact.Handover)).ToList();
        foreach (var (contact, _, _, _) in parts) (contact.Children, contact.Checks, contact.Handover) = ([], [], null);
        await context.Writer.SaveAsync(parts.Select(p => p.Contact));
        foreach (var (contact, kids, checks, handover) in parts)
        {
            foreach (var kid in kids) kid.ContactId = contact.Id;
            foreach (var check in checks) check.ContactId = contact.Id;
            if (handover is not null) handover.ContactId = contact.Id;
        }
        await context.Writer.SaveAsync(parts.SelectMany(p => p.Children));
        await context.Writer.SaveAsync(parts.SelectMany(p => p.Checks));
        await context.Writer.SaveAsync(parts.Where(p => p.Handover is not null).Select(p => p.Handover!));
        foreach (var (contact, kids, checks, handover) in parts) (contact.Children, contact.Checks, contact.Handover) = (kids, checks, handover);
        await context.Writer.UpdateAsync<Referrals.Referral, int?>(nameof(Referrals.Referral.ContactId),
            contacts.Where(c => c.ReferralId is not null).Select(c => (c.ReferralId!.Value, (int?)c.Contact.Id)));
    }
}
