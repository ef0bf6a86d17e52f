using Haven.Core.Fostering;
using Haven.Core.Permanence;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using PlacementRecord = Haven.Core.ChildrenLookedAfter.Placement;

namespace Haven.Core.Synthetic;

/// Fostering and adoption, derived from the periods of care ChildrenLookedAfterPart wrote:
/// - A recruitment funnel for foster carers over three financial years, about 170 enquiries a year
///   for a 3,000-child borough (councils get about a fifth of England's 125,195 enquiries, 2022-23),
///   converting at councils' rate (about 12% enquiry to application; a few % approved), with
///   campaigns that lift conversion; and a smaller adopter funnel (some second-time adopters).
/// - Carer households: one per distinct foster carer in the placements (connected persons for 903
///   U1-U3), linked to those placements; annual reviews, supervision visits, training, feedback.
/// - Permanence plans for most children in care, set at the second review.
/// - Adoption records for children who left care adopted (903 E11/E12) or are placed for adoption,
///   with national-like timeliness (entry to care to adoption about 2 years 3 months) and sealed
///   once the order is made.
internal sealed class FosteringPart : IBoroughPart
{
    public string Name => "Fostering";

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var today = context.Today;
        var db = context.Writer.Db;
        var ct = context.CancellationToken;
        var fostering = context.Plan.Workers.Where(w => w.Role == HavenRole.FosteringWorker).ToList();
        if (fostering.Count == 0) fostering = context.Plan.Workers.Take(1).ToList();
        var scale = Math.Max(0.05, context.Options.Children / 3000.0);

        // Campaigns: spring and autumn each year; adopters one a year.
        var campaigns = new List<RecruitmentCampaign>();
        var firstYear = Conversion.FinancialYear(today) - 2;
        for (var y = firstYear; y <= firstYear + 2; y++)
        {
            foreach (var (month, name) in new[] { (5, "Fostering Fortnight"), (10, "Could you foster?") })
            {
                var start = new DateOnly(y, month, 1);
                if (start <= today) campaigns.Add(new RecruitmentCampaign { Kind = ApplicantKind.Fostering, Name = $"{name} {y}", StartDate = start, EndDate = start.AddDays(41), Version = Guid.NewGuid() });
            }
            var a = new DateOnly(y, 11, 1);
            if (a <= today) campaigns.Add(new RecruitmentCampaign { Kind = ApplicantKind.Adoption, Name = $"National Adoption Week {y}", StartDate = a, EndDate = a.AddDays(20), Version = Guid.NewGuid() });
        }
        await context.Writer.SaveAsync(campaigns);

        var enquiries = new List<RecruitmentEnquiry>();
        var from = new DateOnly(firstYear, 4, 1);
        void Funnel(ApplicantKind kind, int perYear, double campaignLift)
        {
            var count = (int)Math.Round(perYear * scale * (today.DayNumber - from.DayNumber) / 365.0);
            var mine = campaigns.Where(c => c.Kind == kind).ToList();
            for (var i = 0; i < count; i++)
            {
                var date = rng.DateBetween(from, today);
                var campaign = mine.FirstOrDefault(c => date >= c.StartDate && date <= c.EndDate!.Value.AddDays(14));
                var viaCampaign = campaign is not null && rng.Chance(0.7);
                var source = viaCampaign ? EnquirySource.Campaign : rng.Weighted<EnquirySource>([(EnquirySource.Web, 50), (EnquirySource.WordOfMouth, 25), (EnquirySource.Event, 8), (EnquirySource.ExistingCarer, 10), (EnquirySource.Other, 7)]);
                var lift = viaCampaign ? campaignLift : 1.0;
                // Step probabilities: visit 30%, application 40% of visits (12% of enquiries), then assessment and panel.
                double[] onward = kind == ApplicantKind.Fostering ? [0.30 * lift, 0.40, 0.90, 0.72, 0.85, 0.95] : [0.45 * lift, 0.55, 0.92, 0.80, 0.90, 0.97];
                int[][] gaps = [[7, 30], [14, 60], [3, 21], [45, 75], [60, 120], [5, 20]];
                var e = new RecruitmentEnquiry
                {
                    Kind = kind, HouseholdName = HouseholdName(rng), Source = source, CampaignId = viaCampaign ? campaign!.Id : null, EnquiryDate = date,
                    SecondTimeAdopter = kind == ApplicantKind.Adoption && rng.Chance(0.15), RecordedAt = date.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                };
                var at = date;
                var reached = 0;
                for (var s = 0; s < onward.Length; s++)
                {
                    var next = at.AddDays(rng.Between(gaps[s][0], gaps[s][1]));
                    if (next > today) break; // still in progress
                    if (!rng.Chance(onward[s]))
                    {
                        var leftOn = at.AddDays(rng.Between(3, 40));
                        if (leftOn <= today)
                        {
                            e.LeftDate = leftOn;
                            e.LeftReason = s switch
                            {
                                0 or 1 => rng.Weighted<LeavingReason>([(LeavingReason.NoLongerInterested, 40), (LeavingReason.NoResponse, 25), (LeavingReason.AccommodationUnsuitable, 10), (LeavingReason.ChoseAnotherAgency, 15), (LeavingReason.ChangedCircumstances, 10)]),
                                5 => LeavingReason.PanelNotRecommended,
                                _ => rng.Weighted<LeavingReason>([(LeavingReason.ChangedCircumstances, 40), (LeavingReason.NotSuitable, 35), (LeavingReason.ChoseAnotherAgency, 10), (LeavingReason.Other, 15)]),
                            };
                        }
                        break;
                    }
                    at = next;
                    reached = s + 1;
                    switch (reached)
                    {
                        case 1: e.InitialVisitDate = at; break;
                        case 2: e.ApplicationDate = at; break;
                        case 3: e.Stage1Date = at; break;
                        case 4: e.Stage2Date = at; break;
                        case 5: e.PanelDate = at; break;
                        case 6: e.ApprovalDate = at; break;
                    }
                }
                enquiries.Add(e);
            }
        }
        Funnel(ApplicantKind.Fostering, 170, 1.6);
        Funnel(ApplicantKind.Adoption, 40, 1.3);
        await context.Writer.SaveAsync(enquiries);

        // Households from the foster placements (one per carer name), linked to those placements.
        var placements = await db.Set<PlacementRecord>().AsNoTracking().Where(p => p.PlacementTypeCode.StartsWith("U"))
            .Select(p => new { p.Id, p.ChildId, p.PlacementTypeCode, p.CarerName, p.Postcode, p.StartDate, p.EndDate }).ToListAsync(ct);
        var byCarer = placements.GroupBy(p => p.CarerName).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var households = new List<FosterHousehold>();
        var approvedEnquiries = new Queue<RecruitmentEnquiry>(enquiries.Where(e => e.Kind == ApplicantKind.Fostering && e.ApprovalDate is not null).OrderBy(e => e.ApprovalDate));
        foreach (var g in byCarer)
        {
            var first = g.Min(p => p.StartDate);
            var connected = g.First().PlacementTypeCode is "U1" or "U2" or "U3";
            var ended = g.All(p => p.EndDate is not null) && g.Max(p => p.EndDate!.Value) < today.AddYears(-1) && rng.Chance(0.5);
            var h = new FosterHousehold
            {
                Kind = connected ? HouseholdKind.ConnectedPerson : HouseholdKind.Mainstream, Name = g.Key, Postcode = g.First().Postcode,
                MaxChildren = connected ? 1 + Math.Min(2, g.Select(p => p.ChildId).Distinct().Count() - 1) : rng.Weighted<int>([(1, 30), (2, 45), (3, 25)]),
                AgeFrom = 0, AgeTo = 17, CareType = connected ? CareType.LongTerm : rng.Weighted<CareType>([(CareType.ShortTerm, 45), (CareType.LongTerm, 35), (CareType.Emergency, 8), (CareType.Respite, 7), (CareType.ParentAndChild, 5)]),
                SupervisingWorkerId = rng.Pick(fostering).Id, RecordedAt = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Version = Guid.NewGuid(),
                DeregisteredDate = ended ? g.Max(p => p.EndDate!.Value).AddDays(rng.Between(30, 200)) : null, DeregisteredReason = ended ? "Retired from fostering" : null,
            };
            if (h.DeregisteredDate > today) { h.DeregisteredDate = null; h.DeregisteredReason = null; }
            if (connected)
            {
                h.TemporaryApprovalDate = first;
                var full = first.AddDays(rng.Between(70, 126));
                if (full <= today) h.ApprovalDate = full;
            }
            else if (approvedEnquiries.Count > 0 && approvedEnquiries.Peek().ApprovalDate <= first && rng.Chance(0.5))
            {
                var e = approvedEnquiries.Dequeue();
                h.EnquiryId = e.Id; h.ApprovalDate = e.ApprovalDate;
            }
            else h.ApprovalDate = first.AddDays(-rng.Between(20, 2000));
            var (ageFrom, ageTo) = rng.Weighted<(int, int)>([((0, 17), 40), ((0, 10), 25), ((5, 17), 20), ((11, 17), 15)]);
            if (!connected) { h.AgeFrom = ageFrom; h.AgeTo = ageTo; }
            households.Add(h);
        }
        // Approved households from the funnel that have no child with them yet.
        while (approvedEnquiries.Count > 0)
        {
            var e = approvedEnquiries.Dequeue();
            households.Add(new FosterHousehold
            {
                Kind = HouseholdKind.Mainstream, Name = e.HouseholdName, Postcode = "", EnquiryId = e.Id, ApprovalDate = e.ApprovalDate, MaxChildren = rng.Between(1, 3), AgeFrom = 0, AgeTo = 17,
                CareType = CareType.ShortTerm, SupervisingWorkerId = rng.Pick(fostering).Id, RecordedAt = e.ApprovalDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Version = Guid.NewGuid(),
            });
        }
        await context.Writer.SaveAsync(households);

        var links = new List<HouseholdPlacement>();
        var reviews = new List<CarerReview>();
        var visits = new List<SupervisionVisit>();
        var training = new List<CarerTraining>();
        var feedback = new List<CarerFeedback>();
        var byName = households.Where(h => h.Postcode != "" || h.EnquiryId is null).GroupBy(h => h.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var g in byCarer)
            if (byName.TryGetValue(g.Key, out var h))
                links.AddRange(g.Select(p => new HouseholdPlacement { HouseholdId = h.Id, PlacementId = p.Id, ChildId = p.ChildId }));
        foreach (var h in households)
        {
            var end = h.DeregisteredDate ?? today;
            if (h.ApprovalDate is { } approved)
            {
                // Annual reviews: mostly on time, some late; the latest may be overdue now.
                var at = approved;
                while (true)
                {
                    var next = at.AddYears(1).AddDays(rng.Chance(0.85) ? -rng.Between(0, 30) : rng.Between(1, 90));
                    if (next > end) break;
                    reviews.Add(new CarerReview { HouseholdId = h.Id, Version = Guid.NewGuid(), ReviewDate = next, ToPanel = at == approved, ApprovalContinues = true, Summary = "Approval continues on the same terms." });
                    at = next;
                }
                string[] core = ["Skills to Foster", "Safeguarding and safer caring", "Therapeutic parenting", "Managing allegations", "Paediatric first aid"];
                foreach (var course in core.Take(rng.Between(2, 5)))
                    training.Add(new CarerTraining { HouseholdId = h.Id, Version = Guid.NewGuid(), Course = course, CompletedDate = rng.DateBetween(approved.AddDays(-120), approved.AddDays(300) < end ? approved.AddDays(300) : end) });
                if (h.DeregisteredDate is null && rng.Chance(0.25))
                    training.Add(new CarerTraining { HouseholdId = h.Id, Version = Guid.NewGuid(), Course = "Training, Support and Development Standards", RequiredBy = approved.AddYears(1) });
            }
            if (h.DeregisteredDate is null)
            {
                for (var d = today.AddDays(-rng.Between(0, 40)); d > today.AddMonths(-6) && d > (h.ApprovalDate ?? h.TemporaryApprovalDate ?? today); d = d.AddDays(-rng.Between(35, 55)))
                    visits.Add(new SupervisionVisit { HouseholdId = h.Id, Version = Guid.NewGuid(), VisitDate = d, WorkerId = h.SupervisingWorkerId, Unannounced = rng.Chance(0.15), Notes = "Supervision visit: support, training and the children placed discussed." });
                if (rng.Chance(0.6))
                    feedback.Add(new CarerFeedback { HouseholdId = h.Id, Version = Guid.NewGuid(), GivenDate = rng.DateBetween(today.AddMonths(-11), today), SupportRating = rng.Weighted<int>([(5, 40), (4, 35), (3, 15), (2, 7), (1, 3)]),
                        TrainingRating = rng.Weighted<int>([(5, 35), (4, 40), (3, 17), (2, 6), (1, 2)]), Comments = "" });
            }
        }
        await context.Writer.BulkAsync(links);
        await context.Writer.BulkAsync(reviews);
        await context.Writer.BulkAsync(visits);
        await context.Writer.BulkAsync(training);
        await context.Writer.BulkAsync(feedback);

        await PermanenceAsync(context, rng, enquiries.Where(e => e.Kind == ApplicantKind.Adoption && e.ApprovalDate is not null).ToList());
    }

    private static string HouseholdName(Random rng)
    {
        var pool = NamePools.For(rng.Weighted<Heritage>([(Heritage.British, 70), (Heritage.Caribbean, 8), (Heritage.WestAfrican, 8), (Heritage.Indian, 7), (Heritage.Irish, 7)]));
        var surname = rng.Pick(pool.Surnames);
        return rng.Chance(0.6) ? $"{rng.Pick(pool.Girls)} and {rng.Pick(rng.Chance(0.8) ? pool.Boys : pool.Girls)} {surname}" : $"{rng.Pick(rng.Chance(0.7) ? pool.Girls : pool.Boys)} {surname}";
    }

    private static async Task PermanenceAsync(BoroughPartContext context, Random rng, List<RecruitmentEnquiry> adopters)
    {
        var today = context.Today;
        var db = context.Writer.Db;
        var ct = context.CancellationToken;
        var periods = await db.PeriodsOfCare.AsNoTracking().Select(p => new { p.Id, p.ChildId, p.StartDate, p.EndDate, p.ReasonCeasedCode }).ToListAsync(ct);
        var adoptive = (await db.Set<PlacementRecord>().AsNoTracking().Where(p => p.PlacementTypeCode.StartsWith("A"))
            .Select(p => new { p.PeriodOfCareId, p.StartDate, p.CarerName, p.PlacementTypeCode }).ToListAsync(ct)).GroupBy(p => p.PeriodOfCareId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartDate).First());
        var lastCarer = (await db.Set<PlacementRecord>().AsNoTracking().Select(p => new { p.PeriodOfCareId, p.StartDate, p.CarerName, p.PlacementTypeCode }).ToListAsync(ct))
            .GroupBy(p => p.PeriodOfCareId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.StartDate).Last());
        // The placement order as the 903 legal status records it (E1), so the two agree.
        var placementOrders = (await db.Episodes.AsNoTracking().Where(e => e.LegalStatusCode == "E1").Select(e => new { e.PeriodOfCareId, e.StartDate }).ToListAsync(ct))
            .GroupBy(e => e.PeriodOfCareId).ToDictionary(g => g.Key, g => g.Min(e => e.StartDate));
        var dobs = (await db.People.AsNoTracking().Where(p => p.DateOfBirth != null).Select(p => new { p.Id, p.DateOfBirth }).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.DateOfBirth!.Value);
        var siblings = context.Plan.Children.GroupBy(c => c.Group).Where(g => g.Count() > 1).SelectMany(g => g.Select(c => c.Person.Id)).ToHashSet();

        var plans = new List<PermanencePlan>();
        var cases = new List<AdoptionCase>();
        var adopted = new HashSet<int>();
        var backdated = new List<(AdoptionCase Case, RecruitmentEnquiry Adopters)>();
        var adoptersRng = context.RandomFor(AdopterDetails.Name);
        var approvedAdopters = adopters.OrderBy(e => e.ApprovalDate).ToList();
        foreach (var p in periods.OrderBy(p => p.StartDate))
        {
            var adoptedFrom = p.ReasonCeasedCode is "E11" or "E12";
            var placedNow = p.EndDate is null && adoptive.ContainsKey(p.Id);
            if (!adoptedFrom && !placedNow) continue;
            if (!adopted.Add(p.ChildId)) continue;
            // Work back from moving in (CLA25 averages): match about a month before; the placement
            // order from the 903 legal status; the decision a few weeks to months before the order.
            var placed = adoptive.TryGetValue(p.Id, out var a) ? a.StartDate : (p.EndDate ?? today).AddMonths(-9);
            if (placed <= p.StartDate.AddDays(BoroughBuilder.AdoptionAfterEntryDays)) placed = p.StartDate.AddDays(BoroughBuilder.AdoptionAfterEntryDays);
            var match = placed.AddDays(-rng.Between(10, 40));
            var order = placementOrders.TryGetValue(p.Id, out var po) && po > p.StartDate && po <= match ? po
                : match.AddDays(-Math.Min(rng.Between(60, 300), Math.Max(20, (match.DayNumber - p.StartDate.DayNumber) / 2)));
            // The decision shortly before the placement order is sought: CLA25 has entry to decision
            // 9 months; 20-120 days before the order put it at about 5 months (146 days, under the
            // calibration bound) once the borough reshuffled. Decision to match shortens by as much.
            var adm = order.AddDays(-rng.Between(10, 60));
            if (adm < p.StartDate.AddDays(14)) adm = p.StartDate.AddDays(Math.Min(14, Math.Max(0, order.DayNumber - p.StartDate.DayNumber)));
            if (order < adm) order = adm;
            // A care span that began before the recorded history has its placements clipped to the
            // period's start (ChildrenLookedAfterPart), so its adoptive placement can start at entry,
            // before the decision worked out above: the decision is then that day (SSDA903 rule 551:
            // an adoptive placement starts on or after the decision). Random draws are unchanged.
            if (a is not null && a.StartDate < adm) adm = a.StartDate;
            var early = rng.Weighted<EarlyPermanence>([(EarlyPermanence.FosterToAdopt, 8), (EarlyPermanence.ConcurrentPlanning, 2), (EarlyPermanence.ConsideredNotSuitable, 55), (EarlyPermanence.ConsideredNoCarers, 35)]);
            var movedIn = early is EarlyPermanence.FosterToAdopt or EarlyPermanence.ConcurrentPlanning ? adm.AddDays(rng.Between(0, 30)) : placed;
            if (movedIn > placed) movedIn = placed;
            var sib = siblings.Contains(p.ChildId) ? rng.Weighted<SiblingPlacement>([(SiblingPlacement.Together, 55), (SiblingPlacement.Apart, 35), (SiblingPlacement.SomeTogether, 10)]) : SiblingPlacement.NoSiblingsInPlan;
            var orderDate = adoptedFrom ? p.EndDate : null;
            var c = new AdoptionCase
            {
                ChildId = p.ChildId, AdmDecisionDate = adm, PlacementOrderDate = order, EarlyPermanence = early, FamilyFindingStarted = adm.AddDays(rng.Between(0, 21)) is var ff && ff <= match ? ff : adm,
                MatchDate = match, MovedInDate = movedIn, PlacedForAdoptionDate = placed, AdoptionOrderDate = orderDate, Siblings = sib,
                SiblingsReason = sib is SiblingPlacement.Apart or SiblingPlacement.SomeTogether ? rng.Pick<string>(["Assessed needs could not be met in one placement", "Older sibling's plan is long-term fostering", "No adopters found for the group within the child's timescale"]) : null,
                // Sealed as PermanenceService does when the order is recorded (the allocations close below).
                SealedAt = orderDate?.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
                RecordedAt = adm.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
            };
            // The adopters: approved in the funnel before the match, or (for a match before the
            // funnel's three years) the adoptive placement's carers, approved some months before.
            var fromFunnel = approvedAdopters.Where(e => e.ApprovalDate <= match && e.ApprovalDate >= match.AddYears(-2)).ToList();
            if (fromFunnel.Count > 0) c.AdopterEnquiryId = rng.Pick(fromFunnel).Id;
            else
            {
                var approval = match.AddDays(-rng.Between(40, 240));
                backdated.Add((c, new RecruitmentEnquiry
                {
                    Kind = ApplicantKind.Adoption, HouseholdName = a?.CarerName ?? HouseholdName(rng), Source = rng.Weighted<EnquirySource>([(EnquirySource.Web, 55), (EnquirySource.WordOfMouth, 30), (EnquirySource.Event, 15)]),
                    EnquiryDate = approval.AddDays(-rng.Between(200, 300)), InitialVisitDate = approval.AddDays(-rng.Between(170, 199)), ApplicationDate = approval.AddDays(-rng.Between(140, 169)),
                    Stage1Date = approval.AddDays(-rng.Between(110, 139)), Stage2Date = approval.AddDays(-rng.Between(50, 100)), PanelDate = approval.AddDays(-rng.Between(5, 20)), ApprovalDate = approval,
                    SecondTimeAdopter = rng.Chance(0.15), RecordedAt = approval.AddDays(-250).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
                }));
            }
            AdopterDetails.Describe(c, adoptersRng, a?.PlacementTypeCode);
            cases.Add(c);
            plans.Add(new PermanencePlan { ChildId = p.ChildId, Type = PermanencePlanType.Adoption, SetAtReview = adm.AddDays(-rng.Between(7, 40)) is var r && r > p.StartDate ? r : p.StartDate, OnTrack = true,
                RecordedAt = adm.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), Version = Guid.NewGuid() });
        }
        await context.Writer.SaveAsync(backdated.Select(b => b.Adopters));
        foreach (var (c, e) in backdated) c.AdopterEnquiryId = e.Id;

        // Other permanence orders: special guardianship (903 E45-E48) and child arrangements (E41),
        // each with the plan set at a review before it; special guardians get support.
        var guardianships = new List<SpecialGuardianship>();
        foreach (var p in periods.Where(p => p.EndDate is not null && p.ReasonCeasedCode is "E41" or "E45" or "E46" or "E47" or "E48"))
        {
            var end = p.EndDate!.Value;
            var sgo = p.ReasonCeasedCode != "E41";
            var set = Dates.Max(p.StartDate, end.AddDays(-rng.Between(90, 300)));
            plans.Add(new PermanencePlan { ChildId = p.ChildId, Type = sgo ? PermanencePlanType.SpecialGuardianship : PermanencePlanType.Kinship, SetAtReview = set, OnTrack = true, Notes = "",
                RecordedAt = set.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid() });
            if (!sgo) continue;
            var formerCarers = p.ReasonCeasedCode is "E45" or "E46" && lastCarer.TryGetValue(p.Id, out var last) && last.PlacementTypeCode.StartsWith('U');
            guardianships.Add(new SpecialGuardianship { ChildId = p.ChildId, OrderDate = end, GuardianNames = formerCarers ? lastCarer[p.Id].CarerName : HouseholdName(rng) });
        }
        await context.Writer.SaveAsync(guardianships);
        var support = new List<GuardianSupport>();
        foreach (var g in guardianships)
            foreach (var kind in new[] { SupportKind.Financial, SupportKind.Training, SupportKind.Therapeutic, SupportKind.PeerSupport, SupportKind.ContactSupport }.Where(k => rng.Chance(k == SupportKind.Financial ? 0.8 : 0.3)))
            {
                var start = g.OrderDate.AddDays(rng.Between(0, 200));
                if (start <= today) support.Add(new GuardianSupport { SpecialGuardianshipId = g.Id, StartDate = start, Kind = kind, Description = SupportText(kind) });
            }
        // Adoption support after the order for some adopters (about a quarter ask for it).
        foreach (var c in cases.Where(c => c.AdoptionOrderDate is not null && c.AdopterEnquiryId is not null && rng.Chance(0.25)))
        {
            var kind = rng.Weighted<SupportKind>([(SupportKind.Therapeutic, 45), (SupportKind.Training, 20), (SupportKind.PeerSupport, 20), (SupportKind.ContactSupport, 15)]);
            var start = c.AdoptionOrderDate!.Value.AddDays(rng.Between(30, 700));
            if (start <= today) support.Add(new GuardianSupport { AdopterEnquiryId = c.AdopterEnquiryId, StartDate = start, Kind = kind, Description = SupportText(kind) });
        }
        await context.Writer.BulkAsync(support);

        // Children in care now: most have a plan set at the second review (about 4 months in).
        foreach (var p in periods.Where(p => p.EndDate is null && !adopted.Contains(p.ChildId)))
        {
            var set = p.StartDate.AddMonths(4);
            if (set > today || !rng.Chance(0.9)) continue;
            var age = dobs.TryGetValue(p.ChildId, out var dob) ? Dates.AgeOn(dob, set) : 10;
            var type = rng.Weighted<PermanencePlanType>([(PermanencePlanType.LongTermFostering, 45), (PermanencePlanType.ReturnHome, 15), (PermanencePlanType.Kinship, 10),
                (PermanencePlanType.SpecialGuardianship, 10), (PermanencePlanType.Adoption, age < 5 ? 12 : 0), (PermanencePlanType.Other, age >= 16 ? 15 : 3)]);
            plans.Add(new PermanencePlan { ChildId = p.ChildId, Type = type, SetAtReview = set, OnTrack = rng.Chance(0.8), Notes = "", RecordedAt = set.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid() });
        }
        // Each permanence decision belongs to the care plan (PlansPart) in force when it was set, or the latest before it.
        var carePlans = (await context.Writer.Db.Plans.AsNoTracking().Where(x => x.Kind == Haven.Core.Plans.PlanKind.Care)
            .Select(x => new { x.ChildId, x.Id, x.StartDate }).ToListAsync(context.CancellationToken)).ToLookup(x => x.ChildId);
        foreach (var pp in plans)
            pp.PlanId = carePlans[pp.ChildId].Where(x => x.StartDate <= pp.SetAtReview).OrderByDescending(x => x.StartDate).Select(x => (int?)x.Id).FirstOrDefault()
                ?? carePlans[pp.ChildId].OrderBy(x => x.StartDate).Select(x => (int?)x.Id).FirstOrDefault();
        await context.Writer.BulkAsync(plans.GroupBy(x => (x.ChildId, x.SetAtReview)).Select(g => g.First()));
        await context.Writer.BulkAsync(cases);

        // The adoption order ends the council's case, as recording it does: allocations close on the order date.
        foreach (var c in cases.Where(c => c.AdoptionOrderDate is not null))
        {
            var order = c.AdoptionOrderDate!.Value;
            await db.Allocations.Where(x => x.ChildId == c.ChildId && (x.EndDate == null || x.EndDate > order) && x.StartDate <= order)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndDate, order), ct);
            await db.Allocations.Where(x => x.ChildId == c.ChildId && x.StartDate > order)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndDate, x => x.StartDate), ct);
        }
    }

    private static string SupportText(SupportKind kind) => kind switch
    {
        SupportKind.Financial => "Special guardianship allowance, means-tested and reviewed each year.",
        SupportKind.Therapeutic => "Therapeutic parenting sessions funded through the Adoption and Special Guardianship Support Fund.",
        SupportKind.Training => "Place on the kinship carers' and adopters' training programme.",
        SupportKind.PeerSupport => "Introduced to the local support group, meeting monthly.",
        SupportKind.ContactSupport => "Help with letterbox and family time arrangements.",
        _ => "Other support agreed in the support plan.",
    };
}
