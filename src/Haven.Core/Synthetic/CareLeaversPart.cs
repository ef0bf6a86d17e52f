using Haven.Core.Plans;
using Haven.Core.CareLeavers;
using Haven.Core.Health;
using Haven.Core.Involvements;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

/// Care leavers from each CareLeaver span: a pathway plan (needs assessment near the 16th birthday
/// or on leaving care), reviews on the span's review dates, a birthday return (903 OC3) at each
/// birthday from the 18th while supported, staying put for those with former foster carers,
/// documents, a few significant changes and the EET panel for some not in EET. Calibrated to
/// England 2025 (national-statistics.md, care leavers): at 19–21, EET 54%, NEET 40%, not known 6%;
/// suitable accommodation 89%, unsuitable 5%; at 17–18 EET 64%, suitable 91%; 22-year-olds in
/// touch 58%. Each birthday's in touch / activity / accommodation comes from a stratified sequence
/// per age band (Returns), kept apart for the birthday that is each young person's latest today
/// (the one the care leavers page and the dashboard count), so the 40-odd care leavers of a
/// 3,000-child borough show England's shares. (Independent draws mixed with a lasting propensity
/// gave 75% EET and 93% suitable: the sum of two uniform draws is not uniform.)
internal sealed class CareLeaversPart : IBoroughPart
{
    public string Name => "CareLeavers";

    private static readonly (string, double)[] EetActivities = [("F2", 35), ("F5", 20), ("P5", 15), ("F1", 10), ("F4", 8), ("P2", 6), ("P4", 3), ("P1", 3)];
    private static readonly (string, double)[] NeetActivities = [("G5", 60), ("G4", 25), ("G6", 15)];
    private static readonly (string, double)[] Suitable = [("U1", 35), ("D1", 25), ("Z1", 15), ("B1", 10), ("E1", 8), ("K1", 4), ("T1", 3)];
    private static readonly (string, double)[] Unsuitable = [("V2", 20), ("D2", 20), ("S2", 15), ("X2", 15), ("U2", 15), ("W2", 15)];
    private static readonly (string, double)[] NotInTouch = [("NO", 70), ("REFU", 20), ("NREQ", 10)];
    /// One birthday's answer: in touch or not, and if in touch, in EET or not and suitably housed or not.
    private readonly record struct Return(bool InTouch, bool Eet, bool Suitable);

    /// Weights per age band, from England 2025: EET and suitable add to the published shares and
    /// not in touch is the "not known" share (at 22 the published share not in touch, 42%). In this
    /// order EET, suitable and in touch are each one stretch of the stratified sequence, so each
    /// share is within about one young person of its weight.
    private static readonly (Return, double)[] At18 = [(new(true, true, false), 2), (new(true, true, true), 62), (new(true, false, true), 29), (new(true, false, false), 2), (new(false, false, false), 5)];
    private static readonly (Return, double)[] At19To21 = [(new(true, true, false), 2), (new(true, true, true), 52), (new(true, false, true), 37), (new(true, false, false), 3), (new(false, false, false), 6)];
    private static readonly (Return, double)[] At22On = [(new(true, true, false), 2), (new(true, true, true), 31), (new(true, false, true), 24), (new(true, false, false), 1), (new(false, false, false), 42)];

    private static (Return, double)[] Band(int age) => age <= 18 ? At18 : age <= 21 ? At19To21 : At22On;

    private static readonly (SignificantChangeKind, double)[] Changes = [(SignificantChangeKind.Move, 60), (SignificantChangeKind.BecameParent, 25), (SignificantChangeKind.Custody, 15)];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        // Birthday answers: one sequence per age band for each young person's latest birthday, one for earlier ones.
        var returnsRng = context.RandomFor(Name + ".Birthdays");
        var returns = new Dictionary<(bool Latest, (Return, double)[] Band), Stratified<Return>>();
        Return NextReturn(bool latest, int age) =>
            (returns.TryGetValue((latest, Band(age)), out var seq) ? seq : returns[(latest, Band(age))] = new Stratified<Return>(Band(age), returnsRng)).Next();
        var plan = context.Plan;
        var today = context.Today;
        var advisers = plan.Workers.Where(w => w.Role == HavenRole.PersonalAdviser).ToList();
        if (advisers.Count == 0) advisers = plan.Workers.Where(w => w.Role == HavenRole.SocialWorker).ToList();
        var now = DateTime.UtcNow;
        var plans = new List<PathwayPlan>();
        var shared = new List<Plan>();
        var reviews = new List<PathwayReview>();
        var birthdays = new List<BirthdayReturn>();
        var stayingPut = new List<StayingPut>();
        var documents = new List<CareLeaverDocument>();
        var changes = new List<SignificantChange>();
        var eet = new List<EetPanelDiscussion>();
        var summaries = new List<HealthRecord>();
        foreach (var child in plan.Children)
        {
            if (child.Dob is not { } dob) continue;
            var leaving = child.Spans.FirstOrDefault(s => s.Span.Kind == InvolvementKind.CareLeaver);
            if (leaving is null || leaving.Start > today) continue;
            var id = child.Person.Id;
            var pa = child.OwnAllocations.LastOrDefault(a => a.Kind == Allocations.AllocationKind.PersonalAdviser)?.Worker ?? rng.Pick(advisers);
            var b16 = dob.AddYears(16);
            var assessed = (b16 > leaving.Start.AddYears(-2) ? b16 : leaving.Start.AddDays(-90)).AddDays(rng.Between(10, 80));
            if (assessed > today) assessed = today;
            plans.Add(new PathwayPlan
            {
                ChildId = id, NeedsAssessmentDate = assessed, AgreedDate = assessed.AddDays(rng.Between(7, 35)) is var agreed && agreed <= today ? agreed : null,
                Accommodation = "Plan for a move to supported accommodation, then a council tenancy.", EducationAndWork = "College course; help with applications.",
                Health = "Registered with a GP and dentist; health history summary offered.", EmotionalWellbeing = "Regular contact with the personal adviser; counselling offered.",
                Relationships = "Keeps in touch with brothers and sisters and former carers.", Money = "Budgeting support; setting-up-home allowance.",
                PracticalSkills = "Cooking, bills and tenancy skills sessions.", Identity = "Life story work; documents gathered.",
                RecordedAt = now, RecordedByWorkerId = pa.Id, Version = Guid.NewGuid(),
            });
            shared.Add(PathwayContent(plans[^1], leaving.Span.End, child.Person.FirstName, pa.Id));
            foreach (var r in leaving.Span.Reviews.Where(r => r <= today))
                reviews.Add(new PathwayReview { ChildId = id, ReviewDate = r, ReviewedByWorkerId = pa.Id, Summary = "Pathway plan reviewed with the young person.", RecordedAt = now });

            // Birthdays from the 18th while supported (to the 21st; to the 25th for some).
            var supportedTo = rng.Chance(0.4) ? 25 : 21;
            var end = leaving.Span.End ?? today;
            string? at18 = null;
            var ages = Enumerable.Range(18, supportedTo - 17).Where(age => dob.AddYears(age) is var birthday
                && birthday <= today && birthday <= end.AddMonths(1) && birthday >= leaving.Start).ToList();
            foreach (var age in ages)
            {
                var answer = NextReturn(age == ages[^1], age);
                if (!answer.InTouch)
                {
                    birthdays.Add(new BirthdayReturn { ChildId = id, Age = age, InTouchCode = rng.Weighted(NotInTouch), ActivityCode = "0", AccommodationCode = "0", RecordedAt = now, Version = Guid.NewGuid() });
                    continue;
                }
                var accommodation = answer.Suitable ? rng.Weighted(Suitable) : rng.Weighted(Unsuitable);
                if (accommodation == "Z1" && age > 20) accommodation = "U1";
                if (age == 18) at18 = accommodation;
                birthdays.Add(new BirthdayReturn
                {
                    ChildId = id, Age = age, InTouchCode = "YES", ActivityCode = answer.Eet ? rng.Weighted(EetActivities) : rng.Weighted(NeetActivities),
                    AccommodationCode = accommodation, RecordedAt = now, RecordedByWorkerId = pa.Id, Version = Guid.NewGuid(),
                });
            }
            if (at18 == "Z1")
            {
                var spEnd = dob.AddYears(rng.Between(19, 21));
                stayingPut.Add(new StayingPut { ChildId = id, CarerName = "Former foster carers", StartDate = dob.AddYears(18), EndDate = spEnd <= today ? spEnd : null, RecordedAt = now });
            }

            foreach (var kind in Enum.GetValues<CareLeaverDocumentKind>())
            {
                if (kind == CareLeaverDocumentKind.ImmigrationDocuments && !child.Person.IsUnaccompaniedAsylumSeeker) continue;
                var p = kind switch
                {
                    CareLeaverDocumentKind.BirthCertificate => 0.9, CareLeaverDocumentKind.Passport => 0.55, CareLeaverDocumentKind.NationalInsuranceNumber => 0.85,
                    CareLeaverDocumentKind.BankAccount => 0.8, CareLeaverDocumentKind.PhotoId => 0.5, CareLeaverDocumentKind.NhsNumber => 0.9, _ => 0.7,
                };
                documents.Add(new CareLeaverDocument { ChildId = id, Kind = kind, Held = rng.Chance(p), CheckedDate = today.AddDays(-rng.Between(0, 300)), RecordedAt = now, Version = Guid.NewGuid() });
            }

            // A significant change in the last year for some; most followed by a review.
            if (leaving.Span.End is null && rng.Chance(0.12))
            {
                var when = today.AddDays(-rng.Between(1, 300));
                if (when >= leaving.Start)
                {
                    changes.Add(new SignificantChange { ChildId = id, Kind = rng.Weighted(Changes), EventDate = when, Details = "", RecordedAt = now, RecordedByWorkerId = pa.Id });
                    if (rng.Chance(0.7) && when.AddDays(rng.Between(3, 20)) is var reviewed && reviewed <= today)
                        reviews.Add(new PathwayReview { ChildId = id, ReviewDate = reviewed, ReviewedByWorkerId = pa.Id, Summary = "Pathway plan reviewed after the change.", RecordedAt = now });
                }
            }

            // The EET panel for some young people not in EET at their latest birthday.
            var latest = birthdays.LastOrDefault(b => b.ChildId == id);
            if (leaving.Span.End is null && latest is { ActivityCode: ['G', _] } && rng.Chance(0.5))
            {
                var panel = today.AddDays(-rng.Between(1, 60));
                var done = rng.Chance(0.5);
                eet.Add(new EetPanelDiscussion
                {
                    ChildId = id, PanelDate = panel, OptionsConsidered = "College access course; traineeship; work experience with a council partner.",
                    Action = "Book an appointment with the careers adviser", ActionOwnerWorkerId = pa.Id, ActionDue = panel.AddDays(14),
                    Outcome = done && panel.AddDays(14) <= today ? "Enrolled on an access course" : null, OutcomeDate = done && panel.AddDays(14) <= today ? panel.AddDays(14) : null,
                    RecordedAt = now,
                });
            }

            // The health history summary: given to fewer than half (Ofsted's point for improvement).
            if (rng.Chance(0.4))
                summaries.Add(new HealthRecord { ChildId = id, Kind = HealthRecordKind.HistorySummaryGiven, Date = leaving.Start.AddDays(rng.Between(0, 200)) is var g && g <= today ? g : today, RecordedAt = now, RecordedByWorkerId = pa.Id, Version = Guid.NewGuid() });
        }
        // The outcomes, actions and contingency of each pathway plan live in the shared Plan model;
        // written without random draws so the rest of the borough is unchanged.
        await context.Writer.SaveAsync(shared);
        for (var i = 0; i < plans.Count; i++) plans[i].PlanId = shared[i].Id;
        await context.Writer.BulkAsync(plans);
        await context.Writer.BulkAsync(reviews);
        await context.Writer.BulkAsync(birthdays);
        await context.Writer.BulkAsync(stayingPut);
        await context.Writer.BulkAsync(documents);
        await context.Writer.BulkAsync(changes);
        await context.Writer.BulkAsync(eet);
        await context.Writer.BulkAsync(summaries);
    }

    /// A shared Plan of kind Pathway for a generated pathway plan: started when it was agreed (or
    /// assessed), ended when the young person stopped being supported, with fixed content.
    private static Plan PathwayContent(PathwayPlan p, DateOnly? end, string firstName, int workerId)
    {
        var start = p.AgreedDate ?? p.NeedsAssessmentDate!.Value;
        var at = start.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
        var plan = new Plan
        {
            ChildId = p.ChildId, Kind = PlanKind.Pathway, StartDate = start, EndDate = end is { } e && e >= start ? e : null, CurrentVersionNumber = 1,
            RecordedAt = at, RecordedByWorkerId = workerId, Version = Guid.NewGuid(),
        };
        var version = new PlanVersion { Number = 1, Reason = "Plan started", RecordedAt = at, RecordedByWorkerId = workerId,
            Contingency = "If the tenancy breaks down, supported lodgings while a new home is found; the personal adviser visits weekly." };
        version.Outcomes.Add(new PlanOutcome { Order = 1, Text = $"{firstName} has a safe, settled place to live" });
        version.Outcomes.Add(new PlanOutcome { Order = 2, Text = $"{firstName} is in education, training or work" });
        version.Outcomes.Add(new PlanOutcome { Order = 3, Text = $"{firstName} can manage money and a tenancy" });
        version.Actions.Add(new PlanAction { Key = new Guid(p.ChildId, 7, 1, new byte[8]), Order = 1, What = "Apply for the setting-up-home allowance", Who = "Personal adviser",
            DueDate = start.AddDays(60), LastProgressOn = start });
        version.Actions.Add(new PlanAction { Key = new Guid(p.ChildId, 7, 2, new byte[8]), Order = 2, What = "Visit the college and enrol", Who = firstName,
            DueDate = start.AddDays(90), LastProgressOn = start });
        plan.Versions.Add(version);
        return plan;
    }
}
