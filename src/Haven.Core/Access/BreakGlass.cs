using Haven.Core.Data;
using Haven.Core.Notifications;
using Haven.Core.People;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Access;

/// Who may use emergency access and for how long: Haven:BreakGlass:Roles and :Minutes.
public sealed class BreakGlassSettings
{
    public static readonly HavenRole[] DefaultRoles = [HavenRole.TeamManager, HavenRole.MashWorker, HavenRole.SeniorLeader];

    /// Empty means the default roles (configuration binding appends to, rather than replaces, an array).
    public HavenRole[] Roles { get; set; } = [];
    public int Minutes { get; set; } = 60;

    public bool Allows(HavenRole role) => (Roles.Length > 0 ? Roles : DefaultRoles).Contains(role);
}

public abstract record BreakGlassResult
{
    public sealed record Opened(DateTime Until) : BreakGlassResult;
    public sealed record Refused(string Field, string Message) : BreakGlassResult;
}

/// Emergency ("break-glass") access to a restricted record: for configured roles only, with a
/// typed reason, for a limited time. It is written to the access log with the reason, and every
/// worker who holds the record (current allocations and its access list) is notified.
public sealed class BreakGlass(HavenDbContext db, AccessLog log, BreakGlassSettings settings, TimeProvider clock)
{
    public const int MinReason = 20;
    public const int MaxReason = 500;

    public async Task<BreakGlassResult> OpenAsync(CurrentWorker worker, int childId, string? reason, CancellationToken ct = default)
    {
        if (!settings.Allows(worker.Role))
            return new BreakGlassResult.Refused("", "Your role cannot use emergency access. Ask a team manager.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new BreakGlassResult.Refused("Reason", "Enter why you need emergency access");
        if (reason.Length < MinReason) return new BreakGlassResult.Refused("Reason", $"Reason must be at least {MinReason} characters: say what the emergency is");
        if (reason.Length > MaxReason) return new BreakGlassResult.Refused("Reason", $"Reason must be {MaxReason} characters or fewer");

        // Only restricted records are opened this way; the answer is the same whether the child
        // does not exist or is simply not restricted, so the form reveals nothing.
        var child = await db.People.Where(p => p.Id == childId && p.Kind == PersonKind.Child && p.IsRestricted)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).FirstOrDefaultAsync(ct);
        if (child is null) return new BreakGlassResult.Refused("", "Emergency access is only for restricted records. There is no restricted record with that number.");

        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddMinutes(settings.Minutes);
        db.RecordAccessGrants.Add(new RecordAccessGrant
        {
            ChildId = childId, WorkerId = worker.WorkerId, Reason = "Emergency access: " + reason, GrantedByWorkerId = worker.WorkerId,
            GrantedAt = now, ExpiresAt = until, IsBreakGlass = true,
        });
        var today = DateOnly.FromDateTime(now);
        var holders = await db.Allocations.Where(a => a.ChildId == childId && (a.EndDate == null || a.EndDate >= today)).Select(a => a.WorkerId)
            .Union(db.RecordAccessGrants.Where(g => g.ChildId == childId && !g.IsBreakGlass && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now)).Select(g => g.WorkerId))
            .Distinct().ToListAsync(ct);
        foreach (var holder in holders.Where(h => h != worker.WorkerId))
            db.Notifications.Add(new Notification
            {
                WorkerId = holder, ChildId = childId, CreatedAt = now,
                Text = $"{worker.DisplayName} used emergency access to the restricted record of {child.FirstName} {child.LastName} (H{childId}) until {until:HH:mm} on {until:d MMM}. Reason: {reason}",
            });
        await db.SaveChangesAsync(ct);
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.BreakGlass, childId, $"/emergency-access/{childId}", reason), ct);
        return new BreakGlassResult.Opened(until);
    }
}
