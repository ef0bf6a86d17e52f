using Haven.Core.Missing;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Data;

public partial class HavenDbContext
{
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<ReturnHomeInterview> ReturnHomeInterviews => Set<ReturnHomeInterview>();
}
