using Haven.Core.Access;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Lado;

public sealed record LadoChildInput(string Description, int? ChildId);

public sealed record RecordAllegationOptions(
    string FirstName, string LastName, DateOnly? DateOfBirth, string Role, bool IsVolunteer, string EmployerName, EmployerSector? EmployerSector,
    DateOnly? ReceivedOn, string ReferrerName, string? ReferrerOrganisation, string Allegation, IReadOnlyList<LadoChildInput> Children);

public sealed record LadoActionInput(string Description, string Owner, DateOnly? DueOn);

/// The rules of the LADO workflow: what a valid allegation, decision, meeting and outcome are.
/// Validation returns (field, message) pairs so pages and the API give the same messages.
public static class LadoRules
{
    public const int MaxText = 10_000;

    public static IEnumerable<(string Field, string Message)> Validate(RecordAllegationOptions o, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(o.FirstName)) yield return ("FirstName", "Enter the person's first name");
        else if (o.FirstName.Length > 100) yield return ("FirstName", "First name must be 100 characters or fewer");
        if (string.IsNullOrWhiteSpace(o.LastName)) yield return ("LastName", "Enter the person's last name");
        else if (o.LastName.Length > 100) yield return ("LastName", "Last name must be 100 characters or fewer");
        if (o.DateOfBirth is { } dob && (dob > today || dob.Year < 1900)) yield return ("DateOfBirth", "Date of birth must be a real date in the past");
        if (string.IsNullOrWhiteSpace(o.Role)) yield return ("Role", "Enter the person's role, for example teaching assistant");
        else if (o.Role.Length > 200) yield return ("Role", "Role must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(o.EmployerName)) yield return ("EmployerName", "Enter the employer or organisation");
        else if (o.EmployerName.Length > 200) yield return ("EmployerName", "Employer must be 200 characters or fewer");
        if (o.EmployerSector is null || !Enum.IsDefined(o.EmployerSector.Value)) yield return ("EmployerSector", "Select the employer's sector");
        if (o.ReceivedOn is null) yield return ("ReceivedOn", "Enter the date the referral was received");
        else if (o.ReceivedOn > today) yield return ("ReceivedOn", "Date received must be today or in the past");
        if (string.IsNullOrWhiteSpace(o.ReferrerName)) yield return ("ReferrerName", "Enter who made the referral");
        else if (o.ReferrerName.Length > 200) yield return ("ReferrerName", "Referrer must be 200 characters or fewer");
        if (o.ReferrerOrganisation is { Length: > 200 }) yield return ("ReferrerOrganisation", "Referrer's organisation must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(o.Allegation)) yield return ("Allegation", "Describe the allegation");
        else if (o.Allegation.Length > MaxText) yield return ("Allegation", "Allegation must be 10,000 characters or fewer");
        if (o.Children.Count == 0) yield return ("Children", "Enter at least one child involved");
        if (o.Children.Any(c => c.Description.Length > 200)) yield return ("Children", "Each child's description must be 200 characters or fewer");
    }

    public static IEnumerable<(string Field, string Message)> ValidateDecision(DateOnly receivedOn, DateOnly? consideredOn, LadoDecision? decision, string? rationale, DateOnly today)
    {
        if (consideredOn is null) yield return ("ConsideredOn", "Enter the date of the decision");
        else if (consideredOn < receivedOn) yield return ("ConsideredOn", "Date of the decision must be on or after the date the referral was received");
        else if (consideredOn > today) yield return ("ConsideredOn", "Date of the decision must be today or in the past");
        if (decision is null || !Enum.IsDefined(decision.Value)) yield return ("Decision", "Select the decision");
        if (string.IsNullOrWhiteSpace(rationale)) yield return ("Rationale", "Enter the reasons for the decision");
        else if (rationale.Length > MaxText) yield return ("Rationale", "Reasons must be 10,000 characters or fewer");
    }

    public static IEnumerable<(string Field, string Message)> ValidateOutcome(DateOnly receivedOn, DateOnly? outcomeOn, LadoOutcome? outcome,
        bool referredToRegulator, string? regulatorName, string? notes, DateOnly today)
    {
        if (outcomeOn is null) yield return ("OutcomeOn", "Enter the date of the outcome");
        else if (outcomeOn < receivedOn) yield return ("OutcomeOn", "Date of the outcome must be on or after the date the referral was received");
        else if (outcomeOn > today) yield return ("OutcomeOn", "Date of the outcome must be today or in the past");
        if (outcome is null || !Enum.IsDefined(outcome.Value)) yield return ("Outcome", "Select the outcome");
        if (referredToRegulator && string.IsNullOrWhiteSpace(regulatorName)) yield return ("RegulatorName", "Enter which regulator the person was referred to");
        if (regulatorName is { Length: > 200 }) yield return ("RegulatorName", "Regulator must be 200 characters or fewer");
        if (notes is { Length: > MaxText }) yield return ("OutcomeNotes", "Notes must be 10,000 characters or fewer");
    }
}

/// Records allegations and their progress. Each method saves once, so nothing is half-saved.
public sealed class LadoService(HavenDbContext db, TimeProvider clock)
{
    public async Task<LadoCase> RecordAsync(RecordAllegationOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        // Children's links are checked to be real children's records; the LADO learns nothing more.
        var ids = o.Children.Where(c => c.ChildId is not null).Select(c => c.ChildId!.Value).Distinct().ToList();
        var known = await db.People.Where(p => ids.Contains(p.Id) && p.Kind == PersonKind.Child).Select(p => p.Id).ToListAsync(ct);
        if (known.Count != ids.Count) throw new LadoValidationException("Children", "A Haven ID entered for a child does not match a child's record");

        var now = clock.GetUtcNow().UtcDateTime;
        // The same person (same name and date of birth) keeps one record across allegations.
        var person = o.DateOfBirth is null ? null : await db.LadoPeople.FirstOrDefaultAsync(p =>
            p.FirstName == o.FirstName.Trim() && p.LastName == o.LastName.Trim() && p.DateOfBirth == o.DateOfBirth, ct);
        person ??= new LadoPerson { FirstName = o.FirstName.Trim(), LastName = o.LastName.Trim(), DateOfBirth = o.DateOfBirth, RecordedAt = now };
        var c = new LadoCase
        {
            Person = person, Role = o.Role.Trim(), IsVolunteer = o.IsVolunteer, EmployerName = o.EmployerName.Trim(), EmployerSector = o.EmployerSector!.Value,
            ReceivedOn = o.ReceivedOn!.Value, ReferrerName = o.ReferrerName.Trim(), ReferrerOrganisation = Blank(o.ReferrerOrganisation),
            Allegation = o.Allegation.Trim(), RecordedAt = now, RecordedByWorkerId = by.WorkerId,
            Children = o.Children.Select(x => new LadoCaseChild { Description = x.Description.Trim(), ChildId = x.ChildId }).ToList(),
        };
        db.LadoCases.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task DecideAsync(int caseId, Guid version, DateOnly consideredOn, LadoDecision decision, string rationale, CurrentWorker by, CancellationToken ct = default)
    {
        var c = await db.LadoCases.FirstAsync(x => x.Id == caseId, ct);
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.ConsideredOn = consideredOn;
        c.Decision = decision;
        c.DecisionRationale = rationale.Trim();
        c.ConsideredByWorkerId = by.WorkerId;
        await db.SaveChangesAsync(ct);
    }

    public async Task<LadoMeeting> AddMeetingAsync(int caseId, DateOnly heldOn, string attendees, string summary, IReadOnlyList<LadoActionInput> actions,
        CurrentWorker by, CancellationToken ct = default)
    {
        var meeting = new LadoMeeting
        {
            LadoCaseId = caseId, HeldOn = heldOn, Attendees = attendees.Trim(), Summary = summary.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId,
            Actions = actions.Select(a => new LadoAction { LadoCaseId = caseId, Description = a.Description.Trim(), Owner = a.Owner.Trim(), DueOn = a.DueOn!.Value }).ToList(),
        };
        db.LadoMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task CompleteActionAsync(int caseId, int actionId, Guid version, DateOnly completedOn, CancellationToken ct = default)
    {
        var a = await db.LadoActions.FirstAsync(x => x.Id == actionId && x.LadoCaseId == caseId, ct);
        // Done already by someone else: the same date set again would change nothing and save
        // nothing, so the stale page would be told "done" rather than that someone else did it.
        if (a.Version != version) throw new DbUpdateConcurrencyException("The LADO action was changed by someone else.");
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        a.CompletedOn = completedOn;
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordOutcomeAsync(int caseId, Guid version, DateOnly outcomeOn, LadoOutcome outcome, bool dbs, bool regulator, string? regulatorName,
        string? notes, CancellationToken ct = default)
    {
        var c = await db.LadoCases.FirstAsync(x => x.Id == caseId, ct);
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.OutcomeOn = outcomeOn;
        c.Outcome = outcome;
        c.ReferredToDbs = dbs;
        c.ReferredToRegulator = regulator;
        c.RegulatorName = regulator ? Blank(regulatorName) : null;
        c.OutcomeNotes = Blank(notes);
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class LadoValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
