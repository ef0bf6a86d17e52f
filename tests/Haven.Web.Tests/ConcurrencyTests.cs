using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Core.Networks;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Haven.Web.Tests;

/// Two people editing the same record at once, for every kind of record that can be edited: the
/// second writer, whose form was read at the same version as the first's, is told that someone
/// else changed it and is shown both versions, and the first writer's change is what stays.
/// The table below says, for every IVersioned type in the model, how that is proven; a new
/// versioned type with no line in it fails EveryVersionedType_HasALineInTheConcurrencyTable.
public abstract class ConcurrencyTests(HavenApp app)
{
    /// How the two writers reach a record. Writer 1 or 2 fills the form with its own values.
    public sealed record Target(
        string Url,
        Func<int, IDictionary<string, string>> Fill,
        Func<HavenDbContext, Task<string?>> Read,
        Func<int, string>? Shown = null,
        HavenRole Role = HavenRole.SocialWorker,
        string Form = "main form[method=post]",
        bool Keeps = true);

    public sealed record Context(int ChildId, TestWorker Worker, IServiceProvider Services)
    {
        /// Saves one record as a form would have left it, with a version, and returns its id.
        public async Task<int> Add<TEntity>(TEntity entity) where TEntity : class
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            db.Add(entity);
            await db.SaveChangesAsync();
            return (int)db.Entry(entity).Property("Id").CurrentValue!;
        }

        /// An approved mainstream foster household supervised by this context's worker.
        public Task<int> AddHouseholdAsync() => Add(new Haven.Core.Fostering.FosterHousehold
        {
            Kind = Haven.Core.Fostering.HouseholdKind.Mainstream, Name = $"Household {Guid.NewGuid():N}"[..18], Postcode = "BR3 3AA", ApprovalDate = Today.AddYears(-2),
            MaxChildren = 2, AgeFrom = 0, AgeTo = 17, CareType = Haven.Core.Fostering.CareType.LongTerm, SupervisingWorkerId = Worker.WorkerId, RecordedAt = DateTime.UtcNow,
        });

        /// A contact at the front door about this child, awaiting a decision.
        public async Task<int> AddContactAsync()
        {
            var id = await Add(new Haven.Core.FrontDoor.Contact
            {
                ReceivedAt = DateTime.UtcNow.AddHours(-3), Channel = Haven.Core.FrontDoor.ContactChannel.Phone, SourceCode = "1A", ContactorName = "Class teacher",
                Worry = "Came to school hungry three days running", Consent = Haven.Core.FrontDoor.ConsentToShare.Given, RecordedAt = DateTime.UtcNow.AddHours(-3),
            });
            await Add(new Haven.Core.FrontDoor.ContactChild { ContactId = id, ChildId = ChildId });
            return id;
        }
    }

    public abstract record Coverage;
    /// Edited through a page form: EveryPageEdit_… drives it with two writers from the same version.
    public sealed record PageEdit(Func<Context, Task<Target>> Setup) : Coverage;
    /// Edited through several steps or only through the API: this test (a real edit twice from the
    /// same version, on both databases) proves it. Written as "Class.Method" from nameof, so a
    /// renamed test breaks the build.
    public sealed record DrivenBy(string Test) : Coverage;
    /// Edited only through the API: both writers read the record at the same version; the first PUT
    /// saves; the second, sent with that version, must get 409 with both versions (current: what is
    /// saved, yours: what it sent) and save nothing. Read gives the field and the row's version.
    public sealed record ApiEdit(Func<Context, Task<ApiTarget>> Setup) : Coverage;
    /// Without the version read (the VersionField property, "version" unless the endpoint names it
    /// otherwise, left out) the change must be refused with 428 and nothing saved; sent from a stale
    /// version, 409 with current and yours.
    public sealed record ApiTarget(string Url, Func<int, Guid, object> Body, Func<HavenDbContext, Task<(string? Value, Guid Version)>> Read,
        Func<int, string> Shown, HavenRole Role = HavenRole.TeamManager, string Method = "PUT", string VersionField = "version");
    /// Never changed after it is added (corrections and new versions are added beside it), so
    /// there is nothing for two writers to overwrite.
    public sealed record AppendOnly(string Reason) : Coverage;
    // There is no "not yet driven": every editable type is driven by two writers (page, API or a
    // named test), so a new versioned type must come with its drive, or say why it is never edited.

    private static string T(string cls, string method) => $"{cls}.{method}";

    private static Dictionary<string, string> Date(string field, DateOnly d) => new()
    {
        [$"{field}.Day"] = d.Day.ToString(), [$"{field}.Month"] = d.Month.ToString(), [$"{field}.Year"] = d.Year.ToString(),
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly IReadOnlyDictionary<Type, Coverage> Table = new Dictionary<Type, Coverage>
    {
        // People and the child's own details.
        [typeof(Haven.Core.People.Person)] = new PageEdit(async c => new Target(
            $"/children/{c.ChildId}/details",
            n => new Dictionary<string, string> { ["KnownAs"] = $"Writer{n}" },
            async db => (await db.People.AsNoTracking().FirstAsync(p => p.Id == c.ChildId)).KnownAs,
            n => $"Writer{n}")),

        // Missing from home and care.
        [typeof(MissingEpisode)] = new PageEdit(async c =>
        {
            var id = await c.Add(new MissingEpisode
            {
                ChildId = c.ChildId, Type = MissingType.Missing, From = MissingFrom.Home, StartedAt = DateTime.UtcNow.AddDays(-3),
                ReturnedAt = DateTime.UtcNow.AddDays(-2), Risk = MissingRisk.Low, WhereFound = "Not yet written", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/children/{c.ChildId}/missing/record/{id}",
                n => new Dictionary<string, string> { ["WhereFound"] = $"Found by writer {n}" },
                async db => (await db.MissingEpisodes.AsNoTracking().FirstAsync(e => e.Id == id)).WhereFound,
                n => $"Found by writer {n}");
        }),
        [typeof(ReturnHomeInterview)] = new DrivenBy(T(nameof(MissingTests), nameof(MissingTests.Put_Interview_WithStaleVersion_Returns409))),

        // Networks.
        [typeof(Association)] = new PageEdit(async c =>
        {
            var id = await c.Add(new Association
            {
                ChildId = c.ChildId, Kind = AssociationKind.Place, Place = new Place { Name = "Shop on the corner", Kind = PlaceKind.Shop },
                StartDate = Today.AddMonths(-6), Source = "Police intelligence", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/children/{c.ChildId}/network/{id}/end",
                n => Date("EndDate", Today.AddDays(-n)),
                async db => (await db.Associations.AsNoTracking().FirstAsync(a => a.Id == id)).EndDate?.ToString("yyyy-MM-dd"),
                n => $"ended {Today.AddDays(-n):d MMMM yyyy}");
        }),
        [typeof(Place)] = new AppendOnly("Added with the association that names it (page or API); no page or endpoint changes a place afterwards."),

        // Care leavers.
        [typeof(BirthdayReturn)] = new PageEdit(async c =>
        {
            await c.Add(new BirthdayReturn { ChildId = c.ChildId, Age = 19, InTouchCode = "NREQ", ActivityCode = "0", AccommodationCode = "0", RecordedAt = DateTime.UtcNow });
            return new Target($"/children/{c.ChildId}/care-leaver/birthdays/19",
                n => new Dictionary<string, string> { ["InTouchCode"] = n == 1 ? "NO" : "REFU" },
                async db => (await db.BirthdayReturns.AsNoTracking().FirstAsync(b => b.ChildId == c.ChildId && b.Age == 19)).InTouchCode,
                n => $"in touch {(n == 1 ? "NO" : "REFU")}");
        }),
        [typeof(CareLeaverDocument)] = new PageEdit(async c =>
        {
            await c.Add(new CareLeaverDocument { ChildId = c.ChildId, Kind = CareLeaverDocumentKind.BirthCertificate, Held = true, CheckedDate = Today.AddMonths(-1), RecordedAt = DateTime.UtcNow });
            return new Target($"/children/{c.ChildId}/care-leaver/documents",
                n => new Dictionary<string, string> { ["Held"] = n == 1 ? nameof(CareLeaverDocumentKind.Passport) : nameof(CareLeaverDocumentKind.BankAccount) },
                async db => string.Join(",", await db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == c.ChildId && d.Held).OrderBy(d => d.Kind).Select(d => d.Kind.ToString()).ToListAsync()),
                n => $"Now saved as held: {CareLeaverDocument.Describe(n == 1 ? CareLeaverDocumentKind.Passport : CareLeaverDocumentKind.BankAccount)}");
        }),
        [typeof(LocalOffer)] = new PageEdit(async c =>
        {
            await c.Add(new LocalOffer { Text = "The offer as first written", UpdatedAt = DateTime.UtcNow });
            return new Target("/care-leavers/local-offer?edit=true",
                n => new Dictionary<string, string> { ["Text"] = $"Offer written by writer {n}" },
                async db => (await db.LocalOffers.AsNoTracking().OrderBy(o => o.Id).FirstAsync()).Text,
                n => $"Offer written by writer {n}", Role: HavenRole.TeamManager);
        }),

        [typeof(Haven.Core.EarlyHelp.EarlyHelpEpisode)] = new DrivenBy(T(nameof(EarlyHelpTests), nameof(EarlyHelpTests.Post_CloseEarlyHelp_WithAStaleVersion_KeepsTheFirstClosure))),
        [typeof(Haven.Core.Lado.LadoCase)] = new DrivenBy(T(nameof(LadoTests), nameof(LadoTests.Post_Decision_WithAStaleVersion_ShowsTheOtherDecisionAndKeepsIt))),
        [typeof(Haven.Core.Plans.Plan)] = new DrivenBy(T(nameof(PlansTests), nameof(PlansTests.Post_NewVersion_WhenSomeoneElseSavedFirst_ShowsTheirVersionKeepsTheFormAndSavesNothing))),
        [typeof(Haven.Core.Homelessness.HomelessnessAssessment)] = new DrivenBy(T(nameof(HomelessnessTests), nameof(HomelessnessTests.Post_OptionsStep_WithAStaleVersion_ShowsTheOtherVersionAndKeepsIt))),
        [typeof(Haven.Core.Quality.AuditAction)] = new DrivenBy(T(nameof(QualityTests), nameof(QualityTests.MarkActionDone_WithAStaleForm_ShowsAConflict))),
        [typeof(Haven.Core.Assessments.Assessment)] = new DrivenBy(T(nameof(HelpAndProtectionTests), nameof(HelpAndProtectionTests.Post_RecordAssessment_WhenSomeoneElseSavedFirst_ShowsBothVersionsAndKeepsTheirs))),
        [typeof(Haven.Core.Education.Inclusion.HomeEducation)] = new DrivenBy(T(nameof(InclusionTests), nameof(InclusionTests.Post_HomeEducationCheck_AfterSomeoneElseRecordedOne_ShowsTheConflictAndAddsNothing))),
        [typeof(Haven.Core.ChildrenLookedAfter.CareProceedings)] = new DrivenBy(T(nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests), nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests.Post_ProceedingsFromAStaleForm_ShowsTheConflictAndKeepsTheOtherChange))),
        [typeof(Haven.Core.ChildrenLookedAfter.ContactArrangement)] = new DrivenBy(T(nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests), nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests.FamilyTime_ArrangementAndSessions_RoundTripAndStaleChangeIs409))),
        [typeof(Haven.Core.ChildrenLookedAfter.PeriodOfCare)] = new DrivenBy(T(nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests), nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests.Post_PeriodEndFromAStaleForm_ShowsConflictAndSavesNothing))),
        [typeof(Haven.Core.Health.HealthRecord)] = new DrivenBy(T(nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests), nameof(ChildrenLookedAfter.CourtFamilyAndStabilityTests.Post_HealthCorrection_AddsTheCorrectedRecord_KeepsTheOld_AndRefusesAStaleSecond))),
        [typeof(Haven.Core.ChildProtection.ChildProtectionPlan)] = new DrivenBy(T(nameof(ChildProtectionPlanTests), nameof(ChildProtectionPlanTests.Post_ReviewConference_EndingThePlan_ClosesTheSpanAndTheDueWork_AndAStaleFormIsRefused))),
        [typeof(PathwayPlan)] = new DrivenBy(T(nameof(CareLeaversTests), nameof(CareLeaversTests.PathwayPlan_SavedThenChangedBySomeoneElse_ShowsTheConflictAndKeepsTheirs))),
        [typeof(Haven.Core.Exploitation.ExploitationScreening)] = new DrivenBy(T(nameof(ExploitationTests), nameof(ExploitationTests.Post_ReviewPage_AfterSomeoneElseReviewed_ShowsTheirDecisionAndSavesNothing))),
        [typeof(Haven.Core.Exploitation.PanelChild)] = new DrivenBy(T(nameof(ExploitationTests), nameof(ExploitationTests.Post_PanelDecision_AfterSomeoneElseDecided_KeepsTheirsAndShowsTheConflict))),
        [typeof(Haven.Core.Fostering.SupervisionVisit)] = new DrivenBy(T(nameof(FosteringFormsTests), nameof(FosteringFormsTests.RowCorrections_VisitTrainingReviewFeedback_CorrectedWithReasonAndHistoryStaleRefused))),
        [typeof(Haven.Core.Fostering.CarerTraining)] = new PageEdit(async c =>
        {
            var household = await c.AddHouseholdAsync();
            var id = await c.Add(new Haven.Core.Fostering.CarerTraining { HouseholdId = household, Course = "Safer caring", RequiredBy = Today.AddMonths(2) });
            return new Target($"/fostering/carers/{household}/training/{id}/correct",
                n => new Dictionary<string, string> { ["Course"] = $"Course named by writer {n}", ["Reason"] = $"Spelling, says writer {n}" },
                async db => (await db.CarerTraining.AsNoTracking().FirstAsync(t => t.Id == id)).Course,
                n => $"Course named by writer {n}", Role: HavenRole.FosteringWorker);
        }),
        [typeof(Haven.Core.Fostering.CarerReview)] = new PageEdit(async c =>
        {
            var household = await c.AddHouseholdAsync();
            var id = await c.Add(new Haven.Core.Fostering.CarerReview { HouseholdId = household, ReviewDate = Today.AddDays(-9), ApprovalContinues = true, Summary = "As first written" });
            return new Target($"/fostering/carers/{household}/reviews/{id}/correct",
                n => new Dictionary<string, string> { ["Summary"] = $"Review summary of writer {n}", ["Reason"] = $"Fuller, says writer {n}" },
                async db => (await db.CarerReviews.AsNoTracking().FirstAsync(r => r.Id == id)).Summary,
                n => $"Review summary of writer {n}", Role: HavenRole.FosteringWorker);
        }),
        [typeof(Haven.Core.Fostering.CarerFeedback)] = new PageEdit(async c =>
        {
            var household = await c.AddHouseholdAsync();
            var id = await c.Add(new Haven.Core.Fostering.CarerFeedback { HouseholdId = household, GivenDate = Today.AddDays(-2), SupportRating = 3, TrainingRating = 3, Comments = "As first heard" });
            return new Target($"/fostering/carers/{household}/feedback/{id}/correct",
                n => new Dictionary<string, string> { ["Comments"] = $"What writer {n} heard", ["Reason"] = $"Misheard, says writer {n}" },
                async db => (await db.CarerFeedback.AsNoTracking().FirstAsync(f => f.Id == id)).Comments,
                n => $"What writer {n} heard", Role: HavenRole.FosteringWorker);
        }),
        [typeof(Haven.Core.FrontDoor.ContactChild)] = new DrivenBy(T(nameof(FrontDoorTests), nameof(FrontDoorTests.Decision_TwoWorkersOnTheSameChild_SecondIsToldAndNothingIsLost))),

        // Never changed once added.
        [typeof(Haven.Core.Referrals.Referral)] = new AppendOnly("Opened at the front door's sign-off or an early help step-up; no page or endpoint changes a referral afterwards (closure is not yet recorded in the app)."),
        [typeof(Haven.Core.Lado.LadoPerson)] = new AppendOnly("Added (or found again by name and date of birth) when an allegation is recorded; never changed afterwards."),
        [typeof(Haven.Core.LifeStory.LifeStoryEntry)] = new AppendOnly("Life story entries are added; the page has no edit."),
        [typeof(Haven.Core.Quality.AuditModeration)] = new AppendOnly("Each moderation is a new row by a second auditor."),
        [typeof(Haven.Core.Workforce.Employment)] = new AppendOnly("Written by the generator and imports only; no page or endpoint changes it."),
        [typeof(Haven.Core.Education.Inclusion.Exclusion)] = new AppendOnly("Exclusions are recorded, never changed."),
        [typeof(Haven.Core.Education.EducationRecord)] = new AppendOnly("A correction is a new record that supersedes the old one; the old one is not changed."),
        [typeof(Haven.Core.ChildrenLookedAfter.StatutoryVisit)] = new AppendOnly("Visits are recorded once (idempotent by submission id)."),
        [typeof(Haven.Core.ChildrenLookedAfter.LookedAfterReview)] = new AppendOnly("Reviews are recorded once (idempotent by submission id)."),
        [typeof(Haven.Core.ChildrenLookedAfter.IroVisit)] = new PageEdit(async c =>
        {
            await AddIroVisitAsync(c);
            var id = await IroVisitIdAsync(c);
            return new Target($"/children/{c.ChildId}/care/iro-visits/{id}/correct",
                n => new Dictionary<string, string> { ["Purpose"] = $"Purpose of writer {n}", ["Reason"] = $"Wrong purpose, says writer {n}" },
                async db => await db.IroVisits.AsNoTracking().Where(v => v.ChildId == c.ChildId).Select(v => v.Purpose).SingleAsync(),
                n => $"Purpose of writer {n}", Role: HavenRole.TeamManager);
        }),
        [typeof(Haven.Core.ChildrenLookedAfter.Placement)] = new AppendOnly("A placement is added with the episode that starts it; a change of placement adds a new one under the period's version check (PeriodOfCare)."),
        [typeof(Haven.Core.Permanence.PermanencePlan)] = new AppendOnly("Each review adds the plan it set; the history is kept."),
        [typeof(Haven.Core.Fostering.RecruitmentCampaign)] = new AppendOnly("Campaigns are added through the API; there is no update endpoint."),
        [typeof(Haven.Core.Fostering.FosterHousehold)] = new DrivenBy(T(nameof(FosteringFormsTests), nameof(FosteringFormsTests.HouseholdLifecycle_ReviewDueOnMyWorkPlacementLinkedDeregistered_SoftWithReason))),
        [typeof(Haven.Core.ChildProtection.ChildProtectionConference)] = new AppendOnly("Each conference is recorded once; the plan it decides is versioned (ChildProtectionPlan)."),
        [typeof(Haven.Core.ChildProtection.CoreGroupMeeting)] = new AppendOnly("Core group meetings are recorded once."),
        [typeof(Haven.Core.ChildProtection.ChildProtectionVisit)] = new AppendOnly("Visits are recorded once."),
        [typeof(Haven.Core.ChildProtection.StrategyDiscussion)] = new AppendOnly("Recorded once; the section 47 enquiry it starts is edited separately (Section47Enquiry)."),
        [typeof(Haven.Core.Exploitation.PanelMeeting)] = new AppendOnly("A meeting is created with its list; decisions and actions are rows of their own (PanelChild, PanelAction)."),

        // One-time actions and the registers' forms.
        [typeof(Haven.Core.ChildrenLookedAfter.PreProceedings)] = new PageEdit(async c =>
        {
            var id = await c.Add(new Haven.Core.ChildrenLookedAfter.PreProceedings
            {
                ChildId = c.ChildId, DecisionDate = Today.AddDays(-30), ParentsProgress = "Not yet reviewed", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/children/{c.ChildId}/care/court/pre-proceedings/{id}",
                n => new Dictionary<string, string> { ["ParentsProgress"] = $"Progress noted by writer {n}" },
                async db => (await db.PreProceedings.AsNoTracking().FirstAsync(p => p.Id == id)).ParentsProgress,
                n => $"Progress noted by writer {n}");
        }),
        [typeof(Haven.Core.Education.Inclusion.MissingEducation)] = new PageEdit(async c =>
        {
            var id = await c.Add(new Haven.Core.Education.Inclusion.MissingEducation
            {
                ChildId = c.ChildId, ReferredOn = Today.AddDays(-20), ReferredBy = "School attendance officer", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/children/{c.ChildId}/inclusion/missing-education/{id}/close",
                n => new Dictionary<string, string>(Date("ClosedOn", Today.AddDays(-n))) { ["Closure"] = "Other", ["ClosureDetail"] = $"Closed by writer {n}" },
                async db => (await db.MissingEducations.AsNoTracking().FirstAsync(m => m.Id == id)).ClosureDetail,
                n => $"Closed by writer {n}");
        }),
        [typeof(Haven.Core.ChildProtection.Section47Enquiry)] = new PageEdit(async c =>
        {
            var referral = await c.Add(new Haven.Core.Referrals.Referral { ChildId = c.ChildId, ReferralDate = Today.AddDays(-20), SourceCode = "1A", RecordedAt = DateTime.UtcNow });
            var discussion = await c.Add(new Haven.Core.ChildProtection.StrategyDiscussion
            {
                ChildId = c.ChildId, ReferralId = referral, Date = Today.AddDays(-10), Concerns = "Bruising seen at school", StartSection47 = true, RecordedAt = DateTime.UtcNow,
            });
            var id = await c.Add(new Haven.Core.ChildProtection.Section47Enquiry
            {
                ChildId = c.ChildId, ReferralId = referral, StrategyDiscussionId = discussion, StartDate = Today.AddDays(-10), InitialConferenceDue = Today.AddDays(5),
            });
            return new Target($"/children/{c.ChildId}/child-protection/section-47/{id}",
                n => new Dictionary<string, string>(Date("CompletedDate", Today.AddDays(-n))) { ["Outcome"] = "NotSubstantiated", ["OutcomeSummary"] = $"Findings of writer {n}" },
                async db => (await db.Section47Enquiries.AsNoTracking().FirstAsync(e => e.Id == id)).OutcomeSummary,
                n => $"Findings of writer {n}", Keeps: false);
        }),
        [typeof(Haven.Core.Exploitation.PanelAction)] = new PageEdit(async c =>
        {
            var meeting = await c.Add(new Haven.Core.Exploitation.PanelMeeting { HeldOn = Today.AddDays(-14), Chair = "Chair of the panel", RecordedAt = DateTime.UtcNow });
            var id = await c.Add(new Haven.Core.Exploitation.PanelAction
            {
                MeetingId = meeting, ChildId = c.ChildId, Text = "Share the disruption plan with the school", OwnerWorkerId = c.Worker.WorkerId, DueOn = Today.AddDays(7), RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/mega/actions/{id}/complete",
                n => new Dictionary<string, string>(Date("CompletedOn", Today.AddDays(-n))) { ["Note"] = $"Done by writer {n}" },
                async db => (await db.PanelActions.AsNoTracking().FirstAsync(a => a.Id == id)).CompletionNote,
                n => $"Done by writer {n}");
        }),
        [typeof(Haven.Core.Oversight.OversightAction)] = new PageEdit(async c =>
        {
            var entry = await c.Add(new Haven.Core.Oversight.OversightEntry
            {
                ChildId = c.ChildId, Kind = Haven.Core.Oversight.OversightKind.Direction, Date = Today.AddDays(-5), ManagerWorkerId = c.Worker.WorkerId,
                Direction = "Visit within the week", RecordedAt = DateTime.UtcNow,
            });
            var id = await c.Add(new Haven.Core.Oversight.OversightAction { OversightEntryId = entry, ChildId = c.ChildId, What = "Visit the child at home", Who = "Social worker", DueDate = Today.AddDays(2) });
            return new Target($"/children/{c.ChildId}/oversight",
                _ => new Dictionary<string, string>(),
                async db => await db.OversightActions.AsNoTracking().Where(a => a.Id == id).Select(a => $"{a.CompletedOn}|{a.Version}").FirstAsync(),
                Form: "main form[action*='handler=Done']", Keeps: false);
        }),
        [typeof(Haven.Core.Quality.AuditTool)] = new PageEdit(async c =>
        {
            var id = await c.Add(new Haven.Core.Quality.AuditTool { Name = "Concurrency audit tool", CreatedAt = DateTime.UtcNow });
            return new Target("/quality/tools",
                _ => new Dictionary<string, string>(),
                async db => await db.AuditTools.AsNoTracking().Where(t => t.Id == id).Select(t => $"{t.IsActive}|{t.Version}").FirstAsync(),
                Role: HavenRole.TeamManager, Form: $"main form[action*='toolId={id}&'], main form[action$='toolId={id}']", Keeps: false);
        }),
        [typeof(Haven.Core.InformationGovernance.LegalHold)] = new PageEdit(async c =>
        {
            await c.Add(new Haven.Core.InformationGovernance.LegalHold
            {
                HeldPersonId = c.ChildId, Reason = "Civil claim expected", Owner = "Legal services", ReviewOn = Today.AddMonths(6), PlacedAt = DateTime.UtcNow, PlacedByWorkerId = c.Worker.WorkerId,
            });
            return new Target("/information-governance/retention",
                _ => new Dictionary<string, string>(),
                async db => await db.LegalHolds.AsNoTracking().Where(h => h.HeldPersonId == c.ChildId).Select(h => $"{h.ReleasedAt}|{h.Version}").FirstAsync(),
                Role: HavenRole.InformationGovernance, Form: "main form[action*='handler=ReleaseHold']", Keeps: false);
        }),
        [typeof(Haven.Core.InformationGovernance.SubjectAccessRequest)] = new PageEdit(async c =>
        {
            var id = await c.Add(new Haven.Core.InformationGovernance.SubjectAccessRequest
            {
                SubjectPersonId = c.ChildId, RequesterName = "The young person", RequesterKind = default, IsChildsOwnRequest = true, IdentityCheck = "Passport seen",
                Scope = "Everything", ReceivedOn = Today.AddDays(-5), DueOn = Today.AddDays(25), RecordedAt = DateTime.UtcNow, RecordedByWorkerId = c.Worker.WorkerId,
            });
            return new Target($"/information-governance/subject-access/{id}",
                n => new Dictionary<string, string> { ["ExtensionReason"] = $"Complex, says writer {n}" },
                async db => (await db.SubjectAccessRequests.AsNoTracking().FirstAsync(r => r.Id == id)).ExtensionReason,
                n => $"Complex, says writer {n}", Role: HavenRole.InformationGovernance, Form: "main form[action*='handler=Extend']", Keeps: false);
        }),
        [typeof(Haven.Core.FrontDoor.Contact)] = new PageEdit(async c =>
        {
            var contact = await c.AddContactAsync();
            return new Target($"/front-door/contacts/{contact}/checks/new",
                n => new Dictionary<string, string> { ["Agency"] = "Police", ["Rag"] = "Amber", ["Question"] = $"Question from writer {n}" },
                async db => string.Join(",", await db.MashChecks.AsNoTracking().Where(m => m.ContactId == contact).Select(m => m.Question).ToListAsync()),
                n => $"Question from writer {n}", Role: HavenRole.MashWorker);
        }),
        [typeof(Haven.Core.FrontDoor.MashCheck)] = new PageEdit(async c =>
        {
            var contact = await c.AddContactAsync();
            var id = await c.Add(new Haven.Core.FrontDoor.MashCheck
            {
                ContactId = contact, Agency = Haven.Core.FrontDoor.PartnerAgency.Health, Rag = Haven.Core.FrontDoor.Rag.Amber, Question = "Known to the health visitor?",
                RequestedAt = DateTime.UtcNow.AddHours(-2), DueAt = DateTime.UtcNow.AddHours(22),
            });
            return new Target($"/front-door/contacts/{contact}/checks/{id}",
                n => new Dictionary<string, string> { ["AgencyResponse"] = $"Health answer typed by writer {n}" },
                async db => (await db.MashChecks.AsNoTracking().FirstAsync(m => m.Id == id)).Response,
                n => $"Health answer typed by writer {n}", Role: HavenRole.MashWorker, Keeps: false);
        }),
        [typeof(Haven.Core.FrontDoor.OutOfHoursHandover)] = new PageEdit(async c =>
        {
            var contact = await c.AddContactAsync();
            var id = await c.Add(new Haven.Core.FrontDoor.OutOfHoursHandover { ContactId = contact, ActionsTaken = "Police welfare check overnight", RecordedAt = DateTime.UtcNow.AddHours(-8) });
            return new Target("/front-door",
                _ => new Dictionary<string, string>(),
                async db => await db.OutOfHoursHandovers.AsNoTracking().Where(h => h.Id == id).Select(h => $"{h.AcknowledgedAt}|{h.Version}").FirstAsync(),
                Role: HavenRole.MashWorker, Form: "main form[action*='handler=Acknowledge']", Keeps: false);
        }),

        // Edited only through the API.
        [typeof(Haven.Core.Permanence.AdoptionCase)] = new ApiEdit(async c =>
        {
            await c.Add(new Haven.Core.Permanence.AdoptionCase
            {
                ChildId = c.ChildId, AdmDecisionDate = Today.AddMonths(-6), EarlyPermanence = Haven.Core.Permanence.EarlyPermanence.ConsideredNotSuitable,
                Siblings = Haven.Core.Permanence.SiblingPlacement.NoSiblingsInPlan, RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/adoption",
                (n, version) => new
                {
                    admDecisionDate = Today.AddMonths(-6), earlyPermanence = "ConsideredNotSuitable", siblings = "NoSiblingsInPlan",
                    familyFindingStarted = Today.AddDays(-10 - n), version,
                },
                async db => await db.AdoptionCases.AsNoTracking().Where(a => a.ChildId == c.ChildId).Select(a => new ValueTuple<string?, Guid>(a.FamilyFindingStarted.ToString(), a.Version)).FirstAsync(),
                n => Today.AddDays(-10 - n).ToString("yyyy-MM-dd"));
        }),
        [typeof(Haven.Core.Fostering.RecruitmentEnquiry)] = new ApiEdit(async c =>
        {
            var id = await c.Add(new Haven.Core.Fostering.RecruitmentEnquiry
            {
                Kind = Haven.Core.Fostering.ApplicantKind.Fostering, HouseholdName = "The first household", Source = Haven.Core.Fostering.EnquirySource.Web,
                EnquiryDate = Today.AddDays(-20), RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/fostering/enquiries/{id}",
                (n, version) => new
                {
                    kind = "Fostering", householdName = $"Household named by writer {n}", source = "Web", enquiryDate = Today.AddDays(-20),
                    version, reason = $"Spelling corrected by writer {n}",
                },
                async db => await db.RecruitmentEnquiries.AsNoTracking().Where(e => e.Id == id).Select(e => new ValueTuple<string?, Guid>(e.HouseholdName, e.Version)).FirstAsync(),
                n => $"Household named by writer {n}");
        }),

        // Who holds the case: two managers changing the social worker from the same page.
        [typeof(Haven.Core.Allocations.Allocation)] = new PageEdit(async c =>
        {
            var one = await c.Add(new Haven.Core.Workforce.Worker { DisplayName = $"First choice {c.ChildId}", Role = HavenRole.SocialWorker, TeamId = c.Worker.TeamId });
            var two = await c.Add(new Haven.Core.Workforce.Worker { DisplayName = $"Second choice {c.ChildId}", Role = HavenRole.SocialWorker, TeamId = c.Worker.TeamId });
            return new Target($"/children/{c.ChildId}/allocation",
                n => new Dictionary<string, string>(Date("StartDate", Today.AddDays(-1))) { ["WorkerId"] = (n == 1 ? one : two).ToString(), ["ReasonCode"] = n == 1 ? "MANAGE" : "ORGRST" },
                async db => string.Join("|", await db.Allocations.AsNoTracking().Where(a => a.ChildId == c.ChildId && a.EndDate == null)
                    .OrderBy(a => a.Id).Select(a => $"{a.WorkerId}:{a.ChangeReasonCode}").ToListAsync()),
                n => $"{(n == 1 ? "First" : "Second")} choice {c.ChildId}", Role: HavenRole.TeamManager, Form: "form#reallocate");
        }),

        // Records past retention, audits and child in need plans.
        [typeof(Haven.Core.InformationGovernance.DestructionDecision)] = new PageEdit(async c =>
        {
            // A child of long ago, past retention with nothing open, proposed for destruction by a first officer.
            var person = await c.Add(new Haven.Core.People.Person
            {
                Kind = Haven.Core.People.PersonKind.Child, FirstName = "Long", LastName = $"Ago{Guid.NewGuid():N}"[..10], DateOfBirth = new DateOnly(1930, 3, 1),
                Sex = Haven.Core.People.Sex.Female, RecordedAt = new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            var id = await c.Add(new Haven.Core.InformationGovernance.DestructionDecision
            {
                HavenNumber = person, RetentionClass = Haven.Core.InformationGovernance.RetentionClass.ContactOnly, KeepUntil = new DateOnly(1975, 3, 1),
                Reason = "Past retention, nothing open", ProposedAt = DateTime.UtcNow, ProposedByWorkerId = c.Worker.WorkerId,
            });
            return new Target("/information-governance/retention",
                _ => new Dictionary<string, string>(),
                async db => await db.DestructionDecisions.AsNoTracking().Where(d => d.Id == id).Select(d => $"{d.CarriedOutAt}|{d.Version}").FirstAsync(),
                Role: HavenRole.InformationGovernance, Form: $"#decision-{id} form", Keeps: false);
        }),
        [typeof(Haven.Core.Lado.LadoAction)] = new PageEdit(async c =>
        {
            var person = await c.Add(new Haven.Core.Lado.LadoPerson { FirstName = "Gareth", LastName = "Coach", RecordedAt = DateTime.UtcNow });
            var caseId = await c.Add(new Haven.Core.Lado.LadoCase
            {
                PersonId = person, Role = "Football coach", EmployerName = "Town juniors", EmployerSector = Haven.Core.Lado.EmployerSector.SportAndLeisure,
                ReceivedOn = Today.AddDays(-9), ReferrerName = "Club welfare officer", Allegation = "Shouted at and pushed a player", RecordedAt = DateTime.UtcNow,
            });
            var meeting = await c.Add(new Haven.Core.Lado.LadoMeeting { LadoCaseId = caseId, HeldOn = Today.AddDays(-5), Attendees = "LADO, club, police", Summary = "Club to investigate", RecordedAt = DateTime.UtcNow });
            var id = await c.Add(new Haven.Core.Lado.LadoAction { LadoMeetingId = meeting, LadoCaseId = caseId, Description = "Club to complete its investigation", Owner = "Club", DueOn = Today.AddDays(10) });
            return new Target($"/lado/{caseId}",
                _ => new Dictionary<string, string>(),
                async db => await db.LadoActions.AsNoTracking().Where(a => a.Id == id).Select(a => $"{a.CompletedOn}|{a.Version}").FirstAsync(),
                Role: HavenRole.Lado, Form: "main form[action*='handler=complete']", Keeps: false);
        }),
        [typeof(Haven.Core.Quality.CaseAudit)] = new PageEdit(async c =>
        {
            var tool = await c.Add(new Haven.Core.Quality.AuditTool { Name = $"Tool {Guid.NewGuid():N}"[..12], CreatedAt = DateTime.UtcNow });
            var id = await c.Add(new Haven.Core.Quality.CaseAudit
            {
                ChildId = c.ChildId, ToolId = tool, AuditorWorkerId = c.Worker.WorkerId, AuditedOn = Today.AddDays(-3), OverallGrade = default,
                Findings = "Visits on time; plan not updated", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/quality/audits/{id}",
                n => new Dictionary<string, string> { ["Reason"] = $"Wrong child, says manager {n}" },
                async db => await db.CaseAudits.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == id).Select(a => a.DeletionReason).FirstAsync(),
                n => $"Wrong child, says manager {n}", Role: HavenRole.TeamManager, Form: "main form[action*='handler=Remove']", Keeps: false);
        }),
        // Deprivation of liberty orders: two team managers ending the same order from the care tab. The child (19) was
        // looked after from 3 years ago to 2 years ago, in a children's home (K2) from the start.
        [typeof(Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder)] = new PageEdit(async c =>
        {
            var (start, end) = (Today.AddYears(-3), Today.AddYears(-2));
            await Haven.Web.Tests.ChildrenLookedAfter.CareForTests.AddPeriodAsync(c.Services, c.ChildId, c.Worker.WorkerId, end, (start, "K2"));
            var id = await c.Add(new Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder
            {
                ChildId = c.ChildId, StartDate = start.AddDays(10), AuthorisedBy = "High Court (Family Division)", RecordedAt = DateTime.UtcNow,
            });
            return new Target($"/children/{c.ChildId}/care/deprivation-of-liberty/{id}",
                n => Date("EndDate", end.AddDays(-n)),
                async db => (await db.DeprivationOfLibertyOrders.AsNoTracking().FirstAsync(o => o.Id == id)).EndDate?.ToString("yyyy-MM-dd"),
                n => $"to {end.AddDays(-n):d MMMM yyyy}", Role: HavenRole.TeamManager);
        }),
        [typeof(Haven.Core.ChildInNeed.ChildInNeedPlan)] = new PageEdit(async c =>
        {
            var plan = await c.Add(new Haven.Core.Plans.Plan
            {
                ChildId = c.ChildId, Kind = Haven.Core.Plans.PlanKind.ChildInNeed, StartDate = Today.AddDays(-40), CurrentVersionNumber = 1, RecordedAt = DateTime.UtcNow,
                Versions = [new Haven.Core.Plans.PlanVersion { Number = 1, Reason = "Plan started", RecordedAt = DateTime.UtcNow }],
            });
            await c.Add(new Haven.Core.ChildInNeed.ChildInNeedPlan { ChildId = c.ChildId, PlanId = plan, StartDate = Today.AddDays(-40), RecordedAt = DateTime.UtcNow });
            return new Target($"/children/{c.ChildId}/plans/{plan}/close",
                n => new Dictionary<string, string>(Date("EndDate", Today.AddDays(-n))) { ["Reason"] = "Other", ["Note"] = $"Closed by writer {n}" },
                async db => await db.ChildInNeedPlans.AsNoTracking().Where(p => p.PlanId == plan).Select(p => p.ClosureNote).FirstAsync(),
                n => $"Closed by writer {n}");
        }),
    };

    [Fact]
    public async Task EveryVersionedType_HasALineInTheConcurrencyTable()
    {
        var versioned = await app.Data.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Select(t => t.ClrType).Where(t => typeof(IVersioned).IsAssignableFrom(t)).Distinct().ToList()));
        Assert.True(versioned.Count > 40, $"only {versioned.Count} versioned types found");
        var missing = versioned.Where(t => !Table.ContainsKey(t)).Select(t => t.FullName).OrderBy(n => n).ToList();
        Assert.True(missing.Count == 0,
            "These versioned record types have no line in ConcurrencyTests.Table (a page edit to drive, the test that proves it, or why it is never edited):\n"
            + string.Join("\n", missing));
        var stale = Table.Keys.Where(t => !versioned.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(stale.Count == 0, "Lines for types that are no longer versioned entities: " + string.Join(", ", stale));
        foreach (var (type, coverage) in Table)
            if (coverage is AppendOnly { Reason: var r }) Assert.False(string.IsNullOrWhiteSpace(r), $"{type.Name}: say why it is never edited");
    }

    [Fact]
    public async Task EveryPageEdit_SecondWriterFromTheSameVersion_IsToldShownBothVersions_AndTheFirstChangeStays()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var workers = new Dictionary<HavenRole, (TestWorker A, HttpClient First, HttpClient Second)>();
        async Task<(TestWorker, HttpClient, HttpClient)> PairAsync(HavenRole role)
        {
            if (workers.TryGetValue(role, out var pair)) return pair;
            var a = await app.Data.CreateWorkerAsync(role, team);
            var b = await app.Data.CreateWorkerAsync(role, team);
            var first = app.NewClient(); await first.SignInAsync(a.UserName);
            var second = app.NewClient(); await second.SignInAsync(b.UserName);
            return workers[role] = (a, first, second);
        }
        var (worker, _, _) = await PairAsync(HavenRole.SocialWorker);
        var failures = new List<string>();
        var driven = 0;
        foreach (var (type, coverage) in Table)
        {
            if (coverage is not PageEdit edit) continue;
            // Each record on its own child, so one edit cannot disturb another's page.
            var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = Today.AddYears(-19).AddMonths(-1); });
            var target = await edit.Setup(new Context(childId, worker, app.Services));
            var (_, first, second) = await PairAsync(target.Role);
            var what = $"{type.Name} at {target.Url}";
            try
            {
                var before = await app.Data.WithDbAsync(target.Read);
                var formA = (await first.GetPageAsync(target.Url)).QuerySelector<IHtmlFormElement>(target.Form)!;
                var formB = (await second.GetPageAsync(target.Url)).QuerySelector<IHtmlFormElement>(target.Form)!;
                var a = await first.PostFormAsync(formA, target.Fill(1));
                if ((int)a.StatusCode is not (302 or 303))
                {
                    var doc = await Pages.ParseAsync(a);
                    failures.Add($"{what}: the first writer's save returned {(int)a.StatusCode} ({string.Join("; ", doc.ErrorMessages())})");
                    continue;
                }
                var afterA = await app.Data.WithDbAsync(target.Read);
                if (afterA == before) { failures.Add($"{what}: the first writer's save changed nothing ({before})"); continue; }

                var b = await second.PostFormAsync(formB, target.Fill(2));
                var afterB = await app.Data.WithDbAsync(target.Read);
                if (afterB != afterA) failures.Add($"{what}: the second writer overwrote the first ({afterA} became {afterB}), answering {(int)b.StatusCode}");
                // A one-click action (mark done, release, acknowledge) may answer with Post/Redirect/Get
                // and say so on the page it redirects to; nothing of the second writer's is left to keep.
                if (!target.Keeps && (int)b.StatusCode is 302 or 303 && b.Headers.Location is { } next)
                    b = await second.GetAsync(new Uri(new Uri("http://localhost/"), next));
                if ((int)b.StatusCode is not (200 or 409)) { failures.Add($"{what}: the second writer got {(int)b.StatusCode}, not the form with a conflict message"); continue; }
                var again = await Pages.ParseAsync(b);
                var text = again.Body!.TextContent;
                if (!text.Contains("someone else", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{what}: the second writer was not told someone else changed it");
                if (target.Shown is { } shown && !text.Contains(shown(1)))
                    failures.Add($"{what}: the second writer is not shown the saved version ({shown(1)})");
                foreach (var (name, value) in target.Keeps ? target.Fill(2) : new Dictionary<string, string>())
                {
                    var field = again.QuerySelector($"main [name='{name}']");
                    var kept = field switch
                    {
                        IHtmlInputElement { Type: "radio" or "checkbox" } => again.QuerySelectorAll<IHtmlInputElement>($"main [name='{name}']").Any(i => i.IsChecked && i.Value == value),
                        IHtmlInputElement i => i.Value == value,
                        IHtmlTextAreaElement t => t.Value == value,
                        IHtmlSelectElement sel => sel.Value == value,
                        _ => false,
                    };
                    if (!kept) failures.Add($"{what}: the second writer's own version of {name} ({value}) is not kept in the form");
                }
                driven++;
            }
            catch (Exception e) when (e is InvalidOperationException or NullReferenceException)
            {
                failures.Add($"{what}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {Table.Values.OfType<PageEdit>().Count()} page edits:\n" + string.Join("\n", failures));
        Assert.Equal(Table.Values.OfType<PageEdit>().Count(), driven);
    }

    [Fact]
    public async Task EveryApiEdit_SecondWriterFromTheSameVersion_Gets409WithBothVersions_AndTheFirstChangeStays() =>
        await DriveApiEditsAsync(Table.Where(t => t.Value is ApiEdit).Select(t => (t.Key.Name, ((ApiEdit)t.Value).Setup)).ToList(), Table.Values.OfType<ApiEdit>().Count());

    /// The older API edits (missing, court and family time, assessments and section 47 enquiries;
    /// plans, child in need and child protection plans, exploitation screenings and associations,
    /// periods of care and pathway plans), brought to the same convention as the newer ones: 428 without the version read, 409 with the
    /// version saved now (current) and the one sent (yours) when stale, and nothing overwritten.
    public static readonly IReadOnlyList<(string What, Func<Context, Task<ApiTarget>> Setup)> OlderApiEdits =
    [
        ("missing episode", async c =>
        {
            var returned = DateTime.UtcNow.AddDays(-2);
            var id = await c.Add(new MissingEpisode
            {
                ChildId = c.ChildId, Type = MissingType.Missing, From = MissingFrom.Home, StartedAt = returned.AddHours(-20), ReturnedAt = returned,
                Risk = MissingRisk.Low, WhereFound = "Not yet written", RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/missing-episodes/{id}",
                (n, version) => new { type = "Missing", from = "Home", startedAt = returned.AddHours(-20), returnedAt = returned, risk = "Low", whereFound = $"Found by writer {n}", version },
                async db => await db.MissingEpisodes.AsNoTracking().Where(e => e.Id == id).Select(e => new ValueTuple<string?, Guid>(e.WhereFound, e.Version)).FirstAsync(),
                n => $"Found by writer {n}", HavenRole.SocialWorker);
        }),
        ("return home interview", async c =>
        {
            var returned = DateTime.UtcNow.AddDays(-2);
            var id = await c.Add(new MissingEpisode
            {
                ChildId = c.ChildId, Type = MissingType.Missing, From = MissingFrom.Care, StartedAt = returned.AddHours(-20), ReturnedAt = returned, Risk = MissingRisk.Medium,
                RecordedAt = DateTime.UtcNow,
                Interview = new ReturnHomeInterview { OfferedAt = returned.AddHours(10), OfferedBy = "Jo, Safe Return", Independent = true, Response = InterviewResponse.NotYetKnown, RecordedAt = DateTime.UtcNow },
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/missing-episodes/{id}/return-home-interview",
                (n, version) => new { offeredAt = returned.AddHours(10), offeredBy = $"Offered by writer {n}", independent = true, response = "NotYetKnown", version },
                async db => await db.ReturnHomeInterviews.AsNoTracking().Where(i => i.MissingEpisodeId == id).Select(i => new ValueTuple<string?, Guid>(i.OfferedBy, i.Version)).FirstAsync(),
                n => $"Offered by writer {n}", HavenRole.SocialWorker);
        }),
        ("pre-proceedings", async c =>
        {
            var id = await c.Add(new Haven.Core.ChildrenLookedAfter.PreProceedings { ChildId = c.ChildId, DecisionDate = Today.AddDays(-30), ParentsProgress = "Not yet reviewed", RecordedAt = DateTime.UtcNow });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/court/pre-proceedings/{id}",
                (n, version) => new { decisionDate = Today.AddDays(-30), parentsProgress = $"Progress noted by writer {n}", version },
                async db => await db.PreProceedings.AsNoTracking().Where(p => p.Id == id).Select(p => new ValueTuple<string?, Guid>(p.ParentsProgress, p.Version)).FirstAsync(),
                n => $"Progress noted by writer {n}", HavenRole.SocialWorker);
        }),
        ("care proceedings", async c =>
        {
            var id = await c.Add(new Haven.Core.ChildrenLookedAfter.CareProceedings
            {
                ChildId = c.ChildId, ApplicationDate = Today.AddDays(-40), Court = "Family court", ParallelPlan = "Return home", ContingencyPlan = "Kinship care", RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/court/proceedings/{id}",
                (n, version) => new { applicationDate = Today.AddDays(-40), court = "Family court", parallelPlan = $"Parallel plan of writer {n}", contingencyPlan = "Kinship care", version },
                async db => await db.CareProceedings.AsNoTracking().Where(p => p.Id == id).Select(p => new ValueTuple<string?, Guid>(p.ParallelPlan, p.Version)).FirstAsync(),
                n => $"Parallel plan of writer {n}", HavenRole.SocialWorker);
        }),
        ("time with family", async c =>
        {
            var id = await c.Add(new Haven.Core.ChildrenLookedAfter.ContactArrangement
            {
                ChildId = c.ChildId, With = Haven.Core.ChildrenLookedAfter.FamilyMember.Mother, PersonName = "Dana Reyes", Frequency = "Weekly", Supervised = true,
                StartDate = Today.AddDays(-30), RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/family-time/{id}",
                (n, version) => new { with = "Mother", personName = "Dana Reyes", frequency = $"As writer {n} agreed", supervised = true, startDate = Today.AddDays(-30), version },
                async db => await db.ContactArrangements.AsNoTracking().Where(a => a.Id == id).Select(a => new ValueTuple<string?, Guid>(a.Frequency, a.Version)).FirstAsync(),
                n => $"As writer {n} agreed", HavenRole.SocialWorker);
        }),
        ("assessment", async c =>
        {
            var id = await AddAssessmentAsync(c);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/assessments/{id}",
                (n, version) => new { version, analysis = $"Analysis by writer {n}", childSeenDate = Today.AddDays(-6), factorCodes = new[] { "4B" } },
                async db => await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new ValueTuple<string?, Guid>(a.Analysis, a.Version)).FirstAsync(),
                n => $"Analysis by writer {n}", HavenRole.SocialWorker);
        }),
        ("assessment authorisation", async c =>
        {
            var id = await AddAssessmentAsync(c, seen: true);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/assessments/{id}/authorisation",
                (n, version) => new { version, outcome = n == 1 ? "ChildInNeedPlan" : "NoFurtherAction", authorisedDate = Today, managerComments = $"Authorised by manager {n}" },
                async db => await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new ValueTuple<string?, Guid>(a.Outcome.ToString(), a.Version)).FirstAsync(),
                n => n == 1 ? "ChildInNeedPlan" : "NoFurtherAction", HavenRole.TeamManager, "POST");
        }),
        ("section 47 outcome", async c =>
        {
            var referral = await c.Add(new Haven.Core.Referrals.Referral { ChildId = c.ChildId, ReferralDate = Today.AddDays(-20), SourceCode = "1A", RecordedAt = DateTime.UtcNow });
            var discussion = await c.Add(new Haven.Core.ChildProtection.StrategyDiscussion
            {
                ChildId = c.ChildId, ReferralId = referral, Date = Today.AddDays(-10), Concerns = "Bruising seen at school", StartSection47 = true, RecordedAt = DateTime.UtcNow,
            });
            var id = await c.Add(new Haven.Core.ChildProtection.Section47Enquiry
            {
                ChildId = c.ChildId, ReferralId = referral, StrategyDiscussionId = discussion, StartDate = Today.AddDays(-10), InitialConferenceDue = Today.AddDays(5),
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/section-47-enquiries/{id}/outcome",
                (n, version) => new { version, outcome = "NotSubstantiated", completedDate = Today.AddDays(-n), outcomeSummary = $"Findings of writer {n}" },
                async db => await db.Section47Enquiries.AsNoTracking().Where(e => e.Id == id).Select(e => new ValueTuple<string?, Guid>(e.OutcomeSummary, e.Version)).FirstAsync(),
                n => $"Findings of writer {n}", HavenRole.SocialWorker, "POST");
        }),
        ("plan version", async c =>
        {
            var plan = await AddPlanAsync(c);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/plans/{plan}/versions",
                (n, version) => new { baseVersion = version, reason = $"Changed by writer {n}", content = Content(n) },
                db => ReadPlanAsync(db, plan), n => $"Contingency of writer {n}", HavenRole.SocialWorker, "POST", "baseVersion");
        }),
        ("child in need review", async c =>
        {
            var plan = await AddPlanAsync(c);
            var cin = await c.Add(new Haven.Core.ChildInNeed.ChildInNeedPlan { ChildId = c.ChildId, PlanId = plan, StartDate = Today.AddDays(-40), RecordedAt = DateTime.UtcNow });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/child-in-need-plans/{cin}/reviews",
                (n, version) => new
                {
                    date = Today.AddDays(-n), summary = $"Review by writer {n}", basePlanVersion = version,
                    newContent = Content(n),
                },
                db => ReadPlanAsync(db, plan), n => $"Contingency of writer {n}", HavenRole.SocialWorker, "POST", "basePlanVersion");
        }),
        ("child in need closure", async c =>
        {
            var plan = await AddPlanAsync(c);
            var cin = await c.Add(new Haven.Core.ChildInNeed.ChildInNeedPlan { ChildId = c.ChildId, PlanId = plan, StartDate = Today.AddDays(-40), RecordedAt = DateTime.UtcNow });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/child-in-need-plans/{cin}/closure",
                (n, version) => new { version, endDate = Today.AddDays(-n), reason = "Other", note = $"Closed by writer {n}" },
                async db => await db.ChildInNeedPlans.AsNoTracking().Where(p => p.Id == cin).Select(p => new ValueTuple<string?, Guid>(p.ClosureNote, p.Version)).FirstAsync(),
                n => $"Closed by writer {n}", HavenRole.SocialWorker, "POST");
        }),
        ("child protection review conference", async c =>
        {
            var plan = await AddChildProtectionPlanAsync(c);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/child-protection-plans/{plan}/review-conferences",
                (n, version) => new
                {
                    planVersion = version, date = Today.AddDays(-n), chair = $"Chair {n}", planContinues = true, categoryOfAbuse = n == 1 ? "EMO" : "PHY",
                    attendees = new[] { new { agency = "SocialCare", name = "The social worker", role = "Social worker", attendance = "Attended", reportReceived = true } },
                },
                async db => await db.ChildProtectionPlans.AsNoTracking().Where(p => p.Id == plan).Select(p => new ValueTuple<string?, Guid>(p.CategoryOfAbuse, p.Version)).FirstAsync(),
                n => n == 1 ? "EMO" : "PHY", HavenRole.SocialWorker, "POST", "planVersion");
        }),
        ("child protection plan end", async c =>
        {
            var plan = await AddChildProtectionPlanAsync(c);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/child-protection-plans/{plan}/end",
                (n, version) => new { version, endDate = Today.AddDays(-n), endReason = n == 1 ? "MovedToAnotherCouncil" : "Reached18" },
                async db => await db.ChildProtectionPlans.AsNoTracking().Where(p => p.Id == plan).Select(p => new ValueTuple<string?, Guid>(p.EndReason.ToString(), p.Version)).FirstAsync(),
                n => n == 1 ? "MovedToAnotherCouncil" : "Reached18", HavenRole.SocialWorker, "POST");
        }),
        ("exploitation screening review", async c =>
        {
            var id = await c.Add(new Haven.Core.Exploitation.ExploitationScreening
            {
                ChildId = c.ChildId, Type = Haven.Core.Exploitation.ExploitationType.CriminalExploitation, ScreenedOn = Today.AddDays(-30),
                CurrentRisk = Haven.Core.Exploitation.ExploitationRisk.Medium, ReviewDue = Today.AddDays(30), RecordedAt = DateTime.UtcNow,
                Levels = [new Haven.Core.Exploitation.ExploitationRiskLevel { Risk = Haven.Core.Exploitation.ExploitationRisk.Medium, DecidedOn = Today.AddDays(-30), Reason = "First screening", RecordedAt = DateTime.UtcNow }],
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/exploitation-screenings/{id}/reviews",
                (n, version) => new { decidedOn = Today.AddDays(-n), risk = n == 1 ? "High" : "Low", reason = $"Reason of writer {n}", reviewDue = Today.AddDays(20), close = false, version },
                async db => await db.ExploitationScreenings.AsNoTracking().Where(x => x.Id == id)
                    .Select(x => new ValueTuple<string?, Guid>(x.Levels.OrderByDescending(l => l.Id).Select(l => l.Reason).FirstOrDefault(), x.Version)).FirstAsync(),
                n => $"Reason of writer {n}", HavenRole.SocialWorker, "POST");
        }),
        ("association end", async c =>
        {
            var id = await c.Add(new Association
            {
                ChildId = c.ChildId, Kind = AssociationKind.Place, Place = new Place { Name = "Shop by the station", Kind = PlaceKind.Shop },
                StartDate = Today.AddMonths(-6), Source = "Police intelligence", RecordedAt = DateTime.UtcNow,
            });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/associations/{id}/end",
                (n, version) => new { endDate = Today.AddDays(-n), version },
                async db => await db.Associations.AsNoTracking().Where(a => a.Id == id).Select(a => new ValueTuple<string?, Guid>(a.EndDate.ToString(), a.Version)).FirstAsync(),
                n => Today.AddDays(-n).ToString("yyyy-MM-dd"), HavenRole.SocialWorker, "POST");
        }),
        ("period of care end", async c =>
        {
            var manager = await c.Add(new Haven.Core.Workforce.Worker { DisplayName = $"Manager {c.ChildId}", Role = HavenRole.TeamManager, TeamId = c.Worker.TeamId });
            using var scope = c.Services.CreateScope();
            var started = await scope.ServiceProvider.GetRequiredService<Haven.Core.ChildrenLookedAfter.LookedAfterService>().StartAsync(
                new Haven.Core.ChildrenLookedAfter.StartPeriodOptions(c.ChildId, Today.AddDays(-50), manager, "No one able to care", Today.AddDays(-50), "V2", "N4", false, "HB1 3CD",
                    new Haven.Core.ChildrenLookedAfter.PlacementOptions("U6", "PR1", "Sam and Alex Carter", "4 Elm Road", null, "Havenbridge", "HB4 2AB", null, "Near school")),
                new CurrentWorker(c.Worker.UserName, c.Worker.WorkerId, c.Worker.Role, c.Worker.TeamId, null, "Worker"));
            Assert.True(started.Succeeded, string.Join("; ", started.Errors.Values));
            var id = started.Id!.Value;
            return new ApiTarget($"/api/v1/children/{c.ChildId}/care/periods/{id}/end",
                (n, version) => new { endDate = Today.AddDays(-n), reasonCeased = n == 1 ? "E4A" : "E3", version },
                async db => await db.PeriodsOfCare.AsNoTracking().Where(p => p.Id == id).Select(p => new ValueTuple<string?, Guid>(p.ReasonCeasedCode, p.Version)).FirstAsync(),
                n => n == 1 ? "E4A" : "E3", HavenRole.SocialWorker, "POST");
        }),
        ("IRO visit correction", async c =>
        {
            var iro = await AddIroVisitAsync(c);
            var id = await IroVisitIdAsync(c);
            return new ApiTarget($"/api/v1/children/{c.ChildId}/care/iro-visits/{id}/corrections",
                (n, version) => new { visitDate = Today.AddDays(-5), iroWorkerId = iro, seenAlone = true, purpose = $"Purpose of writer {n}", reason = $"Wrong purpose, says writer {n}", version },
                async db => (await db.IroVisits.AsNoTracking().Where(v => v.ChildId == c.ChildId).Select(v => v.Purpose).SingleAsync(),
                    await db.IroVisits.IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == id).Select(v => v.Version).SingleAsync()),
                n => $"Purpose of writer {n}", HavenRole.TeamManager, "POST");
        }),
        ("pathway plan", async c =>
        {
            await c.Add(new PathwayPlan { ChildId = c.ChildId, NeedsAssessmentDate = Today.AddDays(-20), Health = "As first written", RecordedAt = DateTime.UtcNow });
            return new ApiTarget($"/api/v1/children/{c.ChildId}/care-leaver/plan",
                (n, version) => new { needsAssessmentDate = Today.AddDays(-20), dimensions = new Dictionary<string, string> { ["Health"] = $"Health plan of writer {n}" }, version },
                async db => await db.PathwayPlans.AsNoTracking().Where(p => p.ChildId == c.ChildId).Select(p => new ValueTuple<string?, Guid>(p.Health, p.Version)).FirstAsync(),
                n => $"Health plan of writer {n}", HavenRole.SocialWorker);
        }),
    ];

    /// A child in care (a period of care from 60 days ago, unless the child is in care already) with
    /// one IRO visit; returns the IRO's worker id.
    private static async Task<int> AddIroVisitAsync(Context c)
    {
        var iro = await c.Add(new Haven.Core.Workforce.Worker { DisplayName = $"Iro {c.ChildId}", Role = HavenRole.Iro, TeamId = c.Worker.TeamId });
        using (var scope = c.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HavenDbContext>();
            if (await db.PeriodsOfCare.AnyAsync(p => p.ChildId == c.ChildId && p.EndDate == null && p.StartDate <= Today.AddDays(-5)))
            {
                await c.Add(new Haven.Core.ChildrenLookedAfter.IroVisit
                {
                    ChildId = c.ChildId, VisitDate = Today.AddDays(-5), IroWorkerId = iro, SeenAlone = true, Purpose = "As first written", RecordedAt = DateTime.UtcNow,
                });
                return iro;
            }
        }
        await c.Add(new Haven.Core.ChildrenLookedAfter.PeriodOfCare
        {
            ChildId = c.ChildId, DecisionDate = Today.AddDays(-60), AuthorisedByWorkerId = c.Worker.WorkerId, DecisionReason = "No one able to care", StartDate = Today.AddDays(-60),
            CategoryOfNeedCode = "N4", HomePostcode = "HB1 3CD",
        });
        await c.Add(new Haven.Core.ChildrenLookedAfter.IroVisit
        {
            ChildId = c.ChildId, VisitDate = Today.AddDays(-5), IroWorkerId = iro, SeenAlone = true, Purpose = "As first written", RecordedAt = DateTime.UtcNow,
        });
        return iro;
    }

    private static async Task<int> IroVisitIdAsync(Context c)
    {
        using var scope = c.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HavenDbContext>().IroVisits.Where(v => v.ChildId == c.ChildId).Select(v => v.Id).SingleAsync();
    }

    /// A plan's content as a writer sends it: one outcome, one action, and the writer's contingency.
    private static object Content(int n) => new
    {
        outcomes = new[] { "Safe at home" }, contingency = $"Contingency of writer {n}",
        actions = new[] { new { what = "Walk to school each morning", who = "Gran", dueDate = Today.AddDays(14) } },
    };

    /// A plan with its first version, as PlanService would have saved it.
    private static Task<int> AddPlanAsync(Context c) => c.Add(new Haven.Core.Plans.Plan
    {
        ChildId = c.ChildId, Kind = Haven.Core.Plans.PlanKind.ChildInNeed, StartDate = Today.AddDays(-40), CurrentVersionNumber = 1, RecordedAt = DateTime.UtcNow,
        Versions = [new Haven.Core.Plans.PlanVersion { Number = 1, Reason = "Plan started", Contingency = "As first written", RecordedAt = DateTime.UtcNow }],
    });

    /// The contingency of the plan's current version, and the plan's version.
    private static async Task<(string? Value, Guid Version)> ReadPlanAsync(HavenDbContext db, int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId);
        var contingency = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && v.Number == plan.CurrentVersionNumber).Select(v => v.Contingency).FirstAsync();
        return (contingency, plan.Version);
    }

    /// An open child protection plan started at an initial conference after a section 47 enquiry.
    private static async Task<int> AddChildProtectionPlanAsync(Context c)
    {
        var referral = await c.Add(new Haven.Core.Referrals.Referral { ChildId = c.ChildId, ReferralDate = Today.AddDays(-80), SourceCode = "1A", RecordedAt = DateTime.UtcNow });
        var discussion = await c.Add(new Haven.Core.ChildProtection.StrategyDiscussion
        {
            ChildId = c.ChildId, ReferralId = referral, Date = Today.AddDays(-78), Concerns = "Bruising seen at school", StartSection47 = true, RecordedAt = DateTime.UtcNow,
        });
        var enquiry = await c.Add(new Haven.Core.ChildProtection.Section47Enquiry
        {
            ChildId = c.ChildId, ReferralId = referral, StrategyDiscussionId = discussion, StartDate = Today.AddDays(-78), InitialConferenceDue = Today.AddDays(-63),
        });
        var conference = await c.Add(new Haven.Core.ChildProtection.ChildProtectionConference
        {
            ChildId = c.ChildId, Kind = Haven.Core.ChildProtection.ConferenceKind.Initial, Section47EnquiryId = enquiry, Date = Today.AddDays(-65), Chair = "The chair",
            PlanNeeded = true, CategoryOfAbuse = "NEG", RecordedAt = DateTime.UtcNow,
        });
        return await c.Add(new Haven.Core.ChildProtection.ChildProtectionPlan
        {
            ChildId = c.ChildId, StartDate = Today.AddDays(-65), CategoryOfAbuse = "NEG", StartConferenceId = conference, RecordedAt = DateTime.UtcNow,
        });
    }

    private static async Task<int> AddAssessmentAsync(Context c, bool seen = false)
    {
        var referral = await c.Add(new Haven.Core.Referrals.Referral { ChildId = c.ChildId, ReferralDate = Today.AddDays(-10), SourceCode = "1A", RecordedAt = DateTime.UtcNow });
        var assessment = new Haven.Core.Assessments.Assessment
        {
            ChildId = c.ChildId, ReferralId = referral, StartDate = Today.AddDays(-8), DueDate = Today.AddDays(37), ChildSeenDate = seen ? Today.AddDays(-6) : null,
        };
        if (seen) assessment.Factors.Add(new Haven.Core.Assessments.AssessmentFactor { Code = "4B" });
        return await c.Add(assessment);
    }

    [Fact]
    public async Task OlderApiEdits_WithoutAVersionAre428_AStaleOneIs409WithBothVersions_AndTheFirstChangeStays() =>
        await DriveApiEditsAsync(OlderApiEdits, OlderApiEdits.Count);

    private async Task DriveApiEditsAsync(IReadOnlyList<(string What, Func<Context, Task<ApiTarget>> Setup)> edits, int expected)
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var clients = new Dictionary<HavenRole, (HttpClient First, HttpClient Second)>();
        async Task<HttpClient> TokenClientAsync(TestWorker w)
        {
            var (exit, output, error) = await app.RunCliAsync("users", "token", "create", "--user", w.UserName, "--days", "1");
            Assert.True(exit == 0, error);
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
            return client;
        }
        static HttpRequestMessage Send(ApiTarget target, object body, bool withVersion)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.AsObject();
            if (!withVersion) Assert.True(json.Remove(target.VersionField), $"{target.Url}: the body has no {target.VersionField} to leave out");
            return new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = JsonContent.Create(json) };
        }
        var failures = new List<string>();
        var driven = 0;
        foreach (var (name, setup) in edits)
        {
            var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = Today.AddYears(-3); });
            var target = await setup(new Context(childId, worker, app.Services));
            if (!clients.TryGetValue(target.Role, out var pair))
                clients[target.Role] = pair = (target.Role == HavenRole.SocialWorker ? await TokenClientAsync(worker) : await TokenClientAsync(await app.Data.CreateWorkerAsync(target.Role, team)),
                    await TokenClientAsync(await app.Data.CreateWorkerAsync(target.Role, team)));
            var what = $"{name} at {target.Method} {target.Url}";
            var (before, read) = await app.Data.WithDbAsync(target.Read);
            var blind = await pair.First.SendAsync(Send(target, target.Body(1, read), withVersion: false));
            var (afterBlind, versionAfterBlind) = await app.Data.WithDbAsync(target.Read);
            if ((int)blind.StatusCode != 428) failures.Add($"{what}: a change without the version read answered {(int)blind.StatusCode}, not 428 ({await blind.Content.ReadAsStringAsync()})");
            if (afterBlind != before || versionAfterBlind != read) { failures.Add($"{what}: a change without the version read was saved ({before} became {afterBlind})"); continue; }
            var a = await pair.First.SendAsync(Send(target, target.Body(1, read), withVersion: true));
            var (afterA, _) = await app.Data.WithDbAsync(target.Read);
            if (!a.IsSuccessStatusCode || afterA == before)
            {
                failures.Add($"{what}: the first writer's save answered {(int)a.StatusCode} and left {afterA} ({await a.Content.ReadAsStringAsync()})");
                continue;
            }
            var b = await pair.Second.SendAsync(Send(target, target.Body(2, read), withVersion: true));
            var (afterB, _) = await app.Data.WithDbAsync(target.Read);
            if (afterB != afterA) failures.Add($"{what}: the second writer overwrote the first ({afterA} became {afterB})");
            if (b.StatusCode != System.Net.HttpStatusCode.Conflict) { failures.Add($"{what}: the second writer got {(int)b.StatusCode}, not 409 ({await b.Content.ReadAsStringAsync()})"); continue; }
            using var problem = System.Text.Json.JsonDocument.Parse(await b.Content.ReadAsStringAsync());
            var root = problem.RootElement;
            if (!root.TryGetProperty("current", out var current) || !current.GetRawText().Contains(target.Shown(1)))
                failures.Add($"{what}: the 409 does not carry the saved version ({target.Shown(1)}) as current");
            if (!root.TryGetProperty("yours", out var yours) || !yours.GetRawText().Contains(target.Shown(2)))
                failures.Add($"{what}: the 409 does not carry the second writer's version ({target.Shown(2)}) as yours");
            driven++;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems over {edits.Count} API edits:\n" + string.Join("\n", failures));
        Assert.Equal(expected, driven);
    }

    [Fact]
    public async Task CareLeaverApi_ChangeWithoutAVersion_Is428_AStaleOneIs409WithBothVersions_AndNothingIsOverwritten()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var childId = await app.Data.CreateChildAsync(c => { c.AllocatedTo = worker; c.DateOfBirth = Today.AddYears(-19).AddMonths(-1); });
        var (exit, output, error) = await app.RunCliAsync("users", "token", "create", "--user", worker.UserName, "--days", "1");
        Assert.True(exit == 0, error);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
        var birthday = $"/api/v1/children/{childId}/care-leaver/birthdays/19";
        var documents = $"/api/v1/children/{childId}/care-leaver/documents";
        Task<BirthdayReturn> SavedBirthday() => app.Data.WithDbAsync(db => db.BirthdayReturns.AsNoTracking().FirstAsync(b => b.ChildId == childId && b.Age == 19));

        // The first answer needs no version: there is nothing to overwrite.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PutAsJsonAsync(birthday, new { inTouch = "NO" })).StatusCode);
        var first = await SavedBirthday();
        // Changing it without the version read is refused, and says what to send.
        var blind = await api.PutAsJsonAsync(birthday, new { inTouch = "REFU" });
        Assert.Equal((System.Net.HttpStatusCode)428, blind.StatusCode);
        Assert.Contains("version", await blind.Content.ReadAsStringAsync());
        Assert.Equal("NO", (await SavedBirthday()).InTouchCode);
        // With the version read: saved. From that same (now stale) version again: 409 with both.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PutAsJsonAsync(birthday, new { inTouch = "DIED", version = first.Version })).StatusCode);
        var stale = await api.PutAsJsonAsync(birthday, new { inTouch = "REFU", version = first.Version });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.StatusCode);
        var problem = (await stale.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());
        Assert.Contains("DIED", problem.GetProperty("current").GetRawText());
        Assert.Contains("REFU", problem.GetProperty("yours").GetRawText());
        Assert.Equal("DIED", (await SavedBirthday()).InTouchCode);

        // Documents: the set as first recorded needs no version; a change does.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PutAsJsonAsync(documents, new { held = new[] { "Passport" } })).StatusCode);
        var blindDocs = await api.PutAsJsonAsync(documents, new { held = new[] { "BankAccount" } });
        Assert.Equal((System.Net.HttpStatusCode)428, blindDocs.StatusCode);
        var record = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/children/{childId}/care-leaver");
        var read = record.GetProperty("documentsVersion").GetString();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PutAsJsonAsync(documents, new { held = new[] { "Passport", "BirthCertificate" }, version = read })).StatusCode);
        var staleDocs = await api.PutAsJsonAsync(documents, new { held = new[] { "BankAccount" }, version = read });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, staleDocs.StatusCode);
        var docsProblem = await staleDocs.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("BirthCertificate", docsProblem.GetProperty("current").GetRawText());
        Assert.Contains("BankAccount", docsProblem.GetProperty("yours").GetRawText());
        var held = await app.Data.WithDbAsync(db => db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId && d.Held).Select(d => d.Kind).ToListAsync());
        Assert.Equal([CareLeaverDocumentKind.BirthCertificate, CareLeaverDocumentKind.Passport], held.Order());
    }

    /// Fires once, just before the context under test saves: the other writer's change lands
    /// between that context's version check (in memory) and its save.
    private sealed class OtherWriterFirst(Func<Task> write) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (!Fired)
            {
                Fired = true;
                await write();
            }
            return result;
        }
    }

    [Fact]
    public async Task Race_AnotherWriterSavesBetweenTheVersionCheckAndTheSave_GetsTheConflictMessage_NotAnError()
    {
        var (_, team) = await app.Data.CreateTeamAsync();
        var worker = await app.Data.CreateWorkerAsync(HavenRole.InformationGovernance, team);
        var childId = await app.Data.CreateChildAsync();
        var id = await new Context(childId, worker, app.Services).Add(new Haven.Core.InformationGovernance.SubjectAccessRequest
        {
            SubjectPersonId = childId, RequesterName = "The young person", IsChildsOwnRequest = true, IdentityCheck = "Passport seen",
            Scope = "Everything", ReceivedOn = Today.AddDays(-5), DueOn = Today.AddDays(25), RecordedAt = DateTime.UtcNow, RecordedByWorkerId = worker.WorkerId,
        });
        var read = await app.Data.WithDbAsync(db => db.SubjectAccessRequests.Where(r => r.Id == id).Select(r => r.Version).FirstAsync());
        var other = new OtherWriterFirst(() => app.Data.WithDbAsync(db => db.SubjectAccessRequests.Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExtensionReason, "Extended by the other officer").SetProperty(r => r.Version, Guid.NewGuid()))));
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, app.Services.GetRequiredService<DatabaseSettings>());
        options.AddInterceptors(other);
        await using var racing = new HavenDbContext(options.Options);
        using var scope = app.Services.CreateScope();
        var service = new Haven.Core.InformationGovernance.SubjectAccessService(racing, scope.ServiceProvider.GetRequiredService<AccessLog>(), TimeProvider.System);

        var answer = await service.ExtendAsync(id, "Extended by this officer", read);

        Assert.True(other.Fired);
        Assert.Equal(Haven.Core.InformationGovernance.SubjectAccessService.Conflict, answer);
        Assert.Equal("Extended by the other officer", await app.Data.WithDbAsync(db => db.SubjectAccessRequests.Where(r => r.Id == id).Select(r => r.ExtensionReason).FirstAsync()));
    }

    [Fact]
    public async Task Race_TwoManagersAllocateAnUnallocatedChildAtOnce_TheSecondGetsTheConflict_AndOneAllocationStaysOpen()
    {
        // Arrange: a child with no social worker, so there is no allocation version to check.
        var (_, team) = await app.Data.CreateTeamAsync();
        var manager = await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team);
        var first = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var second = await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team);
        var childId = await app.Data.CreateChildAsync();
        // The other manager's allocation lands between this one's check (no allocation yet) and its save.
        var other = new OtherWriterFirst(() => app.Data.WithDbAsync(async db =>
        {
            db.Allocations.Add(new Haven.Core.Allocations.Allocation
            {
                ChildId = childId, Kind = Haven.Core.Allocations.AllocationKind.SocialWorker, WorkerId = first.WorkerId, TeamId = team, StartDate = Today,
                AllocatedByWorkerId = manager.WorkerId, ChangeReasonCode = "OTHERS", RecordedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        }));
        var options = new DbContextOptionsBuilder<HavenDbContext>();
        HavenDatabase.Configure(options, app.Services.GetRequiredService<DatabaseSettings>());
        options.AddInterceptors(other);
        await using var racing = new HavenDbContext(options.Options);
        var service = new Haven.Core.Allocations.AllocationService(racing, TimeProvider.System);

        // Act
        var answer = await service.ReallocateAsync(childId, Haven.Core.Allocations.AllocationKind.SocialWorker, second.WorkerId, Today, "OTHERS", manager.WorkerId, null, default);

        // Assert: told about the conflict, and only the other manager's allocation is open.
        Assert.True(other.Fired);
        Assert.Equal(Haven.Core.Allocations.AllocationService.Stale, answer.GetValueOrDefault("Version"));
        var open = await app.Data.WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == childId && a.EndDate == null).Select(a => a.WorkerId).ToListAsync());
        Assert.Equal([first.WorkerId], open);
    }

    [Fact]
    public async Task Allocate_TwoManagersOnAnUnallocatedChild_ApiAndPage_SecondIsRefusedNeverAnError_AndOneAllocationStaysOpen()
    {
        // Arrange
        var (_, team) = await app.Data.CreateTeamAsync();
        var managers = new[] { await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team), await app.Data.CreateWorkerAsync(HavenRole.TeamManager, team) };
        var workers = new[] { await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team), await app.Data.CreateWorkerAsync(HavenRole.SocialWorker, team) };
        var apis = new List<HttpClient>();
        foreach (var m in managers)
        {
            var (exit, output, error) = await app.RunCliAsync("users", "token", "create", "--user", m.UserName, "--days", "1");
            Assert.True(exit == 0, error);
            var client = app.NewClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", output.TrimEnd().Split('\n').Last().Trim());
            apis.Add(client);
        }
        Task<List<int>> OpenAsync(int child) => app.Data.WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.ChildId == child && a.EndDate == null).Select(a => a.WorkerId).ToListAsync());

        // The child is in no team's cases yet; both managers are given access to it (as a grant would).
        // Act: both managers send a first allocation at the same moment, without a version (there is none).
        var apiChild = await app.Data.CreateChildAsync(c => c.AccessList.AddRange(managers));
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => apis[i].PostAsJsonAsync($"/api/v1/children/{apiChild}/allocations",
            new { workerId = workers[i].WorkerId, startDate = Today, reasonCode = "OTHERS" })));

        // Assert: one is saved; the other is refused (409 if it raced past the check, 428 if it came after), never a 500.
        var codes = answers.Select(a => (int)a.StatusCode).Order().ToList();
        Assert.True(codes is [201, 409] or [201, 428], $"answers: {string.Join(", ", codes)}");
        Assert.Single(await OpenAsync(apiChild));

        // The page: two managers open the allocation page of an unallocated child and both submit.
        var pageChild = await app.Data.CreateChildAsync(c => c.AccessList.AddRange(managers));
        var pages = new List<(HttpClient Client, IHtmlFormElement Form)>();
        foreach (var m in managers)
        {
            var client = app.NewClient();
            await client.SignInAsync(m.UserName);
            pages.Add((client, (await client.GetPageAsync($"/children/{pageChild}/allocation")).QuerySelector<IHtmlFormElement>("form#reallocate")!));
        }
        IDictionary<string, string> Fill(int i) => new Dictionary<string, string>(Date("StartDate", Today)) { ["WorkerId"] = workers[i].WorkerId.ToString(), ["ReasonCode"] = "OTHERS" };
        var a = await pages[0].Client.PostFormAsync(pages[0].Form, Fill(0));
        var b = await pages[1].Client.PostFormAsync(pages[1].Form, Fill(1));
        Assert.True((int)a.StatusCode is 302 or 303, $"first manager: {(int)a.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Contains("Someone else changed who holds the case", (await Pages.ParseAsync(b)).Body!.TextContent);
        Assert.Equal([workers[0].WorkerId], await OpenAsync(pageChild));
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;
public sealed class ConcurrencyTestsOnPostgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
