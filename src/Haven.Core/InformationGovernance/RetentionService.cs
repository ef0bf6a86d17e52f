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
    public Task<IReadOnlyList<RetentionDue>> DueAsync(CancellationToken ct = default) => ReviewAsync(null, ct);

    /// One child's place on the review list (null if not past the retention date or still open):
    /// the same rule as the list, reading only that child's rows.
    public async Task<RetentionDue?> DueForAsync(int personId, CancellationToken ct = default) =>
        (await ReviewAsync(personId, ct)).FirstOrDefault();

    private async Task<IReadOnlyList<RetentionDue>> ReviewAsync(int? only, CancellationToken ct)
    {
        var today = Today;
        var people = db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Kind == PersonKind.Child);
        var involvementRows = db.Involvements.AsNoTracking();
        var noteRows = db.CaseNotes.IgnoreQueryFilters().AsNoTracking();
        var holdRows = db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null);
        var pendingRows = db.DestructionDecisions.AsNoTracking().Where(d => d.CarriedOutAt == null);
        if (only is { } id)
        {
            people = people.Where(p => p.Id == id);
            involvementRows = involvementRows.Where(i => i.ChildId == id);
            noteRows = noteRows.Where(n => n.ChildId == id);
            holdRows = holdRows.Where(h => h.HeldPersonId == null || h.HeldPersonId == id);
            pendingRows = pendingRows.Where(d => d.HavenNumber == id);
        }
        var children = await people.Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.DateOfDeath, p.RecordedAt }).ToListAsync(ct);
        var involvements = (await involvementRows.Select(i => new { i.ChildId, i.Kind, i.StartDate, i.EndDate }).ToListAsync(ct))
            .ToLookup(i => i.ChildId);
        var lastNotes = (await noteRows.GroupBy(n => n.ChildId)
            .Select(g => new { ChildId = g.Key, Last = g.Max(n => n.EventAt) }).ToListAsync(ct)).ToDictionary(x => x.ChildId, x => DateOnly.FromDateTime(x.Last));
        var holds = await holdRows.ToListAsync(ct);
        var pending = (await pendingRows.ToListAsync(ct)).ToDictionary(d => d.HavenNumber);
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

    public const string HoldConflict = "Someone else changed this hold while you were looking at it: check it and try again";
    public const string DecisionConflict = "Someone else changed this decision while you were looking at it: check it and try again";

    public async Task<string?> ReleaseHoldAsync(int holdId, Guid version, CurrentWorker by, CancellationToken ct = default)
    {
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == holdId, ct);
        if (hold is null) return "That hold is not in force";
        // The version first: a second officer whose page is stale is told someone else acted, not just that it is released.
        if (hold.Version != version) return HoldConflict;
        if (hold.ReleasedAt is not null) return "That hold is not in force";
        hold.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        hold.ReleasedByWorkerId = by.WorkerId;
        // Another officer saving between the read above and this save is the same conflict, not an error.
        return await db.TrySaveChangesAsync(ct) ? null : HoldConflict;
    }

    public async Task<string?> ProposeAsync(int personId, string reason, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) return "Enter why these records should be destroyed, in 500 characters or fewer";
        var due = await DueForAsync(personId, ct);
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
        if (decision is null) return "That decision is not waiting for approval";
        if (decision.Version != version) return DecisionConflict;
        if (decision.CarriedOutAt is not null) return "That decision is not waiting for approval";
        if (decision.ProposedByWorkerId == by.WorkerId) return "A second officer must approve: you proposed this destruction";
        var due = await DueForAsync(decision.HavenNumber, ct);
        if (due is null) return "These records are no longer past their retention date, or work with the child has reopened";
        if (due.Hold is not null) return $"These records are under a legal hold: {due.Hold.Reason}";

        var strategy = db.Database.CreateExecutionStrategy();
        int rows;
        try
        {
            rows = await strategy.ExecuteAsync(async () =>
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
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer acted between the read and the save: the transaction rolled back, nothing was destroyed.
            db.ChangeTracker.Clear();
            return DecisionConflict;
        }
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
        // …and rows that point at destroyed rows through a plain integer column with no foreign key.
        var plain = PlainReferences(model);
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
            var references = model.GetEntityTypes().SelectMany(t => t.GetForeignKeys())
                .Where(fk => fk.PrincipalEntityType == type && fk.DeclaringEntityType != type)
                .Select(fk => new Reference(fk.DeclaringEntityType, fk.Properties[0], fk.PrincipalKey.Properties[0], fk.IsRequired))
                .Concat(plain.Where(r => r.Principal == type).Select(r => new Reference(r.Dependent, r.Column, type.FindPrimaryKey()!.Properties[0], !r.Column.IsNullable)));
            foreach (var (dependent, dependentColumn, principalKey, required) in references)
            {
                if (dependent.IsOwned() || dependent.GetTableName() is null || dependent.ClrType == typeof(AccessLogEntry)) continue;
                var principalColumn = Column(type, principalKey);
                var inSet = $"{Column(dependent, dependentColumn)} IN (SELECT {principalColumn} FROM {Table(type)} WHERE {where})";
                if (required && done.Contains(dependent))
                {
                    statements.Add($"DELETE FROM {Table(dependent)} WHERE {inSet}");
                }
                else if (required)
                {
                    predicates[dependent] = predicates.TryGetValue(dependent, out var existing) ? $"({existing}) OR {inSet}" : inSet;
                    Visit(dependent);
                }
                else
                {
                    statements.Add($"UPDATE {Table(dependent)} SET {Column(dependent, dependentColumn)} = NULL WHERE {inSet}");
                }
            }
            statements.Add($"DELETE FROM {Table(type)} WHERE {predicates[type]}");
            visiting.Remove(type);
            done.Add(type);
        }

        string Table(IEntityType t) => sql.DelimitIdentifier(t.GetTableName()!, t.GetSchema());
        string Column(IEntityType t, IProperty p) => sql.DelimitIdentifier(p.GetColumnName(StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema()))!);
    }

    private sealed record Reference(IEntityType Dependent, IProperty DependentColumn, IProperty PrincipalKey, bool Required);

    /// Integer columns named after another table's rows (…{Type}Id, such as SteppedUpReferralId or
    /// CaseNoteId) that carry no foreign key: the database will not cascade them, so destruction
    /// must follow them itself. People are left out: columns naming a person are read by
    /// SubjectAccessGatherer.PersonReferences. A name that matches no type, or several, is ignored.
    public static IReadOnlyList<(IEntityType Dependent, IProperty Column, IEntityType Principal)> PlainReferences(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.FindPrimaryKey() is { Properties.Count: 1 } key
            && key.Properties[0].ClrType == typeof(int) && t.ClrType != typeof(Person) && t.ClrType != typeof(AccessLogEntry)).ToList();
        var result = new List<(IEntityType, IProperty, IEntityType)>();
        foreach (var type in model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(AccessLogEntry)))
            foreach (var p in type.GetProperties())
            {
                if (p.ClrType != typeof(int) && p.ClrType != typeof(int?)) continue;
                if (p.IsPrimaryKey() || p.IsForeignKey() || !p.Name.EndsWith("Id", StringComparison.Ordinal) || p.Name.Length <= 2) continue;
                if (p.Name.EndsWith("ChildId", StringComparison.Ordinal) || p.Name.EndsWith("PersonId", StringComparison.Ordinal)) continue;
                var stem = p.Name[..^2];
                // The exact type name, else the longest type name the column ends with (SteppedUpReferral → Referral),
                // else the one type whose name ends with the column's stem (Conference → ChildProtectionConference).
                var target = tables.FirstOrDefault(t => t.ClrType.Name == stem)
                    ?? tables.Where(t => stem.EndsWith(t.ClrType.Name, StringComparison.Ordinal)).MaxBy(t => t.ClrType.Name.Length);
                if (target is null)
                {
                    var endings = tables.Where(t => t.ClrType.Name.EndsWith(stem, StringComparison.Ordinal)).ToList();
                    if (endings.Count == 1) target = endings[0];
                }
                if (target is not null && target != type) result.Add((type, p, target));
            }
        return result;
    }
}
