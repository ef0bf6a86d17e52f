using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.CareLeavers;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Core.Fostering;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.People;
using Haven.Core.Permanence;
using Haven.Core.Referrals;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.AnnexA;

/// Who a child is, as every list's leading columns show it.
public sealed record ChildFacts(int Id, string Reference, string Sex, string? Ethnicity, DateOnly? DateOfBirth, string Disability,
    bool IsUasc, bool IsRestricted, bool IsSealed)
{
    public int? AgeOn(DateOnly day)
    {
        if (DateOfBirth is not { } dob || day < dob) return null;
        var age = day.Year - dob.Year;
        return day < dob.AddYears(age) ? age - 1 : age;
    }
}

/// The team and worker a child was allocated to on the as-at day.
public sealed record AllocatedTo(string Team, string Worker);

/// One contact about one child.
public sealed record ContactFact(int ChildId, DateOnly Date, string SourceCode);

/// A child's statutory visits up to the as-at day, as the lists use them: the last visit's day and
/// the last day the child was seen.
public sealed record VisitDays(DateOnly Last, DateOnly? LastSeen);

/// A child protection plan's visits up to the as-at day: the last visit's day, the last day the
/// child was seen, and the last day the child was seen alone (alone at the last visit when that is
/// the last visit's day).
public sealed record PlanVisitDays(int PlanId, DateOnly Last, DateOnly? LastSeen, DateOnly? LastSeenAlone);

/// Everything the Annex A lists read, loaded once with a few queries and then worked over in memory,
/// so the lists are plain functions of this snapshot (and of the as-at day and window).
public sealed class AnnexASnapshot
{
    /// The inspection window the lists look back over (the six months ending on the as-at day).
    public required ReturnPeriod Window { get; init; }
    public DateOnly AsAt => Window.End;
    /// Counts "in the last 12 months" look back over the year ending on the as-at day.
    public DateOnly YearStart => AsAt.AddDays(1).AddYears(-1);

    public required IReadOnlyDictionary<int, ChildFacts> Children { get; init; }
    public required ILookup<int, Allocation> Allocations { get; init; }
    public required IReadOnlyList<ContactFact> Contacts { get; init; }
    public required IReadOnlyList<EarlyHelpEpisode> EarlyHelp { get; init; }
    public required ILookup<int, Referral> Referrals { get; init; }
    public required ILookup<int, Assessment> Assessments { get; init; }
    public required ILookup<int, Section47Enquiry> Section47s { get; init; }
    public required ILookup<int, ChildProtectionConference> Conferences { get; init; }
    public required ILookup<int, ChildProtectionPlan> ProtectionPlans { get; init; }
    /// Each child's plans' visits, summed up per plan (PlanVisitDays).
    public required ILookup<int, PlanVisitDays> ProtectionVisits { get; init; }
    public required ILookup<int, PeriodOfCare> PeriodsOfCare { get; init; }
    public required ILookup<int, Episode> Episodes { get; init; }
    public required ILookup<int, Placement> Placements { get; init; }
    /// Each child's statutory visits, summed up (VisitDays).
    public required IReadOnlyDictionary<int, VisitDays> Visits { get; init; }
    public required ILookup<int, LookedAfterReview> Reviews { get; init; }
    public required ILookup<int, IroVisit> IroVisits { get; init; }
    public required ILookup<int, HealthRecord> Health { get; init; }
    public required ILookup<int, MissingEpisode> Missing { get; init; }
    public required ILookup<int, PermanencePlan> PermanencePlans { get; init; }
    public required IReadOnlyDictionary<int, EligibilityResult> CareLeavers { get; init; }
    public required ILookup<int, PathwayReview> PathwayReviews { get; init; }
    public required ILookup<int, CareLeaverContact> CareLeaverContacts { get; init; }
    public required ILookup<int, BirthdayReturn> Birthdays { get; init; }
    public required IReadOnlyList<AdoptionCase> Adoptions { get; init; }
    public required IReadOnlyList<RecruitmentEnquiry> Adopters { get; init; }

    private ILookup<int, AdoptionCase>? _adoptionsByAdopter;
    /// The adoptions matched with each adopter household's enquiry, in Adoptions' order.
    public ILookup<int, AdoptionCase> AdoptionsByAdopter =>
        _adoptionsByAdopter ??= Adoptions.Where(a => a.AdopterEnquiryId is not null).ToLookup(a => a.AdopterEnquiryId!.Value);

    public bool InWindow(DateOnly day) => day >= Window.Start && day <= AsAt;
    public bool InYear(DateOnly day) => day >= YearStart && day <= AsAt;
    /// Open at some time in the window: started by its end and not ended before its start.
    public bool OpenInWindow(DateOnly start, DateOnly? end) => start <= AsAt && (end is null || end >= Window.Start);
    public bool OpenOnAsAt(DateOnly start, DateOnly? end) => start <= AsAt && (end is null || end >= AsAt);

    /// A date as the list shows it: only what had happened by the as-at day.
    public DateOnly? ByAsAt(DateOnly? day) => day <= AsAt ? day : null;

    /// The worker of the given kinds allocated on the as-at day, or else the last one before it.
    public AllocatedTo? AllocationOf(int childId, params AllocationKind[] kinds)
    {
        Allocation? best = null;
        foreach (var a in Allocations[childId])
        {
            if (!kinds.Contains(a.Kind) || a.StartDate > AsAt) continue;
            var open = a.EndDate is null || a.EndDate >= AsAt;
            var bestOpen = best is not null && (best.EndDate is null || best.EndDate >= AsAt);
            if (best is null || (open && !bestOpen) || (open == bestOpen && a.StartDate > best.StartDate)) best = a;
        }
        return best is null ? null : new AllocatedTo(best.Team.Name, best.Worker.DisplayName);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, AllocatedTo?> _socialWorkers = new();

    /// The social worker on the as-at day: asked for every row of most lists (a child with several
    /// referrals or contacts many times), so worked out once per child. Safe while the lists are
    /// built in parallel; the answer is the same whichever list asks first.
    public AllocatedTo? SocialWorkerOf(int childId) => _socialWorkers.GetOrAdd(childId, id => AllocationOf(id, AllocationKind.SocialWorker));

    public static async Task<AnnexASnapshot> LoadAsync(HavenDbContext db, ReturnPeriod window, CancellationToken ct)
    {
        var asAt = window.End;
        var windowStart = window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var after = asAt.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        // Which children some list can include: a list includes a child for a contact, early help, referral,
        // assessment, enquiry, plan or period of care in the window, for being a care leaver on the as-at
        // day, or for an adoption decision by then. The reads are independent of each other, so they too
        // run in two halves at once on PostgreSQL (ParallelReads, as the histories below).
        var wStart = window.Start;
        // The contacts are read in the second half: in the first, with the care leavers, that half took
        // several times the other's time at 500,000 children (contacts 1.3-2.8 s, the care-leaver
        // candidates 1.2-3.7 s, against 1.2-1.6 s for the second half's six reads).
        var (found, (inWindow, contacts)) = await ParallelReads.BothAsync(db, async rd =>
            {
                var service = new CareLeaverService(rd, TimeProvider.System);
                var candidates = await service.Candidates(asAt).ToListAsync(ct);
                // All the candidates at once (the list is one array parameter): in chunks of 500 it was three
                // queries per 500 young people, 63 of Annex A's 104 queries at 500,000 children.
                var leavers = new Dictionary<int, EligibilityResult>();
                foreach (var (id, r) in await service.EligibilityAsync(candidates, asAt, ct))
                    if (r.IsCareLeaver) leavers[id] = r;
                var adoptionCases = await rd.AdoptionCases.AsNoTracking().Where(a => a.AdmDecisionDate <= asAt).OrderBy(a => a.AdmDecisionDate).ThenBy(a => a.ChildId).ToListAsync(ct);
                var sealedChildren = (await rd.AdoptionCases.AsNoTracking().Where(a => a.SealedAt != null).Select(a => a.ChildId).ToListAsync(ct)).ToHashSet();
                return (leavers, adoptionCases, sealedChildren);
            },
            async rd =>
            {
                var contactRows = await rd.ContactChildren.AsNoTracking()
                    .Where(c => c.Contact.ReceivedAt >= windowStart && c.Contact.ReceivedAt < after)
                    .Select(c => new { c.ChildId, c.ContactId, c.Contact.ReceivedAt, c.Contact.SourceCode }).ToListAsync(ct);
                var children = new HashSet<int>();
                children.UnionWith(await rd.EarlyHelpEpisodes.Where(e => e.StartDate <= asAt && (e.AssessmentCompletedOn == null || e.AssessmentCompletedOn >= wStart)).Select(e => e.ChildId).ToListAsync(ct));
                children.UnionWith(await rd.Referrals.Where(r => r.ReferralDate <= asAt && (r.ReferralDate >= wStart || r.ClosureDate == null || r.ClosureDate >= wStart)).Select(r => r.ChildId).ToListAsync(ct));
                children.UnionWith(await rd.Assessments.Where(x => x.StartDate <= asAt && (x.StartDate >= wStart || x.AuthorisedDate == null || x.AuthorisedDate >= wStart)).Select(x => x.ChildId).ToListAsync(ct));
                children.UnionWith(await rd.Section47Enquiries.Where(x => x.StartDate <= asAt && x.StartDate >= wStart).Select(x => x.ChildId).ToListAsync(ct));
                children.UnionWith(await rd.ChildProtectionPlans.Where(x => x.StartDate <= asAt && (x.StartDate >= wStart || x.EndDate == null || x.EndDate >= wStart)).Select(x => x.ChildId).ToListAsync(ct));
                children.UnionWith(await rd.PeriodsOfCare.Where(x => x.StartDate <= asAt && (x.StartDate >= wStart || x.EndDate == null || x.EndDate >= wStart)).Select(x => x.ChildId).ToListAsync(ct));
                return (children, contactRows);
            });
        var (careLeavers, adoptions, sealedIds) = found;
        // Only the children some list can include are loaded, each with their history up to the as-at day
        // (the columns look back: previous plans, last seen, the period of care).
        var included = new HashSet<int>(contacts.Select(c => c.ChildId));
        included.UnionWith(careLeavers.Keys);
        included.UnionWith(adoptions.Select(a => a.ChildId));
        included.UnionWith(inWindow);
        // One array parameter (json_each on SQLite, an array on PostgreSQL), not one parameter per child:
        // tens of thousands of children pass SQLite's limit on parameters.
        var ids = included.Order().ToList();

        // The histories of children in care and care leavers (periods of care to birthday returns) belong
        // almost all to included children (at 500,000 children 85-100% of their rows). PostgreSQL plans
        // "ChildId = ANY(@ids)" by estimating each of the array's elements against the column's
        // statistics: with ~177,000 ids that was 0.3-1.5 s of planning per statement, more than the
        // query itself (a sequential scan either way). There they are read whole and narrowed to the
        // included children here: the same scan in the same order, the same rows kept. SQLite keeps the
        // filter in the query (json_each, planned at no cost, read through the child's index).
        var narrowInDatabase = !db.Database.IsNpgsql();
        IQueryable<T> OfIncluded<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, bool>> isIncluded) =>
            narrowInDatabase ? rows.Where(isIncluded) : rows;

        // The allocations with their team's and worker's ids, and the names of the teams and workers (about
        // 1,000 and 11,000 at 500,000 children) read apart, one shared object each: the lists show the names
        // of one allocation per child. Reading both names on every row (535,000) made Annex A's largest
        // statement on the region larger than it needs to be: two hash joins on the server (EXPLAIN ANALYZE
        // with 127,000 ids, alternated in one session: 0.82-0.88 s executing with them, 0.50-0.67 s without)
        // and two strings and two objects per row here. The allocations are the same rows in the same order
        // (a scan of Allocations either way; the joins were hash joins probed in its order), and every
        // allocation's team and worker exist (foreign keys, no query filter), so the inner joins left none out.
        async Task<ILookup<int, Allocation>> AllocationsAsync(HavenDbContext rd)
        {
            var rows = await rd.Allocations.AsNoTracking().Where(a => a.StartDate <= asAt && EF.Parameter(ids).Contains(a.ChildId))
                .Select(a => new Allocation { Id = a.Id, ChildId = a.ChildId, Kind = a.Kind, StartDate = a.StartDate, EndDate = a.EndDate, TeamId = a.TeamId, WorkerId = a.WorkerId })
                .ToListAsync(ct);
            var teams = await rd.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => new Team { Name = t.Name }, ct);
            var workers = await rd.Workers.AsNoTracking().Select(w => new { w.Id, w.DisplayName }).ToDictionaryAsync(w => w.Id, w => new Worker { DisplayName = w.DisplayName }, ct);
            foreach (var a in rows)
            {
                a.Team = teams[a.TeamId];
                a.Worker = workers[a.WorkerId];
            }
            return rows.ToLookup(a => a.ChildId);
        }

        // Two halves of the histories read at once on PostgreSQL (ParallelReads: the process mostly waits
        // for the server, which has a second core); the same queries either way.
        var (first, second) = await ParallelReads.BothAsync(db, async rd => new
            {
                Children = (await rd.Set<Person>().AsNoTracking().Where(p => p.Kind == PersonKind.Child && EF.Parameter(ids).Contains(p.Id))
                        .Select(p => new { p.Id, p.Sex, p.EthnicityCode, p.DateOfBirth, p.DisabilityCodes, p.IsUnaccompaniedAsylumSeeker, p.IsRestricted })
                        .ToListAsync(ct))
                    .ToDictionary(p => p.Id, p => new ChildFacts(p.Id, HavenIds.Format(p.Id), AnnexACodes.Sex(p.Sex), AnnexACodes.Ethnicity(p.EthnicityCode), p.DateOfBirth,
                        AnnexACodes.YesNo(p.DisabilityCodes is { Length: > 0 } d && d.Trim() != "NONE"), p.IsUnaccompaniedAsylumSeeker, p.IsRestricted, sealedIds.Contains(p.Id))),
                // Each history is read with only the columns the lists show (a new entity with those set, not
                // the whole row): notes, summaries and audit columns are most of the bytes, and reading every
                // cell of ~400,000 rows was most of the time Annex A took at 50,000 children.
                Allocations = await AllocationsAsync(rd),
                Assessments = (await rd.Assessments.AsNoTracking().Where(a => a.StartDate <= asAt && EF.Parameter(ids).Contains(a.ChildId))
                    .Select(a => new Assessment { Id = a.Id, ChildId = a.ChildId, ReferralId = a.ReferralId, StartDate = a.StartDate, ChildSeenDate = a.ChildSeenDate,
                        AuthorisedDate = a.AuthorisedDate, Outcome = a.Outcome })
                    .ToListAsync(ct)).ToLookup(a => a.ChildId),
                Section47s = (await rd.Section47Enquiries.AsNoTracking().Where(s => s.StartDate <= asAt && EF.Parameter(ids).Contains(s.ChildId))
                    .Select(s => new Section47Enquiry { Id = s.Id, ChildId = s.ChildId, StartDate = s.StartDate, Outcome = s.Outcome, CompletedDate = s.CompletedDate })
                    .ToListAsync(ct)).ToLookup(s => s.ChildId),
            },
            async rd => new
            {
                // Only the columns list 2 shows, as the histories below: an episode's row also carries its
                // assessment summary and closure notes (long text), most of its bytes. LeadPractitioner is
                // required by the type but no list shows it.
                EarlyHelp = await rd.EarlyHelpEpisodes.AsNoTracking().Where(e => e.StartDate <= asAt && (e.AssessmentCompletedOn == null || e.AssessmentCompletedOn >= wStart)).OrderBy(e => e.StartDate).ThenBy(e => e.Id)
                    .Select(e => new EarlyHelpEpisode { Id = e.Id, ChildId = e.ChildId, StartDate = e.StartDate, AssessmentCompletedOn = e.AssessmentCompletedOn, LeadAgency = e.LeadAgency, LeadPractitioner = "" })
                    .ToListAsync(ct),
                ProtectionPlans = (await rd.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate <= asAt && EF.Parameter(ids).Contains(p.ChildId))
                    .Select(p => new ChildProtectionPlan { Id = p.Id, ChildId = p.ChildId, StartDate = p.StartDate, EndDate = p.EndDate, CategoryOfAbuse = p.CategoryOfAbuse,
                        PreviousPlans = p.PreviousPlans })
                    .ToListAsync(ct)).ToLookup(p => p.ChildId),
                // The visits are summed up per plan (and per child below) in the database: the lists show only
                // the last visit, the last day seen and whether the child was seen alone then, and the
                // rows themselves were the largest reads at 500,000 children (663,815 and 559,072 rows,
                // about 1.2 s of the two halves' time and most of it materialising them here).
                ProtectionVisits = (await rd.ChildProtectionVisits.AsNoTracking().Where(v => v.Date <= asAt && EF.Parameter(ids).Contains(v.ChildId))
                    .GroupBy(v => new { v.ChildId, v.ChildProtectionPlanId })
                    .Select(g => new
                    {
                        g.Key.ChildId, g.Key.ChildProtectionPlanId, Last = g.Max(v => v.Date),
                        LastSeen = g.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.Date),
                        LastSeenAlone = g.Where(v => v.ChildSeenAlone).Max(v => (DateOnly?)v.Date),
                    })
                    .ToListAsync(ct)).ToLookup(v => v.ChildId, v => new PlanVisitDays(v.ChildProtectionPlanId, v.Last, v.LastSeen, v.LastSeenAlone)),
                PeriodsOfCare = (await OfIncluded(rd.PeriodsOfCare.AsNoTracking().Where(p => p.StartDate <= asAt), p => EF.Parameter(ids).Contains(p.ChildId))
                    .Select(p => new PeriodOfCare { Id = p.Id, ChildId = p.ChildId, StartDate = p.StartDate, EndDate = p.EndDate, CategoryOfNeedCode = p.CategoryOfNeedCode,
                        ReasonCeasedCode = p.ReasonCeasedCode, IsUnaccompaniedAsylumSeeker = p.IsUnaccompaniedAsylumSeeker, UascCeasedDate = p.UascCeasedDate })
                    .ToListAsync(ct)).Where(p => included.Contains(p.ChildId)).ToLookup(p => p.ChildId),
                Episodes = (await OfIncluded(rd.Episodes.AsNoTracking().Where(e => e.SupersededAt == null && e.StartDate <= asAt), e => EF.Parameter(ids).Contains(e.ChildId))
                    .Select(e => new Episode { Id = e.Id, ChildId = e.ChildId, PeriodOfCareId = e.PeriodOfCareId, StartDate = e.StartDate, EndDate = e.EndDate, LegalStatusCode = e.LegalStatusCode })
                    .ToListAsync(ct)).Where(e => included.Contains(e.ChildId)).ToLookup(e => e.ChildId),
                Placements = (await OfIncluded(rd.Placements.AsNoTracking().Where(p => p.StartDate <= asAt), p => EF.Parameter(ids).Contains(p.ChildId))
                    .Select(p => new Placement { Id = p.Id, ChildId = p.ChildId, PeriodOfCareId = p.PeriodOfCareId, StartDate = p.StartDate, EndDate = p.EndDate,
                        PlacementTypeCode = p.PlacementTypeCode, ProviderCode = p.ProviderCode, Postcode = p.Postcode, Urn = p.Urn, InsideCouncilArea = p.InsideCouncilArea })
                    .ToListAsync(ct)).Where(p => included.Contains(p.ChildId)).ToLookup(p => p.ChildId),
                Visits = (await OfIncluded(rd.StatutoryVisits.AsNoTracking().Where(v => v.VisitDate <= asAt), v => EF.Parameter(ids).Contains(v.ChildId))
                    .GroupBy(v => v.ChildId)
                    .Select(g => new { ChildId = g.Key, Last = g.Max(v => v.VisitDate), LastSeen = g.Where(v => v.ChildSeen).Max(v => (DateOnly?)v.VisitDate) })
                    .ToListAsync(ct)).Where(v => included.Contains(v.ChildId)).ToDictionary(v => v.ChildId, v => new VisitDays(v.Last, v.LastSeen)),
                Reviews = (await OfIncluded(rd.LookedAfterReviews.AsNoTracking().Where(r => r.ReviewDate <= asAt), r => EF.Parameter(ids).Contains(r.ChildId))
                    .Select(r => new LookedAfterReview { Id = r.Id, ChildId = r.ChildId, PeriodOfCareId = r.PeriodOfCareId, ReviewDate = r.ReviewDate })
                    .ToListAsync(ct)).Where(r => included.Contains(r.ChildId)).ToLookup(r => r.ChildId),
                IroVisits = (await OfIncluded(rd.IroVisits.AsNoTracking().Where(v => v.VisitDate <= asAt), v => EF.Parameter(ids).Contains(v.ChildId))
                    .Select(v => new IroVisit { Id = v.Id, ChildId = v.ChildId, VisitDate = v.VisitDate })
                    .ToListAsync(ct)).Where(v => included.Contains(v.ChildId)).ToLookup(v => v.ChildId),
                Health = (await OfIncluded(rd.HealthRecords.AsNoTracking().Where(h => h.Date <= asAt && (h.Kind == HealthRecordKind.InitialHealthAssessment
                        || h.Kind == HealthRecordKind.ReviewHealthAssessment || h.Kind == HealthRecordKind.DentalCheck)), h => EF.Parameter(ids).Contains(h.ChildId))
                    .Select(h => new HealthRecord { Id = h.Id, ChildId = h.ChildId, Kind = h.Kind, Date = h.Date })
                    .ToListAsync(ct)).Where(h => included.Contains(h.ChildId)).ToLookup(h => h.ChildId),
                Missing = (await OfIncluded(rd.MissingEpisodes.AsNoTracking().Where(m => m.StartedAt < after), m => EF.Parameter(ids).Contains(m.ChildId))
                    .Select(m => new MissingEpisode { Id = m.Id, ChildId = m.ChildId, Type = m.Type, StartedAt = m.StartedAt,
                        Interview = m.Interview == null ? null : new ReturnHomeInterview { Response = m.Interview.Response } })
                    .ToListAsync(ct)).Where(m => included.Contains(m.ChildId)).ToLookup(m => m.ChildId),
                PermanencePlans = (await OfIncluded(rd.PermanencePlans.AsNoTracking().Where(p => p.SetAtReview <= asAt), p => EF.Parameter(ids).Contains(p.ChildId))
                    .Select(p => new PermanencePlan { Id = p.Id, ChildId = p.ChildId, SetAtReview = p.SetAtReview, Type = p.Type })
                    .ToListAsync(ct)).Where(p => included.Contains(p.ChildId)).ToLookup(p => p.ChildId),
                PathwayReviews = (await OfIncluded(rd.PathwayReviews.AsNoTracking().Where(r => r.ReviewDate <= asAt), r => EF.Parameter(ids).Contains(r.ChildId))
                    .Select(r => new PathwayReview { Id = r.Id, ChildId = r.ChildId, ReviewDate = r.ReviewDate })
                    .ToListAsync(ct)).Where(r => included.Contains(r.ChildId)).ToLookup(r => r.ChildId),
                CareLeaverContacts = (await OfIncluded(rd.CareLeaverContacts.AsNoTracking().Where(c => c.ContactDate <= asAt), c => EF.Parameter(ids).Contains(c.ChildId))
                    .Select(c => new CareLeaverContact { Id = c.Id, ChildId = c.ChildId, ContactDate = c.ContactDate })
                    .ToListAsync(ct)).Where(c => included.Contains(c.ChildId)).ToLookup(c => c.ChildId),
                Birthdays = (await OfIncluded(rd.BirthdayReturns.AsNoTracking(), b => EF.Parameter(ids).Contains(b.ChildId))
                    .Select(b => new BirthdayReturn { Id = b.Id, ChildId = b.ChildId, Age = b.Age, InTouchCode = b.InTouchCode, ActivityCode = b.ActivityCode, AccommodationCode = b.AccommodationCode })
                    .ToListAsync(ct)).Where(b => included.Contains(b.ChildId)).ToLookup(b => b.ChildId),
                Referrals = (await rd.Referrals.AsNoTracking().Where(r => r.ReferralDate <= asAt && EF.Parameter(ids).Contains(r.ChildId))
                    .Select(r => new Referral { Id = r.Id, ChildId = r.ChildId, ReferralDate = r.ReferralDate, SourceCode = r.SourceCode, NoFurtherAction = r.NoFurtherAction,
                        PrimaryNeedCode = r.PrimaryNeedCode, ClosureDate = r.ClosureDate, ReasonForClosureCode = r.ReasonForClosureCode })
                    .ToListAsync(ct)).ToLookup(r => r.ChildId),
                Conferences = (await rd.ChildProtectionConferences.AsNoTracking().Where(c => c.Date <= asAt && EF.Parameter(ids).Contains(c.ChildId))
                    .Select(c => new ChildProtectionConference { Id = c.Id, ChildId = c.ChildId, Kind = c.Kind, Date = c.Date, Section47EnquiryId = c.Section47EnquiryId,
                        ChildProtectionPlanId = c.ChildProtectionPlanId, PlanNeeded = c.PlanNeeded, CategoryOfAbuse = c.CategoryOfAbuse })
                    .ToListAsync(ct)).ToLookup(c => c.ChildId),
                Adopters = await rd.RecruitmentEnquiries.AsNoTracking().Where(e => e.Kind == ApplicantKind.Adoption && e.EnquiryDate <= asAt).OrderBy(e => e.EnquiryDate).ThenBy(e => e.Id).ToListAsync(ct),
            });

        return new AnnexASnapshot
        {
            Window = window,
            Children = first.Children,
            Allocations = first.Allocations,
            // By day and child, then by contact: without the last key two contacts about a child on one
            // day came in whatever order the database read them (PostgreSQL's differed between runs).
            Contacts = contacts.OrderBy(c => DateOnly.FromDateTime(c.ReceivedAt)).ThenBy(c => c.ChildId).ThenBy(c => c.ContactId)
                .Select(c => new ContactFact(c.ChildId, DateOnly.FromDateTime(c.ReceivedAt), c.SourceCode)).ToList(),
            EarlyHelp = second.EarlyHelp,
            Referrals = second.Referrals,
            Assessments = first.Assessments,
            Section47s = first.Section47s,
            Conferences = second.Conferences,
            ProtectionPlans = second.ProtectionPlans,
            ProtectionVisits = second.ProtectionVisits,
            PeriodsOfCare = second.PeriodsOfCare,
            Episodes = second.Episodes,
            Placements = second.Placements,
            Visits = second.Visits,
            Reviews = second.Reviews,
            IroVisits = second.IroVisits,
            Health = second.Health,
            Missing = second.Missing,
            PermanencePlans = second.PermanencePlans,
            CareLeavers = careLeavers,
            PathwayReviews = second.PathwayReviews,
            CareLeaverContacts = second.CareLeaverContacts,
            Birthdays = second.Birthdays,
            Adoptions = adoptions,
            Adopters = second.Adopters,
        };
    }
}
