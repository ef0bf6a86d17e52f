using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Identity;

/// One sign-in per role for trying Haven on the synthetic borough: demo.socialworker and so on.
/// They exist only in demo mode; when demo mode is off they are removed at start-up.
public sealed class DemoAccounts(HavenDbContext db, UserManager<HavenUser> users)
{
    public static string UserNameFor(HavenRole role) => "demo." + role switch
    {
        HavenRole.SystemAdministrator => "admin",
        HavenRole.VirtualSchoolOfficer => "virtualschool",
        HavenRole.FosteringWorker => "fostering",
        HavenRole.PerformanceAnalyst => "analyst",
        HavenRole.PartnerAgency => "partner",
        HavenRole.InformationGovernance => "ig",
        _ => role.ToString().ToLowerInvariant(),
    };

    public async Task<IReadOnlyList<(string UserName, string Role)>> EnsureAsync(string password, CancellationToken ct = default)
    {
        var result = new List<(string, string)>();
        var socialWorkerId = await PickSocialWorkerAsync(ct);
        foreach (var role in Enum.GetValues<HavenRole>())
        {
            var workerId = role switch
            {
                HavenRole.SocialWorker => socialWorkerId,
                HavenRole.TeamManager => await PickManagerOfAsync(socialWorkerId, ct),
                _ => null,
            } ?? await db.Workers.Where(w => w.Role == role && w.IsActive).OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct)
              ?? await CreateWorkerAsync(role, ct);

            var name = UserNameFor(role);
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                user = new HavenUser { UserName = name, WorkerId = workerId, IsDemoAccount = true, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password), name);
            }
            else
            {
                user.WorkerId = workerId;
                user.IsDemoAccount = true;
                Check(await users.UpdateAsync(user), name);
                if (!await users.CheckPasswordAsync(user, password))
                {
                    Check(await users.RemovePasswordAsync(user), name);
                    Check(await users.AddPasswordAsync(user, password), name);
                }
                await users.SetLockoutEndDateAsync(user, null);
            }
            result.Add((name, role.Describe()));
        }
        return result;
    }

    public async Task<int> RemoveAllAsync(CancellationToken ct = default)
    {
        var demo = await db.Users.Where(u => u.IsDemoAccount).ToListAsync(ct);
        foreach (var user in demo) Check(await users.DeleteAsync(user), user.UserName ?? "");
        return demo.Count;
    }

    // The social worker with the fullest caseload shows My work at its most realistic.
    private async Task<int?> PickSocialWorkerAsync(CancellationToken ct) =>
        await db.Allocations.Where(a => a.EndDate == null && a.Kind == AllocationKind.SocialWorker && a.Worker.Role == HavenRole.SocialWorker)
            .GroupBy(a => a.WorkerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (int?)g.Key).FirstOrDefaultAsync(ct);

    private async Task<int?> PickManagerOfAsync(int? workerId, CancellationToken ct)
    {
        if (workerId is null) return null;
        var teamId = await db.Workers.Where(w => w.Id == workerId).Select(w => w.TeamId).FirstOrDefaultAsync(ct);
        return await db.Workers.Where(w => w.TeamId == teamId && w.Role == HavenRole.TeamManager)
            .OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<int> CreateWorkerAsync(HavenRole role, CancellationToken ct)
    {
        var worker = new Worker { DisplayName = $"Demo {role.Describe().ToLowerInvariant()}", Role = role };
        db.Workers.Add(worker);
        await db.SaveChangesAsync(ct);
        return worker.Id;
    }

    private static void Check(IdentityResult r, string user)
    {
        if (!r.Succeeded)
            throw new InvalidOperationException($"Could not set up {user}: {string.Join("; ", r.Errors.Select(e => e.Description))}");
    }
}
