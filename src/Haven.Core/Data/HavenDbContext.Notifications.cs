using Haven.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
}
