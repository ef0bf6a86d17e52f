using Haven.Core.Access;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Assessments;

/// Start assessments for a child and, together, for siblings: each child's own open referral.
public sealed record StartAssessmentOptions(int ChildId, int ReferralId, DateOnly StartDate, IReadOnlyCollection<int> SiblingIds, Guid? SubmissionId);

public sealed record RecordAssessmentOptions(int AssessmentId, Guid Version,
    string? ParentsInvolvement, string? ExtendedFamilyInvolvement, string? IdentityAndCulture, string? Analysis,
    string? WishesAndFeelings, string? DirectWorkTools, string? Observations, DateOnly? ChildSeenDate, DateOnly? ChildSeenAloneDate,
    IReadOnlyCollection<string> FactorCodes);

public sealed record AuthoriseAssessmentOptions(int AssessmentId, Guid Version, AssessmentOutcome? Outcome, DateOnly? AuthorisedDate, string? ManagerComments);

/// What a service call returns: the saved records, or the errors by field (nothing saved).
public sealed record ServiceResult<T>(T? Value, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static ServiceResult<T> Ok(T value) => new(value, new Dictionary<string, string>());
    public static ServiceResult<T> Fail(IReadOnlyDictionary<string, string> errors) => new(default, errors);
}

/// The rules of the single assessment, shared by the pages and the API. Each change saves the
/// assessment and the child's Assessment involvement span together, so the two never disagree.
public sealed class AssessmentService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = 20000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// A referral an assessment can start from: neither closed nor ended with no further action.
    public IQueryable<Referrals.Referral> OpenReferrals(int childId) =>
        db.Referrals.Where(r => r.ChildId == childId && r.ClosureDate == null && !r.NoFurtherAction);

    public async Task<ServiceResult<IReadOnlyList<Assessment>>> StartAsync(StartAssessmentOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid)
        {
            var earlier = await db.Assessments.Where(a => a.SubmissionId == sid).FirstOrDefaultAsync(ct);
            if (earlier is not null)
                return ServiceResult<IReadOnlyList<Assessment>>.Ok(await db.Assessments.Where(a => a.FamilyAssessmentId == earlier.FamilyAssessmentId).ToListAsync(ct));
        }
        var errors = new Dictionary<string, string>();
        var referral = await OpenReferrals(o.ChildId).FirstOrDefaultAsync(r => r.Id == o.ReferralId, ct);
        if (referral is null) errors["ReferralId"] = "Select the referral the assessment starts from";
        if (o.StartDate > Today) errors["StartDate"] = "Start date must be today or in the past";
        else if (referral is not null && o.StartDate < referral.ReferralDate)
            errors["StartDate"] = $"Start date must be on or after the referral date, {referral.ReferralDate:d MMMM yyyy}";
        var childIds = new[] { o.ChildId }.Concat(o.SiblingIds.Where(id => id != o.ChildId)).Distinct().ToList();
        var referrals = new Dictionary<int, Referrals.Referral>();
        if (referral is not null) referrals[o.ChildId] = referral;
        foreach (var siblingId in childIds.Skip(1))
        {
            var siblingReferral = await OpenReferrals(siblingId).OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
            if (siblingReferral is null || siblingReferral.ReferralDate > o.StartDate)
                errors["SiblingIds"] = "Each brother or sister you select needs an open referral made on or before the start date";
            else referrals[siblingId] = siblingReferral;
        }
        var alreadyOpen = await db.Assessments.Where(a => childIds.Contains(a.ChildId) && a.AuthorisedDate == null).Select(a => a.ChildId).ToListAsync(ct);
        if (alreadyOpen.Contains(o.ChildId)) errors["ReferralId"] = "This child already has an assessment in progress";
        else if (alreadyOpen.Count > 0) errors["SiblingIds"] = "A brother or sister you selected already has an assessment in progress";
        if (errors.Count > 0) return ServiceResult<IReadOnlyList<Assessment>>.Fail(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var family = Guid.NewGuid();
        var created = new List<Assessment>();
        foreach (var childId in childIds)
        {
            var r = referrals[childId];
            var assessment = new Assessment
            {
                ChildId = childId, ReferralId = r.Id, FamilyAssessmentId = family, StartDate = o.StartDate,
                DueDate = Timescales.Assessment.DueFrom(r.ReferralDate), RecordedAt = now, RecordedByWorkerId = by.WorkerId,
                SubmissionId = childId == o.ChildId ? o.SubmissionId : null,
            };
            db.Assessments.Add(assessment);
            created.Add(assessment);
            await InvolvementSpans.OpenAsync(db, childId, InvolvementKind.Assessment, o.StartDate, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return ServiceResult<IReadOnlyList<Assessment>>.Ok(created);
    }

    public static IReadOnlyDictionary<string, string> Validate(RecordAssessmentOptions o, DateOnly startDate, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Text(string field, string? value, string label)
        {
            if (value is { Length: > MaxText }) errors[field] = $"{label} must be {MaxText:N0} characters or fewer";
        }
        Text(nameof(o.ParentsInvolvement), o.ParentsInvolvement, "Parents' involvement");
        Text(nameof(o.ExtendedFamilyInvolvement), o.ExtendedFamilyInvolvement, "Wider family's involvement");
        Text(nameof(o.IdentityAndCulture), o.IdentityAndCulture, "Identity and culture");
        Text(nameof(o.Analysis), o.Analysis, "Analysis");
        Text(nameof(o.WishesAndFeelings), o.WishesAndFeelings, "The child's wishes and feelings");
        Text(nameof(o.DirectWorkTools), o.DirectWorkTools, "Direct work tools");
        Text(nameof(o.Observations), o.Observations, "Observations");
        foreach (var (field, date, label) in new[] { (nameof(o.ChildSeenDate), o.ChildSeenDate, "Date the child was seen"), (nameof(o.ChildSeenAloneDate), o.ChildSeenAloneDate, "Date the child was seen alone") })
        {
            if (date is not { } d) continue;
            if (d > today) errors[field] = $"{label} must be today or in the past";
            else if (d < startDate) errors[field] = $"{label} must be on or after the start of the assessment, {startDate:d MMMM yyyy}";
        }
        if (o.ChildSeenAloneDate is not null && o.ChildSeenDate is null && !errors.ContainsKey(nameof(o.ChildSeenAloneDate)))
            errors[nameof(o.ChildSeenDate)] = "Enter the date the child was seen: a child seen alone was also seen";
        var codes = o.FactorCodes.ToList();
        if (codes.Any(c => !HelpAndProtectionCodes.AssessmentFactors.Contains(c))) errors["FactorCodes"] = "Select factors from the list";
        else if (codes.Contains(HelpAndProtectionCodes.NoFactors) && codes.Count > 1)
            errors["FactorCodes"] = "Select 'No factors identified' on its own, or select the factors identified";
        return errors;
    }

    public async Task<ServiceResult<Assessment>> RecordAsync(RecordAssessmentOptions o, CancellationToken ct = default)
    {
        var a = await db.Assessments.Include(x => x.Factors).FirstAsync(x => x.Id == o.AssessmentId, ct);
        var errors = new Dictionary<string, string>(Validate(o, a.StartDate, Today));
        if (!a.IsOpen) errors[""] = "This assessment has been authorised and can no longer be changed";
        if (errors.Count > 0) return ServiceResult<Assessment>.Fail(errors);
        // The version the user's form was based on: EF compares it with the row's current one on save.
        db.Entry(a).Property(x => x.Version).OriginalValue = o.Version;
        a.ParentsInvolvement = Blank(o.ParentsInvolvement);
        a.ExtendedFamilyInvolvement = Blank(o.ExtendedFamilyInvolvement);
        a.IdentityAndCulture = Blank(o.IdentityAndCulture);
        a.Analysis = Blank(o.Analysis);
        a.WishesAndFeelings = Blank(o.WishesAndFeelings);
        a.DirectWorkTools = Blank(o.DirectWorkTools);
        a.Observations = Blank(o.Observations);
        a.ChildSeenDate = o.ChildSeenDate;
        a.ChildSeenAloneDate = o.ChildSeenAloneDate;
        var wanted = o.FactorCodes.Select(c => c.ToUpperInvariant()).Distinct().ToHashSet();
        a.Factors.RemoveAll(f => !wanted.Contains(f.Code));
        foreach (var code in wanted.Where(c => a.Factors.All(f => f.Code != c))) a.Factors.Add(new AssessmentFactor { Code = code });
        // A change to the factors alone must still move the version on.
        db.Entry(a).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return ServiceResult<Assessment>.Ok(a);
    }

    public async Task<ServiceResult<Assessment>> AuthoriseAsync(AuthoriseAssessmentOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var a = await db.Assessments.Include(x => x.Factors).Include(x => x.Child).FirstAsync(x => x.Id == o.AssessmentId, ct);
        var errors = new Dictionary<string, string>();
        if (by.Role != HavenRole.TeamManager) errors[""] = "Only a team manager can authorise an assessment";
        if (!a.IsOpen) errors[""] = "This assessment has already been authorised";
        if (o.Outcome is null || !Enum.IsDefined(o.Outcome.Value)) errors[nameof(o.Outcome)] = "Select the outcome of the assessment";
        if (o.AuthorisedDate is not { } date) errors[nameof(o.AuthorisedDate)] = "Enter the date of authorisation";
        else if (date > Today) errors[nameof(o.AuthorisedDate)] = "Date of authorisation must be today or in the past";
        else if (date < a.StartDate) errors[nameof(o.AuthorisedDate)] = $"Date of authorisation must be on or after the start of the assessment, {a.StartDate:d MMMM yyyy}";
        if (o.ManagerComments is { Length: > MaxText }) errors[nameof(o.ManagerComments)] = $"Comments must be {MaxText:N0} characters or fewer";
        // CIN census 8897Q/8869: a completed assessment records its factors; 21 goes with no further action.
        if (a.Factors.Count == 0) errors["FactorCodes"] = "Record the factors identified at the assessment before it is authorised";
        else if (a.Factors.Any(f => f.Code == HelpAndProtectionCodes.NoFactors) && o.Outcome is not null and not AssessmentOutcome.NoFurtherAction and not AssessmentOutcome.EarlyHelp)
            errors[nameof(o.Outcome)] = "An assessment with no factors identified cannot lead to a plan or a strategy discussion";
        if (a.ChildSeenDate is null && a.Child.DateOfBirth is not null)
            errors["ChildSeenDate"] = "Record when the child was seen before the assessment is authorised";
        if (errors.Count > 0) return ServiceResult<Assessment>.Fail(errors);

        db.Entry(a).Property(x => x.Version).OriginalValue = o.Version;
        a.AuthorisedDate = o.AuthorisedDate;
        a.AuthorisedByWorkerId = by.WorkerId;
        a.Outcome = o.Outcome;
        a.ManagerComments = Blank(o.ManagerComments);
        await InvolvementSpans.CloseAsync(db, a.ChildId, InvolvementKind.Assessment, o.AuthorisedDate!.Value, ct);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Assessment>.Ok(a);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
