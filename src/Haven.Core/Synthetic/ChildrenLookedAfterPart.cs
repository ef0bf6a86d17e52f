using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Involvements;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using PlacementRecord = Haven.Core.ChildrenLookedAfter.Placement;

namespace Haven.Core.Synthetic;

/// Periods of care from each InCare span of a child's timeline: the decision, SSDA903 episodes
/// built through EpisodeRules (so generated histories obey the same rules as recorded ones), legal
/// statuses, placements with 903 types and providers, statutory visits and looked-after reviews.
/// Calibrated to England 2025 (national-statistics.md §3): legal status at 31 March (full care
/// order 59%, interim 16%, s20 19%, placement order 6%), category of need, placement provider,
/// reasons for leaving care. Histories reach back years, so a 903 for any of the last three years
/// can be produced.
internal sealed class ChildrenLookedAfterPart : IBoroughPart
{
    public string Name => "ChildrenLookedAfter";

    private static readonly (string Code, double Weight)[] Needs =
        [("N1", 67), ("N5", 12), ("N8", 8), ("N4", 7), ("N3", 2), ("N2", 2), ("N6", 1), ("N7", 0.5)];

    private static readonly (string Code, double Weight)[] MoveReasons =
        [("CARPL", 40), ("CREQB", 15), ("CREQO", 10), ("CHILD", 8), ("LAREQ", 8), ("STAND", 4), ("ALLEG", 3), ("CLOSE", 3), ("OTHER", 9)];

    private static readonly (string Code, double Weight)[] Participation =
        [("PN1", 45), ("PN2", 10), ("PN3", 5), ("PN4", 3), ("PN5", 12), ("PN6", 20), ("PN7", 5)];

    private static readonly (CareRoute Route, double Weight)[] Routes =
        [(CareRoute.Voluntary, 15), (CareRoute.VoluntaryThenCourt, 22), (CareRoute.Court, 48), (CareRoute.PoliceProtection, 10), (CareRoute.EmergencyProtection, 5)];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var plan = context.Plan;
        // Routes into care, stratified separately for periods open today and ended ones, so the
        // legal status share at 31 March (about 75 children) stays near England's whatever the
        // random sequence; with independent draws the full care order share swung by ±6 points.
        var routes = (Open: new Stratified<CareRoute>(Routes, rng), Ended: new Stratified<CareRoute>(Routes, rng));
        var locator = new SyntheticPostcodeLocator();
        var involvements = (await context.Writer.Db.Involvements.AsNoTracking().Where(i => i.Kind == InvolvementKind.InCare)
            .Select(i => new { i.Id, i.ChildId, i.StartDate }).ToListAsync(context.CancellationToken))
            .ToLookup(i => (i.ChildId, i.StartDate), i => i.Id);
        var fallbackManager = plan.ManagerOf.Values.First();
        var iros = plan.Workers.Where(w => w.Role == Workforce.HavenRole.Iro).ToList();

        // Where each child lived before (903 PrevPerm) comes from its own stream, so the rest of the borough is unchanged.
        var prevPermRng = context.RandomFor(Name + ".PreviousPermanence");

        // Pass 1: periods. Pass 2: placements (need the period's id). Pass 3: episodes, visits, reviews.
        var work = new List<(ChildPlan Child, ChildSpan Span, PeriodOfCare Period)>();
        foreach (var child in plan.Children)
            foreach (var cs in child.Spans.Where(s => s.Span.Kind == InvolvementKind.InCare
                && s.Span.Placements.Any(p => (p.End ?? DateOnly.MaxValue) > s.Start)))
            {
                if (child.Dob is not { } dob || cs.Start < dob) continue;
                var social = child.Group.Social.LastOrDefault(s => s.Start <= cs.Start) ?? child.Group.Social.FirstOrDefault();
                var manager = social?.Team is { } team && plan.ManagerOf.TryGetValue(team, out var m) ? m : fallbackManager;
                var uasc = child.Person.IsUnaccompaniedAsylumSeeker;
                // Home is where the family lived when the child came into care. (The child's own residences
                // already hold the placements from that day on, so reading them gave the first placement
                // as "home" and measured every later move from it: 45% "over 20 miles" against England's 22%.)
                var home = child.Family.Home.LastOrDefault(h => h.Start <= cs.Start)?.Address ?? child.Family.Home.FirstOrDefault()?.Address;
                var period = new PeriodOfCare
                {
                    ChildId = child.Person.Id, DecisionDate = cs.Start.AddDays(-rng.Between(0, 2)), AuthorisedByWorkerId = manager.Id,
                    DecisionReason = uasc ? "Arrived in the borough alone, seeking asylum; no adult to care for them." : ReasonText(rng),
                    StartDate = cs.Start, CategoryOfNeedCode = uasc ? "N8" : rng.Weighted(Needs),
                    IsUnaccompaniedAsylumSeeker = uasc, UascCeasedDate = uasc && cs.Span.End is { } e && e >= dob.AddYears(18) ? dob.AddYears(18) : null,
                    HomePostcode = uasc ? "" : home?.Postcode ?? "",
                    InvolvementId = involvements[(child.Person.Id, cs.Start)].FirstOrDefault() is var id and > 0 ? id : null,
                    RecordedAt = new DateTime(cs.Start, new TimeOnly(16, 0), DateTimeKind.Utc), RecordedByWorkerId = social?.Worker?.Id,
                    Version = Guid.NewGuid(),
                };
                (period.PreviousPermanenceCode, period.PreviousPermanenceLa, period.PreviousPermanenceDate) = PreviousPermanence(prevPermRng, dob, cs.Start);
                work.Add((child, cs, period));
            }
        // Placements and episodes are worked out before anything is saved, with placement keys
        // standing in for ids (the writer forgets rows once saved), then written in order.
        var placements = new List<PlacementRecord>();
        var placementPeriod = new List<int>();
        var periodLines = new List<IReadOnlyList<EpisodeLine>>();
        for (var i = 0; i < work.Count; i++)
        {
            var (child, cs, period) = work[i];
            var mine = new List<PlacementRecord>();
            foreach (var p in cs.Span.Placements.Where(p => (p.End ?? DateOnly.MaxValue) > cs.Start))
            {
                var start = p.Start < cs.Start ? cs.Start : p.Start;
                var (type, provider) = Codes(rng, p, child.AgeOn(start));
                var address = p.Kind == PlacementKind.WithParents ? child.Family.Home.LastOrDefault(h => h.Start <= start)?.Address : p.Address;
                var postcode = address?.Postcode ?? period.HomePostcode;
                var record = new PlacementRecord
                {
                    Id = placements.Count + 1, ChildId = period.ChildId, PlacementTypeCode = type, ProviderCode = provider,
                    CarerName = p.Carers.Count > 0 ? string.Join(" and ", p.Carers.Select(c => c.Name)) : address?.Line1 ?? "Parents",
                    AddressLine1 = address?.Line1 ?? "", AddressLine2 = address?.Line2, Town = address?.Town ?? "", Postcode = postcode,
                    Urn = type is "K1" or "K2" or "K3" ? $"SC{rng.Between(100000, 999999)}" : type.StartsWith('U') || type.StartsWith('A') ? "XXXXXXX" : null,
                    DistanceFromHomeMiles = PlacementDistance.Miles(locator, period.HomePostcode, postcode),
                    InsideCouncilArea = locator.Locate(postcode) is null ? null : locator.IsInsideCouncilArea(postcode),
                    StartDate = start, EndDate = p.End, Matching = $"Chosen as a {p.Description}: close to what {child.Name} knows, with carers able to meet their needs.",
                    LongTermAgreedDate = type is "U1" or "U4" && start.AddMonths(rng.Between(2, 6)) is var lt && lt <= (p.End ?? plan.Today) ? lt : null,
                    RecordedAt = new DateTime(start, new TimeOnly(17, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                };
                mine.Add(record);
                placements.Add(record);
                placementPeriod.Add(i);
            }
            var lines = mine.Count == 0 ? [] : BuildEpisodes(rng, cs.Span.End is null ? routes.Open : routes.Ended, child, cs, period, mine, plan.Today);
            periodLines.Add(lines);
            foreach (var p in mine)
            {
                var used = lines.Where(l => l.PlacementKey == p.Id).ToList();
                if (used.Count == 0) continue;
                p.StartDate = used[0].Start;
                p.EndDate = used[^1].End;
                p.ReasonForChangeCode = used[^1].ReasonPlaceChange;
            }
            if (lines.Count > 0 && lines[^1] is { End: { } end, ReasonEpisodeCeased: { } rec }) { period.EndDate = end; period.ReasonCeasedCode = rec; }
        }
        await context.Writer.SaveAsync(work.Select(w => w.Period));
        var keys = new Dictionary<int, PlacementRecord>();
        for (var j = 0; j < placements.Count; j++)
        {
            keys[placements[j].Id] = placements[j];
            placements[j].PeriodOfCareId = work[placementPeriod[j]].Period.Id;
        }
        foreach (var p in placements) p.Id = 0;
        await context.Writer.SaveAsync(placements);

        var episodes = new List<Episode>();
        var visits = new List<StatutoryVisit>();
        var reviews = new List<LookedAfterReview>();
        var iroVisits = new List<IroVisit>();
        var iroRng = context.RandomFor(Name + ".IroVisits");
        for (var i = 0; i < work.Count; i++)
        {
            var (child, cs, period) = work[i];
            var lines = periodLines[i];
            if (lines.Count == 0) continue;
            foreach (var l in lines)
                episodes.Add(new Episode
                {
                    PeriodOfCareId = period.Id, ChildId = period.ChildId, Revision = 1, StartDate = l.Start, EndDate = l.End, ReasonForNewEpisodeCode = l.ReasonForNewEpisode,
                    LegalStatusCode = l.LegalStatus, PlacementId = keys[l.PlacementKey].Id, ReasonEpisodeCeasedCode = l.ReasonEpisodeCeased, ReasonPlaceChangeCode = l.ReasonPlaceChange,
                    RecordedAt = period.RecordedAt,
                });
            var mine = lines.Select(l => keys[l.PlacementKey]).Distinct().ToList();

            foreach (var v in cs.Span.Visits.Where(v => v >= cs.Start && v <= (cs.Span.End ?? plan.Today)))
            {
                var worker = child.Group.Social.LastOrDefault(s => s.Start <= v && (s.End is null || s.End >= v))?.Worker ?? child.Group.Social.LastOrDefault()?.Worker;
                if (worker is null) continue;
                var seen = rng.Chance(0.97);
                visits.Add(new StatutoryVisit
                {
                    ChildId = period.ChildId, PlacementId = mine.LastOrDefault(p => p.StartDate <= v)?.Id, VisitDate = v, ChildSeen = seen,
                    SeenAlone = seen && child.AgeOn(v) >= 5 && rng.Chance(0.75), VisitedByWorkerId = worker.Id,
                    Summary = seen ? $"Visited {child.Name} at the placement. Talked about school, friends and family time." : "Visited; the child was out, carer seen.",
                    RecordedAt = new DateTime(v, new TimeOnly(18, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                });
            }
            iroVisits.AddRange(PlanIroVisits(iroRng, child, period.ChildId, cs.Start,
                cs.Span.Reviews.Where(r => r >= cs.Start).ToList(), cs.Span.End ?? plan.Today));
            foreach (var r in cs.Span.Reviews.Where(r => r >= cs.Start && r <= (cs.Span.End ?? plan.Today)))
            {
                var iro = child.Group.Iro.LastOrDefault(s => s.Start <= r && (s.End is null || s.End >= r))?.Worker ?? (iros.Count > 0 ? rng.Pick(iros) : null);
                if (iro is null) continue;
                var age = child.AgeOn(r);
                var offered = age >= 5 && rng.Chance(0.7);
                reviews.Add(new LookedAfterReview
                {
                    ChildId = period.ChildId, PeriodOfCareId = period.Id, ReviewDate = r, ChairWorkerId = iro.Id,
                    ParticipationCode = age < 4 ? "PN0" : rng.Weighted(Participation), AdvocacyOffered = offered, AdvocacyTakenUp = offered && rng.Chance(0.3),
                    LongTermPlacementAgreed = mine.LastOrDefault(p => p.StartDate <= r)?.LongTermAgreedDate is { } lt && lt <= r,
                    Decisions = "The care plan continues. Family time stays as agreed. School support to be checked before the next review.",
                    LetterToChild = $"Dear {child.Name}, it was good to talk with you at your review. We agreed that you will stay where you are living now, and that you will keep seeing your family. If you want to change anything, tell your social worker or me. Your IRO, {iro.DisplayName}",
                    RecordedAt = new DateTime(r, new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                });
            }
        }
        await context.Writer.BulkAsync(episodes);
        await context.Writer.BulkAsync(visits);
        await context.Writer.BulkAsync(reviews);
        await context.Writer.BulkAsync(iroVisits);
    }

    private static readonly string[] IroVisitPurposes =
    [
        "Before the review, to hear what the child wants to say", "To check the review's decisions are being carried out",
        "After a change of placement", "The child asked to see the IRO",
    ];

    /// The IRO sees most children once between one review and the next (IroVisitShare), from the
    /// IRO allocated on the day, on its own random stream so the rest of the borough keeps its draws.
    public const double IroVisitShare = 0.8;

    private static IEnumerable<IroVisit> PlanIroVisits(Random rng, ChildPlan child, int childId, DateOnly start, IReadOnlyList<DateOnly> reviewDates, DateOnly until)
    {
        var marks = new List<DateOnly> { start };
        marks.AddRange(reviewDates.Where(r => r > start && r <= until).Order());
        for (var k = 1; k < marks.Count; k++)
        {
            var (from, to) = (marks[k - 1], marks[k]);
            // Before the first review only when it is far enough off; between later reviews usually.
            if (to.DayNumber - from.DayNumber < 42 || !rng.Chance(k == 1 ? 0.4 : IroVisitShare)) continue;
            var date = from.AddDays(rng.Next(14, to.DayNumber - from.DayNumber - 6));
            var iro = child.Group.Iro.LastOrDefault(s => s.Start <= date && (s.End is null || s.End >= date))?.Worker;
            if (iro is null) continue;
            yield return new IroVisit
            {
                ChildId = childId, VisitDate = date, IroWorkerId = iro.Id, SeenAlone = child.AgeOn(date) >= 5 && rng.Chance(0.7),
                Purpose = rng.Pick(IroVisitPurposes), Summary = $"Saw {child.Name} at the placement; talked about how things are and what to raise at the next review.",
                RecordedByWorkerId = iro.Id, RecordedAt = new DateTime(date, new TimeOnly(16, 30), DateTimeKind.Utc), Version = Guid.NewGuid(),
            };
        }
    }

    /// The period's episodes: the first placement and legal status, then each legal status change
    /// and each move applied in date order through EpisodeRules, then the ending.
    /// 903 PrevPerm: most children had no permanence order before (Z1); about 1 in 25 had a special
    /// guardianship, child arrangements or adoption order that broke down, made by an LA (3-digit DfE
    /// number, sometimes not known: 999) on a date before care began (the day sometimes not known: ZZ).
    private static (string Code, string? La, string? Date) PreviousPermanence(Random rng, DateOnly dob, DateOnly start)
    {
        var roll = rng.NextDouble();
        var code = roll < 0.02 ? "P2" : roll < 0.035 ? "P3" : roll < 0.04 ? "P1" : LookedAfterCodes.NoPreviousPermanence;
        var days = start.DayNumber - dob.DayNumber;
        if (code == LookedAfterCodes.NoPreviousPermanence || days < 120) return (LookedAfterCodes.NoPreviousPermanence, null, null);
        var order = dob.AddDays(rng.Next(30, days - 60));
        var la = rng.NextDouble() < 0.3 ? "999" : rng.Next(201, 939).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var date = rng.NextDouble() < 0.2 ? "ZZ/" + order.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : order.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return (code, la, date);
    }

    private static IReadOnlyList<EpisodeLine> BuildEpisodes(Random rng, Stratified<CareRoute> routes, ChildPlan child, ChildSpan cs, PeriodOfCare period, List<PlacementRecord> placements, DateOnly today)
    {
        var start = cs.Start;
        var until = cs.Span.End ?? today;
        var legal = CareTimeline.LegalStatuses(rng, period.IsUnaccompaniedAsylumSeeker ? null : routes.Next(), child.AgeOn(start), start, until, placements);
        return CareTimeline.Episodes(start, until, cs.Span.End, legal, placements, () => rng.Weighted(MoveReasons), () => Ceased(rng, child, cs.Span.End!.Value, placements[^1]));
    }

    private static (string Type, string? Provider) Codes(Random rng, Synthetic.Placement p, int age)
    {
        var longStay = (p.End ?? DateOnly.MaxValue).DayNumber - p.Start.DayNumber > 400;
        return p.Kind switch
        {
            PlacementKind.Foster => (longStay && rng.Chance(0.55) ? "U4" : rng.Chance(0.03) ? "U5" : "U6",
                rng.Weighted<string>([("PR1", 50), ("PR4", 40), ("PR5", 10)])),
            PlacementKind.Kinship => (longStay && rng.Chance(0.5) ? "U1" : "U3", "PR1"),
            PlacementKind.ChildrensHome => (rng.Chance(0.03) ? "K1" : "K2", rng.Weighted<string>([("PR4", 75), ("PR1", 18), ("PR5", 7)])),
            PlacementKind.Supported => (age >= 16 ? "K3" : "K2", rng.Weighted<string>([("PR4", 80), ("PR5", 20)])),
            PlacementKind.WithParents => ("P1", "PR0"),
            PlacementKind.Adoption => ("A6", "PR1"),
            _ => ("U6", "PR1"),
        };
    }

    private static string Ceased(Random rng, ChildPlan child, DateOnly end, PlacementRecord last)
    {
        if (last.PlacementTypeCode.StartsWith('A')) return rng.Chance(0.7) ? "E11" : "E12";
        if (child.Dob is { } dob && end >= dob.AddYears(18)) return rng.Weighted<string>([("E17", 25), ("E5", 45), ("E6", 15), ("E8", 10), ("E7", 5)]);
        if (child.AgeOn(end) >= 16) return rng.Weighted<string>([("E4A", 30), ("E13", 15), ("E5", 25), ("E8", 10), ("E9", 5), ("E4B", 15)]);
        return rng.Weighted<string>([("E4A", 40), ("E41", 9), ("E45", 8), ("E47", 8), ("E46", 2), ("E48", 2), ("E13", 10), ("E4B", 8), ("E8", 8), ("E3", 5)]);
    }

    private static string ReasonText(Random rng) => rng.Pick(new[]
    {
        "Neglect over a long period despite a child protection plan; parents unable to make the changes needed.",
        "Serious injury to the child, unexplained; no safe family member able to care for them at once.",
        "Mother admitted to hospital; no family able to care for the child.",
        "Domestic abuse at home has continued; the child is not safe there.",
        "Family relationships broke down and the young person cannot return home at present.",
    });
}
