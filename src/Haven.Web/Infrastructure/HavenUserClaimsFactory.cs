using System.Security.Claims;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Haven.Web.Infrastructure;

/// Puts the worker's id, team and service into the sign-in cookie, so that access checks need no
/// extra lookup of who the user is on every request.
public sealed class HavenUserClaimsFactory(
    UserManager<HavenUser> users, IOptions<IdentityOptions> options, HavenDbContext db)
    : UserClaimsPrincipalFactory<HavenUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HavenUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.WorkerId is { } workerId)
        {
            var worker = await db.Workers.AsNoTracking().Include(w => w.Team).FirstOrDefaultAsync(w => w.Id == workerId);
            if (worker is not null) identity.AddClaims(CurrentWorker.ClaimsFor(worker, worker.Team?.ServiceId));
        }
        return identity;
    }
}
