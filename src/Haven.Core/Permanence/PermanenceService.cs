using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Permanence;

public sealed record PermanencePlanOptions(PermanencePlanType Type, DateOnly? SetAtReview, bool OnTrack, string? Notes);

public sealed record AdoptionOptions(DateOnly? AdmDecisionDate, DateOnly? PlacementOrderDate, EarlyPermanence? EarlyPermanence,
    DateOnly? FamilyFindingStarted, DateOnly? MatchDate, int? AdopterEnquiryId, DateOnly? MovedInDate, DateOnly? PlacedForAdoptionDate,
    DateOnly? AdoptionOrderDate, SiblingPlacement? Siblings, string? SiblingsReason,
    string? FosterCareCode = null, string? AdopterNumberCode = null, string? AdopterSexCode = null, string? AdopterLegalStatusCode = null);

/// One child's adoption record with its timeliness, for the child's permanence page and the API.
public sealed record AdoptionView(AdoptionCase Case, DateOnly? EnteredCare, AdoptionTimeliness? Timeliness);

/// Permanence plans and adoption records: the rules, shared by the pages and the API. An adoption
/// record is sealed when the adoption order is recorded, and cannot be changed after.
public sealed class PermanenceService(HavenDbContext db, TimeProvider clock, ICareSpans care)
{
    public const int MaxText = 4000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Dictionary<string, string> Validate(PermanencePlanOptions o)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Type)) errors[nameof(o.Type)] = "Select the permanence plan";
        if (o.SetAtReview is null) errors[nameof(o.SetAtReview)] = "Enter the date of the review that set the plan";
        else if (o.SetAtReview > Today) errors[nameof(o.SetAtReview)] = "The review date must be today or in the past";
        if (o.Notes is { Length: > MaxText }) errors[nameof(o.Notes)] = $"Notes must be {MaxText} characters or fewer";
        return errors;
    }

    /// The child's open care plan (shared Plan of kind Care), if one has been started.
    public static Task<int?> CarePlanIdAsync(HavenDbContext db, int childId, CancellationToken ct) =>
        db.Plans.Where(p => p.ChildId == childId && p.Kind == Haven.Core.Plans.PlanKind.Care && p.EndDate == null)
            .OrderByDescending(p => p.StartDate).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    /// Records the plan set at a review (a change adds a row); the same submission twice records it once.
    public async Task<PermanencePlan> SetPlanAsync(int childId, PermanencePlanOptions o, int? workerId, CancellationToken ct, Guid? submissionId = null)
    {
        if (submissionId is { } sid && await db.PermanencePlans.FirstOrDefaultAsync(p => p.SubmissionId == sid && p.ChildId == childId, ct) is { } earlier) return earlier;
        var plan = new PermanencePlan
        {
            SubmissionId = submissionId,
            ChildId = childId, Type = o.Type, SetAtReview = o.SetAtReview!.Value, OnTrack = o.OnTrack, Notes = o.Notes?.Trim() ?? "",
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = workerId, Version = Guid.NewGuid(),
            // The decision belongs to the child's care plan (outcomes, actions, contingency live there).
            PlanId = await CarePlanIdAsync(db, childId, ct),
        };
        db.PermanencePlans.Add(plan);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (submissionId is { } again)
        {
            db.ChangeTracker.Clear();
            return await db.PermanencePlans.FirstAsync(p => p.SubmissionId == again, ct);
        }
        return plan;
    }

    public static Dictionary<string, string> Validate(AdoptionOptions o, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Order(string field, string label, DateOnly? date, DateOnly? after, string afterLabel, bool needsAfter = true)
        {
            if (date is null) return;
            if (date > today) errors[field] = $"{label} must be today or in the past";
            else if (after is null && needsAfter) errors[field] = $"Enter {afterLabel} first";
            else if (after is { } a && date < a) errors[field] = $"{label} must be on or after {afterLabel}";
        }
        if (o.AdmDecisionDate is null) errors[nameof(o.AdmDecisionDate)] = "Enter the date of the agency decision maker's decision";
        else if (o.AdmDecisionDate > today) errors[nameof(o.AdmDecisionDate)] = "The decision date must be today or in the past";
        // No answer, a value outside the list (a tampered form) and "not yet considered" get the same message.
        if (o.EarlyPermanence is not { } early || !Enum.IsDefined(early) || early == EarlyPermanence.NotConsidered)
            errors[nameof(o.EarlyPermanence)] = "Record whether early permanence (foster to adopt or concurrent planning) was considered, and the outcome";
        if (o.Siblings is not { } siblings || !Enum.IsDefined(siblings)) errors[nameof(o.Siblings)] = "Select whether brothers and sisters are placed together";
        else if (o.Siblings is SiblingPlacement.Apart or SiblingPlacement.SomeTogether && string.IsNullOrWhiteSpace(o.SiblingsReason))
            errors[nameof(o.SiblingsReason)] = "Enter why brothers and sisters are placed apart";
        if (o.SiblingsReason is { Length: > MaxText }) errors[nameof(o.SiblingsReason)] = $"The reason must be {MaxText} characters or fewer";
        Order(nameof(o.PlacementOrderDate), "The placement order date", o.PlacementOrderDate, o.AdmDecisionDate, "the decision date");
        Order(nameof(o.FamilyFindingStarted), "The date family finding started", o.FamilyFindingStarted, o.AdmDecisionDate, "the decision date");
        Order(nameof(o.MatchDate), "The match date", o.MatchDate, o.PlacementOrderDate, "the placement order date");
        Order(nameof(o.PlacedForAdoptionDate), "The date placed for adoption", o.PlacedForAdoptionDate, o.MatchDate, "the match date");
        Order(nameof(o.AdoptionOrderDate), "The adoption order date", o.AdoptionOrderDate, o.PlacedForAdoptionDate, "the date placed for adoption");
        if (o.MatchDate is not null && o.AdopterEnquiryId is null) errors[nameof(o.AdopterEnquiryId)] = "Select the adopters the child is matched with";
        foreach (var (field, message) in AdopterRules.Validate(Code(o.FosterCareCode), Code(o.AdopterNumberCode), Code(o.AdopterSexCode), Code(o.AdopterLegalStatusCode)))
            errors[field] = message;
        if (o.MatchDate is null && (o.FosterCareCode ?? o.AdopterNumberCode ?? o.AdopterSexCode ?? o.AdopterLegalStatusCode) is { Length: > 0 }
            && !errors.ContainsKey(nameof(o.MatchDate)))
            errors[nameof(o.MatchDate)] = "Enter the match date with the adopters' details";
        if (o.MovedInDate is { } moved)
        {
            if (moved > today) errors[nameof(o.MovedInDate)] = "The date the child moved in must be today or in the past";
            else if (o.EarlyPermanence == EarlyPermanence.FosterToAdopt || o.EarlyPermanence == EarlyPermanence.ConcurrentPlanning)
            {
                if (o.PlacedForAdoptionDate is { } p && moved > p) errors[nameof(o.MovedInDate)] = "The date the child moved in must be on or before the date placed for adoption";
            }
            else if (o.PlacedForAdoptionDate is { } p && moved != p) errors[nameof(o.MovedInDate)] = "Without early permanence the child moves in on the day they are placed for adoption";
            else if (o.PlacedForAdoptionDate is null) errors[nameof(o.MovedInDate)] = "Enter the date placed for adoption first";
        }
        return errors;
    }

    public async Task<Dictionary<string, string>> ValidateAsync(int childId, AdoptionOptions o, CancellationToken ct)
    {
        var errors = Validate(o, Today);
        if (await db.AdoptionCases.AnyAsync(a => a.ChildId == childId && a.SealedAt != null, ct))
            errors[""] = "The adoption record is sealed: it cannot be changed";
        if (!errors.ContainsKey(nameof(o.AdopterEnquiryId)) && o.AdopterEnquiryId is { } id
            && !await db.RecruitmentEnquiries.AnyAsync(e => e.Id == id && e.Kind == ApplicantKind.Adoption && e.ApprovalDate != null, ct))
            errors[nameof(o.AdopterEnquiryId)] = "There are no approved adopters with that number";
        return errors;
    }

    /// Records or updates the child's adoption record in one save; recording the order seals it.
    public async Task<AdoptionCase> SaveAdoptionAsync(int childId, AdoptionOptions o, Guid? version, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var a = await db.AdoptionCases.FirstOrDefaultAsync(x => x.ChildId == childId, ct);
        if (a is null) db.AdoptionCases.Add(a = new AdoptionCase { ChildId = childId, RecordedAt = now });
        else if (version is null || version != a.Version) throw new Missing.StaleRecordException("The adoption record changed since you read it.");
        a.AdmDecisionDate = o.AdmDecisionDate!.Value; a.PlacementOrderDate = o.PlacementOrderDate; a.EarlyPermanence = o.EarlyPermanence!.Value;
        a.FamilyFindingStarted = o.FamilyFindingStarted; a.MatchDate = o.MatchDate; a.AdopterEnquiryId = o.AdopterEnquiryId;
        a.PlacedForAdoptionDate = o.PlacedForAdoptionDate; a.MovedInDate = o.MovedInDate ?? o.PlacedForAdoptionDate; a.AdoptionOrderDate = o.AdoptionOrderDate;
        (a.FosterCareCode, a.AdopterNumberCode, a.AdopterSexCode, a.AdopterLegalStatusCode) =
            (Code(o.FosterCareCode), Code(o.AdopterNumberCode), Code(o.AdopterSexCode), Code(o.AdopterLegalStatusCode));
        a.Siblings = o.Siblings!.Value; a.SiblingsReason = string.IsNullOrWhiteSpace(o.SiblingsReason) ? null : o.SiblingsReason.Trim();
        if (a.AdoptionOrderDate is { } order && a.SealedAt is null)
        {
            // The adoption order ends the council's case: allocations close on the order date, and
            // the record is sealed (ChildAccess then hides it from all but the named roles).
            a.SealedAt = now;
            foreach (var open in await db.Allocations.Where(x => x.ChildId == childId && (x.EndDate == null || x.EndDate > order)).ToListAsync(ct))
                open.EndDate = order < open.StartDate ? open.StartDate : order;
        }
        a.Version = Guid.NewGuid();
        // Another writer saving between the read above and this save is the same stale record, not an error.
        if (!await db.TrySaveChangesAsync(ct)) throw new Missing.StaleRecordException("The adoption record changed since you read it.");
        return a;
    }

    public async Task<AdoptionView?> AdoptionAsync(int childId, CancellationToken ct)
    {
        var a = await db.AdoptionCases.AsNoTracking().FirstOrDefaultAsync(x => x.ChildId == childId, ct);
        if (a is null) return null;
        var spans = await care.ForChildrenAsync([childId], ct);
        var entered = EnteredCare(spans.Select(s => s.Start), a.AdmDecisionDate);
        return new AdoptionView(a, entered, entered is { } e ? Timeliness(a, e) : null);
    }

    /// The start of the period of care the child was adopted from: the last one begun on or before the decision.
    public static DateOnly? EnteredCare(IEnumerable<DateOnly> careStarts, DateOnly admDecision) =>
        careStarts.Where(s => s <= admDecision).Select(s => (DateOnly?)s).DefaultIfEmpty(null).Max();

    /// A code as the lists hold it: trimmed, upper case, null when blank.
    public static string? Code(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    public static AdoptionTimeliness Timeliness(AdoptionCase a, DateOnly enteredCare) =>
        AdoptionTimeliness.For(enteredCare, a.PlacementOrderDate, a.MatchDate, a.PlacedForAdoptionDate, a.MovedInDate);
}
