using Haven.Core.Allocations;
using Haven.Core.Assessments;
using Haven.Core.CareLeavers;
using Haven.Core.ChildProtection;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.EarlyHelp;
using Haven.Core.Fostering;
using Haven.Core.Health;
using Haven.Core.Missing;
using Haven.Core.Permanence;
using Haven.Core.Referrals;

namespace Haven.Core.Returns.AnnexA;

/// A row of a child list: the child, the record the row is about, and the snapshot it came from.
public sealed record Row<T>(ChildFacts Child, T Item, AnnexASnapshot Data, AllocatedTo? Allocation) : IChildRow
{
    public DateOnly AsAt => Data.AsAt;
}

/// Every Annex A list, in the template's order. Each list below is defined once: which records it
/// includes (Select) and its columns in the published order (Define).
public static class AnnexALists
{
    public static readonly IReadOnlyList<IAnnexAList> All =
    [
        new ContactsList(), new EarlyHelpList(), new ReferralsList(), new AssessmentsList(), new Section47List(),
        new ChildrenInNeedList(), new ChildProtectionList(), new ChildrenInCareList(), new CareLeaversList(),
        new AdoptionList(), new AdoptersList(),
    ];

    internal static IEnumerable<Row<T>> RowsFor<T>(AnnexASnapshot data, IEnumerable<T> items, Func<T, int> childOf, Func<int, AllocatedTo?>? allocation = null)
    {
        foreach (var item in items)
        {
            var id = childOf(item);
            if (!data.Children.TryGetValue(id, out var child)) continue; // deleted or not a child
            yield return new Row<T>(child, item, data, (allocation ?? data.SocialWorkerOf)(id));
        }
    }

    internal static T? Latest<T>(IEnumerable<T> items, Func<T, DateOnly> date, DateOnly asAt) where T : class =>
        items.Where(i => date(i) <= asAt).MaxBy(date);
}

/// List 1: every contact about a child received in the window (one row per child per contact).
public sealed class ContactsList : ChildList<Row<ContactFact>>
{
    public override int Number => 1;
    public override string SheetName => "List 1 Contacts";
    public override string Includes => "Each child named in a contact received in the window (one row per contact).";
    protected override IEnumerable<Row<ContactFact>> Select(AnnexASnapshot d) => AnnexALists.RowsFor(d, d.Contacts.Where(c => d.InWindow(c.Date)), c => c.ChildId);
    protected override IEnumerable<AnnexAColumn<Row<ContactFact>>> Define() =>
    [
        .. Common(),
        Date("Date of Contact", r => r.Item.Date, required: true),
        Text("Contact Source", r => AnnexACodes.ContactSource(r.Item.SourceCode), required: true),
    ];
}

/// List 2: early help assessments open at some time in the window.
public sealed class EarlyHelpList : ChildList<Row<EarlyHelpEpisode>>
{
    public override int Number => 2;
    public override string SheetName => "List 2 Early help";
    public override string Includes => "Early help assessments started by the as-at day and not completed before the window.";
    protected override IEnumerable<Row<EarlyHelpEpisode>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.EarlyHelp.Where(e => d.OpenInWindow(e.StartDate, e.AssessmentCompletedOn)), e => e.ChildId,
            id => d.AllocationOf(id, AllocationKind.EarlyHelpWorker, AllocationKind.SocialWorker));
    protected override IEnumerable<AnnexAColumn<Row<EarlyHelpEpisode>>> Define() =>
    [
        .. Common(),
        Date("Assessment start date", r => r.Item.StartDate, required: true),
        Date("Assessment completion date", r => r.Data.ByAsAt(r.Item.AssessmentCompletedOn)),
        Text("Organisation completing assessment", r => r.Item.LeadAgency, required: true),
    ];
}

/// List 3: referrals received in the window.
public sealed class ReferralsList : ChildList<Row<Referral>>
{
    public override int Number => 3;
    public override string SheetName => "List 3 Referrals";
    public override string Includes => "Referrals with a referral date in the window (one row per referral).";
    protected override IEnumerable<Row<Referral>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.Referrals.SelectMany(g => g).Where(r => d.InWindow(r.ReferralDate)).OrderBy(r => r.ReferralDate).ThenBy(r => r.Id), r => r.ChildId);
    protected override IEnumerable<AnnexAColumn<Row<Referral>>> Define() =>
    [
        .. Common(),
        Date("Date of Referral", r => r.Item.ReferralDate, required: true),
        Text("Referral Source", r => AnnexACodes.ContactSource(r.Item.SourceCode), required: true),
        Text("Referral NFA?", r => AnnexACodes.YesNo(r.Item.NoFurtherAction), required: true),
        Integer("Number of Referrals in Last 12 Months", r => r.Data.Referrals[r.Child.Id].Count(x => r.Data.InYear(x.ReferralDate)), required: true),
        .. TeamAndWorker(),
    ];
}

/// List 4: statutory assessments open at some time in the window.
public sealed class AssessmentsList : ChildList<Row<Assessment>>
{
    public override int Number => 4;
    public override string SheetName => "List 4 Assessments";
    public override string Includes => "Assessments started by the as-at day and not authorised before the window.";
    protected override IEnumerable<Row<Assessment>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.Assessments.SelectMany(g => g).Where(a => d.OpenInWindow(a.StartDate, a.AuthorisedDate)).OrderBy(a => a.StartDate).ThenBy(a => a.Id), a => a.ChildId);
    protected override IEnumerable<AnnexAColumn<Row<Assessment>>> Define() =>
    [
        .. Common(disability: true),
        Date("Continuous Assessment Start Date", r => r.Item.StartDate, required: true),
        Date("Child Seen During Continuous Assessment", r => r.Data.ByAsAt(r.Item.ChildSeenDate)),
        Date("Continuous Assessment Date of Authorisation", r => r.Data.ByAsAt(r.Item.AuthorisedDate)),
        Text("Was the child assessed as requiring LA children's social care support?", r => r.Data.ByAsAt(r.Item.AuthorisedDate) is null ? null
            : AnnexACodes.YesNo(r.Item.Outcome is AssessmentOutcome.ChildInNeedPlan or AssessmentOutcome.StrategyDiscussion)),
        .. TeamAndWorker(),
    ];
}

/// List 5: section 47 enquiries started in the window, with the initial conference that followed.
public sealed class Section47List : ChildList<Row<Section47Enquiry>>
{
    public override int Number => 5;
    public override string SheetName => "List 5 Section 47s";
    public override string Includes => "Section 47 enquiries starting (strategy discussion) in the window, with their initial conference.";
    protected override IEnumerable<Row<Section47Enquiry>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.Section47s.SelectMany(g => g).Where(s => d.InWindow(s.StartDate)).OrderBy(s => s.StartDate).ThenBy(s => s.Id), s => s.ChildId);

    private static ChildProtectionConference? Icpc(Row<Section47Enquiry> r) =>
        r.Data.Conferences[r.Child.Id].FirstOrDefault(c => c.Kind == ConferenceKind.Initial && c.Section47EnquiryId == r.Item.Id);

    protected override IEnumerable<AnnexAColumn<Row<Section47Enquiry>>> Define() =>
    [
        .. Common(disability: true),
        Date("Strategy discussion initiating Section 47 Enquiry Start Date", r => r.Item.StartDate, required: true),
        Text("Was an Initial Child Protection Conference deemed unnecessary?", r => r.Item.Outcome is null || r.Data.ByAsAt(r.Item.CompletedDate) is null ? null
            : AnnexACodes.YesNo(r.Item.Outcome != Section47Outcome.ConferenceRequired)),
        Date("Date of Initial Child Protection Conference", r => Icpc(r)?.Date),
        Text("Did the ICPC Result in a Child Protection Plan", r => Icpc(r) is { } c ? AnnexACodes.YesNo(c.PlanNeeded) : null),
        Integer("Number of Section 47 Enquiries in the last 12 months", r => r.Data.Section47s[r.Child.Id].Count(s => r.Data.InYear(s.StartDate)), required: true),
        Integer("Number of ICPCs in the last 12 months", r => r.Data.Conferences[r.Child.Id].Count(c => c.Kind == ConferenceKind.Initial && r.Data.InYear(c.Date)), required: true),
        .. TeamAndWorker(),
    ];
}

/// List 6: children in need episodes open at some time in the window (referrals that were not
/// closed with no further action).
public sealed class ChildrenInNeedList : ChildList<Row<Referral>>
{
    public override int Number => 6;
    public override string SheetName => "List 6 Children in need";
    public override string Includes => "CIN episodes (referrals not marked no further action) open at some time in the window.";
    protected override IEnumerable<Row<Referral>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.Referrals.SelectMany(g => g).Where(r => !r.NoFurtherAction && d.OpenInWindow(r.ReferralDate, r.ClosureDate))
            .OrderBy(r => r.ReferralDate).ThenBy(r => r.Id), r => r.ChildId);

    /// The latest day the child was seen by the as-at day: in an assessment or on a visit.
    /// The last day the child was seen (at an assessment, a child protection visit or a statutory
    /// visit) on or after the referral, up to the as-at day. Each kind's last day seen is the latest
    /// of its days on or after the referral whenever it falls on or after it.
    private static DateOnly? LastSeen(Row<Referral> r)
    {
        var d = r.Data; var id = r.Child.Id; var from = r.Item.ReferralDate;
        DateOnly? last = null;
        void Seen(DateOnly? day)
        {
            if (day is { } x && x >= from && (last is null || x > last)) last = x;
        }
        foreach (var a in d.Assessments[id]) Seen(d.ByAsAt(a.ChildSeenDate));
        foreach (var p in d.ProtectionVisits[id]) Seen(p.LastSeen);
        if (d.Visits.TryGetValue(id, out var visits)) Seen(visits.LastSeen);
        return last;
    }

    /// What the child's case is on the as-at day, most intensive first.
    private static string CaseStatus(Row<Referral> r)
    {
        var d = r.Data; var id = r.Child.Id;
        if (d.ByAsAt(r.Item.ClosureDate) is not null) return AnnexACodes.CaseStatus('e');
        if (d.PeriodsOfCare[id].Any(p => d.OpenOnAsAt(p.StartDate, p.EndDate))) return AnnexACodes.CaseStatus('a');
        if (d.ProtectionPlans[id].Any(p => d.OpenOnAsAt(p.StartDate, p.EndDate))) return AnnexACodes.CaseStatus('b');
        if (d.Assessments[id].Any(a => a.ReferralId == r.Item.Id && d.OpenOnAsAt(a.StartDate, a.AuthorisedDate))) return AnnexACodes.CaseStatus('d');
        return AnnexACodes.CaseStatus('c');
    }

    protected override IEnumerable<AnnexAColumn<Row<Referral>>> Define() =>
    [
        .. Common(disability: true),
        Date("CIN Start Date", r => r.Item.ReferralDate, required: true),
        Text("Primary Need Code", r => r.Item.PrimaryNeedCode),
        Date("Date Child Was Last Seen", LastSeen),
        Date("CIN Closure Date", r => r.Data.ByAsAt(r.Item.ClosureDate)),
        Text("Reason for Closure", r => r.Data.ByAsAt(r.Item.ClosureDate) is null ? null : r.Item.ReasonForClosureCode),
        Text("Case Status", CaseStatus, required: true),
        .. TeamAndWorker(),
    ];
}

/// List 7: child protection plans open at some time in the window.
public sealed class ChildProtectionList : ChildList<Row<ChildProtectionPlan>>
{
    public override int Number => 7;
    public override string SheetName => "List 7 Child protection";
    public override string Includes => "Child protection plans open at some time in the window.";
    protected override IEnumerable<Row<ChildProtectionPlan>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.ProtectionPlans.SelectMany(g => g).Where(p => d.OpenInWindow(p.StartDate, p.EndDate)).OrderBy(p => p.StartDate).ThenBy(p => p.Id), p => p.ChildId);

    private static PlanVisitDays? LastVisit(Row<ChildProtectionPlan> r) =>
        r.Data.ProtectionVisits[r.Child.Id].FirstOrDefault(v => v.PlanId == r.Item.Id);

    private static ChildProtectionConference? LastReview(Row<ChildProtectionPlan> r) =>
        AnnexALists.Latest(r.Data.Conferences[r.Child.Id].Where(c => c.Kind == ConferenceKind.Review && c.ChildProtectionPlanId == r.Item.Id), c => c.Date, r.AsAt);

    protected override IEnumerable<AnnexAColumn<Row<ChildProtectionPlan>>> Define() =>
    [
        .. Common(disability: true),
        Date("Child Protection Plan Start Date", r => r.Item.StartDate, required: true),
        Text("Initial Category of Abuse", r => AnnexACodes.CategoryOfAbuse(r.Item.CategoryOfAbuse), required: true),
        Text("Latest Category of Abuse", r => AnnexACodes.CategoryOfAbuse(LastReview(r)?.CategoryOfAbuse ?? r.Item.CategoryOfAbuse), required: true),
        Date("Date of the Last Statutory Visit", r => LastVisit(r)?.Last),
        // Seen alone at the last visit (on a day with two visits, at either).
        Text("Was the Child Seen Alone?", r => LastVisit(r) is { } v ? AnnexACodes.YesNo(v.LastSeenAlone == v.Last) : null),
        Date("Date of latest review conference", r => LastReview(r)?.Date),
        Date("Child Protection Plan End Date", r => r.Data.ByAsAt(r.Item.EndDate)),
        // From the child's episodes of care: legal status L2 (emergency protection order, s44) or L1 (police
        // protection, s46, in LA accommodation) at some time in the window. An order or police protection
        // during which the council did not accommodate the child is not recorded in Haven.
        Text("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", r =>
            AnnexACodes.YesNo(r.Data.Episodes[r.Child.Id].Any(e => e.LegalStatusCode is "L1" or "L2" && r.Data.OpenInWindow(e.StartDate, e.EndDate))), required: true),
        Integer("Number of Previous Child Protection Plans", r => r.Item.PreviousPlans, required: true),
        .. TeamAndWorker(),
    ];
}

/// List 8: periods of care open at some time in the window.
public sealed class ChildrenInCareList : ChildList<Row<PeriodOfCare>>
{
    public override int Number => 8;
    public override string SheetName => "List 8 Children in care";
    public override string Includes => "Periods of care open at some time in the window (a child who left care in the window is listed with the date ceased).";
    protected override IEnumerable<Row<PeriodOfCare>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.PeriodsOfCare.SelectMany(g => g).Where(p => d.OpenInWindow(p.StartDate, p.EndDate)).OrderBy(p => p.StartDate).ThenBy(p => p.Id), p => p.ChildId);

    private static Episode? Current(Row<PeriodOfCare> r) =>
        AnnexALists.Latest(r.Data.Episodes[r.Child.Id].Where(e => e.PeriodOfCareId == r.Item.Id), e => e.StartDate, r.AsAt);

    /// The start of the run of episodes, up to the current one, with the current legal status.
    private static DateOnly? LegalStatusStart(Row<PeriodOfCare> r)
    {
        var episodes = r.Data.Episodes[r.Child.Id].Where(e => e.PeriodOfCareId == r.Item.Id && e.StartDate <= r.AsAt).OrderByDescending(e => e.StartDate).ToList();
        if (episodes.Count == 0) return null;
        var start = episodes[0].StartDate;
        foreach (var e in episodes.Skip(1))
        {
            if (e.LegalStatusCode != episodes[0].LegalStatusCode) break;
            start = e.StartDate;
        }
        return start;
    }

    private static Placement? LatestPlacement(Row<PeriodOfCare> r) =>
        AnnexALists.Latest(r.Data.Placements[r.Child.Id].Where(p => p.PeriodOfCareId == r.Item.Id), p => p.StartDate, r.AsAt);

    private static IEnumerable<MissingEpisode> MissingInYear(Row<PeriodOfCare> r, MissingType type) =>
        r.Data.Missing[r.Child.Id].Where(m => m.Type == type && r.Data.InYear(DateOnly.FromDateTime(m.StartedAt)));

    private static MissingEpisode? LastMissing(Row<PeriodOfCare> r) =>
        MissingInYear(r, MissingType.Missing).MaxBy(m => m.StartedAt);

    private static DateOnly? LatestHealth(Row<PeriodOfCare> r, params HealthRecordKind[] kinds) =>
        AnnexALists.Latest(r.Data.Health[r.Child.Id].Where(h => kinds.Contains(h.Kind)), h => h.Date, r.AsAt)?.Date;

    protected override IEnumerable<AnnexAColumn<Row<PeriodOfCare>>> Define() =>
    [
        .. Common(),
        Text("UASC within the Last 12 Months (Y/N)", r => AnnexACodes.YesNo(r.Item.IsUnaccompaniedAsylumSeeker && (r.Item.UascCeasedDate is null || r.Item.UascCeasedDate >= r.Data.YearStart)), required: true),
        Text("Does the Child have a Disability", r => r.Child.Disability, required: true),
        Date("Date Started to be Looked After", r => r.Item.StartDate, required: true),
        Text("Child's Category of Need", r => r.Item.CategoryOfNeedCode, required: true),
        Text("Is this a second or subsequent period of being looked after within the last 12 months (Y/N)", r =>
            AnnexACodes.YesNo(r.Data.PeriodsOfCare[r.Child.Id].Any(p => p.Id != r.Item.Id && p.EndDate is { } end && end >= r.Data.YearStart && end <= r.Item.StartDate)), required: true),
        Date("Start date of current legal status", LegalStatusStart),
        Text("Child's Legal Status", r => Current(r)?.LegalStatusCode),
        Date("Date of Latest Statutory Review", r => AnnexALists.Latest(r.Data.Reviews[r.Child.Id].Where(v => v.PeriodOfCareId == r.Item.Id), v => v.ReviewDate, r.AsAt)?.ReviewDate),
        Date("Date of Last Social Work Visit", r => r.Data.Visits.TryGetValue(r.Child.Id, out var v) && v.Last >= r.Item.StartDate ? v.Last : null),
        Text("What is the permanence plan for this child?", r => AnnexALists.Latest(r.Data.PermanencePlans[r.Child.Id], p => p.SetAtReview, r.AsAt) is { } p ? AnnexACodes.PermanencePlan(p.Type) : null),
        Date("Date of Last IRO Visit / Contact to the Child", r => AnnexALists.Latest(r.Data.IroVisits[r.Child.Id].Where(v => v.VisitDate >= r.Item.StartDate), v => v.VisitDate, r.AsAt)?.VisitDate),
        Date("Date of Last Health Assessment", r => LatestHealth(r, HealthRecordKind.InitialHealthAssessment, HealthRecordKind.ReviewHealthAssessment)),
        Date("Date of Last Dental Check", r => LatestHealth(r, HealthRecordKind.DentalCheck)),
        Integer("Number of Placements in the Last 12 months", r => r.Data.Placements[r.Child.Id].Count(p => p.EndDate is null || p.EndDate >= r.Data.YearStart), required: true),
        Date("Date Ceased to be Looked After", r => r.Data.ByAsAt(r.Item.EndDate)),
        Text("Reason Ceased to be Looked After", r => r.Data.ByAsAt(r.Item.EndDate) is null ? null : r.Item.ReasonCeasedCode),
        Date("Start Date of Most Recent Placement", r => LatestPlacement(r)?.StartDate),
        Text("Placement Type", r => LatestPlacement(r)?.PlacementTypeCode),
        Text("Placement Provider", r => LatestPlacement(r)?.ProviderCode),
        Text("Placement postcode", r => LatestPlacement(r)?.Postcode, sensitivity: Sensitivity.Location),
        Text("URN of Placement", r => LatestPlacement(r)?.Urn, sensitivity: Sensitivity.Location),
        Text("Placement Location", r => LatestPlacement(r)?.InsideCouncilArea switch { true => "a) In LA boundary", false => "b) Out of LA boundary", _ => null }),
        Text("LA of Placement", r => null, sensitivity: Sensitivity.Location),
        Integer("Number of Episodes the Child has been 'Missing' in the last 12 months", r => MissingInYear(r, MissingType.Missing).Count(), required: true),
        Integer("Number of Episodes the Child has been 'Absent' in the last 12 months", r => MissingInYear(r, MissingType.Away).Count(), required: true),
        Text("Was the child offered a Return Interview after their last missing episode (Y/N)?", r => LastMissing(r) is { } m ? AnnexACodes.YesNo(m.Interview is not null) : null),
        Text("Did the child accept the offer of a Return Interview (Y/N)?", r => LastMissing(r)?.Interview is { } i && i.Response != InterviewResponse.NotYetKnown ? AnnexACodes.YesNo(i.Response == InterviewResponse.Accepted) : null),
        .. TeamAndWorker(),
    ];
}

/// List 9: care leavers on the as-at day, worked out from their care histories (Eligibility).
public sealed class CareLeaversList : ChildList<Row<EligibilityResult>>
{
    public override int Number => 9;
    public override string SheetName => "List 9 Care leavers";
    public override string Includes => "Young people who are eligible, relevant, former relevant or qualifying care leavers on the as-at day.";
    protected override IEnumerable<Row<EligibilityResult>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.CareLeavers.OrderBy(c => c.Key), c => c.Key).Select(r => new Row<EligibilityResult>(r.Child, r.Item.Value, d, r.Allocation));

    private static BirthdayReturn? LatestBirthday(Row<EligibilityResult> r) =>
        r.Child.DateOfBirth is { } dob ? r.Data.Birthdays[r.Child.Id].Where(b => dob.AddYears(b.Age) <= r.AsAt).MaxBy(b => b.Age) : null;

    /// The 903 in-touch code (YES, NO, DIED …) at the latest birthday by the as-at day.
    private static string? InTouch(Row<EligibilityResult> r) => LatestBirthday(r)?.InTouchCode;

    protected override IEnumerable<AnnexAColumn<Row<EligibilityResult>>> Define() =>
    [
        .. Common(),
        Text("UASC, or formerly UASC if 18 or over (Y/N)", r => AnnexACodes.YesNo(r.Child.IsUasc || r.Data.PeriodsOfCare[r.Child.Id].Any(p => p.IsUnaccompaniedAsylumSeeker)), required: true),
        Text("Does the Child have a Disability", r => r.Child.Disability, required: true),
        .. TeamAndWorker(),
        Text("Allocated Personal Advisor", r => r.Data.AllocationOf(r.Child.Id, AllocationKind.PersonalAdviser)?.Worker),
        Text("Eligibility Category", r => Eligibility.AnnexACode(r.Item.Status), required: true),
        Date("Latest Pathway Plan Review Date", r => AnnexALists.Latest(r.Data.PathwayReviews[r.Child.Id], p => p.ReviewDate, r.AsAt)?.ReviewDate),
        Text("LA in Touch", InTouch),
        Date("Latest Date of Contact", r => AnnexALists.Latest(r.Data.CareLeaverContacts[r.Child.Id], c => c.ContactDate, r.AsAt)?.ContactDate),
        Text("Type of Accommodation", r => LatestBirthday(r) is { AccommodationCode: [var letter, ..] } && letter != '0' ? letter.ToString() : null),
        Text("Suitability of Accommodation", r => LatestBirthday(r) is { AccommodationCode: [_, var digit] } ? digit switch { '1' => "a) Suitable", '2' => "b) Unsuitable", _ => null } : null),
        Text("Activity Status", r => LatestBirthday(r)?.ActivityCode is { Length: > 0 } a ? a : null),
    ];
}

/// List 10: children with an adoption decision whose adoption was not completed before the window.
public sealed class AdoptionList : ChildList<Row<AdoptionCase>>
{
    public override int Number => 10;
    public override string SheetName => "List 10 Adoption";
    public override string Includes => "Children with an agency decision for adoption by the as-at day, whose adoption order was not made before the last 12 months.";
    protected override IEnumerable<Row<AdoptionCase>> Select(AnnexASnapshot d) =>
        AnnexALists.RowsFor(d, d.Adoptions.Where(a => a.AdmDecisionDate <= d.AsAt && (a.AdoptionOrderDate is null || a.AdoptionOrderDate >= d.YearStart)), a => a.ChildId);

    protected override IEnumerable<AnnexAColumn<Row<AdoptionCase>>> Define() =>
    [
        Text("Child Unique ID", r => r.Child.Reference, required: true),
        Text("Family identifier", r => AdoptersList.FamilyId(r.Item.AdopterEnquiryId)),
        Text("Sex", r => r.Child.Sex, required: true),
        Text("Ethnicity", r => r.Child.Ethnicity),
        Date("Date of Birth", r => r.Child.DateOfBirth),
        Integer("Age of Child (Years)", r => r.Child.AgeOn(r.AsAt)),
        Text("Does the Child have a Disability", r => r.Child.Disability, required: true),
        Date("Date the Child Entered Care", r => r.Data.PeriodsOfCare[r.Child.Id].Where(p => p.StartDate <= r.Item.AdmDecisionDate).MaxBy(p => p.StartDate)?.StartDate),
        Date("Date of Decision that Child Should be Placed for Adoption", r => r.Item.AdmDecisionDate, required: true),
        Date("Date of Placement Order", r => r.Data.ByAsAt(r.Item.PlacementOrderDate)),
        Date("Date of Matching Child and Prospective Adopters", r => r.Data.ByAsAt(r.Item.MatchDate)),
        Date("Date Placed for Adoption", r => r.Data.ByAsAt(r.Item.PlacedForAdoptionDate)),
        Date("Date of Adoption Order", r => r.Data.ByAsAt(r.Item.AdoptionOrderDate)),
        Date("Date of Decision that Child Should No Longer be Placed for Adoption", r => null),
        Text("Reason Why Child No Longer Placed for Adoption", r => null),
        Date("Date the child was placed for fostering in FFA or concurrent planning placement", r =>
            r.Item.EarlyPermanence is EarlyPermanence.FosterToAdopt or EarlyPermanence.ConcurrentPlanning ? r.Data.ByAsAt(r.Item.MovedInDate) : null),
    ];
}

/// One adopter household's row of list 11, with the snapshot (for the children matched with them).
public sealed record AdopterRow(RecruitmentEnquiry Enquiry, AnnexASnapshot Data)
{
    /// The children matched with this household, in the snapshot's order (looked up, not a scan of
    /// every adoption per adopter and column: that grew with the square of the borough).
    public IEnumerable<AdoptionCase> Matched => Data.AdoptionsByAdopter[Enquiry.Id];
    public DateOnly? ByAsAt(DateOnly? day) => Data.ByAsAt(day);
}

/// List 11: prospective adopters (one row per household's enquiry) in the process at some time in the window.
public sealed class AdoptersList : AnnexAList<AdopterRow>
{
    public override int Number => 11;
    public override string SheetName => "List 11 Adopters";
    public override string Includes => "Adopter households whose enquiry came by the as-at day and who had not left the process before the last 12 months.";
    public static string? FamilyId(int? enquiryId) => enquiryId is { } id ? $"A{id}" : null;

    protected override int? ChildOf(AdopterRow row) => null;
    protected override IEnumerable<AdopterRow> Select(AnnexASnapshot d) =>
        d.Adopters.Where(e => e.LeftDate is null || e.LeftDate >= d.YearStart).Select(e => new AdopterRow(e, d));

    protected override IEnumerable<AnnexAColumn<AdopterRow>> Define() =>
    [
        Text("Individual adopter identifier", r => FamilyId(r.Enquiry.Id) + "-1", required: true),
        Text("Family identifier", r => FamilyId(r.Enquiry.Id), required: true),
        Text("Sex", r => null),
        Text("Ethnicity", r => null),
        Text("Does the adopter have a Disability", r => null),
        Text("Is the (prospective) adopter fostering for adoption?", r => AnnexACodes.YesNo(r.Matched.Any(a => a.EarlyPermanence == EarlyPermanence.FosterToAdopt))),
        Date("Date enquiry received", r => r.Enquiry.EnquiryDate, required: true),
        Date("Date Stage 1 started", r => r.ByAsAt(r.Enquiry.Stage1Date)),
        Date("Date Stage 1 ended", r => r.ByAsAt(r.Enquiry.Stage2Date)),
        Date("Date Stage 2 started", r => r.ByAsAt(r.Enquiry.Stage2Date)),
        Date("Date Stage 2 ended", r => r.ByAsAt(r.Enquiry.PanelDate)),
        Date("Date application submitted", r => r.ByAsAt(r.Enquiry.ApplicationDate)),
        Date("Date application approved", r => r.ByAsAt(r.Enquiry.ApprovalDate)),
        Date("Date adopter matched with child(ren)", r => r.Matched.Select(a => r.ByAsAt(a.MatchDate)).Min()),
        Date("Date child/children placed with adopter(s)", r => r.Matched.Select(a => r.ByAsAt(a.MovedInDate ?? a.PlacedForAdoptionDate)).Min()),
        Integer("No. of children placed", r => r.Matched.Count(a => r.ByAsAt(a.MovedInDate ?? a.PlacedForAdoptionDate) is not null)),
        Date("Date of Adoption Order", r => r.Matched.Select(a => r.ByAsAt(a.AdoptionOrderDate)).Max()),
        Date("Date of leaving adoption process", r => r.ByAsAt(r.Enquiry.LeftDate)),
        Text("Reason for leaving adoption process", r => r.ByAsAt(r.Enquiry.LeftDate) is null ? null : r.Enquiry.LeftReason switch
        {
            LeavingReason.NotSuitable or LeavingReason.PanelNotRecommended => "c) Refused",
            null => null,
            _ => "a) Withdrew",
        }),
    ];
}
