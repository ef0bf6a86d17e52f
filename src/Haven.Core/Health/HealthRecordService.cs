using Haven.Core.Access;
using Haven.Core.Codes;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Health;

public sealed record AddHealthRecordOptions(int ChildId, HealthRecordKind Kind, DateOnly Date, string? By, bool? UpToDate,
    int? SdqScore, string? SdqReasonCode, string? Title, string? Outcome, DateOnly? OutcomeDate, string? Notes, Guid? SubmissionId,
    bool? InterventionReceived = null, bool? InterventionOfferedRefused = null, OffenceOutcome? OffenceOutcome = null);

/// The rules for adding a health record, shared by the pages and the API: each kind has the
/// fields it needs, and a repeated submission returns the first record.
public sealed class HealthRecordService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxNotes = 4000;

    /// Field errors, keyed by the option's property name.
    public static IReadOnlyDictionary<string, string> Validate(AddHealthRecordOptions o, DateOnly today, DateOnly? dateOfBirth)
    {
        var e = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) e["Kind"] = "Select what you are recording";
        if (o.Date > today) e["Date"] = "Date must be today or in the past";
        else if (o.Date.Year < 1990) e["Date"] = "Date must be after 1 January 1990";
        else if (dateOfBirth is { } dob && o.Date < dob) e["Date"] = "Date must be on or after the child's date of birth";
        if (o.By is { Length: > 200 }) e["By"] = "Who carried it out must be 200 characters or fewer";
        if (o.Notes is { Length: > MaxNotes }) e["Notes"] = $"Notes must be {MaxNotes:N0} characters or fewer";
        if (o.Title is { Length: > 200 }) e["Title"] = "Title must be 200 characters or fewer";
        if (o.Outcome is { Length: > 500 }) e["Outcome"] = "Outcome must be 500 characters or fewer";
        switch (o.Kind)
        {
            case HealthRecordKind.Immunisations when o.UpToDate is null:
                e["UpToDate"] = "Select whether immunisations are up to date";
                break;
            case HealthRecordKind.StrengthsAndDifficulties:
                if (o.SdqScore is null && string.IsNullOrWhiteSpace(o.SdqReasonCode))
                    e["SdqScore"] = "Enter the total score, or select why there is no score";
                else if (o.SdqScore is not null && !string.IsNullOrWhiteSpace(o.SdqReasonCode))
                    e["SdqReasonCode"] = "Leave the reason for no score blank when you enter a score";
                else if (o.SdqScore is < 0 or > HealthRules.SdqMaxScore)
                    e["SdqScore"] = "Total score must be a whole number from 0 to 40";
                else if (o.SdqReasonCode is { Length: > 0 } r && !CodeLists.SdqReason.Contains(r))
                    e["SdqReasonCode"] = "Select a reason from the list";
                else if (o.SdqScore is not null && dateOfBirth is { } d && !HealthRules.SdqAge(d, o.Date))
                    e["SdqScore"] = "An SDQ score is for a child aged 4 to 16 on the date: select reason SDQ1 instead";
                break;
            // OC2 rules checked as the facts are entered: 546/545 (health surveillance under 5 only),
            // 542/543 (convictions from 10), 192/193/158/159 (the substance misuse follow-ups).
            case HealthRecordKind.HealthSurveillanceCheck:
                if (o.UpToDate is null) e["UpToDate"] = "Select whether health surveillance checks are up to date";
                else if (dateOfBirth is { } d5 && HealthRules.AgeOn(d5, o.Date) >= HealthRules.HealthSurveillanceMaximumAge)
                    e["Date"] = "Health surveillance checks are recorded for a child under 5 on the date";
                break;
            case HealthRecordKind.SubstanceMisuse:
                if (o.InterventionReceived is null) e["InterventionReceived"] = "Select whether the child received an intervention for substance misuse";
                else if (o.InterventionReceived == true && o.InterventionOfferedRefused is not null)
                    e["InterventionOfferedRefused"] = "Leave offered and refused blank when the child received an intervention";
                else if (o.InterventionReceived == false && o.InterventionOfferedRefused is null)
                    e["InterventionOfferedRefused"] = "Select whether an intervention was offered and refused";
                break;
            case HealthRecordKind.ConvictionOrCaution:
                if (o.OffenceOutcome is not { } oo || !Enum.IsDefined(oo)) e["OffenceOutcome"] = "Select whether it was a conviction, a youth caution or a youth conditional caution";
                if (dateOfBirth is { } d10 && HealthRules.AgeOn(d10, o.Date) < HealthRules.AgeOfCriminalResponsibility)
                    e["Date"] = "A conviction or youth caution is recorded for a child aged 10 or over on the date";
                break;
            case HealthRecordKind.CamhsReferral or HealthRecordKind.Condition when string.IsNullOrWhiteSpace(o.Title):
                e["Title"] = o.Kind == HealthRecordKind.Condition ? "Enter the condition or diagnosis" : "Enter the reason for the referral";
                break;
        }
        if (o.OutcomeDate is { } od && (od < o.Date || od > today)) e["OutcomeDate"] = "Outcome date must be between the referral date and today";
        if (o.OutcomeDate is not null && string.IsNullOrWhiteSpace(o.Outcome)) e["Outcome"] = "Enter the outcome, or remove its date";
        return e;
    }

    public async Task<HealthRecord> AddAsync(AddHealthRecordOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.HealthRecords.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.SubmissionId == sid, ct) is { } existing)
            return existing;
        var record = new HealthRecord
        {
            ChildId = o.ChildId, Kind = o.Kind, Date = o.Date, By = Clean(o.By),
            UpToDate = o.Kind is HealthRecordKind.Immunisations or HealthRecordKind.HealthSurveillanceCheck ? o.UpToDate : null,
            InterventionReceived = o.Kind == HealthRecordKind.SubstanceMisuse ? o.InterventionReceived : null,
            InterventionOfferedRefused = o.Kind == HealthRecordKind.SubstanceMisuse && o.InterventionReceived == false ? o.InterventionOfferedRefused : null,
            OffenceOutcome = o.Kind == HealthRecordKind.ConvictionOrCaution ? o.OffenceOutcome : null,
            SdqScore = o.Kind == HealthRecordKind.StrengthsAndDifficulties ? o.SdqScore : null,
            SdqReasonCode = o.Kind == HealthRecordKind.StrengthsAndDifficulties ? Clean(o.SdqReasonCode)?.ToUpperInvariant() : null,
            Title = Clean(o.Title), Outcome = Clean(o.Outcome), OutcomeDate = o.OutcomeDate, Notes = Clean(o.Notes),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.HealthRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (o.SubmissionId is { } submitted)
        {
            db.Entry(record).State = EntityState.Detached;
            return await db.HealthRecords.IgnoreQueryFilters().FirstAsync(r => r.SubmissionId == submitted, ct);
        }
        return record;
    }

    public const string ConflictMessage = "Someone else changed or corrected this health record after you opened it. Check the health history and correct it again if it is still wrong";

    /// Corrects a health record by adding the corrected one and keeping the old one, marked as
    /// replaced with the reason (a soft delete), in one save. Null and a message when the record was
    /// changed since the user opened it, or is not this child's.
    public async Task<(HealthRecord? Saved, string? Conflict)> CorrectAsync(int oldId, Guid version, string reason, AddHealthRecordOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var old = await db.HealthRecords.FirstOrDefaultAsync(r => r.Id == oldId && r.ChildId == o.ChildId, ct);
        if (old is null || old.Version != version) return (null, ConflictMessage);
        var now = clock.GetUtcNow().UtcDateTime;
        old.DeletedAt = now;
        old.DeletedByWorkerId = by.WorkerId;
        old.DeletionReason = $"Corrected: {reason.Trim()}";
        db.Entry(old).Property(r => r.Version).OriginalValue = version;
        var record = new HealthRecord
        {
            ChildId = o.ChildId, Kind = o.Kind, Date = o.Date, By = Clean(o.By),
            UpToDate = o.Kind is HealthRecordKind.Immunisations or HealthRecordKind.HealthSurveillanceCheck ? o.UpToDate : null,
            InterventionReceived = o.Kind == HealthRecordKind.SubstanceMisuse ? o.InterventionReceived : null,
            InterventionOfferedRefused = o.Kind == HealthRecordKind.SubstanceMisuse && o.InterventionReceived == false ? o.InterventionOfferedRefused : null,
            OffenceOutcome = o.Kind == HealthRecordKind.ConvictionOrCaution ? o.OffenceOutcome : null,
            SdqScore = o.Kind == HealthRecordKind.StrengthsAndDifficulties ? o.SdqScore : null,
            SdqReasonCode = o.Kind == HealthRecordKind.StrengthsAndDifficulties ? Clean(o.SdqReasonCode)?.ToUpperInvariant() : null,
            Title = Clean(o.Title), Outcome = Clean(o.Outcome), OutcomeDate = o.OutcomeDate, Notes = Clean(o.Notes),
            RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.HealthRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, ConflictMessage);
        }
        return (record, null);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
