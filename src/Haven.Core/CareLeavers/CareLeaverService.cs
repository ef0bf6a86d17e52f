using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CareLeavers;

public sealed record CareLeaverResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static CareLeaverResult Fail(Dictionary<string, string> errors) => new(null, errors);
    public static CareLeaverResult Ok(int id) => new(id, new Dictionary<string, string>());
}

public sealed record SignificantChangeOptions(int ChildId, SignificantChangeKind? Kind, DateOnly EventDate, string? Details, Guid? SubmissionId);
public sealed record PathwayReviewOptions(int ChildId, DateOnly ReviewDate, string? Summary, Guid? SubmissionId);
public sealed record PathwayPlanOptions(int ChildId, DateOnly? NeedsAssessmentDate, DateOnly? AgreedDate,
    IReadOnlyDictionary<PathwayDimension, string?> Dimensions, Guid? Version);
public sealed record ContactOptions(int ChildId, DateOnly ContactDate, ContactMethod? Method, string? Summary, Guid? SubmissionId);
/// Version: the answer the form was read at (Guid.Empty when there was none yet); null (API callers
/// that do not send one) records the answer whatever is saved.
public sealed record BirthdayOptions(int ChildId, int Age, string? InTouchCode, string? ActivityCode, string? AccommodationCode, Guid? Version = null);
public sealed record DocumentOptions(int ChildId, CareLeaverDocumentKind Kind, bool Held);
public sealed record StayingPutOptions(int ChildId, string? CarerName, DateOnly StartDate, DateOnly? EndDate, Guid? SubmissionId);
public sealed record EetDiscussionOptions(int ChildId, DateOnly PanelDate, string? OptionsConsidered, string? Action, int ActionOwnerWorkerId,
    DateOnly ActionDue, string? Outcome, DateOnly? OutcomeDate, Guid? SubmissionId);

/// Care leavers' records: eligibility from the care history, pathway plans, reviews and the
/// significant changes that prompt them, contacts, birthdays (903 OC3), staying put, documents and
/// the EET panel. The pages and the API both go through here; each write is one SaveChanges.
public sealed class CareLeaverService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = 4000;
    public static readonly CodeList InTouch = CodeList.Load("903_in_touch");
    public static readonly CodeList Activity = CodeList.Load("903_activity");
    public static readonly CodeList Accommodation = CodeList.Load("903_accommodation");
    /// 903 REC codes for a special guardianship order, which makes a young person qualifying.
    public static readonly IReadOnlySet<string> SpecialGuardianshipCodes = new HashSet<string> { "E45", "E46", "E47", "E48" };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Each child's care history as stays: from the current SSDA903 episodes where periods of care
    /// are recorded, otherwise from InCare involvements.
    public async Task<IReadOnlyDictionary<int, List<CareStay>>> CareHistoriesAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => childIds.Contains(e.ChildId) && e.SupersededAt == null)
            .Select(e => new { e.ChildId, e.StartDate, e.EndDate, e.LegalStatusCode, e.ReasonEpisodeCeasedCode }).ToListAsync(ct);
        var involvements = await db.Involvements.AsNoTracking().Where(i => childIds.Contains(i.ChildId) && i.Kind == InvolvementKind.InCare)
            .Select(i => new { i.ChildId, i.StartDate, i.EndDate }).ToListAsync(ct);
        var result = new Dictionary<int, List<CareStay>>();
        foreach (var g in episodes.GroupBy(e => e.ChildId))
            result[g.Key] = g.OrderBy(e => e.StartDate).Select(e => new CareStay(e.StartDate, e.EndDate, e.LegalStatusCode is "V3" or "V4",
                e.ReasonEpisodeCeasedCode is { } rec && SpecialGuardianshipCodes.Contains(rec))).ToList();
        foreach (var g in involvements.GroupBy(i => i.ChildId).Where(g => !result.ContainsKey(g.Key)))
            result[g.Key] = g.OrderBy(i => i.StartDate).Select(i => new CareStay(i.StartDate, i.EndDate)).ToList();
        return result;
    }

    public async Task<IReadOnlyDictionary<int, EligibilityResult>> EligibilityAsync(IReadOnlyCollection<int> childIds, DateOnly asOf, CancellationToken ct)
    {
        var dobs = await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id) && p.DateOfBirth != null)
            .Select(p => new { p.Id, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth!.Value, ct);
        var histories = await CareHistoriesAsync(childIds, ct);
        return dobs.ToDictionary(d => d.Key, d => Eligibility.On(d.Value, histories.TryGetValue(d.Key, out var h) ? h : [], asOf));
    }

    /// Young people who may be care leavers now: an open leaving-care involvement, or aged 16 to 24
    /// with any care history. Their status is then worked out from the history.
    public IQueryable<int> Candidates(DateOnly asOf) => Candidates(asOf, asOf);

    /// The candidates on any date from first to last (for a trend over those dates).
    public IQueryable<int> Candidates(DateOnly first, DateOnly last)
    {
        var born25 = first.AddYears(-25);
        var born16 = last.AddYears(-16);
        return db.People.Where(p => p.DateOfBirth != null && p.DateOfBirth > born25 && p.DateOfBirth <= born16
                && (db.Involvements.Any(i => i.ChildId == p.Id && (i.Kind == InvolvementKind.CareLeaver || i.Kind == InvolvementKind.InCare))
                    || db.PeriodsOfCare.Any(c => c.ChildId == p.Id)))
            .Select(p => p.Id);
    }

    public async Task<CareLeaverResult> RecordChangeAsync(SignificantChangeOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.SignificantChanges.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } existing)
            return CareLeaverResult.Ok(existing.Id);
        var errors = new Dictionary<string, string>();
        if (o.Kind is null || !Enum.IsDefined(o.Kind.Value)) errors["Kind"] = "Select what changed";
        DateIn(errors, "EventDate", "Date of the change", o.EventDate);
        Text(errors, "Details", "Details", o.Details, required: o.Kind == SignificantChangeKind.Other ? "Enter what changed" : null);
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var change = new SignificantChange
        {
            ChildId = o.ChildId, Kind = o.Kind!.Value, EventDate = o.EventDate, Details = o.Details?.Trim() ?? "",
            RecordedAt = Now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.SignificantChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(change.Id);
    }

    /// A pathway plan review; the leaving-care involvement's last review follows it so the
    /// platform's summary agrees.
    public async Task<CareLeaverResult> RecordReviewAsync(PathwayReviewOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.PathwayReviews.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionId == sid, ct) is { } existing)
            return CareLeaverResult.Ok(existing.Id);
        var errors = new Dictionary<string, string>();
        DateIn(errors, "ReviewDate", "Date of the review", o.ReviewDate);
        Text(errors, "Summary", "What the review found and changed", o.Summary, required: "Enter what the review found and what changed in the plan");
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var review = new PathwayReview
        {
            ChildId = o.ChildId, ReviewDate = o.ReviewDate, ReviewedByWorkerId = by.WorkerId, Summary = o.Summary!.Trim(),
            RecordedAt = Now, SubmissionId = o.SubmissionId,
        };
        db.PathwayReviews.Add(review);
        foreach (var i in await db.Involvements.Where(i => i.ChildId == o.ChildId && i.Kind == InvolvementKind.CareLeaver && i.EndDate == null).ToListAsync(ct))
        {
            i.ReviewsHeld++;
            if (i.LastReviewDate is null || i.LastReviewDate < o.ReviewDate) i.LastReviewDate = o.ReviewDate;
        }
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(review.Id);
    }

    public async Task<CareLeaverResult> SavePlanAsync(PathwayPlanOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (o.NeedsAssessmentDate is { } n) DateIn(errors, "NeedsAssessmentDate", "Date of the needs assessment", n);
        if (o.AgreedDate is { } a)
        {
            DateIn(errors, "AgreedDate", "Date the plan was agreed", a);
            if (o.NeedsAssessmentDate is null) errors["NeedsAssessmentDate"] = "Enter the date of the needs assessment the plan is built on";
            else if (a < o.NeedsAssessmentDate) errors["AgreedDate"] = "Date the plan was agreed must be on or after the needs assessment";
        }
        foreach (var d in Enum.GetValues<PathwayDimension>())
            Text(errors, d.ToString(), PathwayPlan.Describe(d), o.Dimensions.GetValueOrDefault(d), required: null);
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var plan = await db.PathwayPlans.FirstOrDefaultAsync(p => p.ChildId == o.ChildId, ct);
        if (plan is null)
        {
            plan = new PathwayPlan { ChildId = o.ChildId };
            db.PathwayPlans.Add(plan);
        }
        else if (o.Version is { } v && v != plan.Version)
            return CareLeaverResult.Fail(new() { ["Version"] = "Someone else changed this pathway plan while you were editing it" });
        // Outcomes, actions and contingency live in the shared Plan (kind Pathway), once it has been started.
        plan.PlanId ??= await db.Plans.Where(p => p.ChildId == o.ChildId && p.Kind == Haven.Core.Plans.PlanKind.Pathway && p.EndDate == null)
            .OrderByDescending(p => p.StartDate).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        plan.NeedsAssessmentDate = o.NeedsAssessmentDate;
        plan.AgreedDate = o.AgreedDate;
        foreach (var d in Enum.GetValues<PathwayDimension>()) plan[d] = o.Dimensions.GetValueOrDefault(d)?.Trim() ?? "";
        plan.RecordedAt = Now;
        plan.RecordedByWorkerId = by.WorkerId;
        plan.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CareLeaverResult.Fail(new() { ["Version"] = "Someone else changed this pathway plan while you were editing it" });
        }
        return CareLeaverResult.Ok(plan.Id);
    }

    public async Task<CareLeaverResult> RecordContactAsync(ContactOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.CareLeaverContacts.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } existing)
            return CareLeaverResult.Ok(existing.Id);
        var errors = new Dictionary<string, string>();
        DateIn(errors, "ContactDate", "Date of the contact", o.ContactDate);
        if (o.Method is null || !Enum.IsDefined(o.Method.Value)) errors["Method"] = "Select how you were in contact";
        Text(errors, "Summary", "Summary", o.Summary, required: "Enter a summary of the contact");
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var contact = new CareLeaverContact
        {
            ChildId = o.ChildId, ContactDate = o.ContactDate, Method = o.Method!.Value, WorkerId = by.WorkerId,
            Summary = o.Summary!.Trim(), RecordedAt = Now, SubmissionId = o.SubmissionId,
        };
        db.CareLeaverContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(contact.Id);
    }

    /// Records (or corrects) what the 903 asks about one birthday. Not in touch (or died, refused,
    /// no longer needs services, went home) means activity and accommodation "0" (903 rules 344/345).
    public const string BirthdayConflict = "Someone else recorded this birthday while you were editing it. Their answer is saved and shown below; yours is in the form: save again to replace theirs";

    public async Task<CareLeaverResult> RecordBirthdayAsync(BirthdayOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var dob = await db.People.Where(p => p.Id == o.ChildId).Select(p => p.DateOfBirth).FirstOrDefaultAsync(ct);
        if (o.Age is < 17 or > 25) errors["Age"] = "Select a birthday from the 17th to the 25th";
        else if (dob is { } d && d.AddYears(o.Age).AddMonths(-3) > Today) errors["Age"] = "That birthday is more than 3 months away";
        var inTouch = o.InTouchCode?.Trim().ToUpperInvariant();
        if (inTouch is null || !InTouch.Contains(inTouch)) errors["InTouchCode"] = "Select whether the council is in touch";
        var activity = o.ActivityCode?.Trim().ToUpperInvariant();
        var accommodation = o.AccommodationCode?.Trim().ToUpperInvariant();
        if (inTouch == "YES")
        {
            if (activity is null || activity == "0" || !Activity.Contains(activity)) errors["ActivityCode"] = "Select the young person's main activity";
            if (accommodation is null || accommodation == "0" || !Accommodation.Contains(accommodation)) errors["AccommodationCode"] = "Select the type of accommodation and whether it is suitable";
        }
        else if (inTouch is not null && errors.Count == 0)
        {
            if (activity is { Length: > 0 } and not "0") errors["ActivityCode"] = "Leave the activity as not known when the council is not in touch";
            if (accommodation is { Length: > 0 } and not "0") errors["AccommodationCode"] = "Leave the accommodation as not known when the council is not in touch";
        }
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var row = await db.BirthdayReturns.FirstOrDefaultAsync(r => r.ChildId == o.ChildId && r.Age == o.Age, ct);
        // Changing an answer already recorded needs the version it was read at (Guid.Empty: read
        // when there was none); without one it could overwrite someone else's answer unseen.
        if (row is not null && o.Version is null) return CareLeaverResult.Fail(new() { ["Version"] = BirthdayVersionRequired });
        if (o.Version is { } read && (row?.Version ?? Guid.Empty) != read)
            return CareLeaverResult.Fail(new() { ["InTouchCode"] = BirthdayConflict });
        if (row is null) db.BirthdayReturns.Add(row = new BirthdayReturn { ChildId = o.ChildId, Age = o.Age });
        else db.Entry(row).Property(r => r.Version).OriginalValue = o.Version ?? row.Version;
        row.InTouchCode = inTouch!;
        row.ActivityCode = inTouch == "YES" ? activity! : "0";
        row.AccommodationCode = inTouch == "YES" ? accommodation! : "0";
        row.RecordedAt = Now;
        row.RecordedByWorkerId = by.WorkerId;
        row.Version = Guid.NewGuid();
        // Another writer between the read above and this save: the same conflict, nothing saved.
        if (!await db.TrySaveChangesAsync(ct)) return CareLeaverResult.Fail(new() { ["InTouchCode"] = BirthdayConflict });
        return CareLeaverResult.Ok(row.Id);
    }

    public const string BirthdayVersionRequired = "This birthday is already recorded: send the version you read (birthdays[].version) to change it";
    public const string DocumentsVersionRequired = "Documents are already recorded: send the version you read (documentsVersion) to change them";

    public const string DocumentsConflict = "Someone else changed the documents while you were editing them. What they saved is shown below; your choice is in the form: save again to replace theirs";

    /// One token for the set of document rows a form was read at (they are saved all at once).
    public static string DocumentsStamp(IEnumerable<CareLeaverDocument> rows) =>
        string.Join('.', rows.OrderBy(r => r.Kind).Select(r => r.Version.ToString("N")[..12]));

    /// Sets which documents the young person holds, all at once.
    /// Stamp: the documents' versions as the form or API caller read them (DocumentsStamp; "" when
    /// none were recorded). Null is refused once any are recorded: it could overwrite unseen.
    public async Task<CareLeaverResult> SetDocumentsAsync(int childId, IReadOnlyCollection<CareLeaverDocumentKind> held, CancellationToken ct = default, string? stamp = null)
    {
        var rows = await db.CareLeaverDocuments.Where(d => d.ChildId == childId).ToListAsync(ct);
        if (stamp is null && rows.Count > 0) return CareLeaverResult.Fail(new() { ["Version"] = DocumentsVersionRequired });
        if (stamp is not null && stamp != DocumentsStamp(rows))
            return CareLeaverResult.Fail(new() { ["Held"] = DocumentsConflict });
        foreach (var row in rows) db.Entry(row).Property(r => r.Version).OriginalValue = row.Version;
        foreach (var kind in Enum.GetValues<CareLeaverDocumentKind>())
        {
            var row = rows.FirstOrDefault(r => r.Kind == kind);
            var isHeld = held.Contains(kind);
            if (row is null) db.CareLeaverDocuments.Add(new CareLeaverDocument { ChildId = childId, Kind = kind, Held = isHeld, CheckedDate = Today, RecordedAt = Now, Version = Guid.NewGuid() });
            else { row.Held = isHeld; row.CheckedDate = Today; row.RecordedAt = Now; row.Version = Guid.NewGuid(); }
        }
        if (!await db.TrySaveChangesAsync(ct)) return CareLeaverResult.Fail(new() { ["Held"] = DocumentsConflict });
        return CareLeaverResult.Ok(childId);
    }

    public async Task<CareLeaverResult> AddStayingPutAsync(StayingPutOptions o, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.StayingPutArrangements.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } existing)
            return CareLeaverResult.Ok(existing.Id);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(o.CarerName)) errors["CarerName"] = "Enter the former foster carers' names";
        else if (o.CarerName.Length > 200) errors["CarerName"] = "Carers' names must be 200 characters or fewer";
        DateIn(errors, "StartDate", "Start date", o.StartDate);
        if (o.EndDate is { } end && end < o.StartDate) errors["EndDate"] = "End date must be on or after the start date";
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var row = new StayingPut { ChildId = o.ChildId, CarerName = o.CarerName!.Trim(), StartDate = o.StartDate, EndDate = o.EndDate, RecordedAt = Now, SubmissionId = o.SubmissionId };
        db.StayingPutArrangements.Add(row);
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(row.Id);
    }

    public async Task<CareLeaverResult> AddEetDiscussionAsync(EetDiscussionOptions o, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.EetPanelDiscussions.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } existing)
            return CareLeaverResult.Ok(existing.Id);
        var errors = new Dictionary<string, string>();
        DateIn(errors, "PanelDate", "Date of the panel", o.PanelDate);
        Text(errors, "OptionsConsidered", "Options considered", o.OptionsConsidered, required: "Enter the options the panel considered");
        if (string.IsNullOrWhiteSpace(o.Action)) errors["Action"] = "Enter the action agreed";
        else if (o.Action.Length > 1000) errors["Action"] = "Action must be 1,000 characters or fewer";
        if (!await db.Workers.AnyAsync(w => w.Id == o.ActionOwnerWorkerId, ct)) errors["ActionOwnerWorkerId"] = "Select who owns the action";
        if (o.ActionDue < o.PanelDate) errors["ActionDue"] = "Action due date must be on or after the panel";
        if (o.Outcome is { Length: > 1000 }) errors["Outcome"] = "Outcome must be 1,000 characters or fewer";
        if (o.OutcomeDate is { } od && (od < o.PanelDate || od > Today)) errors["OutcomeDate"] = "Outcome date must be between the panel and today";
        if (errors.Count > 0) return CareLeaverResult.Fail(errors);
        var row = new EetPanelDiscussion
        {
            ChildId = o.ChildId, PanelDate = o.PanelDate, OptionsConsidered = o.OptionsConsidered!.Trim(), Action = o.Action!.Trim(),
            ActionOwnerWorkerId = o.ActionOwnerWorkerId, ActionDue = o.ActionDue, Outcome = string.IsNullOrWhiteSpace(o.Outcome) ? null : o.Outcome.Trim(),
            OutcomeDate = o.OutcomeDate, RecordedAt = Now, SubmissionId = o.SubmissionId,
        };
        db.EetPanelDiscussions.Add(row);
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(row.Id);
    }

    public async Task<CareLeaverResult> SaveLocalOfferAsync(string? text, Guid? version, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return CareLeaverResult.Fail(new() { ["Text"] = "Enter the local offer" });
        if (text.Length > 20000) return CareLeaverResult.Fail(new() { ["Text"] = "The local offer must be 20,000 characters or fewer" });
        var offer = await db.LocalOffers.OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (offer is null) db.LocalOffers.Add(offer = new LocalOffer());
        else if (version != offer.Version)
            return CareLeaverResult.Fail(new() { ["Text"] = "Someone else changed the local offer while you were editing it: your text is below, theirs is saved" });
        offer.Text = text.Trim();
        offer.UpdatedAt = Now;
        offer.UpdatedByWorkerId = by.WorkerId;
        offer.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return CareLeaverResult.Ok(offer.Id);
    }

    private void DateIn(Dictionary<string, string> errors, string field, string label, DateOnly date)
    {
        if (date > Today) errors[field] = $"{label} must be today or in the past";
        else if (date.Year < 1990) errors[field] = $"{label} must be after 1 January 1990";
    }

    private static void Text(Dictionary<string, string> errors, string field, string label, string? value, string? required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required is not null) errors[field] = required; }
        else if (value.Length > MaxText) errors[field] = $"{label} must be {MaxText:N0} characters or fewer";
    }
}
