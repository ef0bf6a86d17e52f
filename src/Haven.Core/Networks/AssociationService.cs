using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Networks;

/// What a worker records about a link: with a young person (by Haven ID), an adult of concern (an
/// existing person by Haven ID, or a new one by name), or a place (an existing one, or a new one).
public sealed record AddAssociationOptions(int ChildId, AssociationKind Kind, string? OtherHavenId, string? NewAdultFirstName, string? NewAdultLastName,
    int? PlaceId, string? NewPlaceName, PlaceKind? NewPlaceKind, string? NewPlacePostcode, bool NewPlaceOfConcern,
    DateOnly StartDate, DateOnly? EndDate, string? Source, string? Notes);

/// Recording and ending associations. A young person at the other end must be a child the worker
/// may read: a child they may not see is reported exactly as one that does not exist, so the form
/// never reveals that a restricted child is there.
public sealed class AssociationService(HavenDbContext db, ChildAccess access, TimeProvider clock)
{
    public async Task<(Association? Saved, Dictionary<string, string> Errors)> AddAsync(AddAssociationOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) errors["Kind"] = "Select who or what the child is associated with";
        if (o.StartDate == default) errors["StartDate"] = "Enter when the association began";
        else if (o.StartDate > today) errors["StartDate"] = "When the association began must be today or in the past";
        else if (o.StartDate.Year < 1990) errors["StartDate"] = "When the association began must be after 1 January 1990";
        if (o.EndDate is { } end && o.StartDate != default)
        {
            if (end < o.StartDate) errors["EndDate"] = "When the association ended must be on or after it began";
            else if (end > today) errors["EndDate"] = "When the association ended must be today or in the past";
        }
        if (string.IsNullOrWhiteSpace(o.Source)) errors["Source"] = "Enter where the information came from";
        else if (o.Source.Trim().Length > 200) errors["Source"] = "The source must be 200 characters or fewer";
        if (o.Notes is { } n && n.Trim().Length > 2000) errors["Notes"] = "Notes must be 2,000 characters or fewer";

        var association = new Association
        {
            ChildId = o.ChildId, Kind = o.Kind, StartDate = o.StartDate, EndDate = o.EndDate, Source = o.Source?.Trim() ?? "",
            Notes = string.IsNullOrWhiteSpace(o.Notes) ? null : o.Notes.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by.WorkerId,
        };
        switch (o.Kind)
        {
            case AssociationKind.YoungPerson:
                if (!HavenIds.TryParse(o.OtherHavenId, out var otherChild)) errors["OtherHavenId"] = "Enter the young person's Haven ID, like H1234";
                else if (otherChild == o.ChildId) errors["OtherHavenId"] = "Enter another young person's Haven ID, not this child's";
                else if (!await access.Children(by).AnyAsync(p => p.Id == otherChild && p.Kind == PersonKind.Child, ct))
                    errors["OtherHavenId"] = "There is no young person with that Haven ID that you can record against";
                else association.OtherPersonId = otherChild;
                break;
            case AssociationKind.AdultOfConcern:
                if (!string.IsNullOrWhiteSpace(o.OtherHavenId))
                {
                    if (!HavenIds.TryParse(o.OtherHavenId, out var adultId) || !await db.People.AnyAsync(p => p.Id == adultId && p.Kind == PersonKind.Adult && !p.IsRestricted, ct))
                        errors["OtherHavenId"] = "There is no adult with that Haven ID";
                    else association.OtherPersonId = adultId;
                }
                else if (string.IsNullOrWhiteSpace(o.NewAdultFirstName) || string.IsNullOrWhiteSpace(o.NewAdultLastName))
                    errors["OtherHavenId"] = "Enter the adult's Haven ID, or their first and last name to add them";
                else if (o.NewAdultFirstName.Trim().Length > 100 || o.NewAdultLastName.Trim().Length > 100)
                    errors["OtherHavenId"] = "Names must be 100 characters or fewer";
                else association.OtherPerson = new Person { Kind = PersonKind.Adult, FirstName = o.NewAdultFirstName.Trim(), LastName = o.NewAdultLastName.Trim() };
                break;
            case AssociationKind.Place:
                if (o.PlaceId is { } pid and > 0)
                {
                    if (!await db.Places.AnyAsync(p => p.Id == pid, ct)) errors["PlaceId"] = "Select a place from the list";
                    else association.PlaceId = pid;
                }
                else if (string.IsNullOrWhiteSpace(o.NewPlaceName)) errors["PlaceId"] = "Select a place, or enter the name of a new place";
                else if (o.NewPlaceName.Trim().Length > 200) errors["NewPlaceName"] = "The place's name must be 200 characters or fewer";
                else if (o.NewPlaceKind is not { } kind || !Enum.IsDefined(kind)) errors["NewPlaceKind"] = "Select what kind of place it is";
                else if (o.NewPlacePostcode is { } pc && pc.Trim().Length > 10) errors["NewPlacePostcode"] = "The postcode must be 10 characters or fewer";
                else association.Place = new Place
                {
                    Name = o.NewPlaceName.Trim(), Kind = kind, Postcode = string.IsNullOrWhiteSpace(o.NewPlacePostcode) ? null : o.NewPlacePostcode.Trim().ToUpperInvariant(),
                    IsOfConcern = o.NewPlaceOfConcern,
                };
                break;
        }
        if (errors.Count > 0) return (null, errors);
        db.Associations.Add(association);
        // The new adult or place and the link are one save.
        await db.SaveChangesAsync(ct);
        return (association, errors);
    }

    /// An association recorded on this child, or recorded on the other young person's record and
    /// naming this child (the link belongs to both).
    public Task<Association?> FindAsync(int childId, int associationId, CancellationToken ct = default) =>
        db.Associations.FirstOrDefaultAsync(a => a.Id == associationId
            && (a.ChildId == childId || (a.OtherPersonId == childId && a.Kind == AssociationKind.YoungPerson)), ct);

    public static Dictionary<string, string> ValidateEnd(Association a, DateOnly endDate, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (a.EndDate is not null) errors["EndDate"] = "This association has already ended";
        else if (endDate == default) errors["EndDate"] = "Enter when the association ended";
        else if (endDate < a.StartDate) errors["EndDate"] = $"When the association ended must be on or after it began ({a.StartDate:d MMMM yyyy})";
        else if (endDate > today) errors["EndDate"] = "When the association ended must be today or in the past";
        return errors;
    }

    public async Task EndAsync(Association a, DateOnly endDate, Guid expectedVersion, CancellationToken ct = default)
    {
        if (a.Version != expectedVersion) throw new StaleRecordException("The association was changed by someone else.");
        db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
        a.EndDate = endDate;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRecordException("The association was changed by someone else.");
        }
    }
}
