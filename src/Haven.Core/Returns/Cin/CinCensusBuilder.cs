using Haven.Core.Assessments;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Referrals;
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

        // The episodes of need in the year, on either context the reads below use.
        IQueryable<Referral> ReferralsIn(HavenDbContext c)
        {
            var open = c.Referrals.AsNoTracking().Where(r => r.ReferralDate <= to && (r.ClosureDate == null || r.ClosureDate >= from));
            return onlyChildren is null ? open : open.Where(r => onlyChildren.Contains(r.ChildId));
        }
        var readReferrals = (HavenDbContext c) => ReferralsIn(c).OrderBy(r => r.ChildId).ThenBy(r => r.ReferralDate).ThenBy(r => r.Id).ToListAsync(ct);
        var header = new CinHeader(year, to, options.Lea, options.SoftwareCode, options.Release, options.SerialNo,
            DateTime.SpecifyKind((now ?? DateTime.UtcNow).AddTicks(-((now ?? DateTime.UtcNow).Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc));
        // For a few children the episodes are read first: with none in the year nobody is in the census,
        // so nothing else needs reading (My work's children often have none). The whole return reads
        // them with the rest, in the first half below (the other reads take the referral filter as a
        // subquery, not the referrals read): read first, they held up both halves (1-3 s at 500,000 children).
        var whole = onlyChildren is null;
        List<Referral>? referrals = null;
        if (!whole)
        {
            referrals = await readReferrals(db);
            if (referrals.Count == 0) return new CinCensus(header, []);
        }
        // "ReferralId IN (the referrals)" rather than EXISTS per row: the database then reads the
        // assessments and enquiries of those referrals through their ReferralId index instead of
        // scanning every assessment and enquiry (45,000 and 18,000 at 50,000 children) for My work's few children.
        // For a few children (My work, the team view, a child's summary) the referrals just read are
        // passed as lists: only the children with an episode in the year and their referrals, instead
        // of repeating the referral query (with a parameter per child asked about) inside each of the
        // next seven. The whole return keeps the subquery (50,000 children are too many parameters).
        List<int>? episodeChildren = null, episodeReferrals = null;
        if (referrals is not null)
        {
            episodeChildren = referrals.Select(r => r.ChildId).Distinct().ToList();
            episodeReferrals = referrals.Select(r => r.Id).ToList();
        }
        // The reads below depend only on the referral filter, so on PostgreSQL the whole return
        // reads them on two connections at once (ParallelReads): at 500,000 children they are most of
        // the census's time and the process mostly waits for the server, which has a second core.
        // Each read is the same query on either connection, so the census is the same.

        var readPeople = (HavenDbContext c) =>
        {
            var childIds = ReferralsIn(c).Select(r => r.ChildId);
            var peopleQuery = c.People.AsNoTracking();
            peopleQuery = episodeChildren is not null ? peopleQuery.Where(p => episodeChildren.Contains(p.Id)) : peopleQuery.Where(p => childIds.Contains(p.Id));
            return peopleQuery
                .Select(p => new
                {
                    p.Id, p.Upn, p.FormerUpn, p.UpnUnknownReason, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.DateOfDeath,
                    p.EthnicityCode, p.DisabilityCodes,
                })
                .ToDictionaryAsync(p => p.Id, ct);
        };

        // Only the columns the census reads (an assessment row also carries its long analysis text).
        IQueryable<Assessment> AssessmentsIn(HavenDbContext c)
        {
            var referralIds = ReferralsIn(c).Select(r => r.Id);
            var assessmentsQuery = c.Assessments.AsNoTracking();
            assessmentsQuery = episodeReferrals is not null ? assessmentsQuery.Where(a => episodeReferrals.Contains(a.ReferralId)) : assessmentsQuery.Where(a => referralIds.Contains(a.ReferralId));
            return assessmentsQuery.Where(a => a.StartDate <= to && (a.AuthorisedDate == null || a.AuthorisedDate >= from));
        }
        // For a few children (My work), and on SQLite, where the two halves run one after the other,
        // each assessment comes with its factors in one statement. For the whole return on PostgreSQL the
        // factors are read apart, on the other connection (the second half below): with
        // them joined in, the server walked the factors' index once per assessment and sorted the lot
        // (222,000 rows at 500,000 children, about 3 s, the census's largest read, holding up its half);
        // read apart, it is two hash joins that run at once. Either way each assessment's factors are
        // its factors in the order of their ids.
        var readAssessments = async (HavenDbContext c) => await AssessmentsIn(c)
            .Select(a => new AssessmentRow(a.Id, a.ReferralId, a.StartDate, a.AuthorisedDate, a.Factors.OrderBy(f => f.Id).Select(f => f.Code).ToList()))
            .ToListAsync(ct);
        var readAssessmentsAlone = async (HavenDbContext c) => await AssessmentsIn(c)
            .Select(a => new AssessmentRow(a.Id, a.ReferralId, a.StartDate, a.AuthorisedDate, null))
            .ToListAsync(ct);
        var readFactors = async (HavenDbContext c) =>
        {
            var assessmentIds = AssessmentsIn(c).Select(a => a.Id);
            var rows = await c.AssessmentFactors.AsNoTracking().Where(f => assessmentIds.Contains(f.AssessmentId))
                .Select(f => new { f.Id, f.AssessmentId, f.Code })
                .ToListAsync(ct);
            return rows.OrderBy(f => f.Id).ToLookup(f => f.AssessmentId, f => f.Code);
        };
        var readSection47s = (HavenDbContext c) =>
        {
            var referralIds = ReferralsIn(c).Select(r => r.Id);
            var section47sQuery = c.Section47Enquiries.AsNoTracking();
            section47sQuery = episodeReferrals is not null ? section47sQuery.Where(s => episodeReferrals.Contains(s.ReferralId)) : section47sQuery.Where(s => referralIds.Contains(s.ReferralId));
            return section47sQuery
                .Where(s => s.StartDate <= to)
                .Select(s => new { s.Id, s.ReferralId, s.StartDate, s.InitialConferenceDue, s.InitialConferenceDate, s.CompletedDate, s.Outcome })
                .ToListAsync(ct);
        };
        var readCinPlans = (HavenDbContext c) =>
        {
            var childIds = ReferralsIn(c).Select(r => r.ChildId);
            var cinPlansQuery = c.ChildInNeedPlans.AsNoTracking();
            cinPlansQuery = episodeChildren is not null ? cinPlansQuery.Where(p => episodeChildren.Contains(p.ChildId)) : cinPlansQuery.Where(p => childIds.Contains(p.ChildId));
            return cinPlansQuery
                .Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate >= from))
                .Select(p => new { p.ChildId, p.PlanId, p.StartDate, p.EndDate })
                .ToListAsync(ct);
        };
        var readCpPlans = (HavenDbContext c) =>
        {
            var childIds = ReferralsIn(c).Select(r => r.ChildId);
            var cpPlansQuery = c.ChildProtectionPlans.AsNoTracking();
            cpPlansQuery = episodeChildren is not null ? cpPlansQuery.Where(p => episodeChildren.Contains(p.ChildId)) : cpPlansQuery.Where(p => childIds.Contains(p.ChildId));
            return cpPlansQuery
                .Where(p => p.StartDate <= to && (p.EndDate == null || p.EndDate >= from))
                .Select(p => new { p.Id, p.ChildId, p.StartDate, p.EndDate, p.CategoryOfAbuse, Initial = p.StartConference.CategoryOfAbuse, p.PreviousPlans })
                .ToListAsync(ct);
        };
        IQueryable<ChildProtectionConference> ConferencesOf(HavenDbContext c)
        {
            var childIds = ReferralsIn(c).Select(r => r.ChildId);
            var conferencesQuery = c.ChildProtectionConferences.AsNoTracking();
            return episodeChildren is not null ? conferencesQuery.Where(x => episodeChildren.Contains(x.ChildId)) : conferencesQuery.Where(x => childIds.Contains(x.ChildId));
        }
        var readReviews = (HavenDbContext c) => ConferencesOf(c)
            .Where(x => x.Kind == ConferenceKind.Review && x.ChildProtectionPlanId != null && x.Date >= from && x.Date <= to)
            .Select(x => new { PlanId = x.ChildProtectionPlanId!.Value, x.Date })
            .ToListAsync(ct);
        // "No section 47" is tested here, not in the query: with it in the WHERE clause SQLite reads
        // the conferences through the Section47EnquiryId index, i.e. every one of the 12,000 without
        // an enquiry, instead of the few of these children through (ChildId, Date).
        var readIcpcs = (HavenDbContext c) => ConferencesOf(c)
            .Where(x => x.Kind == ConferenceKind.Initial && x.Date >= from && x.Date <= to)
            .Select(x => new { x.ChildId, x.Date, x.Section47EnquiryId })
            .ToListAsync(ct);

        // Two halves of about equal time at 500,000 children: the episodes (whole return), the assessments
        // and the people on one connection; the assessments' factors, the enquiries, the plans and the
        // conferences on the other.
        var factorsApart = whole && ParallelReads.AtOnce(db);
        var firstHalf = async (HavenDbContext c) => (whole ? await readReferrals(c) : referrals!, factorsApart ? await readAssessmentsAlone(c) : await readAssessments(c), await readPeople(c));
        var secondHalf = async (HavenDbContext c) => (factorsApart ? await readFactors(c) : null, await readSection47s(c), await readCpPlans(c), await readReviews(c), await readCinPlans(c), await readIcpcs(c));
        var ((episodeRows, assessmentRows, people), (factors, section47Rows, cpPlanRows, reviewRows, cinPlanRows, icpcRows)) = whole
            ? await ParallelReads.BothAsync(db, firstHalf, secondHalf)
            : (await firstHalf(db), await secondHalf(db));

        var assessments = assessmentRows.ToLookup(a => a.ReferralId);
        var section47s = section47Rows
            .Where(s => (s.InitialConferenceDate ?? s.CompletedDate) is not { } end || end >= from)
            .ToLookup(s => s.ReferralId);
        var cinPlans = cinPlanRows.ToLookup(p => p.ChildId);
        var cpPlans = cpPlanRows.ToLookup(p => p.ChildId);
        var reviews = reviewRows.ToLookup(c => c.PlanId, c => c.Date);
        var icpcsWithoutS47 = icpcRows
            .Where(c => c.Section47EnquiryId == null)
            .ToLookup(c => c.ChildId, c => c.Date);

        DateOnly? InYear(DateOnly? d) => d is { } x && x <= to ? x : null;

        var children = new List<CinChild>();
        foreach (var group in episodeRows.GroupBy(r => r.ChildId))
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
                            done is null ? [] : a.Factors ?? factors![a.Id].ToList());
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

    /// An assessment as the census reads it; its factors in the order of their ids, or null where they are read apart.
    private sealed record AssessmentRow(int Id, int ReferralId, DateOnly StartDate, DateOnly? AuthorisedDate, List<string>? Factors);
}
