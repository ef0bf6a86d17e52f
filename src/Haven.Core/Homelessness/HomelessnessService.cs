using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Homelessness;

public sealed record StartHomelessnessOptions(int ChildId, DateOnly? PresentedOn, string? StayingNow);

public sealed record AddStayOptions(AccommodationType? Type, string? Address, DateOnly? From, DateOnly? To);

public sealed record RecordOptionsStep(DateOnly? ExplainedOn, OptionsExplainedHow? ExplainedHow, bool? SaidTheyUnderstood, bool? AdvocateOffered,
    bool? AdvocateTakenUp, string? AdvocateName, HomelessDecision? Decision, string? InOwnWords);

public sealed record CloseHomelessnessOptions(DateOnly? ClosedOn, HomelessOutcome? Outcome, string? Notes);

/// The rules of the homelessness path for 16- and 17-year-olds, as field errors (Field, Message).
public static class HomelessnessRules
{
    public const int MaxText = 10_000;

    /// Age in whole years on a date.
    public static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        if (on < dob.AddYears(age)) age--;
        return age;
    }

    public static IEnumerable<(string Field, string Message)> Validate(StartHomelessnessOptions o, DateOnly? dob, DateOnly today)
    {
        if (o.PresentedOn is null) yield return ("PresentedOn", "Enter the date the young person presented as homeless");
        else if (o.PresentedOn > today) yield return ("PresentedOn", "Date presented must be today or in the past");
        else if (o.PresentedOn.Value.Year < 2000) yield return ("PresentedOn", "Date presented must be after 2000");
        else if (dob is null) yield return ("PresentedOn", "Record the young person's date of birth first: this assessment is for 16- and 17-year-olds");
        else if (AgeOn(dob.Value, o.PresentedOn.Value) is var age and not (16 or 17))
            yield return ("PresentedOn", $"A homelessness assessment is only for young people aged 16 or 17. This child was {age} on the date they presented");
        if (string.IsNullOrWhiteSpace(o.StayingNow)) yield return ("StayingNow", "Enter where the young person is staying now");
        else if (o.StayingNow.Length > 500) yield return ("StayingNow", "Where they are staying now must be 500 characters or fewer");
    }

    public static IEnumerable<(string Field, string Message)> Validate(AddStayOptions o, DateOnly presentedOn, DateOnly today)
    {
        if (o.Type is null || !Enum.IsDefined(o.Type.Value)) yield return ("StayType", "Select the type of accommodation");
        if (string.IsNullOrWhiteSpace(o.Address)) yield return ("StayAddress", "Enter the address");
        else if (o.Address.Length > 500) yield return ("StayAddress", "Address must be 500 characters or fewer");
        if (o.From is null) yield return ("StayFrom", "Enter the date the stay started");
        else if (o.From < presentedOn) yield return ("StayFrom", "Date the stay started must be on or after the date they presented");
        else if (o.From > today) yield return ("StayFrom", "Date the stay started must be today or in the past");
        if (o.To is { } to && o.From is { } from && to < from) yield return ("StayTo", "Date the stay ended must be on or after the date it started");
    }

    public static IEnumerable<(string Field, string Message)> Validate(RecordOptionsStep o, DateOnly presentedOn, DateOnly today)
    {
        if (o.ExplainedOn is null) yield return ("ExplainedOn", "Enter the date the options were explained");
        else if (o.ExplainedOn < presentedOn || o.ExplainedOn > today) yield return ("ExplainedOn", "Date the options were explained must be between the date they presented and today");
        if (o.ExplainedHow is null || !Enum.IsDefined(o.ExplainedHow.Value)) yield return ("ExplainedHow", "Select how the options were explained");
        if (o.SaidTheyUnderstood is null) yield return ("SaidTheyUnderstood", "Select whether the young person said they understood their options");
        if (o.AdvocateOffered is null) yield return ("AdvocateOffered", "Select whether an advocate was offered");
        else if (o.AdvocateOffered == true && o.AdvocateTakenUp is null) yield return ("AdvocateTakenUp", "Select whether the young person took up the offer of an advocate");
        if (o.AdvocateName is { Length: > 200 }) yield return ("AdvocateName", "Advocate's name must be 200 characters or fewer");
        if (o.Decision is null || !Enum.IsDefined(o.Decision.Value)) yield return ("Decision", "Select the young person's decision");
        if (string.IsNullOrWhiteSpace(o.InOwnWords)) yield return ("InOwnWords", "Enter the young person's decision in their own words");
        else if (o.InOwnWords.Length > MaxText) yield return ("InOwnWords", "Their own words must be 10,000 characters or fewer");
    }

    public static IEnumerable<(string Field, string Message)> Validate(CloseHomelessnessOptions o, DateOnly presentedOn, DateOnly today)
    {
        if (o.ClosedOn is null) yield return ("ClosedOn", "Enter the date the assessment closed");
        else if (o.ClosedOn < presentedOn) yield return ("ClosedOn", "Closing date must be on or after the date they presented");
        else if (o.ClosedOn > today) yield return ("ClosedOn", "Closing date must be today or in the past");
        if (o.Outcome is null || !Enum.IsDefined(o.Outcome.Value)) yield return ("Outcome", "Select the outcome");
        if (o.Notes is { Length: > MaxText }) yield return ("ClosureNotes", "Notes must be 10,000 characters or fewer");
    }
}

/// Starts, records and closes homelessness assessments. Each change validates first and saves
/// once; the options step and the closure carry the assessment's Version, so a stale form fails.
public sealed class HomelessnessService(HavenDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<(HomelessnessAssessment? Assessment, IReadOnlyList<(string Field, string Message)> Errors)> StartAsync(StartHomelessnessOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var dob = await db.People.Where(p => p.Id == o.ChildId).Select(p => p.DateOfBirth).FirstOrDefaultAsync(ct);
        var errors = HomelessnessRules.Validate(o, dob, Today).ToList();
        if (await db.HomelessnessAssessments.AnyAsync(a => a.ChildId == o.ChildId && a.ClosedOn == null, ct))
            errors.Add(("PresentedOn", "This young person already has an open homelessness assessment"));
        if (errors.Count > 0) return (null, errors);
        var a = new HomelessnessAssessment
        {
            ChildId = o.ChildId, PresentedOn = o.PresentedOn!.Value, StayingNow = o.StayingNow!.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId,
        };
        db.HomelessnessAssessments.Add(a);
        await db.SaveChangesAsync(ct);
        return (a, []);
    }

    public async Task<IReadOnlyList<(string Field, string Message)>> AddStayAsync(int assessmentId, AddStayOptions o, CancellationToken ct = default)
    {
        var a = await db.HomelessnessAssessments.FirstAsync(x => x.Id == assessmentId, ct);
        var errors = HomelessnessRules.Validate(o, a.PresentedOn, Today).ToList();
        if (errors.Count > 0) return errors;
        db.TemporaryAccommodations.Add(new TemporaryAccommodation
        {
            AssessmentId = assessmentId, Type = o.Type!.Value, Address = o.Address!.Trim(), From = o.From!.Value, To = o.To, RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// Records the options step. Throws DbUpdateConcurrencyException when the version is stale.
    public async Task<IReadOnlyList<(string Field, string Message)>> RecordOptionsAsync(int assessmentId, Guid version, RecordOptionsStep o, CancellationToken ct = default)
    {
        var a = await db.HomelessnessAssessments.FirstAsync(x => x.Id == assessmentId, ct);
        var errors = HomelessnessRules.Validate(o, a.PresentedOn, Today).ToList();
        if (errors.Count > 0) return errors;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        a.OptionsExplainedOn = o.ExplainedOn;
        a.ExplainedHow = o.ExplainedHow;
        a.SaidTheyUnderstood = o.SaidTheyUnderstood;
        a.AdvocateOffered = o.AdvocateOffered;
        a.AdvocateTakenUp = o.AdvocateOffered == true ? o.AdvocateTakenUp : false;
        a.AdvocateName = string.IsNullOrWhiteSpace(o.AdvocateName) ? null : o.AdvocateName.Trim();
        a.Decision = o.Decision;
        a.DecisionInOwnWords = o.InOwnWords!.Trim();
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// Closes the assessment. Throws DbUpdateConcurrencyException when the version is stale.
    public async Task<IReadOnlyList<(string Field, string Message)>> CloseAsync(int assessmentId, Guid version, CloseHomelessnessOptions o, CancellationToken ct = default)
    {
        var a = await db.HomelessnessAssessments.FirstAsync(x => x.Id == assessmentId, ct);
        var errors = HomelessnessRules.Validate(o, a.PresentedOn, Today).ToList();
        if (a.ClosedOn is not null) errors.Add(("ClosedOn", "This assessment is already closed"));
        if (errors.Count > 0) return errors;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        a.ClosedOn = o.ClosedOn;
        a.Outcome = o.Outcome;
        a.ClosureNotes = string.IsNullOrWhiteSpace(o.Notes) ? null : o.Notes.Trim();
        await db.SaveChangesAsync(ct);
        return [];
    }
}
