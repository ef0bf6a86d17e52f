using Haven.Core.Allocations;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.People;
using Haven.Core.People.Identifiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record;

/// The child's summary: who they are, where and with whom they live, the people and professionals
/// around them, who holds the case, and the council's current involvement.
public class SummaryModel(HavenDbContext db, Haven.Core.MyWork.DueWork dueWork, TimeProvider clock, Haven.Core.Permanence.SealedAdoptionSettings sealedAdoption) : PageModel
{
    public sealed record PersonLink(int Id, string Name, string Relationship, bool IsChild, bool ParentalResponsibility, string? Note);
    public sealed record Holder(string Role, string Worker, string Team, DateOnly Since);
    public sealed record InvolvementRow(string Kind, DateOnly Start);

    public ChildHeader Header { get; private set; } = null!;
    public Person Child { get; private set; } = null!;
    public Address? CurrentAddress { get; private set; }
    public DateOnly? LivingThereSince { get; private set; }
    public IReadOnlyList<PersonLink> LivesWith { get; private set; } = [];
    public IReadOnlyList<PersonLink> KeyPeople { get; private set; } = [];
    public IReadOnlyList<ProfessionalContact> Professionals { get; private set; } = [];
    public IReadOnlyList<Holder> Holders { get; private set; } = [];
    public IReadOnlyList<InvolvementRow> Involvements { get; private set; } = [];
    public IReadOnlyList<Haven.Core.MyWork.DueItem> Due { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// Distinct social workers allocated in the 12 months to today (Workforce.WorkforceRules.SocialWorkersInYear).
    public int SocialWorkersInYear { get; private set; }

    public string Ethnicity => Child.EthnicityCode is null ? "Not recorded" : CodeLists.Ethnicity.Describe(Child.EthnicityCode) ?? Child.EthnicityCode;
    public string Disability => Child.DisabilityCodes is null ? "Not recorded"
        : string.Join(", ", Child.DisabilityCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => CodeLists.Disability.Describe(c) ?? c));
    public string NhsNumberText => Child.NhsNumber is null ? "Not recorded" : NhsNumber.Format(Child.NhsNumber);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        // The child, their open involvements, their open child protection plan (the header's flags) and
        // the professionals around them are read in one statement (on PostgreSQL each statement is a round
        // trip and a pooled connection's turn). Each is a collection of rows of one table joined on the
        // child's id (an index lookup on either database); few rows each, so their product stays small
        // (chosen as one query, AsSingleQuery: split, they would be four statements again).
        var read = await db.People.AsNoTracking().AsSingleQuery().Where(p => p.Id == childId)
            .Select(p => new
            {
                Person = p,
                Open = db.Involvements.Where(i => i.ChildId == p.Id && i.EndDate == null)
                    .OrderBy(i => i.StartDate).Select(i => new { i.Kind, i.StartDate }).ToList(),
                Plans = db.ChildProtectionPlans.Where(c => c.ChildId == p.Id && c.EndDate == null).OrderByDescending(c => c.StartDate).ToList(),
                Professionals = db.ProfessionalContacts.Where(c => c.PersonId == p.Id).OrderBy(c => c.Role).ToList(),
            })
            .FirstAsync(ct);
        Child = read.Person;
        var open = read.Open;
        var plan = read.Plans.FirstOrDefault();
        Header = ChildHeader.For(Child, open.Select(i => i.Kind).ToList(),
            plan is null ? [] : Haven.Core.ChildProtection.ChildProtectionFlags.For(plan, today), "summary", today);
        Involvements = open.Select(i => new InvolvementRow(Involvement.Describe(i.Kind), i.StartDate)).ToList();
        Professionals = read.Professionals;

        var current = await db.PersonAddresses.AsNoTracking().Include(a => a.Address)
            .Where(a => a.PersonId == childId && a.EndDate == null).OrderByDescending(a => a.StartDate).FirstOrDefaultAsync(ct);
        CurrentAddress = current?.Address;
        LivingThereSince = current?.StartDate;

        // A relative whose adoption record is sealed is not named here to anyone without a sealed-record role.
        var worker = Haven.Core.Access.CurrentWorker.From(User);
        var hidden = worker is null ? Haven.Core.Permanence.SealedRecords.All(db) : Haven.Core.Permanence.SealedRecords.HiddenFrom(db, sealedAdoption, worker.Role);
        var relationships = await db.Relationships.AsNoTracking()
            .Where(r => (r.PersonId == childId || r.RelatedPersonId == childId) && r.EndDate == null)
            .Where(r => !hidden.Any(h => h == r.PersonId) && !hidden.Any(h => h == r.RelatedPersonId))
            .Select(r => new { r.PersonId, r.RelatedPersonId, r.Type, r.HasParentalResponsibility,
                Person = new { r.Person.Id, r.Person.FirstName, r.Person.LastName, r.Person.Sex, r.Person.Kind, r.Person.IsRestricted },
                Related = new { r.RelatedPerson.Id, r.RelatedPerson.FirstName, r.RelatedPerson.LastName, r.RelatedPerson.Sex, r.RelatedPerson.Kind, r.RelatedPerson.IsRestricted } })
            .ToListAsync(ct);
        var people = relationships.Select(r => r.PersonId == childId
                // "child is TYPE of other": read from the other's side it is the inverse.
                ? new PersonLink(r.Related.Id, Name(r.Related.FirstName, r.Related.LastName, r.Related.IsRestricted),
                    RelationshipTypes.DescribeInverse(r.Type, r.Related.Sex), r.Related.Kind == PersonKind.Child, false, null)
                : new PersonLink(r.Person.Id, Name(r.Person.FirstName, r.Person.LastName, r.Person.IsRestricted),
                    RelationshipTypes.Describe(r.Type, r.Person.Sex), r.Person.Kind == PersonKind.Child, r.HasParentalResponsibility, null))
            .ToList();

        var householdIds = current is null ? [] : await db.PersonAddresses.AsNoTracking()
            .Where(a => a.AddressId == current.AddressId && a.EndDate == null && a.PersonId != childId)
            .Select(a => a.PersonId).ToListAsync(ct);
        LivesWith = people.Where(p => householdIds.Contains(p.Id)).ToList();
        // Household members who are no relation are read by id, leaving out the sealed (in the same
        // query: the sealed records are not read on their own, there may be many across the council).
        var unrelatedHousehold = householdIds.Except(people.Select(p => p.Id)).ToList();
        if (unrelatedHousehold.Count > 0)
        {
            var others = await db.People.AsNoTracking().Where(p => unrelatedHousehold.Contains(p.Id) && !hidden.Any(h => h == p.Id))
                .Select(p => new { p.Id, p.FirstName, p.LastName, p.Kind, p.IsRestricted }).ToListAsync(ct);
            LivesWith = LivesWith.Concat(others.Select(o => new PersonLink(o.Id, Name(o.FirstName, o.LastName, o.IsRestricted), "Household member", o.Kind == PersonKind.Child, false, null))).ToList();
        }
        KeyPeople = people.Where(p => !householdIds.Contains(p.Id)).OrderBy(p => p.Relationship).ToList();

        // Who holds the case today and the social workers of the last 12 months, from one read of
        // the allocations running at some point from the year's start to today.
        var yearStart = Haven.Core.Workforce.WorkforceRules.YearStart(today);
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= yearStart))
            .Select(a => new { a.Kind, a.WorkerId, Worker = a.Worker.DisplayName, Team = a.Team.Name, a.StartDate, a.EndDate }).ToListAsync(ct);
        // In the order the database sorts the kinds' stored names (ordinal), as the page always listed them.
        Holders = allocations.Where(a => a.EndDate == null || a.EndDate >= today)
            .OrderBy(a => a.Kind.ToString(), StringComparer.Ordinal)
            .Select(a => new Holder(Allocation.Describe(a.Kind), a.Worker, a.Team, a.StartDate)).ToList();
        SocialWorkersInYear = Haven.Core.Workforce.WorkforceRules.SocialWorkersInYear(allocations
            .Where(a => a.Kind == AllocationKind.SocialWorker).Select(a => (a.WorkerId, a.StartDate, a.EndDate)), today);
        Due = await dueWork.ForChildrenAsync([childId], ct);
        Today = today;
        return Page();
    }

    // A restricted relative's name is not shown on another child's record.
    private static string Name(string first, string last, bool restricted) => restricted ? "Restricted record" : $"{first} {last}";
}
