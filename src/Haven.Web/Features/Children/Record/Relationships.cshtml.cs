using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record;

/// The child's relationships: family, household, extended family network and siblings, as a list
/// and as a simple family-network view (parents' generation above, siblings beside, wider family below).
public class RelationshipsModel(HavenDbContext db, TimeProvider clock, Haven.Core.Permanence.SealedAdoptionSettings sealedAdoption) : PageModel
{
    public enum Generation { Grandparents, Parents, Siblings, Wider }

    public sealed record Member(int Id, string Name, string Relationship, PersonKind Kind, DateOnly? DateOfBirth,
        bool ParentalResponsibility, bool LivesWithChild, Generation Generation, DateOnly? Since);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "relationships", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        // A relative whose adoption record is sealed is not listed to anyone without a sealed-record role.
        var worker = Haven.Core.Access.CurrentWorker.From(User);
        var hidden = worker is null ? Haven.Core.Permanence.SealedRecords.All(db) : Haven.Core.Permanence.SealedRecords.HiddenFrom(db, sealedAdoption, worker.Role);
        var rows = await db.Relationships.AsNoTracking()
            .Where(r => (r.PersonId == childId || r.RelatedPersonId == childId) && r.EndDate == null)
            .Where(r => !hidden.Any(h => h == r.PersonId) && !hidden.Any(h => h == r.RelatedPersonId))
            .Select(r => new
            {
                r.PersonId, r.Type, r.HasParentalResponsibility, r.StartDate,
                Other = r.PersonId == childId
                    ? new { r.RelatedPerson.Id, r.RelatedPerson.FirstName, r.RelatedPerson.LastName, r.RelatedPerson.Sex, r.RelatedPerson.Kind, r.RelatedPerson.DateOfBirth, r.RelatedPerson.IsRestricted }
                    : new { r.Person.Id, r.Person.FirstName, r.Person.LastName, r.Person.Sex, r.Person.Kind, r.Person.DateOfBirth, r.Person.IsRestricted },
            })
            .ToListAsync(ct);
        var addressId = await db.PersonAddresses.Where(a => a.PersonId == childId && a.EndDate == null).Select(a => (int?)a.AddressId).FirstOrDefaultAsync(ct);
        var household = addressId is null ? [] : await db.PersonAddresses
            .Where(a => a.AddressId == addressId && a.EndDate == null).Select(a => a.PersonId).ToListAsync(ct);

        Members = rows.Select(r =>
        {
            // Stored as "Person is Type of RelatedPerson": when the child is Person, read the inverse.
            var childIsSubject = r.PersonId == childId;
            var label = childIsSubject ? RelationshipTypes.DescribeInverse(r.Type, r.Other.Sex) : RelationshipTypes.Describe(r.Type, r.Other.Sex);
            var generation = r.Type switch
            {
                _ when RelationshipTypes.IsSibling(r.Type) || r.Type == RelationshipType.Cousin => Generation.Siblings,
                _ when RelationshipTypes.IsParental(r.Type) || r.Type == RelationshipType.FosterCarer => childIsSubject ? Generation.Wider : Generation.Parents,
                RelationshipType.Grandparent => childIsSubject ? Generation.Wider : Generation.Grandparents,
                _ => Generation.Wider,
            };
            var name = r.Other.IsRestricted ? "Restricted record" : $"{r.Other.FirstName} {r.Other.LastName}";
            return new Member(r.Other.Id, name, label, r.Other.Kind, r.Other.IsRestricted ? null : r.Other.DateOfBirth,
                !childIsSubject && r.HasParentalResponsibility, household.Contains(r.Other.Id), generation, r.StartDate);
        }).OrderBy(m => m.Generation).ThenBy(m => m.DateOfBirth).ToList();
        return Page();
    }
}
