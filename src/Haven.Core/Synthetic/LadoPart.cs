using Haven.Core.Calendar;
using Haven.Core.Lado;

namespace Haven.Core.Synthetic;

/// Allegations against people who work with children: a few dozen a year for a borough of this
/// size (no national statistics exist; national-statistics.md §5 says to treat volume as local).
/// Most are decided within a working day; about half go to an allegation management meeting.
internal sealed class LadoPart : IBoroughPart
{
    public string Name => "Lado";

    private static readonly (EmployerSector Sector, string Role, string Employer, double Weight)[] Work =
    [
        (EmployerSector.Education, "Teacher", "Primary school", 24), (EmployerSector.Education, "Teaching assistant", "Secondary school", 12),
        (EmployerSector.EarlyYears, "Nursery practitioner", "Day nursery", 10), (EmployerSector.FosterCare, "Foster carer", "Independent fostering agency", 10),
        (EmployerSector.ResidentialCare, "Residential support worker", "Children's home", 9), (EmployerSector.Health, "Nurse", "Hospital trust", 7),
        (EmployerSector.SocialCare, "Social worker", "Children's services", 4), (EmployerSector.Police, "Police officer", "Police force", 4),
        (EmployerSector.SportAndLeisure, "Coach", "Football club", 7), (EmployerSector.FaithOrganisation, "Youth leader", "Church", 4),
        (EmployerSector.VoluntaryAndCommunity, "Volunteer", "Youth club", 5), (EmployerSector.Transport, "Driver", "School transport contractor", 4),
    ];

    private static readonly (LadoOutcome Outcome, double Weight)[] Outcomes =
    [
        (LadoOutcome.Substantiated, 30), (LadoOutcome.Unsubstantiated, 35), (LadoOutcome.Unfounded, 25), (LadoOutcome.False, 8), (LadoOutcome.Malicious, 2),
    ];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var perYear = Math.Max(3, (int)Math.Round(context.Plan.Children.Count * 36.0 / 3000));
        var children = context.Plan.Children.Where(c => c.Person.DateOfBirth is not null).ToList();
        var cases = new List<LadoCase>();
        for (var day = today.AddYears(-3); day <= today; day = day.AddDays(1))
        {
            if (!rng.Chance(perYear / 365.0) || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var (sector, role, employer, _) = rng.Weighted(Work.Select(w => (w, w.Weight)).ToList());
            var female = rng.Chance(0.6);
            var first = rng.Pick(female ? NamePools.BritishWomen : NamePools.BritishMen);
            var c = new LadoCase
            {
                Person = new LadoPerson { FirstName = first, LastName = rng.Pick(NamePools.For(Heritage.British).Surnames), DateOfBirth = rng.BirthDateForAge(day, rng.Between(22, 64)), RecordedAt = At(day), Version = Guid.NewGuid() },
                Role = role, IsVolunteer = sector is EmployerSector.VoluntaryAndCommunity or EmployerSector.FaithOrganisation || (sector == EmployerSector.SportAndLeisure && rng.Chance(0.6)),
                EmployerName = employer, EmployerSector = sector, ReceivedOn = day, ReferrerName = "Designated safeguarding lead",
                Allegation = "Allegation that the person harmed a child or behaved in a way that indicates they may pose a risk to children.",
                RecordedAt = At(day), Version = Guid.NewGuid(),
            };
            for (var k = rng.Chance(0.8) ? 1 : rng.Between(2, 3); k > 0 && children.Count > 0; k--)
            {
                var child = rng.Pick(children);
                c.Children.Add(new LadoCaseChild { ChildId = child.Person.Id, Description = $"{child.Name}, aged {Math.Max(0, child.AgeOn(day))}" });
            }
            var due = Timescales.LadoInitialConsideration.DueFrom(day);
            var considered = rng.Chance(0.85) ? due : WorkingDays(due, rng.Between(1, 4));
            if (considered <= today)
            {
                c.ConsideredOn = considered;
                c.Decision = rng.Weighted([(LadoDecision.AllegationManagementMeeting, 50.0), (LadoDecision.AdviceToEmployer, 35.0), (LadoDecision.NoFurtherAction, 15.0)]);
                c.DecisionRationale = "Considered against the harm threshold in Keeping Children Safe in Education.";
                if (c.Decision == LadoDecision.AllegationManagementMeeting)
                {
                    var held = WorkingDays(considered, rng.Between(2, 8));
                    if (held <= today)
                    {
                        var meeting = new LadoMeeting { HeldOn = held, Attendees = "LADO, employer, police", Summary = "Agreed how the allegation will be looked into.", RecordedAt = At(held) };
                        meeting.Actions.Add(new LadoAction { Description = "Employer to complete its investigation", Owner = employer, DueOn = held.AddDays(rng.Between(14, 42)), Version = Guid.NewGuid() });
                        meeting.Actions.Add(new LadoAction { Description = "Police to confirm whether they will investigate", Owner = "Police", DueOn = held.AddDays(7), Version = Guid.NewGuid() });
                        c.Meetings.Add(meeting);
                        var outcomeOn = held.AddDays(rng.Chance(0.75) ? rng.Between(10, 25) : rng.Between(30, 150));
                        foreach (var a in meeting.Actions)
                            if (a.DueOn <= today && (outcomeOn <= today || rng.Chance(0.7))) a.CompletedOn = a.DueOn.AddDays(-rng.Between(0, 5));
                        if (outcomeOn <= today)
                        {
                            c.OutcomeOn = outcomeOn;
                            c.Outcome = rng.Weighted(Outcomes);
                            c.ReferredToDbs = c.Outcome == LadoOutcome.Substantiated && rng.Chance(0.5);
                            c.ReferredToRegulator = c.Outcome == LadoOutcome.Substantiated && sector is EmployerSector.Education or EmployerSector.Health or EmployerSector.SocialCare && rng.Chance(0.6);
                            c.RegulatorName = c.ReferredToRegulator ? sector switch
                            {
                                EmployerSector.Education => "Teaching Regulation Agency", EmployerSector.Health => "Nursing and Midwifery Council", _ => "Social Work England",
                            } : null;
                        }
                    }
                }
            }
            cases.Add(c);
        }
        // An action refers to both its meeting and its case, so actions are written once both have ids.
        var actions = cases.SelectMany(c => c.Meetings.Select(m => (Case: c, Meeting: m, Actions: m.Actions.ToList()))).ToList();
        foreach (var (_, m, _) in actions) m.Actions.Clear();
        await context.Writer.SaveAsync(cases);
        await context.Writer.SaveAsync(actions.SelectMany(x => x.Actions.Select(a =>
        {
            a.LadoCaseId = x.Case.Id;
            a.LadoMeetingId = x.Meeting.Id;
            return a;
        })));
    }

    private static DateTime At(DateOnly d) => new(d, new TimeOnly(9, 30), DateTimeKind.Utc);

    private static DateOnly WorkingDays(DateOnly from, int days) => WorkingDayCalendar.EnglandAndWales.AddWorkingDays(from, days);
}
