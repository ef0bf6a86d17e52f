using System.Text;
using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

/// Writes a child's case notes from the planned history: statutory visits on their dates,
/// meetings and reviews, and routine notes (calls, supervision, oversight) at a rhythm scaled by
/// BoroughOptions.CaseNoteDensity. Runs after people and workers have ids.
internal sealed class CaseNoteWriter(BoroughBuilder borough, double density, DateOnly windowStart)
{
    private readonly Random _rng = borough.Random;
    private readonly DateOnly _today = borough.Today;

    private static readonly string[] ReferralSources =
        ["the police", "the school", "the health visitor", "the GP", "a neighbour", "a family member", "the hospital emergency department", "the school nurse", "an anonymous caller", "the housing team"];

    public List<CaseNote> Write(ChildPlan child)
    {
        var notes = new List<CaseNote>();
        var spans = child.Spans;
        for (var i = 0; i < spans.Count; i++)
        {
            var next = i + 1 < spans.Count ? spans[i + 1].Span : null;
            WriteSpan(child, spans[i], next, notes);
        }
        return notes;
    }

    private void WriteSpan(ChildPlan child, ChildSpan cs, Span? next, List<CaseNote> notes)
    {
        var span = cs.Span;
        var from = Dates.Max(cs.Start, windowStart);
        var until = Dates.Min(span.End ?? _today, _today);
        if (until < from) return;
        var atStart = cs.Start == span.Start && from == cs.Start;
        var g = child.Group;

        // Visits on the planned dates.
        foreach (var d in span.Visits)
            if (d >= from && d <= until) Visit(child, span, d, notes);

        // Reviews held.
        foreach (var d in span.Reviews)
            if (d >= from && d <= until) Review(child, span, d, notes);

        switch (span.Kind)
        {
            case InvolvementKind.Assessment:
                if (atStart)
                {
                    Add(notes, child, span, CaseNoteType.CaseNote, span.Start, "Referral received",
                        $"Referral received from {_rng.Pick(ReferralSources)} about {Concern(child, span.Start)}. MASH checks completed with police, health and education. " +
                        $"Decision: the threshold for a child and family assessment is met. {child.Name} to be seen within the assessment timescale.", byManager: false);
                    Add(notes, child, span, CaseNoteType.ManagementOversight, span.Start, "Management decision: assessment",
                        $"I have read the referral and the MASH checks. Agreed for a child and family assessment under section 17, to be completed within 45 working days. " +
                        $"Initial focus: {Concern(child, span.Start)} and its impact on {child.Name}.", byManager: true);
                }
                if (next?.Kind == InvolvementKind.ChildProtection && span.End is { } ae)
                {
                    var strategy = Dates.Max(from, ae.AddDays(-_rng.Between(5, 15)));
                    Add(notes, child, span, CaseNoteType.Meeting, strategy, "Strategy discussion",
                        $"Strategy discussion with police, health and education. Information shared about {Concern(child, span.Start)}. Agreed that the threshold for section 47 enquiries is met; " +
                        "a joint visit will take place and an initial child protection conference will be requested.", byManager: false, people: "Police, health, education, social worker, team manager");
                }
                else if (span.End is { } end && end <= _today)
                    Add(notes, child, span, CaseNoteType.ManagementOversight, end, "Assessment authorised",
                        $"Assessment authorised. Outcome: {Outcome(next)}. Analysis is clear about {Concern(child, span.Start)} and {child.Name}'s views are recorded.", byManager: true);
                break;
            case InvolvementKind.ChildProtection:
                if (atStart)
                    Add(notes, child, span, CaseNoteType.Meeting, span.Start, "Initial child protection conference",
                        $"Initial child protection conference held. Decision: {child.Name} to be subject to a child protection plan under the category of {g.CategoryOfAbuse ?? "neglect"}. " +
                        "An outline plan was agreed and the first core group will meet within 10 working days.", byManager: false, people: MeetingPeople(child));
                Periodic(Dates.Max(from, Dates.AddWorkingDays(span.Start, 10)), until, 28, 42, 1, d => Add(notes, child, span, CaseNoteType.Meeting, d, "Core group meeting",
                    $"Core group meeting. Reviewed the child protection plan: {Progress()}. Actions updated for {Parent(child)}, school and health. {child.Name}'s views shared by the social worker.",
                    byManager: false, people: MeetingPeople(child)));
                break;
            case InvolvementKind.InCare:
                if (atStart)
                {
                    var first = Placement(span, span.Start)?.Description;
                    Add(notes, child, span, CaseNoteType.CaseNote, span.Start, "Became looked after",
                        $"{child.Name} became looked after today. {(first is null ? "" : "Placed in a " + first + ".")} " +
                        "Care plan, placement plan and health assessment requests started. IRO notified.", byManager: false);
                    Add(notes, child, span, CaseNoteType.Meeting, Dates.Min(span.Start.AddDays(_rng.Between(0, 5)), until), "Placement planning meeting",
                        $"Placement planning meeting with the carers. Agreed routines, family time arrangements, school transport and health appointments for {child.Name}.", byManager: false);
                }
                foreach (var p in span.Placements.Skip(1))
                    if (p.Start >= from && p.Start <= until)
                        Add(notes, child, span, CaseNoteType.CaseNote, p.Start, "Change of placement",
                            $"{child.Name} moved to a {p.Description}. The previous placement ended after a planning meeting; {child.Name} was told in advance and helped pack.", byManager: false);
                if (child.AgeOn(until) is >= 4 and <= 17)
                {
                    var vso = child.OwnAllocations.FirstOrDefault(a => a.Kind == AllocationKind.VirtualSchoolOfficer);
                    Periodic(from.AddDays(20), until, 100, 130, 1, d => Add(notes, child, span, CaseNoteType.Meeting, d, "Personal education plan meeting",
                        $"PEP meeting at {child.School?.Name ?? "school"}. Attendance and progress reviewed; targets set for reading and maths. Pupil premium plus agreed for tutoring.",
                        byManager: false, people: "Designated teacher, carer, social worker, virtual school", author: vso?.Start <= d ? vso.Worker : null));
                }
                break;
            case InvolvementKind.EarlyHelp:
                if (atStart)
                    Add(notes, child, span, CaseNoteType.Meeting, span.Start, "Early help assessment and family plan",
                        $"Met the family to complete the early help assessment. {Parent(child)} agreed a family plan: school attendance, routines and support with {Concern(child, span.Start)}.", byManager: false);
                break;
            case InvolvementKind.CareLeaver:
                if (atStart)
                    Add(notes, child, span, CaseNoteType.CaseNote, span.Start, "18th birthday: leaving care",
                        $"{child.Name} is 18 today and is now a care leaver. The pathway plan sets out accommodation, education and finances. Personal adviser support continues to 25 on request.", byManager: false);
                break;
        }

        // Routine notes, thinned or thickened by the density option.
        var social = span.Kind is InvolvementKind.Assessment or InvolvementKind.ChildInNeed or InvolvementKind.ChildProtection or InvolvementKind.InCare;
        if (social)
        {
            var calls = span.Kind == InvolvementKind.ChildProtection ? (18, 35) : (35, 70);
            Periodic(from, until, calls.Item1, calls.Item2, density, d => Phone(child, span, d, notes));
            if (until.DayNumber - from.DayNumber > 30)
            {
                Periodic(from, until, 42, 70, density, d => Add(notes, child, span, CaseNoteType.Supervision, d, "Case supervision", Text(CaseNoteText.SupervisionNotes, child, span, d, byManager: true), byManager: true));
                Periodic(from, until, 75, 130, density, d => Add(notes, child, span, CaseNoteType.ManagementOversight, d, "Management oversight", Text(CaseNoteText.Oversight, child, span, d, byManager: true), byManager: true));
                Periodic(from, until, 100, 180, density, d => Add(notes, child, span, CaseNoteType.Email, d, "Email", Text(CaseNoteText.Emails, child, span, d), byManager: false));
                Periodic(from, until, 120, 240, density, d => Add(notes, child, span, CaseNoteType.CaseNote, d, "Case note", Text(CaseNoteText.CaseNotes, child, span, d), byManager: false));
                if (span.Kind != InvolvementKind.Assessment && child.AgeOn(until) >= 4)
                    Periodic(from, until, 90, 180, density, d => Add(notes, child, span, CaseNoteType.DirectWork, d, "Direct work", Text(CaseNoteText.DirectWork, child, span, d),
                        byManager: false, seen: true));
            }
        }
        else if (span.Kind == InvolvementKind.EarlyHelp)
        {
            Periodic(from, until, 30, 60, density, d => Phone(child, span, d, notes));
            Periodic(from, until, 90, 150, density, d => Add(notes, child, span, CaseNoteType.ManagementOversight, d, "Management oversight", Text(CaseNoteText.Oversight, child, span, d, byManager: true), byManager: true));
        }
        else if (span.Kind == InvolvementKind.CareLeaver)
        {
            Periodic(from, until, 45, 90, density, d => Add(notes, child, span, CaseNoteType.PhoneCall, d, "Call with young person", Text(CaseNoteText.LeaverContact, child, span, d), byManager: false));
        }

        // Closing the case: oversight when a chain of involvement ends without another following.
        if (span.End is { } closed && closed <= _today && closed >= from && (next is null || next.Start != closed))
            Add(notes, child, span, CaseNoteType.ManagementOversight, closed, "Case closure authorised",
                $"Closure authorised. The plan's outcomes are met or the family no longer needs {Involvement.Describe(span.Kind).ToLowerInvariant()} support. " +
                $"{Parent(child)} and partner agencies informed; universal services remain involved.", byManager: true);
    }

    private static string Outcome(Span? next) => next?.Kind switch
    {
        InvolvementKind.ChildInNeed => "child in need plan",
        InvolvementKind.ChildProtection => "section 47 enquiries and an initial child protection conference",
        InvolvementKind.InCare => "the child to become looked after",
        InvolvementKind.EarlyHelp => "step down to early help",
        _ => "no further action from children's social care; universal services to continue",
    };

    private string Progress() => _rng.Pick(["some progress, but concerns about home conditions remain", "good progress, with attendance improving",
        "limited progress because appointments were missed", "steady progress; parents engaging well with services", "mixed progress, with a police call-out last week"]);

    private void Periodic(DateOnly from, DateOnly until, int min, int max, double scale, Action<DateOnly> write)
    {
        if (scale <= 0) return;
        var d = from.AddDays((int)(_rng.Between(min, max) / scale / 2));
        while (d <= until)
        {
            write(d);
            d = d.AddDays(Math.Max(1, (int)(_rng.Between(min, max) / scale)));
        }
    }

    private void Visit(ChildPlan child, Span span, DateOnly date, List<CaseNote> notes)
    {
        var c = Context(child, span, date);
        var unborn = child.Person.IsUnborn;
        // Some visits need a second attempt: the failed one is recorded too, a few days before.
        if (!unborn && span.Kind != InvolvementKind.CareLeaver && _rng.Chance(0.06))
        {
            var attempt = date.AddDays(-_rng.Between(1, 4));
            if (attempt >= windowStart && attempt >= span.Start)
                Add(notes, child, span, span.Kind is InvolvementKind.ChildProtection or InvolvementKind.ChildInNeed or InvolvementKind.InCare
                        ? CaseNoteType.StatutoryVisit : CaseNoteType.HomeVisit, attempt, "Visit attempted: child not seen",
                    Compose([Pick(CaseNoteText.NotSeen, c), Pick(CaseNoteText.Actions, c)]), byManager: false, people: c.Mother);
        }
        var seen = !unborn;
        var alone = seen && c.Age >= 5 && _rng.Chance(span.Kind == InvolvementKind.InCare ? 0.8 : 0.85) && span.Kind != InvolvementKind.CareLeaver;
        var parts = new List<string>();
        var inPlacement = span.Kind == InvolvementKind.InCare && c.Placement is not null && !c.Placement.StartsWith("placement with parents", StringComparison.Ordinal);

        if (span.Kind == InvolvementKind.CareLeaver)
        {
            var first = _rng.Next(CaseNoteText.LeaverContact.Length);
            parts.Add(CaseNoteText.LeaverContact[first](c));
            parts.Add(CaseNoteText.LeaverContact[(first + _rng.Between(1, CaseNoteText.LeaverContact.Length - 1)) % CaseNoteText.LeaverContact.Length](c));
        }
        else if (unborn) parts.Add(Pick(CaseNoteText.UnbornOpenings, c));
        else
        {
            parts.Add(inPlacement ? Pick(CaseNoteText.PlacementOpenings, c) : Pick(CaseNoteText.HomeOpenings, c));
            if (c.Baby) parts.Add(Pick(CaseNoteText.BabyObservations, c));
            else if (c.Young) parts.Add(Pick(CaseNoteText.YoungObservations, c));
            if (alone) parts.Add(Pick(c.Teen ? CaseNoteText.TeenVoice : CaseNoteText.ChildVoice, c));
            if (span.Kind == InvolvementKind.EarlyHelp) parts.Add(Pick(CaseNoteText.EarlyHelpWork, c));
            else if (inPlacement)
            {
                parts.Add(Pick(CaseNoteText.CarerDiscussion, c));
                if (c.SchoolAge) parts.Add(Pick(CaseNoteText.Education, c));
            }
            else
            {
                parts.Add(Pick(CaseNoteText.ParentDiscussion, c));
                if (span.Kind == InvolvementKind.ChildProtection || _rng.Chance(0.5)) parts.Add(Pick(CaseNoteText.HomeConditions, c));
            }
        }
        if (unborn) parts.Add(Pick(CaseNoteText.ParentDiscussion, c));
        parts.Add(Pick(Closings(span), c));

        var (type, subject) = span.Kind switch
        {
            InvolvementKind.ChildProtection => (CaseNoteType.StatutoryVisit, unborn ? "Pre-birth child protection visit" : "Child protection statutory visit"),
            InvolvementKind.ChildInNeed => (CaseNoteType.StatutoryVisit, "Child in need visit"),
            InvolvementKind.InCare => (CaseNoteType.StatutoryVisit, "Statutory visit (looked-after child)"),
            InvolvementKind.EarlyHelp => (CaseNoteType.HomeVisit, "Early help home visit"),
            InvolvementKind.CareLeaver => (CaseNoteType.HomeVisit, "Personal adviser visit"),
            _ => (CaseNoteType.HomeVisit, unborn ? "Pre-birth assessment visit" : "Assessment home visit"),
        };
        var people = new List<string>();
        if (seen) people.Add($"{child.Person.FirstName} {child.Person.LastName} (child)");
        if (inPlacement && c.Carer is not null) people.Add($"{c.Carer} (carer)");
        else if (span.Kind != InvolvementKind.CareLeaver && c.Mother is not null) people.Add($"{c.Mother} (mother)");
        Add(notes, child, span, type, date, subject, Compose(parts), byManager: false, people: string.Join(", ", people), seen: seen, alone: alone);
    }

    private void Review(ChildPlan child, Span span, DateOnly date, List<CaseNote> notes)
    {
        var c = Context(child, span, date);
        var (subject, body, iro) = span.Kind switch
        {
            InvolvementKind.ChildProtection => ("Review child protection conference",
                $"Review child protection conference. {Progress()}. Decision: {(_rng.Chance(0.8) ? "the plan continues" : "the plan continues with a revised focus on " + c.Concern)}. " +
                $"{c.Child}'s views were shared through the social worker's direct work. Next review within six months.", false),
            InvolvementKind.InCare => ("Looked-after review",
                $"Looked-after review chaired by the IRO. {c.Child} {(c.Age >= 8 ? "attended part of the meeting and spoke about school and family time" : "was seen before the meeting")}. " +
                $"The care plan remains appropriate; permanence, health and education reviewed. Recommendations sent to the social worker.", true),
            InvolvementKind.CareLeaver => ("Pathway plan review",
                $"Pathway plan reviewed with {c.Child}. Accommodation is {(_rng.Chance(0.85) ? "suitable" : "not suitable at present and a move is being sought")}; " +
                $"education, training and employment goals updated. Next review in six months.", false),
            InvolvementKind.EarlyHelp => ("Team around the family review",
                $"Team around the family review with {c.ParentFirst}, school and health. Progress on the family plan is {(_rng.Chance(0.7) ? "good" : "slow")}; actions updated.", false),
            _ => ("Child in need review",
                $"Child in need review meeting. {Progress()}. The plan continues; {c.ParentFirst} agreed actions on {c.Concern}. {c.Child}'s wishes and feelings were considered.", false),
        };
        var author = iro ? child.Group.Iro.FirstOrDefault(s => s.Start <= date && (s.End ?? DateOnly.MaxValue) >= date)?.Worker : null;
        Add(notes, child, span, CaseNoteType.Meeting, date, subject, body, byManager: false, people: MeetingPeople(child), author: author);
    }

    private void Phone(ChildPlan child, Span span, DateOnly date, List<CaseNote> notes)
    {
        var c = Context(child, span, date);
        var who = _rng.Pick(CaseNoteText.PhoneWith);
        if (who == "carer" && c.Carer is null) who = "mother";
        if (who == "health visitor" && c.Age > 4) who = "school";
        var body = CaseNoteText.PhoneCall(c, who) + " " + Pick(Closings(span), c);
        Add(notes, child, span, CaseNoteType.PhoneCall, date, who switch
        {
            "mother" or "father" => $"Call with {c.ParentFirst}",
            _ => $"Call with {who}",
        }, body, byManager: false);
    }

    private string Text(Func<NoteContext, string>[] bank, ChildPlan child, Span span, DateOnly date, bool byManager = false)
    {
        var c = Context(child, span, date);
        return Compose([Pick(bank, c), Pick(byManager ? CaseNoteText.ManagerClosings : Closings(span), c)]);
    }

    private static Func<NoteContext, string>[] Closings(Span span) =>
        span.Kind == InvolvementKind.CareLeaver ? CaseNoteText.LeaverClosings : CaseNoteText.Actions;

    private string Pick(Func<NoteContext, string>[] bank, NoteContext c) => _rng.Pick(bank)(c);

    private static string Compose(List<string> parts)
    {
        // Keep bodies to a few sentences (about 200 to 800 characters).
        while (parts.Count > 2 && parts.Sum(p => p.Length + 1) > 800) parts.RemoveAt(parts.Count - 2);
        var text = string.Join(" ", parts);
        return text.Length > 800 ? text[..797].TrimEnd() + "..." : text;
    }

    private string Lengthen(string body, ChildPlan child, Span span, DateOnly date)
    {
        if (body.Length >= 200) return body;
        var c = Context(child, span, date);
        for (var i = 0; i < 3 && body.Length < 200; i++) body += " " + Pick(i == 0 ? CaseNoteText.Background : Closings(span), c);
        return body;
    }

    private NoteContext Context(ChildPlan child, Span span, DateOnly date)
    {
        var p = child.Person;
        var female = p.Sex == Sex.Female;
        var known = p.Sex != Sex.Unknown;
        var placement = Placement(span, date);
        var family = child.Family;
        var sibling = family.Children.FirstOrDefault(s => s != child && !s.Person.IsUnborn);
        var (seg, _) = SocialAt(child.Group, date);
        return new NoteContext
        {
            Child = p.IsUnborn ? "the baby" : child.Name,
            He = !known ? "they" : female ? "she" : "he",
            His = !known ? "their" : female ? "her" : "his",
            Him = !known ? "them" : female ? "her" : "him",
            Age = p.IsUnborn ? -1 : child.AgeOn(date),
            Unborn = p.IsUnborn,
            Mother = family.Mother?.Name,
            Father = child.Father?.Name,
            Sibling = sibling?.Name,
            Carer = placement is { Carers.Count: > 0 } ? placement.Carers[0].Name : null,
            Placement = placement?.Description,
            School = child.School?.Name,
            SchoolContact = child.School?.Contact,
            Gp = child.Gp?.Practice,
            HealthVisitor = child.HealthVisitor,
            Concern = Concern(child, date),
            Category = child.Group.CategoryOfAbuse,
            Worker = seg?.Worker?.DisplayName ?? "the social worker",
            Manager = seg?.Team is { } t && borough.ManagerOf.TryGetValue(t, out var m) ? m.DisplayName : null,
        };
    }

    /// The concern a note is about: the family's concerns take turns as the focus, a few months each,
    /// so every part of one note names the same one.
    private static string Concern(ChildPlan child, DateOnly date) =>
        child.Family.Concerns.Count == 0 ? "the family's circumstances" : child.Family.Concerns[date.DayNumber / 120 % child.Family.Concerns.Count];

    private static string Parent(ChildPlan child) => child.Family.Mother?.Name ?? child.Father?.Name ?? "The young person";

    private static Placement? Placement(Span span, DateOnly date) =>
        span.Placements.LastOrDefault(p => p.Start <= date && (p.End is null || p.End > date)) ?? span.Placements.LastOrDefault();

    private static string MeetingPeople(ChildPlan child)
    {
        var people = new List<string>();
        if (child.Family.Mother is { } m) people.Add($"{m.Name} (mother)");
        if (child.Father is { } f) people.Add($"{f.Name} (father)");
        if (child.School is { } s) people.Add($"{s.Contact} ({s.Name})");
        people.Add("social worker");
        return string.Join(", ", people);
    }

    private static (AllocSeg? Seg, bool Exact) SocialAt(CaseGroup g, DateOnly date)
    {
        AllocSeg? before = null;
        foreach (var s in g.Social)
        {
            if (s.Start <= date && (s.End ?? DateOnly.MaxValue) >= date) return (s, true);
            if (s.Start <= date) before = s;
        }
        return (before ?? g.Social.FirstOrDefault(), false);
    }

    private void Add(List<CaseNote> notes, ChildPlan child, Span span, CaseNoteType type, DateOnly date, string subject, string body,
        bool byManager, string? people = null, bool seen = false, bool alone = false, Worker? author = null)
    {
        // Routine work happens on weekdays; visits and reviews were already planned on weekdays.
        var weekday = Dates.Weekday(date);
        if (weekday >= Dates.Max(span.Start, windowStart)) date = weekday;
        if (date > _today || date < windowStart) return;
        var (seg, _) = SocialAt(child.Group, date);
        var worker = author ?? seg?.Worker;
        if (byManager && seg?.Team is { } team && borough.ManagerOf.TryGetValue(team, out var manager)) worker = manager;
        worker ??= borough.DemoWorkers[HavenRole.MashWorker];
        var eventAt = new DateTime(date, new TimeOnly(_rng.Between(9, 17), _rng.Next(60)), DateTimeKind.Utc);
        var lagDays = _rng.Weighted<int>([(0, 62), (1, 18), (2, 8), (3, 5), (5, 4), (9, 3)]);
        var recordedAt = lagDays == 0 ? eventAt.AddMinutes(_rng.Between(30, 360)) : eventAt.Date.AddDays(lagDays).AddHours(_rng.Between(9, 18)).AddMinutes(_rng.Next(60));
        var latest = new DateTime(_today, new TimeOnly(23, 0), DateTimeKind.Utc);
        if (recordedAt > latest) recordedAt = eventAt > latest ? eventAt : latest;
        notes.Add(new CaseNote
        {
            ChildId = child.Person.Id,
            AuthorWorkerId = worker.Id,
            Type = type,
            EventAt = eventAt,
            RecordedAt = DateTime.SpecifyKind(recordedAt, DateTimeKind.Utc),
            Subject = subject,
            Body = Lengthen(body, child, span, date),
            PeopleSeen = people is { Length: > 0 } ? (people.Length > 500 ? people[..500] : people) : null,
            ChildSeen = seen,
            ChildSeenAlone = alone,
        });
    }
}
