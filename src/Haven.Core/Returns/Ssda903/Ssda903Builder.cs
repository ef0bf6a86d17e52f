using Haven.Core.Allocations;
using Haven.Core.CareLeavers;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.Ssda903;

/// Derives the SSDA903 for a collection year from the record: every child looked after at any time
/// in the year (their episodes as they stood on 31 March, reviews, missing spells in care, adoption
/// decisions), the OC2 cohort (looked after continuously for 12 months at 31 March) and the OC3
/// cohort (care leavers reaching their 17th–21st birthday in the year, not looked after on it).
public static class Ssda903Builder
{
    /// The return with last year's built beside it from the same record, for the year-on-year rules.
    public static async Task<Ssda903Data> BuildWithPreviousAsync(HavenDbContext db, ReturnPeriod period, CancellationToken ct)
    {
        var data = await BuildAsync(db, period, ct);
        return data with { Previous = await BuildAsync(db, new ReturnPeriod(period.Start.AddYears(-1), period.End.AddYears(-1)), ct) };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static async Task<Ssda903Data> BuildAsync(HavenDbContext db, ReturnPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var startFrom = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var endBefore = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        IQueryable<PeriodOfCare> PeriodsIn(HavenDbContext c) => c.PeriodsOfCare.Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate >= start));

        // The reads fall into two independent groups: the looked-after children's records (periods,
        // episodes, health, adoptions, social-worker allocations), and who the OC3 care leavers are with
        // everyone's person row and first child (with the looked-after reviews and missing spells). On PostgreSQL the two run at
        // once on two connections (ParallelReads, as the CIN census and Annex A): one after the other on
        // one connection they were most of the return's time at 500,000 children, the process waiting on
        // the server. Each read is the same query either way, so the return is the same.
        var lookedAfterReads = async (HavenDbContext c) =>
        {
            var lookedAfterIds = PeriodsIn(c).Select(p => p.ChildId);
            var periodIds = PeriodsIn(c).Select(p => p.Id);
            var periods = await c.PeriodsOfCare.AsNoTracking()
                .Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate >= start))
                .OrderBy(p => p.ChildId).ThenBy(p => p.StartDate).ToListAsync(ct);
            var episodes = await c.Episodes.AsNoTracking().Include(e => e.Placement)
                .Where(e => periodIds.Contains(e.PeriodOfCareId) && e.SupersededAt == null && e.StartDate <= end && (e.EndDate == null || e.EndDate >= start))
                .ToListAsync(ct);
            var health = await c.HealthRecords.AsNoTracking()
                .Where(h => lookedAfterIds.Contains(h.ChildId) && h.Date <= end).ToListAsync(ct);
            var adoptions = await c.AdoptionCases.AsNoTracking().Where(a => lookedAfterIds.Contains(a.ChildId)).ToListAsync(ct);
            // SWEpisodes' allocations (used below).
            var swAllocations = await c.Allocations.AsNoTracking()
                .Where(a => a.Kind == AllocationKind.SocialWorker && lookedAfterIds.Contains(a.ChildId) && a.StartDate <= end && (a.EndDate == null || a.EndDate >= start))
                .Select(a => new
                {
                    a.ChildId, a.WorkerId, a.Worker.SweNumber, a.StartDate, a.EndDate,
                    // A first allocation recorded before reasons were asked for reports Allocation.FirstAllocationReason.
                    ChangeReasonCode = a.ChangeReasonCode ?? (c.Allocations.Any(o => o.ChildId == a.ChildId && o.Kind == AllocationKind.SocialWorker
                        && (o.StartDate < a.StartDate || (o.StartDate == a.StartDate && o.Id < a.Id))) ? null : Allocation.FirstAllocationReason),
                }).ToListAsync(ct);
            return (periods, episodes, health, adoptions, swAllocations);
        };
        var peopleReads = async (HavenDbContext c) =>
        {
            var lookedAfterIds = PeriodsIn(c).Select(p => p.ChildId);
            // OC3: care leavers whose 17th–21st birthday falls in the year (the ages on record are 17–25).
            var birthdays = await c.BirthdayReturns.AsNoTracking().Where(b => b.Age >= 17 && b.Age <= 21)
                .Join(c.People, b => b.ChildId, p => p.Id, (b, p) => new { b, p.DateOfBirth }).ToListAsync(ct);
            var oc3Rows = birthdays.Where(x => x.DateOfBirth is { } dob && dob.AddYears(x.b.Age) >= start && dob.AddYears(x.b.Age) <= end)
                .Select(x => x.b).ToList();
            var oc3Ids = oc3Rows.Select(b => b.ChildId).Distinct().ToList();
            var leaverPeriods = await c.PeriodsOfCare.AsNoTracking().Where(p => oc3Ids.Contains(p.ChildId)).ToListAsync(ct);

            // The looked-after children and the OC3 care leavers in two queries, not one "IN (looked after)
            // OR IN (OC3)": no index serves an OR with a subquery, so PostgreSQL read every person (over a
            // million at 500,000 children) to keep a few thousand.
            var people = new Dictionary<int, Person>();
            foreach (var p in await c.People.AsNoTracking().Where(p => lookedAfterIds.Contains(p.Id)).ToListAsync(ct)) people[p.Id] = p;
            foreach (var p in await c.People.AsNoTracking().Where(p => oc3Ids.Contains(p.Id)).ToListAsync(ct)) people.TryAdd(p.Id, p);

            // MOTHER / MC_DOB: a girl is a mother when the record has her as the mother of a child born by
            // 31 March (a relationship of type Mother from her to the child); MC_DOB is her first child's
            // date of birth. Girls with no such child are 0; boys are blank.
            // (Again two queries rather than an OR that no index serves: every relationship was read.)
            var mothers = c.Relationships.AsNoTracking().Where(r => r.Type == RelationshipType.Mother);
            async Task<List<(int PersonId, DateOnly Born)>> ChildrenBorn(IQueryable<Relationship> of) =>
                (await of.Join(c.People, r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.PersonId, p.DateOfBirth })
                    .Where(x => x.DateOfBirth != null && x.DateOfBirth <= end)
                    .ToListAsync(ct)).Select(x => (x.PersonId, x.DateOfBirth!.Value)).ToList();
            var firstChildBorn = (await ChildrenBorn(mothers.Where(r => lookedAfterIds.Contains(r.PersonId))))
                .Concat(await ChildrenBorn(mothers.Where(r => oc3Ids.Contains(r.PersonId))))
                .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.Min(x => x.Born));

            // Two smaller looked-after reads here, which evens the halves' times (region's query log).
            var reviews = await c.LookedAfterReviews.AsNoTracking()
                .Where(r => lookedAfterIds.Contains(r.ChildId) && r.ReviewDate >= start && r.ReviewDate <= end).ToListAsync(ct);
            var missing = await c.MissingEpisodes.AsNoTracking()
                .Where(m => lookedAfterIds.Contains(m.ChildId) && m.StartedAt >= startFrom && m.StartedAt < endBefore).ToListAsync(ct);
            return (oc3Rows, oc3Ids, leaverPeriods, people, firstChildBorn, reviews, missing);
        };
        var ((periods, episodes, health, adoptions, swAllocations), (oc3Rows, oc3Ids, leaverPeriods, people, firstChildBorn, reviews, missing)) =
            await ParallelReads.BothAsync(db, lookedAfterReads, peopleReads);
        var childIds = periods.Select(p => p.ChildId).Concat(oc3Ids).ToHashSet();

        string Ref(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? Dob(int id) => people.TryGetValue(id, out var p) ? p.DateOfBirth : null;

        var header = childIds.Where(people.ContainsKey).OrderBy(id => id).Select(id =>
        {
            var p = people[id];
            DateOnly? firstChild = firstChildBorn.TryGetValue(id, out var born) ? born : null;
            return new Ssda903Header(Ref(id), p.Sex.ToCode(), p.DateOfBirth, p.EthnicityCode,
                string.IsNullOrWhiteSpace(p.Upn) ? p.UpnUnknownReason : p.Upn,
                p.Sex == Sex.Female ? (firstChild is null ? "0" : "1") : null, p.Sex == Sex.Female ? firstChild : null);
        }).ToList();

        var periodById = periods.ToDictionary(p => p.Id);
        var episodeRows = episodes.OrderBy(e => e.ChildId).ThenBy(e => e.StartDate).Select(e =>
        {
            var poc = periodById[e.PeriodOfCareId];
            var open = e.EndDate is null || e.EndDate > end;
            var place = e.Placement;
            return new Ssda903Episode(Ref(e.ChildId), e.StartDate, e.ReasonForNewEpisodeCode, e.LegalStatusCode, poc.CategoryOfNeedCode,
                place.PlacementTypeCode, LookedAfterCodes.NeedsProvider(place.PlacementTypeCode) ? place.ProviderCode : null,
                open ? null : e.EndDate, open ? null : e.ReasonEpisodeCeasedCode, open ? null : e.ReasonPlaceChangeCode,
                Blank(poc.HomePostcode), Blank(place.Postcode), UrnFor(place));
        }).ToList();

        var uasc = periods.Where(p => p.IsUnaccompaniedAsylumSeeker).GroupBy(p => p.ChildId).Where(g => people.ContainsKey(g.Key)).Select(g =>
        {
            var p = people[g.Key];
            var duc = g.Last().UascCeasedDate ?? p.UascCeasedDate;
            return new Ssda903Uasc(Ref(g.Key), p.Sex.ToCode(), p.DateOfBirth, duc is { } d && d <= end ? d : null);
        }).ToList();

        var reviewRows = reviews.OrderBy(r => r.ChildId).ThenBy(r => r.ReviewDate)
            .Select(r => new Ssda903Review(Ref(r.ChildId), Dob(r.ChildId), r.ReviewDate, r.ParticipationCode)).ToList();

        // Missing: only spells that start while the child is looked after.
        var spans = episodes.GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.Select(e => (e.StartDate, End: e.EndDate)).ToList());
        bool InCareOn(int child, DateOnly day) => spans.TryGetValue(child, out var s) && s.Any(x => x.StartDate <= day && (x.End is null || x.End >= day));
        var missingRows = missing.Where(m => InCareOn(m.ChildId, DateOnly.FromDateTime(m.StartedAt)))
            .OrderBy(m => m.ChildId).ThenBy(m => m.StartedAt)
            .Select(m =>
            {
                var returned = m.ReturnedAt is { } r ? DateOnly.FromDateTime(r) : (DateOnly?)null;
                return new Ssda903Missing(Ref(m.ChildId), Dob(m.ChildId), m.Type == MissingType.Away ? "A" : "M",
                    DateOnly.FromDateTime(m.StartedAt), returned is { } d && d <= end ? d : null);
            }).ToList();

        // Looked up by period and by child, not scanned per row: the return grows with the borough, not its square.
        var episodesByPeriod = episodes.ToLookup(e => e.PeriodOfCareId);
        var healthByChild = health.ToLookup(h => h.ChildId);
        var oc2 = periods.Where(p => InOc2Cohort(p, episodesByPeriod[p.Id], period)).Select(p => p.ChildId).Distinct().Where(people.ContainsKey)
            .OrderBy(id => id).Select(id => Oc2For(people[id], healthByChild[id].ToList(), period)).ToList();

        var periodsByLeaver = leaverPeriods.ToLookup(p => p.ChildId);
        var oc3 = oc3Rows.Where(b => people.ContainsKey(b.ChildId)
                && !periodsByLeaver[b.ChildId].Any(p => p.ChildId == b.ChildId && p.StartDate <= people[b.ChildId].DateOfBirth!.Value.AddYears(b.Age)
                    && (p.EndDate is null || p.EndDate > people[b.ChildId].DateOfBirth!.Value.AddYears(b.Age))))
            .OrderBy(b => b.ChildId)
            .Select(b => new Ssda903Oc3(Ref(b.ChildId), Dob(b.ChildId), b.InTouchCode, b.ActivityCode, b.AccommodationCode)).ToList();
        // OC3 children who were not also looked after in the year are in Header only through OC3.
        var oc3Ids2 = oc3.Select(o => o.Child).ToHashSet();
        var lacRefs = periods.Select(p => Ref(p.ChildId)).ToHashSet();
        header = header.Where(h => lacRefs.Contains(h.Child) || oc3Ids2.Contains(h.Child)).ToList();

        var adoptedIds = episodes.Where(e => e.EndDate is { } d && d >= start && d <= end && e.ReasonEpisodeCeasedCode is "E11" or "E12")
            .Select(e => e.ChildId).ToHashSet();
        var ad1 = adoptions.Where(a => adoptedIds.Contains(a.ChildId)).GroupBy(a => a.ChildId).OrderBy(g => g.Key).Select(g =>
        {
            var a = g.OrderBy(x => x.AdmDecisionDate).Last();
            return new Ssda903Ad1(Ref(a.ChildId), Dob(a.ChildId), a.AdmDecisionDate, a.MatchDate,
                a.FosterCareCode, a.AdopterNumberCode, a.AdopterSexCode, a.AdopterLegalStatusCode);
        }).ToList();
        var placed = adoptions.Where(a => a.AdmDecisionDate <= end).OrderBy(a => a.ChildId).ThenBy(a => a.AdmDecisionDate)
            .Select(a => new Ssda903PlacedAdoption(Ref(a.ChildId), Dob(a.ChildId), a.AdmDecisionDate, null, null)).ToList();

        // PrevPerm: children who started a period of care in the year, from the latest such period.
        var prevPerm = periods.Where(p => p.StartDate >= start && p.StartDate <= end).GroupBy(p => p.ChildId).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(p => p.StartDate).Last())
            .Select(p => new Ssda903PrevPerm(Ref(p.ChildId), Dob(p.ChildId), p.PreviousPermanenceCode, p.PreviousPermanenceLa, p.PreviousPermanenceDate)).ToList();

        // SWEpisodes: each social-worker allocation while the child was looked after in the year, clipped
        // to the year and to the period of care; SW_DEC is blank when the worker still held the case at 31 March
        // and the child was still looked after then. An allocation's end date is its last day, so a worker
        // who handed over on 1 April (ended 31 March, as AllocationService records it) still held it.
        // (The allocations are read with the other looked-after records, above.)
        var periodsByChild = periods.ToLookup(p => p.ChildId);
        var swEpisodes = swAllocations.OrderBy(a => a.ChildId).ThenBy(a => a.StartDate).SelectMany(a => periodsByChild[a.ChildId].Select(p =>
            {
                var first = Max(Max(a.StartDate, p.StartDate), start);
                var to = Min(a.EndDate ?? DateOnly.MaxValue, p.EndDate ?? DateOnly.MaxValue);
                if (first > Min(to, end)) return null;
                var swId = string.IsNullOrWhiteSpace(a.SweNumber) ? $"XX{a.WorkerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : a.SweNumber.Trim();
                var open = (a.EndDate is null || a.EndDate >= end) && (p.EndDate is null || p.EndDate > end);
                return new Ssda903SwEpisode(Ref(a.ChildId), Dob(a.ChildId), swId, first, open ? null : to, a.ChangeReasonCode);
            }).OfType<Ssda903SwEpisode>()).ToList();

        var dolo = await Ssda903DoLoBuilder.BuildAsync(db, PeriodsIn(db).Select(p => p.ChildId), period, Dob, ct);

        return new Ssda903Data(period, header, episodeRows, uasc, reviewRows, missingRows, oc2, oc3, ad1, placed) { PrevPerm = prevPerm, SwEpisodes = swEpisodes, DoLo = dolo };
    }

    /// Looked after continuously for at least 12 months at 31 March: the period of care started on or
    /// before 1 April of the year and was still open on 31 March; children only ever on short breaks
    /// (V3/V4) are not in the cohort.
    public static bool InOc2Cohort(PeriodOfCare p, IEnumerable<Episode> episodes, ReturnPeriod period) =>
        p.StartDate <= period.Start && (p.EndDate is null || p.EndDate > period.End)
        && episodes.Any(e => e.PeriodOfCareId == p.Id && e.LegalStatusCode is not ("V3" or "V4"));

    private static Ssda903Oc2 Oc2For(Person child, List<HealthRecord> health, ReturnPeriod period)
    {
        var age = child.DateOfBirth is { } dob ? Age(dob, period.End) : -1;
        var inYear = health.Where(h => h.Date >= period.Start && h.Date <= period.End).ToList();
        var sdq = inYear.Where(h => h.Kind == HealthRecordKind.StrengthsAndDifficulties).OrderBy(h => h.Date).LastOrDefault();
        int? score = null;
        string? reason = null;
        if (age is >= HealthRules.SdqMinimumAge and <= HealthRules.SdqMaximumAge && sdq is not null)
        {
            score = sdq.SdqScore;
            reason = sdq.SdqScore is null ? sdq.SdqReasonCode : null;
        }
        var immunised = health.Where(h => h.Kind == HealthRecordKind.Immunisations).OrderBy(h => h.Date).LastOrDefault()?.UpToDate ?? false;
        var teeth = inYear.Any(h => h.Kind == HealthRecordKind.DentalCheck);
        var assessed = inYear.Any(h => h.Kind is HealthRecordKind.InitialHealthAssessment or HealthRecordKind.ReviewHealthAssessment);
        // CONVICTED (aged 10 or over at 31 March): a conviction or youth caution dated in the year.
        bool? convicted = age >= HealthRules.AgeOfCriminalResponsibility ? inYear.Any(h => h.Kind == HealthRecordKind.ConvictionOrCaution) : null;
        // HEALTH_CHECK (under 5 at 31 March): the latest health surveillance check says up to date; none recorded is 0.
        bool? healthCheck = age is >= 0 and < HealthRules.HealthSurveillanceMaximumAge
            ? health.Where(h => h.Kind == HealthRecordKind.HealthSurveillanceCheck).OrderBy(h => h.Date).LastOrDefault()?.UpToDate ?? false
            : null;
        // SUBSTANCE_MISUSE: a problem identified in the year. INTERVENTION_RECEIVED: any of those
        // records says one was received, else what the latest says. INTERVENTION_OFFERED: only when
        // none was received, from the latest record that says so.
        var misuse = inYear.Where(h => h.Kind == HealthRecordKind.SubstanceMisuse).OrderBy(h => h.Date).ToList();
        bool? received = misuse.Count == 0 ? null : misuse.Any(h => h.InterventionReceived == true) ? true : misuse[^1].InterventionReceived;
        bool? offered = received == false ? misuse.Last(h => h.InterventionReceived == false).InterventionOfferedRefused : null;
        return new Ssda903Oc2(child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), child.DateOfBirth, score, reason,
            convicted, healthCheck, immunised, teeth, assessed, misuse.Count > 0, received, offered);
    }

    public static int Age(DateOnly dob, DateOnly on) => on.Year - dob.Year - (on < dob.AddYears(on.Year - dob.Year) ? 1 : 0);

    /// Placement types with no URN (903 URN note): P1, P3, R1, R2, R5, temporary T* and Z1x.
    public static bool TakesUrn(string placeType) =>
        placeType is not ("P1" or "P3" or "R1" or "R2" or "R5") && !placeType.StartsWith('T') && !placeType.StartsWith("Z1", StringComparison.Ordinal);

    private static string? UrnFor(Placement place) => TakesUrn(place.PlacementTypeCode) ? Blank(place.Urn) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
