using Haven.Core.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactChild> ContactChildren => Set<ContactChild>();
    public DbSet<MashCheck> MashChecks => Set<MashCheck>();
    public DbSet<OutOfHoursHandover> OutOfHoursHandovers => Set<OutOfHoursHandover>();
}
