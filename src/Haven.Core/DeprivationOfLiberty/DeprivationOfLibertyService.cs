using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.DeprivationOfLiberty;

/// What an order is recorded or changed with. AuthorisedBy: the court or body that authorised it.
public sealed record DeprivationOfLibertyInput(DateOnly StartDate, DateOnly? EndDate, string? AuthorisedBy, string? Notes);

/// Recording, changing (ending, correcting) and removing a child's deprivation of liberty orders: the
/// pages and the API share it. Every save is checked by DeprivationOfLibertyRules against the child's
/// current episodes first. Errors keyed "Recorder" mean this worker may not record one (403), "Id" that
/// there is no such order for the child (404) and "Version" that someone else changed it first (409).
public sealed class DeprivationOfLibertyService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxAuthorisedBy = 200;
    public const int MaxNotes = 4000;
    public const string ConflictMessage = "Someone else changed this deprivation of liberty order after you opened it. Check what is recorded now and make your change again if it is still needed";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Who may record: the child's allocated social worker or a team manager (the route's policy
    /// admits the roles, AccessMatrix.RecordsDeprivationOfLiberty; the child-record guard the team).
    public async Task<bool> MayRecordAsync(CurrentWorker by, int childId, CancellationToken ct = default)
    {
        if (!AccessMatrix.RecordsDeprivationOfLiberty(by.Role)) return false;
        if (by.Role == HavenRole.TeamManager) return true;
        var today = Today;
        return await db.Allocations.AnyAsync(a => a.ChildId == childId && a.Kind == AllocationKind.SocialWorker && a.WorkerId == by.WorkerId
            && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today), ct);
    }

    /// The child's orders (not removed), newest first.
    public async Task<IReadOnlyList<DeprivationOfLibertyOrder>> ListAsync(int childId, CancellationToken ct = default) =>
        await db.DeprivationOfLibertyOrders.AsNoTracking().Where(o => o.ChildId == childId)
            .OrderByDescending(o => o.StartDate).ThenByDescending(o => o.Id).ToListAsync(ct);

    /// The child's current episodes with their placement types, as DeprivationOfLibertyRules reads them.
    public async Task<IReadOnlyList<CareEpisode>> EpisodesAsync(int childId, CancellationToken ct = default) =>
        (await db.Episodes.AsNoTracking().Where(e => e.ChildId == childId && e.SupersededAt == null)
            .Select(e => new { e.StartDate, e.EndDate, e.Placement.PlacementTypeCode }).ToListAsync(ct))
        .Select(e => new CareEpisode(e.StartDate, e.EndDate, e.PlacementTypeCode)).ToList();

    public async Task<Dictionary<string, string>> ValidateAsync(int childId, int? orderId, DeprivationOfLibertyInput input, CancellationToken ct = default)
    {
        var others = (await db.DeprivationOfLibertyOrders.AsNoTracking().Where(o => o.ChildId == childId && o.Id != (orderId ?? 0))
            .Select(o => new { o.StartDate, o.EndDate }).ToListAsync(ct)).Select(o => (o.StartDate, o.EndDate)).ToList();
        var errors = DeprivationOfLibertyRules.Validate(input.StartDate, input.EndDate, Today, await EpisodesAsync(childId, ct), others);
        if (string.IsNullOrWhiteSpace(input.AuthorisedBy)) errors["AuthorisedBy"] = "Enter the court that authorised the order";
        else if (input.AuthorisedBy.Trim().Length > MaxAuthorisedBy) errors["AuthorisedBy"] = $"The court must be {MaxAuthorisedBy} characters or fewer";
        if (input.Notes is { Length: > MaxNotes }) errors["Notes"] = $"Notes must be {MaxNotes:N0} characters or fewer";
        return errors;
    }

    /// Records an order in one save; a repeated SubmissionId returns the order already saved.
    public async Task<LookedAfterResult> AddAsync(int childId, DeprivationOfLibertyInput input, Guid? submissionId, CurrentWorker by, CancellationToken ct = default)
    {
        if (!await MayRecordAsync(by, childId, ct)) return LookedAfterResult.Fail("Recorder", "Only the child's social worker or a team manager can record a deprivation of liberty order");
        if (submissionId is { } sid && await db.DeprivationOfLibertyOrders.IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(o => o.SubmissionId == sid && o.ChildId == childId, ct) is { } existing)
            return new(existing.Id, new Dictionary<string, string>());
        var errors = await ValidateAsync(childId, null, input, ct);
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var order = new DeprivationOfLibertyOrder
        {
            ChildId = childId, StartDate = input.StartDate, EndDate = input.EndDate, AuthorisedBy = input.AuthorisedBy!.Trim(), Notes = input.Notes?.Trim() ?? "",
            RecordedAt = Now, RecordedByWorkerId = by.WorkerId, SubmissionId = submissionId,
        };
        db.DeprivationOfLibertyOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (submissionId is { } submitted)
        {
            db.Entry(order).State = EntityState.Detached;
            var first = await db.DeprivationOfLibertyOrders.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.SubmissionId == submitted, ct);
            return new(first.Id, new Dictionary<string, string>());
        }
        return new(order.Id, new Dictionary<string, string>());
    }

    /// Changes an order (ends it, or corrects its dates, court or notes) from the version the user read.
    public async Task<LookedAfterResult> ChangeAsync(int childId, int orderId, Guid version, DeprivationOfLibertyInput input, CurrentWorker by, CancellationToken ct = default)
    {
        if (!await MayRecordAsync(by, childId, ct)) return LookedAfterResult.Fail("Recorder", "Only the child's social worker or a team manager can change a deprivation of liberty order");
        var order = await db.DeprivationOfLibertyOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.ChildId == childId, ct);
        if (order is null) return LookedAfterResult.Fail("Id", "There is no such deprivation of liberty order for this child");
        if (order.Version != version) return LookedAfterResult.Fail("Version", ConflictMessage);
        var errors = await ValidateAsync(childId, orderId, input, ct);
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        order.StartDate = input.StartDate;
        order.EndDate = input.EndDate;
        order.AuthorisedBy = input.AuthorisedBy!.Trim();
        order.Notes = input.Notes?.Trim() ?? "";
        order.ChangedAt = Now;
        order.ChangedByWorkerId = by.WorkerId;
        db.Entry(order).Property(o => o.Version).OriginalValue = version;
        return await db.TrySaveChangesAsync(ct) ? new(order.Id, new Dictionary<string, string>()) : LookedAfterResult.Fail("Version", ConflictMessage);
    }

    /// Removes an order recorded in error (kept, hidden, with who removed it and why).
    public async Task<LookedAfterResult> RemoveAsync(int childId, int orderId, Guid version, string? reason, CurrentWorker by, CancellationToken ct = default)
    {
        if (!await MayRecordAsync(by, childId, ct)) return LookedAfterResult.Fail("Recorder", "Only the child's social worker or a team manager can remove a deprivation of liberty order");
        var order = await db.DeprivationOfLibertyOrders.FirstOrDefaultAsync(o => o.Id == orderId && o.ChildId == childId, ct);
        if (order is null) return LookedAfterResult.Fail("Id", "There is no such deprivation of liberty order for this child");
        if (order.Version != version) return LookedAfterResult.Fail("Version", ConflictMessage);
        if (string.IsNullOrWhiteSpace(reason)) return LookedAfterResult.Fail("Reason", "Enter why the order is being removed");
        if (reason.Trim().Length > 1000) return LookedAfterResult.Fail("Reason", "The reason must be 1,000 characters or fewer");
        order.DeletedAt = Now;
        order.DeletedByWorkerId = by.WorkerId;
        order.DeletionReason = reason.Trim();
        db.Entry(order).Property(o => o.Version).OriginalValue = version;
        return await db.TrySaveChangesAsync(ct) ? new(order.Id, new Dictionary<string, string>()) : LookedAfterResult.Fail("Version", ConflictMessage);
    }
}

/// When each order started and ended, in the child's chronology (under Care).
public sealed class DeprivationOfLibertyChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Care";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.DeprivationOfLibertyOrders.Any(o => o.ChildId == id);

    /// On: start, Until: end, A: authorised by.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.DeprivationOfLibertyOrders.Where(o => o.ChildId == id)
        .Select(o => new ChronologyRow(source, 0, o.StartDate, o.EndDate, ChronologyRow.Text(o.AuthorisedBy), null, null, null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var items = new List<ChronologyItem>();
        foreach (var o in rows)
        {
            items.Add(new(At(o.On!.Value), false, Category, "Deprivation of liberty order made", o.A, null, "care#deprivation-of-liberty"));
            if (o.Until is { } end) items.Add(new(At(end), false, Category, "Deprivation of liberty order ended", o.A, null, "care#deprivation-of-liberty"));
        }
        return items;
    }
}
