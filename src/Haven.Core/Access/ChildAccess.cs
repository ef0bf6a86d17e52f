using System.Linq.Expressions;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Access;

/// Decides, per child, whether a worker may read or change the record: the role's scope from the
/// AccessMatrix, the child's current allocations, explicit grants, and restriction. Restricted
/// records open only to an explicit, unexpired grant, whatever the role.
public sealed class ChildAccess(HavenDbContext db, TimeProvider clock, ChildrenInCare.ICareSpans care, Permanence.SealedAdoptionSettings? sealedAdoption = null)
{
    public async Task<bool> CanAsync(CurrentWorker worker, int childId, AccessLevel level, CancellationToken ct = default) =>
        await db.People.AnyAsync(Visible(worker, level).And(p => p.Id == childId), ct);

    /// Access to one kind of record about the child: the worker's access to the whole record, or a
    /// cohort-wide grant of that kind (AccessMatrix.Cohorts), such as the virtual school's to the
    /// education records of every child in care.
    public async Task<bool> CanAsync(CurrentWorker worker, int childId, AccessLevel level, RecordKind kind, CancellationToken ct = default) =>
        await Children(worker, level, kind).AnyAsync(p => p.Id == childId, ct);

    /// The children whose records of this kind the worker may read (or write).
    public IQueryable<Person> Children(CurrentWorker worker, AccessLevel level, RecordKind kind)
    {
        var visible = Visible(worker, level);
        if (AccessMatrix.CohortFor(worker.Role, kind) is not null && kind == RecordKind.Education)
        {
            var inCare = care.InCareNow();
            var adoptions = db.AdoptionCases;
            visible = visible.Or(p => p.Kind == PersonKind.Child && !p.IsRestricted && inCare.Contains(p.Id) && !adoptions.Any(a => a.ChildId == p.Id && a.SealedAt != null));
        }
        return db.People.Where(visible);
    }

    /// The children this worker may read (or write): use it for search and every list of children.
    public IQueryable<Person> Children(CurrentWorker worker, AccessLevel level = AccessLevel.Read) =>
        db.People.Where(Visible(worker, level));

    /// Rows about a child the worker may read (or write), asked row by row: an EXISTS of the child through
    /// the person's primary key. A list of records about children filters with this, not with
    /// "ChildId IN (Children(worker).Select(p => p.Id))": SQLite answers that IN by first listing every
    /// child the worker may see, testing the access rule for every person (134,000 at 50,000 children),
    /// on every view; asked row by row, a list read newest first stops at its page (BenchPagePlanTests).
    public Expression<Func<T, bool>> About<T>(CurrentWorker worker, Expression<Func<T, int>> childId, AccessLevel level = AccessLevel.Read)
    {
        var p = Expression.Parameter(typeof(Person), "p");
        var same = Expression.Lambda<Func<Person, bool>>(Expression.Equal(Expression.Property(p, nameof(Person.Id)), childId.Body), p);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Person)], Children(worker, level).Expression, Expression.Quote(same));
        return Expression.Lambda<Func<T, bool>>(any, childId.Parameters[0]);
    }

    /// Which of these children the worker may read (or write), asked 500 at a time.
    public async Task<HashSet<int>> VisibleAmongAsync(CurrentWorker worker, IEnumerable<int> childIds, CancellationToken ct = default)
    {
        var visible = new HashSet<int>();
        foreach (var chunk in childIds.Distinct().Chunk(500))
            visible.UnionWith(await Children(worker).Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        return visible;
    }

    /// A necessary condition for <see cref="Children(CurrentWorker, AccessLevel)"/> judged from a child's id
    /// alone (the allocations, grants and sealed adoptions that can open a record), never the person's row;
    /// null when it rules nobody out (a role that reads every child). A child outside it is never visible,
    /// so a lookup that starts from a list of ids (child search's key index) can drop them before reading
    /// their rows; the full test (<see cref="Children(CurrentWorker, AccessLevel)"/>) still decides.
    public Expression<Func<int, bool>>? Reach(CurrentWorker worker, AccessLevel level = AccessLevel.Read)
    {
        var (scoped, granted, isSealed) = Openers(worker, level);
        if (AccessMatrix.Scope(worker.Role, level) == AccessScope.All) return null;
        var reach = scoped;
        if (GrantApplies(worker, level)) reach = reach is null ? granted : reach.Or(granted);
        if (MayOpenSealed(worker, level)) reach = reach is null ? isSealed : reach.Or(isSealed);
        return reach ?? (id => false);
    }

    /// The children <see cref="Reach"/> admits, read as lists from the rows that can open a record, for a
    /// cache of them (<see cref="ReachCache"/>); null when Reach is null. Scoped: the open allocations in
    /// the role's scope, the same for everyone with that scope (a service, a team; the worker's own), null
    /// when the role has none; Personal: the worker's unexpired grants and, for the roles named to open
    /// them, sealed adoptions. The same tests as <see cref="Openers"/>, written once more as reads of
    /// those rows: ChildSearchTests.ReachIds_* checks that both give the same children for every opener.
    public ReachLists? ReachIds(CurrentWorker w, AccessLevel level = AccessLevel.Read)
    {
        var scope = AccessMatrix.Scope(w.Role, level);
        if (scope == AccessScope.All) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var workerId = w.WorkerId;
        var teamId = w.TeamId ?? -1;
        var serviceId = w.ServiceId ?? -1;
        var open = db.Allocations.Where(a => a.EndDate == null || a.EndDate >= today);
        (AccessScope, int, IQueryable<int>)? scoped = scope switch
        {
            AccessScope.Service => (scope, serviceId, open.Where(a => a.Team.ServiceId == serviceId).Select(a => a.ChildId)),
            AccessScope.Team => (scope, teamId, open.Where(a => a.TeamId == teamId).Select(a => a.ChildId)),
            AccessScope.Own => (scope, workerId, open.Where(a => a.WorkerId == workerId).Select(a => a.ChildId)),
            _ => null,
        };
        var personal = db.RecordAccessGrants.Where(g => false).Select(g => g.ChildId);
        if (GrantApplies(w, level))
            personal = db.RecordAccessGrants.Where(g => g.WorkerId == workerId && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now)).Select(g => g.ChildId);
        if (MayOpenSealed(w, level))
            personal = personal.Concat(db.AdoptionCases.Where(a => a.SealedAt != null).Select(a => a.ChildId));
        return new(scoped, personal);
    }

    /// <see cref="ReachIds"/>: Scoped (the scope, its id, the children) and Personal.
    public sealed record ReachLists((AccessScope Scope, int ScopeId, IQueryable<int> Children)? Scoped, IQueryable<int> Personal);

    private Expression<Func<Person, bool>> Visible(CurrentWorker w, AccessLevel level)
    {
        var (scoped, granted, isSealed) = Openers(w, level);
        Expression<Func<Person, bool>> unrestricted = p => !p.IsRestricted;
        var byScope = AccessMatrix.Scope(w.Role, level) == AccessScope.All ? unrestricted
            : scoped is null ? p => false : unrestricted.And(OnId(scoped));
        // A grant opens a record for reading; for changing, only if the role may change records at all.
        Expression<Func<Person, bool>> isChild = p => p.Kind == PersonKind.Child;
        var open = GrantApplies(w, level) ? byScope.Or(OnId(granted)) : byScope;
        // A sealed adoption record (after the adoption order) opens, read only, to the named roles
        // only; for everyone else the child is not there, whatever their scope or grants.
        var sealedRecord = OnId(isSealed);
        var notSealed = Expression.Lambda<Func<Person, bool>>(Expression.Not(sealedRecord.Body), sealedRecord.Parameters);
        return MayOpenSealed(w, level) ? isChild.And(open.And(notSealed).Or(sealedRecord)) : isChild.And(open.And(notSealed));
    }

    private static bool GrantApplies(CurrentWorker w, AccessLevel level) =>
        level == AccessLevel.Read || AccessMatrix.Scope(w.Role, level) != AccessScope.None;

    private bool MayOpenSealed(CurrentWorker w, AccessLevel level) =>
        level == AccessLevel.Read && (sealedAdoption ?? new Permanence.SealedAdoptionSettings()).Allows(w.Role);

    /// What can open a child's record, by the child's id: an allocation within the role's scope (null when
    /// the scope is every unrestricted child, or none), an explicit unexpired grant, and a sealed adoption
    /// (which closes the record to most roles). ReachIds reads the same rows as a list: change both.
    private (Expression<Func<int, bool>>? Scoped, Expression<Func<int, bool>> Granted, Expression<Func<int, bool>> Sealed) Openers(CurrentWorker w, AccessLevel level)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var workerId = w.WorkerId;
        var teamId = w.TeamId ?? -1;
        var serviceId = w.ServiceId ?? -1;
        var grants = db.RecordAccessGrants;
        var allocations = db.Allocations;
        var adoptions = db.AdoptionCases;
        Expression<Func<int, bool>> granted = id => grants.Any(g => g.ChildId == id && g.WorkerId == workerId
            && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now));
        Expression<Func<int, bool>> isSealed = id => adoptions.Any(a => a.ChildId == id && a.SealedAt != null);
        var running = Running(today);
        Expression<Func<int, bool>>? scoped = AccessMatrix.Scope(w.Role, level) switch
        {
            AccessScope.Service => id => allocations.Where(running).Any(a => a.ChildId == id && a.Team.ServiceId == serviceId),
            AccessScope.Team => id => allocations.Where(running).Any(a => a.ChildId == id && a.TeamId == teamId),
            AccessScope.Own => id => allocations.Where(running).Any(a => a.ChildId == id && a.WorkerId == workerId),
            _ => null,
        };
        return (scoped, granted, isSealed);
    }

    /// An allocation still running today (open, or ending today or later). On PostgreSQL it is written as
    /// one comparison: a child's allocations are then read through IX_Allocations_ChildId_EndDate by the
    /// child's id alone. Written as "EndDate IS NULL OR EndDate >= today" the region planned each child's
    /// test as a BitmapOr of two index scans and a bitmap heap scan (child search "Cole": 2,466 buffers and
    /// 2.4-2.6 ms a lookup; this form 2,025 and 1.2-1.5 ms, pgbench 27 Nov). Same rows either way.
    /// SQLite keeps the OR form its plans (BenchPagePlanTests) were checked with.
    private Expression<Func<Allocations.Allocation, bool>> Running(DateOnly today) => db.Database.IsNpgsql()
        ? a => (a.EndDate ?? DateOnly.MaxValue) >= today
        : a => a.EndDate == null || a.EndDate >= today;

    /// The same test of a child's id, asked of a person (p.Id in place of the id).
    private static Expression<Func<Person, bool>> OnId(Expression<Func<int, bool>> test)
    {
        var p = Expression.Parameter(typeof(Person), "p");
        return Expression.Lambda<Func<Person, bool>>(test.Body.Replace(test.Parameters[0], Expression.Property(p, nameof(Person.Id))), p);
    }
}

internal static class PredicateExtensions
{
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.AndAlso);
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.OrElse);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b,
        Func<Expression, Expression, BinaryExpression> op)
    {
        var p = a.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(op(a.Body, b.Body.Replace(b.Parameters[0], p)), p);
    }

    /// The expression with `to` in place of the parameter `from` (a lambda's body moved onto another
    /// lambda's parameter, or onto a member such as p.Id).
    public static Expression Replace(this Expression body, ParameterExpression from, Expression to) => new Rebind(from, to).Visit(body);

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
