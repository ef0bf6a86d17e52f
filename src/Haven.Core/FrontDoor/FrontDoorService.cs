using Haven.Core.Access;
using Haven.Core.Calendar;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.Referrals;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.FrontDoor;

/// A child not yet on Haven, named on a contact (an unborn child has an expected date of birth instead).
public sealed record NewContactChild(string FirstName, string LastName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth);

public sealed record RecordContactOptions(
    DateTime ReceivedAt, ContactChannel Channel, string SourceCode, string ContactorName, string? ContactorRole,
    string? ContactorPhoneOrEmail, string Worry, ConsentToShare? Consent, string? ConsentGivenBy, string? ConsentReason,
    IReadOnlyList<int> ChildIds, IReadOnlyList<NewContactChild> NewChildren,
    string? OutOfHoursActions = null, string? SelfAssessmentAnswers = null, Guid? SubmissionId = null);

public sealed record RequestCheckOptions(int ContactId, Guid ContactVersion, PartnerAgency Agency, string? AgencyName, Rag Rag, string Question, DateTime? DueAt);

public sealed record DecideOptions(int ContactChildId, Guid Version, string LevelOfNeed, ContactOutcome Outcome, string Rationale);

/// A change that lost a race: someone else saved the same record first. Nothing was written.
public sealed class FrontDoorConflictException(string message) : Exception(message);

/// A change the rules do not allow (wrong person, wrong order). Nothing was written.
public sealed class FrontDoorRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// The front door's changes: record a contact, request and receive MASH checks, decide and sign
/// off, open the referral, acknowledge out-of-hours handovers. Used by the pages and the API.
public sealed class FrontDoorService(HavenDbContext db, TimeProvider clock, NeedContinuum continuum)
{
    public const int MaxText = 20_000;
    public const int MaxShort = 200;
    public const int MaxChildren = 12;

    public static IReadOnlyDictionary<string, string> Validate(RecordContactOptions o, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (o.ReceivedAt == default) errors["ReceivedAt"] = "Enter when the contact was received";
        else if (o.ReceivedAt > now.AddMinutes(5)) errors["ReceivedAt"] = "When the contact was received must be in the past";
        else if (o.ReceivedAt < now.AddYears(-1)) errors["ReceivedAt"] = "When the contact was received must be within the last year";
        if (!Enum.IsDefined(o.Channel)) errors["Channel"] = "Select how the contact came in";
        if (!CodeLists.ReferralSource.Contains(o.SourceCode)) errors["SourceCode"] = "Select who the contact is from";
        if (string.IsNullOrWhiteSpace(o.ContactorName)) errors["ContactorName"] = "Enter who made the contact, or 'Anonymous'";
        else if (o.ContactorName.Length > MaxShort) errors["ContactorName"] = "Who made the contact must be 200 characters or fewer";
        if (o.ContactorRole?.Length > MaxShort) errors["ContactorRole"] = "Their role must be 200 characters or fewer";
        if (o.ContactorPhoneOrEmail?.Length > MaxShort) errors["ContactorPhoneOrEmail"] = "Phone or email must be 200 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.Worry)) errors["Worry"] = "Enter what the contactor is worried about";
        else if (o.Worry.Length > MaxText) errors["Worry"] = "What they are worried about must be 20,000 characters or fewer";
        if (o.Consent is not { } consent || !Enum.IsDefined(consent)) errors["Consent"] = "Select whether consent to share information was given";
        else if (consent is ConsentToShare.Given or ConsentToShare.Refused && string.IsNullOrWhiteSpace(o.ConsentGivenBy))
            errors["ConsentGivenBy"] = consent == ConsentToShare.Given ? "Enter who gave consent" : "Enter who refused consent";
        else if (consent is ConsentToShare.Overridden or ConsentToShare.NotSought && string.IsNullOrWhiteSpace(o.ConsentReason))
            errors["ConsentReason"] = consent == ConsentToShare.Overridden ? "Enter why consent was overridden" : "Enter why consent was not sought";
        if (o.ConsentGivenBy?.Length > MaxShort) errors["ConsentGivenBy"] = "Who gave consent must be 200 characters or fewer";
        if (o.ConsentReason?.Length > 2000) errors["ConsentReason"] = "The reason must be 2,000 characters or fewer";
        if (o.ChildIds.Count + o.NewChildren.Count == 0) errors["Children"] = "Add at least one child the contact is about";
        else if (o.ChildIds.Count + o.NewChildren.Count > MaxChildren) errors["Children"] = $"A contact can be about at most {MaxChildren} children";
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < o.NewChildren.Count; i++)
        {
            var c = o.NewChildren[i];
            var key = $"NewChildren[{i}]";
            if (string.IsNullOrWhiteSpace(c.FirstName) || c.FirstName.Length > 100) errors[$"{key}.FirstName"] = "Enter the child's first name (100 characters or fewer), or 'Unborn'";
            if (string.IsNullOrWhiteSpace(c.LastName) || c.LastName.Length > 100) errors[$"{key}.LastName"] = "Enter the child's last name (100 characters or fewer)";
            if (c.DateOfBirth is null && c.ExpectedDateOfBirth is null) errors[$"{key}.DateOfBirth"] = "Enter the child's date of birth, or the expected date of birth for an unborn child";
            else if (c.DateOfBirth is { } dob && (dob > today || dob < today.AddYears(-18))) errors[$"{key}.DateOfBirth"] = "Date of birth must be in the past and the child under 18";
            else if (c.ExpectedDateOfBirth is { } edd && (edd < today.AddMonths(-1) || edd > today.AddMonths(10))) errors[$"{key}.ExpectedDateOfBirth"] = "Expected date of birth must be within the next 10 months";
        }
        if (o.OutOfHoursActions?.Length > MaxText) errors["OutOfHoursActions"] = "Actions taken must be 20,000 characters or fewer";
        if (o.SelfAssessmentAnswers?.Length > MaxText) errors["SelfAssessmentAnswers"] = "The answers must be 20,000 characters or fewer";
        return errors;
    }

    /// Records a contact, any new children on it, and (for out of hours) the handover, in one transaction.
    /// Checks the named children exist. Returns the contact, or the one already recorded with the same SubmissionId.
    public async Task<(Contact? Contact, IReadOnlyDictionary<string, string> Errors)> RecordAsync(RecordContactOptions o, CurrentWorker? by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (o.SubmissionId is { } sid && await db.Contacts.FirstOrDefaultAsync(c => c.SubmissionId == sid, ct) is { } already)
            return (already, new Dictionary<string, string>());
        var errors = new Dictionary<string, string>(Validate(o, now));
        var ids = o.ChildIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            var found = await db.People.Where(p => ids.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(ct);
            var missing = ids.Except(found).ToList();
            if (missing.Count > 0) errors["ChildIds"] = $"No child found with Haven ID {string.Join(", ", missing.Select(HavenIds.Format))}";
        }
        if (errors.Count > 0) return (null, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = new Contact
        {
            ReceivedAt = o.ReceivedAt, Channel = o.Channel, SourceCode = o.SourceCode.ToUpperInvariant(),
            ContactorName = o.ContactorName.Trim(), ContactorRole = Clean(o.ContactorRole), ContactorPhoneOrEmail = Clean(o.ContactorPhoneOrEmail),
            Worry = o.Worry.Trim(), Consent = o.Consent!.Value, ConsentGivenBy = Clean(o.ConsentGivenBy), ConsentReason = Clean(o.ConsentReason),
            SelfAssessmentAnswers = Clean(o.SelfAssessmentAnswers), SubmissionId = o.SubmissionId, RecordedAt = now, RecordedByWorkerId = by?.WorkerId,
        };
        foreach (var n in o.NewChildren)
        {
            var person = new Person
            {
                Kind = PersonKind.Child, FirstName = n.FirstName.Trim(), LastName = n.LastName.Trim(), DateOfBirth = n.ExpectedDateOfBirth is null ? n.DateOfBirth : null,
                ExpectedDateOfBirth = n.ExpectedDateOfBirth, Sex = Sex.Unknown, UpnUnknownReason = n.ExpectedDateOfBirth is not null ? "UN6" : null,
                RecordedAt = now, RecordedByWorkerId = by?.WorkerId,
            };
            db.People.Add(person);
            contact.Children.Add(new ContactChild { Child = person });
        }
        foreach (var id in ids) contact.Children.Add(new ContactChild { ChildId = id });
        if (!string.IsNullOrWhiteSpace(o.OutOfHoursActions))
            contact.Handover = new OutOfHoursHandover { ActionsTaken = o.OutOfHoursActions.Trim(), RecordedAt = now, RecordedByWorkerId = by?.WorkerId };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (contact, errors);
    }

    public static IReadOnlyDictionary<string, string> Validate(RequestCheckOptions o, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Agency)) errors["Agency"] = "Select the partner agency";
        if (o.Agency == PartnerAgency.Other && string.IsNullOrWhiteSpace(o.AgencyName)) errors["AgencyName"] = "Enter the name of the agency";
        if (o.AgencyName?.Length > MaxShort) errors["AgencyName"] = "The agency name must be 200 characters or fewer";
        if (!Enum.IsDefined(o.Rag)) errors["Rag"] = "Select a RAG rating";
        if (string.IsNullOrWhiteSpace(o.Question)) errors["Question"] = "Enter what you are asking the agency";
        else if (o.Question.Length > 2000) errors["Question"] = "The request must be 2,000 characters or fewer";
        if (o.DueAt is { } due && due <= now) errors["DueAt"] = "The due time must be in the future";
        return errors;
    }

    public async Task<MashCheck> RequestCheckAsync(RequestCheckOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = await db.Contacts.Include(c => c.Children).FirstAsync(c => c.Id == o.ContactId, ct);
        if (contact.Version != o.ContactVersion)
            throw new FrontDoorConflictException("Someone else changed this contact since you opened it. Check their changes, then try again.");
        if (contact.Children.All(c => !c.AwaitingDecision))
            throw new FrontDoorRuleException("Agency", "Every child on this contact has a decision: checks can no longer be requested");
        var check = new MashCheck
        {
            ContactId = contact.Id, Agency = o.Agency, AgencyName = o.Agency == PartnerAgency.Other ? o.AgencyName?.Trim() : null, Rag = o.Rag,
            Question = o.Question.Trim(), RequestedAt = now, DueAt = o.DueAt ?? now + MashCheck.DefaultTimeFor(o.Rag), RequestedByWorkerId = by.WorkerId,
        };
        db.MashChecks.Add(check);
        db.Entry(contact).State = EntityState.Modified; // a new check changes the contact: others' stale forms see it
        await SaveAsync(ct);
        return check;
    }

    public async Task RecordResponseAsync(int checkId, Guid version, string response, CurrentWorker by, CancellationToken ct = default)
    {
        var check = await db.MashChecks.FirstAsync(c => c.Id == checkId, ct);
        if (check.Version != version)
            throw new FrontDoorConflictException("Someone else recorded a response to this request since you opened it.");
        if (check.RespondedAt is not null) throw new FrontDoorRuleException("Response", "A response is already recorded for this request");
        if (string.IsNullOrWhiteSpace(response)) throw new FrontDoorRuleException("Response", "Enter the agency's response");
        if (response.Length > MaxText) throw new FrontDoorRuleException("Response", "The response must be 20,000 characters or fewer");
        check.Response = response.Trim();
        check.RespondedAt = clock.GetUtcNow().UtcDateTime;
        check.ResponseRecordedByWorkerId = by.WorkerId;
        await SaveAsync(ct);
    }

    /// A qualified social worker (one with a Social Work England registration) records the decision.
    public async Task DecideAsync(DecideOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var item = await db.ContactChildren.FirstAsync(c => c.Id == o.ContactChildId, ct);
        if (item.Version != o.Version)
            throw new FrontDoorConflictException("Someone else changed the decision for this child since you opened it. Check their decision, then try again.");
        if (item.SignedOffAt is not null) throw new FrontDoorRuleException("Outcome", "This decision is already signed off");
        if (continuum.Find(o.LevelOfNeed) is null) throw new FrontDoorRuleException("LevelOfNeed", "Select the level of need");
        if (!Enum.IsDefined(o.Outcome)) throw new FrontDoorRuleException("Outcome", "Select the outcome");
        if (string.IsNullOrWhiteSpace(o.Rationale)) throw new FrontDoorRuleException("Rationale", "Enter the rationale for the decision");
        if (o.Rationale.Length > MaxText) throw new FrontDoorRuleException("Rationale", "The rationale must be 20,000 characters or fewer");
        var worker = await db.Workers.AsNoTracking().FirstAsync(w => w.Id == by.WorkerId, ct);
        if (string.IsNullOrWhiteSpace(worker.SweNumber))
            throw new FrontDoorRuleException("Outcome", "Only a qualified social worker (registered with Social Work England) can make a threshold decision");
        item.LevelOfNeed = continuum.Find(o.LevelOfNeed)!.Code;
        item.Outcome = o.Outcome;
        item.Rationale = o.Rationale.Trim();
        item.DecidedAt = clock.GetUtcNow().UtcDateTime;
        item.DecidedByWorkerId = by.WorkerId;
        await SaveAsync(ct);
    }

    /// A manager signs off the decision; when it goes to social care the child's referral and
    /// assessment involvement open in the same save. Returns the referral opened, if any.
    public async Task<Referral?> SignOffAsync(int contactChildId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var item = await db.ContactChildren.Include(c => c.Contact).FirstAsync(c => c.Id == contactChildId, ct);
        if (item.Version != version)
            throw new FrontDoorConflictException("Someone else changed the decision for this child since you opened it. Check it, then sign off again.");
        if (by.Role != HavenRole.TeamManager) throw new FrontDoorRuleException("SignOff", "Only a manager can sign off a threshold decision");
        if (item.DecidedAt is null || item.Outcome is null) throw new FrontDoorRuleException("SignOff", "Record the decision before signing it off");
        if (item.SignedOffAt is not null) throw new FrontDoorRuleException("SignOff", "This decision is already signed off");
        if (item.DecidedByWorkerId == by.WorkerId) throw new FrontDoorRuleException("SignOff", "A decision must be signed off by a different person from the one who made it");
        var now = clock.GetUtcNow().UtcDateTime;
        item.SignedOffAt = now;
        item.SignedOffByWorkerId = by.WorkerId;
        Referral? referral = null;
        if (ContactChild.GoesToSocialCare(item.Outcome.Value))
        {
            var referralDate = DecisionTimeliness.LocalDate(item.Contact.ReceivedAt, clock.LocalTimeZone);
            var previous = await db.Referrals.Where(r => r.ChildId == item.ChildId).Select(r => r.ReferralDate).ToListAsync(ct);
            referral = new Referral
            {
                ChildId = item.ChildId, ReferralDate = referralDate, SourceCode = item.Contact.SourceCode, ContactId = item.ContactId,
                IsReReferral = ReReferrals.IsReReferral(previous, referralDate), RecordedAt = now, RecordedByWorkerId = by.WorkerId,
            };
            item.Referral = referral;
            var assessing = await db.Involvements.AnyAsync(i => i.ChildId == item.ChildId && i.Kind == InvolvementKind.Assessment && i.EndDate == null, ct);
            if (!assessing)
                db.Involvements.Add(new Involvement { ChildId = item.ChildId, Kind = InvolvementKind.Assessment, StartDate = referralDate, RecordedAt = now });
        }
        await SaveAsync(ct);
        return referral;
    }

    public async Task AcknowledgeHandoverAsync(int handoverId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var h = await db.OutOfHoursHandovers.FirstAsync(x => x.Id == handoverId, ct);
        if (h.Version != version) throw new FrontDoorConflictException("Someone else acknowledged this handover since you opened it.");
        if (h.AcknowledgedAt is not null) return;
        h.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
        h.AcknowledgedByWorkerId = by.WorkerId;
        await SaveAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new FrontDoorConflictException("Someone else saved a change to this record at the same time. Nothing of yours was saved: check their change, then try again.");
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
