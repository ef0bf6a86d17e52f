using Haven.Core.Education.Inclusion;
using Haven.Core.Involvements;

namespace Haven.Core.Synthetic;

/// Home education, children missing education and exclusions for the borough's school-age
/// children known to social care. National-statistics.md has no figures for these; the rates are
/// plausible and stated here:
/// - Elective home education: about 1.2% of school-age children nationally (DfE autumn 2024
///   collection, from memory, not verified); children known to social care are over-represented, so
///   2.5% here, notified over the last three years, a fifth since returned to school. The first
///   suitability check is usually made in time; a minority are late or not yet made (overdue).
/// - Children missing education: about 1.5% of these children a year; most referrals close within
///   weeks, most of them found on a school roll.
/// - Exclusions: suspension rates for children in need are several times the all-pupil rates
///   (all pupils 2022/23 about 9 per 100, secondary about 19 and primary under 2, from memory): here
///   0.06 suspensions per primary child-year and 0.45 per secondary child-year, rising by about 12%
///   a year over the five school years shown, as the secondary trend has nationally; permanent
///   exclusions about 1 in 100 of those rates.
internal sealed class InclusionPart : IBoroughPart
{
    public string Name => "Inclusion";

    private const double HomeEducated = 0.025;
    private const double MissingEducationYearly = 0.015;
    private const double PrimarySuspensionsPerYear = 0.06;
    private const double SecondarySuspensionsPerYear = 0.45;
    private const double SecondaryRisePerYear = 0.12;
    private const double PermanentShare = 0.012;
    private static readonly (decimal, double)[] SuspensionDays = [(0.5m, 5), (1m, 40), (2m, 25), (3m, 15), (5m, 10), (10m, 5)];
    private static readonly string[] NotifiedBy = ["Parents by letter", "Parents by email", "School deregistration notice"];
    private static readonly string[] EheReasons = ["Anxiety about school", "Dispute with the school", "Philosophical choice", "Health needs", "Avoiding a prosecution for attendance"];
    private static readonly string[] CmeReferrers = ["School: child left without a destination", "Admissions: not on any roll", "Health visitor", "Housing", "Police"];
    private static readonly string[] CmeActions = ["Home visit", "Checked with schools in neighbouring councils", "Checked with health (GP registration)", "Checked with housing and benefits",
        "Letter to last known address", "Enquiry to the council the family moved to"];
    private static readonly string[] ExclusionReasons = ["Persistent disruptive behaviour", "Physical assault against a pupil", "Verbal abuse against an adult", "Drug and alcohol related",
        "Use or threat of use of an offensive weapon"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var homeEducation = new List<HomeEducation>();
        var missing = new List<MissingEducation>();
        var exclusions = new List<Exclusion>();
        var firstYear = new DateOnly(today.Month >= 9 ? today.Year - 4 : today.Year - 5, 9, 1);
        foreach (var child in context.Plan.Children)
        {
            // Up to 21 now: a young person of 20 was in secondary school in the first year shown.
            if (child.Dob is not { } dob || child.AgeOn(today) is < 5 or > 21) continue;
            if (!child.Spans.Any(s => s.Span.End is null || s.Span.End >= today.AddYears(-3))) continue;
            var schoolAgeNow = child.AgeOn(today) <= 16;
            var inCareNow = child.Spans.Any(s => s.Span.Kind == InvolvementKind.InCare && s.Span.End is null);
            var recordedBy = child.RecordedBy?.Id;

            if (schoolAgeNow && !inCareNow && rng.Chance(HomeEducated))
            {
                var notified = rng.DateBetween(Dates.Max(today.AddYears(-3), dob.AddYears(5)), today.AddDays(-1));
                var h = new HomeEducation
                {
                    ChildId = child.Person.Id, NotifiedOn = notified, NotifiedBy = rng.Pick(NotifiedBy), PreviousSchool = child.School?.Name, Reason = rng.Chance(0.7) ? rng.Pick(EheReasons) : null,
                    RecordedAt = notified.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), RecordedByWorkerId = recordedBy, Version = Guid.NewGuid(),
                };
                var ends = rng.Chance(0.2) ? rng.DateBetween(notified.AddDays(30), today) : (DateOnly?)null;
                if (ends is { } e && e < today) { h.EndedOn = e; h.EndReason = "Returned to school"; }
                var (due, _) = InclusionService.NextCheck(h);
                while (true)
                {
                    var held = rng.Chance(0.75) ? due.AddDays(-rng.Between(0, 10)) : due.AddDays(rng.Between(5, 60));
                    if (held >= today || (h.EndedOn is { } end && held > end)) break;
                    h.Checks.Add(new HomeEducationCheck
                    {
                        Kind = rng.Chance(0.6) ? HomeEducationCheckKind.Visit : HomeEducationCheckKind.SuitabilityCheck, HeldOn = held,
                        Outcome = rng.Weighted([(HomeEducationOutcome.Suitable, 65), (HomeEducationOutcome.NotYetKnown, 20), (HomeEducationOutcome.NotSuitable, 8), (HomeEducationOutcome.NoEngagement, 7.0)]),
                        SafeguardingConcern = rng.Chance(0.08), RecordedAt = held.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), RecordedByWorkerId = recordedBy,
                    });
                    if (h.Checks[^1].SafeguardingConcern) h.Checks[^1].Notes = "Child not seen at the visit; concerns shared with the front door";
                    (due, _) = InclusionService.NextCheck(h);
                }
                homeEducation.Add(h);
            }

            if (schoolAgeNow && rng.Chance(MissingEducationYearly * 2))
            {
                var referred = rng.DateBetween(Dates.Max(today.AddYears(-2), dob.AddYears(5)), today.AddDays(-1));
                var m = new MissingEducation
                {
                    ChildId = child.Person.Id, ReferredOn = referred, ReferredBy = rng.Pick(CmeReferrers), RecordedAt = referred.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
                    RecordedByWorkerId = recordedBy, Version = Guid.NewGuid(),
                };
                var taken = referred;
                for (var n = rng.Between(1, 4); n > 0; n--)
                {
                    taken = taken.AddDays(rng.Between(2, 15));
                    if (taken >= today) break;
                    m.Actions.Add(new MissingEducationAction { TakenOn = taken, Action = rng.Pick(CmeActions), RecordedAt = taken.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), RecordedByWorkerId = recordedBy });
                }
                var closeOn = taken.AddDays(rng.Between(3, 40));
                if (rng.Chance(0.85) && closeOn < today)
                {
                    m.ClosedOn = closeOn;
                    m.Closure = rng.Weighted([(MissingEducationClosure.FoundInSchool, 55), (MissingEducationClosure.MovedToAnotherCouncil, 20), (MissingEducationClosure.HomeEducated, 10),
                        (MissingEducationClosure.MovedAbroad, 10), (MissingEducationClosure.Other, 5.0)]);
                    m.ClosureDetail = m.Closure == MissingEducationClosure.FoundInSchool ? child.School?.Name ?? "A school in the borough" : null;
                }
                missing.Add(m);
            }

            for (var year = firstYear; year < today; year = year.AddYears(1))
            {
                var age = Dates.AgeOn(dob, year);
                if (age is < 4 or > 15) continue;
                var secondary = age >= 11;
                var index = (year.Year - firstYear.Year);
                var rate = secondary ? SecondarySuspensionsPerYear * (1 + SecondaryRisePerYear * index) : PrimarySuspensionsPerYear;
                var yearEnd = Dates.Min(year.AddYears(1).AddDays(-1), today.AddDays(-1));
                var days = 0m;
                var draws = rate > 1 ? 2 : 1;
                for (var d = 0; d < draws; d++)
                {
                    if (!rng.Chance(rate / draws)) continue;
                    var events = rng.Chance(0.3) ? rng.Between(2, 4) : 1;
                    for (var k = 0; k < events; k++)
                    {
                        var on = Dates.Weekday(rng.DateBetween(year, yearEnd));
                        var permanent = rng.Chance(PermanentShare);
                        var length = permanent ? (decimal?)null : rng.Weighted(SuspensionDays);
                        if (length is { } l && days + l > InclusionService.MaxSuspensionDaysInYear) continue;
                        days += length ?? 0;
                        exclusions.Add(new Exclusion
                        {
                            ChildId = child.Person.Id, SchoolName = child.School is { } s && s.Secondary == secondary ? s.Name : secondary ? "Borough secondary academy" : "Borough primary school",
                            Phase = secondary ? SchoolPhase.Secondary : SchoolPhase.Primary, Kind = permanent ? ExclusionKind.Permanent : ExclusionKind.Suspension,
                            StartDate = on, Days = length, Reason = rng.Pick(ExclusionReasons), RecordedAt = on.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc),
                            RecordedByWorkerId = recordedBy, Version = Guid.NewGuid(),
                        });
                        if (permanent) break;
                    }
                }
            }
        }
        await context.Writer.SaveAsync(homeEducation);
        await context.Writer.SaveAsync(missing);
        await context.Writer.BulkAsync(exclusions);
    }
}
