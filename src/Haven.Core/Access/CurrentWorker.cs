using System.Security.Claims;
using Haven.Core.Workforce;

namespace Haven.Core.Access;

public static class HavenClaims
{
    public const string WorkerId = "haven:worker";
    public const string TeamId = "haven:team";
    public const string ServiceId = "haven:service";
    public const string DisplayName = "name";
}

/// Who is acting, read from the signed-in principal's claims.
public sealed record CurrentWorker(string UserName, int WorkerId, HavenRole Role, int? TeamId, int? ServiceId, string DisplayName)
{
    public static CurrentWorker? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(user.FindFirstValue(HavenClaims.WorkerId), out var workerId)) return null;
        var role = Enum.GetValues<HavenRole>().FirstOrDefault(r => user.IsInRole(r.ToString()), (HavenRole)(-1));
        if (!Enum.IsDefined(role)) return null;
        return new CurrentWorker(
            user.Identity.Name ?? "",
            workerId,
            role,
            int.TryParse(user.FindFirstValue(HavenClaims.TeamId), out var t) ? t : null,
            int.TryParse(user.FindFirstValue(HavenClaims.ServiceId), out var s) ? s : null,
            user.FindFirstValue(HavenClaims.DisplayName) ?? user.Identity.Name ?? "");
    }

    public static IEnumerable<Claim> ClaimsFor(Worker worker, int? serviceId)
    {
        yield return new Claim(ClaimTypes.Role, worker.Role.ToString());
        yield return new Claim(HavenClaims.WorkerId, worker.Id.ToString());
        yield return new Claim(HavenClaims.DisplayName, worker.DisplayName);
        if (worker.TeamId is { } t) yield return new Claim(HavenClaims.TeamId, t.ToString());
        if (serviceId is { } s) yield return new Claim(HavenClaims.ServiceId, s.ToString());
    }
}
