using Haven.Core.Lado;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<LadoPerson> LadoPeople => Set<LadoPerson>();
    public DbSet<LadoCase> LadoCases => Set<LadoCase>();
    public DbSet<LadoCaseChild> LadoCaseChildren => Set<LadoCaseChild>();
    public DbSet<LadoMeeting> LadoMeetings => Set<LadoMeeting>();
    public DbSet<LadoAction> LadoActions => Set<LadoAction>();
}
