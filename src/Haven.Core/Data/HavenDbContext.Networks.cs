using Haven.Core.Networks;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Association> Associations => Set<Association>();
}
