using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Fostering;

public sealed record EnquiryOptions(ApplicantKind Kind, string? HouseholdName, string? Postcode, EnquirySource Source, int? CampaignId,
    DateOnly? EnquiryDate, DateOnly? InitialVisitDate, DateOnly? ApplicationDate, DateOnly? Stage1Date, DateOnly? Stage2Date,
    DateOnly? PanelDate, DateOnly? ApprovalDate, DateOnly? LeftDate, LeavingReason? LeftReason, string? LeftNotes, bool SecondTimeAdopter);

public sealed record HouseholdOptions(HouseholdKind Kind, string? Name, string? Postcode, int? EnquiryId, DateOnly? ApprovalDate,
    DateOnly? TemporaryApprovalDate, int MaxChildren, int AgeFrom, int AgeTo, CareType CareType, int SupervisingWorkerId);

public sealed record VisitOptions(DateOnly? VisitDate, bool Unannounced, string? Notes);
public sealed record TrainingOptions(string? Course, DateOnly? RequiredBy, DateOnly? CompletedDate);
public sealed record CarerReviewOptions(DateOnly? ReviewDate, bool ToPanel, bool ApprovalContinues, string? Summary);
public sealed record SupportOptions(SupportKind? Kind, DateOnly? StartDate, string? Description);
public sealed record FeedbackOptions(DateOnly? GivenDate, int? SupportRating, int? TrainingRating, string? Comments);
public sealed record SpecialGuardianshipOptions(string? GuardianNames, DateOnly? OrderDate, string? SupportPlan, IReadOnlyList<SupportKind> AgreedSupport);
public sealed record DeregisterOptions(DateOnly? Date, DeregistrationReason? Reason, string? Details);

/// The outcome of a write: the saved record, or field errors, or that the record does not exist, or
/// that someone else changed it since the user read it (Current is what is saved now).
public sealed record FosteringWrite<T>(T? Value, IReadOnlyDictionary<string, string> Errors, bool NotFound = false, bool Conflict = false) where T : class
{
    public bool Saved => Value is not null && Errors.Count == 0 && !NotFound && !Conflict;
    public static FosteringWrite<T> Ok(T value) => new(value, new Dictionary<string, string>());
    public static FosteringWrite<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);
    public static FosteringWrite<T> Missing() => new(null, new Dictionary<string, string>(), NotFound: true);
    public static FosteringWrite<T> Stale(T current) => new(current, new Dictionary<string, string>(), Conflict: true);
}

/// The rules for recruitment enquiries and households, shared by the pages and the API. Field names
/// in the errors are the options' property names; each caller maps them to its own.
public sealed class FosteringService(HavenDbContext db, TimeProvider clock)
{
    public static Dictionary<string, string> Validate(EnquiryOptions o, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) errors[nameof(o.Kind)] = "Select whether this is fostering or adoption";
        if (!Enum.IsDefined(o.Source)) errors[nameof(o.Source)] = "Select where the enquiry came from";
        if (string.IsNullOrWhiteSpace(o.HouseholdName)) errors[nameof(o.HouseholdName)] = "Enter the household's name";
        else if (o.HouseholdName.Trim().Length > 200) errors[nameof(o.HouseholdName)] = "The household's name must be 200 characters or fewer";
        if (o.Postcode is { Length: > 10 }) errors[nameof(o.Postcode)] = "Postcode must be 10 characters or fewer";
        if (o.Source == EnquirySource.Campaign && o.CampaignId is null) errors[nameof(o.CampaignId)] = "Select the campaign the enquiry came from";
        if (o.Source != EnquirySource.Campaign && o.CampaignId is not null) errors[nameof(o.CampaignId)] = "Only an enquiry from a campaign names a campaign";
        if (o.SecondTimeAdopter && o.Kind != ApplicantKind.Adoption) errors[nameof(o.SecondTimeAdopter)] = "Only adopters can be second-time adopters";
        if (o.EnquiryDate is null) { errors[nameof(o.EnquiryDate)] = "Enter the date of the enquiry"; return errors; }

        // Each step on or after the one before; no step without the steps before it; none in the future.
        (string Field, string Label, DateOnly? Date)[] steps =
        [
            (nameof(o.EnquiryDate), "The enquiry", o.EnquiryDate), (nameof(o.InitialVisitDate), "The initial visit", o.InitialVisitDate),
            (nameof(o.ApplicationDate), "The application", o.ApplicationDate), (nameof(o.Stage1Date), "Assessment stage 1", o.Stage1Date),
            (nameof(o.Stage2Date), "Assessment stage 2", o.Stage2Date), (nameof(o.PanelDate), "The panel", o.PanelDate),
            (nameof(o.ApprovalDate), "Approval", o.ApprovalDate),
        ];
        DateOnly? last = null;
        var gap = false;
        for (var i = 0; i < steps.Length; i++)
        {
            var (field, label, date) = steps[i];
            if (date is null) { gap = true; continue; }
            if (date > today) errors[field] = $"{label} date must be today or in the past";
            else if (gap) errors[field] = $"Enter the date of {steps[i - 1].Label.ToLowerInvariant()} first";
            else if (last is { } l && date < l) errors[field] = $"{label} date must be on or after {steps[i - 1].Label.ToLowerInvariant()}";
            last = date;
        }
        if (o.LeftDate is { } left)
        {
            if (o.ApprovalDate is not null) errors[nameof(o.LeftDate)] = "An approved household has not left the funnel: leave the date they left blank";
            else if (left > today) errors[nameof(o.LeftDate)] = "The date they left must be today or in the past";
            else if (last is { } l && left < l) errors[nameof(o.LeftDate)] = "The date they left must be on or after the last step they reached";
            if (o.LeftReason is null || !Enum.IsDefined(o.LeftReason.Value)) errors[nameof(o.LeftReason)] = "Select why they left";
        }
        else if (o.LeftReason is not null) errors[nameof(o.LeftDate)] = "Enter the date they left";
        if (o.LeftNotes is { Length: > 1000 }) errors[nameof(o.LeftNotes)] = "Notes must be 1000 characters or fewer";
        return errors;
    }

    public async Task<Dictionary<string, string>> ValidateAsync(EnquiryOptions o, CancellationToken ct)
    {
        var errors = Validate(o, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!errors.ContainsKey(nameof(o.CampaignId)) && o.CampaignId is { } id
            && !await db.RecruitmentCampaigns.AnyAsync(c => c.Id == id && c.Kind == o.Kind, ct))
            errors[nameof(o.CampaignId)] = "There is no such campaign for this kind of recruitment";
        return errors;
    }

    public static void Apply(RecruitmentEnquiry e, EnquiryOptions o)
    {
        e.Kind = o.Kind; e.HouseholdName = o.HouseholdName!.Trim(); e.Postcode = string.IsNullOrWhiteSpace(o.Postcode) ? null : o.Postcode.Trim().ToUpperInvariant();
        e.Source = o.Source; e.CampaignId = o.CampaignId; e.EnquiryDate = o.EnquiryDate!.Value; e.InitialVisitDate = o.InitialVisitDate;
        e.ApplicationDate = o.ApplicationDate; e.Stage1Date = o.Stage1Date; e.Stage2Date = o.Stage2Date; e.PanelDate = o.PanelDate;
        e.ApprovalDate = o.ApprovalDate; e.LeftDate = o.LeftDate; e.LeftReason = o.LeftDate is null ? null : o.LeftReason;
        e.LeftNotes = string.IsNullOrWhiteSpace(o.LeftNotes) ? null : o.LeftNotes.Trim(); e.SecondTimeAdopter = o.SecondTimeAdopter;
    }

    public async Task<RecruitmentEnquiry> AddAsync(EnquiryOptions o, int? workerId, CancellationToken ct, Guid? submissionId = null)
    {
        if (submissionId is { } sid && await db.RecruitmentEnquiries.FirstOrDefaultAsync(x => x.SubmissionId == sid, ct) is { } earlier) return earlier;
        var e = new RecruitmentEnquiry { RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = workerId, Version = Guid.NewGuid(), SubmissionId = submissionId };
        Apply(e, o);
        db.RecruitmentEnquiries.Add(e);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is { } again)
        {
            db.ChangeTracker.Clear();
            return await db.RecruitmentEnquiries.FirstAsync(x => x.SubmissionId == again, ct);
        }
        return e;
    }

    /// What the enquiry says, field by field, in words: the corrections history compares these.
    public static IReadOnlyList<(string Field, string? Value)> Describe(RecruitmentEnquiry e) =>
    [
        ("Household", e.HouseholdName), ("Postcode", e.Postcode), ("Where the enquiry came from", e.Source.ToString()),
        ("Campaign", e.CampaignId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Enquiry date", D(e.EnquiryDate)), ("Initial visit date", D(e.InitialVisitDate)), ("Application date", D(e.ApplicationDate)),
        ("Assessment stage 1 date", D(e.Stage1Date)), ("Assessment stage 2 date", D(e.Stage2Date)), ("Panel date", D(e.PanelDate)),
        ("Approval date", D(e.ApprovalDate)), ("Date they left", D(e.LeftDate)), ("Why they left", e.LeftReason?.ToString()),
        ("Notes on leaving", e.LeftNotes), ("Second-time adopter", e.SecondTimeAdopter ? "Yes" : "No"),
    ];

    public static IReadOnlyList<(string Field, string? Value)> Describe(FosterHousehold h) =>
    [
        ("Household", h.Name), ("Postcode", h.Postcode), ("Approval date", D(h.ApprovalDate)), ("Temporary approval date", D(h.TemporaryApprovalDate)),
        ("Number of children", h.MaxChildren.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Ages", $"{h.AgeFrom} to {h.AgeTo}"), ("Type of care", h.CareType.ToString()),
        ("Supervising social worker", h.SupervisingWorkerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string? D(DateOnly? d) => d?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public const int MaxReason = 500;

    /// Records the next steps of an enquiry, that the household left, or a correction. The enquiry
    /// holds the current values; each changed value is added to FosteringCorrections with the reason
    /// (required when a value already recorded is changed, not when a step is recorded for the first time).
    public async Task<FosteringWrite<RecruitmentEnquiry>> UpdateAsync(int enquiryId, EnquiryOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var e = await db.RecruitmentEnquiries.FirstOrDefaultAsync(x => x.Id == enquiryId, ct);
        if (e is null) return FosteringWrite<RecruitmentEnquiry>.Missing();
        var errors = await ValidateAsync(o, ct);
        if (o.Kind != e.Kind) errors[nameof(o.Kind)] = "An enquiry cannot change between fostering and adoption: record a new enquiry";
        var changes = new List<(string Field, string? Before, string? After)>();
        if (errors.Count == 0)
        {
            var preview = new RecruitmentEnquiry();
            Apply(preview, o);
            changes = Describe(e).Zip(Describe(preview)).Where(p => p.First.Value != p.Second.Value).Select(p => (p.First.Field, p.First.Value, p.Second.Value)).ToList();
        }
        // A stale form is told so (and shown what is saved) before being asked for a reason about values it never saw.
        if (errors.Count == 0 && version != e.Version) return FosteringWrite<RecruitmentEnquiry>.Stale(e);
        ReasonRule(errors, changes, reason);
        if (errors.Count > 0) return FosteringWrite<RecruitmentEnquiry>.Invalid(errors);
        Apply(e, o);
        e.Version = Guid.NewGuid();
        AddCorrections(changes, reason, workerId, enquiryId: e.Id, householdId: null);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<RecruitmentEnquiry>.Stale(await db.RecruitmentEnquiries.AsNoTracking().FirstAsync(x => x.Id == enquiryId, ct));
        }
        return FosteringWrite<RecruitmentEnquiry>.Ok(e);
    }

    private static void ReasonRule(Dictionary<string, string> errors, List<(string Field, string? Before, string? After)> changes, string? reason)
    {
        if (reason is { Length: > MaxReason }) errors["Reason"] = $"The reason must be {MaxReason} characters or fewer";
        else if (string.IsNullOrWhiteSpace(reason) && changes.Any(c => c.Before is not null))
            errors["Reason"] = "Enter why you are changing what was already recorded";
    }

    private void AddCorrections(List<(string Field, string? Before, string? After)> changes, string? reason, int? workerId, int? enquiryId, int? householdId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (field, before, after) in changes)
            db.FosteringCorrections.Add(new FosteringCorrection
            {
                EnquiryId = enquiryId, HouseholdId = householdId, Field = field, Before = before, After = after,
                Reason = string.IsNullOrWhiteSpace(reason) ? (before is null ? "Recorded" : "") : reason.Trim(), RecordedAt = now, RecordedByWorkerId = workerId,
            });
    }

    public async Task<Dictionary<string, string>> ValidateAsync(HouseholdOptions o, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) errors[nameof(o.Kind)] = "Select mainstream or connected person";
        if (!Enum.IsDefined(o.CareType)) errors[nameof(o.CareType)] = "Select the type of care the household is approved for";
        if (string.IsNullOrWhiteSpace(o.Name)) errors[nameof(o.Name)] = "Enter the household's name";
        else if (o.Name.Length > 200) errors[nameof(o.Name)] = "The household's name must be 200 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.Postcode)) errors[nameof(o.Postcode)] = "Enter the household's postcode";
        else if (o.Postcode.Length > 10) errors[nameof(o.Postcode)] = "Postcode must be 10 characters or fewer";
        if (o.MaxChildren is < 1 or > 6) errors[nameof(o.MaxChildren)] = "Number of children must be between 1 and 6";
        if (o.AgeFrom is < 0 or > 17) errors[nameof(o.AgeFrom)] = "Youngest age must be between 0 and 17";
        if (o.AgeTo is < 0 or > 20) errors[nameof(o.AgeTo)] = "Oldest age must be between 0 and 20";
        else if (o.AgeTo < o.AgeFrom) errors[nameof(o.AgeTo)] = "Oldest age must be the same as or more than the youngest age";
        if (o.Kind == HouseholdKind.Mainstream && o.ApprovalDate is null) errors[nameof(o.ApprovalDate)] = "Enter the date the household was approved";
        if (o.Kind == HouseholdKind.ConnectedPerson && o.ApprovalDate is null && o.TemporaryApprovalDate is null)
            errors[nameof(o.TemporaryApprovalDate)] = "Enter the date of temporary approval, or of full approval";
        if (o.Kind == HouseholdKind.Mainstream && o.TemporaryApprovalDate is not null) errors[nameof(o.TemporaryApprovalDate)] = "Only connected persons have temporary approval";
        if (o.ApprovalDate > today) errors[nameof(o.ApprovalDate)] = "Approval date must be today or in the past";
        if (o.TemporaryApprovalDate > today) errors[nameof(o.TemporaryApprovalDate)] = "Temporary approval date must be today or in the past";
        if (!await db.Workers.AnyAsync(w => w.Id == o.SupervisingWorkerId, ct)) errors[nameof(o.SupervisingWorkerId)] = "Select the supervising social worker";
        if (o.EnquiryId is { } eid && !await db.RecruitmentEnquiries.AnyAsync(e => e.Id == eid && e.Kind == ApplicantKind.Fostering && e.ApprovalDate != null, ct))
            errors[nameof(o.EnquiryId)] = "There is no approved fostering enquiry with that number";
        return errors;
    }

    public async Task<FosterHousehold> AddAsync(HouseholdOptions o, CancellationToken ct, Guid? submissionId = null)
    {
        if (submissionId is { } sid && await db.FosterHouseholds.FirstOrDefaultAsync(x => x.SubmissionId == sid, ct) is { } earlier) return earlier;
        var h = new FosterHousehold { Kind = o.Kind, RecordedAt = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(), SubmissionId = submissionId };
        Apply(h, o);
        db.FosterHouseholds.Add(h);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is { } again)
        {
            db.ChangeTracker.Clear();
            return await db.FosterHouseholds.FirstAsync(x => x.SubmissionId == again, ct);
        }
        return h;
    }

    private static void Apply(FosterHousehold h, HouseholdOptions o)
    {
        h.Name = o.Name!.Trim(); h.Postcode = o.Postcode!.Trim().ToUpperInvariant(); h.EnquiryId = o.EnquiryId; h.ApprovalDate = o.ApprovalDate;
        h.TemporaryApprovalDate = o.TemporaryApprovalDate; h.MaxChildren = o.MaxChildren; h.AgeFrom = o.AgeFrom; h.AgeTo = o.AgeTo; h.CareType = o.CareType;
        h.SupervisingWorkerId = o.SupervisingWorkerId;
    }

    /// Changes a household's approval terms (or records a connected person's full approval), with
    /// the reason; each changed value is added to FosteringCorrections. The kind does not change.
    public async Task<FosteringWrite<FosterHousehold>> UpdateAsync(int householdId, HouseholdOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var h = await db.FosterHouseholds.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return FosteringWrite<FosterHousehold>.Missing();
        o = o with { Kind = h.Kind };
        var errors = await ValidateAsync(o, ct);
        var changes = new List<(string Field, string? Before, string? After)>();
        if (errors.Count == 0)
        {
            var preview = new FosterHousehold { Kind = h.Kind };
            Apply(preview, o);
            changes = Describe(h).Zip(Describe(preview)).Where(p => p.First.Value != p.Second.Value).Select(p => (p.First.Field, p.First.Value, p.Second.Value)).ToList();
        }
        if (errors.Count == 0 && version != h.Version) return FosteringWrite<FosterHousehold>.Stale(h);
        if (changes.Count > 0 && string.IsNullOrWhiteSpace(reason)) errors["Reason"] = "Enter why the approval terms are changing";
        else if (reason is { Length: > MaxReason }) errors["Reason"] = $"The reason must be {MaxReason} characters or fewer";
        if (errors.Count > 0) return FosteringWrite<FosterHousehold>.Invalid(errors);
        if (changes.Count == 0) return FosteringWrite<FosterHousehold>.Ok(h);
        Apply(h, o);
        h.Version = Guid.NewGuid();
        AddCorrections(changes, reason, workerId, enquiryId: null, householdId: h.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<FosterHousehold>.Stale(await db.FosterHouseholds.AsNoTracking().FirstAsync(x => x.Id == householdId, ct));
        }
        return FosteringWrite<FosterHousehold>.Ok(h);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Dictionary<string, string> Validate(VisitOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (o.VisitDate is null) errors[nameof(o.VisitDate)] = "Enter the date of the visit";
        else if (o.VisitDate > Today) errors[nameof(o.VisitDate)] = "The visit date must be today or in the past";
        if (o.Notes is { Length: > 4000 }) errors[nameof(o.Notes)] = "Notes must be 4000 characters or fewer";
        return errors;
    }

    public Dictionary<string, string> Validate(TrainingOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(o.Course)) errors[nameof(o.Course)] = "Enter the course";
        else if (o.Course.Length > 200) errors[nameof(o.Course)] = "The course must be 200 characters or fewer";
        if (o.CompletedDate > Today) errors[nameof(o.CompletedDate)] = "The date completed must be today or in the past";
        if (o.CompletedDate is null && o.RequiredBy is null) errors[nameof(o.RequiredBy)] = "Enter when the course is required by, or when it was completed";
        return errors;
    }

    public Dictionary<string, string> Validate(CarerReviewOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (o.ReviewDate is null) errors[nameof(o.ReviewDate)] = "Enter the date of the review";
        else if (o.ReviewDate > Today) errors[nameof(o.ReviewDate)] = "The review date must be today or in the past";
        if (o.Summary is { Length: > 4000 }) errors[nameof(o.Summary)] = "The summary must be 4000 characters or fewer";
        return errors;
    }

    public Dictionary<string, string> Validate(FeedbackOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (o.GivenDate is null) errors[nameof(o.GivenDate)] = "Enter the date of the feedback";
        else if (o.GivenDate > Today) errors[nameof(o.GivenDate)] = "The date must be today or in the past";
        if (o.SupportRating is not (>= 1 and <= 5)) errors[nameof(o.SupportRating)] = "Rate the support from 1 to 5";
        if (o.TrainingRating is not (>= 1 and <= 5)) errors[nameof(o.TrainingRating)] = "Rate the training from 1 to 5";
        if (o.Comments is { Length: > 4000 }) errors[nameof(o.Comments)] = "Comments must be 4000 characters or fewer";
        return errors;
    }

    public Task<FosteringWrite<SupervisionVisit>> AddAsync(int householdId, VisitOptions o, int workerId, Guid? submissionId, CancellationToken ct) =>
        AddRowAsync(householdId, Validate(o), submissionId, db.SupervisionVisits, x => x.SubmissionId == submissionId,
            () => new SupervisionVisit { HouseholdId = householdId, VisitDate = o.VisitDate!.Value, Unannounced = o.Unannounced, Notes = o.Notes?.Trim() ?? "", WorkerId = workerId, SubmissionId = submissionId }, ct);

    public Task<FosteringWrite<CarerTraining>> AddAsync(int householdId, TrainingOptions o, Guid? submissionId, CancellationToken ct) =>
        AddRowAsync(householdId, Validate(o), submissionId, db.CarerTraining, x => x.SubmissionId == submissionId,
            () => new CarerTraining { HouseholdId = householdId, Course = o.Course!.Trim(), RequiredBy = o.RequiredBy, CompletedDate = o.CompletedDate, SubmissionId = submissionId }, ct);

    public Task<FosteringWrite<CarerReview>> AddAsync(int householdId, CarerReviewOptions o, Guid? submissionId, CancellationToken ct) =>
        AddRowAsync(householdId, Validate(o), submissionId, db.CarerReviews, x => x.SubmissionId == submissionId,
            () => new CarerReview { HouseholdId = householdId, ReviewDate = o.ReviewDate!.Value, ToPanel = o.ToPanel, ApprovalContinues = o.ApprovalContinues, Summary = o.Summary?.Trim() ?? "", SubmissionId = submissionId }, ct);

    public Task<FosteringWrite<CarerFeedback>> AddAsync(int householdId, FeedbackOptions o, Guid? submissionId, CancellationToken ct) =>
        AddRowAsync(householdId, Validate(o), submissionId, db.CarerFeedback, x => x.SubmissionId == submissionId,
            () => new CarerFeedback { HouseholdId = householdId, GivenDate = o.GivenDate!.Value, SupportRating = o.SupportRating!.Value, TrainingRating = o.TrainingRating!.Value, Comments = o.Comments?.Trim() ?? "", SubmissionId = submissionId }, ct);

    /// Adopters' training (preparation groups, second-time adopters' refresher) belongs to their funnel record.
    public Task<FosteringWrite<CarerTraining>> AddAdopterTrainingAsync(int enquiryId, TrainingOptions o, Guid? submissionId, CancellationToken ct) =>
        AddRowAsync(() => db.RecruitmentEnquiries.AnyAsync(e => e.Id == enquiryId && e.Kind == ApplicantKind.Adoption, ct), Validate(o), submissionId, db.CarerTraining, x => x.SubmissionId == submissionId,
            () => new CarerTraining { EnquiryId = enquiryId, Course = o.Course!.Trim(), RequiredBy = o.RequiredBy, CompletedDate = o.CompletedDate, SubmissionId = submissionId }, ct);

    private Task<FosteringWrite<T>> AddRowAsync<T>(int householdId, Dictionary<string, string> errors, Guid? submissionId, DbSet<T> set,
        System.Linq.Expressions.Expression<Func<T, bool>> sameSubmission, Func<T> build, CancellationToken ct) where T : class =>
        AddRowAsync(() => db.FosterHouseholds.AnyAsync(h => h.Id == householdId, ct), errors, submissionId, set, sameSubmission, build, ct);

    /// Adds one row in one save; the same submission twice gives the first row back.
    private async Task<FosteringWrite<T>> AddRowAsync<T>(Func<Task<bool>> exists, Dictionary<string, string> errors, Guid? submissionId, DbSet<T> set,
        System.Linq.Expressions.Expression<Func<T, bool>> sameSubmission, Func<T> build, CancellationToken ct) where T : class
    {
        if (!await exists()) return FosteringWrite<T>.Missing();
        if (submissionId is not null && await set.FirstOrDefaultAsync(sameSubmission, ct) is { } earlier) return FosteringWrite<T>.Ok(earlier);
        if (errors.Count > 0) return FosteringWrite<T>.Invalid(errors);
        var row = build();
        set.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is not null)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<T>.Ok(await set.FirstAsync(sameSubmission, ct));
        }
        return FosteringWrite<T>.Ok(row);
    }

    public Dictionary<string, string> Validate(SupportOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (o.Kind is null || !Enum.IsDefined(o.Kind.Value)) errors[nameof(o.Kind)] = "Select the kind of support";
        if (o.StartDate is null) errors[nameof(o.StartDate)] = "Enter the date the support started";
        else if (o.StartDate > Today) errors[nameof(o.StartDate)] = "The date the support started must be today or in the past";
        if (string.IsNullOrWhiteSpace(o.Description)) errors[nameof(o.Description)] = "Describe the support";
        else if (o.Description.Length > 1000) errors[nameof(o.Description)] = "The description must be 1000 characters or fewer";
        return errors;
    }

    /// Support received by special guardians (under the child's special guardianship order) or, after
    /// an adoption order, by adopters (their funnel record, so the adopted child is not named). Added, never rewritten.
    public async Task<FosteringWrite<GuardianSupport>> AddSupportAsync(int? specialGuardianshipId, int? adopterEnquiryId, SupportOptions o, int? workerId,
        Guid? submissionId, CancellationToken ct)
    {
        var exists = specialGuardianshipId is { } sg ? await db.SpecialGuardianships.AnyAsync(x => x.Id == sg, ct)
            : adopterEnquiryId is { } ae && await db.RecruitmentEnquiries.AnyAsync(x => x.Id == ae && x.Kind == ApplicantKind.Adoption && x.ApprovalDate != null, ct);
        if (!exists) return FosteringWrite<GuardianSupport>.Missing();
        if (submissionId is { } sid && await db.GuardianSupport.FirstOrDefaultAsync(x => x.SubmissionId == sid, ct) is { } earlier) return FosteringWrite<GuardianSupport>.Ok(earlier);
        var errors = Validate(o);
        if (errors.Count > 0) return FosteringWrite<GuardianSupport>.Invalid(errors);
        var row = new GuardianSupport
        {
            SpecialGuardianshipId = specialGuardianshipId, AdopterEnquiryId = specialGuardianshipId is null ? adopterEnquiryId : null, Kind = o.Kind!.Value,
            StartDate = o.StartDate!.Value, Description = o.Description!.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = workerId, SubmissionId = submissionId,
        };
        db.GuardianSupport.Add(row);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is { } again)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<GuardianSupport>.Ok(await db.GuardianSupport.FirstAsync(x => x.SubmissionId == again, ct));
        }
        return FosteringWrite<GuardianSupport>.Ok(row);
    }

    // Corrections of rows already recorded about a household. The row holds the corrected values;
    // each changed value is added to FosteringCorrections (before, after, reason, who, when). A reason
    // is needed when a value already recorded changes; a form read before someone else's correction is
    // refused with what is saved now.

    public static IReadOnlyList<(string Field, string? Value)> Describe(SupervisionVisit v) =>
        [("Date", D(v.VisitDate)), ("Unannounced", v.Unannounced ? "Yes" : "No"), ("Notes", Blank(v.Notes))];

    public static IReadOnlyList<(string Field, string? Value)> Describe(CarerTraining t) =>
        [("Course", t.Course), ("Required by", D(t.RequiredBy)), ("Completed", D(t.CompletedDate))];

    public static IReadOnlyList<(string Field, string? Value)> Describe(CarerReview r) =>
        [("Date", D(r.ReviewDate)), ("To panel", r.ToPanel ? "Yes" : "No"), ("Approval continues", r.ApprovalContinues ? "Yes" : "No"), ("Summary", Blank(r.Summary))];

    public static IReadOnlyList<(string Field, string? Value)> Describe(CarerFeedback f) =>
        [("Date", D(f.GivenDate)), ("Support rating", f.SupportRating.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         ("Training rating", f.TrainingRating.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Comments", Blank(f.Comments))];

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public async Task<FosteringWrite<SupervisionVisit>> CorrectAsync(int householdId, int visitId, VisitOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var row = await db.SupervisionVisits.FirstOrDefaultAsync(x => x.Id == visitId && x.HouseholdId == householdId, ct);
        return await CorrectRowAsync(row, Validate(o), version, reason, workerId, householdId, r => $"Supervision visit of {D(r.VisitDate)}", Describe,
            r => { r.VisitDate = o.VisitDate!.Value; r.Unannounced = o.Unannounced; r.Notes = o.Notes?.Trim() ?? ""; }, ct);
    }

    public async Task<FosteringWrite<CarerTraining>> CorrectAsync(int householdId, int trainingId, TrainingOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var row = await db.CarerTraining.FirstOrDefaultAsync(x => x.Id == trainingId && x.HouseholdId == householdId, ct);
        return await CorrectRowAsync(row, Validate(o), version, reason, workerId, householdId, r => $"Training: {r.Course}", Describe,
            r => { r.Course = o.Course!.Trim(); r.RequiredBy = o.RequiredBy; r.CompletedDate = o.CompletedDate; }, ct);
    }

    public async Task<FosteringWrite<CarerReview>> CorrectAsync(int householdId, int reviewId, CarerReviewOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var row = await db.CarerReviews.FirstOrDefaultAsync(x => x.Id == reviewId && x.HouseholdId == householdId, ct);
        return await CorrectRowAsync(row, Validate(o), version, reason, workerId, householdId, r => $"Annual review of {D(r.ReviewDate)}", Describe,
            r => { r.ReviewDate = o.ReviewDate!.Value; r.ToPanel = o.ToPanel; r.ApprovalContinues = o.ApprovalContinues; r.Summary = o.Summary?.Trim() ?? ""; }, ct);
    }

    public async Task<FosteringWrite<CarerFeedback>> CorrectAsync(int householdId, int feedbackId, FeedbackOptions o, Guid version, string? reason, int? workerId, CancellationToken ct)
    {
        var row = await db.CarerFeedback.FirstOrDefaultAsync(x => x.Id == feedbackId && x.HouseholdId == householdId, ct);
        return await CorrectRowAsync(row, Validate(o), version, reason, workerId, householdId, r => $"Feedback of {D(r.GivenDate)}", Describe,
            r => { r.GivenDate = o.GivenDate!.Value; r.SupportRating = o.SupportRating!.Value; r.TrainingRating = o.TrainingRating!.Value; r.Comments = o.Comments?.Trim() ?? ""; }, ct);
    }

    private async Task<FosteringWrite<T>> CorrectRowAsync<T>(T? row, Dictionary<string, string> errors, Guid version, string? reason, int? workerId, int householdId,
        Func<T, string> what, Func<T, IReadOnlyList<(string Field, string? Value)>> describe, Action<T> apply, CancellationToken ct) where T : class, IVersioned
    {
        if (row is null) return FosteringWrite<T>.Missing();
        if (errors.Count == 0 && version != row.Version) return FosteringWrite<T>.Stale(row);
        if (errors.Count > 0) return FosteringWrite<T>.Invalid(errors);
        var entry = db.Entry(row);
        var label = what(row);
        var before = describe(row);
        apply(row);
        var changes = before.Zip(describe(row)).Where(p => p.First.Value != p.Second.Value)
            .Select(p => (Field: Fit($"{label}: {p.First.Field}", 100)!, Before: p.First.Value, After: p.Second.Value)).ToList();
        ReasonRule(errors, changes, reason);
        if (errors.Count > 0 || changes.Count == 0)
        {
            entry.CurrentValues.SetValues(entry.OriginalValues);
            return errors.Count > 0 ? FosteringWrite<T>.Invalid(errors) : FosteringWrite<T>.Ok(row);
        }
        entry.Property(nameof(IVersioned.Version)).OriginalValue = version;
        AddCorrections(changes.Select(c => (c.Field, Fit(c.Before, 1000), Fit(c.After, 1000))).ToList(), reason, workerId, enquiryId: null, householdId: householdId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var id = (int)entry.Property("Id").CurrentValue!;
            return FosteringWrite<T>.Stale(await db.Set<T>().AsNoTracking().FirstAsync(x => EF.Property<int>(x, "Id") == id, ct));
        }
        return FosteringWrite<T>.Ok(row);
    }

    private static string? Fit(string? s, int max) => s is { } v && v.Length > max ? v[..(max - 1)] + "…" : s;

    // Special guardianship orders, recorded with the support plan agreed with the guardians.

    public Dictionary<string, string> Validate(SpecialGuardianshipOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(o.GuardianNames)) errors[nameof(o.GuardianNames)] = "Enter the special guardians' names";
        else if (o.GuardianNames.Trim().Length > 200) errors[nameof(o.GuardianNames)] = "The names must be 200 characters or fewer";
        if (o.OrderDate is null) errors[nameof(o.OrderDate)] = "Enter the date of the special guardianship order";
        else if (o.OrderDate > Today) errors[nameof(o.OrderDate)] = "The date of the order must be today or in the past";
        if (string.IsNullOrWhiteSpace(o.SupportPlan)) errors[nameof(o.SupportPlan)] = "Describe the support plan agreed with the special guardians";
        else if (o.SupportPlan.Length > 4000) errors[nameof(o.SupportPlan)] = "The support plan must be 4000 characters or fewer";
        if (o.AgreedSupport.Any(k => !Enum.IsDefined(k))) errors[nameof(o.AgreedSupport)] = "Select the support agreed from the list";
        return errors;
    }

    /// Records a special guardianship order for a child, its support plan, and each kind of support
    /// the plan agrees as starting on the order date: one save, once per submission.
    public async Task<FosteringWrite<SpecialGuardianship>> AddSpecialGuardianshipAsync(int childId, SpecialGuardianshipOptions o, int? workerId, Guid? submissionId, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.DateOfBirth }).FirstOrDefaultAsync(ct);
        if (child is null) return FosteringWrite<SpecialGuardianship>.Missing();
        if (submissionId is { } sid && await db.SpecialGuardianships.FirstOrDefaultAsync(x => x.SubmissionId == sid && x.ChildId == childId, ct) is { } earlier)
            return FosteringWrite<SpecialGuardianship>.Ok(earlier);
        var errors = Validate(o);
        if (!errors.ContainsKey(nameof(o.OrderDate)) && child.DateOfBirth is { } dob && o.OrderDate < dob)
            errors[nameof(o.OrderDate)] = "The date of the order must be on or after the child's date of birth";
        if (errors.Count > 0) return FosteringWrite<SpecialGuardianship>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new SpecialGuardianship
        {
            ChildId = childId, GuardianNames = o.GuardianNames!.Trim(), OrderDate = o.OrderDate!.Value, SupportPlan = o.SupportPlan!.Trim(),
            RecordedAt = now, RecordedByWorkerId = workerId, SubmissionId = submissionId,
        };
        foreach (var kind in o.AgreedSupport.Distinct())
            order.Support.Add(new GuardianSupport { Kind = kind, StartDate = order.OrderDate, Description = "Agreed in the special guardianship support plan", RecordedAt = now, RecordedByWorkerId = workerId });
        db.SpecialGuardianships.Add(order);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is { } again)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<SpecialGuardianship>.Ok(await db.SpecialGuardianships.FirstAsync(x => x.SubmissionId == again, ct));
        }
        return FosteringWrite<SpecialGuardianship>.Ok(order);
    }

    // Deregistration (soft: the household and its history stay) and the children placed with a household.

    public async Task<FosteringWrite<FosterHousehold>> DeregisterAsync(int householdId, DeregisterOptions o, Guid version, int? workerId, CancellationToken ct)
    {
        var h = await db.FosterHouseholds.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return FosteringWrite<FosterHousehold>.Missing();
        var errors = new Dictionary<string, string>();
        var from = h.ApprovalDate ?? h.TemporaryApprovalDate;
        if (h.DeregisteredDate is { } already) errors[nameof(o.Date)] = $"This household was deregistered on {D(already)}";
        else if (o.Date is null) errors[nameof(o.Date)] = "Enter the date the household was deregistered";
        else if (o.Date > Today) errors[nameof(o.Date)] = "The date of deregistration must be today or in the past";
        else if (from is { } f && o.Date < f) errors[nameof(o.Date)] = $"The date of deregistration must be on or after the approval on {D(f)}";
        else
        {
            var date = o.Date.Value;
            var placed = await (from link in db.HouseholdPlacements
                                join p in db.Set<ChildrenLookedAfter.Placement>() on link.PlacementId equals p.Id
                                where link.HouseholdId == householdId && (p.EndDate == null || p.EndDate > date)
                                select p.Id).AnyAsync(ct);
            if (placed) errors[nameof(o.Date)] = "A child is still placed with this household on that date: end the placement first";
        }
        if (o.Reason is null || !Enum.IsDefined(o.Reason.Value)) errors[nameof(o.Reason)] = "Select why the household is deregistered";
        if (string.IsNullOrWhiteSpace(o.Details)) errors[nameof(o.Details)] = "Give the reason for deregistration in your own words";
        else if (o.Details.Length > MaxReason) errors[nameof(o.Details)] = $"The reason must be {MaxReason} characters or fewer";
        if (errors.Count == 0 && version != h.Version) return FosteringWrite<FosterHousehold>.Stale(h);
        if (errors.Count > 0) return FosteringWrite<FosterHousehold>.Invalid(errors);
        h.DeregisteredDate = o.Date; h.DeregisteredReasonKind = o.Reason; h.DeregisteredReason = o.Details!.Trim();
        db.Entry(h).Property(x => x.Version).OriginalValue = version;
        AddCorrections([("Deregistered", null, D(o.Date)), ("Reason for deregistration", null, o.Reason!.Value.ToString())], h.DeregisteredReason, workerId, enquiryId: null, householdId: h.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<FosterHousehold>.Stale(await db.FosterHouseholds.AsNoTracking().FirstAsync(x => x.Id == householdId, ct));
        }
        return FosteringWrite<FosterHousehold>.Ok(h);
    }

    /// Links a placement recorded on a child's period of care to the household caring for the child.
    public async Task<FosteringWrite<HouseholdPlacement>> LinkPlacementAsync(int householdId, int? placementId, CancellationToken ct)
    {
        var h = await db.FosterHouseholds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return FosteringWrite<HouseholdPlacement>.Missing();
        var placement = placementId is { } pid ? await db.Set<ChildrenLookedAfter.Placement>().AsNoTracking().Where(p => p.Id == pid)
            .Select(p => new { p.Id, p.ChildId, p.StartDate }).FirstOrDefaultAsync(ct) : null;
        var errors = new Dictionary<string, string>();
        if (placement is null) errors["PlacementId"] = "Select the placement with this household";
        else if (await db.HouseholdPlacements.AnyAsync(x => x.PlacementId == placement.Id, ct)) errors["PlacementId"] = "That placement is already linked to a household";
        else if (h.DeregisteredDate is { } gone && placement.StartDate >= gone) errors["PlacementId"] = $"The household was deregistered on {D(gone)}, before the placement started";
        if (errors.Count > 0) return FosteringWrite<HouseholdPlacement>.Invalid(errors);
        var link = new HouseholdPlacement { HouseholdId = householdId, PlacementId = placement!.Id, ChildId = placement.ChildId };
        db.HouseholdPlacements.Add(link);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return FosteringWrite<HouseholdPlacement>.Invalid(new Dictionary<string, string> { ["PlacementId"] = "That placement is already linked to a household" });
        }
        return FosteringWrite<HouseholdPlacement>.Ok(link);
    }
}
