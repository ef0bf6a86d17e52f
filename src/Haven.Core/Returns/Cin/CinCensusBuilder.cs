using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.Cin;

/// The header values that do not come from the record: the council's 3-digit DfE LA number and
/// the software's name and release (Header/Source).
public sealed record CinCensusOptions(string Lea = "999", string SoftwareCode = "Haven", string Release = "1", string SerialNo = "001");

/// Derives the CIN census for a collection year from the record. Included: every child with an
/// episode of need (a referral) open at any point in the year — referred on or before 31 March and
/// not closed before 1 April — with those episodes, and in each the assessments, CIN plans, section
/// 47 enquiries and child protection plans that were open at some point in the year. Anything
/// recorded after 31 March is left out (an episode closed in April is open at the reference date).
/// Assessments and section 47s belong to their referral; CIN plans, CP plans and ICPCs not linked
/// to a section 47 belong to the episode open on their start date (or the nearest earlier one, so a
/// misplaced date shows up as a rule failure rather than vanishing).
public static class CinCensusBuilder
{
    /// onlyChildren narrows the census to those children (My work asks about a worker's own).
    public static async Task<CinCensus> BuildAsync(HavenDbContext db, int year, CinCensusOptions? options = null, DateTime? now = null,
        CancellationToken ct = default, IReadOnlyCollection<int>? onlyChildren = null)
    {
        options ??= new CinCensusOptions();
        var period = ReturnPeriod.CollectionYear(year);
        var (from, to) = (period.Start, period.End);

        var referralsQuery = db.Referrals.AsNoTracking()
            .Where(r => r.ReferralDate <= to && (r.ClosureDate == null || r.ClosureDate >= from));
        if (onlyChildren is not null) referralsQuery = referralsQuery.Where(r => onlyChildren.Contains(r.ChildId));
        var referrals = await referralsQuery.OrderBy(r => r.ChildId).ThenBy(r => r.ReferralDate).ThenBy(r => r.Id).ToListAsync(ct);
        var header = new CinHeader(year, to, options.Lea, options.SoftwareCode, options.Release, options.SerialNo,
            DateTime.SpecifyKind((now ?? DateTime.UtcNow).AddTicks(-((now ?? DateTime.UtcNow).Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));
        // No episode in the year: nobody is in the census, so nothing else needs reading (My work's
        // children often have none).
        if (referrals.Count == 0) return new CinCensus(header, []);
        // "ReferralId IN (the referrals)" rather than EXISTS per row: the database then reads the
        // assessments and enquiries of those referrals through their ReferralId index instead of
        // scanning every assessment and enquiry (45,000 and 18,000 at 50,000 children) for My work's few children.
        // For a few children (My work, the team view, a child's summary) the referrals just read are
        // passed as lists: only the children with an episode in the year and their referrals, instead
        // of repeating the referral query (with a parameter per child asked about) inside each of the
        // next seven. The whole return keeps the subquery (50,000 children are too many parameters).
        List<int>? episodeChildren = null, episodeReferrals = null;
        if (onlyChildren is not null)
        {
            episodeChildren = referrals.Select(r => r.ChildId).Distinct().ToList();
            episodeReferrals = referrals.Select(r => r.Id).ToList();
        }
        var childIds = referralsQuery.Select(r => r.ChildId);
        var referralIds = referralsQuery.Select(r => r.Id);

        var peopleQuery = db.People.AsNoTracking();
        peopleQuery = episodeChildren is not null ? peopleQuery.Where(p => episodeChildren.Contains(p.Id)) : peopleQuery.Where(p => childIds.Contains(p.Id));
        var people = await peopleQuery
            .Select(p => new
            {
                p.Id, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.DateOfDeath,
                p.EthnicityCode, p.DisabilityCodes,
            })
            .ToDictionaryAsync(p => p.Id, ct);

        // Only the columns the census reads (an assessment row also carries its long analysis text).
        var assessmentsQuery = db.Assessments.AsNoTracking();
        assessmentsQuery = episodeReferrals is not null ? assessmentsQuery.Where(a => episodeReferrals.Contains(a.ReferralId)) : assessmentsQuery.Where(a => referralIds.Contains(a.ReferralId));
        var assessments = (await assessmentsQuery
                .Where(a => a.StartDate <= to && (a.AuthorisedDate == null || a.AuthorisedDate >= from))
                .Select(a => new { a.Id, a.ReferralId, a.StartDate, a.AuthorisedDate, Factors = a.Factors.OrderBy(f => f.Id).Select(f => f.Code).ToList() })
                .ToListAsync(ct))
            .ToLookup(a => a.ReferralId);
        var section47sQuery = db.Section47Enquiries.AsNoTracking();
        section47sQuery = episodeReferrals is not null ? section47sQuery.Where(s => episodeReferrals.Contains(s.ReferralId)) : section47sQuery.Where(s => referralIds.Contains(s.ReferralId));
        var section47s = (await section47sQuery
                .Where(s => s.StartDate <= to)
                .Select(s => new { s.Id, s.ReferralId, s.StartDate, s.InitialConferenceDue, s.InitialConferenceDate, s.CompletedDate, s.Outcome })
                .ToListAsync(ct))
            .Where(s => (s.InitialConferenceDate ?? s.CompletedDate) is not { } end || end >= from)
            .ToLookup(s => s.ReferralId);
        var cinPlansQuery = db.ChildInNeedPlans.AsNoTracking();
        cinPlansQuery = episodeChildren is not null ? cinPlansQuery.Where(p => episodeChildren.Contains(p.ChildId)) : cinPlansQuery.Where(p => childIds.Contains(p.ChildId));
        var cinPlans = (await cinPlansQuery
                .Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate >= from))
                .Select(p => new { p.ChildId, p.PlanId, p.StartDate, p.EndDate })
                .ToListAsync(ct))
            .ToLookup(p => p.ChildId);
        var cpPlansQuery = db.ChildProtectionPlans.AsNoTracking();
        cpPlansQuery = episodeChildren is not null ? cpPlansQuery.Where(p => episodeChildren.Contains(p.ChildId)) : cpPlansQuery.Where(p => childIds.Contains(p.ChildId));
        var cpPlans = (await cpPlansQuery
                .Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate >= from))
                .Select(p => new { p.Id, p.ChildId, p.StartDate, p.EndDate, p.CategoryOfAbuse, Initial = p.StartConference.CategoryOfAbuse, p.PreviousPlans })
                .ToListAsync(ct))
            .ToLookup(p => p.ChildId);
        var conferencesQuery = db.ChildProtectionConferences.AsNoTracking();
        conferencesQuery = episodeChildren is not null ? conferencesQuery.Where(c => episodeChildren.Contains(c.ChildId)) : conferencesQuery.Where(c => childIds.Contains(c.ChildId));
        var reviews = (await conferencesQuery
                .Where(c => c.Kind == ConferenceKind.Review && c.ChildProtectionPlanId != null && c.Date >= from && c.Date <= to)
                .Select(c => new { PlanId = c.ChildProtectionPlanId!.Value, c.Date })
                .ToListAsync(ct))
            .ToLookup(c => c.PlanId, c => c.Date);
        // "No section 47" is tested here, not in the query: with it in the WHERE clause SQLite reads
        // the conferences through the Section47EnquiryId index, i.e. every one of the 12,000 without
        // an enquiry, instead of the few of these children through (ChildId, Date).
        var icpcsWithoutS47 = (await conferencesQuery
                .Where(c => c.Kind == ConferenceKind.Initial && c.Date >= from && c.Date <= to)
                .Select(c => new { c.ChildId, c.Date, c.Section47EnquiryId })
                .ToListAsync(ct))
            .Where(c => c.Section47EnquiryId == null)
            .ToLookup(c => c.ChildId, c => c.Date);

        DateOnly? InYear(DateOnly? d) => d is { } x && x <= to ? x : null;

        var children = new List<CinChild>();
        foreach (var group in referrals.GroupBy(r => r.ChildId))
        {
            if (!people.TryGetValue(group.Key, out var p)) continue;
            var episodes = group.ToList();

            // The episode an undated-by-referral record belongs to: open on the day, else the nearest earlier.
            int EpisodeFor(DateOnly day)
            {
                var best = 0;
                for (var i = 0; i < episodes.Count; i++)
                    if (episodes[i].ReferralDate <= day) best = i;
                for (var i = episodes.Count - 1; i >= 0; i--)
                    if (episodes[i].ReferralDate <= day && (episodes[i].ClosureDate is not { } c || c >= day)) return i;
                return best;
            }

            var plansByEpisode = cinPlans[p.Id].ToLookup(x => EpisodeFor(x.StartDate));
            var cppsByEpisode = cpPlans[p.Id].ToLookup(x => EpisodeFor(x.StartDate));
            var icpcByEpisode = icpcsWithoutS47[p.Id].ToLookup(EpisodeFor);

            var cinDetails = new List<CinEpisode>(episodes.Count);
            for (var i = 0; i < episodes.Count; i++)
            {
                var r = episodes[i];
                var closure = InYear(r.ClosureDate);
                cinDetails.Add(new CinEpisode(
                    r.Id,
                    r.ReferralDate,
                    r.SourceCode,
                    r.PrimaryNeedCode,
                    closure,
                    closure is null ? null : r.ReasonForClosureCode,
                    icpcByEpisode[i].Select(d => (DateOnly?)d).Min(),
                    assessments[r.Id].OrderBy(a => a.StartDate).ThenBy(a => a.Id).Select(a =>
                    {
                        var done = InYear(a.AuthorisedDate);
                        return new CinAssessment(a.Id, a.StartDate, null, done,
                            done is null ? [] : a.Factors);
                    }).ToList(),
                    plansByEpisode[i].OrderBy(x => x.StartDate).Select(x => new CinPlanDates(x.PlanId, x.StartDate, InYear(x.EndDate))).ToList(),
                    section47s[r.Id].OrderBy(s => s.StartDate).ThenBy(s => s.Id).Select(s =>
                    {
                        var icpc = InYear(s.InitialConferenceDate);
                        var ended = InYear(s.CompletedDate) is not null;
                        return new CinSection47(s.Id, s.StartDate, s.InitialConferenceDue, icpc, icpc is null && ended && Section47Enquiry.EndsWithoutConference(s.Outcome));
                    }).ToList(),
                    r.NoFurtherAction ? "1" : "0",
                    cppsByEpisode[i].OrderBy(x => x.StartDate).Select(x => new CinChildProtectionPlan(
                        x.Id, x.StartDate, InYear(x.EndDate), x.Initial ?? x.CategoryOfAbuse, x.CategoryOfAbuse, x.PreviousPlans,
                        reviews[x.Id].Order().ToList())).ToList()));
            }

            children.Add(new CinChild(
                p.Id,
                HavenIds.Format(p.Id),
                p.Upn,
                p.FormerUpn,
                p.Upn is null ? p.UpnUnknownReason : null,
                p.DateOfBirth,
                p.DateOfBirth is null ? p.ExpectedDateOfBirth : null,
                p.Sex.ToCode(),
                InYear(p.DateOfDeath),
                p.EthnicityCode ?? "",
                (p.DisabilityCodes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                cinDetails));
        }

        return new CinCensus(header, children);
    }
}
