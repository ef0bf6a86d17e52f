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

    private Expression<Func<Person, bool>> Visible(CurrentWorker w, AccessLevel level)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var workerId = w.WorkerId;
        var teamId = w.TeamId ?? -1;
        var serviceId = w.ServiceId ?? -1;
        var grants = db.RecordAccessGrants;
        var allocations = db.Allocations;
        Expression<Func<Person, bool>> granted = p => grants.Any(g => g.ChildId == p.Id && g.WorkerId == workerId
            && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now));

        Expression<Func<Person, bool>> byScope = AccessMatrix.Scope(w.Role, level) switch
        {
            AccessScope.All => p => !p.IsRestricted,
            AccessScope.Service => p => !p.IsRestricted && allocations.Any(a => a.ChildId == p.Id
                && (a.EndDate == null || a.EndDate >= today) && a.Team.ServiceId == serviceId),
            AccessScope.Team => p => !p.IsRestricted && allocations.Any(a => a.ChildId == p.Id
                && (a.EndDate == null || a.EndDate >= today) && a.TeamId == teamId),
            AccessScope.Own => p => !p.IsRestricted && allocations.Any(a => a.ChildId == p.Id
                && (a.EndDate == null || a.EndDate >= today) && a.WorkerId == workerId),
            _ => p => false,
        };
        // A grant opens a record for reading; for changing, only if the role may change records at all.
        var grantApplies = level == AccessLevel.Read || AccessMatrix.Scope(w.Role, level) != AccessScope.None;
        Expression<Func<Person, bool>> isChild = p => p.Kind == PersonKind.Child;
        var open = grantApplies ? byScope.Or(granted) : byScope;
        // A sealed adoption record (after the adoption order) opens, read only, to the named roles
        // only; for everyone else the child is not there, whatever their scope or grants.
        var adoptions = db.AdoptionCases;
        Expression<Func<Person, bool>> notSealed = p => !adoptions.Any(a => a.ChildId == p.Id && a.SealedAt != null);
        Expression<Func<Person, bool>> isSealed = p => adoptions.Any(a => a.ChildId == p.Id && a.SealedAt != null);
        var mayOpenSealed = level == AccessLevel.Read && (sealedAdoption ?? new Permanence.SealedAdoptionSettings()).Allows(w.Role);
        return mayOpenSealed ? isChild.And(open.And(notSealed).Or(isSealed)) : isChild.And(open.And(notSealed));
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
        var body = op(a.Body, new Rebind(b.Parameters[0], p).Visit(b.Body));
        return Expression.Lambda<Func<T, bool>>(body, p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
