using Haven.Core.DeprivationOfLiberty;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<DeprivationOfLibertyOrder> DeprivationOfLibertyOrders => Set<DeprivationOfLibertyOrder>();
}
