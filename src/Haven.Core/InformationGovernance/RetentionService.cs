using System.Data.Common;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Haven.Core.InformationGovernance;

public sealed record RetentionDue(int PersonId, string HavenId, string Name, DateOnly? DateOfBirth, RetentionRule Rule, DateOnly KeepUntil,
    DateOnly LastActivity, LegalHold? Hold, DestructionDecision? Pending);

/// The retention review list, legal holds, and destruction with two officers (access-practice.md §9).
public sealed class RetentionService(HavenDbContext db, RetentionSchedule schedule, AccessLog log, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// Children whose records are past their retention date and have nothing open.
    public async Task<IReadOnlyList<RetentionDue>> DueAsync(CancellationToken ct = default)
    {
        var today = Today;
        var children = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Kind == PersonKind.Child)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.DateOfDeath, p.RecordedAt }).ToListAsync(ct);
        var involvements = (await db.Involvements.AsNoTracking().Select(i => new { i.ChildId, i.Kind, i.StartDate, i.EndDate }).ToListAsync(ct))
            .ToLookup(i => i.ChildId);
        var lastNotes = (await db.CaseNotes.IgnoreQueryFilters().AsNoTracking().GroupBy(n => n.ChildId)
            .Select(g => new { ChildId = g.Key, Last = g.Max(n => n.EventAt) }).ToListAsync(ct)).ToDictionary(x => x.ChildId, x => DateOnly.FromDateTime(x.Last));
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(ct);
        var pending = (await db.DestructionDecisions.AsNoTracking().Where(d => d.CarriedOutAt == null).ToListAsync(ct)).ToDictionary(d => d.HavenNumber);
        var everything = holds.FirstOrDefault(h => h.HeldPersonId is null);

        var due = new List<RetentionDue>();
        foreach (var c in children)
        {
            var spans = involvements[c.Id].ToList();
            if (spans.Any(s => s.EndDate is null)) continue;
            var last = new[] { DateOnly.FromDateTime(c.RecordedAt), lastNotes.GetValueOrDefault(c.Id) }
                .Concat(spans.Select(s => s.EndDate ?? s.StartDate)).Max();
            var (keepUntil, rule) = schedule.KeepUntil(spans.Select(s => s.Kind), c.DateOfBirth, last, c.DateOfDeath);
            if (keepUntil > today) continue;
            var hold = everything ?? holds.FirstOrDefault(h => h.HeldPersonId == c.Id);
            due.Add(new RetentionDue(c.Id, HavenIds.Format(c.Id), $"{c.FirstName} {c.LastName}", c.DateOfBirth, rule, keepUntil, last, hold, pending.GetValueOrDefault(c.Id)));
        }
        return due.OrderBy(d => d.KeepUntil).ThenBy(d => d.PersonId).ToList();
    }

    public async Task<string?> PlaceHoldAsync(int? personId, string reason, string owner, DateOnly reviewOn, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) return "Enter the reason for the hold, in 500 characters or fewer";
        if (string.IsNullOrWhiteSpace(owner) || owner.Length > 200) return "Enter who owns the hold, in 200 characters or fewer";
        if (reviewOn <= Today) return "The review date must be in the future";
        if (personId is { } id && !await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == id, ct)) return "There is no person with that Haven ID";
        db.LegalHolds.Add(new LegalHold
        {
            HeldPersonId = personId, Reason = reason.Trim(), Owner = owner.Trim(), ReviewOn = reviewOn,
            PlacedAt = clock.GetUtcNow().UtcDateTime, PlacedByWorkerId = by.WorkerId,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> ReleaseHoldAsync(int holdId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == holdId, ct);
        if (hold is null || hold.ReleasedAt is not null) return "That hold is not in force";
        if (hold.Version != version) return "Someone else changed this hold while you were looking at it: check it and try again";
        hold.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        hold.ReleasedByWorkerId = by.WorkerId;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> ProposeAsync(int personId, string reason, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) return "Enter why these records should be destroyed, in 500 characters or fewer";
        var due = (await DueAsync(ct)).FirstOrDefault(d => d.PersonId == personId);
        if (due is null) return "These records are not past their retention date, or work with the child is still open";
        if (due.Hold is not null) return $"These records are under a legal hold: {due.Hold.Reason}";
        if (due.Pending is not null) return "Destruction of these records has already been proposed";
        db.DestructionDecisions.Add(new DestructionDecision
        {
            HavenNumber = personId, RetentionClass = due.Rule.Class, KeepUntil = due.KeepUntil, Reason = reason.Trim(),
            ProposedAt = clock.GetUtcNow().UtcDateTime, ProposedByWorkerId = by.WorkerId,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// The second officer approves, and the records are destroyed in the same transaction.
    public async Task<string?> ApproveAndDestroyAsync(int decisionId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var decision = await db.DestructionDecisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null || decision.CarriedOutAt is not null) return "That decision is not waiting for approval";
        if (decision.Version != version) return "Someone else changed this decision while you were looking at it: check it and try again";
        if (decision.ProposedByWorkerId == by.WorkerId) return "A second officer must approve: you proposed this destruction";
        var due = (await DueAsync(ct)).FirstOrDefault(d => d.PersonId == decision.HavenNumber);
        if (due is null) return "These records are no longer past their retention date, or work with the child has reopened";
        if (due.Hold is not null) return $"These records are under a legal hold: {due.Hold.Reason}";

        var strategy = db.Database.CreateExecutionStrategy();
        var rows = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var destroyed = await DestroyAsync(decision.HavenNumber, ct);
            decision.ApprovedAt = decision.CarriedOutAt = clock.GetUtcNow().UtcDateTime;
            decision.ApprovedByWorkerId = by.WorkerId;
            decision.RowsDestroyed = destroyed;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return destroyed;
        });
        await log.WriteAsync(new AccessEvent(by.UserName, by.WorkerId, AccessAction.Destroy, decision.HavenNumber, $"retention/{decision.Id}",
            $"Records destroyed under retention decision {decision.Id} ({decision.RetentionClass}, kept until {decision.KeepUntil:yyyy-MM-dd}): {rows} rows"), ct);
        return null;
    }

    /// Deletes every row that names the person (the same columns a subject access request reads),
    /// every row that depends on those through a required foreign key, and the person. Optional
    /// references from rows that stay are cleared. The access log is never touched.
    private async Task<int> DestroyAsync(int personId, CancellationToken ct)
    {
        var model = db.Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var person = model.FindEntityType(typeof(Person))!;
        var predicates = new Dictionary<IEntityType, string>();
        predicates[person] = $"{Column(person, person.FindPrimaryKey()!.Properties[0])} = @id";
        foreach (var (type, columns) in SubjectAccessGatherer.PersonReferences(model))
            predicates[type] = string.Join(" OR ", columns.Select(c => $"{Column(type, c)} = @id"));
        // Rows that hang off those rows by a required foreign key go too (amendments of a note…).
        var visiting = new HashSet<IEntityType>();
        var done = new HashSet<IEntityType>();
        var statements = new List<string>();
        foreach (var type in predicates.Keys.ToList()) Visit(type);

        var total = 0;
        var connection = db.Database.GetDbConnection();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var p = command.CreateParameter();
            p.ParameterName = "@id";
            p.Value = personId;
            command.Parameters.Add(p);
            command.CommandText = statement;
            var n = await command.ExecuteNonQueryAsync(ct);
            if (statement.StartsWith("DELETE", StringComparison.Ordinal)) total += n;
        }
        return total;

        // Depth-first: dependents' statements come before their principal's delete.
        void Visit(IEntityType type)
        {
            if (done.Contains(type) || !visiting.Add(type)) return;
            var where = predicates[type];
            foreach (var fk in model.GetEntityTypes().SelectMany(t => t.GetForeignKeys()).Where(fk => fk.PrincipalEntityType == type && fk.DeclaringEntityType != type))
            {
                var dependent = fk.DeclaringEntityType;
                if (dependent.IsOwned() || dependent.GetTableName() is null || dependent.ClrType == typeof(AccessLogEntry)) continue;
                var principalColumn = Column(type, fk.PrincipalKey.Properties[0]);
                var inSet = $"{Column(dependent, fk.Properties[0])} IN (SELECT {principalColumn} FROM {Table(type)} WHERE {where})";
                if (fk.IsRequired && done.Contains(dependent))
                {
                    statements.Add($"DELETE FROM {Table(dependent)} WHERE {inSet}");
                }
                else if (fk.IsRequired)
                {
                    predicates[dependent] = predicates.TryGetValue(dependent, out var existing) ? $"({existing}) OR {inSet}" : inSet;
                    Visit(dependent);
                }
                else
                {
                    statements.Add($"UPDATE {Table(dependent)} SET {Column(dependent, fk.Properties[0])} = NULL WHERE {inSet}");
                }
            }
            statements.Add($"DELETE FROM {Table(type)} WHERE {predicates[type]}");
            visiting.Remove(type);
            done.Add(type);
        }

        string Table(IEntityType t) => sql.DelimitIdentifier(t.GetTableName()!, t.GetSchema());
        string Column(IEntityType t, IProperty p) => sql.DelimitIdentifier(p.GetColumnName(StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema()))!);
    }
}
