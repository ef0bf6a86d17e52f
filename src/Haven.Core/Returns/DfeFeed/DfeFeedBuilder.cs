using System.Globalization;
using System.Text.RegularExpressions;
using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.People;
using Haven.Core.Permanence;
using Haven.Core.Returns.Cin;
using Haven.Core.Returns.Ssda903;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.DfeFeed;

/// Derives each in-scope child's DfE payload from the models the statutory returns build: the CIN
/// census (episodes, assessments and factors, CIN plans, section 47s, CP plans, child
/// characteristics) and the SSDA903 (episodes of care as placements, UASC, adoption, care leavers)
/// over the feed's window, so every statutory code has the one mapping those builders use. What
/// the returns do not carry (names, home postcode, allocated workers, SDQ dates, the end of a
/// section 47, Haven's key of each 903 episode) is read beside them.
public static partial class DfeFeedBuilder
{
    public static async Task<IReadOnlyList<DfeChild>> BuildAsync(HavenDbContext db, DateOnly today, DfeFeedOptions? options = null,
        CancellationToken ct = default, IReadOnlyCollection<int>? onlyChildren = null)
    {
        options ??= new DfeFeedOptions();
        var windowStart = today.AddYears(-Math.Max(0, options.CohortYears));
        var window = new ReturnPeriod(windowStart, today);

        // CIN: one census per collection year the window touches; the latest year's view of an
        // episode wins, and items that ended in an earlier year are kept from that year.
        var cinChildren = new Dictionary<int, CinChild>();
        var cinEpisodes = new Dictionary<int, Dictionary<int, CinEpisode>>();
        var assessments = new Dictionary<int, CinAssessment>();
        var cinPlans = new Dictionary<int, CinPlanDates>();
        var section47s = new Dictionary<int, CinSection47>();
        var cpPlans = new Dictionary<int, CinChildProtectionPlan>();
        var itemsOfEpisode = new Dictionary<int, (HashSet<int> A, HashSet<int> P, HashSet<int> S, HashSet<int> C)>();
        for (var year = ReturnPeriod.CollectionYearOf(windowStart); year <= ReturnPeriod.CollectionYearOf(today); year++)
        {
            var census = await CinCensusBuilder.BuildAsync(db, year, now: DateTime.UtcNow, ct: ct, onlyChildren: onlyChildren);
            foreach (var child in census.Children)
            {
                if (child.ChildId is not { } childId) continue;
                cinChildren[childId] = child;
                var episodes = cinEpisodes.TryGetValue(childId, out var e) ? e : cinEpisodes[childId] = [];
                foreach (var episode in child.Episodes)
                {
                    if (episode.ReferralId is not { } referralId || episode.CINreferralDate > today) continue;
                    episodes[referralId] = episode;
                    var items = itemsOfEpisode.TryGetValue(referralId, out var i) ? i : itemsOfEpisode[referralId] = ([], [], [], []);
                    foreach (var a in episode.Assessments) if (a.Id is { } id) { assessments[id] = a; items.A.Add(id); }
                    foreach (var p in episode.CINPlanDates) if (p.PlanId is { } id) { cinPlans[id] = p; items.P.Add(id); }
                    foreach (var s in episode.Section47s) if (s.Id is { } id) { section47s[id] = s; items.S.Add(id); }
                    foreach (var c in episode.ChildProtectionPlans) if (c.Id is { } id) { cpPlans[id] = c; items.C.Add(id); }
                }
            }
        }
        // In scope through the CIN census: an episode open at some time in the window.
        foreach (var (childId, episodes) in cinEpisodes)
            foreach (var id in episodes.Where(x => x.Value.CINclosureDate is { } c && c < windowStart).Select(x => x.Key).ToList())
                episodes.Remove(id);

        var ssda = await Ssda903Builder.BuildAsync(db, window, ct);
        int ChildOf(string reference) => int.Parse(reference, NumberStyles.None, CultureInfo.InvariantCulture);
        var lacEpisodes = ssda.Episodes.ToLookup(x => ChildOf(x.Child));
        var uasc = ssda.Uasc.GroupBy(x => ChildOf(x.Child)).ToDictionary(g => g.Key, g => g.Last());
        var oc3 = ssda.Oc3.GroupBy(x => ChildOf(x.Child)).ToDictionary(g => g.Key, g => g.Last());
        var ad1 = ssda.Ad1.GroupBy(x => ChildOf(x.Child)).ToDictionary(g => g.Key, g => g.Last());
        var placedForAdoption = ssda.PlacedAdoption.GroupBy(x => ChildOf(x.Child)).ToDictionary(g => g.Key, g => g.OrderBy(x => x.DatePlaced).Last());
        var header903 = ssda.Header.ToDictionary(x => ChildOf(x.Child));

        var inScope = cinEpisodes.Where(x => x.Value.Count > 0).Select(x => x.Key)
            .Concat(lacEpisodes.Select(g => g.Key)).Concat(oc3.Keys).ToHashSet();
        if (onlyChildren is not null) inScope.IntersectWith(onlyChildren);
        if (inScope.Count == 0) return [];

        // Beside the returns: what they do not carry.
        var ids = inScope.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.IsRestricted, p.IsUnaccompaniedAsylumSeeker, p.UascCeasedDate, p.DateOfBirth,
                p.ExpectedDateOfBirth, p.Sex, p.EthnicityCode, p.DisabilityCodes, p.Upn, p.FormerUpn, p.UpnUnknownReason })
            .ToDictionaryAsync(p => p.Id, ct);
        var sealedChildren = (await SealedRecords.All(db).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
        var postcodes = (await db.PersonAddresses.AsNoTracking()
                .Where(a => ids.Contains(a.PersonId) && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
                .Select(a => new { a.PersonId, a.StartDate, a.Address.Postcode }).ToListAsync(ct))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.StartDate).Last().Postcode);
        var workers = (await db.Allocations.AsNoTracking()
                .Where(a => ids.Contains(a.ChildId) && a.Kind == AllocationKind.SocialWorker && a.StartDate <= today
                    && (a.EndDate == null || a.EndDate >= windowStart))
                .Select(a => new { a.ChildId, a.WorkerId, a.Worker.SweNumber, a.StartDate, a.EndDate }).ToListAsync(ct))
            .ToLookup(a => a.ChildId);
        var sdqs = (await db.HealthRecords.AsNoTracking()
                .Where(h => ids.Contains(h.ChildId) && h.Kind == HealthRecordKind.StrengthsAndDifficulties && h.SdqScore != null
                    && h.Date >= windowStart && h.Date <= today)
                .Select(h => new { h.ChildId, h.Date, h.SdqScore }).ToListAsync(ct))
            .ToLookup(h => h.ChildId);
        // care_leavers.contact_date: the latest contact a worker recorded with the young person.
        var lastContacts = (await db.CareLeaverContacts.AsNoTracking().Where(c => ids.Contains(c.ChildId) && c.ContactDate <= today)
                .GroupBy(c => c.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(c => c.ContactDate) }).ToListAsync(ct))
            .ToDictionary(c => c.ChildId, c => c.Last);
        var s47Ids = section47s.Keys.ToList();
        var s47Ends = await db.Section47Enquiries.AsNoTracking().Where(s => s47Ids.Contains(s.Id))
            .Select(s => new { s.Id, s.CompletedDate }).ToDictionaryAsync(s => s.Id, s => s.CompletedDate, ct);
        // Placement ids stay the same from one day to the next: every change to a period of care
        // (a move, a correction) rewrites its episodes as a new revision, so each current row is
        // keyed on the first row of its line across revisions (StableEpisodeKeys).
        var episodeRows = await db.Episodes.AsNoTracking().Where(e => ids.Contains(e.ChildId))
            .Select(e => new EpisodeRow(e.Id, e.ChildId, e.PeriodOfCareId, e.Revision, e.StartDate, e.PlacementId, e.SupersededAt == null))
            .ToListAsync(ct);
        var stableKeys = StableEpisodeKeys(episodeRows);
        var episodeKeys = episodeRows.Where(e => e.Current)
            .GroupBy(e => (e.ChildId, e.StartDate)).ToDictionary(g => g.Key, g => stableKeys[g.Min(e => e.Id)]);

        var result = new List<DfeChild>(inScope.Count);
        foreach (var childId in inScope.Order())
        {
            if (!people.TryGetValue(childId, out var person)) continue;
            var confidential = person.IsRestricted || sealedChildren.Contains(childId);
            cinChildren.TryGetValue(childId, out var cin);
            header903.TryGetValue(childId, out var h903);

            // Child details: the CIN census's characteristics where the child is in it, else the 903 header's.
            var upn = cin is not null ? cin.Upn : h903?.Upn;
            var upnUnknown = cin is not null ? cin.UpnUnknown : null;
            if (cin is null && upn is { Length: not 13 }) (upnUnknown, upn) = (upn, null);
            uasc.TryGetValue(childId, out var u);
            var uascEnd = u?.Duc ?? (person.UascCeasedDate is { } ceased && ceased <= today ? ceased : null);
            var details = new DfeChildDetails
            {
                UniquePupilNumber = Valid(upn, 13),
                FormerUniquePupilNumber = Valid(cin?.FormerUpn, 13),
                UniquePupilNumberUnknownReason = upn is { Length: 13 } ? null : Max(upnUnknown ?? (cin is null ? null : person.UpnUnknownReason), 4),
                FirstName = Blank(person.FirstName),
                Surname = Blank(person.LastName),
                DateOfBirth = cin is not null ? cin.PersonBirthDate : h903?.Dob ?? person.DateOfBirth,
                ExpectedDateOfBirth = cin is not null ? cin.ExpectedPersonBirthDate : person.DateOfBirth is null ? person.ExpectedDateOfBirth : null,
                Sex = Max(cin?.Sex ?? h903?.Sex ?? person.Sex.ToCode(), 1),
                Ethnicity = Max(cin is not null ? cin.Ethnicity : h903?.Ethnic ?? person.EthnicityCode, 4),
                Disabilities = NonEmpty((cin?.Disabilities ?? Split(person.DisabilityCodes)).Where(d => d.Length <= 4).Distinct().Take(12).ToList()),
                Postcode = confidential ? null : Max(postcodes.GetValueOrDefault(childId), 8),
                UascFlag = u is not null || person.IsUnaccompaniedAsylumSeeker ? true : null,
                UascEndDate = u is not null || person.IsUnaccompaniedAsylumSeeker ? uascEnd : null,
            };

            // Social care episodes: one per CIN episode (referral), with the 903 episodes of care in
            // the one open on their start (or the nearest earlier), as the CIN census places plans.
            var episodes = (cinEpisodes.GetValueOrDefault(childId)?.Values ?? Enumerable.Empty<CinEpisode>())
                .OrderBy(e => e.CINreferralDate).ThenBy(e => e.ReferralId).ToList();
            var care = lacEpisodes[childId].OrderBy(e => e.Decom).ToList();
            int EpisodeFor(DateOnly day)
            {
                var best = 0;
                for (var i = 0; i < episodes.Count; i++)
                    if (episodes[i].CINreferralDate <= day) best = i;
                for (var i = episodes.Count - 1; i >= 0; i--)
                    if (episodes[i].CINreferralDate <= day && (episodes[i].CINclosureDate is not { } c || c >= day)) return i;
                return best;
            }
            var placementsBy = care.ToLookup(e => episodes.Count == 0 ? 0 : EpisodeFor(e.Decom));

            DfeAdoption? adoption = null;
            var adoptionEpisode = -1;
            if (placedForAdoption.TryGetValue(childId, out var decision))
            {
                ad1.TryGetValue(childId, out var a1);
                adoption = new DfeAdoption
                {
                    InitialDecisionDate = decision.DatePlaced,
                    MatchedDate = a1?.DateMatch,
                    PlacedDate = care.FirstOrDefault(e => e.Decom >= decision.DatePlaced && IsPlacedForAdoption(e.Place))?.Decom,
                };
                adoptionEpisode = episodes.Count == 0 ? 0 : EpisodeFor(decision.DatePlaced);
            }
            DfeCareLeavers? leaver = oc3.TryGetValue(childId, out var o)
                ? new DfeCareLeavers
                {
                    ContactDate = lastContacts.TryGetValue(childId, out var contacted) ? contacted : null,
                    Activity = Max(Blank(o.Activ), 2), Accommodation = Blank(o.Accom) is { } acc ? acc[..1] : null,
                }
                : null;

            var scEpisodes = new List<DfeSocialCareEpisode>();
            for (var i = 0; i < episodes.Count; i++)
            {
                var e = episodes[i];
                var referralId = e.ReferralId!.Value;
                var items = itemsOfEpisode[referralId];
                var end = e.CINclosureDate;
                scEpisodes.Add(new DfeSocialCareEpisode
                {
                    SocialCareEpisodeId = "R" + Id(referralId),
                    ReferralDate = e.CINreferralDate,
                    ReferralSource = Max(Blank(e.ReferralSource), 2),
                    ReferralNoFurtherActionFlag = e.IsNfa,
                    ClosureDate = end,
                    ClosureReason = end is null ? null : Max(Blank(e.ReasonForClosure), 3),
                    CareWorkerDetails = NonEmpty(workers[childId]
                        .Where(w => e.CINreferralDate is not { } start || w.EndDate is null || w.EndDate >= start)
                        .Where(w => end is null || w.StartDate <= end)
                        .OrderBy(w => w.StartDate).ThenBy(w => w.WorkerId)
                        .Select(w => new DfeCareWorker
                        {
                            WorkerId = WorkerId(w.WorkerId, w.SweNumber),
                            StartDate = w.StartDate,
                            EndDate = w.EndDate is { } we && we <= today ? we : null,
                        }).ToList()),
                    ChildAndFamilyAssessments = NonEmpty(items.A.Select(id => assessments[id]).OrderBy(a => a.AssessmentActualStartDate).ThenBy(a => a.Id)
                        .Select(a => new DfeAssessment
                        {
                            ChildAndFamilyAssessmentId = "A" + Id(a.Id!.Value),
                            StartDate = a.AssessmentActualStartDate,
                            AuthorisationDate = a.AssessmentAuthorisationDate,
                            Factors = NonEmpty(a.Factors.Where(f => f.Length is > 0 and <= 3).Distinct().Take(41).ToList()),
                        }).ToList()),
                    ChildInNeedPlans = NonEmpty(items.P.Select(id => cinPlans[id]).OrderBy(p => p.CINPlanStartDate).ThenBy(p => p.PlanId)
                        .Select(p => new DfeChildInNeedPlan
                        {
                            ChildInNeedPlanId = "P" + Id(p.PlanId!.Value),
                            StartDate = p.CINPlanStartDate,
                            EndDate = p.CINPlanEndDate,
                        }).ToList()),
                    Section47Assessments = NonEmpty(items.S.Select(id => section47s[id]).OrderBy(s => s.S47ActualStartDate).ThenBy(s => s.Id)
                        .Select(s =>
                        {
                            var completed = s47Ends.GetValueOrDefault(s.Id!.Value) is { } c && c <= today ? c : (DateOnly?)null;
                            return new DfeSection47
                            {
                                Section47AssessmentId = "S" + Id(s.Id!.Value),
                                StartDate = s.S47ActualStartDate,
                                IcpcRequiredFlag = s.DateOfInitialCPC is not null ? true : s.ICPCnotRequired ? false : null,
                                IcpcDate = s.DateOfInitialCPC,
                                EndDate = completed ?? s.DateOfInitialCPC,
                            };
                        }).ToList()),
                    ChildProtectionPlans = NonEmpty(items.C.Select(id => cpPlans[id]).OrderBy(c => c.CPPstartDate).ThenBy(c => c.Id)
                        .Select(c => new DfeChildProtectionPlan
                        {
                            ChildProtectionPlanId = "C" + Id(c.Id!.Value),
                            StartDate = c.CPPstartDate,
                            EndDate = c.CPPendDate,
                        }).ToList()),
                    ChildLookedAfterPlacements = NonEmpty(placementsBy[i].Select(p => Placement(childId, p, confidential, episodeKeys)).ToList()),
                    Adoption = adoptionEpisode == i ? adoption : null,
                    CareLeavers = i == episodes.Count - 1 ? leaver : null,
                });
            }
            // Looked after (or a care leaver) with no episode of need on record in the window: one
            // episode of care keyed on the child, so the placements still go.
            if (episodes.Count == 0 && (care.Count > 0 || adoption is not null || leaver is not null))
                scEpisodes.Add(new DfeSocialCareEpisode
                {
                    SocialCareEpisodeId = "L" + Id(childId),
                    ReferralDate = care.FirstOrDefault()?.Decom,
                    ChildLookedAfterPlacements = NonEmpty(care.Select(p => Placement(childId, p, confidential, episodeKeys)).ToList()),
                    Adoption = adoption,
                    CareLeavers = leaver,
                });

            result.Add(new DfeChild
            {
                LaChildId = HavenIds.Format(childId),
                ChildDetails = details,
                HealthAndWellbeing = sdqs[childId].Any()
                    ? new DfeHealthAndWellbeing { SdqAssessments = sdqs[childId].OrderBy(s => s.Date).Select(s => new DfeSdqAssessment { Date = s.Date, Score = s.SdqScore }).ToList() }
                    : null,
                SocialCareEpisodes = NonEmpty(scEpisodes),
            });
        }
        return result;
    }

    private static DfePlacement Placement(int childId, Ssda903Episode e, bool confidential, Dictionary<(int, DateOnly), int> keys) => new()
    {
        // Haven's key of the 903 episode; the start date stands in only if the row is not found.
        ChildLookedAfterPlacementId = keys.TryGetValue((childId, e.Decom), out var key)
            ? "E" + Id(key)
            : "E" + Id(childId) + "D" + e.Decom.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        StartDate = e.Decom,
        StartReason = Max(Blank(e.Rne), 1),
        PlacementType = Max(Blank(e.Place), 3),
        // The DfE derives the distance from home: a restricted child's or a sealed adoption's placement stays unsaid.
        Postcode = confidential ? null : Max(e.PlPost, 8),
        EndDate = e.Dec,
        EndReason = Max(Blank(e.Rec), 3),
        ChangeReason = Max(Blank(e.ReasonPlaceChange), 6),
    };

    /// One row of the Episodes table as the key matching needs it.
    public sealed record EpisodeRow(int Id, int ChildId, int PeriodOfCareId, int Revision, DateOnly StartDate, int PlacementId, bool Current);

    /// Each episode row's stable key: the id of the first row of its line. A period of care's
    /// revisions are matched one to the next: a row follows the earlier revision's row with the same
    /// placement and start; else the one that was the same placement's same-numbered episode (a
    /// corrected start or end); else the one with the same start (a corrected placement). A row
    /// with no earlier match starts a new line (its own id); a line with no current row is gone.
    public static IReadOnlyDictionary<int, int> StableEpisodeKeys(IEnumerable<EpisodeRow> rows)
    {
        var root = new Dictionary<int, int>();
        foreach (var period in rows.GroupBy(r => r.PeriodOfCareId))
        {
            List<(EpisodeRow Row, int Nth)>? previous = null;
            foreach (var revision in period.GroupBy(r => r.Revision).OrderBy(g => g.Key))
            {
                var current = revision.OrderBy(r => r.StartDate).ThenBy(r => r.Id).GroupBy(r => r.PlacementId)
                    .SelectMany(g => g.Select((r, n) => (Row: r, Nth: n))).OrderBy(x => x.Row.StartDate).ThenBy(x => x.Row.Id).ToList();
                var follows = new Dictionary<int, int>();
                if (previous is not null)
                {
                    var claimed = new HashSet<int>();
                    void Match(Func<(EpisodeRow Row, int Nth), (EpisodeRow Row, int Nth), bool> same)
                    {
                        foreach (var now in current.Where(c => !follows.ContainsKey(c.Row.Id)))
                            foreach (var before in previous.Where(p => !claimed.Contains(p.Row.Id) && same(now, p)).Take(1))
                            {
                                follows[now.Row.Id] = before.Row.Id;
                                claimed.Add(before.Row.Id);
                            }
                    }
                    Match((a, b) => a.Row.PlacementId == b.Row.PlacementId && a.Row.StartDate == b.Row.StartDate);
                    Match((a, b) => a.Row.PlacementId == b.Row.PlacementId && a.Nth == b.Nth);
                    Match((a, b) => a.Row.StartDate == b.Row.StartDate);
                }
                foreach (var (row, _) in current) root[row.Id] = follows.TryGetValue(row.Id, out var before) ? root[before] : row.Id;
                previous = current;
            }
        }
        return root;
    }

    /// 903 placement types A3–A6: placed for adoption.
    private static bool IsPlacedForAdoption(string place) => place is "A3" or "A4" or "A5" or "A6";

    /// The worker's Social Work England number where it fits the schema, else Haven's worker id (W + key).
    public static string WorkerId(int workerId, string? sweNumber)
    {
        var swe = sweNumber?.Replace(" ", "", StringComparison.Ordinal);
        return swe is { Length: > 0 and <= 12 } && WorkerIdPattern().IsMatch(swe) ? swe : "W" + Id(workerId);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex WorkerIdPattern();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string? Max(string? s, int length) => Blank(s) is { } t && t.Length <= length ? t : null;
    private static string? Valid(string? s, int length) => Blank(s) is { } t && t.Length == length ? t : null;
    private static IReadOnlyList<string> Split(string? codes) => (codes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    private static IReadOnlyList<T>? NonEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;
}
