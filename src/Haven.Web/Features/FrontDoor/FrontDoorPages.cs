using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor;

/// What the front door's pages share: need to know for every child on a contact, and how states show.
public static class FrontDoorPages
{
    /// A contact is open to a worker only if every child on it is: restricted records stay
    /// restricted (open only by a grant). Front-door roles read every other child on a contact, as
    /// the MASH must to decide; a manager signing off is in the same position. Each child's view
    /// (or refusal) is written to the access log.
    public static async Task<bool> CanSeeContactAsync(HavenDbContext db, ChildAccess access, AccessLog log, HttpContext http, int contactId, CancellationToken ct)
    {
        var worker = CurrentWorker.From(http.User);
        var childIds = await db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.ChildId).ToListAsync(ct);
        if (worker is null || childIds.Count == 0) return false;
        var visible = await VisibleAsync(db, access, worker, childIds, ct);
        var resource = $"{http.Request.Method} {http.Request.Path}";
        foreach (var id in childIds)
            await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, visible.Contains(id) ? AccessAction.View : AccessAction.Denied, id, resource), ct);
        return childIds.All(visible.Contains);
    }

    /// Which of these children a front-door worker may see on a contact: any unrestricted child, and restricted ones only by grant.
    public static async Task<HashSet<int>> VisibleAsync(HavenDbContext db, ChildAccess access, CurrentWorker worker, IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (!AccessMatrix.WorksAtFrontDoor(worker.Role)) return [];
        var open = await db.People.Where(p => childIds.Contains(p.Id) && !p.IsRestricted).Select(p => p.Id).ToListAsync(ct);
        var granted = await access.Children(worker).Where(p => childIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return open.Concat(granted).ToHashSet();
    }

    public static async Task LogChangeAsync(HavenDbContext db, AccessLog log, HttpContext http, int contactId, CancellationToken ct)
    {
        var worker = CurrentWorker.From(http.User)!;
        foreach (var id in await db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.ChildId).ToListAsync(ct))
            await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Change, id, $"{http.Request.Method} {http.Request.Path}"), ct);
    }

    public static string RagColour(Rag rag) => rag switch { Rag.Red => "red", Rag.Amber => "orange", _ => "green" };

    public static string TimelinessColour(DecisionTimeliness t) => t.Status switch
    {
        TimelinessStatus.Overdue or TimelinessStatus.DecidedLate => "red",
        TimelinessStatus.DueToday => "orange",
        TimelinessStatus.DecidedInTime => "green",
        _ => "blue",
    };

    public static string Name(Haven.Core.People.Person p) =>
        p.DateOfBirth is null && p.ExpectedDateOfBirth is { } edd ? $"{p.FirstName} {p.LastName} (unborn, due {edd:d MMM yyyy})" : $"{p.FirstName} {p.LastName}";
}
