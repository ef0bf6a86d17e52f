using Haven.Core.Access;
using Haven.Core.ChildrenInCare;
using Haven.Core.Tests.Synthetic;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Tests.Access;

/// ChildAccess.About (rows about a visible child, asked row by row) and VisibleAmongAsync (which of
/// some ids are visible) must admit exactly the children ChildAccess.Children admits, for every scope.
public sealed class ChildAccessRowsTests(GeneratedBorough borough) : IClassFixture<GeneratedBorough>
{
    [Theory]
    [InlineData(HavenRole.SocialWorker)]
    [InlineData(HavenRole.TeamManager)]
    [InlineData(HavenRole.SeniorLeader)]
    [InlineData(HavenRole.PartnerAgency)]
    public async Task AboutAndVisibleAmong_AdmitTheChildrenChildrenAdmits(HavenRole role)
    {
        await using var db = borough.Open();
        var staff = await db.Workers.AsNoTracking().Include(w => w.Team).Where(w => w.TeamId != null).OrderBy(w => w.Id).FirstAsync();
        var worker = new CurrentWorker("w", staff.Id, role, staff.TeamId, staff.Team!.ServiceId, "W");
        var access = new ChildAccess(db, TimeProvider.System, new InvolvementCareSpans(db));
        var visible = (await access.Children(worker).Select(p => p.Id).ToListAsync()).ToHashSet();
        var audited = await db.CaseAudits.AsNoTracking().Select(a => new { a.Id, a.ChildId }).ToListAsync();

        var about = await db.CaseAudits.AsNoTracking().Where(access.About<Haven.Core.Quality.CaseAudit>(worker, a => a.ChildId)).Select(a => a.Id).ToListAsync();
        var among = await access.VisibleAmongAsync(worker, audited.Select(a => a.ChildId).Concat([-1]));

        Assert.NotEmpty(audited);
        Assert.Equal(audited.Where(a => visible.Contains(a.ChildId)).Select(a => a.Id).Order(), about.Order());
        Assert.Equal(audited.Select(a => a.ChildId).Where(visible.Contains).ToHashSet(), among);
    }
}
