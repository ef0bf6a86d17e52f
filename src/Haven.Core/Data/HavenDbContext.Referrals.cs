using Haven.Core.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Referral> Referrals => Set<Referral>();
}
