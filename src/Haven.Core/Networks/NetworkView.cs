using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Networks;

/// One link as a viewer sees it from a child: who or what is at the other end.
public sealed record NetworkLink(int AssociationId, AssociationKind Kind, int? PersonId, string Name, bool IsConcern,
    DateOnly StartDate, DateOnly? EndDate, string Source)
{
    public bool IsCurrent(DateOnly today) => StartDate <= today && (EndDate is null || EndDate >= today);
}

/// A child newly linked to a known risk: an adult of concern or a place of concern.
public sealed record NewRiskLink(int ChildId, string ChildName, string LinkedTo, AssociationKind Kind, DateOnly StartDate, string Source);

/// A known risk and how many children it links to now.
public sealed record RiskHub(AssociationKind Kind, int Id, string Name, int Children);

/// Networks and associations as a viewer may see them. Every query is bounded by the children
/// the viewer may read (ChildAccess): another child at the end of a link is shown only if the
/// viewer could open that child's record, so a restricted child never appears, not even as a name.
public sealed class NetworkView(HavenDbContext db, ChildAccess access)
{
    public async Task<IReadOnlyList<NetworkLink>> ForChildAsync(int childId, CurrentWorker viewer, CancellationToken ct = default)
    {
        var outgoing = await db.Associations.AsNoTracking().Where(a => a.ChildId == childId)
            .Select(a => new
            {
                a.Id, a.Kind, PersonId = a.OtherPersonId, PersonKind = a.OtherPerson == null ? (PersonKind?)null : a.OtherPerson.Kind,
                Name = a.OtherPerson != null ? a.OtherPerson.FirstName + " " + a.OtherPerson.LastName : a.Place != null ? a.Place.Name : "",
                PlaceConcern = a.Place != null && a.Place.IsOfConcern, PlaceKind = a.Place == null ? (PlaceKind?)null : a.Place.Kind,
                a.StartDate, a.EndDate, a.Source,
            }).ToListAsync(ct);
        // A link recorded on the other young person's record is part of this child's network too.
        var incoming = await db.Associations.AsNoTracking().Where(a => a.OtherPersonId == childId && a.Kind == AssociationKind.YoungPerson)
            .Select(a => new { a.Id, PersonId = a.ChildId, Name = a.Child.FirstName + " " + a.Child.LastName, a.StartDate, a.EndDate, a.Source })
            .ToListAsync(ct);
        var children = outgoing.Where(o => o.PersonKind == PersonKind.Child).Select(o => o.PersonId!.Value).Concat(incoming.Select(i => i.PersonId)).Distinct().ToList();
        var visible = await access.VisibleAmongAsync(viewer, children, ct);

        var links = outgoing.Where(o => o.PersonKind != PersonKind.Child || visible.Contains(o.PersonId!.Value))
            .Select(o => new NetworkLink(o.Id, o.Kind, o.PersonId, o.PlaceKind is { } pk ? $"{o.Name} ({Place.Describe(pk).ToLowerInvariant()})" : o.Name,
                o.Kind == AssociationKind.AdultOfConcern || o.PlaceConcern, o.StartDate, o.EndDate, o.Source))
            .Concat(incoming.Where(i => visible.Contains(i.PersonId))
                .Select(i => new NetworkLink(i.Id, AssociationKind.YoungPerson, i.PersonId, i.Name, false, i.StartDate, i.EndDate, i.Source)));
        return links.OrderBy(l => l.EndDate is null ? 0 : 1).ThenByDescending(l => l.StartDate).ToList();
    }

    /// Children the viewer may see who were linked to an adult or a place of concern on or after
    /// `since`, newest first, a page at a time. The filter runs in the database (one query with
    /// the access rule as a subquery), so it stays quick with many thousands of links.
    public async Task<(IReadOnlyList<NewRiskLink> Page, int Total)> NewlyLinkedToRiskAsync(CurrentWorker viewer, DateOnly since, int skip, int take,
        CancellationToken ct = default)
    {
        var query = db.Associations.AsNoTracking()
            .Where(a => a.StartDate >= since && (a.Kind == AssociationKind.AdultOfConcern || (a.Kind == AssociationKind.Place && a.Place!.IsOfConcern)))
            .Where(access.About<Association>(viewer, a => a.ChildId));
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(a => a.StartDate).ThenBy(a => a.Id).Skip(skip).Take(take)
            .Select(a => new NewRiskLink(a.ChildId, a.Child.FirstName + " " + a.Child.LastName,
                a.OtherPerson != null ? a.OtherPerson.FirstName + " " + a.OtherPerson.LastName : a.Place!.Name, a.Kind, a.StartDate, a.Source))
            .ToListAsync(ct);
        return (page, total);
    }

    /// The known risks (adults and places of concern) with the most current links to children
    /// the viewer may see: where the panel's attention is best spent.
    public async Task<IReadOnlyList<RiskHub>> RiskHubsAsync(CurrentWorker viewer, DateOnly today, int take, CancellationToken ct = default)
    {
        var current = db.Associations.AsNoTracking()
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)).Where(access.About<Association>(viewer, a => a.ChildId));
        var places = await current.Where(a => a.Kind == AssociationKind.Place && a.Place!.IsOfConcern)
            .GroupBy(a => new { a.PlaceId, a.Place!.Name }).Select(g => new { g.Key.PlaceId, g.Key.Name, Count = g.Select(a => a.ChildId).Distinct().Count() })
            .OrderByDescending(g => g.Count).Take(take).ToListAsync(ct);
        var adults = await current.Where(a => a.Kind == AssociationKind.AdultOfConcern)
            .GroupBy(a => new { a.OtherPersonId, a.OtherPerson!.FirstName, a.OtherPerson.LastName })
            .Select(g => new { g.Key.OtherPersonId, Name = g.Key.FirstName + " " + g.Key.LastName, Count = g.Select(a => a.ChildId).Distinct().Count() })
            .OrderByDescending(g => g.Count).Take(take).ToListAsync(ct);
        return places.Select(p => new RiskHub(AssociationKind.Place, p.PlaceId!.Value, p.Name, p.Count))
            .Concat(adults.Select(a => new RiskHub(AssociationKind.AdultOfConcern, a.OtherPersonId!.Value, a.Name, a.Count)))
            .OrderByDescending(h => h.Children).Take(take).ToList();
    }

}
