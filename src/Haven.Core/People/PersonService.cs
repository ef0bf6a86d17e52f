using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.People.Identifiers;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.People;

public sealed record AddPersonOptions(PersonKind Kind, string FirstName, string LastName, string? KnownAs, DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth, Sex Sex, string? NhsNumber, int? RelatedChildId = null, RelationshipType? RelationshipToChild = null,
    bool ParentalResponsibility = false, string? AllocationReasonCode = null);

/// Adding people, with the rules the pages and the API share.
public sealed class PersonService(HavenDbContext db, TimeProvider clock)
{
    /// The allocation a new child gets when this worker adds them: a case-holding worker with a team
    /// holds the case from that day, so the record is never orphaned. Null: no allocation.
    public static AllocationKind? AllocationOnAdd(CurrentWorker by) => by.TeamId is null ? null : by.Role switch
    {
        HavenRole.SocialWorker or HavenRole.TeamManager => AllocationKind.SocialWorker,
        HavenRole.EarlyHelpWorker => AllocationKind.EarlyHelpWorker,
        _ => null,
    };

    /// Whether adding this person starts a social worker's allocation, which the SSDA903 reports as a
    /// social worker episode with its SW_REASON. The reason list (Codes/903_sw_reason.csv) has no code
    /// for a first allocation, so the worker is asked for one, as at every change of worker.
    public static bool AsksAllocationReason(CurrentWorker by, PersonKind kind) =>
        kind == PersonKind.Child && AllocationOnAdd(by) == AllocationKind.SocialWorker;

    public static IReadOnlyDictionary<string, string> Validate(AddPersonOptions o, DateOnly today, bool asksAllocationReason = false)
    {
        var errors = new Dictionary<string, string>();
        if (asksAllocationReason && o.Kind == PersonKind.Child)
        {
            if (string.IsNullOrWhiteSpace(o.AllocationReasonCode)) errors["AllocationReasonCode"] = "Select the reason the case is allocated to you";
            else if (!Codes.CodeLists.SwReason.Contains(o.AllocationReasonCode)) errors["AllocationReasonCode"] = "Select a reason from the list";
        }
        if (string.IsNullOrWhiteSpace(o.FirstName)) errors["FirstName"] = "Enter the first name";
        else if (o.FirstName.Length > 100) errors["FirstName"] = "First name must be 100 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.LastName)) errors["LastName"] = "Enter the last name";
        else if (o.LastName.Length > 100) errors["LastName"] = "Last name must be 100 characters or fewer";
        if (o.KnownAs is { Length: > 100 }) errors["KnownAs"] = "Known as must be 100 characters or fewer";
        if (o.DateOfBirth is { } dob && dob > today) errors["DateOfBirth"] = "Date of birth must be today or in the past";
        if (o.DateOfBirth is { } old && old < today.AddYears(-120)) errors["DateOfBirth"] = "Date of birth must be within the last 120 years";
        if (o.Kind == PersonKind.Child && o.DateOfBirth is { } cdob && cdob < today.AddYears(-26))
            errors["DateOfBirth"] = "A child's record is for someone under 26 (care leavers are supported up to 25)";
        if (o.ExpectedDateOfBirth is { } edd && (edd < today || edd > today.AddMonths(10)))
            errors["ExpectedDateOfBirth"] = "Expected date of birth must be within the next 10 months";
        if (o.Kind == PersonKind.Child && o.DateOfBirth is null && o.ExpectedDateOfBirth is null)
            errors["DateOfBirth"] = "Enter the date of birth, or the expected date of birth for an unborn child";
        if (o.DateOfBirth is not null && o.ExpectedDateOfBirth is not null)
            errors["ExpectedDateOfBirth"] = "Enter either a date of birth or an expected date of birth, not both";
        if (!string.IsNullOrWhiteSpace(o.NhsNumber) && NhsNumber.Check(o.NhsNumber) is { IsValid: false } nhs)
            errors["NhsNumber"] = nhs.ErrorMessage!;
        if (!Enum.IsDefined(o.Sex)) errors["Sex"] = "Select the sex";
        if (o.RelationshipToChild is { } r && !Enum.IsDefined(r)) errors["RelationshipToChild"] = "Select the relationship";
        return errors;
    }

    public async Task<Person> AddAsync(AddPersonOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var person = new Person
        {
            Kind = o.Kind, FirstName = o.FirstName.Trim(), LastName = o.LastName.Trim(), KnownAs = string.IsNullOrWhiteSpace(o.KnownAs) ? null : o.KnownAs.Trim(),
            DateOfBirth = o.DateOfBirth, ExpectedDateOfBirth = o.ExpectedDateOfBirth,
            Sex = o.ExpectedDateOfBirth is not null ? Sex.Unknown : o.Sex,
            NhsNumber = string.IsNullOrWhiteSpace(o.NhsNumber) ? null : NhsNumber.Check(o.NhsNumber).Value,
            UpnUnknownReason = o.Kind == PersonKind.Child && o.ExpectedDateOfBirth is not null ? "UN6" : null,
            RecordedAt = now, RecordedByWorkerId = by.WorkerId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);

        // A new child added by a case-holding worker is allocated to them, so the record is never orphaned;
        // a social worker's allocation keeps the reason given (the 903 SW_REASON of its episode).
        if (o.Kind == PersonKind.Child && AllocationOnAdd(by) is { } k && by.TeamId is { } teamId)
            db.Allocations.Add(new Allocation
            {
                ChildId = person.Id, Kind = k, WorkerId = by.WorkerId, TeamId = teamId, StartDate = today, AllocatedByWorkerId = by.WorkerId, RecordedAt = now,
                ChangeReasonCode = k == AllocationKind.SocialWorker && !string.IsNullOrWhiteSpace(o.AllocationReasonCode) ? o.AllocationReasonCode.Trim().ToUpperInvariant() : null,
            });
        if (o.RelatedChildId is { } childId && o.RelationshipToChild is { } type)
            db.Relationships.Add(new Relationship { PersonId = person.Id, RelatedPersonId = childId, Type = type, HasParentalResponsibility = o.ParentalResponsibility, StartDate = today, RecordedAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return person;
    }
}
